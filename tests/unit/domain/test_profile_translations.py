"""A profile's translations ([translations.cy]): read, checked, and put in place."""

from __future__ import annotations

import copy
import tomllib
from importlib import resources
from typing import Any

import pytest

from cpc_desktop.domain.enums import ConferenceType, Language
from cpc_desktop.domain.profile import LETTER_KINDS, ProfileError
from cpc_desktop.domain.profile_reader import merge, parse_profile


def raw(profile_id: str) -> dict[str, Any]:
    folder = resources.files("cpc_desktop") / "resources" / "profiles"
    return tomllib.loads((folder / f"{profile_id}.toml").read_text("utf-8"))


WALES_RAW = raw("wales")
WALES = parse_profile(WALES_RAW)


def welsh(data: dict[str, Any]) -> dict[str, Any]:
    cy: dict[str, Any] = data["translations"]["cy"]
    return cy


def refused(change: Any) -> str:
    data = copy.deepcopy(WALES_RAW)
    change(data)
    with pytest.raises(ProfileError) as caught:
        parse_profile(data)
    message = str(caught.value)
    assert "\n" not in message
    return message


# --------------------------------------------------------------------------- reading


def test_only_wales_has_a_translation() -> None:
    assert WALES.languages == (Language.ENGLISH, Language.WELSH)
    for profile_id in ("england", "scotland", "northern_ireland"):
        profile = parse_profile(raw(profile_id))
        assert profile.languages == (Language.ENGLISH,)
        assert profile.in_language(Language.ENGLISH) is profile
        with pytest.raises(KeyError):
            profile.in_language(Language.WELSH)


def test_in_language_puts_the_welsh_words_in_place() -> None:
    cymraeg = WALES.in_language(Language.WELSH)

    assert cymraeg.language is Language.WELSH
    assert cymraeg.terminology.meeting_name == "Cynhadledd Amddiffyn Plant"
    assert cymraeg.terminology.plan_name == "cynllun amddiffyn gofal a chymorth"
    assert cymraeg.terminology.core_group_name == "grŵp craidd"
    assert cymraeg.protective_marking == "SWYDDOGOL-SENSITIF"
    assert "Ombwdsmon Gwasanaethau Cyhoeddus Cymru" in cymraeg.complaints_route
    assert cymraeg.category_label("neglect") == "Esgeulustod"
    assert cymraeg.category_keys == WALES.category_keys
    for kind in LETTER_KINDS:
        template = cymraeg.letters.for_kind(kind)
        assert template.salutation.startswith("Annwyl ")
        assert "Rydym yn croesawu gohebiaeth yn Gymraeg." in " ".join(template.paragraphs)
    # Agenda titles: every item of every agenda, by type where the wording differs.
    for kind in ConferenceType:
        items = cymraeg.agenda.for_type(kind)
        english = WALES.agenda.for_type(kind)
        assert [i.key for i in items] == [i.key for i in english]
        assert [i.minutes for i in items] == [i.minutes for i in english]
        assert all(i.title != e.title for i, e in zip(items, english, strict=True))
    purposes = {kind: cymraeg.agenda.for_type(kind)[1].title for kind in ConferenceType}
    assert purposes[ConferenceType.REVIEW] == "Diben yr adolygiad, a chyfrinachedd"
    assert len(set(purposes.values())) == 4
    # The rest is the same profile, and it goes back to English.
    assert cymraeg.timescales == WALES.timescales and cymraeg.quorum == WALES.quorum
    assert cymraeg.in_language(Language.ENGLISH) is WALES
    assert cymraeg.in_language(Language.WELSH) is cymraeg
    assert WALES.in_language(Language.ENGLISH) is WALES


def test_the_marking_may_be_left_to_the_english() -> None:
    data = copy.deepcopy(WALES_RAW)
    del welsh(data)["protective_marking"]
    profile = parse_profile(data)
    assert profile.in_language(Language.WELSH).protective_marking == "OFFICIAL-SENSITIVE"


def test_a_local_file_can_change_one_welsh_word() -> None:
    override = {"translations": {"cy": {"complaints_route": "Cysylltwch â'r tîm cwynion."}}}
    profile = parse_profile(merge(WALES_RAW, override))
    cymraeg = profile.in_language(Language.WELSH)
    assert cymraeg.complaints_route == "Cysylltwch â'r tîm cwynion."
    assert cymraeg.terminology.meeting_name == "Cynhadledd Amddiffyn Plant"


# --------------------------------------------------------------------------- errors


def test_an_unknown_language_is_refused() -> None:
    message = refused(lambda d: d["translations"].__setitem__("fr", {}))
    assert message.startswith("translations.fr: unknown key")


def test_a_missing_letter_kind_is_refused() -> None:
    message = refused(lambda d: welsh(d)["letters"].pop("transfer"))
    assert message == "translations.cy.letters.transfer: missing (this key is required)"


def test_a_missing_salutation_is_refused_rather_than_left_in_english() -> None:
    message = refused(lambda d: welsh(d)["letters"]["parent"].pop("salutation"))
    assert message.startswith("translations.cy.letters.parent.salutation: missing")


def test_a_placeholder_the_english_uses_must_be_in_the_translation() -> None:
    def drop(data: dict[str, Any]) -> None:
        letter = welsh(data)["letters"]["parent"]
        letter["body"] = letter["body"].replace("({meeting_name}, ", "(")

    assert refused(drop) == (
        "translations.cy.letters.parent.body: lacks {meeting_name}, which the English body uses"
    )


