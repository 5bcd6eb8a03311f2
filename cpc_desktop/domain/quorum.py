"""Who is in the room, and whether the conference is quorate.

Presence is derived from each participant's attendance events: ``present`` or
``arrived`` starts it, ``left``, ``apologies`` and ``absent`` end it, and an
``excluded`` event removes the person for ``[at, until)`` (to the end of the
conference when ``until`` is empty) without changing anything else.

The quorum rule: children's social care plus at least two other agencies (or
professional groups) with direct contact with the child or family, counting only
professionals present at the instant asked about. How agency names group (for
example all health services as one agency) comes from the profile, as a mapping
or a function from agency name to group key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from cpc_desktop.domain.conference import ConferenceRecord, Participant
from cpc_desktop.domain.enums import PROFESSIONAL_ROLES, AttendanceKind
from cpc_desktop.domain.profile import Quorum
from cpc_desktop.domain.sides import is_family_side

#: What children's social care is called where a profile does not name it.
CSC_NAME = "children's social care"

#: Maps an agency name to its group key, or ``None`` when it belongs to no agency.
GroupOf = Callable[[str], str | None]

_STARTS_PRESENCE = frozenset({AttendanceKind.PRESENT, AttendanceKind.ARRIVED})
_ENDS_PRESENCE = frozenset({AttendanceKind.LEFT, AttendanceKind.APOLOGIES, AttendanceKind.ABSENT})


def excluded_at(participant: Participant, instant: datetime) -> bool:
    """Return whether ``participant`` is inside an exclusion window at ``instant``."""
    return any(
        event.kind is AttendanceKind.EXCLUDED
        and event.at <= instant
        and (event.until is None or instant < event.until)
        for event in participant.attendance
    )


def present_at(participant: Participant, instant: datetime) -> bool:
    """Return whether ``participant`` is in the conference at ``instant``.

    The latest presence event at or before ``instant`` decides (events at the same
    moment apply in their recorded order); an exclusion window overrides it.
    """
    if excluded_at(participant, instant):
        return False
    present = False
    for event in sorted(participant.attendance, key=lambda e: e.at):
        if event.at > instant:
            break
        if event.kind in _STARTS_PRESENCE:
            present = True
        elif event.kind in _ENDS_PRESENCE:
            present = False
    return present


def agency_grouping(groups: Mapping[str, str]) -> GroupOf:
    """Turn a profile's ``{agency name: group key}`` table into a :data:`GroupOf`.

    Names match ignoring case and surrounding or repeated spaces. An agency not in
    the table is a group of its own; a blank agency belongs to no group.
    """
    table = {_normalise(name): key for name, key in groups.items()}

    def group_of(agency: str) -> str | None:
        tidy = " ".join(agency.split())
        if not tidy:
            return None
        return table.get(tidy.casefold(), tidy)

    return group_of


@dataclass(frozen=True)
class QuorumResult:
    """Whether a conference is quorate at one instant.

    Attributes:
        quorate: children's social care and enough other agencies are present.
        csc_present: a children's social care professional is present.
        other_groups: the other agency groups present with direct contact, sorted.
        missing: an English sentence saying what is lacking; empty when quorate.
        csc_name: children's social care in the profile's words, for running text
            ("social work services" in Scotland, "children's services" in Wales).
    """

    quorate: bool
    csc_present: bool
    other_groups: tuple[str, ...]
    missing: str
    csc_name: str = CSC_NAME


def quorum_at(
    participants: Iterable[Participant],
    instant: datetime,
    *,
    grouping: GroupOf | Mapping[str, str],
    csc_group: str,
    min_other_groups: int = 2,
    label_of: Callable[[str], str] | None = None,
    csc_name: str = CSC_NAME,
) -> QuorumResult:
    """Decide quorum among the professionals present at ``instant``.

    Args:
        participants: everyone recorded for the conference.
        instant: the moment to judge (timezone-aware, like the attendance events).
        grouping: agency name to group key, as a function or a mapping (see
            :func:`agency_grouping`).
        csc_group: the group key that means children's social care.
        min_other_groups: how many other groups with direct contact are needed.
        label_of: how the group of an agency (given its name as typed) is named in
            the result; by default the group itself.
        csc_name: how children's social care is named in running text.

    Only professionals count: a person on the family's side (a parent's solicitor or
    advocate, or anyone the chair has put on that side) never does, whatever the role.
    """
    group_of = agency_grouping(grouping) if isinstance(grouping, Mapping) else grouping
    csc_key = _normalise(csc_group)
    csc_present = False
    others: dict[str, str] = {}
    for person in participants:
        if person.role not in PROFESSIONAL_ROLES or is_family_side(person):
            continue
        if not present_at(person, instant):
            continue
        group = group_of(person.agency)
        if group is None:
            continue
        key = _normalise(group)
        if key == csc_key:
            csc_present = True
        elif person.direct_contact:
            others.setdefault(key, group if label_of is None else label_of(person.agency))
    other_groups = tuple(sorted(others.values(), key=str.casefold))
    enough_others = len(other_groups) >= min_other_groups
    reasons = []
    if not csc_present:
        reasons.append(f"{csc_name[:1].upper()}{csc_name[1:]} is not present.")
    if not enough_others:
        reasons.append(_shortfall(other_groups, min_other_groups))
    return QuorumResult(
        quorate=csc_present and enough_others,
        csc_present=csc_present,
        other_groups=other_groups,
        missing=" ".join(reasons),
        csc_name=csc_name,
    )


def record_quorum(record: ConferenceRecord, rule: Quorum, instant: datetime) -> QuorumResult:
    """Quorum of ``record`` at ``instant`` under its profile's rule (``profile.quorum``).

    The one place the profile's agency groups, children's social care group and
    minimum are put to :func:`quorum_at`: the rule check at the decision, the decision
    wizard and the roll call's indicator all ask this.
    """
    return quorum_at(
        record.participants,
        instant,
        grouping=rule.group_of,
        csc_group=rule.csc_group,
        min_other_groups=rule.min_other_agencies,
        label_of=lambda agency: rule.directory.match(agency).label,
        csc_name=csc_name(rule),
    )


def csc_name(rule: Quorum) -> str:
    """Children's social care as the profile names it, for running text: its listed
    agency's name ("Social work services" → "social work services"; a name starting
    with capitals, like "HSC Trust children's social work", is kept)."""
    name = next((a.name for a in rule.agencies if a.group == rule.csc_group), "")
    if not name:
        return CSC_NAME
    return name if name[1:2].isupper() else name[:1].lower() + name[1:]


def _shortfall(present: tuple[str, ...], needed: int) -> str:
    need = f"at least {needed} {'is' if needed == 1 else 'are'} needed"
    if not present:
        return f"No other agency with direct contact with the family is present; {need}."
    count = len(present)
    verb = "agency is" if count == 1 else "agencies are"
    return (
        f"Only {count} other {verb} present with direct contact with the family "
        f"({', '.join(present)}); {need}."
    )


def _normalise(name: str) -> str:
    return " ".join(name.split()).casefold()
