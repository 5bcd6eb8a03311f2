"""Jurisdiction profiles: the rules and wording that differ between nations and authorities.

A profile says what the meeting is called, which categories of harm (or, in Scotland,
concerns) may be recorded, how timescales are counted, who makes a conference quorate,
the agenda for each type of conference, the statements the chair reads out, and where
the family can complain (design.md §4), and the templates of the outcome letters.

Profiles are written as TOML (``resources/profiles/*.toml``) and may be adjusted by a
local file. This module only turns an already-parsed mapping into a checked, immutable
:class:`Profile`; reading files is the job of ``cpc_desktop.services.profiles``.

Every problem is reported as a :class:`ProfileError` whose one-line message starts with
the path of the offending key, e.g. ``timescales.minutes_days: expected a whole number of
days, got 'x'``. Items of a list are numbered from 1, as a person counts them in the file:
``quorum.agencies[3].group`` is the group of the third ``[[quorum.agencies]]`` table.

Letter templates (``[letters.<kind>]``) are plain text with placeholders in braces from
:data:`LETTER_PLACEHOLDERS`, e.g. ``{conference_date}``; ``{{`` and ``}}`` stand for a
brace itself. Each kind of letter must use the placeholders that carry the facts it has
to state (:data:`LETTER_REQUIRED_PLACEHOLDERS`), and a subject (which may become a file
name) may use only placeholders that never name a child.
"""

from __future__ import annotations

import copy
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any, NamedTuple, NoReturn, TypeVar

from cpc_desktop.domain.enums import ConferenceType, DayUnit, Division, Nation

DEFAULT_PROTECTIVE_MARKING = "OFFICIAL-SENSITIVE"

#: The statements a chair may read out; agenda items refer to them by these keys.
STATEMENT_KEYS = ("purpose", "confidentiality", "equality", "professional_difference")

#: Agenda item keys every template must have: the minutes need these headings.
REQUIRED_AGENDA_KEYS = ("childs_views", "parents_views", "decision")

#: The kinds of outcome letter; ``[letters]`` holds one template for each.
LETTER_KINDS = ("parent", "child", "professional", "excluded_parent", "plan_ended", "transfer")

#: Every placeholder a letter template may use, and what it stands for.
LETTER_PLACEHOLDERS: Mapping[str, str] = {
    "recipient_name": "the name of the person or body the letter is to",
    "recipient_given_name": "a child's first name in a letter to that child, else the name",
    "reference": "the conference reference",
    "meeting_name": "the name of the meeting (terminology.meeting_name)",
    "meeting_abbreviation": "the short name of the meeting (terminology.meeting_abbreviation)",
    "conference_date": "the date of the conference, e.g. Monday 7 December 2026",
    "local_authority": "the authority that held the conference",
    "chair_name": "the chair's name",
    "children_names": "the names of the children the letter is about",
    "children_outcomes": "the decision for each child",
    "reasons": "the reasons for the decisions",
    "categories": "the categories (or areas of concern) of each child with a plan",
    "lead_worker_title": "the title of the lead worker (terminology.lead_worker_title)",
    "lead_worker_name": "the lead worker's name",
    "lead_worker_contact": "how to contact the lead worker",
    "next_dates": "the dates of the first core group meeting and of the review",
    "complaints_route": "how to complain (complaints_route)",
    "plan_name": "terminology.plan_name",
    "support_plan_name": "terminology.support_plan_name",
    "register_name": "terminology.register_name",
    "core_group_name": "terminology.core_group_name",
}

_FAMILY_FACTS = (
    "children_outcomes",
    "reasons",
    "lead_worker_name",
    "lead_worker_contact",
    "next_dates",
    "complaints_route",
)

#: The placeholders each kind of letter must use: the facts it has to state.
LETTER_REQUIRED_PLACEHOLDERS: Mapping[str, tuple[str, ...]] = {
    "parent": _FAMILY_FACTS,
    "child": _FAMILY_FACTS,
    "excluded_parent": _FAMILY_FACTS,
    "professional": _FAMILY_FACTS[:-1],
    "plan_ended": ("children_outcomes", "reasons"),
    "transfer": (*_FAMILY_FACTS[:-1], "local_authority"),
}

