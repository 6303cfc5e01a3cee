"""Each lexicon swap measured against what clinicians wrote: the LayMaker
corpus (../shared/corpus/laymaker/) holds clinical sentences beside a plain
version a clinician wrote for patients. For every entry of
locales/en/lexicon.toml (switched off or not) that would change one of those
sentences, this prints how often the clinician also dropped the hard phrase
(so a swap was wanted there) and how often the clinician's words hold the
entry's plain words (so the swap agrees with a person's choice).

    python bench/laymaker_swaps.py            # entries that fire 3 times or more
    python bench/laymaker_swaps.py --least 1  # every entry that fires

An entry the clinicians seldom needed, or replaced with other words, is one to
read again before it is switched on: a swap that is right needs the sense the
sentence uses, and this shows where the lexicon's sense and a clinician's
part. It is a check of agreement, not of correctness (the clinicians keep some
hard words and explain others).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from publisher.plain import load_rules  # noqa: E402
from publisher.plain.parser import parse  # noqa: E402

LAYMAKER = ROOT.parent / "shared" / "corpus" / "laymaker"
_WORD = re.compile(r"[a-z]+")
# Words too common to show a clinician chose the entry's plain words.
_COMMON = frozenset("a an the of to in on for and or is are be it its this that with by as at your you".split())


def pairs() -> list[tuple[str, str]]:
    """(clinical sentence, a clinician's plain version) from every LayMaker file."""
    found = []
    for path in sorted(LAYMAKER.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as file:
            found += [(row["ORIGINAL"], row["REFERENCE"]) for row in csv.DictReader(file)
                      if row.get("ORIGINAL") and row.get("REFERENCE")]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--least", type=int, default=3, help="show entries that fire at least this often")
    arguments = parser.parse_args()
    rules = load_rules(ROOT / "locales" / "en", "en")
    lexicon = rules.every_entry.for_subject("the condition")
    off = {name.partition(":")[2] for name in rules.off if name.startswith("lexicon:")}
    fired: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    corpus = pairs()
    for original, reference in corpus:
        text = " ".join(original.split())
        used: list[str] = []
        lexicon.apply(text, parse(text).pos_at, rules.fixed_names.spans(text), used=used)
        said = " " + " ".join(_WORD.findall(reference.lower())) + " "
        for entry in dict.fromkeys(used):
            dropped = f" {' '.join(_WORD.findall(entry))} " not in said
            plain = {word for value in lexicon.replacements[entry].values() for word in _WORD.findall(value.lower())}
            agrees = bool(plain - _COMMON) and all(f" {word} " in said for word in plain - _COMMON)
            fired[entry].append((dropped, agrees))
    print(f"{len(corpus)} LayMaker sentence pairs; {len(fired)} lexicon entries fire on them")
    print(f"\n{'entry':<32}{'fires':>6}{'clinician dropped it':>22}{'used our words':>16}  now")
    for entry, results in sorted(fired.items(), key=lambda item: (-len(item[1]), item[0])):
        if len(results) < arguments.least:
            continue
        dropped = sum(result[0] for result in results)
        agrees = sum(result[1] for result in results)
        print(f"{entry[:31]:<32}{len(results):>6}{100 * dropped / len(results):>21.0f}%"
              f"{100 * agrees / len(results):>15.0f}%  {'off' if entry in off else 'on'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
