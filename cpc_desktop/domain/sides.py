"""Which side each participant is on, and what that entitles them to receive.

Every participant is on the family side or the professional side (disclosure.md, "Who
is on which side"). The role implies a side; the chair may put a person on the other
side with a recorded reason (``Participant.side`` and ``side_reason``). An advocate or
interpreter is there for the family even when the local authority engaged them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from cpc_desktop.domain.conference import Child, ConferenceRecord, Participant
from cpc_desktop.domain.enums import FAMILY_ROLES, ParticipantRole, Side
from cpc_desktop.domain.inert import isolated

#: Roles on the family side unless the chair records otherwise.
FAMILY_SIDE_ROLES = FAMILY_ROLES | {
    ParticipantRole.ADVOCATE,
    ParticipantRole.SUPPORTER,
    ParticipantRole.INTERPRETER,
}


def side_for_role(role: ParticipantRole) -> Side:
    """The side a role implies."""
    return Side.FAMILY if role in FAMILY_SIDE_ROLES else Side.PROFESSIONAL


def side_of(participant: Participant) -> Side:
    """The side ``participant`` is on: as recorded, else as the role implies."""
    return participant.side or side_for_role(participant.role)


def is_family_side(participant: Participant) -> bool:
    """Whether ``participant`` may receive only family copies made for them."""
    return side_of(participant) is Side.FAMILY


def has_parental_responsibility(participant: Participant) -> bool:
    """Whether ``participant`` is recorded with parental responsibility where it counts:
    on the family side, and not one of the conference's children. Such a person is
    always told the outcome (a parent letter, a family copy), invited or not."""
    return (
        participant.parental_responsibility
        and participant.role is not ParticipantRole.CHILD
        and is_family_side(participant)
    )


def family_side(record: ConferenceRecord) -> tuple[Participant, ...]:
    """The family-side participants, in roll-call order."""
    return tuple(p for p in record.participants if is_family_side(p))


def children_of(record: ConferenceRecord, participant: Participant | None) -> tuple[Child, ...]:
    """The children whose matters ``participant``'s copy carries, in the record's order.

    Everyone's copy carries every child unless the person is related to some children
    only (``child_ids``), as when siblings have different parents. ``None`` (a family
    copy for no one in particular) carries every child.
    """
    if participant is None or not participant.child_ids:
        return record.children
    wanted = set(participant.child_ids)
    return tuple(child for child in record.children if child.id in wanted)


def related_child_ids(people: Iterable[Participant]) -> frozenset[str]:
    """Every child id any of ``people`` is limited to (empty when none is limited)."""
    return frozenset(child for person in people for child in person.child_ids)


def family_copy_children(
    record: ConferenceRecord, recipient: Participant | None
) -> tuple[Child, ...]:
    """The children a family copy for ``recipient`` may speak of, in the record's order.

    A copy for one person carries their own children (:func:`children_of`). A copy for
    no one in particular must be safe for any family-side person, so it carries only the
    children every one of them is related to.
    """
    if recipient is not None:
        return children_of(record, recipient)
    wanted = {child.id for child in record.children}
    for person in family_side(record):
        wanted &= {child.id for child in children_of(record, person)}
    return tuple(child for child in record.children if child.id in wanted)


def entitlement_problem(participant: Participant, *, full: bool) -> str | None:
    """Why ``participant`` may not receive a full copy (``full``), or ``None`` if they may."""
    if full and is_family_side(participant):
        return (
            f"{isolated(participant.name)} is on the family side, so may receive only "
            "a family copy."
        )
    return None


def for_children(record: ConferenceRecord, recipient: Participant | None) -> ConferenceRecord:
    """``record`` as a family copy for ``recipient`` may speak of it: only the children
    of :func:`family_copy_children` (their details, decisions, plans, core groups and
    next dates)."""
    children = family_copy_children(record, recipient)
    if len(children) == len(record.children):
        return record
    kept = {child.id for child in children}
    return replace(
        record,
        children=children,
        decisions=tuple(d for d in record.decisions if d.child_id in kept),
    )