#: Placeholders that have nothing to say for some conferences (no lead worker or dates
#: when no plan is made, no categories without a plan, a blank authority name). A
#: paragraph that uses one of them is left out of a letter when it is empty.
LETTER_OPTIONAL_PLACEHOLDERS = frozenset(
    {"lead_worker_name", "lead_worker_contact", "next_dates", "categories", "local_authority"}
)

#: Placeholders whose paragraph must never be left out, so may not share one with an
#: optional placeholder.
LETTER_ESSENTIAL_PLACEHOLDERS = ("children_outcomes", "reasons", "complaints_route")

#: What a subject may use: it may become a file name, so it must never name a child.
LETTER_SUBJECT_PLACEHOLDERS = (
    "reference",
    "meeting_name",
    "meeting_abbreviation",
    "conference_date",
    "plan_name",
    "support_plan_name",
    "register_name",
)

#: What a salutation may use.
LETTER_SALUTATION_PLACEHOLDERS = ("recipient_name", "recipient_given_name")

DEFAULT_SALUTATION = "Dear {recipient_name},"
DEFAULT_SIGN_OFF = "Yours sincerely,"

#: The bank-holiday division that goes with each nation.
NATION_DIVISIONS: Mapping[Nation, Division] = {
    Nation.ENGLAND: Division.ENGLAND_AND_WALES,
    Nation.WALES: Division.ENGLAND_AND_WALES,
    Nation.SCOTLAND: Division.SCOTLAND,
    Nation.NORTHERN_IRELAND: Division.NORTHERN_IRELAND,
}


class ProfileError(ValueError):
    """A profile is missing a value, or holds one that cannot be used.

    The message is a single line, ``<key path>: <problem>``, fit to show to the person
    who maintains the profile file.
    """


class StrategyAnchor(StrEnum):
    """Which strategy discussion starts the clock for an initial conference."""

    INITIATED = "initiated"  # the discussion at which the enquiry was started
    LAST = "last"  # the most recent discussion


class Category(NamedTuple):
    """A category of harm (or a Scottish area of concern): a stable key and its label."""

    key: str
    label: str


@dataclass(frozen=True)
class Terminology:
    """The words a nation or authority uses for the meeting, the plan and the people."""

    meeting_name: str  # "Child Protection Conference"
    meeting_abbreviation: str  # "CPC"
    plan_name: str  # "child protection plan"
    support_plan_name: str  # the plan when the threshold is not met: "child in need plan"
    register_name: str  # the list or register a child's name is recorded on
    registered_phrase: str  # completes "the child is ...": "subject to a child protection plan"
    lead_worker_title: str  # "lead social worker"
    core_group_name: str  # "core group"
    category_singular: str  # "category" / Scotland "concern"
    category_plural: str  # "categories" / Scotland "concerns"


@dataclass(frozen=True)
class Timescales:
    """Deadlines. Counts of days are in ``unit``; months, weeks and hours are literal.

    Exactly one of ``first_review_months`` and ``first_review_days`` is set; the
    latter counts calendar days whatever ``unit`` says (e.g. 90 in place of 3 months).
    """

    unit: DayUnit
    initial_conference_days: int  # from the strategy discussion (see strategy_anchor)
    first_review_months: int | None
    first_review_days: int | None
    later_review_months: int
    first_core_group_days: int  # after the initial conference
    transfer_in_days: int  # after written notice from the originating authority
    reconvene_days: int  # after an inquorate conference
    decision_letter_days: int  # after the conference
    minutes_days: int  # full minutes, after the conference
    report_shared_before_initial_days: int  # social work report shared with the family
    report_shared_before_review_days: int
    pre_birth_earliest_week: int  # week of pregnancy before which no conference is held
    pre_birth_latest_week: int  # a pre-birth conference is held by this week
    pre_birth_no_plan_before_week: int | None  # no plan is made before this week, if set
    post_birth_review_days: int  # after the birth, or the usual first review if sooner
    dissent_hours: int  # for a professional to raise formal dissent
    strategy_anchor: StrategyAnchor


