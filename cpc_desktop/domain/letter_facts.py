"""The facts an outcome letter states, and the words each kind of reader gets them in.

:mod:`cpc_desktop.domain.letters` chooses the template and the reader; this module finds
the facts in the conference record (the decision for each child, its reasons, the lead
worker, the next dates) and words each one for a family, for the child the letter is to,
or for a professional. Every wording uses the profile's terminology, so the plan, the
register and the meetings are called what the nation calls them.

Each placeholder's value is a tuple of items: one sentence or paragraph each, or none
when there is nothing to say (for example no next dates when no plan was made).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TypeVar

from cpc_desktop.domain import letter_words_cy, letter_words_en
from cpc_desktop.domain.conference import Child, ConferenceRecord, Decision, Participant
from cpc_desktop.domain.enums import (
    AdministrativeEnding,
    ConferenceType,
    Language,
    Outcome,
    ParticipantRole,
)
from cpc_desktop.domain.labels import child_name, first_name
from cpc_desktop.domain.letter_words import LetterWords
from cpc_desktop.domain.letter_words import Reader as Reader
from cpc_desktop.domain.profile import Profile, template_paragraphs

#: The fixed wordings in each language a letter can be written in.
WORDINGS: Mapping[Language, LetterWords] = {
    Language.ENGLISH: letter_words_en.WORDS,
    Language.WELSH: letter_words_cy.WORDS,
}


def words_for(language: Language) -> LetterWords:
    """The fixed wordings of a letter in ``language``."""
    return WORDINGS[Language(language)]


#: Outcomes after which the plan's meetings go ahead (so their dates are stated).
PLAN_OUTCOMES = frozenset({Outcome.CP_PLAN, Outcome.CIN_PLAN})
#: Outcomes that end a plan.
ENDING_OUTCOMES = frozenset({Outcome.END_PLAN, Outcome.ADMINISTRATIVE_END})


class Fact(StrEnum):
    """A fact a kind of letter must be able to state."""

    OUTCOME = "outcome"
    REASONS = "reasons"
    LEAD_WORKER = "lead_worker"
    CONTACT = "contact"
    NEXT_DATES = "next_dates"
    COMPLAINTS = "complaints"
    CHAIR = "chair"
    AUTHORITY = "authority"


@dataclass(frozen=True)
class Subject:
    """A child the letter is about, with the decision about them (if any)."""

    child: Child
    decision: Decision | None

    @property
    def outcome(self) -> Outcome | None:
        return None if self.decision is None else self.decision.outcome


def join(words: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c`` (in English; each language's is its wordings')."""
    return letter_words_en.join(words)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def subjects(record: ConferenceRecord, children: Iterable[Child]) -> tuple[Subject, ...]:
    """Each child with its decision; where a child has several, the last one counts."""
    decisions = {decision.child_id: decision for decision in record.decisions}
    return tuple(Subject(child, decisions.get(child.id)) for child in children)


def chair(record: ConferenceRecord) -> Participant | None:
    """The first participant recorded as the chair, with a name."""
    for person in record.participants:
        if person.role is ParticipantRole.CHAIR and person.name.strip():
            return person
    return None


def _lead_worker(record: ConferenceRecord, decision: Decision | None) -> str:
    """The lead worker's name, or "" when none is recorded (or the id is unknown)."""
    wanted = None if decision is None else decision.lead_social_worker_id
    for person in record.participants:
        if wanted is not None and person.id == wanted:
            return person.name.strip()
    return ""


def _reason(subject: Subject, words: _Words | None = None) -> str:
    """The recorded reason, led by the ending for an administrative ending; "" if none.

    The ending is worded for ``words``' reader ("you turned 18" to the child), in
    English when ``words`` is not given (to check that there is something to say).
    """
    decision = subject.decision
    if decision is None:
        return ""
    ending = ""
    if decision.outcome is Outcome.ADMINISTRATIVE_END and decision.ending is not None:
        table = words.table if words is not None else letter_words_en.WORDS
        day = decision.ending_date
        about, to_child = table.endings[decision.ending]
        name = words.name(subject.child) if words is not None else first_name(subject.child)
        to_reader = words is not None and words.reader is Reader.CHILD
        ending = (to_child if to_reader else about).format(
            name=name, Name=_sentence(name), when="" if day is None else table.on_day(day)
        )
    return " ".join(part for part in (ending, decision.reason.strip()) if part)


# --------------------------------------------------------------------------- missing facts


