"""The rows of a conference's lists in their order, and the queries the live meeting needs.

Agenda items, participants, their attendance, minute entries, actions and safety scales
each keep their place in a ``position`` column, 0 for the first. These functions read
them in order, close the gaps left by a deletion, move minute entries along to make
room, and hold the few hand-written statements of the live meeting (the one-UPDATE
autosave, the state of the minutes, what still refers to a participant).

A function that changes rows calls ``touch`` on each row it changes, so the caller
stamps who changed it and when (as :meth:`ServiceBase._touch` does).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import fields
from datetime import datetime
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session, load_only

from cpc_desktop.data import audit
from cpc_desktop.data import models as m
from cpc_desktop.data.errors import RowChanged
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import MinutesState
from cpc_desktop.domain.moments import add_moment

__all__ = [
    "PARTICIPANT_USES",
    "Touch",
    "delete_and_renumber",
    "entries_under",
    "entry_count",
    "last_entry_position",
    "minutes_state",
    "minutes_state_of_entry",
    "ordered",
    "participant_use",
    "renumber",
    "save_entry_text",
    "shift_entries",
    "unlink_actions",
]

R = TypeVar("R", bound=m.Row)
Touch = Callable[[Any], None]


# --- order ----------------------------------------------------------------------------


def ordered(session: Session, cls: type[R], *where: Any) -> list[R]:
    """The rows of ``cls`` matching ``where``, in the order of their positions."""
    column: Any = getattr(cls, "position")  # noqa: B009 - every listed row has one
    return list(session.scalars(sa.select(cls).where(*where).order_by(column)))


def renumber(rows: Iterable[Any], touch: Touch) -> None:
    """Give ``rows`` the positions 0, 1, 2, ... in the order given."""
    for position, row in enumerate(rows):
        if row.position != position:
            row.position = position
            touch(row)


def delete_and_renumber(session: Session, row: Any, parent: str, touch: Touch) -> None:
    """Delete ``row`` and close the gap in the positions of its siblings.

    The siblings are the rows of the same table sharing its ``parent`` column.
    """
    cls = type(row)
    parent_id = getattr(row, parent)
    session.delete(row)
    session.flush()
    renumber(ordered(session, cls, getattr(cls, parent) == parent_id), touch)


# --- minute entries -------------------------------------------------------------------


def entries_under(session: Session, agenda_item_id: str) -> int:
    """How many minute entries are written under the agenda item."""
    found = session.scalar(
        sa.select(sa.func.count()).where(m.MinuteEntryRow.agenda_item_id == agenda_item_id)
    )
    return found or 0


def entry_count(session: Session, conference_id: str) -> int:
    """How many minute entries the conference has."""
    found = session.scalar(
        sa.select(sa.func.count()).where(m.MinuteEntryRow.conference_id == conference_id)
    )
    assert found is not None
    return found


def last_entry_position(session: Session, conference_id: str, agenda_item_id: str) -> int | None:
    """The position of the last entry under the agenda item; ``None`` if it has none."""
    rows = m.MinuteEntryRow
    return session.scalar(
        sa.select(sa.func.max(rows.position)).where(
            rows.conference_id == conference_id, rows.agenda_item_id == agenda_item_id
        )
    )


def shift_entries(session: Session, conference_id: str, start: int, by: int, touch: Touch) -> None:
    """Move every entry of the conference at ``start`` or later ``by`` places (±1)."""
    rows = m.MinuteEntryRow
    later = session.scalars(
        sa.select(rows)
        .where(rows.conference_id == conference_id, rows.position >= start)
        .options(load_only(rows.position))
    )
    for row in later:
        row.position += by
        touch(row)


def save_entry_text(
    session: Session,
    entry_id: str,
    text: str,
    now: datetime,
    who: str,
    expected: int | None = None,
) -> tuple[d.MinuteEntry, int] | None:
    """Replace an entry's text and record the moment in its history (``changes``, by
    :func:`~cpc_desktop.domain.moments.add_moment`): a read of its history and version by
    key, then one UPDATE that raises the version. A ruling to show the entry to someone
    excluded while it was written (``shown_to``) covered the text as it was, so it is
    asked again. The entry as saved and its new version; ``None`` if not found.

    ``expected`` is the version the text was written from: if the entry is at another
    version, :class:`~cpc_desktop.data.errors.RowChanged` is raised and nothing changes.

    Core statements (not the ORM): the audit is told of the row here.
    """
    table = m.Base.metadata.tables[m.MinuteEntryRow.__tablename__]
    stored = session.execute(
        sa.select(table.c.changes, table.c.row_version).where(table.c.id == entry_id)
    ).one_or_none()
    if stored is None:
        return None
    spans, version = stored
    if expected is not None and version != expected:
        raise RowChanged("the entry was changed elsewhere; nothing was saved", version)
    returned = [table.c[f.name] for f in fields(d.MinuteEntry) if f.name != "text"]
    found = session.execute(
        sa.update(table)
        .where(table.c.id == entry_id, table.c.row_version == version)
        .values(
            text=text,
            updated_at=now,
            changes=add_moment(spans, now),
            shown_to=[],  # a ruling to show the entry covered it as it was
            row_updated_at=now,
            row_updated_by=who,
            row_version=version + 1,
        )
        .returning(*returned)
    ).one_or_none()
    if found is None:
        raise RowChanged("the entry was changed elsewhere; nothing was saved", None)
    audit.mark_touched(session, table.name, entry_id)
    values: dict[str, Any] = {
        k: tuple(v) if isinstance(v, list) else v for k, v in found._asdict().items()
    }
    return d.MinuteEntry(text=text, **values), version + 1


def unlink_actions(session: Session, entry_id: str, touch: Touch) -> None:
    """Actions noted from the entry lose the link (row by row, so the audit sees it)."""
    for action in session.scalars(
        sa.select(m.ConferenceActionRow).where(m.ConferenceActionRow.minute_entry_id == entry_id)
    ):
        action.minute_entry_id = None
        touch(action)


# --- the minutes ----------------------------------------------------------------------


def _state(session: Session, conference_id: Any) -> MinutesState | None:
    versions = m.MinutesVersionRow
    return session.scalar(
        sa.select(versions.state)
        .where(versions.conference_id == conference_id)
        .order_by(versions.position.desc())
        .limit(1)
    )


def minutes_state(session: Session, conference_id: str) -> MinutesState | None:
    """The state of the conference's current minutes version; ``None`` before the first."""
    return _state(session, conference_id)


