"""Welsh letters (the Welsh Language Standards under the Wales profile).

A person who chose Welsh gets a Welsh letter, one who chose English an English one, and
one whose choice is not known gets both in one letter, Welsh first. Other nations'
letters are in English whatever is asked.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from cpc_desktop.domain import letter_facts
from cpc_desktop.domain.dates import long_date, plain_date, welsh_on_date
from cpc_desktop.domain.enums import Language
from cpc_desktop.domain.letter_words import Reader
from cpc_desktop.domain.letter_words_cy import join as welsh_join
from cpc_desktop.domain.letters import (
    BILINGUAL_NOTICE,
    LetterKind,
    letter_languages,
)
from cpc_desktop.domain.printed import LetterDocument
from cpc_desktop.domain.printed_text import document_text
from tests.unit.domain.test_letters import (
    ENGLAND,
    PROFILES,
    compose,
    ended,
    harland,
    text_of,
    transferred,
)

WALES = PROFILES["wales"]
CYMRAEG = WALES.in_language(Language.WELSH)

_RECIPIENTS = {
    LetterKind.PARENT: "Justyna Harland",
    LetterKind.CHILD: "Lily Harland",
    LetterKind.PROFESSIONAL: "Amira Hussain",
    LetterKind.EXCLUDED_PARENT: "Dean Harland",
    LetterKind.PLAN_ENDED: "DC Neil Brannigan",
    LetterKind.TRANSFER: "Northshire County Council",
}


def welsh_letter(kind: LetterKind = LetterKind.PARENT, **kw: Any) -> LetterDocument:
    record = kw.pop("record", None)
    if record is None:
        record = ended() if kind is LetterKind.PLAN_ENDED else harland()
        if kind is LetterKind.TRANSFER:
            record = transferred()
    kw.setdefault("language", None)  # not known: both languages
    return compose(record, kind, _RECIPIENTS[kind], WALES, **kw)


# --------------------------------------------------------------------------- dates


def test_welsh_dates_name_the_day_and_month_inwelsh_letter() -> None:
    assert long_date(date(2026, 12, 6), Language.WELSH) == "dydd Sul 6 Rhagfyr 2026"
    assert long_date(date(2027, 1, 4), Language.WELSH) == "dydd Llun 4 Ionawr 2027"
    assert long_date(date(2027, 2, 3), Language.WELSH) == "dydd Mercher 3 Chwefror 2027"
    assert plain_date(date(2026, 12, 6), Language.WELSH) == "6 Rhagfyr 2026"
    assert welsh_on_date(date(2026, 12, 7)) == "ddydd Llun 7 Rhagfyr 2026"  # "on" Monday
    assert long_date(date(2026, 12, 6)) == "Sunday 6 December 2026"  # English unchanged
    assert long_date(None, Language.WELSH) == welsh_on_date(None) == ""


# --------------------------------------------------------------------------- wordings


def test_welsh_join_uses_a_or_ac_and_never_mutates_a_name() -> None:
    assert welsh_join(["Kai", "Lily"], False) == "Kai a Lily"
    assert welsh_join(["Kai", "Lily", "Amy"], False) == "Kai, Lily ac Amy"
    assert welsh_join(["Kai", "Carys"], False) == "Kai a Carys"  # a name keeps its C
    assert welsh_join(["esgeulustod", "cam-drin rhywiol"], True) == (
        "esgeulustod a cham-drin rhywiol"  # a label takes the aspirate mutation
    )
    assert welsh_join(["Kai"], False) == "Kai"


def test_every_wording_table_covers_every_reader_and_outcome() -> None:
    english, welsh = letter_facts.WORDINGS[Language.ENGLISH], letter_facts.WORDINGS[Language.WELSH]
    for table in (english.outcomes, welsh.outcomes):
        assert set(table) == set(Reader)
        assert all(set(by_outcome) == set(english.outcomes[r]) for r, by_outcome in table.items())
    assert set(welsh.endings) == set(english.endings)
    assert set(welsh.first_core_group) == set(welsh.review) == set(Reader)


@pytest.mark.parametrize("reader", list(Reader))
def test_welsh_facts_are_worded_in_welsh_for_each_reader(reader: Reader) -> None:
    record = harland()
    scope = letter_facts.subjects(record, record.children)
    values = letter_facts.values(record, CYMRAEG, scope, reader)

    outcomes = " ".join(values["children_outcomes"])
    assert "ar y Gofrestr Amddiffyn Plant" in outcomes
    assert "Nid oes angen cynllun amddiffyn gofal a chymorth" in outcomes
    assert values["conference_date"] == ("dydd Llun 7 Rhagfyr 2026",)
    dates = " ".join(values["next_dates"])
    assert "ddydd Iau 17 Rhagfyr 2026" in dates or "dydd Iau 17 Rhagfyr 2026" in dates
    assert "December" not in dates and " will " not in outcomes


def test_welsh_categories_and_endings() -> None:
    record = ended()
    scope = letter_facts.subjects(record, record.children)
    family = letter_facts.values(record, CYMRAEG, scope, Reader.FAMILY)
    assert any(
        reason.startswith("Am Theo: Symudodd Theo i fyw mewn ardal arall ar 30 Tachwedd 2026")
        for reason in family["reasons"]
    )
    assert "Nid yw Lily ar y Gofrestr Amddiffyn Plant mwyach." in " ".join(
        family["children_outcomes"]
    )
    planned = harland()
    pro = letter_facts.values(
        planned, CYMRAEG, letter_facts.subjects(planned, planned.children), Reader.PROFESSIONAL
    )
    assert pro["categories"] == (
        "Y categori ar gyfer Lily Harland yw esgeulustod.",
        "Y categorïau ar gyfer Theo Harland yw esgeulustod a cham-drin emosiynol neu"
        " seicolegol. Y categori pennaf yw esgeulustod.",
    )


# --------------------------------------------------------------------------- choosing


def test_the_languages_of_a_letter_follow_the_choice_under_wales_only() -> None:
    assert letter_languages(WALES, Language.WELSH) == (Language.WELSH,)
    assert letter_languages(WALES, Language.ENGLISH) == (Language.ENGLISH,)
    assert letter_languages(WALES, None) == (Language.WELSH, Language.ENGLISH)
    for profile_id in ("england", "scotland", "northern_ireland"):
        for chosen in (Language.WELSH, Language.ENGLISH, None):
            assert letter_languages(PROFILES[profile_id], chosen) == (Language.ENGLISH,)


@pytest.mark.parametrize("kind", list(LetterKind))
def test_a_welsh_letter_of_every_kind(kind: LetterKind) -> None:
    letter = welsh_letter(kind, language=Language.WELSH)

    assert letter.language == "cy" and letter.other_versions == () and not letter.notice
    assert letter.marking == "SWYDDOGOL-SENSITIF"
    assert letter.date_text == "dydd Mercher 9 Rhagfyr 2026"
    assert letter.signatory == ("Demo Chair", "Cadeirydd annibynnol")
    assert letter.reference_label == "Ein cyfeirnod:"
    assert letter.salutation.startswith("Annwyl ")
    assert letter.sign_off in ("Yn gywir,", "Gyda dymuniadau gorau,")
    assert "CPC-2026-0001" in letter.subject and "Harland" not in letter.subject
    body = text_of(letter)
    assert "{" not in body and "}" not in body
    assert "Rydym yn croesawu gohebiaeth yn Gymraeg." in body
    for english in ("Dear ", "Yours sincerely", "December", "We welcome"):
        assert english not in document_text(letter)


@pytest.mark.parametrize("kind", list(LetterKind))
def test_every_english_wales_letter_welcomeswelsh_letter(kind: LetterKind) -> None:
    letter = welsh_letter(kind, language=Language.ENGLISH)

    assert letter.language == "en" and letter.other_versions == ()
    assert "We welcome correspondence in Welsh." in text_of(letter)
    assert letter.signatory == ("Demo Chair", "Independent chair")


def test_an_unknown_choice_gives_both_languages_welsh_first() -> None:
    letter = welsh_letter(LetterKind.PARENT)

    assert [version.language for version in letter.versions] == ["cy", "en"]
    assert letter.notice == BILINGUAL_NOTICE
    assert letter.marking == "SWYDDOGOL-SENSITIF / OFFICIAL-SENSITIVE"
    assert letter.page_label == "Tudalen {page} o {pages} / Page {page} of {pages}"
    welsh, english = letter.versions
    assert welsh.salutation == "Annwyl Justyna Harland,"
    assert english.salutation == "Dear Justyna Harland,"
    assert english.date_text == "Wednesday 9 December 2026"
    text = document_text(letter)
    assert text.index("Annwyl Justyna Harland,") < text.index("Dear Justyna Harland,")


def test_a_child_letter_in_welsh_talks_to_the_child() -> None:
    letter = welsh_letter(LetterKind.CHILD, language=Language.WELSH)
    body = text_of(letter)

    assert letter.salutation == "Annwyl Lily,"
    assert letter.sign_off == "Gyda dymuniadau gorau,"
    assert "Rwyt ti ar y Gofrestr Amddiffyn Plant nawr." in body
    assert "Kai" not in body and "Theo" not in body  # only about Lily


def test_under_england_the_language_is_ignored() -> None:
    for chosen in (Language.WELSH, None):
        letter = compose(language=chosen)
        assert letter.language == "en" and letter.other_versions == () and not letter.notice
        assert letter.signatory[1] == "Independent chair"
        assert letter == compose(profile=ENGLAND, language=Language.ENGLISH)


def test_names_in_a_welsh_letter_are_never_mutated() -> None:
    body = text_of(welsh_letter(LetterKind.PARENT, language=Language.WELSH))

    assert "Kai, Lily a Theo" in body  # not "a Heo"
    assert "gadw Lily yn ddiogel" in body and "gadw Theo yn ddiogel" in body  # not "Dheo"
    assert "Nid oes angen cynllun amddiffyn gofal a chymorth ar Kai." in body
