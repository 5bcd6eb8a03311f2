"""Loading the shipped jurisdiction profiles and local override files."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from cpc_desktop.domain.enums import ConferenceType, DayUnit, Division, Nation, StrategyAnchor
from cpc_desktop.domain.profile import REQUIRED_AGENDA_KEYS, ProfileError
from cpc_desktop.services import profiles
from cpc_desktop.services.profiles import DEFAULT_PROFILE, available_profiles, load_profile

SHIPPED = ("england", "northern_ireland", "scotland", "wales")
STANDARD_KEYS = (
    "welcome",
    "purpose",
    "equality",
    "apologies_reports",
    "agency_information",
    "childs_views",
    "parents_views",
    "analysis",
    "decision",
    "plan",
    "future_meetings",
)


def write(tmp_path: Path, text: str, name: str = "local.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load_error(profile_id: str, override: Path | None = None) -> str:
    with pytest.raises(ProfileError) as caught:
        load_profile(profile_id, override)
    message = str(caught.value)
    assert "\n" not in message
    assert "Traceback" not in message
    return message


# --------------------------------------------------------------------------- shipped


def test_available_profiles() -> None:
    assert available_profiles() == SHIPPED
    assert DEFAULT_PROFILE == "england"


@pytest.mark.parametrize("profile_id", SHIPPED)
def test_every_shipped_profile_loads(profile_id: str) -> None:
    profile = load_profile(profile_id)

    assert profile.id == profile_id
    assert profile.nation is Nation(profile_id)
    assert profile.protective_marking == "OFFICIAL-SENSITIVE"
    assert len(profile.quorum.agencies) >= 15
    assert sum(agency.childrens_social_care for agency in profile.quorum.agencies) == 1
    for kind in ConferenceType:
        keys = [item.key for item in profile.agenda.for_type(kind)]
        assert set(REQUIRED_AGENDA_KEYS) <= set(keys)
        assert set(STANDARD_KEYS) <= set(keys), kind
        assert keys[:4] == ["welcome", "purpose", "equality", "apologies_reports"]
        assert keys[-1] == "future_meetings"
        assert 60 <= sum(item.minutes for item in profile.agenda.for_type(kind)) <= 150
    purpose = profile.agenda.initial[1]
    assert purpose.statements == ("purpose", "confidentiality")
    for key in ("purpose", "confidentiality", "equality", "professional_difference"):
        assert len(profile.statements.text(key)) > 100
        assert "\n" not in profile.statements.text(key)
    assert "complain" in profile.complaints_route


def test_england_is_the_default_with_the_usual_timescales() -> None:
    england = load_profile(DEFAULT_PROFILE)
    t = england.timescales

    assert england.name == "England"
    assert england.division is Division.ENGLAND_AND_WALES
    assert england.terminology.meeting_name == "Child Protection Conference"
    assert england.terminology.meeting_abbreviation == "CPC"
    assert england.terminology.plan_name == "child protection plan"
    assert england.terminology.lead_worker_title == "lead social worker"
    assert england.category_keys == ("neglect", "physical_abuse", "emotional_abuse", "sexual_abuse")
    assert england.primary_category_required is False
    assert england.signs_of_safety is False
    assert t.unit is DayUnit.WORKING
    assert (t.initial_conference_days, t.first_review_months, t.first_review_days) == (15, 3, None)
    assert t.later_review_months == 6
    assert t.first_core_group_days == 10
    assert t.transfer_in_days == 15
    assert t.reconvene_days == 10
    assert (t.decision_letter_days, t.minutes_days) == (1, 15)
    assert (t.report_shared_before_initial_days, t.report_shared_before_review_days) == (3, 5)
    assert (t.pre_birth_earliest_week, t.pre_birth_latest_week) == (12, 34)
    assert t.pre_birth_no_plan_before_week is None
    assert t.post_birth_review_days == 20
    assert t.dissent_hours == 72
    assert t.strategy_anchor is StrategyAnchor.INITIATED
    quorum = england.quorum
    assert quorum.csc_group == "childrens_social_care"
    assert quorum.min_other_agencies == 2
    names = {agency.name for agency in quorum.agencies}
    assert {"Children's social care", "Police", "GP practice", "School", "Housing"} <= names
    police = quorum.agency("police")
    assert police is not None and police.counts_for_quorum
    legal = quorum.agency("Local authority legal services")
    assert legal is not None and not legal.counts_for_quorum
    assert [item.key for item in england.agenda.pre_birth].count("birth_plan") == 1
    assert [item.key for item in england.agenda.review][4] == "progress"


def test_scotland_counts_calendar_days_and_holds_planning_meetings() -> None:
    scotland = load_profile("scotland")
    t = scotland.timescales

    assert scotland.division is Division.SCOTLAND
    assert scotland.terminology.meeting_name == "Child Protection Planning Meeting"
    assert scotland.terminology.meeting_abbreviation == "CPPM"
    assert "register" in scotland.terminology.register_name
    assert scotland.terminology.category_plural == "areas of concern"
    assert {"neglect", "physical_injury", "sexual_abuse", "emotional_abuse"} <= set(
        scotland.category_keys
    )
    assert scotland.consider_reporter_referral is True
    assert t.unit is DayUnit.CALENDAR
    assert t.initial_conference_days == 28
    assert t.transfer_in_days == 21
    assert t.decision_letter_days == 2
    assert t.minutes_days == 10
    assert t.pre_birth_latest_week == 28


def test_wales_adds_financial_abuse_and_allows_twenty_days_for_minutes() -> None:
    wales = load_profile("wales")

    assert wales.division is Division.ENGLAND_AND_WALES
    assert wales.category_label("financial_abuse") == "Financial abuse"
    assert len(wales.categories) == 5
    assert wales.timescales.minutes_days == 20
    assert wales.timescales.unit is DayUnit.WORKING
    assert wales.terminology.plan_name == "care and support protection plan"
    assert wales.terminology.register_name == "Child Protection Register"


def test_northern_ireland_adds_exploitation() -> None:
    ni = load_profile("northern_ireland")

    assert ni.division is Division.NORTHERN_IRELAND
    assert ni.category_label("exploitation") == "Exploitation"
    assert len(ni.categories) == 5
    assert ni.terminology.meeting_name == "Child Protection Case Conference"
    assert "appeal" in ni.complaints_route


@pytest.mark.parametrize("profile_id", ["", "../england", "England", "england.toml"])
def test_unknown_profile_id(profile_id: str) -> None:
    assert load_error(profile_id) == (
        f"unknown profile {profile_id!r}: the shipped profiles are"
        " england, northern_ireland, scotland, wales"
    )


def test_an_id_neither_shipped_nor_local_names_the_folder(authorities: Path) -> None:
    assert load_error("kent") == (
        "unknown profile 'kent': the shipped profiles are england, northern_ireland,"
        f" scotland, wales, and {authorities} holds no kent.toml"
    )


# --------------------------------------------------------------------------- overrides


def test_override_changes_one_timescale_and_keeps_the_rest(tmp_path: Path) -> None:
    path = write(tmp_path, "[timescales]\nminutes_days = 20\n")

    profile = load_profile("england", path)

    england = load_profile("england")
    assert profile.timescales.minutes_days == 20
    assert profile == dataclasses.replace(
        england, timescales=dataclasses.replace(england.timescales, minutes_days=20)
    )


def test_override_may_switch_the_first_review_to_days(tmp_path: Path) -> None:
    path = write(tmp_path, "[timescales]\nfirst_review_days = 90\n")

    timescales = load_profile("england", path).timescales

    assert (timescales.first_review_months, timescales.first_review_days) == (None, 90)


def test_override_replaces_a_list_whole(tmp_path: Path) -> None:
    path = write(tmp_path, '[[categories]]\nkey = "neglect"\nlabel = "Neglect"\n')

    assert load_profile("england", path).category_keys == ("neglect",)


def test_bad_override_names_the_file_and_the_key(tmp_path: Path) -> None:
    path = write(tmp_path, '[timescales]\nminutes_days = "x"\n')

    assert load_error("england", path) == (
        f"{path}, line 2: timescales.minutes_days: expected a whole number of days, got 'x'"
    )


def test_misspelt_override_key_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "[timescales]\nminute_days = 20\n")

    assert load_error("wales", path) == (
        f"{path}, line 2: timescales.minute_days: unknown key (did you mean 'minutes_days'?)"
    )


def test_invalid_toml_override(tmp_path: Path) -> None:
    path = write(tmp_path, "[timescales\nminutes_days = 20\n")

    message = load_error("england", path)

    assert message.startswith(f"{path}: not valid TOML: ")
    assert "line 1" in message


def test_missing_override_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.toml"

    assert load_error("england", path) == (
        f"{path}: cannot read the file (No such file or directory)"
    )


def test_override_that_is_a_directory(tmp_path: Path) -> None:
    assert load_error("england", tmp_path).startswith(f"{tmp_path}: cannot read the file (")


def test_override_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('name = "Caerdydd \u00e2"\n'.encode("latin-1"))

    assert load_error("england", path) == f"{path}: the file is not UTF-8 text"


def test_local_profile_with_a_base_and_its_own_id(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'base = "wales"\nid = "north-cymru"\nname = "North Cymru"\nsigns_of_safety = true\n',
    )

    profile = load_profile("north-cymru", path)

    assert (profile.id, profile.name, profile.nation) == (
        "north-cymru",
        "North Cymru",
        Nation.WALES,
    )
    assert profile.signs_of_safety is True
    assert profile.timescales.minutes_days == 20  # from the Welsh base
    assert load_profile("wales", path).id == "north-cymru"  # found by its base id too


def test_local_profile_asked_for_under_another_id(tmp_path: Path) -> None:
    path = write(tmp_path, 'base = "england"\nid = "northshire"\nname = "Northshire"\n')

    assert load_error("scotland", path) == (
        f"{path}: defines profile 'northshire' (based on 'england'), not 'scotland'"
    )


def test_local_id_cannot_take_a_shipped_id(tmp_path: Path) -> None:
    path = write(tmp_path, 'base = "england"\nid = "wales"\n')

    assert load_error("wales", path) == (
        f"{path}: id: 'wales' is a shipped profile; give a local profile an id of its own"
    )


def test_local_id_without_a_base(tmp_path: Path) -> None:
    path = write(tmp_path, 'id = "northshire"\n')

    assert load_error("northshire", path) == (
        "unknown profile 'northshire': the shipped profiles are england, northern_ireland,"
        " scotland, wales; a local profile file must name the shipped profile it starts"
        ' from, e.g. base = "england"'
    )
    assert load_profile("england", path).id == "northshire"


@pytest.mark.parametrize(
    ("value", "shown"), [('"narnia"', "'narnia'"), ("3", "3"), ("[]", "a table or list")]
)
def test_unknown_base(tmp_path: Path, value: str, shown: str) -> None:
    path = write(tmp_path, f"base = {value}\n")

    assert load_error("england", path) == (
        f"{path}: base: expected one of the shipped profiles"
        f" (england, northern_ireland, scotland, wales), got {shown}"
    )


# --------------------------------------------------------------------------- a broken shipped file


def test_broken_shipped_profile_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = (Path(profiles.__file__).parent.parent / "resources/profiles/england.toml").read_text(
        encoding="utf-8"
    )
    write(tmp_path, good.replace("minutes_days = 15", "minutes_days = 0"), "england.toml")
    write(tmp_path, "id = ", "wales.toml")
    write(tmp_path, "not a profile", "README.md")
    (tmp_path / "folder.toml").mkdir()
    monkeypatch.setattr(profiles, "_folder", lambda: tmp_path)

    assert available_profiles() == ("england", "wales")
    assert load_error("england") == (
        "england.toml (shipped): timescales.minutes_days: expected from 1 day to 366 days, got 0"
    )
    assert load_error("wales").startswith("wales.toml (shipped): not valid TOML: ")
