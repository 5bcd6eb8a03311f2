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
from enum import StrEnum

from cpc_desktop.domain.conference import Child, ConferenceRecord, Decision, Participant
from cpc_desktop.domain.dates import long_date
from cpc_desktop.domain.enums import AdministrativeEnding, ConferenceType, Outcome, ParticipantRole
from cpc_desktop.domain.labels import child_name, first_name
from cpc_desktop.domain.profile import Profile, template_paragraphs
from cpc_desktop.domain.reporter import letter_items, missing_referrals

#: Outcomes after which the plan's meetings go ahead (so their dates are stated).
PLAN_OUTCOMES = frozenset({Outcome.CP_PLAN, Outcome.CIN_PLAN})
#: Outcomes that end a plan.
ENDING_OUTCOMES = frozenset({Outcome.END_PLAN, Outcome.ADMINISTRATIVE_END})


class Reader(StrEnum):
    """Who reads the letter, which decides how its facts are worded."""

    FAMILY = "family"  # a parent or carer: first names, everyday words
    CHILD = "child"  # the one child the letter is to: "you"
    PROFESSIONAL = "professional"  # full names, categories, brief


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
    """``a``, ``a and b``, ``a, b and c``."""
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


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


def _reason(subject: Subject, name: str = "") -> str:
    """The recorded reason, led by the ending for an administrative ending; "" if none.

    ``name`` is what to call the child in the ending ("you" in a letter to the child).
    """
    decision = subject.decision
    if decision is None:
        return ""
    ending = ""
    if decision.outcome is Outcome.ADMINISTRATIVE_END and decision.ending is not None:
        when = "" if decision.ending_date is None else f" on {long_date(decision.ending_date)}"
        who = name or first_name(subject.child)
        what, then = _ENDINGS[decision.ending]
        ending = _sentence(f"{who} {what}{when}{then}.")
    return " ".join(part for part in (ending, decision.reason.strip()) if part)


# What happened, then what follows the date (if any).
_ENDINGS: Mapping[AdministrativeEnding, tuple[str, str]] = {
    AdministrativeEnding.TURNED_18: ("turned 18", ""),
    AdministrativeEnding.MOVED_AUTHORITY: (
        "moved to live in another area",
        ", and that area took over the plan",
    ),
    AdministrativeEnding.DIED: ("died", ""),
    AdministrativeEnding.LEFT_UK: ("moved to live outside the UK", ""),
}


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
    refer = profile.consider_reporter_referral  # Scotland: the Children's Reporter
    found += missing_referrals(refer, [(child_name(s.child), s.decision) for s in scope])
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

    def name(self, child: Child) -> str:
        if self.reader is Reader.CHILD:
            return "you"
        return child_name(child) if self.reader is Reader.PROFESSIONAL else first_name(child)

    def names(self, scope: Iterable[Subject]) -> str:
        return join([self.name(subject.child) for subject in scope])

    def outcome(self, subject: Subject, outcome: Outcome) -> str:
        terms = self.profile.terminology
        name = self.name(subject.child)
        possessive = "your" if self.reader is Reader.CHILD else f"{name}'s"
        plan = terms.plan_name
        the_plan = "the plan" if plan.casefold() in terms.registered_phrase.casefold() else None
        decision = subject.decision
        died = decision is not None and decision.ending is AdministrativeEnding.DIED
        be = "are" if self.reader is Reader.CHILD else "is"
        still_registered = (
            "" if died else f" {_sentence(name)} {be} no longer {terms.registered_phrase}."
        )
        table = _OUTCOMES[self.reader]
        # The wordings are constants; names and terms are only ever arguments.
        return table.get(outcome, table[Outcome.END_PLAN]).format(
            name=name,
            Name=_sentence(name),
            Possessive=_sentence(possessive),
            now="still" if self.review else "now",
            plan=plan,
            The_plan=_sentence(the_plan or f"a {plan}"),
            support=terms.support_plan_name,
            registered=terms.registered_phrase,
            still_registered=still_registered,
        )


