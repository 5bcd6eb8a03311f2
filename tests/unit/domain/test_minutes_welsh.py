"""The minutes in Welsh: a Welsh family copy, a bilingual one (Welsh first), and every
other nation's copies unchanged.

The Welsh words are the Wales profile's own (``[translations.cy]``).
"""

from __future__ import annotations

import dataclasses
import re
import string
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from cpc_desktop.domain import conference as d
from cpc_desktop.domain import minutes_document
from cpc_desktop.domain.enums import (
    AdministrativeEnding,
    AnalysisSection,
    AttendanceKind,
    AttendanceMode,
    ChildParticipation,
    CopyKind,
    ExclusionGround,
    Language,
    MeetingMode,
    MinutesState,
    Outcome,
    ParticipantRole,
    Tag,
    View,
)
from cpc_desktop.domain.minutes_document import BuiltMinutes, MinutesCopy, build_minutes
from cpc_desktop.domain.minutes_profile_words import soft_mutation
from cpc_desktop.domain.minutes_words import Wording, bilingual, copy_languages
from cpc_desktop.domain.minutes_words_cy import LABELS_CY, WELSH, welsh_date, welsh_long_date
from cpc_desktop.domain.minutes_words_en import ENGLISH
from cpc_desktop.domain.printed import Fields, Para, PrintedDocument, Table
from cpc_desktop.services.profiles import load_profile
from tests.helpers.welsh_minutes import TYPED_TITLE, agenda_cy, wales, wales_record
from tests.unit.domain.test_minutes_document import words

#: The English fixed words a Welsh copy must not print (headings and labels).
ENGLISH_ONLY = (
    "Conference details",
    "Attendance",
    "Reports",
    "Decisions",
    "Actions agreed",
    "Next dates",
    "Approval",
    "Family copy",
    "Reference",
    "Threshold for a plan",
    "The child's views",
    "The parents' views",
    "Agency view",
    "Recommends",
    "Recorded in the professionals' copy.",
    "Care and support protection plan",
    "Child Protection Conference",
    "OFFICIAL-SENSITIVE",
    "DRAFT",
    "December",
    "November",
    "Monday",
    "Present",
    "Parent",
)


def utc(instant: datetime) -> datetime:
    return instant.astimezone(UTC)


@pytest.fixture(scope="module")
def record() -> d.ConferenceRecord:
    return wales_record()


@pytest.fixture(scope="module")
def profile():
    return wales()


def parent(record: d.ConferenceRecord) -> d.Participant:
    return next(p for p in record.participants if p.role is ParticipantRole.PARENT)


def choosing(
    record: d.ConferenceRecord, person_id: str, language: Language | None
) -> d.ConferenceRecord:
    """``record`` with ``person_id``'s language choice set to ``language``."""
    people = tuple(
        dataclasses.replace(p, language=language) if p.id == person_id else p
        for p in record.participants
    )
    return dataclasses.replace(record, participants=people)


def copy_for(
    record: d.ConferenceRecord,
    profile,
    recipient_id: str | None,
    kind: CopyKind = CopyKind.FAMILY,
) -> BuiltMinutes:
    return build_minutes(record, profile, MinutesCopy(kind, recipient_id), local=utc)


