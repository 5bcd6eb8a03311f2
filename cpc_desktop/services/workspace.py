"""The live workspace: what the chair and the minute-taker do while a conference sits.

The agenda (add, remove, reorder, progress), the roll call, minute-taking with
autosave, actions noted in the minutes, the Signs of Safety safety scale, full-text
search over minutes, and the check that the child's and parents' views are recorded.

Every public method is one unit of work with one audit event (ids and hashes only:
never minute text, never a search query), checks the actor's role first (a refusal is
itself audited), takes and returns frozen values, and raises a :class:`ServiceError`
with one line for the user. Refused input changes nothing.

Optional keyword arguments of the ``update_*`` methods default to :data:`UNCHANGED`;
pass a value (``None`` included, where the field allows it) to change that field.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any, Final, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session, load_only

from cpc_desktop.data import audit, repository
from cpc_desktop.data import models as m
from cpc_desktop.data import search as fts
from cpc_desktop.data.store import Store
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import (
    AgendaStatus,
    AnalysisSection,
    AttendanceKind,
    ChildParticipation,
    MinutesState,
    Tag,
)
from cpc_desktop.domain.minutes import views_ready
from cpc_desktop.domain.validation import Problem
from cpc_desktop.services import checks as c
from cpc_desktop.services.base import Clock, ServiceBase
from cpc_desktop.services.errors import Conflict, NotFound, ServiceError
from cpc_desktop.services.roles import Action, Actor
from cpc_desktop.services.rules import RuleBook
from cpc_desktop.services.text_writer import TextWriter

__all__ = [
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "SNIPPET_LENGTH",
    "UNCHANGED",
    "SearchHit",
    "Unchanged",
    "WorkspaceService",
    "split_snippet",
]

E = TypeVar("E", bound=enum.Enum)

#: The most characters a search snippet shows, highlight marks not counted.
SNIPPET_LENGTH = 120
#: The most hits one search returns.
MAX_HITS = 500
#: Around each matched word in a snippet (Unicode private-use characters U+E000, U+E001).
HIGHLIGHT_START: Final = fts.HIGHLIGHT_START
HIGHLIGHT_END: Final = fts.HIGHLIGHT_END

CUSTOM_KEY = "custom-"


class Unchanged(enum.Enum):
    """The type of :data:`UNCHANGED`: "leave this field as it is"."""

    UNCHANGED = "unchanged"


UNCHANGED: Final = Unchanged.UNCHANGED


@dataclass(frozen=True)
class SearchHit:
    """One minute entry found by :meth:`WorkspaceService.search`.

    ``snippet`` is plain text on one line, at most :data:`SNIPPET_LENGTH` visible
    characters, with each matched word between :data:`HIGHLIGHT_START` and
    :data:`HIGHLIGHT_END` and ``…`` where text is left out (see :func:`split_snippet`).
    """

    conference_id: str
    reference: str
    entry_id: str
    agenda_title: str
    snippet: str
    restricted: bool


@dataclass(frozen=True)
class SearchResults:
    """What :meth:`WorkspaceService.find` found.

    ``limited`` is true when more entries matched than were ranked: the hits are the
    best of the most recently written matching entries (``RECENT_MATCHES``), so an
    older entry may be missing; more words narrow the search and find it.
    """

    hits: tuple[SearchHit, ...]
    limited: bool


def split_snippet(snippet: str) -> tuple[tuple[str, bool], ...]:
    """A snippet as ``(text, highlighted)`` runs, the marks removed, for display."""
    runs: list[tuple[str, bool]] = []
    current: list[str] = []
    highlighted = False
    for ch in snippet:
        if ch in (HIGHLIGHT_START, HIGHLIGHT_END):
            if current:
                runs.append(("".join(current), highlighted))
                current = []
            highlighted = ch == HIGHLIGHT_START
        else:
            current.append(ch)
    if current:
        runs.append(("".join(current), highlighted))
    return tuple(runs)


def _clip_snippet(raw: str, limit: int = SNIPPET_LENGTH) -> str:
    """One line of at most ``limit`` visible characters, keeping the first match in view."""
    chars: list[tuple[str, bool]] = []
    for text, highlighted in split_snippet(" ".join(raw.split())):
        chars.extend((ch, highlighted) for ch in text)
    if len(chars) > limit:
        first = next((i for i, (_, lit) in enumerate(chars) if lit), 0)
        start = max(0, min(first - limit // 3, len(chars) - limit))
        end = start + limit
        window = chars[start:end]
        if start > 0:
            window[0] = (fts.ELLIPSIS, False)
        if end < len(chars):
            window[-1] = (fts.ELLIPSIS, False)
        chars = window
    out: list[str] = []
    lit = False
    for ch, highlighted in chars:
        if highlighted != lit:
            out.append(HIGHLIGHT_START if highlighted else HIGHLIGHT_END)
            lit = highlighted
        out.append(ch)
    if lit:
        out.append(HIGHLIGHT_END)
    return "".join(out)


# --- rows -----------------------------------------------------------------------------

R = TypeVar("R", bound=m.Row)


def _row(session: Session, cls: type[R], row_id: str, what: str) -> R:
    row = session.get(cls, row_id)
    if row is None:
        raise NotFound(f"no {what} {row_id} in this store")
    return row


def _ordered(session: Session, cls: type[R], *where: Any) -> list[R]:
    column: Any = getattr(cls, "position")  # noqa: B009 - every listed row has one
    return list(session.scalars(sa.select(cls).where(*where).order_by(column)))


class WorkspaceService(ServiceBase):
    """The live-meeting use cases of one actor on one open store."""

    def __init__(
        self, store: Store, actor: Actor, clock: Clock, rules: RuleBook | None = None
    ) -> None:
        super().__init__(store, actor, clock, rules)
        self._text_writer: TextWriter | None = None

    @property
    def text_writer(self) -> TextWriter:
        """Autosaves off the GUI thread: :meth:`save_text` on a worker's own connection.

        One writer (one thread, one connection) per service, made on first use; it
        closes with the store, after writing what it was given. Each save is checked
        and audited as :meth:`save_text` is.
        """
        if self._text_writer is None:
            actor, clock, rules = self._actor, self._clock, self._rules
            self._text_writer = TextWriter(
                self._store, lambda side: WorkspaceService(side, actor, clock, rules)
            )
        return self._text_writer

    # --- plumbing ------------------------------------------------------------------

    def _renumber(self, rows: Iterable[Any]) -> None:
        """Give ``rows`` the positions 0, 1, 2, ... in the order given."""
        for position, row in enumerate(rows):
            if row.position != position:
                row.position = position
                self._touch(row)

    def _delete_and_renumber(self, session: Session, row: Any, parent: str) -> None:
        """Delete ``row`` and close the gap in the positions of its siblings.

        The siblings are the rows of the same table sharing its ``parent`` column.
        """
        cls = type(row)
        parent_id = getattr(row, parent)
        session.delete(row)
        session.flush()
        self._renumber(_ordered(session, cls, getattr(cls, parent) == parent_id))

    @staticmethod
    def _check_editable(session: Session, conference_id: Any) -> None:
        """Refuse to change the minutes once the current version is approved or issued."""
        state = session.scalar(
            sa.select(m.MinutesVersionRow.state)
            .where(m.MinutesVersionRow.conference_id == conference_id)
            .order_by(m.MinutesVersionRow.position.desc())
            .limit(1)
        )
        if state is not None and state is not MinutesState.DRAFT:
            raise ServiceError(
                f"the minutes are {state.value}: the chair must reopen them or open a "
                "corrected version before they can change"
            )

    def _conference_row(self, session: Session, ref: str) -> m.ConferenceRow:
        row = session.get(m.ConferenceRow, self._conference_id(session, ref))
        assert row is not None
        return row

    def _agenda(self, session: Session, conference_id: str) -> list[m.AgendaItemRow]:
        return _ordered(session, m.AgendaItemRow, m.AgendaItemRow.conference_id == conference_id)

    @staticmethod
    def _own(session: Session, cls: type[R], row_id: str, conference_id: str, what: str) -> R:
        """A row that must belong to the conference (an agenda item, a participant ...)."""
        row = session.get(cls, row_id)
        if row is None or getattr(row, "conference_id", None) != conference_id:
            raise NotFound(f"that {what} is not part of this conference")
        return row

    # --- the agenda ----------------------------------------------------------------

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
            if w.session.get(m.AgendaItemRow, new_id) is not None:
                raise Conflict("that agenda item is already in this store")
            rows = self._agenda(w.session, conference.id)
            at = len(rows)
            if after_id is not None:
                ids = [row.id for row in rows]
                if after_id not in ids:
                    raise NotFound("that agenda item is not part of this conference")
                at = ids.index(after_id) + 1
            numbers = [
                int(row.key[len(CUSTOM_KEY) :])
                for row in rows
                if row.key.startswith(CUSTOM_KEY) and row.key[len(CUSTOM_KEY) :].isdigit()
            ]
            item = d.AgendaItem(
                id=new_id,
                key=key if key is not None else f"{CUSTOM_KEY}{max(numbers, default=0) + 1}",
                title=title,
                allowance_minutes=allowance,
            )
            new = m.AgendaItemRow(
                conference_id=conference.id,
                position=at,
                id=item.id,
                key=item.key,
                title=item.title,
                allowance_minutes=item.allowance_minutes,
                status=item.status,
                not_obtained_reason=None,
                **self._meta(),
            )
            rows.insert(at, new)
            self._renumber(rows)
            w.session.add(new)
            w.object_id = item.id
        return item

    def remove_agenda_item(self, item_id: str) -> None:
        """Remove an item that has no minutes; the others close up."""
        self._require(Action.MANAGE_AGENDA, "agenda_item", item_id)
        with self._store.unit_of_work(
            self._context(Action.MANAGE_AGENDA, "agenda_item", item_id)
        ) as w:
            row = _row(w.session, m.AgendaItemRow, item_id, "agenda item")
            written = w.session.scalar(
                sa.select(sa.func.count()).where(m.MinuteEntryRow.agenda_item_id == item_id)
            )
            if written:
                raise Conflict(
                    f"“{row.title}” has {written} minute "
                    f"{'entry' if written == 1 else 'entries'}; "
                    "move or delete them before removing the item"
                )
            conference_id = row.conference_id
            w.session.delete(row)
            w.session.flush()
            self._renumber(self._agenda(w.session, conference_id))

    def move_agenda_item(self, item_id: str, new_index: int) -> tuple[d.AgendaItem, ...]:
        """Move an item to ``new_index`` (0 is the first); returns the whole agenda."""
        self._require(Action.MANAGE_AGENDA, "agenda_item", item_id)
        with self._store.unit_of_work(
            self._context(Action.MANAGE_AGENDA, "agenda_item", item_id)
        ) as w:
            row = _row(w.session, m.AgendaItemRow, item_id, "agenda item")
            rows = self._agenda(w.session, row.conference_id)
            index = c.whole(new_index, "$.agenda[].position", 0, len(rows) - 1)
            rows.remove(row)
            rows.insert(index, row)
            self._renumber(rows)
            w.session.flush()
            return tuple(repository.to_value(d.AgendaItem, r) for r in rows)

    def set_agenda_status(self, item_id: str, status: AgendaStatus) -> tuple[d.AgendaItem, ...]:
        """Set an item's progress; making one current marks the previous current one done."""
        self._require(Action.MANAGE_AGENDA, "agenda_item", item_id)
        status = c.choice(AgendaStatus, status, "$.agenda[].status")
        with self._store.unit_of_work(
            self._context(Action.MANAGE_AGENDA, "agenda_item", item_id)
        ) as w:
            row = _row(w.session, m.AgendaItemRow, item_id, "agenda item")
            rows = self._agenda(w.session, row.conference_id)
            if status is AgendaStatus.CURRENT:
                for other in rows:
                    if other is not row and other.status is AgendaStatus.CURRENT:
                        other.status = AgendaStatus.DONE
                        self._touch(other)
            if row.status is not status:
                row.status = status
                self._touch(row)
            w.session.flush()
            return tuple(repository.to_value(d.AgendaItem, r) for r in rows)

    def update_agenda_item(
        self,
        item_id: str,
        *,
        title: str | Unchanged = UNCHANGED,
        allowance_minutes: int | Unchanged = UNCHANGED,
        not_obtained_reason: str | Unchanged | None = UNCHANGED,
    ) -> d.AgendaItem:
        """Change an item's title, time allowance, or why its views were not obtained.

        A blank ``not_obtained_reason`` clears it (as ``None`` does).
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
            row = _row(w.session, m.AgendaItemRow, item_id, "agenda item")
            self._apply(row, changes)
            w.session.flush()
            return repository.to_value(d.AgendaItem, row)

    def _apply(self, row: m.Row, changes: dict[str, object]) -> None:
        """Set each changed column; the row is touched only if something differs."""
        changed = False
        for name, value in changes.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
                changed = True
        if changed:
            self._touch(row)

    # --- the roll call -------------------------------------------------------------

    def update_participant(self, participant_id: str, **changes: object) -> d.Participant:
        """Change any of a participant's details except their id and attendance."""
        self._require(Action.RECORD_ATTENDANCE, "participant", participant_id)
        checked = c.participant_details(changes)
        with self._store.unit_of_work(
            self._context(Action.RECORD_ATTENDANCE, "participant", participant_id)
        ) as w:
            row = _row(w.session, m.ParticipantRow, participant_id, "participant")
            self._apply(row, checked)
            w.session.flush()
            return repository.to_value(d.Participant, row)

    def remove_participant(self, participant_id: str) -> None:
        """Take someone off the roll call, with their attendance.

        Refused when the record depends on them: they spoke in the minutes, gave a
        view, dissent or safety scale, lead or sit in a core group, or were sent a
        letter or documents.
        """
        self._require(Action.RECORD_ATTENDANCE, "participant", participant_id)
        with self._store.unit_of_work(
            self._context(Action.RECORD_ATTENDANCE, "participant", participant_id)
        ) as w:
            s = w.session
            row = _row(s, m.ParticipantRow, participant_id, "participant")
            reason = self._needed_because(s, row)
            if reason is not None:
                name = row.name.strip() or "This participant"
                raise Conflict(f"{name} cannot be removed from the roll call: {reason}")
            conference_id = row.conference_id
            s.delete(row)  # attendance goes with them (and is audited row by row)
            s.flush()
            self._renumber(
                _ordered(s, m.ParticipantRow, m.ParticipantRow.conference_id == conference_id)
            )

    @staticmethod
    def _needed_because(session: Session, row: m.ParticipantRow) -> str | None:
        pid = row.id
        uses: Sequence[tuple[Any, str]] = (
            (m.MinuteEntryRow.speaker_id, "they spoke in the minutes"),
            (m.AgencyViewRow.participant_id, "a view of theirs is recorded in a decision"),
            (m.DissentRow.participant_id, "a dissent of theirs is recorded"),
            (m.DecisionRow.lead_social_worker_id, "they are a lead social worker"),
            (m.SafetyScaleRow.participant_id, "they gave a safety scale (clear it first)"),
            (m.LetterRow.recipient_id, "a letter was written to them"),
            (m.DistributionRow.participant_id, "documents were sent to them"),
        )
        for column, reason in uses:
            if session.scalar(sa.select(sa.func.count()).where(column == pid)):
                return reason
        core_groups = session.scalars(
            sa.select(m.DecisionRow.core_group).where(
                m.DecisionRow.conference_id == row.conference_id
            )
        )
        if any(pid in members for members in core_groups):
            return "they are in a core group"
        return None

    def remove_attendance(self, event_id: str) -> None:
        """Delete one attendance event (recorded by mistake)."""
        self._require(Action.RECORD_ATTENDANCE, "attendance_event", event_id)
        with self._store.unit_of_work(
            self._context(Action.RECORD_ATTENDANCE, "attendance_event", event_id)
        ) as w:
            row = _row(w.session, m.AttendanceEventRow, event_id, "attendance event")
            self._delete_and_renumber(w.session, row, "participant_id")

    def end_exclusion(self, event_id: str, until: datetime) -> d.AttendanceEvent:
        """Record when an exclusion ended (the person came back in)."""
        self._require(Action.RECORD_ATTENDANCE, "attendance_event", event_id)
        until = c.instant(until, "$.participants[].attendance[].until")
        with self._store.unit_of_work(
            self._context(Action.RECORD_ATTENDANCE, "attendance_event", event_id)
        ) as w:
            row = _row(w.session, m.AttendanceEventRow, event_id, "attendance event")
            if row.kind is not AttendanceKind.EXCLUDED:
                raise c.refuse(
                    "$.participants[].attendance[].kind", "only an exclusion can be ended"
                )
            if until <= row.at:
                raise c.refuse(
                    "$.participants[].attendance[].until",
                    "an exclusion must end after it starts",
                )
            self._apply(row, {"until": until})
            w.session.flush()
            return repository.to_value(d.AttendanceEvent, row)

    def set_child_participation(
        self, child_id: str, participation: ChildParticipation | None, reason: str | None
    ) -> d.Child:
        """How the child takes part; a child not taking part needs the reason."""
        self._require(Action.RECORD_ATTENDANCE, "child", child_id)
        chosen = c.maybe_choice(ChildParticipation, participation, "$.children[].participation")
        why = c.reason(reason, "$.children[].participation_reason")
        if chosen is ChildParticipation.NOT_TAKING_PART and why is None:
            raise c.refuse(
                "$.children[].participation_reason",
                "say why the child is not taking part",
            )
        with self._store.unit_of_work(
            self._context(Action.RECORD_ATTENDANCE, "child", child_id)
        ) as w:
            row = _row(w.session, m.ChildRow, child_id, "child")
            self._apply(row, {"participation": chosen, "participation_reason": why})
            w.session.flush()
            return repository.to_value(d.Child, row)

    def set_quorum_reason(self, ref: str, reason: str | None) -> d.Conference:
        """The chair's reason for going ahead without a quorum (blank clears it)."""
        self._require(Action.EDIT_CONFERENCE, "conference", ref)
        why = c.reason(reason, "$.conference.quorum_reason")
        with self._store.unit_of_work(self._context(Action.EDIT_CONFERENCE, "conference")) as w:
            row = self._conference_row(w.session, ref)
            w.object_id = row.id
            self._apply(row, {"quorum_reason": why})
            w.session.flush()
            return repository.conference(row)

    # --- minutes -------------------------------------------------------------------

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
            self._check_editable(s, conference_id)
            if s.get(m.MinuteEntryRow, entry.id) is not None:
                raise Conflict("that minute entry is already in this store")
            self._own(s, m.AgendaItemRow, entry.agenda_item_id, conference_id, "agenda item")
            if entry.speaker_id is not None:
                self._own(s, m.ParticipantRow, entry.speaker_id, conference_id, "speaker")
            entry_rows = m.MinuteEntryRow
            count = s.scalar(
                sa.select(sa.func.count()).where(entry_rows.conference_id == conference_id)
            )
            assert count is not None
            if after_id is not None:
                before = self._own(s, entry_rows, after_id, conference_id, "minute entry")
                position = before.position + 1
            elif index is not None:
                position = c.whole(index, "$.minutes[].position", 0, count)
            else:
                last = s.scalar(
                    sa.select(sa.func.max(entry_rows.position)).where(
                        entry_rows.conference_id == conference_id,
                        entry_rows.agenda_item_id == entry.agenda_item_id,
                    )
                )
                position = count if last is None else last + 1
            later = s.scalars(
                sa.select(entry_rows)
                .where(entry_rows.conference_id == conference_id, entry_rows.position >= position)
                .options(load_only(entry_rows.position))
            )
            for row in later:
                row.position += 1
                self._touch(row)
            s.add(
                entry_rows(
                    conference_id=conference_id,
                    position=position,
                    **{f.name: getattr(entry, f.name) for f in fields(entry)},
                    **self._meta(),
                )
            )
            w.object_id = entry.id
        return entry

    def save_text(self, entry_id: str, text: str) -> d.MinuteEntry:
        """Autosave: replace an entry's text (one UPDATE and the audit event)."""
        self._require(Action.WRITE_MINUTES, "minute_entry", entry_id)
        text = c.text(text, "$.minutes[].text")
        now = self._clock()
        table = m.Base.metadata.tables[m.MinuteEntryRow.__tablename__]
        returned = [table.c[f.name] for f in fields(d.MinuteEntry) if f.name != "text"]
        context = self._context(Action.WRITE_MINUTES, "minute_entry", entry_id)
        with self._store.unit_of_work(context) as w:
            owner = sa.select(table.c.conference_id).where(table.c.id == entry_id)
            self._check_editable(w.session, owner.scalar_subquery())
            found = w.session.execute(
                sa.update(table)
                .where(table.c.id == entry_id)
                .values(
                    text=text,
                    updated_at=now,
                    row_updated_at=now,
                    row_updated_by=self._actor.name,
                )
                .returning(*returned)
            ).one_or_none()
            if found is None:
                raise NotFound(f"no minute entry {entry_id} in this store")
            audit.mark_touched(w.session, table.name, entry_id)
            return d.MinuteEntry(text=text, **found._asdict())

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
        with self._store.unit_of_work(
            self._context(Action.WRITE_MINUTES, "minute_entry", entry_id)
        ) as w:
            row = _row(w.session, m.MinuteEntryRow, entry_id, "minute entry")
            self._check_editable(w.session, row.conference_id)
            if not isinstance(speaker_id, Unchanged):
                if speaker_id is not None:
                    self._own(w.session, m.ParticipantRow, speaker_id, row.conference_id, "speaker")
                changes["speaker_id"] = speaker_id
            if any(getattr(row, name) != value for name, value in changes.items()):
                changes["updated_at"] = self._clock()
            self._apply(row, changes)
            w.session.flush()
            return repository.minute_entry(row)

    def delete_entry(self, entry_id: str) -> None:
        """Delete an entry; actions noted from it keep their text and lose the link."""
        self._require(Action.WRITE_MINUTES, "minute_entry", entry_id)
        with self._store.unit_of_work(
            self._context(Action.WRITE_MINUTES, "minute_entry", entry_id)
        ) as w:
            s = w.session
            row = _row(s, m.MinuteEntryRow, entry_id, "minute entry")
            self._check_editable(s, row.conference_id)
            # Unlinked here rather than by the foreign key, so the audit sees the change.
            for action in s.scalars(
                sa.select(m.ConferenceActionRow).where(
                    m.ConferenceActionRow.minute_entry_id == entry_id
                )
            ):
                action.minute_entry_id = None
                self._touch(action)
            conference_id, position = row.conference_id, row.position
            s.delete(row)
            s.flush()
            later = s.scalars(
                sa.select(m.MinuteEntryRow)
                .where(
                    m.MinuteEntryRow.conference_id == conference_id,
                    m.MinuteEntryRow.position > position,
                )
                .options(load_only(m.MinuteEntryRow.position))
            )
            for other in later:
                other.position -= 1
                self._touch(other)

    def entry(self, entry_id: str) -> d.MinuteEntry:
        """One minute entry as it is now."""
        self._require(Action.VIEW, "minute_entry", entry_id)
        with self._store.unit_of_work(self._context(Action.VIEW, "minute_entry", entry_id)) as w:
            return repository.minute_entry(
                _row(w.session, m.MinuteEntryRow, entry_id, "minute entry")
            )

    def entries(self, ref: str) -> tuple[d.MinuteEntry, ...]:
        """The conference's minutes in order."""
        self._require(Action.VIEW, "conference", ref)
        with self._store.unit_of_work(self._context(Action.VIEW, "minute_entry")) as w:
            conference_id = self._conference_id(w.session, ref)
            w.object_id = conference_id
            rows = _ordered(
                w.session, m.MinuteEntryRow, m.MinuteEntryRow.conference_id == conference_id
            )
            return tuple(repository.minute_entry(row) for row in rows)

    # --- actions noted in the minutes ----------------------------------------------

    def add_action(
        self,
        ref: str,
        owner: str,
        action: str,
        due_date: date | None = None,
        *,
        minute_entry_id: str | None = None,
    ) -> d.ConferenceAction:
        """Note an action (who does what, by when), optionally linked to a minute entry."""
        self._require(Action.WRITE_MINUTES, "conference", ref)
        owner = c.text(owner, "$.actions[].owner")
        action = c.text(action, "$.actions[].action")
        due = c.day(due_date, "$.actions[].due_date")
        with self._store.unit_of_work(
            self._context(Action.WRITE_MINUTES, "conference_action")
        ) as w:
            conference = self._conference_row(w.session, ref)
            if minute_entry_id is not None:
                self._own(
                    w.session, m.MinuteEntryRow, minute_entry_id, conference.id, "minute entry"
                )
            value = d.ConferenceAction(
                id=m.new_id(),
                owner=owner,
                action=action,
                due_date=due,
                minute_entry_id=minute_entry_id,
                created_at=self._clock(),
            )
            w.session.add(
                m.ConferenceActionRow(
                    conference_id=conference.id,
                    position=len(conference.actions),
                    **{f.name: getattr(value, f.name) for f in fields(value)},
                    **self._meta(),
                )
            )
            w.object_id = value.id
        return value

    def update_action(
        self,
        action_id: str,
        *,
        owner: str | Unchanged = UNCHANGED,
        action: str | Unchanged = UNCHANGED,
        due_date: date | Unchanged | None = UNCHANGED,
        minute_entry_id: str | Unchanged | None = UNCHANGED,
    ) -> d.ConferenceAction:
        """Change an action's owner, text, due date or the minute entry it came from."""
        self._require(Action.WRITE_MINUTES, "conference_action", action_id)
        changes: dict[str, object] = {}
        if not isinstance(owner, Unchanged):
            changes["owner"] = c.text(owner, "$.actions[].owner")
        if not isinstance(action, Unchanged):
            changes["action"] = c.text(action, "$.actions[].action")
        if not isinstance(due_date, Unchanged):
            changes["due_date"] = c.day(due_date, "$.actions[].due_date")
        with self._store.unit_of_work(
            self._context(Action.WRITE_MINUTES, "conference_action", action_id)
        ) as w:
            row = _row(w.session, m.ConferenceActionRow, action_id, "action")
            if not isinstance(minute_entry_id, Unchanged):
                if minute_entry_id is not None:
                    self._own(
                        w.session,
                        m.MinuteEntryRow,
                        minute_entry_id,
                        row.conference_id,
                        "minute entry",
                    )
                changes["minute_entry_id"] = minute_entry_id
            self._apply(row, changes)
            w.session.flush()
            return repository.to_value(d.ConferenceAction, row)

    def delete_action(self, action_id: str) -> None:
        self._require(Action.WRITE_MINUTES, "conference_action", action_id)
        with self._store.unit_of_work(
            self._context(Action.WRITE_MINUTES, "conference_action", action_id)
        ) as w:
            row = _row(w.session, m.ConferenceActionRow, action_id, "action")
            self._delete_and_renumber(w.session, row, "conference_id")

    # --- Signs of Safety scaling ---------------------------------------------------

    def set_scale(
        self, ref: str, participant_id: str, score: int | None, note: str = ""
    ) -> d.SafetyScale | None:
        """Record a participant's 0-10 safety scale, or clear it with ``None``."""
        self._require(Action.WRITE_MINUTES, "conference", ref)
        if score is not None:
            score = c.whole(score, "$.scaling[].score")
        note = c.text(note, "$.scaling[].note")
        with self._store.unit_of_work(self._context(Action.WRITE_MINUTES, "safety_scale")) as w:
            s = w.session
            conference = self._conference_row(s, ref)
            self._own(s, m.ParticipantRow, participant_id, conference.id, "participant")
            rows = _ordered(s, m.SafetyScaleRow, m.SafetyScaleRow.conference_id == conference.id)
            row = next((r for r in rows if r.participant_id == participant_id), None)
            if score is None:
                if row is not None:
                    w.object_id = row.id
                    s.delete(row)
                    rows.remove(row)
                    s.flush()
                    self._renumber(rows)
                return None
            if row is None:
                row = m.SafetyScaleRow(
                    id=m.new_id(),
                    conference_id=conference.id,
                    position=len(rows),
                    participant_id=participant_id,
                    score=score,
                    note=note,
                    **self._meta(),
                )
                s.add(row)
            else:
                self._apply(row, {"score": score, "note": note})
            w.object_id = row.id
            s.flush()
            return repository.to_value(d.SafetyScale, row)

    # --- search and readiness ------------------------------------------------------

    def search(self, query: str, limit: int = 50) -> tuple[SearchHit, ...]:
        """The hits of :meth:`find`."""
        return self.find(query, limit).hits

    def find(self, query: str, limit: int = 50) -> SearchResults:
        """Minute entries in any conference holding every word typed (as word prefixes).

        Anything may be typed: quotes, brackets, operators and symbols are only text.
        Accents are ignored ("zoe" finds "Zoë"). Best matches first; at most ``limit``
        (and never more than 500). An empty query finds nothing. The audit log records
        that a search was made, never what was searched for.
        """
        self._require(Action.LIST, "minute_search")
        match = fts.match_expression(query) if isinstance(query, str) else None
        if match is None or isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            return SearchResults((), limited=False)
        with self._store.unit_of_work(self._context(Action.LIST, "minute_search")) as w:
            found = fts.find_minutes(w.session, match, min(limit, MAX_HITS))
        return SearchResults(self._search_hits(found.hits), found.limited)

    @staticmethod
    def _search_hits(hits: Iterable[fts.Hit]) -> tuple[SearchHit, ...]:
        return tuple(
            SearchHit(
                conference_id=hit.conference_id,
                reference=hit.reference,
                entry_id=hit.entry_id,
                agenda_title=hit.agenda_title,
                snippet=_clip_snippet(hit.snippet),
                restricted=hit.restricted,
            )
            for hit in hits
        )

    def ready_to_finalise(self, ref: str) -> tuple[Problem, ...]:
        """What stops the minutes being finalised: views neither recorded nor explained."""
        self._require(Action.VIEW, "conference", ref)
        with self._store.unit_of_work(self._context(Action.VIEW, "conference")) as w:
            conference_id = self._conference_id(w.session, ref)
            w.object_id = conference_id
            record = repository.load_record(w.session, conference_id)
        assert record is not None
        return views_ready(record)
