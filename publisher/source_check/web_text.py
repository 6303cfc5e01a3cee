"""Text a web page had and a handout must not keep as it is: instructions to
click, scroll or watch a video, picture captions and credits, and contact
details (a phone number, e-mail or web address, a street address) that a
person should check are current. All flagged, none changed: the patterns
are data (locales/<lang>/source-check.toml), but for phone numbers, e-mail
and web addresses, found as everywhere else by contacts.py.
"""

from __future__ import annotations

from ..contacts import find_contacts
from .findings import FLAGGED, Finding, excerpt


def web_text_findings(text: str, line: int, rules) -> list[Finding]:
    """Flag web-only instructions, captions and contact details in one paragraph or item."""
    findings = []
    match = rules.web_only_match(text)
    if match:
        findings.append(Finding("web-only", line, excerpt(text, match.start(), match.end()), FLAGGED))
    if is_caption(text, rules):
        findings.append(Finding("caption", line, text, FLAGGED))
    contacts = sorted({(contact.start, contact.end) for contact in find_contacts(text)}
                      | {(match.start(), match.end()) for pattern in rules.street for match in pattern.finditer(text)})
    if contacts:
        spans = [span for span in contacts if not any(other != span and other[0] <= span[0] and span[1] <= other[1]
                                                      for other in contacts)]
        details = ", ".join(text[start:end].rstrip(".,;") for start, end in spans)
        findings.append(Finding("contact", line, excerpt(text, spans[0][0], spans[-1][1], words=2), FLAGGED,
                                detail=details))
    return findings


def is_caption(text: str, rules) -> bool:
    """Is `text` a picture's caption, credit or alt text (source-check.toml [caption])?"""
    if any(pattern.match(text) for pattern in rules.caption_starts):
        return True
    return len(text.split()) <= rules.caption_words and any(pattern.search(text) for pattern in rules.caption_anywhere)
