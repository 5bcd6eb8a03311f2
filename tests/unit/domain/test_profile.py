"""Jurisdiction profiles: parsing, validation messages and deep merging."""

from __future__ import annotations

import copy
import dataclasses
import re
from typing import Any

import pytest

from cpc_desktop.domain.agencies import AgencyKind
from cpc_desktop.domain.enums import ConferenceType, DayUnit, Division, Nation
from cpc_desktop.domain.profile import (
    DEFAULT_PROTECTIVE_MARKING,
    DEFAULT_SALUTATION,
    DEFAULT_SIGN_OFF,
    LETTER_ESSENTIAL_PLACEHOLDERS,
    LETTER_KINDS,
    LETTER_OPTIONAL_PLACEHOLDERS,
    LETTER_PLACEHOLDERS,
    LETTER_REQUIRED_PLACEHOLDERS,
    REQUIRED_AGENDA_KEYS,
    STATEMENT_KEYS,
    Agency,
    AgendaItem,
    Category,
    LetterTemplate,
    Placeholder,
    Profile,
    ProfileError,
    StrategyAnchor,
    parse_template,
    template_paragraphs,
)
from cpc_desktop.domain.profile_reader import merge, parse_profile


def _agenda() -> list[dict[str, Any]]:
    return [
        {"key": "welcome", "title": "Welcome", "minutes": 5},
        {"key": "purpose", "title": "Purpose", "minutes": 3, "statements": ["purpose"]},
        {"key": "childs_views", "title": "Child's views", "minutes": 10},
        {"key": "parents_views", "title": "Parents' views", "minutes": 10},
        {"key": "decision", "title": "Decision", "minutes": 10},
    ]


def _letter_body(kind: str) -> str:
    """A body using exactly the placeholders ``kind`` must use, each in its own paragraph."""
    return "Hello.\n\n" + "\n\n".join(f"{{{name}}}" for name in LETTER_REQUIRED_PLACEHOLDERS[kind])


def _letters() -> dict[str, Any]:
    return {
        kind: {"subject": f"{kind} letter {{reference}}", "body": _letter_body(kind)}
        for kind in LETTER_KINDS
    }


def valid() -> dict[str, Any]:
    """A small but complete profile mapping, as tomllib would return it."""
    return {
        "id": "testshire",
        "name": "Testshire",
        "nation": "england",
        "complaints_route": "  Talk to the chair first.  ",
        "terminology": {
            "meeting_name": "Child Protection Conference",
            "meeting_abbreviation": "CPC",
            "plan_name": "child protection plan",
            "support_plan_name": "child in need plan",
            "register_name": "list of children with a plan",
            "registered_phrase": "subject to a child protection plan",
            "lead_worker_title": "lead social worker",
            "core_group_name": "core group",
            "category_singular": "category",
            "category_plural": "categories",
        },
        "categories": [
            {"key": "neglect", "label": "Neglect"},
            {"key": "sexual_abuse", "label": "Sexual abuse"},
        ],
        "timescales": {
            "unit": "working_days",
            "initial_conference_days": 15,
            "first_review_months": 3,
            "later_review_months": 6,
            "first_core_group_days": 10,
            "transfer_in_days": 15,
            "reconvene_days": 10,
            "decision_letter_days": 1,
            "minutes_days": 15,
            "report_shared_before_initial_days": 3,
            "report_shared_before_review_days": 5,
            "pre_birth_earliest_week": 12,
            "pre_birth_latest_week": 34,
            "post_birth_review_days": 20,
            "dissent_hours": 72,
            "strategy_anchor": "initiated",
        },
        "quorum": {
            "csc_group": "csc",
            "min_other_agencies": 2,
            "agencies": [
                {"name": "Children's social care", "group": "csc"},
                {"name": "Police", "group": "police"},
                {"name": "Health visiting", "group": "health"},
                {"name": "GP practice", "group": "health"},
                {"name": "Legal services", "group": "legal", "counts_for_quorum": False},
            ],
        },
        "agenda": {kind.value: _agenda() for kind in ConferenceType},
        "statements": {key: f"The {key} statement." for key in STATEMENT_KEYS},
        "letters": _letters(),
    }


