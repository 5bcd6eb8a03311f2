"""Outcome letters: who needs one, what is still missing, and the letter itself.

After a conference the chair writes to everyone invited (domain.md §7): the parents and
carers and anyone else with parental responsibility (invited or not), each child old
enough, the professionals, a parent who was excluded from part of the meeting, every
agency when a plan ends, and the other authority after a transfer-in conference. Each
letter states the outcome, the reasons, the lead worker and how to reach them, the next
dates and (for the family) how to complain; it cannot be written while any of these is
missing (§10 items 32 and 35).

The wording comes from the profile: a template per kind of letter (``[letters]``, see
:mod:`cpc_desktop.domain.profile`) and the nation's terminology. Templates are filled in
one pass: text put into a letter (a reason, a name) is never read again as a template,
so braces or markup in it are printed as they were typed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from cpc_desktop.domain import letter_facts as facts
from cpc_desktop.domain import transfer
from cpc_desktop.domain.conference import Child, ConferenceRecord
from cpc_desktop.domain.enums import (
    PROFESSIONAL_ROLES,
    AdministrativeEnding,
    AttendanceKind,
    ConferenceType,
    Language,
    ParticipantRole,
)
from cpc_desktop.domain.inert import BIDI_CONTROLS, isolated
from cpc_desktop.domain.labels import child_name, first_name
from cpc_desktop.domain.letter_facts import Fact, Reader
from cpc_desktop.domain.printed import LetterDocument, LetterVersion, Para
from cpc_desktop.domain.profile import LetterTemplate, Placeholder, Profile, parse_template
from cpc_desktop.domain.sides import (
    children_of,
    entitlement_problem,
    has_parental_responsibility,
    is_family_side,
)

__all__ = [
    "FAMILY_KINDS",
    "JARGON",
    "POSTED_KINDS",
    "LetterIncomplete",
    "LetterKind",
    "LetterNeed",
    "LetterRequest",
    "compose_letter",
    "jargon_terms",
    "letter_languages",
    "letters_needed",
    "missing_facts",
]


class LetterKind(StrEnum):
    """The kinds of outcome letter; the values are the profile's ``[letters]`` keys."""

    PARENT = "parent"
    CHILD = "child"
    PROFESSIONAL = "professional"
    EXCLUDED_PARENT = "excluded_parent"
    PLAN_ENDED = "plan_ended"
    TRANSFER = "transfer"


#: Letters to the family: plain words, checked for readability and jargon.
FAMILY_KINDS = frozenset({LetterKind.PARENT, LetterKind.CHILD, LetterKind.EXCLUDED_PARENT})
#: Letters that go by post, so need an address.
POSTED_KINDS = FAMILY_KINDS

_ALL = frozenset(Fact)
_DECISION_LETTER = _ALL - {Fact.AUTHORITY}
# What each kind must be able to state, and in whose words.
_FACTS: Mapping[LetterKind, frozenset[Fact]] = {
    LetterKind.PARENT: _DECISION_LETTER,
    LetterKind.CHILD: _DECISION_LETTER,
    LetterKind.EXCLUDED_PARENT: _DECISION_LETTER,
    LetterKind.PROFESSIONAL: _DECISION_LETTER - {Fact.COMPLAINTS},
    LetterKind.PLAN_ENDED: frozenset({Fact.OUTCOME, Fact.REASONS, Fact.CHAIR}),
    LetterKind.TRANSFER: _ALL - {Fact.COMPLAINTS},
}
_READERS: Mapping[LetterKind, Reader] = {
    LetterKind.PARENT: Reader.FAMILY,
    LetterKind.CHILD: Reader.FAMILY,  # Reader.CHILD when the recipient is one of the children
    LetterKind.EXCLUDED_PARENT: Reader.FAMILY,
    LetterKind.PROFESSIONAL: Reader.PROFESSIONAL,
    LetterKind.PLAN_ENDED: Reader.PROFESSIONAL,
    LetterKind.TRANSFER: Reader.PROFESSIONAL,
}
#: The line at the top of a letter in Welsh and in English, in both (Welsh first).
BILINGUAL_NOTICE = (
    "Mae'r llythyr hwn yn Gymraeg ac yn Saesneg. This letter is in Welsh and English."
)


@dataclass(frozen=True)
class LetterRequest:
    """One letter to write, with the recipient as the person exporting it confirmed them."""

    kind: LetterKind
    recipient_id: str | None  # a participant id (None for a transfer letter to an authority)
    recipient_name: str
    address: tuple[str, ...]
    large_print: bool = False
    #: The language the recipient chose (None: not known). Under a profile with a Welsh
    #: translation, None gives a letter in Welsh and in English, Welsh first; under one
    #: without, every letter is in English.
    language: Language | None = None


