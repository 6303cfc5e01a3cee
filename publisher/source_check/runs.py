"""Text that lost the line breaks around it: a heading run into its
paragraph ("Everyday Tasks Are Challenging Low vision means ..."), a heading
left as a paragraph of its own with no full stop, and list items run
together into a sentence ("neck, and jaw Nausea or vomiting").

A run-in heading is split off only on clear evidence: a run of at least two
capitalised words (title case, small words like "of" allowed) before the
capitalised first word of a sentence that goes on in lowercase, with no
name in the run and no name starting at the split. Otherwise it is flagged.
"""

from __future__ import annotations

import dataclasses
import re

from wordfreq import zipf_frequency

from ..repair import ABBREVIATIONS, SMALL_WORDS
from ..wordlists import proper_names
from .findings import FLAGGED, REFUSED, REPAIRED, Finding, excerpt

# A heading the sentence after it says again ("Radiation therapy Radiation therapy is") has at most this many words.
MAX_ECHO = 6
# Words many sentences start with, and no name does.
SENTENCE_OPENERS = frozenset("""a an the this these that those it its they their them you your we our he she his her
there here if when while although though because since as after before during until unless once most many some
any all both each every no not only also however but and or so yet what who how why where which about more less
people anyone everyone someone nobody one two three several few other others such in on at for with to from by""".split())
# A heading written as a paragraph has at most this many words; on a line of its own above its text, this many.
HEADING_WORDS = 8
LINE_HEADING_WORDS = 12
# Words before a name, not before a list item ("the Escape key", "Institutes of Health", "called Down syndrome").
NAME_LEADS = SMALL_WORDS | frozenset("your our their his her its this that called named entitled titled see type "
                                     "stage following state federal national local".split())
# Words that stand before a noun: no heading ends on one.
DETERMINERS = frozenset("your our their his her its my this that these those every each".split())
# A capitalised word in mid-sentence is a list item's start only if it is a common word.
COMMON_ZIPF = 3.5

_TITLE_WORD = re.compile(r"^[A-Z][\w'’-]*:?$")  # "Memory Problems: One of the First Signs"
# A word of a heading written on its own line: also a number, or a word in brackets ("Stage 0 (Carcinoma in Situ)").
_HEADING_WORD = re.compile(r"^\(?(?:[A-Z][\w'’-]*|\d+[A-Z]?|[IVX]+[A-C]?)\)?$")
_LOWER_WORD = re.compile(r"^[a-z][a-z'’-]*[,;:]?$")
# (not the end of an address: "ChooseMyPlate.gov Web site")
_RUN_TOGETHER = re.compile(r"(?<![\w.@/])([a-z]{2,}) ([A-Z][a-z]{2,})\b(?!['’)-])( [A-Za-z]+)?")


