"""The source check over the shared corpora: what it finds, how fast, and
how often a reader agrees.

    python bench/source_check.py [CORPUS]          # findings per kind, time per guide
    python bench/source_check.py sheet CORPUS      # write bench/reviews/source-check-CORPUS.tsv
    python bench/source_check.py precision         # the share of findings readers confirmed
    python bench/source_check.py recall CORPUS     # the share of the defects a reader listed that are found

CORPUS is `medquad` (the tuning set), `check` (measured once, at the end of
a piece of work), `seeds` (the project's own sources/) or `fresh`,
`fresh2` ... `fresh6`, `fresh8` ... `fresh11` (guides made from MedQuAD documents nobody here had
read, by bench/medquad_guides.py, in ../fresh/ ... ../fresh11/; each
measured blind once, then tuned on, but the last). A sheet's first blind pass is kept beside it as
source-check-CORPUS-first-pass.tsv. A sheet has one row
per finding: the guide, the line, the source line as written, what the
check says (kind, and the repair it made or what a person should do), and
two columns for a reviewer who sees nothing else (not the rules, not the
code): `verdict` and `note`.
  real     the finding is right: there is such a problem at this line (for a
           repair: the repaired text is right and means what the source meant)
  wrong    there is no such problem, or the repair is wrong
Refreshing a sheet keeps the verdict of each row whose finding is unchanged.

A reader who saw only the guides listed their defects of four kinds (headings
run into the text, repeats, captions, web-only text) in
source-check-CORPUS-defects.tsv; `recall` says how many of those the check
finds now, at the same line.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from publisher.source_check import REPAIRED, check_source, load_check_rules  # noqa: E402
from publisher.sources import load_source  # noqa: E402

CORPORA = {"medquad": ROOT.parent / "shared" / "corpus" / "medquad",
           "check": ROOT.parent / "shared" / "corpus" / "check",
           "seeds": ROOT / "sources",
           # guides nobody here has read, made with bench/medquad_guides.py (not in the repository)
           "fresh": ROOT.parent / "fresh",
           "fresh2": ROOT.parent / "fresh2",
           "fresh3": ROOT.parent / "fresh3",
           "fresh4": ROOT.parent / "fresh4",
           "fresh5": ROOT.parent / "fresh5",
           "fresh6": ROOT.parent / "fresh6",
           "fresh8": ROOT.parent / "fresh8",
           "fresh9": ROOT.parent / "fresh9",
           "fresh10": ROOT.parent / "fresh10",
           "fresh11": ROOT.parent / "fresh11"}
REVIEWS = ROOT / "bench" / "reviews"
COLUMNS = ["guide", "line", "source_line", "kind", "finding", "state", "says", "verdict", "note"]
VERDICTS = ("real", "wrong")


def findings(corpus: str) -> tuple[list[tuple[Path, object]], float, int]:
    """(each guide's path and finding, seconds the check took, number of guides)."""
    rules = load_check_rules(ROOT / "locales" / "en", "en")
    paths = sorted(path for path in CORPORA[corpus].iterdir() if path.suffix in (".md", ".txt"))
    sources = [load_source(path) for path in paths]
    check_source(sources[0], rules)  # the first guide pays for hunspell's start and the word lists, once per process
    started = time.perf_counter()
    found = [(source.path, finding) for source in sources for finding in check_source(source, rules).findings]
    return found, time.perf_counter() - started, len(paths)


def summary(corpora: tuple[str, ...]) -> None:
    """Findings per kind for each corpus, and the time per guide."""
    for corpus in corpora:
        if not CORPORA[corpus].is_dir():
            print(f"{corpus}: no guides in {CORPORA[corpus]}")
            continue
        found, seconds, guides = findings(corpus)
        kinds = Counter(finding.kind for _, finding in found)
        repaired = Counter(finding.kind for _, finding in found if finding.state == REPAIRED)
        print(f"{corpus}: {guides} guides, {len(found)} findings ({sum(repaired.values())} repaired), "
              f"{1000 * seconds / guides:.0f} ms a guide")
        for kind, number in kinds.most_common():
            print(f"  {kind:<22}{number:>4}" + (f"  ({repaired[kind]} repaired)" if repaired[kind] else ""))


def write_sheet(corpus: str) -> Path:
    """Write (or refresh) the review sheet of a corpus."""
    rules = load_check_rules(ROOT / "locales" / "en", "en")
    target = REVIEWS / f"source-check-{corpus}.tsv"
    earlier = {_key(row): row for row in _read(target)} if target.exists() else {}
    rows = []
    for path, finding in findings(corpus)[0]:
        lines = path.read_text(encoding="utf-8").splitlines()
        source_line = lines[finding.line - 1] if 0 < finding.line <= len(lines) else ""
        says = finding.repair if finding.state == REPAIRED else rules.names[finding.kind].advice
        if finding.detail:
            says = f"{says} ({finding.detail})"
        row = {"guide": path.name, "line": finding.line, "source_line": source_line[:600],
               "kind": rules.names[finding.kind].one, "finding": finding.text, "state": finding.state, "says": says,
               "verdict": "", "note": ""}
        old = earlier.get(_key(row))
        if old:
            row["verdict"], row["note"] = old["verdict"], old["note"]
        rows.append(row)
    REVIEWS.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return target


def precision() -> None:
    """The share of reviewed findings a reader confirmed, per sheet and kind;
    repairs a reader rejected are listed. Only a *-first-pass sheet is a
    blind first pass; a refreshed sheet keeps the verdicts of the rows that
    did not change, so its figure is not one."""
    for sheet in sorted(REVIEWS.glob("source-check-*.tsv")):
        if sheet.stem.endswith("-defects"):  # a reader's list of defects, not a sheet of findings
            continue
        every = _read(sheet)
        rows = [row for row in every if row["verdict"] in VERDICTS]
        if not rows:
            print(f"{sheet.name}: not reviewed")
            continue
        real = sum(row["verdict"] == "real" for row in rows)
        repairs = [row for row in rows if row["state"] == REPAIRED]
        unjudged = f"; {len(every) - len(rows)} not reviewed" if len(every) > len(rows) else ""
        print(f"{sheet.name}: {real} of {len(rows)} reviewed findings real ({100 * real / len(rows):.0f}%){unjudged}")
        for kind in sorted({row["kind"] for row in rows}):
            mine = [row for row in rows if row["kind"] == kind]
            print(f"  {kind:<40}{sum(row['verdict'] == 'real' for row in mine):>3} of {len(mine)}")
        rejected = [row for row in repairs if row["verdict"] == "wrong"]
        print(f"  repairs rejected: {len(rejected)}" + "".join(
            f"\n    {row['guide']}:{row['line']}: {row['says']} ({row['note']})" for row in rejected))


# A listed defect is found by a finding of one of these kinds at its line (a
# repeated heading: anywhere, as the reader lists every line it stands on). A
# reader may list a repeated heading as a repeat, at the line it is repeated on.
FOUND_BY = {"run-in-heading": ("run-in-heading",), "repeated-heading": ("repeated-heading",),
            "repeat": ("repeated-paragraph", "repeated-list", "repeated-section", "repeated-heading"),
            "caption": ("caption",),
            "web-only": ("web-only",)}


def recall(corpus: str) -> None:
    """How many of the defects a reader listed in `corpus` the check finds."""
    listed = _read(REVIEWS / f"source-check-{corpus}-defects.tsv")
    found = [(path.name, finding) for path, finding in findings(corpus)[0]]
    paragraph_starts = {path.name: _paragraph_starts(path) for path in CORPORA[corpus].iterdir()}
    section_starts = {path.name: _section_starts(path) for path in CORPORA[corpus].iterdir()}
    hits: Counter = Counter()
    totals: Counter = Counter()
    for defect in listed:
        kind, totals[defect["defect"]] = defect["defect"], totals[defect["defect"]] + 1
        # a finding and a reader may name different lines of one paragraph (no blank line between)
        listed_line = int(defect["line"].split(",")[0])  # a repeated heading: every line it stands on
        starts = paragraph_starts[defect["guide"]]
        paragraph = starts.get(listed_line, listed_line)
        section = section_starts[defect["guide"]].get(listed_line)
        hits[kind] += any(guide == defect["guide"] and finding.kind in FOUND_BY[kind] and (
            kind == "repeated-heading" and finding.text.lower().rstrip("?")[:30] in defect["text"].lower()
            or starts.get(finding.line, finding.line) == paragraph
            # a paragraph of a section found repeated as a whole (the finding names the section's heading line)
            or finding.kind == "repeated-section" and finding.line == section) for guide, finding in found)
    print(f"{corpus}: {sum(hits.values())} of {sum(totals.values())} listed defects found")
    for kind, total in totals.most_common():
        print(f"  {kind:<18}{hits[kind]:>4} of {total}")


def _section_starts(path: Path) -> dict[int, int]:
    """Each line's number -> the number of the `##` heading line of the section it stands in."""
    starts, start = {}, 0
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        start = number if text.startswith("## ") else start
        starts[number] = start
    return starts


def _paragraph_starts(path: Path) -> dict[int, int]:
    """Each line's number -> the number of the line its paragraph starts on."""
    starts, start = {}, None
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        start = None if not text.strip() else (start or number)
        starts[number] = start or number
    return starts


def _key(row: dict) -> tuple:
    return (row["guide"], row["finding"], row["says"])


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file, delimiter="\t"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", choices=("summary", "sheet", "precision", "recall", *CORPORA),
                        default="summary")
    parser.add_argument("corpus", nargs="?", choices=tuple(CORPORA))
    arguments = parser.parse_args()
    if arguments.command in CORPORA:
        arguments.command, arguments.corpus = "summary", arguments.command
    if arguments.command == "sheet":
        if not arguments.corpus:
            parser.error("sheet needs a corpus: " + ", ".join(CORPORA))
        print(f"Wrote {write_sheet(arguments.corpus).relative_to(ROOT)}")
    elif arguments.command == "precision":
        precision()
    elif arguments.command == "recall":
        if not arguments.corpus:
            parser.error("recall needs a corpus: " + ", ".join(CORPORA))
        recall(arguments.corpus)
    else:
        summary((arguments.corpus,) if arguments.corpus else tuple(CORPORA))


if __name__ == "__main__":
    main()
