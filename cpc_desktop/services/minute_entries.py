"""Minute entries: written, autosaved, changed, deleted and brought back (undo).

Minute text is never written to the audit log: each event holds ids and row hashes
only. Autosaves go through :attr:`MinuteEntryService.text_writer`, a worker thread on
a connection of its own, each save checked and audited as :meth:`save_text` is. Once
the current version of the minutes is approved or issued, no entry changes until the
chair reopens them or opens a corrected version.

Every public method is one unit of work with one audit event, in the same order: the
role check (a refusal is itself audited), the field rules
(:mod:`~cpc_desktop.services.checks`), the rows, the event. Refused input changes
nothing; an error is a :class:`ServiceError` with one line for the user.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from cpc_desktop.data import models as m
from cpc_desktop.data import repository, rows
from cpc_desktop.data.errors import RowChanged
from cpc_desktop.data.store import Store
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import AnalysisSection, Tag
from cpc_desktop.domain.moments import add_moment
from cpc_desktop.services import checks as c
from cpc_desktop.services.base import Clock, require_draft
from cpc_desktop.services.edit_bases import EditBases
from cpc_desktop.services.errors import Conflict, EditedElsewhere, NotFound
from cpc_desktop.services.parts import UNCHANGED, PartService, Unchanged, own, row
from cpc_desktop.services.roles import Action, Actor
from cpc_desktop.services.rules import RuleBook
from cpc_desktop.services.text_writer import TextWriter

__all__ = ["MinuteEntryService"]


class MinuteEntryService(PartService):
    """The minute-taking use cases of one actor on one open store."""

    def __init__(
        self,
        store: Store,
        actor: Actor,
        clock: Clock,
        rules: RuleBook | None = None,
        bases: EditBases | None = None,
    ) -> None:
        super().__init__(store, actor, clock, rules)
        self._text_writer: TextWriter | None = None
        # The version of each entry this editor read (entry()) or wrote: a change made
        # from an older one is refused, never written over (see edit_bases.py).
        self._bases = EditBases() if bases is None else bases

    @property
    def text_writer(self) -> TextWriter:
        """Autosaves off the GUI thread: :meth:`save_text` on a worker's own connection.

        One writer (one thread, one connection) per service, made on first use; it
        closes with the store, after writing what it was given. Each save is checked
        and audited as :meth:`save_text` is.
        """
        if self._text_writer is None:
            actor, clock, rules, bases = self._actor, self._clock, self._rules, self._bases
            self._text_writer = TextWriter(
                self._store, lambda side: MinuteEntryService(side, actor, clock, rules, bases)
            )
        return self._text_writer

    # --- writing -------------------------------------------------------------------

    def add_entry(
        self,
        ref: str,
        agenda_item_id: str,
        text: str = "",
        *,
        speaker_id: str | None = None,
        tag: Tag | None = None,
        restricted: bool = False,
        section: AnalysisSection | None = None,
        index: int | None = None,
    ) -> d.MinuteEntry:
        """Add a minute entry under an agenda item.

        ``index`` puts it at that place among all the conference's minutes (0 is the
        first; the rest move down). Without it the entry follows the last entry of the
        same agenda item, or goes at the end when the item has none yet.
        """
        self._require(Action.WRITE_MINUTES, "conference", ref)
        now = self._clock()
        entry = d.MinuteEntry(
            id=m.new_id(),
            agenda_item_id=agenda_item_id,
            text=text,
            author=self._actor.name,
            created_at=now,
            updated_at=now,
            speaker_id=speaker_id,
            tag=tag,
            restricted=restricted,
            section=section,
            changes=((now, now),),
        )
        return self._insert_entry(ref, entry, None, index)

    def restore_entry(
        self,
        ref: str,
        entry: d.MinuteEntry,
        *,
        after_id: str | None = None,
        index: int | None = None,
    ) -> d.MinuteEntry:
        """Bring back a deleted entry as it was (same id, author and times), for undo.

        It goes straight after the entry ``after_id``; failing that at ``index``; failing
        both where :meth:`add_entry` would put a new entry of its agenda item. Actions
        that pointed at it before it was deleted stay unlinked.
        """
        self._require(Action.WRITE_MINUTES, "conference", ref)
        if not isinstance(entry, d.MinuteEntry):
            raise c.refuse("$.minutes[]", "must be a minute entry")
        c.new_id(entry.id, "$.minutes[].id")
        c.instant(entry.created_at, "$.minutes[].created_at")
        c.instant(entry.updated_at, "$.minutes[].updated_at")
        c.text(entry.author, "$.minutes[].author")
        return self._insert_entry(ref, entry, after_id, index)

    def _insert_entry(
        self, ref: str, entry: d.MinuteEntry, after_id: str | None, index: int | None
    ) -> d.MinuteEntry:
        entry = dataclasses.replace(
            entry,
            text=c.text(entry.text, "$.minutes[].text"),
            tag=c.maybe_choice(Tag, entry.tag, "$.minutes[].tag"),
            section=c.maybe_choice(AnalysisSection, entry.section, "$.minutes[].section"),
            restricted=c.flag(entry.restricted, "$.minutes[].restricted"),
        )
        with self._store.unit_of_work(self._context(Action.WRITE_MINUTES, "minute_entry")) as w:
            s = w.session
            conference_id = self._conference_id(s, ref)
            require_draft(rows.minutes_state(s, conference_id))
            if s.get(m.MinuteEntryRow, entry.id) is not None:
                raise Conflict("that minute entry is already in this store")
            own(s, m.AgendaItemRow, entry.agenda_item_id, conference_id, "agenda item")
            if entry.speaker_id is not None:
                own(s, m.ParticipantRow, entry.speaker_id, conference_id, "speaker")
            position = self._place(s, conference_id, entry.agenda_item_id, after_id, index)
            rows.shift_entries(s, conference_id, position, 1, self._touch)
            s.add(
                m.MinuteEntryRow(
                    conference_id=conference_id,
                    position=position,
                    **{f.name: getattr(entry, f.name) for f in fields(entry)},
                    **self._meta(),
                )
            )
            w.object_id = entry.id
        self._bases.seen(entry.id, 1)
        return entry

    @staticmethod
    def _place(
        s: Session, conference_id: str, item_id: str, after_id: str | None, index: int | None
    ) -> int:
        """Where a new or restored entry goes among the conference's minutes."""
        count = rows.entry_count(s, conference_id)
        if after_id is not None:
            before = own(s, m.MinuteEntryRow, after_id, conference_id, "minute entry")
            return before.position + 1
        if index is not None:
            return c.whole(index, "$.minutes[].position", 0, count)
        last = rows.last_entry_position(s, conference_id, item_id)
        return count if last is None else last + 1

    def save_text(self, entry_id: str, text: str, *, base: int | None = None) -> d.MinuteEntry:
        """Autosave: replace an entry's text (one UPDATE and the audit event).

        Refused with :class:`EditedElsewhere` (nothing saved) when the entry is no longer
        at the version this editor read with :meth:`entry` or last wrote, or at ``base``
        when given: the version of theirs a person chose to write over, knowingly.
        """
        self._require(Action.WRITE_MINUTES, "minute_entry", entry_id)
        text = c.text(text, "$.minutes[].text")
        now = self._clock()
        context = self._context(Action.WRITE_MINUTES, "minute_entry", entry_id)
        with self._bases.lock:
            with self._store.unit_of_work(context) as w:
                require_draft(rows.minutes_state_of_entry(w.session, entry_id))
                expected = self._expected(entry_id, base)
                try:
                    saved = rows.save_entry_text(
                        w.session, entry_id, text, now, self._actor.name, expected
                    )
                except RowChanged:
                    raise self._elsewhere(w.session, entry_id) from None
                if saved is None and expected is not None:  # it was here when read
                    raise self._elsewhere(w.session, entry_id)
                if saved is None:
                    raise NotFound(f"no minute entry {entry_id} in this store")
            entry, version = saved
            self._bases.seen(entry_id, version)
            return entry

    def _expected(self, entry_id: str, base: int | None) -> int | None:
        expected = self._bases.expected(entry_id, base)
        return expected if isinstance(expected, int) else None

    @staticmethod
    def _elsewhere(session: Session, entry_id: str) -> EditedElsewhere:
        """The refusal of a change made from an older version, with what is stored now."""
        found = session.get(m.MinuteEntryRow, entry_id, populate_existing=True)
        if found is None:
            return EditedElsewhere(
                "someone else deleted this entry meanwhile; nothing was saved", None, None
            )
        return EditedElsewhere(
            "someone else saved this entry after you opened it; nothing was saved "
            "(choose whose text to keep)",
            repository.minute_entry(found),
            found.row_version,
        )

    @contextmanager
    def _checked(self, action: Action, entry_id: str) -> Iterator[tuple[Session, m.MinuteEntryRow]]:
        """One unit of work changing one entry, refused with :class:`EditedElsewhere` if
        the entry is not at the version this editor last saw; notes the new version."""
        with self._bases.lock:
            with self._store.unit_of_work(self._context(action, "minute_entry", entry_id)) as w:
                expected = self._expected(entry_id, None)
                found = w.session.get(m.MinuteEntryRow, entry_id)
                if found is None and expected is not None:  # it was here when read
                    raise self._elsewhere(w.session, entry_id)
                entry = row(w.session, m.MinuteEntryRow, entry_id, "minute entry")
                if expected is not None and entry.row_version != expected:
                    raise self._elsewhere(w.session, entry_id)
                yield w.session, entry
                w.session.flush()
                gone = inspect(entry).was_deleted
                version = entry.row_version
            if gone:
                self._bases.forget(entry_id)
            else:
                self._bases.seen(entry_id, version)

    def update_entry(
        self,
        entry_id: str,
        *,
        speaker_id: str | Unchanged | None = UNCHANGED,
        tag: Tag | Unchanged | None = UNCHANGED,
        restricted: bool | Unchanged = UNCHANGED,
        section: AnalysisSection | Unchanged | None = UNCHANGED,
    ) -> d.MinuteEntry:
        """Change who spoke, the tag, the restricted flag or the analysis section."""
        self._require(Action.WRITE_MINUTES, "minute_entry", entry_id)
        changes: dict[str, object] = {}
        if not isinstance(tag, Unchanged):
            changes["tag"] = c.maybe_choice(Tag, tag, "$.minutes[].tag")
        if not isinstance(restricted, Unchanged):
            changes["restricted"] = c.flag(restricted, "$.minutes[].restricted")
        if not isinstance(section, Unchanged):
            changes["section"] = c.maybe_choice(AnalysisSection, section, "$.minutes[].section")
        with self._checked(Action.WRITE_MINUTES, entry_id) as (s, entry):
            require_draft(rows.minutes_state(s, entry.conference_id))
            if not isinstance(speaker_id, Unchanged):
                if speaker_id is not None:
                    own(s, m.ParticipantRow, speaker_id, entry.conference_id, "speaker")
                changes["speaker_id"] = speaker_id
            if any(getattr(entry, name) != value for name, value in changes.items()):
                changes = self._moment(entry, **changes)
            self._apply(entry, changes)
            s.flush()
            return repository.minute_entry(entry)

    def move_entry(
        self, entry_id: str, index: int, *, agenda_item_id: str | None = None
    ) -> d.MinuteEntry:
        """Move an entry to ``index`` among all the conference's minutes (0 is the first),
        under the agenda item ``agenda_item_id`` when given. A move is a moment in the
        entry's history, as an edit is."""
        self._require(Action.WRITE_MINUTES, "minute_entry", entry_id)
        with self._checked(Action.WRITE_MINUTES, entry_id) as (s, entry):
            require_draft(rows.minutes_state(s, entry.conference_id))
            item = entry.agenda_item_id if agenda_item_id is None else agenda_item_id
            own(s, m.AgendaItemRow, item, entry.conference_id, "agenda item")
            listed = rows.ordered(
                s, m.MinuteEntryRow, m.MinuteEntryRow.conference_id == entry.conference_id
            )
            at = c.whole(index, "$.minutes[].position", 0, len(listed) - 1)
            if listed.index(entry) != at or item != entry.agenda_item_id:
                listed.remove(entry)
                listed.insert(at, entry)
                self._renumber(listed)
                self._apply(entry, self._moment(entry, agenda_item_id=item))
            s.flush()
            return repository.minute_entry(entry)

    def _moment(self, entry: m.MinuteEntryRow, **changes: object) -> dict[str, object]:
        """``changes`` with the moment of writing recorded in the entry's history.

        A ruling to show the entry to someone covers it as it was: it is asked again.
        """
        now = self._clock()
        return {
            **changes,
            "updated_at": now,
            "changes": add_moment(entry.changes, now),
            "shown_to": [],
        }

    def rule_on_exclusion(self, entry_id: str, participant_id: str, show: bool) -> d.MinuteEntry:
        """The chair's ruling on an entry begun before ``participant_id`` was excluded and
        changed while they were out (``domain.redaction.rulings_needed``): ``show`` puts
        it in that person's family copies; otherwise it stays out of them.

        Chair only, as approval is (``Action.APPROVE_MINUTES``): it decides what a
        family copy of the minutes carries. Refused once the minutes are approved.
        """
        self._require(Action.APPROVE_MINUTES, "minute_entry", entry_id)
        show = c.flag(show, "$.minutes[].shown_to")
        with self._checked(Action.APPROVE_MINUTES, entry_id) as (s, entry):
            require_draft(rows.minutes_state(s, entry.conference_id))
            own(s, m.ParticipantRow, participant_id, entry.conference_id, "participant")
            shown = [p for p in entry.shown_to if p != participant_id]
            kept = [p for p in entry.kept_from if p != participant_id]
            (shown if show else kept).append(participant_id)
            self._apply(entry, {"shown_to": shown, "kept_from": kept})
            s.flush()
            return repository.minute_entry(entry)

    def delete_entry(self, entry_id: str) -> None:
        """Delete an entry; actions noted from it keep their text and lose the link."""
        self._require(Action.WRITE_MINUTES, "minute_entry", entry_id)
        with self._checked(Action.WRITE_MINUTES, entry_id) as (s, entry):
            require_draft(rows.minutes_state(s, entry.conference_id))
            # Unlinked here rather than by the foreign key, so the audit sees the change.
            rows.unlink_actions(s, entry_id, self._touch)
            conference_id, position = entry.conference_id, entry.position
            s.delete(entry)
            s.flush()
            rows.shift_entries(s, conference_id, position + 1, -1, self._touch)

    # --- reading -------------------------------------------------------------------

    def entry(self, entry_id: str) -> d.MinuteEntry:
        """One minute entry as it is now; an editor's changes are checked from here.

        Its version becomes this editor's base for it: a later change of the entry is
        refused if someone else saved it in between (see :meth:`save_text`).
        """
        self._require(Action.VIEW, "minute_entry", entry_id)
        with self._bases.lock:
            with self._store.unit_of_work(
                self._context(Action.VIEW, "minute_entry", entry_id)
            ) as w:
                found = row(w.session, m.MinuteEntryRow, entry_id, "minute entry")
                entry, version = repository.minute_entry(found), found.row_version
            self._bases.seen(entry_id, version)
            return entry

    def entries(self, ref: str) -> tuple[d.MinuteEntry, ...]:
        """The conference's minutes in order."""
        self._require(Action.VIEW, "conference", ref)
        with self._store.unit_of_work(self._context(Action.VIEW, "minute_entry")) as w:
            conference_id = self._conference_id(w.session, ref)
            w.object_id = conference_id
            found = rows.ordered(
                w.session, m.MinuteEntryRow, m.MinuteEntryRow.conference_id == conference_id
            )
            return tuple(repository.minute_entry(entry) for entry in found)
