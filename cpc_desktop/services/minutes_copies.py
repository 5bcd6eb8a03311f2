"""Who may receive which copy of the minutes: the checks made before any copy is made.

A full copy is refused for someone on the family's side, and a copy that would show a
person's private details to someone who may not see them is refused (disclosure.md).
"""

from __future__ import annotations

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import CopyKind
from cpc_desktop.domain.inert import isolated
from cpc_desktop.domain.minutes_document import BuiltMinutes, MinutesCopy
from cpc_desktop.domain.private_details import find_leaks, leak_message, minutes_places
from cpc_desktop.domain.sides import entitlement_problem
from cpc_desktop.services.errors import ServiceError


def check_entitled(record: d.ConferenceRecord, which: MinutesCopy) -> None:
    """Refuse a full copy made for someone on the family side."""
    for person in record.participants:
        if person.id == which.recipient_id:
            refusal = entitlement_problem(person, full=which.copy is CopyKind.FULL)
            if refusal:
                raise ServiceError(refusal)


def check_private_details(
    record: d.ConferenceRecord, which: MinutesCopy, built: BuiltMinutes
) -> None:
    """Refuse a copy that would show someone's private details to a person who may not
    see them (a family copy; a full copy for someone a person asked be kept from them).
    A full copy for no one in particular is the professionals' record: not searched."""
    family = which.copy is CopyKind.FAMILY
    if not family and which.recipient_id is None:
        return
    recipient = next((p for p in record.participants if p.id == which.recipient_id), None)
    places = minutes_places(built.document)
    leaks = find_leaks(record, recipient, places, family=family)
    if leaks:
        who = f"This copy for {isolated(recipient.name)}" if recipient else "This family copy"
        raise ServiceError(leak_message(who, leaks[0]))


def recipient_name(record: d.ConferenceRecord, recipient_id: str | None) -> str:
    for person in record.participants:
        if person.id == recipient_id:
            return person.name
    return ""
