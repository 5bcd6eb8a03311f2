"""The agenda panel's clock: time on the current item and in the meeting, and progress.

:class:`AgendaTiming` is mixed into the panel
(:class:`~cpc_desktop.ui.workspace.agenda_panel.AgendaPanel`): it follows which item
is current and fills the header (progress bar, item timer, meeting time) each tick, red
and with the word "over" past an allowance. The times come from the clock kept in the
store (:mod:`cpc_desktop.domain.meeting_clock`), so leaving the conference, reopening it
or a crash loses none of them; the chair can pause the clock (Ctrl+Shift+Space).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain.conference import AgendaItem
from cpc_desktop.domain.dates import clock as clock_of
from cpc_desktop.domain.enums import AgendaStatus
from cpc_desktop.domain.meeting_clock import ClockEvent, ClockTimes, clock_times
from cpc_desktop.ui.errors import user_message

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session

__all__ = ["OVER_COLOUR", "AgendaTiming", "clock_text", "hours_text"]

OVER_COLOUR = "#b91c1c"
_FINISHED = (AgendaStatus.DONE, AgendaStatus.SKIPPED)


def clock_text(span: timedelta) -> str:
    """Minutes and seconds, "07:32" (minutes go past 59: "75:00")."""
    seconds = max(0, int(span.total_seconds()))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def hours_text(span: timedelta) -> str:
    """Hours and minutes, "1:05"."""
    minutes = max(0, int(span.total_seconds())) // 60
    return f"{minutes // 60}:{minutes % 60:02d}"


class AgendaTiming:
    """Time on the agenda (a mixin: the panel provides what is declared here)."""

    clock: Callable[[], datetime]
    current_item_changed: QtCore.SignalInstance
    progress: QtWidgets.QProgressBar
    meeting_label: QtWidgets.QLabel
    now_label: QtWidgets.QLabel
    timer_label: QtWidgets.QLabel
    over_label: QtWidgets.QLabel
    timer_box: QtWidgets.QWidget
    _current_id: str
    _moments: tuple[ClockEvent, ...]
    session: Session
    reference: str

    @property
    def items(self) -> tuple[AgendaItem, ...]:
        raise NotImplementedError

    def current_item(self) -> AgendaItem | None:
        raise NotImplementedError

    def _current_row(self) -> int:
        raise NotImplementedError

    def report(self, error: BaseException) -> None:
        raise NotImplementedError

    def _say(self, text: str) -> None:
        raise NotImplementedError

    def _update_actions(self) -> None:
        raise NotImplementedError

    def _follow_current(self, now: datetime) -> None:
        """Say when the current item changed (the clock's moments are the store's)."""
        current = self.current_item()
        new_id = "" if current is None else current.id
        if new_id != self._current_id:
            self._current_id = new_id
            self.current_item_changed.emit(new_id)

    def clock_times(self, now: datetime | None = None) -> ClockTimes:
        """What the stored clock says at ``now`` (default: the panel's clock)."""
        return clock_times(self._moments, now or self.clock())

    def item_elapsed(self, now: datetime | None = None) -> timedelta:
        """How long the current item has run, counting earlier visits, pauses left out."""
        if not self._current_id:
            return timedelta()
        return self.clock_times(now).spent.get(self._current_id, timedelta())

    def meeting_elapsed(self, now: datetime | None = None) -> timedelta:
        """The meeting's running time so far (to its end), pauses left out."""
        return self.clock_times(now).meeting

    def _read_clock(self) -> None:
        """The clock's moments from the store (the agenda's changes write them)."""
        try:
            self._moments = self.session.meeting_clock.moments(self.reference)
        except Exception as error:  # the store refused the read: keep what is shown
            if user_message(error) is None:
                raise

    def pause_or_resume(self) -> None:
        """Pause the meeting's clock (a break, a dropped call), or start it again."""
        service = self.session.meeting_clock
        paused = self.clock_times().paused_since is not None
        try:
            self._moments = (service.resume if paused else service.pause)(self.reference)
        except Exception as error:
            self.report(error)
            return
        self._say("The clock runs again." if paused else "The clock is paused.")
        self._update_actions()
        self._tick()

    def _tick(self) -> None:
        now = self.clock()
        items = self.items
        total = len(items)
        finished = sum(1 for item in items if item.status in _FINISHED)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(finished)
        self.progress.setFormat(f"{finished} of {total} items done")
        planned = timedelta(minutes=sum(item.allowance_minutes for item in items))
        times = self.clock_times(now)
        spent = times.meeting
        meeting = f"Meeting time {hours_text(spent)} of {hours_text(planned)} planned"
        if spent > planned:
            meeting += f" — {hours_text(spent - planned)} over"
        if times.started is None and total and finished == total:
            # Held before the clock was kept (or imported without it): no time to show.
            meeting = f"Meeting time not recorded ({hours_text(planned)} planned)"
        if times.started is not None:
            meeting += f" (started {clock_of(times.started.astimezone())}"
            meeting += f", ended {clock_of(times.ended.astimezone())})" if times.ended else ")"
        self.meeting_label.setText(meeting)
        self._colour(self.meeting_label, spent > planned)

        current = self._current_row()
        over = False
        if times.paused_since is not None:
            self.now_label.setText(
                f"Clock paused since {clock_of(times.paused_since.astimezone())}."
            )
            self.timer_label.setText(f"{finished} of {total} items done")
            self.over_label.setText("Resume it with Ctrl+Shift+Space.")
        elif current >= 0:
            item = items[current]
            allowed = timedelta(minutes=item.allowance_minutes)
            elapsed = self.item_elapsed(now)
            over = elapsed > allowed
            self.now_label.setText(f"Now: {item.title}")
            self.timer_label.setText(
                f"Item {current + 1} of {total} — {clock_text(elapsed)} of {clock_text(allowed)}"
            )
            if over:
                self.over_label.setText(f"+{clock_text(elapsed - allowed)} over")
            else:
                self.over_label.setText(f"{clock_text(allowed - elapsed)} left")
        elif not items:
            self.now_label.setText("The agenda is empty.")
            self.timer_label.setText("No items")
            self.over_label.setText("Add one with Ctrl+Shift+I.")
        elif finished == total:
            self.now_label.setText("Every item is done or skipped.")
            self.timer_label.setText("Agenda finished")
            self.over_label.setText("")
        elif times.started is None and finished == 0:
            self.now_label.setText("The meeting has not started.")
            self.timer_label.setText(f"{total} items to take")
            self.over_label.setText("Start with Ctrl+Shift+Right.")
        else:
            self.now_label.setText("No item is current.")
            self.timer_label.setText(f"{finished} of {total} items done")
            self.over_label.setText("Next item: Ctrl+Shift+Right.")
        self._colour(self.timer_label, over)
        self._colour(self.over_label, over)
        self.timer_box.setProperty("over", over)

    @staticmethod
    def _colour(label: QtWidgets.QLabel, over: bool) -> None:
        """Red (and bold) past the allowance; the words "over" say it without colour."""
        base = str(label.property("baseStyle") or "")
        style = f"{base} color: {OVER_COLOUR}; font-weight: bold;" if over else base
        if label.styleSheet() != style:
            label.setStyleSheet(style)
