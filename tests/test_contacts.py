"""Contact details (phone numbers, e-mail and web addresses) are found, and
printed whole: sentence splitting and the plain-language rewrite never cut
or change one. How the narration reads them out is in test_pronunciation.py."""

from __future__ import annotations

import pytest

from conftest import REPO, with_seed_switches
from publisher.contacts import EMAIL, PHONE, WEB, find_contacts
from publisher.plain import load_rules, plain_result
from publisher.plain.contact_guard import guard_contacts
from publisher.plain.fidelity import missing
from publisher.plain.lists import enumeration
from publisher.plain.proof import Checker
from publisher.plain.rewrite import Rewriter
from publisher.plain.terms import NAME_KINDS
from publisher.plain.tidy import tidy
from publisher.sentences import split_sentences
from publisher.sources import load_source

RULES = load_rules(REPO / "locales" / "en", "en")

# Text -> the contacts in it, as (kind, as written).
FOUND = [
    ("Phone: 301-496-5248. E-mail: 2020@nei.nih.gov. Web: www.nei.nih.gov",
     [(PHONE, "301-496-5248"), (EMAIL, "2020@nei.nih.gov"), (WEB, "www.nei.nih.gov")]),
    ("Call 1-800-352-9424 (TTY: 301-468-5981).", [(PHONE, "1-800-352-9424"), (PHONE, "301-468-5981")]),
    ("See https://www.ninds.nih.gov/Disorders/All-Disorders/Botulism.",
     [(WEB, "https://www.ninds.nih.gov/Disorders/All-Disorders/Botulism")]),
    ("Call (301) 496-5248, 800.352.9424 or +1 301 496 5248.",
     [(PHONE, "(301) 496-5248"), (PHONE, "800.352.9424"), (PHONE, "+1 301 496 5248")]),
    ("Appelez le +33 1 23 45 67 89 ou le 01 23 45 67 89.", [(PHONE, "+33 1 23 45 67 89"), (PHONE, "01 23 45 67 89")]),
    ("Write to information.request@nih.gov, or visit nei.nih.gov/health or ninds.nih.gov.",
     [(EMAIL, "information.request@nih.gov"), (WEB, "nei.nih.gov/health"), (WEB, "ninds.nih.gov")]),
    ("Search https://example.org/search?q=als&lang=en! (Or www.example.org/wiki/ALS_(disease).)",
     [(WEB, "https://example.org/search?q=als&lang=en"), (WEB, "www.example.org/wiki/ALS_(disease)")]),
]
# Text with no contact detail in it, though it has numbers and full stops.
NOT_CONTACTS = [
    "Bethesda, MD 20892-2510.",
    "On 2020-05-01, 5-10% of 1,000.5 people (RR 0.73, 95% CI 0.65 to 0.81) took part.",
    "The disease.It was bad, e.g. in 100 200 3000 cases, i.e. many.",
    "Take 2.5 mg twice a day, 9-5.",
]


@pytest.mark.parametrize("text, expected", FOUND, ids=[f"found-{n}" for n in range(1, len(FOUND) + 1)])
def test_contact_details_are_found_whole(text, expected):
    assert [(contact.kind, contact.text) for contact in find_contacts(text)] == expected
    assert all(text[contact.start: contact.end] == contact.text for contact in find_contacts(text))


@pytest.mark.parametrize("text", NOT_CONTACTS)
def test_numbers_dates_and_typos_are_no_contact_details(text):
    assert find_contacts(text) == []


# Text -> its sentences: never a break inside a contact detail.
SPLITS = [
    ("Phone: 301-496-5248. E-mail: 2020@nei.nih.gov. Web: www.nei.nih.gov",
     ["Phone: 301-496-5248.", "E-mail: 2020@nei.nih.gov.", "Web: www.nei.nih.gov"]),
    ("See https://example.org/search?q=als&lang=en! It has 10% of cases.",
     ["See https://example.org/search?q=als&lang=en!", "It has 10% of cases."]),
    ("Call 800.352.9424. Or visit nei.nih.gov. It has more.",
     ["Call 800.352.9424.", "Or visit nei.nih.gov.", "It has more."]),
    ("Vea https://ejemplo.org/buscar?q=ela. Es útil.", ["Vea https://ejemplo.org/buscar?q=ela.", "Es útil."]),
]


@pytest.mark.parametrize("text, sentences", SPLITS, ids=[f"split-{n}" for n in range(1, len(SPLITS) + 1)])
def test_sentences_never_break_inside_a_contact_detail(text, sentences):
    lang = "es" if text.startswith("Vea") else "en"
    assert split_sentences(text, lang) == sentences


def test_sentences_without_contact_details_split_as_pysbd_splits_them():
    assert split_sentences("It is rare. It gets worse, e.g. in the legs? Yes!") == [
        "It is rare.", "It gets worse, e.g. in the legs?", "Yes!"]