def split_run_in_headings(text: str, line: int, guide: str, rules, section: str = "",
                          listed: set[str] = frozenset()) -> tuple[list[tuple[str, str]], list[Finding]]:
    """The paragraph as ("heading" | "paragraph", text) pieces, with each
    heading run into it split off, at its start or after a sentence ends
    ("... a rash. Blisters The blisters ..."), and the findings. A question
    at its start that asks what its `section`'s heading asks is flagged, so
    is a first sentence a list before it named (`listed`: a guide's key
    point, run into the paragraph that explains it), and so is a table laid
    flat into it, with its column headings."""
    words = text.split()
    pieces: list[tuple[str, str]] = []
    findings: list[Finding] = _asked_again(words, line, section) + _key_point_run_in(text, line, listed)
    told: set[int] = set()  # where a heading this loop found starts
    start = 0  # where the current piece of text starts, in words
    for index in range(len(words)):
        if index and not _ends_sentence(words[index - 1]):
            continue
        found = _run_in_heading(words, index) or _echoed_heading(words, index)
        if found is None:
            continue
        heading_end, first = found
        if _names_something(words, index, heading_end, rules) and not _echoed_heading(words, index):
            continue
        told.add(index)
        heading = " ".join(words[index:heading_end])
        sentence = " ".join(words[index: next((end + 1 for end in range(heading_end, len(words))
                                               if _ends_sentence(words[end])), len(words))])
        if rules.web_only_match(sentence):
            continue  # "See the Treatment Options section that follows for links ...": a web instruction
        context = excerpt(" ".join(words), len(" ".join(words[:index])) + bool(index),
                          len(" ".join(words[:heading_end + 1])), words=2)
        if _laid_flat(words, heading_end):
            findings.append(Finding("run-in-heading", line, context, FLAGGED,
                                    detail=f"'{heading}' and a table's column headings, run into the text"))
            continue
        if not _clear(words, index, heading_end, rules) or not _sure(words, index, heading_end):
            if index == 0:  # at a paragraph's start a title-case run is likely a heading; inside, likely a name
                findings.append(Finding("run-in-heading", line, context, FLAGGED, detail=f"is '{heading}' a heading?"))
            continue
        if rules.refused(guide, "run-in-heading", context):
            findings.append(Finding("run-in-heading", line, context, REFUSED))
            continue
        if index > start:
            pieces.append(("paragraph", " ".join(words[start:index])))
        pieces.append(("heading", heading))
        findings.append(Finding("run-in-heading", line, context, REPAIRED, repair=f"'{heading}' split off as a heading"))
        start = heading_end
    pieces.append(("paragraph", " ".join(words[start:])))
    return pieces, findings + _title_then_same_word(words, line, told)


def _title_then_same_word(words: list[str], line: int, told: set[int]) -> list[Finding]:
    """A title-case run after a sentence's end whose last word the next
    sentence starts with: "... at risk. UTIs in Men Men are less likely ...",
    where no heading was found (`told`: where those start). Flagged: the
    heading's end is plain, its start is not always."""
    found = []
    for at in range(1, len(words) - 1):
        word = words[at]
        if word != words[at + 1] or not word[:1].isupper() or not word.isalpha() or word.isupper():
            continue
        start = at
        while start > 0 and not _ends_sentence(words[start - 1]) and at - start < LINE_HEADING_WORDS and (
                _TITLE_WORD.match(words[start - 1]) or words[start - 1] in SMALL_WORDS):
            start -= 1
        if (start == 0 or _ends_sentence(words[start - 1])) and start not in told:
            heading = " ".join(words[start: at + 1])
            context = excerpt(" ".join(words), len(" ".join(words[:start])) + bool(start),
                              len(" ".join(words[:at + 2])), words=2)
            found.append(Finding("run-in-heading", line, context, FLAGGED,
                                 detail=f"is '{heading}' a heading run into the sentence after it?"))
    return found


def _ends_sentence(word: str) -> bool:
    """Does a sentence end with `word` ("rash.", not "U.S." or "Dr.")?"""
    bare = word.rstrip(")\"”’")
    if not bare.endswith((".", "!", "?")):
        return False
    return not (bare.endswith(".") and ("." in bare[:-1] or bare[:-1].lower() in ABBREVIATIONS))


def _run_in_heading(words: list[str], index: int) -> tuple[int, str] | None:
    """(where the sentence after the heading starts, its first word) if
    words[index:] start with a title-case run, then a capitalised word that
    goes on in lowercase ("Everyday Tasks Are Challenging | Low vision means")."""
    run = index
    while run < len(words) and (_TITLE_WORD.match(words[run]) or (run > index and words[run] in SMALL_WORDS)):
        run += 1
    # words[index:run] are title-case words; the sentence starts at words[run - 1] if words[run] is lowercase.
    if run - index < 2 or run >= len(words) or not _LOWER_WORD.match(words[run]) or words[run] in SMALL_WORDS:
        return None
    first = words[run - 1]
    if not first[0].isupper() or first.isupper() or not _bare(first).isalpha():
        return None  # the sentence starts with a small word, an acronym or a number: no clear split
    heading = words[index: run - 1]
    # one word alone, before a word sentences start with: "Symptoms | Many people ...", "Complications | People with ..."
    one_word = len(heading) == 1 and heading[0].isalpha() and first.lower() in SENTENCE_OPENERS
    if (len([word for word in heading if word[0].isupper() and not word.isupper()]) < 2 and not one_word) or (
            heading[-1] in SMALL_WORDS or heading[-1].lower() in DETERMINERS):
        return None  # a heading ends on no small word, nor on "Your": "Smoking and Your | Heart article"
    return run - 1, first


