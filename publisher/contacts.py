"""Find contact details in running text: phone numbers, e-mail addresses and
web addresses, as a guide pasted from a website gives them ("Phone:
301-496-5248. E-mail: 2020@nei.nih.gov. Web: www.nei.nih.gov").

A contact is printed whole and exactly as written: sentence splitting and
the plain-language rewrite never cut or change one (sentences.py,
plain/contact_guard.py), and the narration reads it out the way a person
does (speech/contact_reading.py).

What counts as a contact:
- a web address with a scheme ("https://www.ninds.nih.gov/Disorders"), one
  starting "www." and a bare domain ending in a common top-level domain
  ("nei.nih.gov", "ninds.nih.gov/health"); a full stop, comma or closing
  bracket after it ends the sentence, not the address;
- an e-mail address ("braininfo@ninds.nih.gov");
- a phone number: North American ("301-496-5248", "(301) 496-5248",
  "1-800-352-9424", "800.352.9424"; not "301 496 5248"), international ("+1 301 496 5248",
  "+33 1 23 45 67 89") and national numbers starting with 0 written in pairs
  ("01 23 45 67 89"). Letters in a number ("1-800-CDC-INFO") and
  extensions are not recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PHONE, EMAIL, WEB = "phone", "email", "web"

# Top-level domains a bare domain ("nei.nih.gov") may end in: the generic
# ones and those of the countries whose health services the guides cite.
# Written in lowercase only, so that a missing space after a full stop
# ("disease.It") is never taken for an address.
BARE_DOMAIN_ENDINGS = ("com", "org", "net", "gov", "edu", "int", "mil", "info", "health", "uk", "ca", "au", "nz",
                       "ie", "es", "fr", "be", "ch", "eu", "mx", "ar", "co", "cl", "pe", "ma", "dz", "tn", "eg",
                       "sa", "ae", "jo", "qa")

_ADDRESS_CHARACTERS = r"[^\s<>\"“”‘’«»]"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_WEB_WITH_SCHEME = rf"(?i:https?|ftp)://{_ADDRESS_CHARACTERS}+"
_WEB_WWW = rf"(?<![\w.@/-])(?i:www)\.{_LABEL}(?:\.{_LABEL})+(?:/{_ADDRESS_CHARACTERS}*)?"
_EMAIL = rf"(?<![\w.+%-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9])?@{_LABEL}(?:\.{_LABEL})*\.[A-Za-z]{{2,}}(?![\w-])"
_WEB_BARE = (rf"(?<![\w.@/+-])(?:{_LABEL}\.)+(?:{'|'.join(BARE_DOMAIN_ENDINGS)})(?![\w-])"
             rf"(?:/{_ADDRESS_CHARACTERS}*)?")
# Phone numbers: not glued to a word, a number or a decimal point on either side.
_NOT_BEFORE = r"(?<![\w+.,/-])"
_NOT_AFTER = r"(?![\w/-]|[.,]\d)"
# A number written with spaces alone ("100 200 3000") is taken for no phone number.
_PHONE_NORTH_AMERICAN = (rf"{_NOT_BEFORE}(?:1[-.])?(?:\(\d{{3}}\) ?\d{{3}}[-. ]|\d{{3}}-\d{{3}}-|\d{{3}}\.\d{{3}}\.)"
                         rf"\d{{4}}{_NOT_AFTER}")
_PHONE_INTERNATIONAL = rf"(?<![\w+])\+\d{{1,3}}(?:[-. ]?\(\d{{1,4}}\)|[-. ]\d{{1,4}}){{2,6}}{_NOT_AFTER}"
_PHONE_PAIRS = rf"{_NOT_BEFORE}0\d(?:[-. ]\d{{2}}){{4}}{_NOT_AFTER}"

# Leftmost match wins; at one place, the kinds in this order.
_CONTACT = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in (
    ("web_scheme", _WEB_WITH_SCHEME), ("web_www", _WEB_WWW), ("email", _EMAIL), ("web_bare", _WEB_BARE),
    ("phone_international", _PHONE_INTERNATIONAL), ("phone_north_american", _PHONE_NORTH_AMERICAN),
    ("phone_pairs", _PHONE_PAIRS))))
_KINDS = {"web_scheme": WEB, "web_www": WEB, "web_bare": WEB, "email": EMAIL, "phone_international": PHONE,
          "phone_north_american": PHONE, "phone_pairs": PHONE}
# Punctuation that may follow an address and is not part of it: "Visit www.nei.nih.gov."
_TRAILING = ".,;:!?'\"’”»"
_BRACKETS = {")": "(", "]": "["}
MIN_PHONE_DIGITS, MAX_PHONE_DIGITS = 7, 15  # E.164 allows at most 15


@dataclass(frozen=True)
class Contact:
    """One contact detail found in a text: its kind (PHONE, EMAIL or WEB),
    where it stands, and how it is written."""

    kind: str
    start: int
    end: int
    text: str


def find_contacts(text: str) -> list[Contact]:
    """The contact details in `text`, in order, none overlapping."""
    found = []
    for match in _CONTACT.finditer(text):
        kind = _KINDS[match.lastgroup]
        end = match.start() + len(_without_trailing(match.group(0))) if kind == WEB else match.end()
        written = text[match.start(): end]
        if kind == PHONE and not MIN_PHONE_DIGITS <= sum(char.isdigit() for char in written) <= MAX_PHONE_DIGITS:
            continue
        found.append(Contact(kind, match.start(), end, written))
    return found


def contact_spans(text: str) -> list[tuple[int, int]]:
    """Where the contact details of `text` stand: (start, end) pairs."""
    return [(contact.start, contact.end) for contact in find_contacts(text)]


def _without_trailing(address: str) -> str:
    """A web address without the punctuation that follows it in the sentence
    (a closing bracket stays if the address opened it: "ALS_(disease)")."""
    while address:
        last = address[-1]
        if last in _TRAILING or (last in _BRACKETS and address.count(last) > address.count(_BRACKETS[last])):
            address = address[:-1]
        else:
            break
    return address