def changed(path: str, value: object) -> dict[str, Any]:
    """``valid()`` with the value at a dotted path (``a.b[0].c``, 0-based) replaced."""
    data = valid()
    *parents, last = re.findall(r"[^.\[\]]+", path)
    target: Any = data
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    target[int(last) if last.isdigit() else last] = value
    return data


def without(path: str) -> dict[str, Any]:
    data = valid()
    *parents, last = path.split(".")
    target: Any = data
    for part in parents:
        target = target[part]
    del target[last]
    return data


def error(data: object) -> str:
    with pytest.raises(ProfileError) as caught:
        parse_profile(data)  # type: ignore[arg-type]
    return str(caught.value)


# --------------------------------------------------------------------------- a good profile


def test_valid_mapping_parses_to_frozen_profile() -> None:
    profile = parse_profile(valid())

    assert profile.id == "testshire"
    assert profile.nation is Nation.ENGLAND
    assert profile.division is Division.ENGLAND_AND_WALES  # derived from the nation
    assert profile.complaints_route == "Talk to the chair first."
    assert profile.categories == (
        Category("neglect", "Neglect"),
        Category("sexual_abuse", "Sexual abuse"),
    )
    assert profile.categories[0] == ("neglect", "Neglect")
    assert profile.timescales.unit is DayUnit.WORKING
    assert profile.timescales.first_review_months == 3
    assert profile.timescales.first_review_days is None
    assert profile.timescales.pre_birth_no_plan_before_week is None
    assert profile.timescales.strategy_anchor is StrategyAnchor.INITIATED
    assert profile.quorum.agencies[0] == Agency("Children's social care", "csc", True, True)
    assert profile.quorum.agencies[-1].counts_for_quorum is False
    assert profile.agenda.initial[1] == AgendaItem("purpose", "Purpose", 3, ("purpose",))
    assert profile.agenda.initial[0].statements == ()
    assert profile.statements.equality == "The equality statement."
    # Defaults for the optional keys.
    assert profile.primary_category_required is False
    assert profile.signs_of_safety is False
    assert profile.consider_reporter_referral is False
    assert profile.protective_marking == DEFAULT_PROTECTIVE_MARKING == "OFFICIAL-SENSITIVE"
    with pytest.raises(dataclasses.FrozenInstanceError):
        profile.name = "Elsewhere"  # type: ignore[misc]
    assert isinstance(profile.categories, tuple)
    assert isinstance(profile.quorum.agencies, tuple)
    hash(profile)  # frozen all the way down


def test_optional_keys_are_read_when_given() -> None:
    data = valid()
    data.update(
        division="england-and-wales",
        primary_category_required=True,
        signs_of_safety=True,
        consider_reporter_referral=True,
        protective_marking="OFFICIAL-SENSITIVE PERSONAL",
    )
    data["timescales"].update(strategy_anchor="last", pre_birth_no_plan_before_week=24)
    data["quorum"]["agencies"][0]["childrens_social_care"] = True

    profile = parse_profile(data)

    assert profile.division is Division.ENGLAND_AND_WALES
    assert profile.primary_category_required is True
    assert profile.signs_of_safety is True
    assert profile.consider_reporter_referral is True
    assert profile.protective_marking == "OFFICIAL-SENSITIVE PERSONAL"
    assert profile.timescales.strategy_anchor is StrategyAnchor.LAST
    assert profile.timescales.pre_birth_no_plan_before_week == 24


def test_first_review_may_be_given_in_days() -> None:
    data = without("timescales.first_review_months")
    data["timescales"]["first_review_days"] = 90

    timescales = parse_profile(data).timescales

    assert (timescales.first_review_months, timescales.first_review_days) == (None, 90)


@pytest.mark.parametrize(
    ("nation", "division"),
    [
        ("england", Division.ENGLAND_AND_WALES),
        ("wales", Division.ENGLAND_AND_WALES),
        ("scotland", Division.SCOTLAND),
        ("northern_ireland", Division.NORTHERN_IRELAND),
    ],
)
def test_division_follows_nation(nation: str, division: Division) -> None:
    assert parse_profile(changed("nation", nation)).division is division