@dataclass(frozen=True)
class LetterNeed:
    """A letter the conference calls for. A transfer letter goes to the originating
    authority's contact (or the authority) as the record names them (domain/transfer.py);
    blank when neither is recorded."""

    kind: LetterKind
    recipient_id: str | None
    recipient_name: str


class LetterIncomplete(ValueError):
    """The record lacks facts the letter must state; ``missing`` names each one."""

    def __init__(self, missing: tuple[str, ...]) -> None:
        self.missing = missing
        super().__init__(
            "The letter cannot be written until these are recorded: " + "; ".join(missing) + "."
        )


# --------------------------------------------------------------------------- who gets one


def letters_needed(record: ConferenceRecord) -> tuple[LetterNeed, ...]:
    """The letters the conference calls for, in a fixed order.

    A parent letter for each parent or carer who was never excluded and an
    excluded-parent letter for each who was, and the same for anyone else on the family
    side with parental responsibility (a grandparent with a residence order): in every
    nation, whether or not they were invited or came, since everyone with parental
    responsibility is told the outcome; a child letter for each child taking part
    as a participant; a professional letter for each invited social worker, team manager
    or other professional; when any decision ends a plan, a plan-ended letter for each
    invited agency (the first invited professional named for it, or each professional
    with no agency), where a review made from the plan before it counts as invited
    everyone it carried from the plan's earlier conferences, so the agencies invited to
    the conference that made the plan are told; and a transfer letter after a
    transfer-in conference. Letters come grouped in that order, and in roll-call order
    within each group.
    """
    people = record.participants
    needs: list[LetterNeed] = []

    def need(kind: LetterKind, person_id: str | None, name: str) -> None:
        needs.append(LetterNeed(kind, person_id, name))

    family = [
        p
        for p in people
        if p.role in (ParticipantRole.PARENT, ParticipantRole.CARER)
        or has_parental_responsibility(p)
    ]
    excluded = {
        p.id for p in family if any(e.kind is AttendanceKind.EXCLUDED for e in p.attendance)
    }
    for person in family:
        if person.id not in excluded:
            need(LetterKind.PARENT, person.id, person.name)
    for person in family:
        if person.id in excluded:
            need(LetterKind.EXCLUDED_PARENT, person.id, person.name)
    for person in people:
        if person.role is ParticipantRole.CHILD:
            need(LetterKind.CHILD, person.id, person.name)
    professionals = [
        p for p in people if p.role in PROFESSIONAL_ROLES and p.invited and not is_family_side(p)
    ]
    for person in professionals:
        need(LetterKind.PROFESSIONAL, person.id, person.name)
    if any(d.outcome in facts.ENDING_OUTCOMES for d in record.decisions):
        # A review made from the plan before it lists everyone invited to the plan's
        # conferences since the first, whether invited to this one or not: all are told.
        carried = record.conference.previous_conference_id is not None
        told = [
            p
            for p in people
            if p.role in PROFESSIONAL_ROLES and (p.invited or carried) and not is_family_side(p)
        ]
        agencies: set[str] = set()
        for person in told:
            agency = " ".join(person.agency.split()).casefold()
            if agency and agency in agencies:
                continue
            agencies.add(agency)
            need(LetterKind.PLAN_ENDED, person.id, person.name)
    if record.conference.type is ConferenceType.TRANSFER_IN:
        need(LetterKind.TRANSFER, None, transfer.addressee(record.conference))
    return tuple(needs)


# --------------------------------------------------------------------------- what is missing


def _scope(
    record: ConferenceRecord,
    kind: LetterKind,
    child: Child | None = None,
    children: tuple[Child, ...] | None = None,
) -> tuple[facts.Subject, ...]:
    if children is None:
        children = record.children
    everyone = facts.subjects(record, children if child is None else (child,))
    if kind is LetterKind.PLAN_ENDED:
        return tuple(s for s in everyone if s.outcome in facts.ENDING_OUTCOMES)
    return everyone


def _missing(
    record: ConferenceRecord,
    profile: Profile,
    kind: LetterKind,
    child: Child | None,
    children: tuple[Child, ...] | None = None,
) -> tuple[str, ...]:
    if kind is LetterKind.PLAN_ENDED:
        nobody = "a decision that ends a plan"
    else:
        nobody = "the children the conference was about"
    scope = _scope(record, kind, child, children)
    found = facts.missing(record, profile, scope, _FACTS[kind], nobody)
    if kind is LetterKind.TRANSFER and not record.conference.transfer_from.strip():
        found = (transfer.AUTHORITY_MISSING, *found)
    return found