def minutes_state_of_entry(session: Session, entry_id: str) -> MinutesState | None:
    """:func:`minutes_state` of the conference an entry belongs to, in one statement."""
    table = m.MinuteEntryRow
    owner = sa.select(table.conference_id).where(table.id == entry_id).scalar_subquery()
    return _state(session, owner)


# --- participants ---------------------------------------------------------------------

#: What may still refer to a participant, in the order :func:`participant_use` looks.
PARTICIPANT_USES = (
    "spoke",
    "view",
    "dissent",
    "lead_social_worker",
    "safety_scale",
    "letter",
    "sent",
    "appeal",
    "core_group",
)


def participant_use(session: Session, row: m.ParticipantRow) -> str | None:
    """The first of :data:`PARTICIPANT_USES` that refers to the participant, if any."""
    pid = row.id
    columns: tuple[tuple[Any, str], ...] = (
        (m.MinuteEntryRow.speaker_id, "spoke"),
        (m.AgencyViewRow.participant_id, "view"),
        (m.DissentRow.participant_id, "dissent"),
        (m.DecisionRow.lead_social_worker_id, "lead_social_worker"),
        (m.SafetyScaleRow.participant_id, "safety_scale"),
        (m.LetterRow.recipient_id, "letter"),
        (m.DistributionRow.participant_id, "sent"),
        (m.AppealRow.appellant_id, "appeal"),
    )
    for column, use in columns:
        if session.scalar(sa.select(sa.func.count()).where(column == pid)):
            return use
    core_groups = session.scalars(
        sa.select(m.DecisionRow.core_group).where(m.DecisionRow.conference_id == row.conference_id)
    )
    if any(pid in members for members in core_groups):
        return "core_group"
    return None
