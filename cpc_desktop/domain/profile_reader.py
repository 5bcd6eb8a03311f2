"""Reading a profile: merging a local file onto a shipped one, and turning the parsed
mapping into a checked, immutable :class:`~cpc_desktop.domain.profile.Profile`.

Every problem is a :class:`~cpc_desktop.domain.profile.ProfileError` whose one-line message
starts with the path of the offending key (see :mod:`cpc_desktop.domain.profile`).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import fields
from typing import Any

from cpc_desktop.domain.agencies import AgencyKind, words
from cpc_desktop.domain.appeals import appeal_notice_problem
from cpc_desktop.domain.enums import ConferenceType, DayUnit, Division, Nation, StrategyAnchor
from cpc_desktop.domain.profile import (
    DEFAULT_PROTECTIVE_MARKING,
    LETTER_KINDS,
    NATION_DIVISIONS,
    REQUIRED_AGENDA_KEYS,
    STATEMENT_KEYS,
    Agency,
    AgendaItem,
    Agendas,
    Authority,
    Category,
    Profile,
    ProfileError,
    Quorum,
    Statements,
    Terminology,
    Timescales,
)
from cpc_desktop.domain.profile_letters import read_letters
from cpc_desktop.domain.profile_records import ComplaintTimescales, RetentionRule
from cpc_desktop.domain.profile_table import ID_FORM as _ID_FORM
from cpc_desktop.domain.profile_table import Table as _Table
from cpc_desktop.domain.profile_table import describe as _describe
from cpc_desktop.domain.profile_table import fail as _fail
from cpc_desktop.domain.profile_table import field_names as _keys
from cpc_desktop.domain.profile_table import unique as _unique
from cpc_desktop.domain.profile_translations import read_translations

__all__ = ["ProfileError", "merge", "parse_profile"]

# --------------------------------------------------------------------------- merging

#: Keys of which a file sets only one; setting one in an override drops the other.
_ALTERNATIVES: Mapping[tuple[str, ...], tuple[frozenset[str], ...]] = {
    ("timescales",): (frozenset({"first_review_months", "first_review_days"}),),
}


def merge(base: Mapping[str, object], override: Mapping[str, object]) -> dict[str, object]:
    """Deep-merge ``override`` onto ``base``; neither argument is changed.

    Tables are merged key by key, so a local file need only name what it changes. Any
    other value, lists included, replaces the base value whole. Where a file may set one
    of two alternatives (``timescales.first_review_months`` or ``first_review_days``),
    an override that sets one removes the other from the result.
    """
    return _merge(base, override, ())


def _merge(
    base: Mapping[str, object], override: Mapping[str, object], path: tuple[str, ...]
) -> dict[str, object]:
    result = {key: copy.deepcopy(value) for key, value in base.items()}
    for group in _ALTERNATIVES.get(path, ()):
        if group & override.keys():
            for key in group - override.keys():
                result.pop(key, None)
    for key, value in override.items():
        current = result.get(key)
        if isinstance(value, Mapping) and isinstance(current, Mapping):
            result[key] = _merge(current, value, (*path, key))
        else:
            result[key] = copy.deepcopy(value)
    return result


#: The keys a profile file may have at its top level.
_FILE_KEYS = tuple(key for key in _keys(Profile) if key not in ("language", "english"))


def parse_profile(data: Mapping[str, object]) -> Profile:
    """Check a profile mapping (as read from TOML) and build the :class:`Profile`.

    Raises:
        ProfileError: naming the key path and the problem; unknown keys are refused so
            that a misspelt key in a local file is reported rather than ignored.
    """
    root = _Table(data, "", _FILE_KEYS)
    profile_id = root.key("id", _ID_FORM)
    nation = root.choice("nation", Nation)
    expected_division = NATION_DIVISIONS[nation]
    division = expected_division
    if root.has("division"):
        division = root.choice("division", Division)
        if division is not expected_division:
            _fail(
                "division",
                f"'{division.value}' does not go with nation '{nation.value}'"
                f" (expected '{expected_division.value}')",
            )
    profile = Profile(
        id=profile_id,
        name=root.text("name"),
        nation=nation,
        division=division,
        terminology=_terminology(root.table("terminology", _keys(Terminology))),
        categories=_categories(root),
        timescales=_timescales(root.table("timescales", _keys(Timescales))),
        quorum=_quorum(root.table("quorum", (*_keys(Quorum), "local_agencies"))),
        agenda=_agendas(root.table("agenda", _keys(Agendas))),
        statements=_statements(root.table("statements", _keys(Statements))),
        complaints_route=root.text("complaints_route"),
        letters=read_letters(root.table("letters", LETTER_KINDS)),
        primary_category_required=root.flag("primary_category_required", False),
        signs_of_safety=root.flag("signs_of_safety", False),
        consider_reporter_referral=root.flag("consider_reporter_referral", False),
        appeals=root.flag("appeals", False),
        protective_marking=root.text("protective_marking", DEFAULT_PROTECTIVE_MARKING),
        **_release_check(root),
        complaints=read_complaints(
            root.table("complaints", COMPLAINT_KEYS) if root.has("complaints") else None
        ),
        retention=read_retention(
            root.table("retention", RETENTION_KEYS) if root.has("retention") else None
        ),
        authority=_authority(root.table("authority", _AUTHORITY_KEYS))
        if root.has("authority")
        else None,
    )
    problem = appeal_notice_problem(profile)
    if problem is not None:
        _fail(*problem)
    return read_translations(root, profile)


#: The keys of an [authority] table (its other languages come from [translations]).
_AUTHORITY_KEYS = tuple(key for key in _keys(Authority) if key != "translated")

#: Most characters an authority's name, service or an address line may have.
_LINE_LIMIT = 120


def _authority(table: _Table) -> Authority:
    """The authority's name, service, address and contacts (each a short line)."""

    def line(key: str, default: str | None = None) -> str:
        value = table.text(key, default)
        if "\n" in value or len(value) > _LINE_LIMIT:
            _fail(table.where(key), f"expected one line of at most {_LINE_LIMIT} characters")
        return value

    address = []
    for where, value in table.texts("address"):
        if not value.strip() or "\n" in value or len(value) > _LINE_LIMIT:
            _fail(where, f"expected one line of at most {_LINE_LIMIT} characters")
        address.append(" ".join(value.split()))
    if not address:
        _fail(table.where("address"), "missing: give the address, one line each")
    email = line("email", "-")
    if email != "-" and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        _fail(table.where("email"), f"expected an email address, got {_describe(email)}")
    return Authority(
        name=line("name"),
        service=line("service", "Child protection conference service"),
        address=tuple(address),
        telephone="" if not table.has("telephone") else line("telephone"),
        email="" if email == "-" else email,
    )