def test_lookups() -> None:
    profile = parse_profile(valid())

    assert profile.category_keys == ("neglect", "sexual_abuse")
    assert profile.category_label("sexual_abuse") == "Sexual abuse"
    with pytest.raises(KeyError):
        profile.category_label("financial_abuse")
    assert profile.quorum.agency("  police ") == Agency("Police", "police")
    assert profile.quorum.agency("Fire service") is None
    assert profile.quorum.agency("Health   VISITING") == Agency("Health visiting", "health")
    assert profile.statements.text("confidentiality") == "The confidentiality statement."
    with pytest.raises(KeyError):
        profile.statements.text("name")
    for kind in ConferenceType:
        assert profile.agenda.for_type(kind) == getattr(profile.agenda, kind.value)
    assert profile.agenda.for_type(ConferenceType.PRE_BIRTH) is profile.agenda.pre_birth


def test_group_of_fits_the_quorum_rule() -> None:
    quorum = parse_profile(valid()).quorum

    assert quorum.group_of("Children's social care") == "csc"
    assert quorum.group_of(" gp  practice ") == "health"
    assert quorum.group_of("Health visiting") == "health"
    assert quorum.group_of("Legal services") is None  # listed, but does not count
    # Unlisted and of no known kind: a group of its own, keyed as names are compared.
    assert quorum.group_of("Fire   and rescue") == "fire and rescue"
    assert quorum.group_of("FIRE & Rescue") == "fire and rescue"
    assert quorum.group_of("   ") is None


def test_profile_error_is_a_value_error() -> None:
    assert issubclass(ProfileError, ValueError)


# --------------------------------------------------------------------------- bad values


@pytest.mark.parametrize(
    ("data", "message"),
    [
        # Wrong types, each naming the key path.
        (
            changed("timescales.minutes_days", "x"),
            "timescales.minutes_days: expected a whole number of days, got 'x'",
        ),
        (
            changed("timescales.minutes_days", 15.0),
            "timescales.minutes_days: expected a whole number of days, got 15.0",
        ),
        (
            changed("timescales.minutes_days", True),
            "timescales.minutes_days: expected a whole number of days, got true",
        ),
        (
            changed("timescales.dissent_hours", False),
            "timescales.dissent_hours: expected a whole number of hours, got false",
        ),
        (
            changed("timescales.minutes_days", 0),
            "timescales.minutes_days: expected from 1 day to 366 days, got 0",
        ),
        (
            changed("timescales.later_review_months", 25),
            "timescales.later_review_months: expected from 1 month to 24 months, got 25",
        ),
        (
            changed("timescales.report_shared_before_review_days", -1),
            "timescales.report_shared_before_review_days: expected from 0 days to 366 days, got -1",
        ),
        (
            changed("timescales.unit", "fortnights"),
            "timescales.unit: expected one of 'working_days', 'calendar_days', got 'fortnights'",
        ),
        (
            changed("timescales.strategy_anchor", 1),
            "timescales.strategy_anchor: expected one of 'initiated', 'last', got 1",
        ),
        (changed("name", 3), "name: expected text, got 3"),
        (changed("name", "   "), "name: must not be empty"),
        (changed("name", ["a"]), "name: expected text, got a list"),
        (changed("name", {"a": 1}), "name: expected text, got a table"),
        (
            changed("complaints_route", 1.5),
            "complaints_route: expected text, got 1.5",
        ),
        (
            changed("protective_marking", ""),
            "protective_marking: must not be empty",
        ),
        (
            changed("signs_of_safety", "yes"),
            "signs_of_safety: expected true or false, got 'yes'",
        ),
        (
            changed("nation", "england-and-wales"),
            "nation: expected one of 'england', 'wales', 'scotland', 'northern_ireland',"
            " got 'england-and-wales'",
        ),
        (
            changed("terminology.plan_name", 7),
            "terminology.plan_name: expected text, got 7",
        ),
        # Missing keys.
        (without("name"), "name: missing (this key is required)"),
        (without("timescales.unit"), "timescales.unit: missing (this key is required)"),
        (without("terminology"), "terminology: missing (this key is required)"),
        (
            without("statements.professional_difference"),
            "statements.professional_difference: missing (this key is required)",
        ),
        # Unknown keys, with a suggestion where one is close.
        (
            changed("timescales.minute_days", 15),
            "timescales.minute_days: unknown key (did you mean 'minutes_days'?)",
        ),
        (changed("colour", "blue"), "colour: unknown key"),
        (changed("base", "england"), "base: unknown key"),
        # Tables and lists of the wrong shape.
        (changed("timescales", 15), "timescales: expected a table, got 15"),
        (
            changed("categories", "neglect"),
            "categories: expected a list of categories, got 'neglect'",
        ),
        (changed("categories", []), "categories: expected at least one category"),
        (changed("categories[1]", "neglect"), "categories[2]: expected a table, got 'neglect'"),
        (
            changed("quorum.agencies", {}),
            "quorum.agencies: expected a list of agencies, got a table",
        ),
        (changed("agenda.review", []), "agenda.review: expected at least one agenda item"),
        # Ids and keys.
        (
            changed("id", "Test shire"),
            "id: expected an id of lower-case letters, digits, '_' and '-', starting with a"
            " letter, got 'Test shire'",
        ),
        (
            changed("categories[0].key", "Neglect"),
            "categories[1].key: expected a key of lower-case letters, digits and '_',"
            " starting with a letter, got 'Neglect'",
        ),
        (
            changed("categories[1].key", "neglect"),
            "categories[2].key: category 'neglect' is listed twice",
        ),
        (
            changed("categories[0].label", ""),
            "categories[1].label: must not be empty",
        ),
        (
            changed("categories[0].cin_code", "N"),
            "categories[1].cin_code: unknown key",
        ),
    ],
)
def test_bad_values_are_reported_with_their_key_path(data: object, message: str) -> None:
    assert error(data) == message


