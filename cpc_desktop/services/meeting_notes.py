"""What is noted as the meeting goes: actions (who does what, by when) and safety scales.

An action may come from a minute entry; deleting the entry keeps the action and drops
the link (:meth:`MinuteEntryService.delete_entry`). A safety scale is one participant's
Signs of Safety score, 0 to 10, with a note.

Every public method is one unit of work with one audit event (ids only: never the text
of an action or a note), in the same order: the role check (a refusal is itself
audited), the field rules (:mod:`~cpc_desktop.services.checks`), the rows, the event.
Refused input changes nothing; an error is a :class:`ServiceError` with one line.

A scale set from the analysis table passes ``expected``, the score and note it showed,
and is refused with :class:`~cpc_desktop.services.errors.EditedElsewhere` (``theirs``:
the scale stored now, or ``None``) if someone else changed either meanwhile (issue 17;
:mod:`~cpc_desktop.services.edited_fields`). An action changed from its dialog passes the
owner, words and date the dialog showed, and is refused the same way (``theirs``: the
action stored now) if someone else changed one it changes.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from cpc_desktop.data import models as m
from cpc_desktop.data import repository, rows
from cpc_desktop.domain import conference as d
from cpc_desktop.services import checks as c
from cpc_desktop.services.edited_fields import Expected, refuse_if_changed
from cpc_desktop.services.errors import EditedElsewhere
from cpc_desktop.services.parts import UNCHANGED, PartService, Unchanged, own, row
from cpc_desktop.services.roles import Action

__all__ = ["MeetingNotesService"]


class MeetingNotesService(PartService):
    """The actions and safety scales noted by one actor on one open store."""

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
            self._require_draft(w.session, conference.id)
            if minute_entry_id is not None:
                own(w.session, m.MinuteEntryRow, minute_entry_id, conference.id, "minute entry")
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
        expected: Expected = None,
    ) -> d.ConferenceAction:
        """Change an action's owner, text, due date or the minute entry it came from.

        ``expected``: the ``owner``, ``action`` and ``due_date`` the editor showed.
        """
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
            noted = row(w.session, m.ConferenceActionRow, action_id, "action")
            self._require_draft(w.session, noted.conference_id)
            if not isinstance(minute_entry_id, Unchanged):
                if minute_entry_id is not None:
                    own(
                        w.session,
                        m.MinuteEntryRow,
                        minute_entry_id,
                        noted.conference_id,
                        "minute entry",
                    )
                changes["minute_entry_id"] = minute_entry_id
            refuse_if_changed(
                repository.to_value(d.ConferenceAction, noted),
                noted.row_version,
                expected,
                changes,
                lambda field: f"this action's {_ACTION_FIELDS[field]}",
            )
            self._apply(noted, changes)
            w.session.flush()
            return repository.to_value(d.ConferenceAction, noted)

    def delete_action(self, action_id: str) -> None:
        """Delete an action; the others close up."""
        self._require(Action.WRITE_MINUTES, "conference_action", action_id)
        with self._store.unit_of_work(
            self._context(Action.WRITE_MINUTES, "conference_action", action_id)
        ) as w:
            noted = row(w.session, m.ConferenceActionRow, action_id, "action")
            self._require_draft(w.session, noted.conference_id)
            self._delete_and_renumber(w.session, noted, "conference_id")

    # --- Signs of Safety scaling ---------------------------------------------------

    def set_scale(
        self,
        ref: str,
        participant_id: str,
        score: int | None,
        note: str = "",
        *,
        expected: Expected = None,
    ) -> d.SafetyScale | None:
        """Record a participant's 0-10 safety scale, or clear it with ``None``.

        ``expected``: the ``score`` (``None``: none) and ``note`` the editor showed.
        """
        self._require(Action.WRITE_MINUTES, "conference", ref)
        if score is not None:
            score = c.whole(score, "$.scaling[].score")
        note = c.text(note, "$.scaling[].note")
        with self._store.unit_of_work(self._context(Action.WRITE_MINUTES, "safety_scale")) as w:
            s = w.session
            conference = self._conference_row(s, ref)
            self._require_draft(s, conference.id)
            person = own(s, m.ParticipantRow, participant_id, conference.id, "participant")
            scales = rows.ordered(
                s, m.SafetyScaleRow, m.SafetyScaleRow.conference_id == conference.id
            )
            scale = next((r for r in scales if r.participant_id == participant_id), None)
            _check_scale(person, scale, expected, {"score": score, "note": note})
            if score is None:
                if scale is not None:
                    w.object_id = scale.id
                    s.delete(scale)
                    scales.remove(scale)
                    s.flush()
                    self._renumber(scales)
                return None
            if scale is None:
                scale = m.SafetyScaleRow(
                    id=m.new_id(),
                    conference_id=conference.id,
                    position=len(scales),
                    participant_id=participant_id,
                    score=score,
                    note=note,
                    **self._meta(),
                )
                s.add(scale)
            else:
                self._apply(scale, {"score": score, "note": note})
            w.object_id = scale.id
            s.flush()
            return repository.to_value(d.SafetyScale, scale)


#: An action's fields in the words of a message.
_ACTION_FIELDS = {"owner": "owner", "action": "words", "due_date": "due date"}


@dataclass(frozen=True)
class _NoScale:
    """What a person without a safety scale shows: no score, no note."""

    score: int | None = None
    note: str = ""


def _check_scale(
    person: m.ParticipantRow,
    scale: m.SafetyScaleRow | None,
    expected: Expected,
    changes: dict[str, object],
) -> None:
    """Refuse a scale set from a table that showed older values (theirs: the scale
    stored now, or ``None``)."""
    theirs = None if scale is None else repository.to_value(d.SafetyScale, scale)
    name = person.name.strip() or "this participant"
    try:
        refuse_if_changed(
            _NoScale() if theirs is None else theirs,
            0 if scale is None else scale.row_version,
            expected,
            changes,
            lambda field: f"{name}'s safety {'score' if field == 'score' else 'note'}",
        )
    except EditedElsewhere as error:
        raise EditedElsewhere(error.message, theirs, error.version) from None