# A sentence may say its heading again after one of these ("Stage IA | In stage IA, the tumor is ...").
ECHO_LEADS = frozenset("In For During After With At".split())


def _echoed_heading(words: list[str], index: int) -> tuple[int, str] | None:
    """(where the sentence starts, its first word) if words[index:] start with
    a heading that the sentence after it begins by saying again: "Radiation
    therapy Radiation therapy is a cancer treatment ...", "Stage IA In stage
    IA, the tumor ..." (up to MAX_ECHO words)."""
    if not words[index][:1].isupper():
        return None
    for size in range(1, MAX_ECHO + 1):
        heading = words[index: index + size]
        if index + 2 * size >= len(words) or heading[-1][-1:] in ".,;:!?":
            break
        if all(word.isupper() for word in heading):
            continue
        start = index + size
        lead = 1 if words[start] in ECHO_LEADS else 0  # "Stage IA In stage IA, the tumor ..."
        again = words[start + lead: start + lead + size]
        if [word.lower() for word in heading] == [word.lower().rstrip(",") for word in again] and (
                words[start][:1].isupper()):
            return start, words[start]
    return None


def _clear(words: list[str], index: int, heading_end: int, rules) -> bool:
    """Is the split clear: no name in the heading after its first word, none
    starting at the sentence ("Scientists at the National Eye | Institute
    ..."), and no article with a capital inside it, where two titles meet
    ("Atherosclerosis The DASH Eating Plan"; title case writes "the")?"""
    names = proper_names(rules.lang)
    capitals = [word for word in words[index + 1: heading_end] if word[0].isupper()]
    first, following = words[heading_end], words[heading_end + 1]
    return not (any(_bare(word) in names for word in capitals + [first])
                or any(word in ("The", "A", "An") for word in capitals)
                or _bare(first) in rules.name_heads or _bare(following) in rules.name_heads)


def _sure(words: list[str], index: int, heading_end: int) -> bool:
    """Is the split sure: a heading of three words or more, or a two-word one
    before a sentence that starts with a word sentences start with ("Many
    Causes | The ..."), or that says the heading again? Two capitalised
    words before a third are as often a sentence's subject ("Calcium Channel
    | Blockers keep ...", "The Nutrition | Facts label lists ..."), and so
    is a short run that starts with an article; and a table laid flat into text
    has no sentence after its heading to make it sure."""
    heading = [word.lower().strip(":") for word in words[index:heading_end]]
    first = words[heading_end].lower()
    if heading[0] in ("the", "a", "an") and len(heading) <= 3 and first not in SENTENCE_OPENERS:
        return False  # "The Human Phenotype | Ontology provides ...": a name that starts the sentence
    opening = " ".join(word.lower().strip(",.;:") for word in words[heading_end: heading_end + 5])
    return len(heading) >= 3 or first in SENTENCE_OPENERS or first in heading or (
        f" {' '.join(heading)} " in f" {opening} ")  # "Cranberry Juice | Drinking cranberry juice ..."