def test_a_required_placeholder_is_checked_as_in_english() -> None:
    def drop(data: dict[str, Any]) -> None:
        letter = welsh(data)["letters"]["parent"]
        letter["body"] = letter["body"].replace("{complaints_route}", "")

    assert refused(drop).startswith(
        "translations.cy.letters.parent.body: must include {complaints_route}"
    )


def test_an_unknown_placeholder_is_refused() -> None:
    def misspell(data: dict[str, Any]) -> None:
        letter = welsh(data)["letters"]["child"]
        letter["body"] += "\n\n{enw_plentyn}"

    assert refused(misspell) == (
        "translations.cy.letters.child.body: unknown placeholder {enw_plentyn}"
    )


def test_a_subject_naming_a_child_is_refused() -> None:
    def name(data: dict[str, Any]) -> None:
        welsh(data)["letters"]["parent"]["subject"] += " {children_names}"

    assert refused(name).startswith(
        "translations.cy.letters.parent.subject: {children_names} cannot be used in a subject"
    )


def test_every_terminology_key_is_needed() -> None:
    message = refused(lambda d: welsh(d)["terminology"].pop("decision_maker"))
    assert message == "translations.cy.terminology.decision_maker: missing (this key is required)"


def test_every_category_needs_a_welsh_label_and_no_unknown_one() -> None:
    missing = refused(lambda d: welsh(d)["categories"].pop("financial_abuse"))
    assert missing == "translations.cy.categories.financial_abuse: missing (this key is required)"
    unknown = refused(lambda d: welsh(d)["categories"].__setitem__("neglet", "x"))
    assert unknown == "translations.cy.categories.neglet: unknown key (did you mean 'neglect'?)"


def test_every_agenda_item_needs_a_welsh_title() -> None:
    missing = refused(lambda d: welsh(d)["agenda"].pop("welcome"))
    assert missing == "translations.cy.agenda.welcome: missing (this key is required)"
    by_type = refused(lambda d: welsh(d)["agenda"]["purpose"].pop("pre_birth"))
    assert by_type == (
        "translations.cy.agenda.purpose.pre_birth: missing: the pre-birth agenda has item 'purpose'"
    )
    wrong_type = refused(lambda d: welsh(d)["agenda"]["reason"].__setitem__("review", "x"))
    assert wrong_type.startswith("translations.cy.agenda.reason.review: unknown key")


def test_a_new_english_agenda_item_needs_its_welsh_title() -> None:
    def add(data: dict[str, Any]) -> None:
        data["agenda"]["review"].append({"key": "housing", "title": "Housing", "minutes": 5})

    assert refused(add) == "translations.cy.agenda.housing: missing (this key is required)"


# --------------------------------------------------------------------------- letterhead

_AUTHORITY = {
    "name": "Bro Tawel County Borough Council",
    "address": ["Civic Offices", "Aberdawel"],
    "telephone": "029 2018 0000",
    "email": "cynadleddau@brotawel.example.org",
}


def test_an_authority_names_itself_in_welsh_on_the_letterhead() -> None:
    override = {
        "authority": _AUTHORITY,
        "translations": {"cy": {"authority": {"name": "Cyngor Bwrdeistref Sirol Bro Tawel"}}},
    }
    profile = parse_profile(merge(WALES_RAW, override))
    authority = profile.authority
    assert authority is not None

    assert authority.letterhead((Language.WELSH,)) == (
        "Cyngor Bwrdeistref Sirol Bro Tawel",
        "Child protection conference service",  # no Welsh given: the English stays
        "Civic Offices",
        "Aberdawel",
        "Ffôn 029 2018 0000",
        "E-bost cynadleddau@brotawel.example.org",
    )
    both = authority.letterhead((Language.WELSH, Language.ENGLISH))
    assert both[0] == "Cyngor Bwrdeistref Sirol Bro Tawel / Bro Tawel County Borough Council"
    assert both[1] == "Child protection conference service"
    assert both[-2:] == (
        "Ffôn / Telephone 029 2018 0000",
        "E-bost / Email cynadleddau@brotawel.example.org",
    )
    assert authority.letterhead()[0] == "Bro Tawel County Borough Council"


def test_a_welsh_authority_name_needs_an_authority() -> None:
    message = refused(lambda d: welsh(d).__setitem__("authority", {"name": "Cyngor"}))
    assert message == "translations.cy.authority: only goes with an [authority] table"


def test_the_authority_table_has_no_translated_key() -> None:
    message = refused(lambda d: d.__setitem__("authority", {**_AUTHORITY, "translated": []}))
    assert message.startswith("authority.translated: unknown key")


def test_a_welsh_authority_name_is_one_line() -> None:
    too_long = "Cyngor " * 30
    message = refused(
        lambda d: (
            d.__setitem__("authority", _AUTHORITY),
            welsh(d).__setitem__("authority", {"name": too_long}),
        )
    )
    assert message == "translations.cy.authority.name: expected one line of at most 120 characters"


def test_an_empty_translations_table_gives_english_alone() -> None:
    data = copy.deepcopy(WALES_RAW)
    data["translations"] = {}
    assert parse_profile(data).languages == (Language.ENGLISH,)