@dataclass(frozen=True)
class Agency:
    """An agency offered in completion lists and counted towards quorum by its group."""

    name: str
    group: str  # agencies sharing a group count once towards quorum
    childrens_social_care: bool = False
    counts_for_quorum: bool = True  # False for e.g. legal advisers with no direct contact


@dataclass(frozen=True)
class Quorum:
    """Children's social care plus ``min_other_agencies`` other groups make a quorum."""

    csc_group: str
    min_other_agencies: int
    agencies: tuple[Agency, ...]

    def agency(self, name: str) -> Agency | None:
        """The listed agency with this name (ignoring case and extra spaces), if any."""
        wanted = _normalise(name)
        for agency in self.agencies:
            if _normalise(agency.name) == wanted:
                return agency
        return None

    def group_of(self, agency_name: str) -> str | None:
        """The quorum group an agency counts in, or ``None`` if it does not count.

        A listed agency counts in its group unless ``counts_for_quorum`` is false. A
        name that is not listed (typed in by hand) is a group of its own; a blank name
        belongs to no group. Fits ``grouping`` of :func:`cpc_desktop.domain.quorum.quorum_at`.
        """
        tidy = " ".join(agency_name.split())
        if not tidy:
            return None
        agency = self.agency(tidy)
        if agency is None:
            return tidy
        return agency.group if agency.counts_for_quorum else None


@dataclass(frozen=True)
class AgendaItem:
    """One item of an agenda template."""

    key: str  # stable: other parts find "childs_views" or "decision" by it
    title: str
    minutes: int  # time allowance
    statements: tuple[str, ...] = ()  # keys of STATEMENT_KEYS to read at this item


@dataclass(frozen=True)
class Agendas:
    """An agenda template for each type of conference."""

    initial: tuple[AgendaItem, ...]
    review: tuple[AgendaItem, ...]
    transfer_in: tuple[AgendaItem, ...]
    pre_birth: tuple[AgendaItem, ...]

    def for_type(self, conference_type: ConferenceType) -> tuple[AgendaItem, ...]:
        items: tuple[AgendaItem, ...] = getattr(self, ConferenceType(conference_type).value)
        return items


@dataclass(frozen=True)
class Statements:
    """Boilerplate the chair reads out; the chair may edit it for a conference."""

    purpose: str
    confidentiality: str
    equality: str
    professional_difference: str

    def text(self, key: str) -> str:
        """The statement with this key (one of ``STATEMENT_KEYS``)."""
        if key not in STATEMENT_KEYS:
            raise KeyError(key)
        text: str = getattr(self, key)
        return text


class Placeholder(NamedTuple):
    """A ``{name}`` in a letter template."""

    name: str


_TEMPLATE_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_BLANK_LINE = re.compile(r"\n\s*\n")


def parse_template(text: str) -> tuple[str | Placeholder, ...]:
    """Split template text into literal text and placeholders, in order.

    ``{{`` and ``}}`` are literal braces. Nothing is checked against the whitelist here.

    Raises:
        ValueError: a brace that opens or closes nothing.
    """
    pieces: list[str | Placeholder] = []
    literal: list[str] = []
    position = 0
    for match in _TEMPLATE_TOKEN.finditer(text):
        literal.append(text[position : match.start()])
        position = match.end()
        token = match.group(0)
        if token in ("{{", "}}"):
            literal.append(token[0])
        elif match.group(1) is not None:
            pieces.append("".join(literal))
            literal = []
            pieces.append(Placeholder(match.group(1)))
        else:
            raise ValueError(f"unmatched '{token}' (write '{token}{token}' for a brace)")
    literal.append(text[position:])
    pieces.append("".join(literal))
    return tuple(piece for piece in pieces if piece != "")