def missing(
    record: ConferenceRecord,
    profile: Profile,
    scope: Sequence[Subject],
    facts: frozenset[Fact],
    nobody: str,
) -> tuple[str, ...]:
    """Plain-English names of the facts in ``facts`` that the record lacks for ``scope``.

    ``nobody`` names what is missing when ``scope`` is empty.
    """
    terms = profile.terminology
    lead = terms.lead_worker_title
    found: list[str] = [] if scope else [nobody]
    for subject in scope:
        name = child_name(subject.child)
        decision = subject.decision
        outcome = subject.outcome
        if decision is None or outcome is None:
            found.append(f"the outcome for {name}")
            continue
        if Fact.REASONS in facts and not _reason(subject):
            found.append(f"the reasons for the decision about {name}")
        if outcome is not Outcome.CP_PLAN:
            continue
        if Fact.LEAD_WORKER in facts and not _lead_worker(record, decision):
            found.append(f"the {lead} for {name}")
        if Fact.CONTACT in facts and not decision.lead_social_worker_contact.strip():
            found.append(f"how to contact the {lead} for {name}")
        if Fact.NEXT_DATES in facts:
            new_plan = record.conference.type is not ConferenceType.REVIEW
            if new_plan and decision.first_core_group_date is None:
                found.append(f"the date of the first {terms.core_group_name} meeting for {name}")
            if decision.review_date is None:
                found.append(f"the date of the next review for {name}")
    if Fact.COMPLAINTS in facts and not profile.complaints_route.strip():
        found.append("how to complain (the profile's complaints route)")
    if Fact.CHAIR in facts and chair(record) is None:
        found.append("the chair's name")
    if Fact.AUTHORITY in facts and not record.conference.local_authority.strip():
        found.append("the name of the local authority")
    return tuple(found)


# --------------------------------------------------------------------------- wording


@dataclass(frozen=True)
class _Words:
    reader: Reader
    profile: Profile
    review: bool  # the conference is a review, so a continuing plan is "still" in place

    @property
    def table(self) -> LetterWords:
        return words_for(self.profile.language)

    def name(self, child: Child) -> str:
        if self.reader is Reader.CHILD and self.table.you is not None:
            return self.table.you
        return child_name(child) if self.reader is Reader.PROFESSIONAL else first_name(child)

    def names(self, scope: Iterable[Subject]) -> str:
        return self.table.join([self.name(subject.child) for subject in scope], False)

    def date(self, day: date | None) -> str:
        return "" if day is None else self.table.long_date(day)

    def outcome(self, subject: Subject, outcome: Outcome) -> str:
        terms = self.profile.terminology
        table = self.table
        name = self.name(subject.child)
        to_child = self.reader is Reader.CHILD
        possessive = table.possessive[to_child].format(name=name)
        plan = terms.plan_name
        the_plan = "the plan" if plan.casefold() in terms.registered_phrase.casefold() else None
        decision = subject.decision
        died = decision is not None and decision.ending is AdministrativeEnding.DIED
        still_registered = table.no_longer_registered[to_child].format(
            name=name, Name=_sentence(name), registered=terms.registered_phrase
        )
        wordings = table.outcomes[self.reader]
        # The wordings are constants; names and terms are only ever arguments.
        return wordings.get(outcome, wordings[Outcome.END_PLAN]).format(
            name=name,
            Name=_sentence(name),
            Possessive=_sentence(possessive),
            now=table.now[self.review],
            plan=plan,
            The_plan=_sentence(the_plan or f"a {plan}"),
            support=terms.support_plan_name,
            registered=terms.registered_phrase,
            still_registered="" if died else still_registered,
        )


_K = TypeVar("_K", str, date)


def _groups(pairs: Iterable[tuple[_K, Subject]]) -> list[tuple[_K, list[Subject]]]:
    """Subjects grouped by a text (or date), in the order each first appears."""
    groups: dict[_K, list[Subject]] = {}
    for text, subject in pairs:
        groups.setdefault(text, []).append(subject)
    return list(groups.items())


