"""The plain-language engine itself (see the package docstring): rules in, plain guide out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import MutableMapping
from pathlib import Path

from ..datafiles import load_data
from ..errors import PublisherError, display_path
from ..model import BulletList, GlossaryEntry, Guide, Section, Sentence, SourceBlock, SourceGuide, Subheading
from ..sentences import split_sentences
from .clauses import RULES as CLAUSE_RULES
from .fidelity import missing
from .fixed_names import FixedNames, load_fixed_names
from .lexicon import SHAPE as LEXICON_SHAPE, Lexicon, load_lexicon
from .lists import enumeration, leans_back, paragraphs_and_lists
from .overrides import Overrides, load_overrides
from .proof import Checker
from .result import EDITOR, PlainResult, Rewrite
from .rewrite import Rewriter
from .sections import SectionDraft, TopicRules, draft_sections, find_subject, load_topics
from .summary import key_points
from .switches import OFF_FILE, Switches, load_switches
from .terms import NAME_KINDS, Term, Terms, load_terms

MAX_SENTENCES_PER_PARAGRAPH = 4


@dataclass(frozen=True)
class PlainRules:
    """Everything the engine knows about one source language, read from data files."""

    lang: str
    topics: TopicRules
    lexicon: Lexicon
    terms: Terms
    overrides: Overrides
    reader_nouns: tuple[str, ...]
    fixed_names: FixedNames
    off: frozenset[str] = frozenset()  # transformations switched off (switches.py)
    switches: Switches = Switches()  # and those switched back on for a guide
    every_entry: Lexicon | None = None  # the lexicon with no entry switched off

    def for_guide(self, guide: str) -> tuple[Lexicon, frozenset[str]]:
        """(the lexicon, the transformations off) for the guide `guide`."""
        off = self.switches.off_for(guide)
        if off == self.off or self.every_entry is None:
            return self.lexicon, self.off
        return self.every_entry.without(name.partition(":")[2] for name in off if name.startswith("lexicon:")), off


def load_rules(language_dir: Path, lang: str) -> PlainRules:
    """Read the plain-language data for `lang` from its folder in locales/."""
    topics_file = language_dir / "topics.toml"
    if not topics_file.exists():
        raise PublisherError(f"no plain-language rules for language '{lang}' "
                             f"({display_path(topics_file)} is missing)")
    terms = load_terms(language_dir / "terms.toml", language_dir / "glossary.toml", language_dir / "definitions.toml")
    lexicon_file = language_dir / "lexicon.toml"
    reader = load_data(lexicon_file, LEXICON_SHAPE).get("reader", {})
    lexicon = load_lexicon(lexicon_file, terms.forms)
    switches = load_switches(language_dir / OFF_FILE, tuple(rule.name for rule in CLAUSE_RULES), lexicon.replacements,
                             [term.name for term in terms.terms])
    return PlainRules(lang=lang, topics=load_topics(topics_file), lexicon=lexicon.without(
                          name.partition(":")[2] for name in switches.off if name.startswith("lexicon:")),
                      terms=terms, overrides=load_overrides(language_dir / "overrides.toml"),
                      reader_nouns=tuple(reader.get("nouns", ())),
                      fixed_names=load_fixed_names(language_dir / "fixed-names.toml", lang), off=switches.off,
                      switches=switches, every_entry=lexicon)


def make_plain(source: SourceGuide, rules: PlainRules) -> Guide:
    """Turn a source guide into a plain-language Guide."""
    return plain_result(source, rules).guide


def plain_result(source: SourceGuide, rules: PlainRules,
                 known: MutableMapping[tuple[str, str], Rewrite] | None = None,
                 findings: tuple = ()) -> PlainResult:
    """make_plain, with the counts the report needs and the source check's
    `findings` (a sentence holding text it flagged is never a key point and
    never brings a word into "Words to know"). `known` holds rewrites
    already made with these rules, by (subject and the lexicon entries left
    out for this guide, source sentence): they are
    used as they are (a rewrite depends on nothing else), and the new ones
    are added, so a guide with one sentence changed rewrites that one only."""
    subject = find_subject(source, rules.topics.fallback_subject, rules.topics.organisation_words)
    names = frozenset(form.lower() for term in rules.terms.terms if term.kind in NAME_KINDS for form in term.forms)
    drafts = draft_sections(source, rules.topics)
    # Titles and headings are never rewritten: a word they use is not swapped in the body either, and
    # nor is a word the author keeps, so the guide calls a thing by one name.
    lexicon, off = rules.for_guide(source.slug)
    lexicon, dropped = lexicon.for_subject(subject).keeping(
        source.keep, [source.title, *(draft.heading for draft in drafts)], rules.reader_nouns)
    rewriter = Rewriter(lexicon, rules.reader_nouns, names, Checker(rules.terms, source.lang), rules.fixed_names,
                        source.lang, off=off)
    # a rewrite depends on the lexicon and the switches
    context = subject + "".join(f" -{entry}" for entry in sorted(dropped)) + "".join(
        f" +{name}" for name in sorted(rules.off - off))
    writer = _SectionWriter(source, rules, rewriter, context, {} if known is None else known)
    sections = tuple(writer.section(draft) for draft in drafts)
    title = Sentence("title", source.title, source.lang, writer.where(1))
    glossary = tuple(GlossaryEntry(Sentence(f"words-to-know.{n}.term", term.heading, source.lang),
                                   Sentence(f"words-to-know.{n}", term.glossary, source.lang))
                     for n, term in enumerate(writer.explained, start=1))
    summary = key_points(sections, frozenset(writer.added), subject, names, frozenset(writer.flagged))
    guide = Guide(slug=source.slug, title=title, lang=source.lang, summary=tuple(summary), sections=sections,
                  glossary=glossary)
    source_text = " ".join(sentence for sentences in writer.section_sources.values() for sentence in sentences)
    plain_text = " ".join(unit.text for unit in guide.units())
    lost = missing(source_text, plain_text, rules.terms, rules.terms.drug_endings, source.lang)
    return PlainResult(guide, writer.source_sentences, writer.overridden, dict(writer.section_sources), tuple(lost),
                       tuple(writer.rewrites), dict(writer.unit_sources), tuple(findings))


# A pronoun among a sentence's first words points back to the sentence before ("Use them less often.").
# So does one after an opening phrase: "Like trigeminal neuralgia, it is ...".
_EARLY_PRONOUN = re.compile(r"^(?:\W*(?:\w+\W+){0,2}?|[^,.;:]{0,60},\s*)(?:them|it|they)\b(?!['’])", re.IGNORECASE)


def _points_back(sentence: str) -> bool:
    """Does `sentence` lean on the one before it, so that nothing may come
    between them: it starts "This ...", or "them", "it" or "they" is among
    its first three words ("Use them less often.", "Eat it raw.")? ("These
    nerve cells" names what it points to.)"""
    return leans_back(sentence) or bool(_EARLY_PRONOUN.match(sentence))


def _lead_in_first(pairs: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(the paragraph's sentences, the explanations to hold back until after
    the list that follows) if the paragraph ends on a list's lead-in ("These
    include:") with explanations added after it: an explanation never comes
    between a lead-in and its list. Explanations have no source sentence."""
    added = next((count for count, (_, source) in enumerate(reversed(pairs)) if source), len(pairs))
    kept = len(pairs) - added
    if 0 < kept < len(pairs) and pairs[kept - 1][0].rstrip().endswith(":"):
        return pairs[:kept], pairs[kept:]
    return pairs, []


# A list item laid flat in a paragraph by the page it was pasted from: "... include the following: - Weakness."
_INLINE_ITEM = re.compile(r"^\s*[-•*]\s")
# The longest first sentence of a paragraph read as one item of a list whose bullets the page lost.
_ITEM_WORDS = 20


def _item_like(block: SourceBlock, lang: str) -> bool:
    """Is this paragraph, standing after a lead-in ("... may include:"), one
    item of a list whose bullets were lost ("Rectal prolapse. Frequent
    coughing ... may cause ...")? A short first sentence, at most one more."""
    if block.kind != "paragraph" or block.text.rstrip().endswith(":"):
        return False
    sentences = split_sentences(block.text, lang)
    return 0 < len(sentences) <= 2 and len(sentences[0].split()) <= _ITEM_WORDS


def _without_added(pairs: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(the paragraph's own sentences, the explanations added to it): an item of a list keeps none."""
    return [pair for pair in pairs if pair[1]], [pair for pair in pairs if not pair[1]]


def _flagged(sentence: str, flags: tuple[str, ...]) -> bool:
    """Does the source sentence hold (part of) a text the source check flagged?"""
    flat = " ".join(sentence.split())
    for flag in flags:
        words = flag.split()
        if " ".join(words) in flat or flat in " ".join(words) or " ".join(words[:3]) in flat \
                or " ".join(words[-3:]) in flat:
            return True
    return False


_CONTENT_WORD = re.compile(r"[a-z]{4,}")


def _said_already(explanation: str, sentences: list[str]) -> bool:
    """Does one sentence of the paragraph already say most of `explanation`
    ("It is given through a drip into a vein" before "Edaravone is given
    through a drip into a vein, or as a liquid you swallow")?"""
    words = set(_CONTENT_WORD.findall(explanation.lower()))
    return bool(words) and any(len(words & set(_CONTENT_WORD.findall(sentence.lower()))) >= len(words) / 2
                               for sentence in sentences)


def _names_what_is_said(term: Term, sentence: str) -> bool:
    """Does the term's first-use explanation name it the way `sentence`
    does? "In a lumbar puncture, ..." explains nothing to a reader of "spinal
    tap", nor "Folic acid is ..." to one of "folate": such a term is left
    to "Words to know". (A term explained from its kind's template names it
    as the sentence does.)"""
    if not term.first_use:
        return True
    explanation = _singular(term.first_use)
    return any(_singular(form) in explanation for form in term.forms
               if re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", sentence, re.IGNORECASE))


def _singular(text: str) -> str:
    """`text` lowercase with each word's plural ending cut ("Seizures" -> "seizure",
    "arteries" -> "artery"), to compare the words, not their number."""
    return " ".join(word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s")
                    and not word.endswith("ss") else word for word in re.findall(r"[\w'-]+", text.lower()))


def _defines(sentences: list[str], term: Term) -> bool:
    """Does the text say what `term` is: a sentence "Glutamate is the main ...",
    or "... free radicals." followed by "These are ..."?"""
    forms = [form.lower() for form in term.forms]
    for sentence, following in zip(sentences, sentences[1:] + [""]):
        lowered = sentence.lower()
        if any(lowered.startswith(f"{form} {verb} {article} ") for form in forms for verb in ("is", "are")
               for article in ("a", "an", "the")):
            return True
        if following.startswith(("These are ", "This is ")) and any(lowered.endswith(f"{form}.") for form in forms):
            return True
    return False


class _SectionWriter:
    """Writes the sections of one guide, remembering which terms it has explained."""

    def __init__(self, source: SourceGuide, rules: PlainRules, rewriter: Rewriter, context: str,
                 known: MutableMapping[tuple[str, str], Rewrite]):
        self.source, self.rules, self.rewriter = source, rules, rewriter
        self.context, self.known = context, known  # rewrites known by (context, source sentence)
        self.explained: list[Term] = []
        self.added: list[str] = []  # the explanation sentences the engine wrote
        self.source_sentences = 0
        self.overridden = 0
        self.section_sources: dict[str, tuple[str, ...]] = {}
        self.rewrites: list[Rewrite] = []
        self.unit_sources: dict[str, str] = {}  # unit id -> its source sentence ("" for an added explanation)
        self.flagged: set[str] = set()  # ids of units made from text the source check flagged

    def where(self, line: int) -> str:
        return f"{display_path(self.source.path)}:{line}"

    def section(self, draft: SectionDraft) -> Section:
        counter = iter(range(1, 100_000))

        def unit(text: str, line: int, source: str = "", flags: tuple[str, ...] = ()) -> Sentence:
            made = Sentence(f"{draft.id}.{next(counter)}", text, self.source.lang, self.where(line))
            self.unit_sources[made.id] = source
            if source and _flagged(source, flags):
                self.flagged.add(made.id)
            return made

        heading = Sentence(f"{draft.id}.heading", draft.heading, self.source.lang, self.where(draft.blocks[0].line))
        self.section_sources[draft.id] = tuple(
            sentence for block in draft.blocks if block.kind != "subheading"
            for sentence in (block.items if block.kind == "list" else split_sentences(block.text, self.source.lang)))
        blocks = []
        lists = "lists" not in self.rewriter.off
        held: list[tuple[str, str, int]] = []  # explanations held back until the list a lead-in opens is over

        def paragraph(pairs, line: int, flags: tuple[str, ...] = ()) -> None:
            units = [unit(text, line, source, flags) for text, source in pairs]
            added = frozenset(made.id for made, (_, source) in zip(units, pairs) if not source)
            blocks.extend(paragraphs_and_lists(units, MAX_SENTENCES_PER_PARAGRAPH, lists, added))

        items = False  # in a run of paragraphs that are the items of a list whose bullets were lost
        for index, block in enumerate(draft.blocks):
            items = items and _item_like(block, self.source.lang)
            if held and not items and block.kind != "list":  # the list is over: its explanations come now
                paragraph(held, block.line)
                held = []
            if block.kind == "subheading":  # as written, like the section's own heading
                blocks.append(Subheading(unit(block.text, block.line)))
                continue
            if block.kind == "list":
                blocks.append(BulletList(tuple(unit(" ".join(self._plain(item)), block.line, item, block.flagged)
                                               for item in block.items)))
                if held:
                    paragraph(held, block.line)
                    held = []
                continue
            pairs = self._paragraph(block.text, block.flagged)
            if items:  # an item's explanations wait until after the last item
                pairs, added = _without_added(pairs)
                held.extend(added)
            following = draft.blocks[index + 1] if index + 1 < len(draft.blocks) else None
            if following is not None and (following.kind == "list" or _item_like(following, self.source.lang)):
                pairs, more = _lead_in_first(pairs)
                held.extend(more)
                items = items or following.kind != "list" and block.text.rstrip().endswith(":")
            paragraph(pairs, block.line, block.flagged)
        if held:
            paragraph(held, draft.blocks[-1].line)
        return Section(id=draft.id, heading=heading, blocks=tuple(blocks))

    def _paragraph(self, text: str, flags: tuple[str, ...] = ()) -> list[tuple[str, str]]:
        """The plain sentences of a source paragraph, with first-use explanations,
        each with the source sentence it comes from ("" for an explanation).

        Explanations follow all the pieces of a source sentence, and wait
        past any next sentence that leans on it ("This ..."), so they never
        come between a sentence and its continuation, nor between items laid
        flat in the paragraph ("- Weakness. - Nausea."). A term the paragraph
        itself defines ("Glutamate is ...") gets no added explanation, and
        a sentence the source check flagged (`flags`) brings in no term.
        """
        sources = split_sentences(text, self.source.lang)
        rewritten = [self._plain(sentence) for sentence in sources]
        everything = [piece for pieces in rewritten for piece in pieces]
        plain: list[tuple[str, str]] = []
        waiting: list[tuple[str, str]] = []
        for source, pieces in zip(sources, rewritten):
            first = pieces[0] if pieces else ""
            if waiting and not _points_back(first) and not _INLINE_ITEM.match(first):  # nor between laid-flat items
                plain.extend(waiting)
                waiting = []
            plain.extend((piece, source) for piece in pieces)
            if _flagged(source, flags):
                continue
            joined = " ".join(pieces)
            names = self.rules.fixed_names.spans(joined, listed_only=True)
            new = [term for term in self.rules.terms.used_in(joined, names) if term not in self.explained
                   and f"explanation:{term.name.lower()}" not in self.rewriter.off]  # its explanation switched off
            self.explained.extend(new)
            # A term first met in a list item is described by the item itself;
            # "Words to know" has it too.
            listed = {term for piece in pieces if enumeration(piece) for term in self.rules.terms.used_in(piece)}
            undefined = [term for term in new if not _defines(everything, term) and term not in listed
                         and _names_what_is_said(term, joined)]
            explanations = [text for text in self.rules.terms.explain(joined, undefined)
                            if not _said_already(text, everything)]
            self.added.extend(explanations)
            waiting.extend((explanation, "") for explanation in explanations)
        return plain + waiting

    def _plain(self, sentence: str) -> list[str]:
        self.source_sentences += 1
        override = self.rules.overrides.get(sentence)
        if override:
            self.overridden += 1
            self.rewrites.append(Rewrite(" ".join(sentence.split()), tuple(override), EDITOR))
            return list(override)
        rewrite = self.known.get((self.context, sentence))
        if rewrite is None:
            rewrite = self.known[(self.context, sentence)] = self.rewriter.rewrite(sentence)
        self.rewrites.append(rewrite)
        return list(rewrite.plain)
