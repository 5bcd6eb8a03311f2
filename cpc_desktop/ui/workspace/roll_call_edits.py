"""The roll call's edits of what is already recorded: details, the child, the quorum.

Each edit says what the tab showed (``expected``), so one made over someone else's
change is refused (issue 17; :mod:`~cpc_desktop.services.edited_fields`): the tab then
shows theirs and says so in one line. The Details dialog stays open with what was typed
and offers Keep mine (saved over theirs, knowingly) or Keep theirs.

:class:`RollCallEdits` is mixed into the Introductions tab
(:class:`~cpc_desktop.ui.workspace.roll_call.RollCallTab`) with
:class:`~cpc_desktop.ui.workspace.roll_call_changes.RollCallChanges`.
"""

from __future__ import annotations

from typing import Any

from cpc_desktop.domain.conference import Participant
from cpc_desktop.domain.enums import ChildParticipation, Nation
from cpc_desktop.domain.labels import child_name
from cpc_desktop.services.errors import EditedElsewhere
from cpc_desktop.ui.errors import user_message
from cpc_desktop.ui.workspace.child_participation import PARTICIPATION_LABELS
from cpc_desktop.ui.workspace.roll_call_changes import RollCallChanges
from cpc_desktop.ui.workspace.roll_call_dialogs import DetailsDialog

__all__ = ["RollCallEdits"]


class RollCallEdits(RollCallChanges):
    """The tab's checked edits (a mixin, as :class:`RollCallChanges` is)."""

    # --- details -------------------------------------------------------------------------

    def edit_details(self) -> None:
        """Open the details of the selected person; saving is undoable."""
        person = self._need_selection()
        if person is None or self.details_dialog is not None:
            return
        dialog = DetailsDialog(
            person,
            self.completions,
            self.session.today(),
            self._widget(),
            children=self.record.children,
            others=self.record.participants,
            describe=self.describe_agency,
            wales=self.profile.nation is Nation.WALES,
        )
        dialog.save = self._save_details
        dialog.finished.connect(self._on_details_finished)
        self.details_dialog = dialog
        dialog.open()

    def _save_details(self, dialog: DetailsDialog) -> bool:
        """Save what the dialog changed, checked against what it showed (or, after a
        clash, against theirs: keep mine). Whether the dialog may close."""
        person = dialog.person
        after = dialog.changes()
        if not after:
            return True
        before = {key: getattr(dialog.base, key) for key in after}
        roll_call = self.session.roll_call
        saved: list[Participant] = []

        def forward() -> None:
            saved[:] = [roll_call.update_participant(person.id, expected=before, **after)]

        def backward() -> None:
            now = {key: getattr(saved[0], key) for key in after}
            roll_call.update_participant(person.id, expected=now, **before)

        def refused(error: Exception) -> None:
            if isinstance(error, EditedElsewhere):
                self.reload()
                message = f"{user_message(error)} The roll call now shows their change."
                self.show_message(message, error=True)
                dialog.show_conflict(error.theirs, message)
                return
            self._report(error)
            dialog.error.setText(user_message(error) or "")

        return self._push(
            f"edit the details of {person.name}",
            forward,
            backward,
            f"Saved the details of {after.get('name', person.name)}.",
            refused=refused,
        )

    def _on_details_finished(self) -> None:
        if self.details_dialog is not None:
            self.details_dialog.deleteLater()
            self.details_dialog = None
        self.table.setFocus()

    # --- the child's participation -------------------------------------------------------

    def _on_child_changed(self, child_id: str) -> None:
        row = self.child_rows.get(child_id)
        if row is None:
            return
        child = row.child
        name = child_name(child)
        mode, reason = row.chosen()
        if mode is None:
            if reason is not None and reason != (child.participation_reason or None):
                self.show_message(f"Choose how {name} takes part first.", error=True)
            return
        if (mode, reason) == (child.participation, child.participation_reason or None):
            return
        if mode is ChildParticipation.NOT_TAKING_PART and reason is None:
            self.show_message(
                f"Give the reason {name} is not taking part; nothing is saved until you do.",
                error=True,
            )
            row.reason.setFocus()
            return
        before = (child.participation, child.participation_reason)
        was = {"participation": before[0], "participation_reason": before[1]}
        roll_call = self.session.roll_call
        saved: list[Any] = []

        def forward() -> None:
            saved[:] = [roll_call.set_child_participation(child_id, mode, reason, expected=was)]

        def backward() -> None:
            now = {key: getattr(saved[0], key) for key in was}
            roll_call.set_child_participation(child_id, *before, expected=now)

        if not self._push(
            f"set how {name} takes part",
            forward,
            backward,
            f"{name}: {PARTICIPATION_LABELS[mode].lower()}.",
        ):
            row.show(child)

    # --- quorum --------------------------------------------------------------------------

    def _on_quorum_reason(self, reason: str, shared: bool = False) -> None:
        reason = reason.strip()
        if not reason:
            self.show_message("Give the reason for going ahead without a quorum.", error=True)
            return
        conference = self.record.conference
        before, was_shared = conference.quorum_reason, conference.quorum_reason_shared
        was = {"quorum_reason": before, "quorum_reason_shared": was_shared}
        roll_call = self.session.roll_call
        saved: list[Any] = []

        def forward() -> None:
            saved[:] = [
                roll_call.set_quorum_reason(self.reference, reason, shared=shared, expected=was)
            ]

        def backward() -> None:
            now = {key: getattr(saved[0], key) for key in was}
            roll_call.set_quorum_reason(self.reference, before, shared=was_shared, expected=now)

        self._push(
            "record the reason for proceeding without quorum",
            forward,
            backward,
            "Recorded the reason for proceeding without quorum.",
        )
