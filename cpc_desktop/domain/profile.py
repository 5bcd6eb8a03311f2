"""Jurisdiction profiles: the rules and wording that differ between nations and authorities.

A profile says what the meeting is called, which categories of harm (or, in Scotland,
concerns) may be recorded, how timescales are counted, who makes a conference quorate,
the agenda for each type of conference, the statements the chair reads out, and where
the family can complain (design.md §4), and the templates of the outcome letters.

Profiles are written as TOML (``resources/profiles/*.toml``) and may be adjusted by a
local file. This module holds the profile's model; :mod:`cpc_desktop.domain.profile_reader` turns an
already-parsed mapping into a checked, immutable :class:`Profile`, and reading files is
the job of ``cpc_desktop.services.profiles``.

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

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import NamedTuple

from cpc_desktop.domain.agencies import GROUP_KINDS, AgencyKind, Directory, DirectoryEntry
from cpc_desktop.domain.enums import (
    ConferenceType,
    DayUnit,
    Division,
    Language,
    Nation,
    StrategyAnchor,
)
from cpc_desktop.domain.profile_records import ComplaintTimescales, RetentionRule

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
    "reporter_referral": "whether each child is referred to the Children's Reporter, and why",
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
#: when no plan is made, no categories without a plan, a blank authority name, no
#: Children's Reporter outside Scotland). A paragraph that uses one of them is left out
#: of a letter when it is empty.
LETTER_OPTIONAL_PLACEHOLDERS = frozenset(
    {
        "lead_worker_name",
        "lead_worker_contact",
        "next_dates",
        "categories",
        "local_authority",
        "reporter_referral",
    }
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
    #: The multi-agency discussion that starts an enquiry and the clock for an initial
    #: conference; Scotland's is the inter-agency referral discussion.
    strategy_discussion_name: str = "strategy discussion"
    #: Who makes the decision for each child (Wales: the practitioners, not the chair).
    decision_maker: str = "the chair, having heard the views of everyone taking part"


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
    #: A plan made for an unborn baby is first reviewed within this many months, if the
    #: profile says (Scotland: about three); otherwise as any first review.
    pre_birth_first_review_months: int | None = None


@dataclass(frozen=True)
class Agency:
    """An agency offered in completion lists and counted towards quorum by its group."""

    name: str
    group: str  # agencies sharing a group count once towards quorum
    childrens_social_care: bool = False
    counts_for_quorum: bool = True  # False for e.g. legal advisers with no direct contact
    kind: AgencyKind | None = None  # None: the group's usual kind (agencies.GROUP_KINDS)
    also: tuple[str, ...] = ()  # other names and abbreviations it goes by

    def entry(self) -> DirectoryEntry:
        """This agency as the name matcher sees it."""
        kind = self.kind or GROUP_KINDS.get(self.group, AgencyKind.OTHER)
        if self.childrens_social_care:
            kind = AgencyKind.CHILDRENS_SOCIAL_CARE
        counts = self.counts_for_quorum and kind is not AgencyKind.LEGAL
        return DirectoryEntry(self.name, self.group, kind, counts, self.also)


@dataclass(frozen=True)
class Quorum:
    """Children's social care plus ``min_other_agencies`` other groups make a quorum."""

    csc_group: str
    min_other_agencies: int
    agencies: tuple[Agency, ...]

    @cached_property
    def directory(self) -> Directory:
        """The agencies as a directory that matches typed names (see :mod:`.agencies`)."""
        return Directory(agency.entry() for agency in self.agencies)

    def agency(self, name: str) -> Agency | None:
        """The listed agency a typed name means (its name, another name, or a listed
        name within it), if any."""
        entry = self.directory.match(name).entry
        if entry is None:
            return None
        return next(a for a in self.agencies if a.name == entry.name)

    def group_of(self, agency_name: str) -> str | None:
        """The quorum group an agency counts in, or ``None`` if it does not count.

        Matched as :meth:`.agencies.Directory.match` says: a listed agency counts in
        its group unless it does not count for quorum (legal advisers); an unlisted
        name counts in its kind's group, or on its own; a blank name counts nowhere.
        Fits ``grouping`` of :func:`cpc_desktop.domain.quorum.quorum_at`.
        """
        return self.directory.match(agency_name).group


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
class Authority:
    """The local authority (or Trust) that holds the conferences, as its documents name it.

    Attributes:
        name: "Fenbridge County Council".
        service: the team that runs conferences, under the name on letters.
        address: the postal address, one line each.
        telephone: the service's telephone number ("" if none is given).
        email: the service's email address ("" if none is given).
    """

    name: str
    service: str
    address: tuple[str, ...]
    telephone: str = ""
    email: str = ""

    #: The name and service in other languages, from ``[translations.<code>.authority]``.
    translated: tuple[tuple[Language, str, str], ...] = ()

    def letterhead(self, languages: tuple[Language, ...] = (Language.ENGLISH,)) -> tuple[str, ...]:
        """The lines at the head of a letter: name, service, address, then contacts.

        In several languages (a bilingual letter), each line that differs reads
        "Welsh / English" in the order of ``languages``.
        """
        words = {Language.ENGLISH: (self.name, self.service)}
        words |= {language: (name, service) for language, name, service in self.translated}

        def line(pick: int) -> str:
            said = (words.get(language, words[Language.ENGLISH])[pick] for language in languages)
            return " / ".join(dict.fromkeys(said))

        def label(pick: int) -> str:
            return " / ".join(
                dict.fromkeys(CONTACT_LABELS[language][pick] for language in languages)
            )

        contacts = [f"{label(0)} {self.telephone}"] if self.telephone else []
        contacts += [f"{label(1)} {self.email}"] if self.email else []
        return (line(0), line(1), *self.address, *contacts)