def test_long_text_is_shortened_in_messages() -> None:
    message = error(changed("division", "x" * 100))

    assert message == (
        "division: expected one of 'england-and-wales', 'scotland', 'northern-ireland',"
        f" got '{'x' * 37}...'"
    )


def test_root_must_be_a_table() -> None:
    assert error(["id"]) == "profile: expected a table, got a list"


def test_division_must_match_nation() -> None:
    assert error(changed("division", "scotland")) == (
        "division: 'scotland' does not go with nation 'england' (expected 'england-and-wales')"
    )


def test_a_profile_id_may_contain_hyphens() -> None:
    assert parse_profile(changed("id", "north-shire_2")).id == "north-shire_2"


# --------------------------------------------------------------------------- timescale rules


def test_first_review_is_required() -> None:
    assert error(without("timescales.first_review_months")) == (
        "timescales.first_review_months: missing (set it, or first_review_days)"
    )


def test_first_review_cannot_be_given_twice() -> None:
    assert error(changed("timescales.first_review_days", 90)) == (
        "timescales.first_review_days: set either first_review_months or first_review_days,"
        " not both"
    )


def test_pre_birth_window_must_be_in_order() -> None:
    assert error(changed("timescales.pre_birth_latest_week", 10)) == (
        "timescales.pre_birth_latest_week: week 10 is before pre_birth_earliest_week (week 12)"
    )


@pytest.mark.parametrize("week", [11, 35])
def test_no_plan_week_must_be_inside_the_pre_birth_window(week: int) -> None:
    assert error(changed("timescales.pre_birth_no_plan_before_week", week)) == (
        f"timescales.pre_birth_no_plan_before_week: week {week} is outside the pre-birth"
        " window (weeks 12 to 34)"
    )


def test_week_limits() -> None:
    assert error(changed("timescales.pre_birth_earliest_week", 0)) == (
        "timescales.pre_birth_earliest_week: expected from 1 week to 42 weeks, got 0"
    )


# --------------------------------------------------------------------------- quorum rules


def test_quorum_flag_set_on_an_agency_outside_the_csc_group() -> None:
    data = changed("quorum.agencies[1].childrens_social_care", True)

    assert error(data) == (
        "quorum.agencies[2].childrens_social_care: is true but group 'police' is not the"
        " children's social care group 'csc'"
    )


def test_quorum_flag_cleared_on_an_agency_in_the_csc_group() -> None:
    data = changed("quorum.agencies[0].childrens_social_care", False)

    assert error(data) == (
        "quorum.agencies[1].childrens_social_care: is false but group 'csc' is the"
        " children's social care group 'csc'"
    )