def rewriter() -> Rewriter:
    """A rewriter with the transformations the seed guides use switched on (as a guide's editor
    may): the contact guard must hold whatever the rules do around it."""
    names = frozenset(form.lower() for term in RULES.terms.terms if term.kind in NAME_KINDS for form in term.forms)
    lexicon, off = with_seed_switches(RULES, "where-to-get-help", {"lexicon:obtain"}).for_guide("where-to-get-help")
    return Rewriter(lexicon.for_subject("ALS"), RULES.reader_nouns, names, Checker(RULES.terms, "en"),
                    RULES.fixed_names, "en", off=off)


# Source sentences whose contact details a rewrite once changed or cut, and
# what the rewrite makes of them now: plain words around the contacts, none
# inside ("via" is no "through" in an address, "10%20" no percentage).
REWRITES = [
    ("Patients may visit https://www.example.org/utilize/via/individual to obtain information.",
     ["Patients may visit https://www.example.org/utilize/via/individual to get information."]),
    ("Contact us at 1-800-782-4747 or https://www.als.org/10%20percent to obtain assistance.",
     ["Contact us at 1-800-782-4747 or https://www.als.org/10%20percent to get assistance."]),
    ("Approximately 5-10 percent of patients call (800) 352-9424, which is the helpline.",
     ["About 5 to 10 out of 100 patients call (800) 352-9424.", "This is the helpline."]),
    ("Call 1-800-352-9424 (TTY: 301-468-5981) to obtain information about it.",
     ["Call 1-800-352-9424 (TTY: 301-468-5981) to get information about it."]),
    ("www.nei.nih.gov provides information.", ["www.nei.nih.gov gives information."]),
]


@pytest.mark.parametrize("source, plain", REWRITES, ids=[f"rewrite-{n}" for n in range(1, len(REWRITES) + 1)])
def test_the_rewrite_changes_words_around_contact_details_never_inside_them(source, plain):
    rewrite = rewriter().rewrite(source)
    assert list(rewrite.plain) == plain
    for contact in find_contacts(source):
        assert contact.text in " ".join(rewrite.plain)


def test_a_guarded_sentence_hides_each_contact_behind_a_word_and_gives_it_back():
    guarded = guard_contacts("Call 301-496-5248 or write to 2020@nei.nih.gov.")
    assert guarded.text == "Call Qxcontacta or write to Qxcontactb."
    assert guarded.restore("You can call Qxcontacta. Or write to Qxcontactb.") == (
        "You can call 301-496-5248. Or write to 2020@nei.nih.gov.")
    assert guard_contacts("No contact here.").restore("No contact here.") == "No contact here."


def test_a_plain_version_that_loses_or_changes_a_contact_detail_fails_the_fidelity_check():
    source = "Call 301-496-5248 or visit www.example.org/via."
    assert missing(source, source, RULES.terms, RULES.terms.drug_endings) == []
    assert missing(source, "Call 301-496-5248 or visit www.example.org/through.", RULES.terms,
                   RULES.terms.drug_endings) == ["contact 'www.example.org/via'"]


GUIDE = """Where to Get Help with ALS
ALS is a disease of the nerve cells that control muscles. It gets worse over time.
Who to contact
Patients who require additional information can call 1-800-352-9424 (TTY: 301-468-5981) or send an e-mail to \
braininfo@ninds.nih.gov. More information is available at \
https://www.ninds.nih.gov/health-information/disorders/amyotrophic-lateral-sclerosis-als.

National Eye Institute, 31 Center Drive MSC 2510, Bethesda, MD 20892-2510. Phone: 301-496-5248. \
E-mail: 2020@nei.nih.gov. Web: www.nei.nih.gov.

You can also call (301) 496-5248 or 800.352.9424, or +1 301 496 5248 from abroad. Search at \
https://example.org/search?q=als&lang=en for approximately 10% of answers, or visit \
www.example.org/utilize/via/individual.
"""


def test_the_engine_prints_every_contact_detail_of_a_guide_whole(tmp_path):
    path = tmp_path / "where-to-get-help.txt"
    path.write_text(GUIDE, encoding="utf-8")
    result = plain_result(load_source(path), with_seed_switches(RULES, "where-to-get-help"))
    assert result.lost == ()
    wanted = [contact.text for contact in find_contacts(GUIDE)]
    assert len(wanted) == 12
    body = [unit.text for section in result.guide.sections for unit in section.units()]
    printed = [contact.text for text in body for contact in find_contacts(text)]
    assert printed == wanted  # each once, in order, as written
    assert "Phone: 301-496-5248." in body and "E-mail: 2020@nei.nih.gov." in body
    assert any(text.startswith("Search at https://example.org/search?q=als&lang=en for about 1 in 10 answers")
               for text in body)


def test_a_list_item_or_sentence_that_opens_with_an_address_keeps_its_small_letters():
    _, items = enumeration("Other places that can help you with more information about the disease include the "
                               "helpline at 1-800-352-9424, www.ninds.nih.gov, and the e-mail address "
                               "braininfo@ninds.nih.gov.")
    assert items == ["The helpline at 1-800-352-9424.", "www.ninds.nih.gov.",
                     "The e-mail address braininfo@ninds.nih.gov."]
    assert tidy("www.nei.nih.gov has more") == "www.nei.nih.gov has more."
