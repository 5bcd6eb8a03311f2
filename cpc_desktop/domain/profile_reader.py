"""Reading a profile: merging a local file onto a shipped one, and turning the parsed
mapping into a checked, immutable :class:`~cpc_desktop.domain.profile.Profile`.

Every problem is a :class:`~cpc_desktop.domain.profile.ProfileError` whose one-line message
starts with the path of the offending key (see :mod:`cpc_desktop.domain.profile`).
"""

from __future__ import annotations

import copy
import difflib
import re
from collections.abc import Mapping
from dataclasses import fields
from enum import StrEnum
from typing import Any, NoReturn, TypeVar

from cpc_desktop.domain.agencies import AgencyKind, words
from cpc_desktop.domain.appeals import appeal_notice_problem
from cpc_desktop.domain.enums import ConferenceType, DayUnit, Division, Nation, StrategyAnchor
from cpc_desktop.domain.profile import (
    DEFAULT_PROTECTIVE_MARKING,
    DEFAULT_SALUTATION,
    DEFAULT_SIGN_OFF,
    LETTER_ESSENTIAL_PLACEHOLDERS,
    LETTER_KINDS,
    LETTER_OPTIONAL_PLACEHOLDERS,
    LETTER_PLACEHOLDERS,
    LETTER_REQUIRED_PLACEHOLDERS,
    LETTER_SALUTATION_PLACEHOLDERS,
    LETTER_SUBJECT_PLACEHOLDERS,
    NATION_DIVISIONS,
    REQUIRED_AGENDA_KEYS,
    STATEMENT_KEYS,
    Agency,
    AgendaItem,
    Agendas,
    Authority,
    Category,
    LetterTemplate,
    LetterTemplates,
    Placeholder,
    Profile,
    ProfileError,
    Quorum,
    Statements,
    Terminology,
    Timescales,
    normalise_name,
    parse_template,
    template_paragraphs,
)

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


# --------------------------------------------------------------------------- parsing

_KEY_FORM = (
    re.compile(r"[a-z][a-z0-9_]*"),
    "a key of lower-case letters, digits and '_', starting with a letter",
)
_ID_FORM = (
    re.compile(r"[a-z][a-z0-9_-]*"),
    "an id of lower-case letters, digits, '_' and '-', starting with a letter",
)
_MISSING = object()
_E = TypeVar("_E", bound=StrEnum)


def _keys(cls: type[Any]) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _fail(path: str, problem: str) -> NoReturn:
    raise ProfileError(f"{path}: {problem}")