def test_quorum_needs_a_childrens_social_care_agency() -> None:
    assert error(changed("quorum.csc_group", "social_work")) == (
        "quorum.agencies: no agency is in the children's social care group 'social_work'"
    )


def test_quorum_needs_enough_other_groups() -> None:
    # police and health count; legal does not; two GP-type agencies share "health".
    assert error(changed("quorum.min_other_agencies", 3)) == (
        "quorum.min_other_agencies: needs 3 other agency groups but the agency list has only 2"
    )


def test_quorum_agency_names_are_unique_ignoring_case() -> None:
    assert error(changed("quorum.agencies[2].name", "POLICE")) == (
        "quorum.agencies[3].name: agency 'POLICE' is listed twice"
    )


def test_quorum_counts_for_quorum_must_be_a_flag() -> None:
    assert error(changed("quorum.agencies[4].counts_for_quorum", "no")) == (
        "quorum.agencies[5].counts_for_quorum: expected true or false, got 'no'"
    )


def test_quorum_minimum_may_be_zero() -> None:
    assert parse_profile(changed("quorum.min_other_agencies", 0)).quorum.min_other_agencies == 0


# --------------------------------------------------------------------------- agenda rules


def test_agenda_item_keys_are_unique() -> None:
    assert error(changed("agenda.initial[1].key", "welcome")) == (
        "agenda.initial[2].key: agenda item 'welcome' is listed twice"
    )


def test_agenda_minutes_must_be_positive() -> None:
    assert error(changed("agenda.transfer_in[0].minutes", 0)) == (
        "agenda.transfer_in[1].minutes: expected from 1 minute to 240 minutes, got 0"
    )


def test_agenda_needs_every_conference_type() -> None:
    assert error(without("agenda.pre_birth")) == (
        "agenda.pre_birth: missing (this key is required)"
    )


def test_agenda_statements_must_be_known() -> None:
    assert error(changed("agenda.initial[1].statements", ["purpose", "welcome"])) == (
        "agenda.initial[2].statements[2]: unknown statement 'welcome'; expected one of"
        " purpose, confidentiality, equality, professional_difference"
    )


def test_agenda_statements_must_be_a_list_of_text() -> None:
    assert error(changed("agenda.initial[1].statements", "purpose")) == (
        "agenda.initial[2].statements: expected a list of text, got 'purpose'"
    )
    assert error(changed("agenda.initial[1].statements", [1])) == (
        "agenda.initial[2].statements[1]: expected text, got 1"
    )


@pytest.mark.parametrize("required", REQUIRED_AGENDA_KEYS)
def test_agenda_must_keep_the_headings_the_minutes_need(required: str) -> None:
    data = valid()
    data["agenda"]["review"] = [i for i in _agenda() if i["key"] != required]

    assert error(data) == f"agenda.review: must include an item with key '{required}'"


# --------------------------------------------------------------------------- merge


def test_merge_overrides_single_keys_and_keeps_the_rest() -> None:
    base = valid()
    snapshot = copy.deepcopy(base)
    override = {"name": "Northshire", "timescales": {"minutes_days": 20}}

    merged = merge(base, override)

    assert merged["name"] == "Northshire"
    assert merged["timescales"] == {**base["timescales"], "minutes_days": 20}
    assert merged["quorum"] == base["quorum"]
    assert base == snapshot  # neither input is changed
    assert override == {"name": "Northshire", "timescales": {"minutes_days": 20}}


def test_merge_replaces_lists_whole() -> None:
    merged = merge(valid(), {"categories": [{"key": "other", "label": "Other"}]})

    assert merged["categories"] == [{"key": "other", "label": "Other"}]


def test_merge_result_shares_nothing_mutable_with_its_inputs() -> None:
    base = valid()
    override = {"quorum": {"agencies": [{"name": "Police", "group": "police"}]}}

    merged = merge(base, override)
    merged["categories"].append({"key": "x", "label": "X"})  # type: ignore[attr-defined]
    merged["quorum"]["agencies"].clear()  # type: ignore[index]

    assert len(base["categories"]) == 2
    assert override["quorum"]["agencies"] == [{"name": "Police", "group": "police"}]


