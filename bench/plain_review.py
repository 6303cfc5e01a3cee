"""Review sheets: every sentence a reader meets in a plain guide, beside the
source sentence it came from, for an editor to judge.

    python bench/plain_review.py write GUIDE.md ...   # write or refresh bench/reviews/<slug>.tsv
    python bench/plain_review.py rates                # the rates over every sheet in bench/reviews/
    python bench/plain_review.py blind NAME GUIDE.md ...  # blind sheets for a reviewer, and their keys
    python bench/plain_review.py ledger               # each transformation's record over the blind sheets
    python bench/plain_review.py figures NAME         # a judged blind set's figures per 100 rows

A sheet has one row per unit of the plain guide's sections, in reading order
(the guide as a build prints it: after the source check's repairs)
(paragraph sentences, list introductions and items, added explanations),
with the source sentence it came from, the engine's strength, and two columns
for the editor: `judgment` (OK, broken, meaning, clumsy) and `note`.
  OK       correct English, same medical meaning as the source
  broken   not a correct English sentence (fragment, wrong agreement, garbled)
  meaning  the medical meaning differs from the source (lost hedge, wrong
           subject, a fact changed or added)
  clumsy   correct and faithful, but awkward to read
A source sentence that was already broken and is kept as written is judged
against what the engine did: kept unchanged, it is OK (note: source).
Refreshing a sheet keeps the judgment of every row whose source and plain
text are unchanged, so only what the engine changed needs reading again.

Those sheets show the engine's strength and are refreshed in place: they are
the team's own reading, not a blind review. A **blind** sheet
(bench/reviews/blind/NAME/<slug>.tsv) shows a reviewer only the source and
the printed text of every row, to be judged with ../shared/review-brief.md
(`verdict` OK, BROKEN, MEANING or CLUMSY; `plain_enough` yes or no; `why`);
what the engine did to each row (its strength, and each transformation that
changed it: a clause rule, the active voice, "you", a lexicon entry,
numbers) is written apart, in bench/reviews/blind-keys/NAME/<slug>.tsv, for
the ledger. A blind sheet is written once and never refreshed: its verdicts
are the first blind pass over what the engine printed then.

The **ledger** joins every judged blind sheet with its keys: for each
transformation, the rows it changed, how many a reviewer found acceptable (OK
or CLUMSY: correct and faithful), and on how many sets (NAME) it was judged.
A transformation under ACCEPTABLE (97%) is to be off by default.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from publisher.model import BulletList, Subheading  # noqa: E402
from publisher.plain import load_rules, plain_result  # noqa: E402
from publisher.source_check import check_source, load_check_rules  # noqa: E402
from publisher.sources import load_source  # noqa: E402

REVIEWS = ROOT / "bench" / "reviews"
COLUMNS = ["n", "section", "source", "plain", "engine", "judgment", "note"]
JUDGMENTS = ("OK", "broken", "meaning", "clumsy")
ADDED = "(added explanation)"
STEP_SEPARATOR = "; "  # between the transformations of a row in a key ("lexicon:dietary fiber; numbers")


def sheet_rows(path: Path) -> list[dict]:
    """The rows of one guide's sheet, unjudged (with `applied`: what changed each)."""
    source = load_source(path)
    language = ROOT / "locales" / source.lang
    checked = check_source(source, load_check_rules(language, source.lang))  # as a build does: repairs made
    result = plain_result(checked.guide, load_rules(language, source.lang), {}, checked.findings)
    strength = {rewrite.source: rewrite.strength for rewrite in result.rewrites}
    applied = {rewrite.source: rewrite.applied for rewrite in result.rewrites}
    rows: list[dict] = []
    for section in result.guide.sections:
        laid_out = _laid_out_as_lists(section)
        for block in section.blocks:
            in_list = isinstance(block, BulletList)
            for unit in (block.items if in_list else block.sentences):
                origin = " ".join(result.source_of(unit.id).split())
                if isinstance(block, Subheading):  # a heading the source check split off: printed as written
                    origin = origin or " ".join(unit.text.split())
                if not origin:
                    engine = "explanation"
                elif in_list:
                    engine = f"list item ({strength.get(origin, 'source list')})"
                else:
                    engine = strength.get(origin, "")
                steps = (_explained(unit.text),) if not origin else applied.get(origin, ())
                steps = (*steps, "lists") if unit.id in laid_out else steps
                rows.append({"n": len(rows) + 1, "section": section.heading.text, "source": origin or ADDED,
                             "plain": unit.text, "engine": engine, "judgment": "", "note": "",
                             "applied": STEP_SEPARATOR.join(steps)})
    return rows


