"""What the owners of a conference's parts share: row look-ups, renumbering, UNCHANGED.

The agenda (:mod:`~cpc_desktop.services.agenda`), the roll call
(:mod:`~cpc_desktop.services.roll_call`), the minute entries
(:mod:`~cpc_desktop.services.minute_entries`) and what is noted in the meeting
(:mod:`~cpc_desktop.services.meeting_notes`) each own their part; this module holds only
what every one of them needs, and no use case of its own.

Optional keyword arguments of the ``update_*`` methods default to :data:`UNCHANGED`;
pass a value (``None`` included, where the field allows it) to change that field.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any, Final, TypeVar

from sqlalchemy.orm import Session

from cpc_desktop.data import models as m
from cpc_desktop.data import rows
from cpc_desktop.services.base import ServiceBase
from cpc_desktop.services.errors import NotFound

__all__ = ["UNCHANGED", "PartService", "Unchanged", "own", "row"]

R = TypeVar("R", bound=m.Row)


class Unchanged(enum.Enum):
    """The type of :data:`UNCHANGED`: "leave this field as it is"."""

    UNCHANGED = "unchanged"


UNCHANGED: Final = Unchanged.UNCHANGED


def row(session: Session, cls: type[R], row_id: str, what: str) -> R:
    """The row ``row_id`` of ``cls``; :class:`NotFound` ("no <what> ...") if there is none."""
    found = session.get(cls, row_id)
    if found is None:
        raise NotFound(f"no {what} {row_id} in this store")
    return found


def own(session: Session, cls: type[R], row_id: str, conference_id: str, what: str) -> R:
    """A row that must belong to the conference (an agenda item, a participant ...)."""
    found = session.get(cls, row_id)
    if found is None or getattr(found, "conference_id", None) != conference_id:
        raise NotFound(f"that {what} is not part of this conference")
    return found


class PartService(ServiceBase):
    """A service owning one part of a conference: the plumbing its use cases share."""

    def _conference_row(self, session: Session, ref: str) -> m.ConferenceRow:
        found = session.get(m.ConferenceRow, self._conference_id(session, ref))
        assert found is not None
        return found

    def _apply(self, row: m.Row, changes: dict[str, object]) -> None:
        """Set each changed column; the row is touched only if something differs."""
        changed = False
        for name, value in changes.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
                changed = True
        if changed:
            self._touch(row)

    def _renumber(self, listed: Iterable[Any]) -> None:
        """Give ``listed`` the positions 0, 1, 2, ... in the order given."""
        rows.renumber(listed, self._touch)

    def _delete_and_renumber(self, session: Session, row: Any, parent: str) -> None:
        """Delete ``row`` and close the gap among the rows sharing its ``parent``."""
        rows.delete_and_renumber(session, row, parent, self._touch)