def test_merge_adds_new_tables_and_replaces_a_table_with_a_value() -> None:
    merged = merge({"a": 1, "b": {"c": 2}}, {"a": {"x": 1}, "b": 3, "d": {"e": 4}})

    assert merged == {"a": {"x": 1}, "b": 3, "d": {"e": 4}}


def test_merge_first_review_alternative_replaces_the_other() -> None:
    merged = merge(valid(), {"timescales": {"first_review_days": 90}})

    assert "first_review_months" not in merged["timescales"]  # type: ignore[operator]
    profile = parse_profile(merged)
    assert (profile.timescales.first_review_months, profile.timescales.first_review_days) == (
        None,
        90,
    )
    back = merge(merged, {"timescales": {"first_review_months": 3}})
    assert parse_profile(back).timescales.first_review_months == 3


def test_merge_keeps_both_alternatives_if_the_override_sets_both() -> None:
    merged = merge(valid(), {"timescales": {"first_review_days": 90, "first_review_months": 2}})

    assert "set either" in error(merged)


def test_merge_of_an_unrelated_timescale_keeps_the_first_review() -> None:
    merged = merge(valid(), {"timescales": {"minutes_days": 20}})

    profile = parse_profile(merged)
    assert profile.timescales.first_review_months == 3
    assert profile.timescales.minutes_days == 20


def test_merged_local_profile_parses() -> None:
    override = {"id": "northshire", "name": "Northshire", "signs_of_safety": True}

    profile = parse_profile(merge(valid(), override))

    assert (profile.id, profile.name, profile.signs_of_safety) == ("northshire", "Northshire", True)
    assert isinstance(profile, Profile)


# --------------------------------------------------------------------------- letter templates


def test_letter_templates_are_parsed_with_defaults() -> None:
    letters = parse_profile(valid()).letters

    child = letters.for_kind("child")
    assert child == LetterTemplate(
        subject="child letter {reference}",
        body=_letter_body("child"),
        salutation=DEFAULT_SALUTATION,
        sign_off=DEFAULT_SIGN_OFF,
    )
    assert child.paragraphs[0] == "Hello."
    assert child.paragraphs[1:] == tuple(
        f"{{{name}}}" for name in LETTER_REQUIRED_PLACEHOLDERS["child"]
    )
    assert letters.for_kind("transfer") is letters.transfer
    with pytest.raises(KeyError):
        letters.for_kind("minutes")


def test_letter_salutation_and_sign_off_may_be_set() -> None:
    data = valid()
    data["letters"]["child"].update(salutation="Dear {recipient_given_name},", sign_off="Bye,")

    child = parse_profile(data).letters.child

    assert (child.salutation, child.sign_off) == ("Dear {recipient_given_name},", "Bye,")


def test_every_placeholder_may_be_used_in_a_body() -> None:
    data = valid()
    essential = set(LETTER_ESSENTIAL_PLACEHOLDERS)
    optional = LETTER_OPTIONAL_PLACEHOLDERS
    plain = [name for name in LETTER_PLACEHOLDERS if name not in essential | optional]
    data["letters"]["parent"]["body"] += (
        "\n\nAlways there: "
        + " ".join(f"{{{name}}}" for name in [*plain, *essential])
        + "\n\nSometimes empty: "
        + " ".join(f"{{{name}}}" for name in [*plain, *optional])
        + "\n\nBraces: {{literal}}."
    )

    assert "{{literal}}" in parse_profile(data).letters.parent.body


@pytest.mark.parametrize(
    ("kind", "name"),
    [(kind, name) for kind, names in LETTER_REQUIRED_PLACEHOLDERS.items() for name in names],
)
def test_each_letter_must_state_its_facts(kind: str, name: str) -> None:
    body = _letter_body(kind).replace(f"{{{name}}}", "")

    assert error(changed(f"letters.{kind}.body", body)) == (
        f"letters.{kind}.body: must include {{{name}}} ({LETTER_PLACEHOLDERS[name]})"
    )