def _explained(text: str) -> str:
    """The transformation that added the explanation `text`: "explanation:<term>"
    when a term's first-use sentence is `text` (so each term earns its own
    record), else "explanation" (a sentence made from a kind's template)."""
    name = _first_uses().get(" ".join(text.split()))
    return f"explanation:{name}" if name else "explanation"


def _old_explained(text: str) -> list[str]:
    """What added the row `text` that a key written before terms had records
    of their own calls "explanation": nothing when it is a heading the source
    check split off (sheets of then showed it as an added explanation: no
    sentence end), the term whose first-use sentence it is now, else a
    definition changed or dropped since (OLD_DEFINITION: a record of data
    that is gone, which decides nothing now)."""
    if not text.rstrip().endswith((".", "?", "!", ":")):
        return []
    step = _explained(text)
    return [step] if step != "explanation" or _from_template(text) else [OLD_DEFINITION]


def _from_template(text: str) -> bool:
    """Whether `text` is a kind's template filled with names ("Riluzole is a medicine.")."""
    if not _TEMPLATES:
        kinds = load_rules(ROOT / "locales" / "en", "en").terms.kinds.values()
        _TEMPLATES.extend(re.compile(re.escape(template).replace(re.escape("{names}"), ".+") + "$")
                          for kind in kinds for template in (kind.one, kind.many))
    return any(template.match(" ".join(text.split())) for template in _TEMPLATES)


_TEMPLATES: list = []
OLD_DEFINITION = "explanation (a definition since changed)"


def _first_uses() -> dict[str, str]:
    """Each term's first-use sentence -> its name, lowercase (English data)."""
    if not _FIRST_USES:
        terms = load_rules(ROOT / "locales" / "en", "en").terms.terms
        _FIRST_USES.update({" ".join(term.first_use.split()): term.name.lower() for term in terms if term.first_use})
    return _FIRST_USES


_FIRST_USES: dict[str, str] = {}


def _laid_out_as_lists(section) -> set[str]:
    """The ids of the units the `lists` step made: each bullet of a list made
    from one sentence ("s.2-1", "s.2-2" ...), and its lead-in ("s.2")."""
    made = {unit.id for block in section.blocks if isinstance(block, BulletList) for unit in block.items
            if unit.id.rpartition("-")[2].isdigit() and unit.id.rpartition("-")[0]}
    return made | {identifier.rpartition("-")[0] for identifier in made}


