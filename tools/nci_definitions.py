"""Candidate explanations of medical words from the NCI Dictionary of Cancer
Terms (../shared/lexicons/nci-cancer-terms/, public domain), for a person to
check before any goes into locales/en/definitions.toml.

    python tools/nci_definitions.py candidates OUT.tsv GUIDES   # every definition that passes the rules below
    python tools/nci_definitions.py write CHECKED.tsv           # locales/en/definitions.toml from a checked sheet

GUIDES is a folder of health guides in any text format (searched through,
all folders down), to keep only words that guides use: MedQuAD's 11,274
documents (github.com/abachaa/MedQuAD, brought with the search tool's
`fetch` and unpacked with `git archive`) were used, less the documents of
../shared/corpus/check/. A word is a candidate when it is in at least
MIN_GUIDES of them, is hard (rated harder than HARD in the Word Complexity
Lexicon; a word it does not rate, when rare: wordfreq Zipf under RARE, and
none of its words rated easy), is written in small letters in
the dictionary (no acronym, brand or person's name), is not already a term
of glossary.toml or terms.toml or a word the lexicon rewrites, and its
patient definition:
- says one sense: "In medicine, ..." is kept (the guides are medical) and
  any other field ("In statistics, ...") refused;
- is about any disease, not only cancer (a definition naming cancer or a
  tumour is refused: "remission" there is remission of cancer);
- is short and plain: its first sentence only, at most MAX_WORDS words,
  none of them rarer than the word it explains, and no brackets inside.
A checked sheet has the candidate columns and `verdict` (yes: right in any
health guide that uses the word; anything else: not used) and `note`.
"""

from __future__ import annotations

import csv
import re
import sys
import tomllib
from pathlib import Path

from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parent.parent
LEXICONS = ROOT.parent / "shared" / "lexicons"
NCI = LEXICONS / "nci-cancer-terms" / "terms.tsv"
COMPLEXITY = LEXICONS / "word-complexity" / "lexicon.tsv"
TARGET = ROOT / "locales" / "en" / "definitions.toml"
RARE = 4.0          # Zipf frequency under which a word is rare enough to explain
HARD = 3.0          # Word Complexity Lexicon rating (1-6) above which a word is hard
MAX_WORDS = 18
MIN_GUIDES = 3
EXPLAIN_FLOOR = 3.0  # no word of an explanation rarer than this (Zipf), but the words it explains
CANCER = re.compile(r"\b(cancers?|tumou?rs?|malignan\w*|metasta\w*|chemotherapy|radiation|leukemia|lymphoma)\b", re.I)
FIELDS = ("In medicine, ", "In biology, ")
COLUMNS = ["term", "forms", "part", "first_use", "glossary", "definition"]


def _known_forms() -> set[str]:
    known: set[str] = set()
    for name in ("glossary.toml", "terms.toml"):
        for term in tomllib.loads((ROOT / "locales" / "en" / name).read_text(encoding="utf-8")).get("term", []):
            known |= {form.lower() for form in term.get("forms", [term["name"]])} | {term["name"].lower()}

    def keys(table: dict):  # every key at every depth: '"caregiver" = { noun = "carer" }' is a swapped word too
        for key, value in table.items():
            yield key
            if isinstance(value, dict):
                yield from keys(value)

    lexicon = tomllib.loads((ROOT / "locales" / "en" / "lexicon.toml").read_text(encoding="utf-8"))
    return known | {key.lower() for key in keys(lexicon)}


def _complexity() -> dict[str, float]:
    rated = {}
    for line in COMPLEXITY.read_text(encoding="utf-8").splitlines():
        word, _, score = line.partition("\t")
        rated[word.lower()] = float(score)
    return rated