def test_required_placeholders_differ_by_kind() -> None:
    assert "complaints_route" in LETTER_REQUIRED_PLACEHOLDERS["parent"]
    assert "complaints_route" not in LETTER_REQUIRED_PLACEHOLDERS["professional"]
    assert LETTER_REQUIRED_PLACEHOLDERS["plan_ended"] == ("children_outcomes", "reasons")
    assert "local_authority" in LETTER_REQUIRED_PLACEHOLDERS["transfer"]


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (
            "letters.child.body",
            _letter_body("child") + "\n\n{foo}",
            "letters.child.body: unknown placeholder {foo}",
        ),
        (
            "letters.child.body",
            _letter_body("child") + "\n\n{reason}",
            "letters.child.body: unknown placeholder {reason} (did you mean {reasons}?)",
        ),
        (
            "letters.child.body",
            _letter_body("child") + "\n\n{Reasons}",
            "letters.child.body: unknown placeholder {Reasons} (did you mean {reasons}?)",
        ),
        (
            "letters.parent.body",
            _letter_body("parent") + "\n\nA { brace",
            "letters.parent.body: unmatched '{' (write '{{' for a brace)",
        ),
        (
            "letters.parent.body",
            _letter_body("parent") + "\n\nA } brace",
            "letters.parent.body: unmatched '}' (write '}}' for a brace)",
        ),
        (
            "letters.parent.subject",
            "About {children_names} {reference}",
            "letters.parent.subject: {children_names} cannot be used in a subject (it may become"
            " a file name, so it must not name a child); it may use {reference}, {meeting_name},"
            " {meeting_abbreviation}, {conference_date}, {plan_name}, {support_plan_name},"
            " {register_name}",
        ),
        (
            "letters.parent.subject",
            "Outcome of the {meeting_name}",
            "letters.parent.subject: must include {reference}",
        ),
        (
            "letters.parent.subject",
            "{nope} {reference}",
            "letters.parent.subject: unknown placeholder {nope}",
        ),
        (
            "letters.child.salutation",
            "Dear {chair_name},",
            "letters.child.salutation: {chair_name} cannot be used in a salutation; it may use"
            " {recipient_name}, {recipient_given_name}",
        ),
        (
            "letters.child.sign_off",
            "From {chair_name}",
            "letters.child.sign_off: {chair_name} cannot be used in a sign-off; it may use none",
        ),
        ("letters.child.sign_off", "  ", "letters.child.sign_off: must not be empty"),
        ("letters.child.body", 3, "letters.child.body: expected text, got 3"),
        ("letters.child.subject", "", "letters.child.subject: must not be empty"),
        (
            "letters.child.greeting",
            "Hi",
            "letters.child.greeting: unknown key",
        ),
        ("letters.minutes", {}, "letters.minutes: unknown key"),
        ("letters.child", "Dear", "letters.child: expected a table, got 'Dear'"),
        (
            "letters.parent.body",
            "{children_outcomes} {next_dates}\n\n{reasons}\n\n{lead_worker_name}"
            " {lead_worker_contact}\n\n{complaints_route}",
            "letters.parent.body: {next_dates} shares a paragraph with {children_outcomes};"
            " a paragraph is left out when {next_dates} is empty, so give it a paragraph of its"
            " own",
        ),
    ],
)
def test_bad_letter_templates_are_reported(path: str, value: object, message: str) -> None:
    assert error(changed(path, value)) == message


@pytest.mark.parametrize("kind", LETTER_KINDS)
def test_every_letter_kind_is_required(kind: str) -> None:
    data = valid()
    del data["letters"][kind]

    assert error(data) == f"letters.{kind}: missing (this key is required)"


def test_letters_table_is_required() -> None:
    assert error(without("letters")) == "letters: missing (this key is required)"


def test_a_local_override_changes_one_template_and_keeps_the_rest() -> None:
    base = valid()
    body = "Hi {recipient_given_name}.\n\n" + _letter_body("child")

    profile = parse_profile(merge(base, {"letters": {"child": {"body": body}}}))

    assert profile.letters.child.body == body
    assert profile.letters.child.subject == "child letter {reference}"
    assert profile.letters.parent == parse_profile(base).letters.parent


def test_a_local_override_is_checked_like_the_shipped_file() -> None:
    merged = merge(valid(), {"letters": {"child": {"body": "Hello {foo}"}}})

    assert error(merged) == "letters.child.body: unknown placeholder {foo}"