def template_paragraphs(body: str) -> tuple[str, ...]:
    """The paragraphs of a template body: split at blank lines, each on one line."""
    return tuple(
        " ".join(paragraph.split()) for paragraph in _BLANK_LINE.split(body) if paragraph.strip()
    )


@dataclass(frozen=True)
class LetterTemplate:
    """The wording of one kind of outcome letter; see :data:`LETTER_PLACEHOLDERS`."""

    subject: str
    body: str  # paragraphs separated by blank lines
    salutation: str = DEFAULT_SALUTATION
    sign_off: str = DEFAULT_SIGN_OFF

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return template_paragraphs(self.body)


@dataclass(frozen=True)
class LetterTemplates:
    """A template for each kind of outcome letter (:data:`LETTER_KINDS`)."""

    parent: LetterTemplate
    child: LetterTemplate
    professional: LetterTemplate
    excluded_parent: LetterTemplate
    plan_ended: LetterTemplate
    transfer: LetterTemplate

    def for_kind(self, kind: str) -> LetterTemplate:
        """The template for ``kind`` (one of :data:`LETTER_KINDS`)."""
        if kind not in LETTER_KINDS:
            raise KeyError(kind)
        template: LetterTemplate = getattr(self, kind)
        return template


@dataclass(frozen=True)
class Profile:
    """Everything that differs between jurisdictions, checked and immutable."""

    id: str
    name: str
    nation: Nation
    division: Division
    terminology: Terminology
    categories: tuple[Category, ...]
    timescales: Timescales
    quorum: Quorum
    agenda: Agendas
    statements: Statements
    complaints_route: str
    letters: LetterTemplates
    primary_category_required: bool = False
    signs_of_safety: bool = False
    consider_reporter_referral: bool = False  # Scotland: the meeting considers the Reporter
    protective_marking: str = DEFAULT_PROTECTIVE_MARKING

    def category_label(self, key: str) -> str:
        """The label of the category with this key; ``KeyError`` if there is none."""
        for category in self.categories:
            if category.key == key:
                return category.label
        raise KeyError(key)

    @property
    def category_keys(self) -> tuple[str, ...]:
        return tuple(category.key for category in self.categories)


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


def _normalise(name: str) -> str:
    return " ".join(name.split()).casefold()


def _unique(path: str, value: str, seen: set[str], what: str) -> None:
    folded = _normalise(value)
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
    return Profile(
        id=profile_id,
        name=root.text("name"),
        nation=nation,
        division=division,
        terminology=_terminology(root.table("terminology", _keys(Terminology))),
        categories=_categories(root),
        timescales=_timescales(root.table("timescales", _keys(Timescales))),
        quorum=_quorum(root.table("quorum", _keys(Quorum))),
        agenda=_agendas(root.table("agenda", _keys(Agendas))),
        statements=_statements(root.table("statements", _keys(Statements))),
        complaints_route=root.text("complaints_route"),
        letters=_letters(root.table("letters", LETTER_KINDS)),
        primary_category_required=root.flag("primary_category_required", False),
        signs_of_safety=root.flag("signs_of_safety", False),
        consider_reporter_referral=root.flag("consider_reporter_referral", False),
        protective_marking=root.text("protective_marking", DEFAULT_PROTECTIVE_MARKING),
    )


def _terminology(table: _Table) -> Terminology:
    return Terminology(**{f.name: table.text(f.name) for f in fields(Terminology)})


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
    )


def _quorum(table: _Table) -> Quorum:
    csc_group = table.key("csc_group")
    min_other = table.whole("min_other_agencies", "agencies", 0, 20)
    seen: set[str] = set()
    agencies: list[Agency] = []
    for item in table.tables("agencies", _keys(Agency), "agency", "agencies"):
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
        agencies.append(Agency(name, group, is_csc, counts))
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