def _laid_flat(words: list[str], heading_end: int) -> bool:
    """Does a table laid flat into the text follow the heading: "Signs and
    Symptoms | Approximate number of patients ... 90% ...", or "... (when
    available) Abnormality of the face - Asthma - ..."? It has no sentence
    after its heading."""
    sentence = words[heading_end: next((end + 1 for end in range(heading_end, len(words))
                                        if _ends_sentence(words[end])), len(words))]
    if sum(word.endswith("%") for word in sentence) >= 2:
        return True
    lead = " ".join(sentence[: sentence.index("-")]) if sentence.count("-") >= 2 else ""
    return bool(lead and re.search(r"[a-z)] [A-Z][a-z]{2,}", lead))


_FIRST_SENTENCE = re.compile(r"^(.+?[a-z)][.!?])\s+(?=[A-Z])")


def _key_point_run_in(text: str, line: int, listed: set[str]) -> list[Finding]:
    """A finding if the paragraph starts with a sentence a list before it
    named ("Key Points - Being female can increase the risk ..." / "Being
    female can increase the risk of developing gallbladder cancer. Anything
    that increases ..."): the guide's key point, its subheading, run into
    the text that explains it (or the sentence said twice)."""
    first = _FIRST_SENTENCE.match(" ".join(text.split()))
    if not first or _item_key(first.group(1)) not in listed or len(first.group(1).split()) < 4:
        return []
    return [Finding("run-in-heading", line, first.group(1), FLAGGED,
                    detail="a key point the guide listed before, run into the text: its subheading?")]


QUESTION_WORDS = frozenset("what how who why when where which is are can does do should".split())
# A question at a paragraph's start shares at least this share of its words with its section's heading: it asks it again.
ASKED_AGAIN_SHARE = 0.6


def _asked_again(words: list[str], line: int, section: str) -> list[Finding]:
    """A finding if the paragraph starts with a question that asks what the
    heading of its section asks ("## What causes Tay syndrome?" / "What
    causes IBIDS syndrome? How is it inherited? Although ..."): the page's
    own subheading, run into the text."""
    end = next((index for index, word in enumerate(words[:16]) if word.endswith("?")), None)
    if end is None or end < 2 or words[0].lower() not in QUESTION_WORDS or end + 1 >= len(words):
        return []
    question = [_bare(word.rstrip("?")) for word in words[:end + 1]]
    asked = {_bare(word.rstrip("?")) for word in section.split()}
    if sum(word in asked for word in question) < ASKED_AGAIN_SHARE * max(len(question), len(asked)):
        return []
    heading = " ".join(words[:end + 1])
    return [Finding("run-in-heading", line, heading, FLAGGED,
                    detail=f"'{heading}' asks what the heading above it asks: the page's subheading, run into the text?")]


def _names_something(words: list[str], index: int, heading_end: int, rules) -> bool:
    """Does the title-case run hold the head word of a name ("The National Eye
    Institute's ...", "Age-Related Eye Disease Study")? Then it is a name that
    starts a sentence, not a heading."""
    return any(_bare(word) in rules.name_heads for word in words[index: heading_end + 1])


def heading_paragraph(text: str, line: int, guide: str, rules, lone_word: bool = False,
                      most_words: int = HEADING_WORDS) -> tuple[bool, list[Finding]]:
    """(is it a heading, findings) for a short paragraph with no full stop,
    in title case ("Signs of Low Vision", "EKG (Electrocardiogram)", a
    question of three words or more: "Which Treatment Is Best for You?"),
    followed by more text; `lone_word`: one word alone may be a heading too
    ("Overview"), as the caller knows prose follows it."""
    words = text.split()
    question = text.rstrip().endswith("?") and len(words) >= 3
    if not words or len(words) > most_words or not text[:1].isupper() or (
            text.rstrip()[-1:] in ".!?:;,…\"”" and not question):
        return False, []
    words[-1] = words[-1].rstrip("?")
    if not all(_HEADING_WORD.match(word) or word in SMALL_WORDS for word in words):
        return False, []
    capitals = sum(1 for word in words if word.lstrip("(")[:1].isupper())
    if capitals < 2 and not (lone_word and len(words) == 1 and len(words[0]) >= 3
                             and words[0].replace("-", "").isalpha()):  # "Overview", "X-ray"
        return False, []
    if rules.refused(guide, "run-in-heading", text):
        return False, [Finding("run-in-heading", line, text, REFUSED)]
    return True, [Finding("run-in-heading", line, text, REPAIRED, repair="made a heading")]


