"""Review sheets: every sentence a reader meets in a plain guide, beside the
source sentence it came from, for an editor to judge.

    python bench/plain_review.py write GUIDE.md ...   # write or refresh bench/reviews/<slug>.tsv
    python bench/plain_review.py rates                # the rates over every sheet in bench/reviews/

A sheet has one row per unit of the plain guide's sections, in reading order
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
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from publisher.model import BulletList  # noqa: E402
from publisher.plain import load_rules, plain_result  # noqa: E402
from publisher.sources import load_source  # noqa: E402

REVIEWS = ROOT / "bench" / "reviews"
COLUMNS = ["n", "section", "source", "plain", "engine", "judgment", "note"]
JUDGMENTS = ("OK", "broken", "meaning", "clumsy")
ADDED = "(added explanation)"


def sheet_rows(path: Path) -> list[dict]:
    """The rows of one guide's sheet, unjudged."""
    source = load_source(path)
    result = plain_result(source, load_rules(ROOT / "locales" / source.lang, source.lang))
    strength = {rewrite.source: rewrite.strength for rewrite in result.rewrites}
    rows: list[dict] = []
    for section in result.guide.sections:
        for block in section.blocks:
            in_list = isinstance(block, BulletList)
            for unit in (block.items if in_list else block.sentences):
                origin = " ".join(result.source_of(unit.id).split())
                if not origin:
                    engine = "explanation"
                elif in_list:
                    engine = f"list item ({strength.get(origin, 'source list')})"
                else:
                    engine = strength.get(origin, "")
                rows.append({"n": len(rows) + 1, "section": section.heading.text, "source": origin or ADDED,
                             "plain": unit.text, "engine": engine, "judgment": "", "note": ""})
    return rows


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
            writer = csv.DictWriter(out, COLUMNS, delimiter="\t", lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        todo = sum(1 for row in rows if not row["judgment"])
        print(f"{target.relative_to(ROOT)}: {len(rows)} rows, {todo} to judge")


def rates() -> int:
    counts: Counter = Counter()
    guides = 0
    for sheet in sorted(REVIEWS.glob("*.tsv")):
        rows = _read(sheet)
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


def _read(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as sheet:
        return list(csv.DictReader(sheet, delimiter="\t"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    writing = commands.add_parser("write", help="write or refresh the sheets of these guides")
    writing.add_argument("guides", nargs="+", type=Path)
    commands.add_parser("rates", help="print the judged rates")
    args = parser.parse_args()
    if args.command == "write":
        write(args.guides)
        return 0
    return rates()


if __name__ == "__main__":
    sys.exit(main())
