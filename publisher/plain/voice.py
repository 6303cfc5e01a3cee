"""Active voice where the rule can tell: "X is blocked by Y." -> "Y blocks X.".

Only a finite passive with a named agent at the end of the sentence is
turned round, and only when the agent looks like something that acts (it
starts with a determiner or a plural noun) and is not a manner or measure
("by mouth", "by a few months", "by reducing ...").
"""

from __future__ import annotations

import re

import lemminflect

from ..wordlists import proper_names
from . import grammar

_PASSIVE = re.compile(r"^(?P<patient>[A-Z][^,;]*?) (?P<be>is|are|was|were|has been|have been) "
                      r"(?P<adverb>(?:often|usually|also|mainly|sometimes) )?(?P<participle>[a-z]+) "
                      r"by (?P<agent>[^,;]+?)(?P<stop>[.!?])$")
_NOT_AGENTS = {"mouth", "injection", "far", "then", "now", "hand", "day", "night", "phone", "email", "about",
               "up", "half", "how", "what", "which", "whom", "means", "way", "itself", "themselves"}
_NOT_AFTER_ARTICLE = {"few", "little", "lot", "bit", "number", "factor", "half", "third", "quarter", "mile", "margin"}
_AGENT_STARTS = {"the", "your", "their", "its", "this", "these", "those", "some", "many", "most", "doctors",
                 "nurses", "researchers", "scientists", "people", "cells"}
_TENSE = {"is": "present", "are": "present", "was": "past", "were": "past", "has been": "perfect",
          "have been": "perfect"}


def active_voice(sentence: str, names: frozenset = frozenset()) -> str:
    """`sentence` in the active voice, or unchanged if the rule cannot tell."""
    match = _PASSIVE.match(sentence)
    if not match:
        return sentence
    if match["patient"] in ("It", "They", "This", "These"):
        return sentence  # "It is caused by X" keeps the topic first
    patient_words = match["patient"].split()
    if patient_words[-1].lower() in ("and", "or", "but") or any(
            grammar.bare(word) in grammar.AUXILIARIES or (grammar.is_finite_verb(word) and not grammar.lemmas(word).get("NOUN")
                                                         and not grammar.is_participle(word)
                                                         and not grammar.is_gerund_verb(word))
            for word in patient_words[1:]):
        return sentence  # "Outbreaks ... occur most years and are caused by X": the subject holds a verb
    agent, participle = match["agent"], match["participle"]
    words = [grammar.bare(word) for word in agent.split()]
    if words[0] in _NOT_AGENTS or grammar.is_gerund_verb(words[0]) or any(ch.isdigit() for ch in agent):
        return sentence
    if words[0] in ("a", "an") and (len(words) < 2 or words[1] in _NOT_AFTER_ARTICLE):
        return sentence
    if not (words[0] in _AGENT_STARTS | {"a", "an"} or grammar.is_plural_noun(words[-1])
            or words[-1] in names):
        return sentence
    lemma = lemminflect.getLemma(participle, upos="VERB")
    if not lemma or lemminflect.getInflection(lemma[0], tag="VBN")[:1] != (participle,):
        return sentence
    verb = _inflect(lemma[0], _TENSE[match["be"]], plural=grammar.is_plural_noun(agent.split()[-1]))
    patient = match["patient"]
    patient = patient if _is_name(patient) else grammar.mid_sentence(patient)
    adverb = match["adverb"] or ""
    return f"{agent[0].upper()}{agent[1:]} {adverb}{verb} {patient}{match['stop']}"


def _inflect(lemma: str, tense: str, plural: bool) -> str:
    if tense == "past":
        return lemminflect.getInflection(lemma, tag="VBD")[0]
    if tense == "perfect":
        return ("have " if plural else "has ") + lemminflect.getInflection(lemma, tag="VBN")[0]
    return lemminflect.getInflection(lemma, tag="VBP" if plural else "VBZ")[0]


def _is_name(phrase: str) -> bool:
    """Does `phrase` start with a name that keeps its capital ("SOD1", "Gaucher disease")?"""
    first = phrase.split()[0]
    return first.isupper() or any(ch.isdigit() for ch in first) or first.lower() in proper_names("en")