def _release_check(root: _Table) -> dict[str, Any]:
    """The release check is on unless turned off with a reason, which is recorded."""
    on = root.flag("release_check", True)
    if on:
        if root.has("release_check_off_reason"):
            _fail("release_check_off_reason", "only goes with release_check = false")
        return {"release_check": True, "release_check_off_reason": ""}
    if not root.has("release_check_off_reason"):
        _fail(
            "release_check_off_reason",
            "missing: say why family copies and letters go without a second person's check",
        )
    return {
        "release_check": False,
        "release_check_off_reason": root.text("release_check_off_reason"),
    }


def _terminology(table: _Table) -> Terminology:
    optional = {f.name: f.default for f in fields(Terminology) if isinstance(f.default, str)}
    return Terminology(
        **{f.name: table.text(f.name, optional.get(f.name)) for f in fields(Terminology)}
    )


def _statements(table: _Table) -> Statements:
    return Statements(**{key: table.text(key) for key in STATEMENT_KEYS})


def _categories(root: _Table) -> tuple[Category, ...]:
    seen: set[str] = set()
    categories: list[Category] = []
    for item in root.tables("categories", Category._fields, "category", "categories"):
        key = item.key("key")
        _unique(item.where("key"), key, seen, "category")
        categories.append(Category(key=key, label=item.text("label")))
    return tuple(categories)


def _timescales(table: _Table) -> Timescales:
    def days(key: str, low: int = 1, high: int = 366) -> int:
        return table.whole(key, "days", low, high)

    first_months = table.optional_whole("first_review_months", "months", 1, 24)
    first_days = table.optional_whole("first_review_days", "days", 1, 731)
    if first_months is None and first_days is None:
        _fail(table.where("first_review_months"), "missing (set it, or first_review_days)")
    if first_months is not None and first_days is not None:
        _fail(
            table.where("first_review_days"),
            "set either first_review_months or first_review_days, not both",
        )
    earliest = table.whole("pre_birth_earliest_week", "weeks", 1, 42)
    latest = table.whole("pre_birth_latest_week", "weeks", 1, 42)
    if latest < earliest:
        _fail(
            table.where("pre_birth_latest_week"),
            f"week {latest} is before pre_birth_earliest_week (week {earliest})",
        )
    no_plan = table.optional_whole("pre_birth_no_plan_before_week", "weeks", 1, 42)
    if no_plan is not None and not earliest <= no_plan <= latest:
        _fail(
            table.where("pre_birth_no_plan_before_week"),
            f"week {no_plan} is outside the pre-birth window (weeks {earliest} to {latest})",
        )
    return Timescales(
        unit=table.choice("unit", DayUnit),
        initial_conference_days=days("initial_conference_days"),
        first_review_months=first_months,
        first_review_days=first_days,
        later_review_months=table.whole("later_review_months", "months", 1, 24),
        first_core_group_days=days("first_core_group_days"),
        transfer_in_days=days("transfer_in_days"),
        reconvene_days=days("reconvene_days"),
        decision_letter_days=days("decision_letter_days"),
        minutes_days=days("minutes_days"),
        report_shared_before_initial_days=days("report_shared_before_initial_days", 0),
        report_shared_before_review_days=days("report_shared_before_review_days", 0),
        pre_birth_earliest_week=earliest,
        pre_birth_latest_week=latest,
        pre_birth_no_plan_before_week=no_plan,
        post_birth_review_days=days("post_birth_review_days"),
        dissent_hours=table.whole("dissent_hours", "hours", 1, 24 * 90),
        strategy_anchor=table.choice("strategy_anchor", StrategyAnchor),
        pre_birth_first_review_months=table.optional_whole(
            "pre_birth_first_review_months", "months", 1, 24
        ),
    )