def missing_facts(record: ConferenceRecord, profile: Profile, kind: LetterKind) -> tuple[str, ...]:
    """What the record still lacks before a letter of this kind can be written.

    Plain-English names, e.g. "the outcome for Amy Harland" or "how to contact the lead
    social worker for Amy Harland", in the order a person would fill them in; empty when
    the letter can be written. A plan needs its lead worker, their contact details, the
    first core group date (for a new plan) and the review date; other outcomes need only
    their reasons. A child letter is checked here for every child; a letter to one of
    the children needs only that child's facts.
    """
    return _missing(record, profile, LetterKind(kind), None)


# --------------------------------------------------------------------------- the letter


def _matching_child(record: ConferenceRecord, name: str) -> Child | None:
    """The child whose full name, or (when no other child shares it) first name, is ``name``."""
    wanted = " ".join(BIDI_CONTROLS.sub("", name).split()).casefold()
    for child in record.children:
        if " ".join(BIDI_CONTROLS.sub("", child_name(child)).split()).casefold() == wanted:
            return child
    firsts = [c for c in record.children if c.given_name.strip().casefold() == wanted]
    return firsts[0] if len(firsts) == 1 else None


def _fill(pieces: tuple[str | Placeholder, ...], values: Mapping[str, tuple[str, ...]]) -> str:
    return "".join(
        piece if isinstance(piece, str) else " ".join(values[piece.name]) for piece in pieces
    )


def _body(template: LetterTemplate, values: Mapping[str, tuple[str, ...]]) -> tuple[Para, ...]:
    """The template's paragraphs filled in once; one standing alone on a placeholder gives a
    paragraph per item, and one using a placeholder with nothing to say is left out."""
    paragraphs: list[Para] = []
    for paragraph in template.paragraphs:
        pieces = parse_template(paragraph)
        names = [piece.name for piece in pieces if isinstance(piece, Placeholder)]
        if any(not values[name] for name in names):
            continue
        if len(pieces) == 1 and names:
            paragraphs.extend(Para(item) for item in values[names[0]])
        else:
            paragraphs.append(Para(_fill(pieces, values)))
    return tuple(paragraphs)


def compose_letter(
    record: ConferenceRecord,
    profile: Profile,
    request: LetterRequest,
    today: date,
    *,
    sender: tuple[str, ...] = (),
) -> LetterDocument:
    """Write one letter from the profile's template for ``request.kind``.

    A child letter to one of the conference's children (matched by name) talks to that
    child about that child alone; a child letter to anyone else talks about all the
    children in the family's words. The letter is signed by the chair; ``sender``
    (default: the local authority) heads it.

    Raises:
        ValueError: the recipient has no name, a letter sent by post has no address,
            the recipient id is not a participant, a transfer letter is asked for after
            a conference that was not a transfer-in, or a child letter would go to a
            child whose death is recorded.
        LetterIncomplete: the record lacks a fact the letter must state.
    """
    kind = LetterKind(request.kind)
    recipient = " ".join(request.recipient_name.split())
    address = tuple(line.strip() for line in request.address if line.strip())
    if not recipient:
        raise ValueError("The letter has no recipient name.")
    if kind in POSTED_KINDS and not address:
        raise ValueError(f"The letter to {recipient} has no address; confirm the address first.")
    known = {person.id: person for person in record.participants}
    if request.recipient_id is not None and request.recipient_id not in known:
        raise ValueError(f"The recipient {request.recipient_id} is not a participant.")
    person = known.get(request.recipient_id or "")
    refusal = None
    if person is not None:
        refusal = entitlement_problem(person, full=_READERS[kind] is Reader.PROFESSIONAL)
    if refusal:
        raise ValueError(refusal)
    # A letter to someone related to some of the children speaks of those children only.
    children = children_of(record, person)
    if kind is LetterKind.TRANSFER and record.conference.type is not ConferenceType.TRANSFER_IN:
        raise ValueError("A transfer letter is only written after a transfer-in conference.")
    child = _matching_child(record, recipient) if kind is LetterKind.CHILD else None
    decision = facts.subjects(record, (child,))[0].decision if child is not None else None
    if decision is not None and decision.ending is AdministrativeEnding.DIED:
        raise ValueError("The record says this child has died; no letter can be sent to them.")
    missing = _missing(record, profile, kind, child, children)
    if missing:
        raise LetterIncomplete(missing)

    reader = Reader.CHILD if child is not None else _READERS[kind]
    scope = _scope(record, kind, child, children)
    languages = letter_languages(profile, request.language)
    versions = [
        _version(
            record, profile.in_language(language), kind, scope, reader, child, recipient, today
        )
        for language in languages
    ]
    markings = dict.fromkeys(
        profile.in_language(language).protective_marking for language in languages
    )
    first = versions[0]
    words = [facts.words_for(language) for language in languages]
    authority = record.conference.local_authority.strip()
    return LetterDocument(
        marking=" / ".join(markings),
        reference=record.conference.reference,
        sender=sender or ((authority,) if authority else ()),
        recipient_name=recipient,
        recipient_address=address,
        date_text=first.date_text,
        subject=first.subject,
        salutation=first.salutation,
        paragraphs=first.paragraphs,
        sign_off=first.sign_off,
        signatory=first.signatory,
        large_print=request.large_print,
        language=first.language,
        reference_label=first.reference_label,
        other_versions=tuple(versions[1:]),
        notice=BILINGUAL_NOTICE if len(versions) > 1 else "",
        page_label=" / ".join(table.page_label for table in words),
    )