def _describe(value: object) -> str:
    """A short, one-line rendering of a value for an error message."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return repr(shown)
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list | tuple):
        return "a list"
    return repr(value)


def _amount(count: int, unit: str) -> str:
    return f"{count} {unit.removesuffix('s') if count == 1 else unit}"


class _Table:
    """Read typed values from one table, naming the key path in every error."""

    def __init__(self, data: object, path: str, known: tuple[str, ...]) -> None:
        if not isinstance(data, Mapping):
            _fail(path or "profile", f"expected a table, got {_describe(data)}")
        self._data: Mapping[str, object] = data
        self._path = path
        for key in data:
            if key not in known:
                hint = difflib.get_close_matches(str(key), known, n=1)
                advice = f" (did you mean '{hint[0]}'?)" if hint else ""
                _fail(self.where(str(key)), f"unknown key{advice}")

    def where(self, key: str) -> str:
        return f"{self._path}.{key}" if self._path else key

    def raw(self, key: str) -> object:
        value = self._data.get(key, _MISSING)
        if value is _MISSING:
            _fail(self.where(key), "missing (this key is required)")
        return value

    def has(self, key: str) -> bool:
        return key in self._data

    def text(self, key: str, default: str | None = None) -> str:
        if default is not None and not self.has(key):
            return default
        value = self.raw(key)
        if not isinstance(value, str):
            _fail(self.where(key), f"expected text, got {_describe(value)}")
        if not value.strip():
            _fail(self.where(key), "must not be empty")
        return value.strip()

    def key(self, key: str, form: tuple[re.Pattern[str], str] = _KEY_FORM) -> str:
        value = self.text(key)
        pattern, description = form
        if not pattern.fullmatch(value):
            _fail(self.where(key), f"expected {description}, got {_describe(value)}")
        return value

    def whole(self, key: str, unit: str, low: int, high: int) -> int:
        value = self.raw(key)
        if isinstance(value, bool) or not isinstance(value, int):
            _fail(self.where(key), f"expected a whole number of {unit}, got {_describe(value)}")
        if not low <= value <= high:
            _fail(
                self.where(key),
                f"expected from {_amount(low, unit)} to {_amount(high, unit)}, got {value}",
            )
        return value

    def optional_whole(self, key: str, unit: str, low: int, high: int) -> int | None:
        return self.whole(key, unit, low, high) if self.has(key) else None

    def flag(self, key: str, default: bool | None = None) -> bool:
        if default is not None and not self.has(key):
            return default
        value = self.raw(key)
        if not isinstance(value, bool):
            _fail(self.where(key), f"expected true or false, got {_describe(value)}")
        return value

    def choice(self, key: str, kind: type[_E]) -> _E:
        value = self.raw(key)
        options = [member.value for member in kind]
        if not isinstance(value, str) or value not in options:
            listed = ", ".join(f"'{option}'" for option in options)
            _fail(self.where(key), f"expected one of {listed}, got {_describe(value)}")
        return kind(value)

    def table(self, key: str, known: tuple[str, ...]) -> _Table:
        return _Table(self.raw(key), self.where(key), known)

    def tables(self, key: str, known: tuple[str, ...], one: str, many: str) -> list[_Table]:
        value = self.raw(key)
        if not isinstance(value, list):
            _fail(self.where(key), f"expected a list of {many}, got {_describe(value)}")
        if not value:
            _fail(self.where(key), f"expected at least one {one}")
        where = self.where(key)
        return [_Table(item, f"{where}[{n}]", known) for n, item in enumerate(value, 1)]

    def texts(self, key: str) -> list[tuple[str, str]]:
        """An optional list of text values, each with its own key path."""
        if not self.has(key):
            return []
        value = self.raw(key)
        if not isinstance(value, list):
            _fail(self.where(key), f"expected a list of text, got {_describe(value)}")
        items: list[tuple[str, str]] = []
        for n, item in enumerate(value, 1):
            where = f"{self.where(key)}[{n}]"
            if not isinstance(item, str):
                _fail(where, f"expected text, got {_describe(item)}")
            items.append((where, item))
        return items


def _unique(path: str, value: str, seen: set[str], what: str) -> None:
    folded = normalise_name(value)
    if folded in seen:
        _fail(path, f"{what} {_describe(value)} is listed twice")
    seen.add(folded)


def parse_profile(data: Mapping[str, object]) -> Profile:
    """Check a profile mapping (as read from TOML) and build the :class:`Profile`.

    Raises:
        ProfileError: naming the key path and the problem; unknown keys are refused so
            that a misspelt key in a local file is reported rather than ignored.
    """
    root = _Table(data, "", _keys(Profile))
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
        letters=_letters(root.table("letters", LETTER_KINDS)),
        primary_category_required=root.flag("primary_category_required", False),
        signs_of_safety=root.flag("signs_of_safety", False),
        consider_reporter_referral=root.flag("consider_reporter_referral", False),
        appeals=root.flag("appeals", False),
        protective_marking=root.text("protective_marking", DEFAULT_PROTECTIVE_MARKING),
        **_release_check(root),
        authority=_authority(root.table("authority", _keys(Authority)))
        if root.has("authority")
        else None,
    )
    problem = appeal_notice_problem(profile)
    if problem is not None:
        _fail(*problem)
    return profile


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


def _letters(table: _Table) -> LetterTemplates:
    return LetterTemplates(
        **{kind: _letter(table.table(kind, _keys(LetterTemplate)), kind) for kind in LETTER_KINDS}
    )


def _letter(table: _Table, kind: str) -> LetterTemplate:
    subject = table.text("subject")
    _placeholders(
        table.where("subject"),
        subject,
        LETTER_SUBJECT_PLACEHOLDERS,
        "a subject (it may become a file name, so it must not name a child)",
    )
    if "reference" not in _placeholders(table.where("subject"), subject):
        _fail(table.where("subject"), "must include {reference}")
    body = table.text("body")
    where = table.where("body")
    used: list[str] = []
    for paragraph in template_paragraphs(body):
        names = _placeholders(where, paragraph)
        used += names
        essential = [name for name in LETTER_ESSENTIAL_PLACEHOLDERS if name in names]
        optional = sorted(LETTER_OPTIONAL_PLACEHOLDERS.intersection(names))
        if essential and optional:
            _fail(
                where,
                f"{{{optional[0]}}} shares a paragraph with {{{essential[0]}}}; a paragraph"
                f" is left out when {{{optional[0]}}} is empty, so give it a paragraph of its own",
            )
    for name in LETTER_REQUIRED_PLACEHOLDERS[kind]:
        if name not in used:
            _fail(where, f"must include {{{name}}} ({LETTER_PLACEHOLDERS[name]})")
    salutation = table.text("salutation", DEFAULT_SALUTATION)
    _placeholders(
        table.where("salutation"), salutation, LETTER_SALUTATION_PLACEHOLDERS, "a salutation"
    )
    sign_off = table.text("sign_off", DEFAULT_SIGN_OFF)
    _placeholders(table.where("sign_off"), sign_off, (), "a sign-off")
    return LetterTemplate(subject=subject, body=body, salutation=salutation, sign_off=sign_off)


def _placeholders(
    where: str, text: str, allowed: tuple[str, ...] | None = None, what: str = ""
) -> tuple[str, ...]:
    """The placeholder names ``text`` uses, each checked against the whitelist."""
    try:
        pieces = parse_template(text)
    except ValueError as exc:
        _fail(where, str(exc))
    names = tuple(piece.name for piece in pieces if isinstance(piece, Placeholder))
    for name in names:
        if name not in LETTER_PLACEHOLDERS:
            hint = difflib.get_close_matches(name, LETTER_PLACEHOLDERS, n=1)
            advice = f" (did you mean {{{hint[0]}}}?)" if hint else ""
            _fail(where, f"unknown placeholder {{{name}}}{advice}")
        if allowed is not None and name not in allowed:
            listed = ", ".join(f"{{{option}}}" for option in allowed) or "none"
            _fail(where, f"{{{name}}} cannot be used in {what}; it may use {listed}")
    return names