def values(
    record: ConferenceRecord,
    profile: Profile,
    scope: Sequence[Subject],
    reader: Reader,
) -> dict[str, tuple[str, ...]]:
    """The value of every placeholder for a letter about ``scope`` to a ``reader``.

    The recipient's placeholders are left to the caller. Facts the record lacks give no
    items (check them first with :func:`missing`).
    """
    conference = record.conference
    terms = profile.terminology
    words = _Words(reader, profile, conference.type is ConferenceType.REVIEW)
    decided = [(subject, subject.outcome) for subject in scope if subject.outcome is not None]
    person = chair(record)

    def one(text: str) -> tuple[str, ...]:
        return (text,) if text.strip() else ()

    return {
        "reference": one(conference.reference),
        "meeting_name": one(terms.meeting_name),
        "meeting_abbreviation": one(terms.meeting_abbreviation),
        "conference_date": one(words.date(conference.date)),
        "local_authority": one(conference.local_authority.strip()),
        "chair_name": () if person is None else one(person.name.strip()),
        "children_names": one(words.names(scope)),
        "children_outcomes": tuple(words.outcome(s, outcome) for s, outcome in decided),
        "reasons": _reasons(words, scope),
        "categories": _categories(words, scope),
        "lead_worker_title": one(terms.lead_worker_title),
        "lead_worker_name": _lead_workers(record, words, scope),
        "lead_worker_contact": _contacts(words, scope),
        "next_dates": _next_dates(words, scope),
        "complaints_route": template_paragraphs(profile.complaints_route),
        "plan_name": one(terms.plan_name),
        "support_plan_name": one(terms.support_plan_name),
        "register_name": one(terms.register_name),
        "core_group_name": one(terms.core_group_name),
    }


def _for(words: _Words, group: Sequence[Subject], several: bool) -> str:
    """``"About Kai and Lily: "`` (or ``"Kai Harland: "``) when the letter is about several."""
    if not several:
        return ""
    return words.table.about[words.reader].format(names=words.names(group))


def _reasons(words: _Words, scope: Sequence[Subject]) -> tuple[str, ...]:
    groups = _groups((_reason(s, words), s) for s in scope if _reason(s))
    return tuple(f"{_for(words, group, len(scope) > 1)}{text}" for text, group in groups)


def _categories(words: _Words, scope: Sequence[Subject]) -> tuple[str, ...]:
    profile = words.profile
    terms = profile.terminology
    items: list[str] = []
    for subject in scope:
        decision = subject.decision
        if decision is None or decision.outcome is not Outcome.CP_PLAN or not decision.categories:
            continue
        labels = [_category(profile, key) for key in decision.categories]
        table = words.table
        said = {
            "singular": terms.category_singular,
            "plural": terms.category_plural,
            "name": words.name(subject.child),
        }
        if len(labels) == 1:
            items.append(table.category_one.format(**said, label=labels[0]))
            continue
        main = ""
        if decision.primary_category in decision.categories:
            primary = _category(profile, decision.primary_category)
            main = table.category_main.format(**said, label=primary)
        items.append(
            table.categories_many.format(**said, labels=table.join(labels, True), main=main)
        )
    return tuple(items)


def _category(profile: Profile, key: str) -> str:
    try:
        label = profile.category_label(key)
    except KeyError:
        label = key.replace("_", " ")
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


def _lead_workers(
    record: ConferenceRecord, words: _Words, scope: Sequence[Subject]
) -> tuple[str, ...]:
    groups = _groups(
        (_lead_worker(record, s.decision), s) for s in scope if _lead_worker(record, s.decision)
    )
    if len(groups) < 2:
        return tuple(name for name, _ in groups)
    table = words.table
    return (
        table.join(
            [table.lead_worker_for.format(name=n, names=words.names(g)) for n, g in groups], False
        ),
    )


def _contacts(words: _Words, scope: Sequence[Subject]) -> tuple[str, ...]:
    groups = _groups(
        (s.decision.lead_social_worker_contact.strip(), s)
        for s in scope
        if s.decision is not None and s.decision.lead_social_worker_contact.strip()
    )
    if len(groups) == 1:
        return (groups[0][0],)
    return tuple(
        words.table.contact_for.format(names=words.names(group), contact=contact)
        + ("" if contact.endswith((".", "!", "?")) else ".")
        for contact, group in groups
    )


def _next_dates(words: _Words, scope: Sequence[Subject]) -> tuple[str, ...]:
    terms = words.profile.terminology
    table = words.table
    planned = [(s.decision, s) for s in scope if s.decision and s.outcome in PLAN_OUTCOMES]
    core_groups = _groups(
        (d.first_core_group_date, s) for d, s in planned if d.first_core_group_date is not None
    )
    reviews = _groups((d.review_date, s) for d, s in planned if d.review_date is not None)
    items: list[str] = []
    for wordings, dated in ((table.first_core_group, core_groups), (table.review, reviews)):
        for day, group in dated:
            items.append(
                wordings[words.reader].format(
                    core=terms.core_group_name,
                    meeting=terms.meeting_name,
                    names=words.names(group),
                    date=table.long_date(day),
                    on_date=table.on_date(day),
                )
            )
    if core_groups and words.reader is Reader.FAMILY:
        items.append(table.core_group_explained.format(core=terms.core_group_name))
    return tuple(items)