def _first_sentence(definition: str) -> str:
    match = re.match(r"(.+?[.;])(\s|$)", definition)
    return (match.group(1) if match else definition).rstrip(";.") + "."


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def candidate(term: str, definition: str, known: set[str], rated: dict[str, float]) -> dict | None:
    """The row for one NCI entry, or None when a rule above refuses it."""
    if not re.fullmatch(r"[a-z]+(-[a-z]+)?( [a-z]+)?", term) or term in known or term.endswith("s"):
        return None
    words = term.split()
    # hard: rated hard by the lexicon's readers; a word they did not rate, when rare
    hard = (rated[term] > HARD if term in rated
            else min(rated.get(word, 6) for word in words) > HARD
            and min(zipf_frequency(word, "en") for word in words) < RARE)
    if not hard or zipf_frequency(term, "en") >= RARE:
        return None
    sentence = _first_sentence(definition)
    for field in FIELDS:
        if sentence.startswith(field):
            sentence = sentence[len(field)].upper() + sentence[len(field) + 1:]
    if re.match(r"In \w+, ", sentence) or CANCER.search(sentence) or re.search(r"[()\[\]]", sentence):
        return None
    explanation_words = re.findall(r"[A-Za-z]+", sentence)
    if len(explanation_words) > MAX_WORDS or term in sentence.lower():
        return None
    floor = min(EXPLAIN_FLOOR, zipf_frequency(term, "en"))
    if any(zipf_frequency(word.lower(), "en") < floor for word in explanation_words):
        return None
    adjective = sentence.startswith(("Having to do with", "Describes", "Relating to", "Refers to"))
    body = sentence[0].lower() + sentence[1:] if not sentence[1:2].isupper() else sentence
    verb = "means"
    for lead in ("describes ", "refers to "):
        if body.startswith(lead):
            verb, body = lead.strip(), body[len(lead):]
    countable = sentence.startswith(("A ", "An ")) and not adjective and _plural(term) not in known
    forms = [term, _plural(term)] if countable else [term]
    first_use = f"{term[0].upper() + term[1:]} {verb} {body}"
    return {"term": term, "forms": "|".join(forms), "part": "adjective" if adjective else "noun",
            "first_use": first_use, "glossary": sentence, "definition": definition}


def _guides_using(terms: set[str], guides: Path) -> dict[str, int]:
    """How many files under `guides` use each of `terms` (as whole words)."""
    counts = dict.fromkeys(terms, 0)
    for path in guides.rglob("*"):
        if not path.is_file():
            continue
        words = re.findall(r"[a-z][a-z-]*", path.read_text(encoding="utf-8", errors="ignore").lower())
        for gram in (set(words) | {f"{left} {right}" for left, right in zip(words, words[1:])}) & terms:
            counts[gram] += 1
    return counts


def candidates(guides: Path) -> list[dict]:
    """Every NCI patient definition that passes the rules, by term."""
    csv.field_size_limit(10 ** 8)
    known, rated = _known_forms(), _complexity()
    with NCI.open(encoding="utf-8") as handle:
        entries = [entry for entry in csv.DictReader(handle, delimiter="\t")
                   if entry["audience"] == "Patient" and entry["term"].strip() == entry["term"].strip().lower()]
    used = _guides_using({entry["term"].strip() for entry in entries}, guides)
    rows, seen = [], set()
    for entry in entries:
        term = entry["term"].strip()
        if term in seen or used[term] < MIN_GUIDES:
            continue
        seen.add(term)
        row = candidate(term, " ".join(entry["definition"].split()), known, rated)
        if row:
            rows.append(row)
    return sorted(rows, key=lambda row: row["term"])


def write_sheet(path: Path, guides: Path) -> None:
    rows = candidates(guides)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS + ["verdict", "note"], delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} candidates written to {path}")


def _toml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_definitions(checked: Path) -> None:
    """locales/en/definitions.toml from the rows a person checked `yes`."""
    with checked.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle, delimiter="\t") if row["verdict"].strip().lower() == "yes"]
    header = TARGET.read_text(encoding="utf-8").split("\n[[term]]")[0].rstrip() + "\n" if TARGET.exists() else ""
    parts = [header]
    known = _known_forms()
    rated = _complexity()
    rows = [row for row in rows if row["term"] not in known  # a word kept or swapped since the sheet was made
            and candidate(row["term"], row["definition"], known, rated)]  # or no longer hard by the rules
    for row in sorted(rows, key=lambda row: row["term"]):
        forms = ", ".join(_toml(form) for form in row["forms"].split("|") if form == row["term"] or form not in known)
        parts.append(f"\n[[term]]\nname = {_toml(row['term'])}\nforms = [{forms}]\nkind = \"definition\"\n"
                     f"first_use = {_toml(row['first_use'])}\nglossary = {_toml(row['glossary'])}\n")
    TARGET.write_text("".join(parts), encoding="utf-8")
    print(f"{len(rows)} definitions written to {TARGET}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["candidates"] and len(sys.argv) == 4:
        write_sheet(Path(sys.argv[2]), Path(sys.argv[3]))
    elif sys.argv[1:2] == ["write"] and len(sys.argv) == 3:
        write_definitions(Path(sys.argv[2]))
    else:
        sys.exit(__doc__)