#: How a letterhead labels the telephone number and the email address, in each language.
CONTACT_LABELS: Mapping[Language, tuple[str, str]] = {
    Language.ENGLISH: ("Telephone", "Email"),
    Language.WELSH: ("Ffôn", "E-bost"),
}


class AgendaTitle(NamedTuple):
    """An agenda item's title in a translation; ``conference_type`` is "" for every agenda
    the key is used in, else the type whose agenda this title is for."""

    key: str
    title: str
    conference_type: str = ""


@dataclass(frozen=True)
class Translation:
    """A profile's words in another language (``[translations.<code>]``).

    Every word a letter or an agenda prints: the terminology, the complaints route, the
    marking, every letter template, every category label and every agenda title.
    """

    language: Language
    terminology: Terminology
    complaints_route: str
    protective_marking: str
    letters: LetterTemplates
    categories: tuple[Category, ...]
    agenda_titles: tuple[AgendaTitle, ...]

    def agenda_title(self, conference_type: ConferenceType, item: AgendaItem) -> str:
        """The title of ``item`` on the agenda of ``conference_type`` in this language."""
        found = {(t.conference_type, t.key): t.title for t in self.agenda_titles}
        return found.get((conference_type.value, item.key), found.get(("", item.key), item.title))


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
    #: Northern Ireland: a parent may appeal against the decision; it is recorded after
    #: the conference, and every family letter gives written notice of the right.
    appeals: bool = False
    protective_marking: str = DEFAULT_PROTECTIVE_MARKING
    #: A second person checks each family copy and family letter before it is released,
    #: unless the authority turns it off and records why.
    release_check: bool = True
    release_check_off_reason: str = ""
    #: How quickly a complaint is acknowledged and answered (``[complaints]``).
    complaints: ComplaintTimescales = field(default_factory=ComplaintTimescales)
    #: How long a conference's record is kept (``[retention]``).
    retention: RetentionRule = field(default_factory=RetentionRule)
    #: The authority's own details, from its local settings file (none in a shipped
    #: nation's profile).
    authority: Authority | None = None
    #: The language the words above are in, and the other languages the profile has.
    language: Language = Language.ENGLISH
    translations: tuple[Translation, ...] = ()
    #: The English profile a translated one was made from (None for the English).
    english: Profile | None = field(default=None, repr=False, compare=False)

    @property
    def languages(self) -> tuple[Language, ...]:
        """The languages this profile can write in: English, then each translation's."""
        return (Language.ENGLISH, *(t.language for t in self.translations))

    def in_language(self, language: Language) -> Profile:
        """This profile with its words in ``language`` (as it is for English).

        Raises:
            KeyError: the profile has no translation into ``language``.
        """
        language = Language(language)
        if language is self.language:
            return self
        if self.english is not None:
            return self.english.in_language(language)
        translation = next((t for t in self.translations if t.language is language), None)
        if translation is None:
            raise KeyError(language.value)
        labels = {category.key: category.label for category in translation.categories}
        agendas = {
            kind.value: tuple(
                replace(item, title=translation.agenda_title(kind, item))
                for item in self.agenda.for_type(kind)
            )
            for kind in ConferenceType
        }
        return replace(
            self,
            language=language,
            terminology=translation.terminology,
            complaints_route=translation.complaints_route,
            protective_marking=translation.protective_marking,
            letters=translation.letters,
            categories=tuple(Category(c.key, labels.get(c.key, c.label)) for c in self.categories),
            agenda=Agendas(**agendas),
            english=self,
        )

    def category_label(self, key: str) -> str:
        """The label of the category with this key; ``KeyError`` if there is none."""
        for category in self.categories:
            if category.key == key:
                return category.label
        raise KeyError(key)

    @property
    def category_keys(self) -> tuple[str, ...]:
        return tuple(category.key for category in self.categories)


def normalise_name(name: str) -> str:
    """A name as compared: white space collapsed, case folded."""
    return " ".join(name.split()).casefold()