def english_copy(
    record: d.ConferenceRecord,
    profile,
    recipient_id: str | None,
    kind: CopyKind = CopyKind.FAMILY,
) -> BuiltMinutes:
    """The copy as it would be under ``profile`` without its Welsh translation."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(minutes_document, "welsh_profile", lambda _profile: None)
        return build_minutes(record, profile, MinutesCopy(kind, recipient_id), local=utc)


def titles(doc: PrintedDocument) -> list[str]:
    return [s.title for s in doc.sections]


def labels(doc: PrintedDocument) -> list[str]:
    """Every field name, table heading and paragraph label the document prints."""
    out: list[str] = []
    for section in doc.sections:
        for block in section.blocks:
            if isinstance(block, Fields):
                out += [name for name, _ in block.pairs]
            elif isinstance(block, Table):
                out += list(block.header)
            elif isinstance(block, Para) and block.label:
                out.append(block.label)
    return out


# --- choosing the language ------------------------------------------------------------


def test_a_copy_is_in_its_recipients_language_or_bilingual_for_a_family_not_known() -> None:
    welsh_, english, both = (
        (Language.WELSH,),
        (Language.ENGLISH,),
        (Language.WELSH, Language.ENGLISH),
    )
    assert copy_languages(True, Language.WELSH, family=True) == welsh_
    assert copy_languages(True, Language.ENGLISH, family=True) == english
    assert copy_languages(True, None, family=True) == both
    assert copy_languages(True, None, family=False) == english
    assert copy_languages(True, Language.WELSH, family=False) == welsh_
    for chosen in (None, Language.WELSH, Language.ENGLISH):
        for family in (True, False):
            assert copy_languages(False, chosen, family=family) == english


# --- a Welsh family copy ----------------------------------------------------------------


@pytest.fixture(scope="module")
def welsh_copy(record, profile) -> BuiltMinutes:
    person = parent(record)
    return copy_for(choosing(record, person.id, Language.WELSH), profile, person.id)


def test_a_family_copy_for_a_person_who_chose_welsh_is_in_welsh(welsh_copy, record) -> None:
    doc = welsh_copy.document
    assert welsh_copy.languages == (Language.WELSH,)
    assert doc.language == "cy"
    assert doc.title == "Cynhadledd Amddiffyn Plant: cofnodion"
    assert doc.subtitle == (
        f"Cynhadledd gychwynnol, {welsh_long_date(record.conference.date)}. "
        f"Copi'r teulu ar gyfer {parent(record).name}"
    )
    assert doc.marking == "SWYDDOGOL-SENSITIF"
    assert doc.watermark == "DRAFFT"
    assert doc.page_label == "Tudalen {page} o {pages}"
    for heading in ("Manylion y gynhadledd", "Presenoldeb", "Adroddiadau", "Penderfyniadau"):
        assert heading in titles(doc)
    for heading in ("Camau gweithredu a gytunwyd", "Y dyddiadau nesaf", "Cymeradwyaeth"):
        assert heading in titles(doc)
    printed = labels(doc)
    for label in ("Cyfeirnod", "Dyddiad", "Barn y plentyn:", "Barn y rhieni:", "Grŵp craidd"):
        assert label in printed
    assert "Y trothwy ar gyfer cynllun" in printed
    assert "Cydgysylltydd y cynllun amddiffyn gofal a chymorth" in printed


def test_no_fixed_english_word_is_left_in_a_welsh_copy(welsh_copy) -> None:
    doc = welsh_copy.document
    fixed = [doc.title, doc.subtitle, doc.marking, doc.watermark or "", doc.page_label]
    fixed += [*titles(doc), *labels(doc)]
    for english in ENGLISH_ONLY:
        assert not [text for text in fixed if english in text], english


def test_a_welsh_copy_prints_what_people_typed_as_typed(welsh_copy, record) -> None:
    text = words(welsh_copy.document)
    hidden = {r.entry_id for r in welsh_copy.redactions}
    for entry in record.minutes:
        assert (entry.text in text) is (entry.id not in hidden)
    for decision in record.decisions:
        assert decision.reason in text
    # The reasons of agency views stay out of a family copy, in Welsh words.
    assert "Mae hyn wedi'i gofnodi yng nghopi'r ymarferwyr." in text


def test_a_welsh_copy_gives_the_profiles_words_in_welsh(welsh_copy, record) -> None:
    doc = welsh_copy.document
    pairs = dict(
        pair for s in doc.sections for b in s.blocks if isinstance(b, Fields) for pair in b.pairs
    )
    assert pairs["Cynhadledd"] == "Cynhadledd gychwynnol"
    assert pairs["Dyddiad"].startswith(welsh_long_date(record.conference.date))
    assert pairs["Penderfyniad"] in {
        "Cynllun amddiffyn gofal a chymorth",
        "Cynllun gofal a chymorth",
    }
    assert "Categorïau" in labels(doc) and "Prif gategori" in labels(doc)
    assert any(label.startswith("Cyfarfod cyntaf y grŵp craidd (") for label in labels(doc))
    assert "Esgeulustod" in words(doc)


def test_agenda_titles_are_the_profiles_welsh_ones_but_a_typed_title_stays(welsh_copy) -> None:
    shown = titles(welsh_copy.document)
    welsh_titles = agenda_cy()
    assert welsh_titles["welcome"] in shown and welsh_titles["decision"] in shown
    assert TYPED_TITLE in shown
    assert welsh_titles["agency_information"] not in shown


def test_welsh_labels_name_attendance_and_roles(welsh_copy) -> None:
    text = words(welsh_copy.document)
    assert "Rhiant" in text and "Yn bresennol 10:00" in text
    assert "Eithriwyd 10:50-11:05" in text


# --- a bilingual family copy ----------------------------------------------------------------


@pytest.fixture(scope="module")
def bilingual_copy(record, profile) -> BuiltMinutes:
    return copy_for(record, profile, parent(record).id)


def test_a_family_copy_for_a_person_whose_choice_is_not_known_is_welsh_first(
    bilingual_copy,
) -> None:
    doc = bilingual_copy.document
    assert bilingual_copy.languages == (Language.WELSH, Language.ENGLISH)
    assert doc.language == "cy"
    assert doc.title == (
        "Cynhadledd Amddiffyn Plant: cofnodion / Child Protection Conference: minutes"
    )
    welsh_line, english_line = doc.subtitle.split("\n")
    assert welsh_line.startswith("Cynhadledd gychwynnol, dydd ")
    assert english_line.startswith("Initial child protection conference, ")
    assert doc.marking == "SWYDDOGOL-SENSITIF / OFFICIAL-SENSITIVE"
    assert doc.watermark == "DRAFFT / DRAFT"
    assert doc.page_label == "Tudalen {page} o {pages} / Page {page} of {pages}"
    assert "Manylion y gynhadledd / Conference details" in titles(doc)
    assert "Barn y plentyn / The child's views:" in labels(doc)
    assert f"{agenda_cy()['welcome']} / Welcome and introductions" in titles(doc)
    assert TYPED_TITLE in titles(doc)


def test_a_bilingual_copy_prints_sentences_welsh_then_english_and_typed_text_once(
    bilingual_copy, record
) -> None:
    text = words(bilingual_copy.document)
    assert (
        "Mae hyn wedi'i gofnodi yng nghopi'r ymarferwyr.\nRecorded in the professionals' copy."
        in text
    )
    entry = next(
        e for e in record.minutes if e.id not in {r.entry_id for r in bilingual_copy.redactions}
    )
    assert text.count(entry.text) == 1
    # A Welsh phrase never holds an English one: each language is written whole.
    decided = "Penderfynwyd gan yr ymarferwyr yn y gynhadledd, pob un yn rhoi barn am bob "
    assert re.search(f"{decided}[^\n]*penderfyniad\\.\nDecided by the practitioners", text)


def test_a_family_copy_for_any_family_member_is_bilingual(record, profile) -> None:
    built = copy_for(record, profile, None)
    assert built.languages == (Language.WELSH, Language.ENGLISH)
    welsh_line, english_line = built.document.subtitle.split("\n")
    assert welsh_line.endswith(". Copi'r teulu")
    assert english_line.endswith(". Family copy")


def test_a_family_copy_for_a_person_who_chose_english_is_in_english(record, profile) -> None:
    person = parent(record)
    built = copy_for(choosing(record, person.id, Language.ENGLISH), profile, person.id)
    english = english_copy(record, profile, person.id)
    assert built.languages == (Language.ENGLISH,)
    assert built.document == english.document


# --- the full copy ----------------------------------------------------------------------


def test_the_full_copy_stays_english_unless_the_professional_chose_welsh(record, profile) -> None:
    english = english_copy(record, profile, None, CopyKind.FULL).document
    assert copy_for(record, profile, None, CopyKind.FULL).document == english
    worker = next(p for p in record.participants if p.role is ParticipantRole.SOCIAL_WORKER)
    assert copy_for(record, profile, worker.id, CopyKind.FULL).languages == (Language.ENGLISH,)
    chose = choosing(record, worker.id, Language.WELSH)
    built = copy_for(chose, profile, worker.id, CopyKind.FULL)
    assert built.languages == (Language.WELSH,)
    assert built.document.subtitle.endswith("Copi llawn: ymarferwyr yn unig")
    assert "Atodiad: yr hyn sy'n cael ei adael allan o gopïau'r teulu" in titles(built.document)


# --- other nations ----------------------------------------------------------------------


@pytest.mark.parametrize("nation", ["england", "scotland", "northern_ireland"])
def test_under_other_nations_a_persons_language_changes_nothing(nation) -> None:
    record = wales_record()
    other = load_profile(nation)
    person = parent(record)
    plain = build_minutes(record, other, MinutesCopy(CopyKind.FAMILY, person.id), local=utc)
    for language in Language:
        chose = choosing(record, person.id, language)
        built = build_minutes(chose, other, MinutesCopy(CopyKind.FAMILY, person.id), local=utc)
        assert built.languages == (Language.ENGLISH,)
        assert built.document == plain.document
    assert plain.document.page_label == "Page {page} of {pages}"
    assert plain.document.language == "en"


# --- the tables -------------------------------------------------------------------------


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_welsh_table_fills_every_wording_with_the_same_placeholders() -> None:
    for item in dataclasses.fields(Wording):
        english, welsh_ = getattr(ENGLISH, item.name), getattr(WELSH, item.name)
        if isinstance(english, str):
            assert welsh_.strip(), item.name
            assert welsh_ != english or item.name in {"tag"} or english.isupper(), item.name
            assert _placeholders(welsh_) == _placeholders(english), item.name


def test_every_coded_value_the_minutes_print_has_welsh() -> None:
    printed = [
        *ParticipantRole,
        *AttendanceKind,
        *ExclusionGround,
        *ChildParticipation,
        *MeetingMode,
        *AnalysisSection,
        *Tag,
        *AdministrativeEnding,
        *MinutesState,
        View.NO_FURTHER_ACTION,
        View.UNSURE,
        Outcome.NO_FURTHER_ACTION,
        Outcome.ADJOURN,
    ]
    for value in printed:
        assert value.value in LABELS_CY, value


def test_welsh_dates() -> None:
    assert welsh_long_date(date(2026, 12, 6)) == "dydd Sul 6 Rhagfyr 2026"
    assert welsh_long_date(date(2026, 12, 7)) == "dydd Llun 7 Rhagfyr 2026"
    assert welsh_date(date(2027, 1, 1)) == "1 Ionawr 2027"
    assert welsh_long_date(None) == welsh_date(None) == ""


def test_soft_mutation_of_the_profiles_terms() -> None:
    assert soft_mutation("categori") == "gategori"
    assert soft_mutation("pryder") == "bryder"
    assert soft_mutation("llys") == "lys"
    assert soft_mutation("maes") == "faes"
    assert soft_mutation("ardal") == "ardal"


def test_pairing_keeps_words_that_are_the_same_once() -> None:
    both = bilingual(WELSH, ENGLISH)
    assert both.reference == "Cyfeirnod / Reference"
    assert both.fields_left_out == f"{WELSH.fields_left_out}\n{ENGLISH.fields_left_out}"
    assert both.label(ParticipantRole.PARENT) == "Rhiant / Parent"
    assert both.long_date(date(2026, 12, 6)) == "dydd Sul 6 Rhagfyr 2026 / Sunday 6 December 2026"
    assert both.tag == "cy"
    assert re.fullmatch(r"Sgôr \(0-10\) / Score \(0-10\)", both.score.format(low=0, high=10))


def test_how_each_person_took_part_is_said_in_the_copys_language(record, profile) -> None:
    person = parent(record)
    first = person.attendance[0]
    on_video = dataclasses.replace(first, mode=AttendanceMode.VIDEO)
    moved = dataclasses.replace(person, attendance=(on_video, *person.attendance[1:]))
    people = tuple(moved if p.id == person.id else p for p in record.participants)
    changed = dataclasses.replace(record, participants=people)
    english = english_copy(changed, profile, None, CopyKind.FULL)
    at = first.at.astimezone(UTC).strftime("%H:%M")
    assert f"Present {at} (on video)" in words(english.document)
    welsh_ = copy_for(choosing(changed, person.id, Language.WELSH), profile, person.id)
    assert f"Yn bresennol {at} (ar fideo)" in words(welsh_.document)
    both = copy_for(changed, profile, person.id)
    assert f"Yn bresennol / Present {at} (ar fideo / on video)" in words(both.document)


def test_every_welsh_word_of_the_minutes_is_in_the_glossary() -> None:
    """docs/welsh-glossary.md lets a fluent reviewer check all the Welsh in one sitting."""
    glossary = (Path(__file__).parents[3] / "docs" / "welsh-glossary.md").read_text("utf-8")
    minutes = glossary[glossary.index("## Minutes") :]
    for item in dataclasses.fields(Wording):
        value = getattr(WELSH, item.name)
        if isinstance(value, str) and item.name != "tag":
            assert value in minutes, item.name
    for value in LABELS_CY.values():
        assert f"| {value} |" in minutes, value


def test_a_dissent_from_someone_named_by_role_is_named_in_each_language(record, profile) -> None:
    """With no agency or relationship the person is named by role, which differs by language: each
    language's phrase is then written whole ("Anghytundeb gan … / Dissent from …")."""
    worker = next(p for p in record.participants if p.role is ParticipantRole.SOCIAL_WORKER)
    people = tuple(
        dataclasses.replace(p, agency="", relationship="") if p.id == worker.id else p
        for p in record.participants
    )
    decision = record.decisions[0]
    dissent = d.Dissent("dissent-by-role", worker.id, "The plan asks too little.")
    decisions = (dataclasses.replace(decision, dissents=(dissent,)), *record.decisions[1:])
    changed = dataclasses.replace(record, participants=people, decisions=decisions)
    text = words(copy_for(changed, profile, None).document)  # a family copy: both
    pattern = f"Anghytundeb gan {worker.name} \\([^)]*\\) / Dissent from {worker.name} \\("
    assert re.search(pattern, text), text[:400]