def write(paths: list[Path]) -> None:
    REVIEWS.mkdir(parents=True, exist_ok=True)
    for path in paths:
        target = REVIEWS / f"{path.stem}.tsv"
        kept = {}
        if target.exists():
            for row in _read(target):
                if row["judgment"]:
                    kept[(row["source"], row["plain"])] = (row["judgment"], row["note"])
        rows = sheet_rows(path)
        for row in rows:
            row["judgment"], row["note"] = kept.get((row["source"], row["plain"]), ("", ""))
        with target.open("w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, COLUMNS, delimiter="\t", lineterminator="\n", extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
        todo = sum(1 for row in rows if not row["judgment"])
        print(f"{target.relative_to(ROOT)}: {len(rows)} rows, {todo} to judge")


def rates() -> int:
    counts: Counter = Counter()
    guides = 0
    for sheet in sorted(REVIEWS.glob("*.tsv")):
        rows = _read(sheet)
        if rows and "judgment" not in rows[0]:
            continue  # the source check's sheets (bench/source_check.py)
        guides += 1
        found = Counter(row["judgment"] for row in rows)
        unknown = set(found) - set(JUDGMENTS)
        print(f"{sheet.stem:<45}{len(rows):>5} sentences  " + "  ".join(f"{j} {found[j]}" for j in JUDGMENTS)
              + (f"  UNJUDGED/UNKNOWN {sum(found[u] for u in unknown)}" if unknown else ""))
        counts.update(found)
    total = sum(counts.values())
    if not total:
        print("no judged sheets")
        return 1
    print(f"\n{guides} guides, {total} sentences")
    for judgment in JUDGMENTS:
        print(f"  {judgment:<8}{counts[judgment]:>5}  {100 * counts[judgment] / total:5.1f} per 100")
    return 0


BLIND = REVIEWS / "blind"
KEYS = REVIEWS / "blind-keys"
BLIND_COLUMNS = ["n", "section", "source", "plain", "verdict", "plain_enough", "why", "note"]
KEY_COLUMNS = ["n", "engine", "applied"]
VERDICTS = ("OK", "BROKEN", "MEANING", "CLUMSY")
ACCEPTABLE = 0.97


def blind(name: str, paths: list[Path]) -> None:
    """Write the blind sheets of set `name` and, apart, their keys; never over a judged sheet."""
    for path in paths:
        sheet, key = BLIND / name / f"{path.stem}.tsv", KEYS / name / f"{path.stem}.tsv"
        if sheet.exists() and any(row["verdict"] for row in _read(sheet)):
            print(f"{sheet.relative_to(ROOT)}: judged already, left as it is")
            continue
        rows = sheet_rows(path)
        for target, columns in ((sheet, BLIND_COLUMNS), (key, KEY_COLUMNS)):
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("w", newline="", encoding="utf-8") as out:
                writer = csv.DictWriter(out, columns, delimiter="\t", lineterminator="\n", extrasaction="ignore",
                                        restval="")
                writer.writeheader()
                writer.writerows(rows)
        print(f"{sheet.relative_to(ROOT)}: {len(rows)} rows, {sum(bool(row['applied']) for row in rows)} changed")


# Blind sets measured, never tuned on: the check corpus (issue 23, point 8). Their verdicts are
# reported beside the tuning sets' but give no transformation a record, so none is switched for them.
MEASURED_ONLY = frozenset({"check"})


def ledger() -> int:
    """Each transformation's record over every judged blind sheet of the tuning sets."""
    records: dict[str, Counter] = {}
    sets: dict[str, set] = {}
    totals: Counter = Counter()
    for sheet in sorted(BLIND.glob("*/*.tsv")):
        key = KEYS / sheet.parent.name / sheet.name
        if not key.exists() or sheet.parent.name in MEASURED_ONLY:
            continue
        steps = {row["n"]: [step for step in row["applied"].split(STEP_SEPARATOR) if step] for row in _read(key)}
        for row in _read(sheet):
            if steps.get(row["n"]) == ["explanation"]:  # keys written before terms had records of their own
                steps[row["n"]] = _old_explained(row["plain"])
            verdict = row["verdict"].strip().upper()
            if verdict not in VERDICTS:
                continue
            totals[verdict] += 1
            totals["changed"] += bool(steps.get(row["n"]))
            for step in steps.get(row["n"], ()):
                records.setdefault(step, Counter())[verdict] += 1
                sets.setdefault(step, set()).add(sheet.parent.name)
    judged = sum(totals[verdict] for verdict in VERDICTS)
    if not judged:
        print("no judged blind sheets")
        return 1
    print(f"{judged} rows judged blind, {totals['changed']} changed by the engine: " + ", ".join(
        f"{verdict} {100 * totals[verdict] / judged:.1f} per 100" for verdict in VERDICTS))
    switched_off, switched_on = _switches()
    print(f"\n{'transformation':<44}{'rows':>5}{'acceptable':>12}  sets  record says    now")
    for step, counts in sorted(records.items(), key=lambda item: (_acceptable(item[1]), -sum(item[1].values()))):
        rows = sum(counts.values())
        share = _acceptable(counts)
        default = "gone" if step == OLD_DEFINITION else "on" if share >= ACCEPTABLE and len(sets[step]) >= 2 else (
            "off" if share < ACCEPTABLE else "on? (one set)")
        problems = ", ".join(f"{verdict} {counts[verdict]}" for verdict in ("BROKEN", "MEANING") if counts[verdict])
        guides = sum(step in names for names in switched_on.values())
        now = "-" if step == OLD_DEFINITION else (
            "off" + (f" (on for {guides} guide{'s' * (guides > 1)})" if guides else "")) if step in switched_off else "on"
        print(f"{step[:43]:<44}{rows:>5}{100 * share:>11.0f}%  {len(sets[step]):>4}  {default:<14}{now}"
              + (f"  ({problems})" if problems else ""))
    return 0


def figures(name: str) -> int:
    """A judged blind set's figures per 100 rows, as issue 23 reports them:
    broken and meaning changed by the engine (the reader's note starts with
    "rewrite:"), the same printed from the source ("source:"), clumsy, and
    not plain enough for a reader at grade 6-8."""
    rows = [row for sheet in sorted((BLIND / name).glob("*.tsv")) for row in _read(sheet)]
    judged = [row for row in rows if row["verdict"].strip()]
    if not judged or len(judged) < len(rows):
        print(f"{name}: {len(rows) - len(judged)} of {len(rows)} rows not judged")
        return 1
    counts: Counter = Counter()
    for row in judged:
        verdict, note = row["verdict"].strip().upper(), row["note"].strip().lower()
        origin = "source" if note.startswith("source") else "engine"
        counts[verdict, origin] += 1
        counts["too hard"] += row["plain_enough"].strip().lower() == "no"
    per_100 = 100 / len(judged)
    print(f"{name}: {len(judged)} rows judged blind, per 100 rows:")
    for label, count in (("broken by the engine", counts["BROKEN", "engine"]),
                         ("meaning changed by the engine", counts["MEANING", "engine"]),
                         ("broken in the source, printed as written", counts["BROKEN", "source"]),
                         ("meaning wrong in the source", counts["MEANING", "source"]),
                         ("clumsy", counts["CLUMSY", "engine"] + counts["CLUMSY", "source"]),
                         ("too hard for grade 6-8", counts["too hard"])):
        print(f"  {label:<42}{count:>5}  {count * per_100:5.1f}")
    return 0


def _switches() -> tuple[frozenset[str], dict[str, list[str]]]:
    """The transformations locales/en/plain-off.toml switches off now, and those it switches back on per guide."""
    path = ROOT / "locales" / "en" / "plain-off.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    return frozenset(data.get("off", ())), data.get("on", {})


def _acceptable(counts: Counter) -> float:
    rows = sum(counts.values())
    return (counts["OK"] + counts["CLUMSY"]) / rows if rows else 0.0


def _read(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as sheet:
        return list(csv.DictReader(sheet, delimiter="\t"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    writing = commands.add_parser("write", help="write or refresh the sheets of these guides")
    writing.add_argument("guides", nargs="+", type=Path)
    commands.add_parser("rates", help="print the judged rates")
    blinding = commands.add_parser("blind", help="write blind sheets of these guides as set NAME, keys apart")
    blinding.add_argument("name")
    blinding.add_argument("guides", nargs="+", type=Path)
    commands.add_parser("ledger", help="print each transformation's record over the judged blind sheets")
    figuring = commands.add_parser("figures", help="print a judged blind set's figures per 100 rows")
    figuring.add_argument("name")
    args = parser.parse_args()
    if args.command == "write":
        write(args.guides)
        return 0
    if args.command == "blind":
        blind(args.name, args.guides)
        return 0
    if args.command == "ledger":
        return ledger()
    if args.command == "figures":
        return figures(args.name)
    return rates()


if __name__ == "__main__":
    sys.exit(main())
