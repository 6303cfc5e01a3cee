"""Run the plain-language engine over a folder of guides nobody tuned it on.

    python bench/plain_corpus.py                       # ../shared/corpus/medquad
    python bench/plain_corpus.py path/to/guides --jobs 2
    python bench/plain_corpus.py --pairs out.tsv       # every source sentence and its plain version

Per guide and in total it prints: Flesch-Kincaid grade and SMOG before and
after; source sentences rewritten, fallen back to a milder rewrite or to the
source (by reason), and kept; the longest plain sentence; names and numbers
of the source kept; guides that failed to load. `--pairs` writes the table
an editor reads to judge the output (bench/reviews/*.tsv are such tables
with a judgment per sentence: OK, broken, meaning, clumsy).
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from publisher.errors import PublisherError  # noqa: E402
from publisher.plain import EDITOR, load_rules, plain_result  # noqa: E402
from publisher.source_check import check_source, load_check_rules  # noqa: E402
from publisher.plain.fidelity import keepers  # noqa: E402
from publisher.plain.readability import measure, word_count  # noqa: E402
from publisher.plain.report import guide_prose  # noqa: E402
from publisher.plain.rewrite import KEPT  # noqa: E402
from publisher.sources import discover, load_source  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "medquad"


def measure_guide(path: Path) -> dict:
    """The figures for one guide (run in a worker process)."""
    try:
        source = load_source(path)
        rules = load_rules(ROOT / "locales" / source.lang, source.lang)
        checked = check_source(source, load_check_rules(ROOT / "locales" / source.lang, source.lang))
        result = plain_result(checked.guide, rules, {}, checked.findings)  # as a build prints it
    except PublisherError as error:
        return {"slug": path.stem, "error": str(error)}
    sources = [sentence for sentences in result.section_sources.values() for sentence in sentences]
    prose = guide_prose(result.guide)
    wanted = keepers(" ".join(sources), rules.terms, rules.terms.drug_endings, source.lang)
    fallbacks = Counter(reason.split(": ")[1] for rewrite in result.rewrites for reason in rewrite.rejected[:1])
    return {"slug": path.stem, "before": measure(sources), "after": measure(prose),
            "sentences": len(result.rewrites),
            "rewritten": sum(1 for r in result.rewrites if r.strength not in (KEPT, EDITOR) and r.changed),
            "milder": sum(1 for r in result.rewrites if r.fell_back and r.strength != KEPT),
            "kept_after_checks": sum(1 for r in result.rewrites if r.strength == KEPT and r.rejected),
            "unchanged": sum(1 for r in result.rewrites if not r.changed),
            "fallback_reasons": fallbacks,
            "longest": max((word_count(text) for text in prose), default=0),
            "names": len(wanted.names), "numbers": len(wanted.numbers) + len(wanted.fractions),
            "lost": list(result.lost),
            "pairs": [(path.stem, n, r.source, " ".join(r.plain), r.strength, "; ".join(r.rejected))
                      for n, r in enumerate(result.rewrites, start=1)]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--pairs", type=Path, help="write every source sentence and its plain version (TSV)")
    args = parser.parse_args()
    paths = discover(args.folder)
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(measure_guide, paths))
    print(f"{'guide':<42}{'FK':>12}{'SMOG':>12}{'sent':>6}{'rewr':>6}{'mild':>6}{'kept':>6}{'same':>6}"
          f"{'long':>6}{'names':>7}{'nums':>6}")
    failed, reasons = [], Counter()
    for result in results:
        if "error" in result:
            failed.append(result)
            print(f"{result['slug'][:40]:<42}FAILED: {result['error']}")
            continue
        before, after = result["before"], result["after"]
        reasons.update(result["fallback_reasons"])
        lost = len(result["lost"])
        print(f"{result['slug'][:40]:<42}{before.grade:5.1f}->{after.grade:5.1f}{before.smog:6.1f}->{after.smog:5.1f}"
              f"{result['sentences']:>6}{result['rewritten']:>6}{result['milder']:>6}{result['kept_after_checks']:>6}"
              f"{result['unchanged']:>6}{result['longest']:>6}{result['names'] - lost:>4}/{result['names']:<3}"
              f"{result['numbers']:>5}" + (f"  LOST {', '.join(result['lost'])}" if lost else ""))
    built = [result for result in results if "error" not in result]
    total = lambda key: sum(result[key] for result in built)  # noqa: E731
    print()
    print(f"guides: {len(results)}, built {len(built)}, failed {len(failed)}")
    if built:
        print(f"median FK grade: {statistics.median(r['before'].grade for r in built):.1f} -> "
              f"{statistics.median(r['after'].grade for r in built):.1f}; "
              f"median SMOG: {statistics.median(r['before'].smog for r in built):.1f} -> "
              f"{statistics.median(r['after'].smog for r in built):.1f}")
        print(f"source sentences: {total('sentences')}; rewritten {total('rewritten')} (of which "
              f"{total('milder')} by a milder rewrite after a check failed); kept as written after a failed check "
              f"{total('kept_after_checks')}; left unchanged {total('unchanged')}")
        print(f"longest plain sentence: {max(r['longest'] for r in built)} words; names and numbers lost: "
              f"{sum(len(r['lost']) for r in built)} (of {total('names')} names, {total('numbers')} numbers)")
        print("why the strongest rewrite was not used: "
              + ", ".join(f"{reason} {count}" for reason, count in reasons.most_common()))
    if args.pairs:
        with args.pairs.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out, delimiter="\t", lineterminator="\n")
            writer.writerow(["guide", "n", "source", "plain", "strength", "rejected"])
            for result in built:
                writer.writerows(result["pairs"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