def test_parse_template_splits_text_and_placeholders() -> None:
    assert parse_template("Dear {recipient_name}, {{not}} this}}{{") == (
        "Dear ",
        Placeholder("recipient_name"),
        ", {not} this}{",
    )
    assert parse_template("{a}{b}") == (Placeholder("a"), Placeholder("b"))
    assert parse_template("") == ()
    with pytest.raises(ValueError, match="unmatched '}'"):
        parse_template("a } b")


def test_template_paragraphs_split_at_blank_lines_and_reflow() -> None:
    body = "\n  First line\n  goes on.\n\n\n \t \nSecond.\r\n\r\nThird   one.\n"

    assert template_paragraphs(body) == ("First line goes on.", "Second.", "Third one.")
    assert template_paragraphs("   ") == ()


def test_the_release_check_goes_off_only_with_a_reason() -> None:
    import tomllib
    from importlib import resources

    from cpc_desktop.domain.profile import ProfileError
    from cpc_desktop.domain.profile_reader import parse_profile

    path = resources.files("cpc_desktop") / "resources" / "profiles" / "england.toml"
    base = tomllib.loads(path.read_text(encoding="utf-8"))
    assert parse_profile(base).release_check is True
    with pytest.raises(ProfileError, match="release_check_off_reason: missing"):
        parse_profile({**base, "release_check": False})
    with pytest.raises(ProfileError, match="only goes with release_check = false"):
        parse_profile({**base, "release_check_off_reason": "no reason needed"})
    off = parse_profile(
        {**base, "release_check": False, "release_check_off_reason": "one chair, pilot"}
    )
    assert (off.release_check, off.release_check_off_reason) == (False, "one chair, pilot")


def test_agencies_take_other_names_and_a_kind() -> None:
    data = changed("quorum.agencies[2].also", ["HV", "Health visitor"])
    data["quorum"]["agencies"][3]["kind"] = "health"
    quorum = parse_profile(data).quorum
    assert quorum.agencies[2].also == ("HV", "Health visitor")
    assert quorum.group_of("Fenbridge HV team") == "health"
    assert quorum.agencies[3].kind is AgencyKind.HEALTH


@pytest.mark.parametrize(
    ("also", "message"),
    [
        (
            ["Police"],
            "quorum.agencies[3].also[1]: 'Police' is already a name of 'Police'",
        ),
        (
            ["GP  Practice"],
            "quorum.agencies[4].name: 'GP practice' is already a name of 'Health visiting'",
        ),
        (["  "], "quorum.agencies[3].also[1]: must not be empty"),
        (["---"], "quorum.agencies[3].also[1]: '---' has no letters or digits"),
        ("HV", "quorum.agencies[3].also: expected a list of text, got 'HV'"),
    ],
)
def test_a_name_that_would_mean_two_agencies_is_refused(also: object, message: str) -> None:
    assert error(changed("quorum.agencies[2].also", also)) == message


def test_an_unknown_kind_is_refused() -> None:
    assert error(changed("quorum.agencies[1].kind", "fire")).startswith(
        "quorum.agencies[2].kind: expected one of 'childrens_social_care', 'police',"
    )


def _with_authority(**changes: object) -> dict[str, Any]:
    data = valid()
    data["authority"] = {"name": "Fenbridge County Council", "address": ["County Hall"]}
    data["authority"].update(changes)
    return data


def test_an_authority_reads_its_lines_and_contacts() -> None:
    authority = parse_profile(
        _with_authority(telephone="01632 960 000", email="cp@fenbridge.example.org")
    ).authority
    assert authority is not None
    assert authority.letterhead() == (
        "Fenbridge County Council",
        "Child protection conference service",
        "County Hall",
        "Telephone 01632 960 000",
        "Email cp@fenbridge.example.org",
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": "x" * 121}, "authority.name: expected one line of at most 120 characters"),
        ({"service": "Two\nlines"}, "authority.service: expected one line of at most 120"),
        ({"address": ["County Hall", "y" * 121]}, "authority.address[2]: expected one line"),
        ({"address": []}, "authority.address: missing: give the address, one line each"),
        ({"email": "not an address"}, "authority.email: expected an email address"),
    ],
)
def test_each_authority_line_is_checked(changes: dict[str, object], message: str) -> None:
    assert error(_with_authority(**changes)).startswith(message)