def letter_languages(profile: Profile, chosen: Language | None) -> tuple[Language, ...]:
    """The languages of a letter, in print order, to someone who chose ``chosen``.

    Under a profile with Welsh (the Welsh Language Standards): the chosen language, or
    Welsh then English when the choice is not known. Otherwise English.
    """
    if Language.WELSH not in profile.languages:
        return (Language.ENGLISH,)
    if chosen is None:
        return (Language.WELSH, Language.ENGLISH)
    return (Language(chosen),)


def _version(
    record: ConferenceRecord,
    profile: Profile,
    kind: LetterKind,
    scope: tuple[facts.Subject, ...],
    reader: Reader,
    child: Child | None,
    recipient: str,
    today: date,
) -> LetterVersion:
    """The letter's words in ``profile``'s language."""
    words = facts.words_for(profile.language)
    # Each value is isolated: a bidi control in a name cannot reorder the words after it.
    values = {
        name: tuple(isolated(value) for value in found)
        for name, found in facts.values(record, profile, scope, reader).items()
    }
    values["recipient_name"] = (isolated(recipient),)
    values["recipient_given_name"] = (first_name(child) if child else isolated(recipient),)
    template = profile.letters.for_kind(kind)
    return LetterVersion(
        language=profile.language.value,
        date_text=words.long_date(today),
        subject=_fill(parse_template(template.subject), values),
        salutation=_fill(parse_template(template.salutation), values),
        paragraphs=_body(template, values),
        sign_off=template.sign_off,
        signatory=(values["chair_name"][0], words.signatory_title),  # missing() made sure
        reference_label=words.reference_label,
    )


# --------------------------------------------------------------------------- jargon

#: Terms a family may not know, each with the pattern that finds it. Abbreviations match
#: in capitals only; phrases match in any case.
JARGON: tuple[tuple[str, str], ...] = (
    ("s47", r"\b[sS]\.?\s?47\b"),
    ("section 47", r"(?i:\bsection\s+47\b)"),
    ("s17", r"\b[sS]\.?\s?17\b"),
    ("section 17", r"(?i:\bsection\s+17\b)"),
    ("ICPC", r"\bICPCs?\b"),
    ("RCPC", r"\bRCPCs?\b"),
    ("CPC", r"\bCPCs?\b"),
    ("CPCC", r"\bCPCCs?\b"),
    ("CPPM", r"\bCPPMs?\b"),
    ("CP plan", r"\bCP\s+[pP]lans?\b"),
    ("CPP", r"\bCPPs?\b"),
    ("CIN", r"\bCIN\b"),
    ("LADO", r"\bLADO\b"),
    ("MASH", r"\bMASH\b"),
    ("IRD", r"\bIRD\b"),
    ("PLO", r"\bPLO\b"),
    ("threshold", r"(?i:\bthresholds?\b)"),
    ("strategy discussion", r"(?i:\bstrategy\s+(?:discussion|meeting)s?\b)"),
    ("core group", r"(?i:\bcore\s+groups?\b)"),
    ("contingency plan", r"(?i:\bcontingency\s+plans?\b)"),
)
_JARGON = tuple((term, re.compile(pattern)) for term, pattern in JARGON)


def _explained(text: str, match: re.Match[str]) -> bool:
    """A gloss follows in brackets or after "means", or the term is the bracketed name."""
    after = text[match.end() :]
    if re.match(r"\s*\(|\s+means\b", after):
        return True
    return text[: match.start()].endswith("(") and after.startswith(")")


def jargon_terms(text: str) -> tuple[str, ...]:
    """The terms of :data:`JARGON` that ``text`` uses without explaining them.

    A term counts as explained where some use of it is followed by an explanation in
    brackets ("core group (the family and ...)") or by "means", or where it is itself
    the bracketed short name of something written out ("... conference (ICPC)").
    """
    found: list[str] = []
    for term, pattern in _JARGON:
        uses = list(pattern.finditer(text))
        if uses and not any(_explained(text, use) for use in uses):
            found.append(term)
    return tuple(found)
