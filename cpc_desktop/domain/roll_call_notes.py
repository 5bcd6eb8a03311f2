"""What a nation's rules ask of the roll call beyond the quorum: plain warnings.

Under Wales (domain.md §11; market.md, "Welsh Language Standards"):

* every person with parental responsibility for a child of the conference must be
  invited: one line for each who was not;
* each person's language choice must be asked and recorded: one line naming everyone
  who will be written to and has not been asked yet.

Elsewhere there are none: the fields still exist, but no rule asks for them.
"""

from __future__ import annotations

from cpc_desktop.domain.conference import ConferenceRecord, Participant
from cpc_desktop.domain.enums import Nation, ParticipantRole
from cpc_desktop.domain.inert import isolated
from cpc_desktop.domain.sides import has_parental_responsibility

__all__ = ["language_not_asked", "roll_call_notes", "uninvited_with_responsibility"]

#: People who write the record rather than receive it: never asked their language.
_WRITERS = frozenset({ParticipantRole.CHAIR, ParticipantRole.MINUTE_TAKER})


def uninvited_with_responsibility(record: ConferenceRecord) -> tuple[Participant, ...]:
    """Family-side people with parental responsibility who were not invited."""
    return tuple(p for p in record.participants if has_parental_responsibility(p) and not p.invited)


def language_not_asked(record: ConferenceRecord) -> tuple[Participant, ...]:
    """Everyone written to whose language choice is not recorded, in roll-call order."""
    return tuple(p for p in record.participants if p.role not in _WRITERS and p.language is None)


def _names(people: tuple[Participant, ...]) -> str:
    names = [isolated(p.name.strip() or "someone unnamed") for p in people]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def roll_call_notes(record: ConferenceRecord, nation: Nation) -> tuple[str, ...]:
    """The warnings ``nation``'s rules give about ``record``'s roll call, one a line."""
    if nation is not Nation.WALES:
        return ()
    lines = [
        f"{isolated(p.name.strip() or 'Someone')} has parental responsibility and must be "
        "invited (Wales)."
        for p in uninvited_with_responsibility(record)
    ]
    unasked = language_not_asked(record)
    if unasked:
        lines.append(
            f"Language choice not asked yet (Welsh Language Standards): {_names(unasked)}."
        )
    return tuple(lines)
