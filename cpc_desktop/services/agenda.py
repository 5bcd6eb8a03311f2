"""The agenda of a conference: items added, removed, moved, renamed, and their progress.

Every public method is one unit of work with one audit event (ids only), in the same
order: the role check (a refusal is itself audited), the field rules
(:mod:`~cpc_desktop.services.checks`), the rows, the event. Refused input changes
nothing; an error is a :class:`ServiceError` with one line for the user.

A change of an item made from a screen passes ``expected``, the values it showed of the
fields it changes, and is refused with
:class:`~cpc_desktop.services.errors.EditedElsewhere` if someone else changed one of
them meanwhile (:mod:`~cpc_desktop.services.edited_fields`). Moves and removals are not
checked: a move keeps every item's content, and an item with minutes cannot be removed.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from cpc_desktop.data import models as m
from cpc_desktop.data import repository, rows
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import AgendaStatus
from cpc_desktop.services import checks as c
from cpc_desktop.services.edited_fields import Expected, refuse_if_changed
from cpc_desktop.services.errors import Conflict, NotFound
from cpc_desktop.services.meeting_clock import note_agenda
from cpc_desktop.services.parts import UNCHANGED, PartService, Unchanged, row
from cpc_desktop.services.roles import Action

__all__ = ["CUSTOM_KEY", "AgendaService"]

#: The key of an item added in the meeting is this and a number: ``custom-1``, ...
CUSTOM_KEY = "custom-"


class AgendaService(PartService):
    """The agenda use cases of one actor on one open store."""

    def _agenda(self, session: Session, conference_id: str) -> list[m.AgendaItemRow]:
        return rows.ordered(
            session, m.AgendaItemRow, m.AgendaItemRow.conference_id == conference_id
        )

    def add_agenda_item(
        self,
        ref: str,
        title: str,
        allowance_minutes: int,
        *,
        after_id: str | None = None,
        item_id: str | None = None,
        key: str | None = None,
    ) -> d.AgendaItem:
        """Add an item after ``after_id``, or at the end.

        A new item's key is ``custom-<n>``. ``item_id`` and ``key`` bring back an item
        that was removed (undo), with the id and key it had.
        """
        self._require(Action.MANAGE_AGENDA, "conference", ref)
        title = c.text(title, "$.agenda[].title")
        allowance = c.whole(allowance_minutes, "$.agenda[].allowance_minutes")
        new_id = c.new_id(item_id, "$.agenda[].id")
        if key is not None:
            key = c.text(key, "$.agenda[].key")
        with self._store.unit_of_work(self._context(Action.MANAGE_AGENDA, "agenda_item")) as w:
            conference = self._conference_row(w.session, ref)
            self._require_draft(w.session, conference.id)
            if w.session.get(m.AgendaItemRow, new_id) is not None:
                raise Conflict("that agenda item is already in this store")
            items = self._agenda(w.session, conference.id)
            at = len(items)
            if after_id is not None:
                ids = [item.id for item in items]
                if after_id not in ids:
                    raise NotFound("that agenda item is not part of this conference")
                at = ids.index(after_id) + 1
            numbers = [
                int(item.key[len(CUSTOM_KEY) :])
                for item in items
                if item.key.startswith(CUSTOM_KEY) and item.key[len(CUSTOM_KEY) :].isdigit()
            ]
            value = d.AgendaItem(
                id=new_id,
                key=key if key is not None else f"{CUSTOM_KEY}{max(numbers, default=0) + 1}",
                title=title,
                allowance_minutes=allowance,
            )
            new = m.AgendaItemRow(
                conference_id=conference.id,
                position=at,
                id=value.id,
                key=value.key,
                title=value.title,
                allowance_minutes=value.allowance_minutes,
                status=value.status,
                not_obtained_reason=None,
                **self._meta(),
            )
            items.insert(at, new)
            self._renumber(items)
            w.session.add(new)
            w.object_id = value.id
        return value

    def remove_agenda_item(self, item_id: str) -> None:
        """Remove an item that has no minutes; the others close up."""
        self._require(Action.MANAGE_AGENDA, "agenda_item", item_id)
        with self._store.unit_of_work(
            self._context(Action.MANAGE_AGENDA, "agenda_item", item_id)
        ) as w:
            item = row(w.session, m.AgendaItemRow, item_id, "agenda item")
            self._require_draft(w.session, item.conference_id)
            written = rows.entries_under(w.session, item_id)
            if written:
                raise Conflict(
                    f"“{item.title}” has {written} minute "
                    f"{'entry' if written == 1 else 'entries'}; "
                    "move or delete them before removing the item"
                )
            conference_id = item.conference_id
            self._delete_and_renumber(w.session, item, "conference_id")
            w.session.flush()
            remaining = self._agenda(w.session, conference_id)
            note_agenda(w.session, conference_id, remaining, self._clock(), self._meta())

    def move_agenda_item(self, item_id: str, new_index: int) -> tuple[d.AgendaItem, ...]:
        """Move an item to ``new_index`` (0 is the first); returns the whole agenda."""
        self._require(Action.MANAGE_AGENDA, "agenda_item", item_id)
        with self._store.unit_of_work(
            self._context(Action.MANAGE_AGENDA, "agenda_item", item_id)
        ) as w:
            item = row(w.session, m.AgendaItemRow, item_id, "agenda item")
            self._require_draft(w.session, item.conference_id)
            items = self._agenda(w.session, item.conference_id)
            index = c.whole(new_index, "$.agenda[].position", 0, len(items) - 1)
            items.remove(item)
            items.insert(index, item)
            self._renumber(items)
            w.session.flush()
            return tuple(repository.to_value(d.AgendaItem, r) for r in items)

    def set_agenda_status(
        self, item_id: str, status: AgendaStatus, *, expected: Expected = None
    ) -> tuple[d.AgendaItem, ...]:
        """Set an item's progress; making one current marks the previous current one done.

        ``expected``: ``{"status": <the status the editor saw>}``.
        """
        self._require(Action.MANAGE_AGENDA, "agenda_item", item_id)
        status = c.choice(AgendaStatus, status, "$.agenda[].status")
        with self._store.unit_of_work(
            self._context(Action.MANAGE_AGENDA, "agenda_item", item_id)
        ) as w:
            item = row(w.session, m.AgendaItemRow, item_id, "agenda item")
            self._require_draft(w.session, item.conference_id)
            _check(item, expected, {"status": status})
            items = self._agenda(w.session, item.conference_id)
            if status is AgendaStatus.CURRENT:
                for other in items:
                    if other is not item and other.status is AgendaStatus.CURRENT:
                        other.status = AgendaStatus.DONE
                        self._touch(other)
            if item.status is not status:
                item.status = status
                self._touch(item)
            note_agenda(w.session, item.conference_id, items, self._clock(), self._meta())
            w.session.flush()
            return tuple(repository.to_value(d.AgendaItem, r) for r in items)

    def update_agenda_item(
        self,
        item_id: str,
        *,
        title: str | Unchanged = UNCHANGED,
        allowance_minutes: int | Unchanged = UNCHANGED,
        not_obtained_reason: str | Unchanged | None = UNCHANGED,
        expected: Expected = None,
    ) -> d.AgendaItem:
        """Change an item's title, time allowance, or why its views were not obtained.

        A blank ``not_obtained_reason`` clears it (as ``None`` does). ``expected``: the
        values of the changed fields as the editor showed them.
        """
        self._require(Action.MANAGE_AGENDA, "agenda_item", item_id)
        changes: dict[str, object] = {}
        if not isinstance(title, Unchanged):
            changes["title"] = c.text(title, "$.agenda[].title")
        if not isinstance(allowance_minutes, Unchanged):
            changes["allowance_minutes"] = c.whole(
                allowance_minutes, "$.agenda[].allowance_minutes"
            )
        if not isinstance(not_obtained_reason, Unchanged):
            changes["not_obtained_reason"] = c.reason(
                not_obtained_reason, "$.agenda[].not_obtained_reason"
            )
        with self._store.unit_of_work(
            self._context(Action.MANAGE_AGENDA, "agenda_item", item_id)
        ) as w:
            item = row(w.session, m.AgendaItemRow, item_id, "agenda item")
            self._require_draft(w.session, item.conference_id)
            _check(item, expected, changes)
            self._apply(item, changes)
            w.session.flush()
            return repository.to_value(d.AgendaItem, item)


_FIELD_WORDS = {
    "title": "the title of an agenda item",
    "allowance_minutes": "the time allowed for “{title}”",
    "not_obtained_reason": "why views were not obtained for “{title}”",
    "status": "the progress of “{title}”",
}


def _check(item: m.AgendaItemRow, expected: Expected, changes: dict[str, object]) -> None:
    """Refuse a change of ``item`` from a screen that showed older values."""
    refuse_if_changed(
        repository.to_value(d.AgendaItem, item),
        item.row_version,
        expected,
        changes,
        lambda field: _FIELD_WORDS[field].format(title=item.title),
    )