def _quorum(table: _Table) -> Quorum:
    csc_group = table.key("csc_group")
    min_other = table.whole("min_other_agencies", "agencies", 0, 20)
    seen: set[str] = set()
    spelled: dict[str, str] = {}  # every name and other name (as matched) -> its agency
    agencies: list[Agency] = []
    listed = table.tables("agencies", _keys(Agency), "agency", "agencies")
    if table.has("local_agencies"):  # an authority's own, added to its nation's list
        listed += table.tables("local_agencies", _keys(Agency), "agency", "agencies")
    for item in listed:
        name = item.text("name")
        _unique(item.where("name"), name, seen, "agency")
        group = item.key("group")
        in_csc_group = group == csc_group
        is_csc = item.flag("childrens_social_care", in_csc_group)
        if is_csc != in_csc_group:
            relation = "is" if in_csc_group else "is not"
            _fail(
                item.where("childrens_social_care"),
                f"is {_describe(is_csc)} but group {_describe(group)} {relation}"
                f" the children's social care group {_describe(csc_group)}",
            )
        counts = item.flag("counts_for_quorum", True)
        kind = item.choice("kind", AgencyKind) if item.has("kind") else None
        also: list[str] = []
        for where, other in item.texts("also"):
            if not other.strip():
                _fail(where, "must not be empty")
            _one_agency(where, other, name, spelled)
            also.append(" ".join(other.split()))
        _one_agency(item.where("name"), name, name, spelled)
        agencies.append(Agency(name, group, is_csc, counts, kind, tuple(also)))
    if not any(agency.childrens_social_care for agency in agencies):
        _fail(
            table.where("agencies"),
            f"no agency is in the children's social care group {_describe(csc_group)}",
        )
    others = {a.group for a in agencies if a.counts_for_quorum and not a.childrens_social_care}
    if len(others) < min_other:
        _fail(
            table.where("min_other_agencies"),
            f"needs {min_other} other agency groups but the agency list has only {len(others)}",
        )
    return Quorum(csc_group=csc_group, min_other_agencies=min_other, agencies=tuple(agencies))


def _one_agency(where: str, spelling: str, agency: str, spelled: dict[str, str]) -> None:
    """A name or other name must mean one agency only, or typed names would be ambiguous."""
    key = words(spelling)
    if not key:
        _fail(where, f"{_describe(spelling)} has no letters or digits")
    if spelled.setdefault(key, agency) != agency:
        _fail(where, f"{_describe(spelling)} is already a name of {_describe(spelled[key])}")


def _agendas(table: _Table) -> Agendas:
    return Agendas(
        **{kind.value: _agenda(table, kind.value) for kind in ConferenceType},
    )


def _agenda(table: _Table, kind: str) -> tuple[AgendaItem, ...]:
    seen: set[str] = set()
    items: list[AgendaItem] = []
    for item in table.tables(kind, _keys(AgendaItem), "agenda item", "agenda items"):
        key = item.key("key")
        _unique(item.where("key"), key, seen, "agenda item")
        title = item.text("title")
        minutes = item.whole("minutes", "minutes", 1, 240)
        statements: list[str] = []
        for where, statement in item.texts("statements"):
            if statement not in STATEMENT_KEYS:
                listed = ", ".join(STATEMENT_KEYS)
                _fail(where, f"unknown statement {_describe(statement)}; expected one of {listed}")
            statements.append(statement)
        items.append(AgendaItem(key, title, minutes, tuple(statements)))
    for required in REQUIRED_AGENDA_KEYS:
        if required not in seen:
            _fail(table.where(kind), f"must include an item with key '{required}'")
    return tuple(items)


COMPLAINT_KEYS = _keys(ComplaintTimescales)
RETENTION_KEYS = _keys(RetentionRule)


def read_complaints(table: _Table | None) -> ComplaintTimescales:
    """The ``[complaints]`` table, each key optional."""
    if table is None:
        return ComplaintTimescales()
    default = ComplaintTimescales()
    return ComplaintTimescales(
        acknowledge_working_days=_count(
            table, "acknowledge_working_days", default.acknowledge_working_days, 60
        ),
        respond_days=_count(table, "respond_days", default.respond_days, 366),
    )


def read_retention(table: _Table | None) -> RetentionRule:
    """The ``[retention]`` table, each key optional."""
    if table is None:
        return RetentionRule()
    default = RetentionRule()
    rule = RetentionRule(
        years=_count(table, "years", default.years, 150),
        record_type=table.text("record_type", default.record_type),
        policy=table.text("policy", default.policy),
    )
    if "\n" in rule.record_type or len(rule.record_type) > 120:
        _fail(table.where("record_type"), "expected one line of at most 120 characters")
    return rule


def _count(table: _Table, key: str, default: int, high: int) -> int:
    found = table.optional_whole(key, "days" if "days" in key else "years", 1, high)
    return default if found is None else found