def heading_line(first: str, rest: str, line: int, guide: str, rules,
                 listed: set[str] = frozenset()) -> tuple[bool, list[Finding]]:
    """(is it a heading, findings) for the first line of a paragraph that
    the source wrote on a line of its own, with the paragraph going on
    below it ("Stage I Melanoma" / "Treatment of stage I melanoma ..."):
    a heading if it is one by `heading_paragraph`, the next line starts a
    sentence or a list, and it does not end on the head of a name ("The
    National Eye Institute" / "(NEI) supports ..." is one sentence wrapped).
    A whole sentence there is a heading too if a list before it named it
    (`listed`): a guide's "Key Points", each one then set above the
    paragraph that explains it."""
    words = first.split()
    if _item_key(first) in listed and first.endswith((".", ":")) and rest[:1].isupper() and (
            not rules.refused(guide, "run-in-heading", first)):
        return True, [Finding("run-in-heading", line, first, REPAIRED,
                              repair=f"'{first}' split off as a heading (a key point the guide listed before)")]
    if not (rest[:1].isupper() or rest.startswith("- ")) or _bare(words[-1]) in rules.name_heads | SMALL_WORDS:
        return False, []
    if rules.web_only_match(first):
        return False, []
    is_heading, findings = heading_paragraph(first, line, guide, rules, lone_word=len(rest.split()) >= 6,
                                             most_words=LINE_HEADING_WORDS)
    repair = f"'{first}' split off as a heading"
    return is_heading, [finding if finding.state != REPAIRED else dataclasses.replace(finding, repair=repair)
                        for finding in findings]


def listed_items(block) -> list[str]:
    """The items of a list block, or of a list written into a paragraph as
    " - " items, as `_item_key` keys."""
    if block.kind == "list":  # an item may hold more, run in as " - " items
        return [_item_key(part) for item in block.items for part in _INLINE_ITEM.split(item)]
    if block.kind == "paragraph" and (block.text.startswith("- ") or " - " in block.text):
        return [_item_key(item) for item in _INLINE_ITEM.split(block.text)[1:]]
    return []


_INLINE_ITEM = re.compile(r"(?:^|\s)-\s+")


def _item_key(text: str) -> str:
    return " ".join(text.split()).lower().rstrip(" .:;")


def run_together_findings(text: str, line: int, rules) -> list[Finding]:
    """Flag a lowercase word followed by a capitalised common word that is
    no name ("and jaw Nausea or vomiting"): list items or sentences run together."""
    names = proper_names(rules.lang)
    code = rules.lang.split("_")[0]
    for match in _RUN_TOGETHER.finditer(text):
        capital, after = match.group(2), (match.group(3) or "").strip()
        if after in SMALL_WORDS and re.match(r"\s+[A-Z]", text[match.end():]):
            continue  # a title inside the sentence: "see Participating in Clinical Trials"
        lower = capital.lower()
        if lower in names or lower.removesuffix("s") in names or lower in rules.name_heads or after[:1].isupper() or after.lower() in rules.name_heads:
            continue
        if zipf_frequency(lower, code) < COMMON_ZIPF or match.group(1) in NAME_LEADS:
            continue
        return [Finding("run-together", line, excerpt(text, match.start(2), match.end(2), words=3), FLAGGED)]
    return []


def _bare(word: str) -> str:
    return re.sub(r"['’]s$", "", word.strip(",;:")).lower()
