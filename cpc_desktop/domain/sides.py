"""Which side of the table a participant is on: the family's, or the professionals'.

A family-side person receives the family copy of the minutes and family letters, and
what they receive is checked by a second person before it leaves (disclosure.md, "The
release check"). For now the side follows the participant's role; it will become a
side stored for each participant.
"""

from __future__ import annotations

from cpc_desktop.domain.conference import Participant
from cpc_desktop.domain.enums import FAMILY_ROLES, ParticipantRole

_ALONGSIDE_THE_FAMILY = frozenset(
    {ParticipantRole.ADVOCATE, ParticipantRole.SUPPORTER, ParticipantRole.INTERPRETER}
)


def is_family_side(participant: Participant) -> bool:
    """Whether ``participant`` is on the family's side (family, advocate, supporter,
    interpreter), so that what they are sent is checked before it is released."""
    return participant.role in FAMILY_ROLES or participant.role in _ALONGSIDE_THE_FAMILY