# Wording of each outcome for each reader. END_PLAN's wording serves both endings.
_OUTCOMES: Mapping[Reader, Mapping[Outcome, str]] = {
    Reader.FAMILY: {
        Outcome.CP_PLAN: "{Name} is {now} {registered}. {The_plan} will set out how everyone"
        " will help to keep {name} safe and well.",
        Outcome.CIN_PLAN: "{Name} does not need a {plan}. Instead, {name} will have a"
        " {support}, so that the family keeps getting help.",
        Outcome.NO_FURTHER_ACTION: "{Name} does not need a {plan}, and no other plan is"
        " needed at the moment.",
        Outcome.ADJOURN: "The meeting has not yet made a decision about {name}. It will meet"
        " again to decide.",
        Outcome.END_PLAN: "{Possessive} {plan} has ended.{still_registered}",
    },
    Reader.CHILD: {
        Outcome.CP_PLAN: "You are {now} {registered}. {The_plan} will set out how the adults"
        " around you will help to keep you safe and well.",
        Outcome.CIN_PLAN: "You do not need a {plan}. Instead, you will have a {support}, so"
        " that you and your family keep getting help.",
        Outcome.NO_FURTHER_ACTION: "You do not need a {plan}. We do not need to make any"
        " other plan for you right now.",
        Outcome.ADJOURN: "We have not decided yet. We will meet again soon to decide.",
        Outcome.END_PLAN: "Your {plan} has ended.{still_registered}",
    },
    Reader.PROFESSIONAL: {
        Outcome.CP_PLAN: "{Name} is {now} {registered}.",
        Outcome.CIN_PLAN: "{Name} does not need a {plan}; a {support} will be put in place.",
        Outcome.NO_FURTHER_ACTION: "{Name} does not need a {plan}; no further action is needed.",
        Outcome.ADJOURN: "No decision was made about {name}: the meeting was adjourned and"
        " will reconvene.",
        Outcome.END_PLAN: "{Possessive} {plan} has ended.{still_registered}",
    },
}


def _groups(pairs: Iterable[tuple[str, Subject]]) -> list[tuple[str, list[Subject]]]:
    """Subjects grouped by a text, in the order each text first appears."""
    groups: dict[str, list[Subject]] = {}
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
        "conference_date": one(long_date(conference.date)),
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
        "reporter_referral": letter_items(
            profile.consider_reporter_referral,
            [(words.name(s.child), s.decision) for s in scope],
            words.reader,
            join,
        ),
    }


def _for(words: _Words, group: Sequence[Subject], several: bool) -> str:
    """``"About Kai and Lily: "`` (or ``"Kai Harland: "``) when the letter is about several."""
    if not several:
        return ""
    names = words.names(group)
    return f"{names}: " if words.reader is Reader.PROFESSIONAL else f"About {names}: "


def _reasons(words: _Words, scope: Sequence[Subject]) -> tuple[str, ...]:
    groups = _groups((_reason(s, words.name(s.child)), s) for s in scope if _reason(s))
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
        name = words.name(subject.child)
        if len(labels) == 1:
            items.append(f"The {terms.category_singular} for {name} is {labels[0]}.")
            continue
        main = ""
        if decision.primary_category in decision.categories:
            main = f" The main {terms.category_singular} is "
            main += f"{_category(profile, decision.primary_category)}."
        items.append(f"The {terms.category_plural} for {name} are {join(labels)}.{main}")
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
    return (join([f"{name} (for {words.names(group)})" for name, group in groups]),)


def _contacts(words: _Words, scope: Sequence[Subject]) -> tuple[str, ...]:
    groups = _groups(
        (s.decision.lead_social_worker_contact.strip(), s)
        for s in scope
        if s.decision is not None and s.decision.lead_social_worker_contact.strip()
    )
    if len(groups) == 1:
        return (groups[0][0],)
    return tuple(
        f"For {words.names(group)}: {contact}{'' if contact.endswith(('.', '!', '?')) else '.'}"
        for contact, group in groups
    )


def _next_dates(words: _Words, scope: Sequence[Subject]) -> tuple[str, ...]:
    terms = words.profile.terminology
    core = terms.core_group_name
    core_groups = _groups(
        (long_date(s.decision.first_core_group_date), s)
        for s in scope
        if s.decision is not None
        and s.outcome in PLAN_OUTCOMES
        and s.decision.first_core_group_date is not None
    )
    reviews = _groups(
        (long_date(s.decision.review_date), s)
        for s in scope
        if s.decision is not None
        and s.outcome in PLAN_OUTCOMES
        and s.decision.review_date is not None
    )
    items: list[str] = []
    for when, group in core_groups:
        names = words.names(group)
        items.append(
            {
                Reader.FAMILY: f"The first {core} meeting for {names} will be on {when}.",
                Reader.CHILD: f"The people helping with your plan will first meet on {when}.",
                Reader.PROFESSIONAL: f"First {core} meeting for {names}: {when}.",
            }[words.reader]
        )
    for when, group in reviews:
        names = words.names(group)
        items.append(
            {
                Reader.FAMILY: f"There will be a review meeting for {names} on {when}, to look"
                " at how things are going.",
                Reader.CHILD: f"There will be another meeting about you on {when}, to see how"
                " things are going.",
                Reader.PROFESSIONAL: f"Review {terms.meeting_name} for {names}: {when}.",
            }[words.reader]
        )
    if core_groups and words.reader is Reader.FAMILY:
        items.append(
            f"The {core} (your family and the workers who help with the plan) meets"
            " often to check that the plan is working."
        )
    return tuple(items)
