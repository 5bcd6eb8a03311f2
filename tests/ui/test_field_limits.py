"""The text boxes where names are typed stop at the length the store accepts.

Each box is bound to its field in the conference document (ui/field_limits.py); its
limit comes from the field's rule, declared once in domain/fields.py.
"""

from __future__ import annotations

from datetime import date

from PySide6 import QtCore, QtGui, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.domain.conference import Participant
from cpc_desktop.domain.enums import ParticipantRole
from cpc_desktop.domain.fields import rule
from cpc_desktop.services.session import Session
from cpc_desktop.ui.field_limits import FIELD_PROPERTY
from cpc_desktop.ui.home.new_conference_dialog import NewConferenceDialog
from cpc_desktop.ui.workspace.agenda_panel import AddItemDialog
from cpc_desktop.ui.workspace.minutes_pane import ActionBar
from cpc_desktop.ui.workspace.roll_call import DetailsDialog, RollCallTab

TODAY = date(2026, 11, 22)


def bound_boxes(widget: QtWidgets.QWidget) -> dict[str, QtWidgets.QLineEdit]:
    return {
        edit.property(FIELD_PROPERTY): edit
        for edit in widget.findChildren(QtWidgets.QLineEdit)
        if edit.property(FIELD_PROPERTY)
    }


def assert_limits(boxes: dict[str, QtWidgets.QLineEdit]) -> None:
    for path, edit in boxes.items():
        limit = rule(path).max_length
        assert edit.maxLength() == (limit if limit is not None else 32767), path


def test_every_box_that_types_a_document_field_has_its_limit(
    qtbot: QtBot, session: Session
) -> None:
    screens: list[QtWidgets.QWidget] = [
        NewConferenceDialog(TODAY, lambda _: None, lambda _: None),
        DetailsDialog(
            Participant("p1", "Pat Lee", ParticipantRole.PARENT), QtCore.QStringListModel(), TODAY
        ),
        RollCallTab(session, "CPC-2026-0003", QtGui.QUndoStack()),
        ActionBar(),
        AddItemDialog(None),
    ]
    seen: set[str] = set()
    for screen in screens:
        qtbot.addWidget(screen)
        boxes = bound_boxes(screen)
        assert boxes, type(screen).__name__
        assert_limits(boxes)
        seen |= set(boxes)
    assert {
        "$.children[].given_name",
        "$.children[].family_name",
        "$.participants[].name",
        "$.participants[].agency",
        "$.participants[].relationship",
        "$.participants[].interpreter_language",
        "$.actions[].owner",
    } <= seen


def test_typing_past_the_limit_stops_at_it(qtbot: QtBot, session: Session) -> None:
    tab = RollCallTab(session, "CPC-2026-0003", QtGui.QUndoStack())
    qtbot.addWidget(tab)
    tab.show()
    tab.name.setFocus()
    qtbot.keyClicks(tab.name, "n" * 205)
    assert len(tab.name.text()) == 200
    qtbot.keyClick(tab.name, QtCore.Qt.Key.Key_Return)
    added = session.conferences.get("CPC-2026-0003").participants[-1]
    assert added.name == "n" * 200


def test_boxes_for_professionals_only_text_say_so_where_it_is_typed(qtbot: QtBot) -> None:
    from datetime import UTC, datetime

    from cpc_desktop.ui.field_limits import PROFESSIONALS_ONLY
    from cpc_desktop.ui.workspace.exclusion_dialog import ExclusionDialog
    from cpc_desktop.ui.workspace.quorum_indicator import QuorumReasonDialog

    exclusion = ExclusionDialog("Dean Harland", datetime(2026, 12, 3, 10, 50, tzinfo=UTC))
    quorum = QuorumReasonDialog("no police", "")
    for dialog in (exclusion, quorum):
        qtbot.addWidget(dialog)
    for box in (exclusion.note, quorum.reason):
        assert PROFESSIONALS_ONLY in box.placeholderText()
        assert box.accessibleDescription() == PROFESSIONALS_ONLY
    # Text written for the family says nothing of the kind.
    family = NewConferenceDialog(TODAY, lambda _: None, lambda _: None)
    qtbot.addWidget(family)
    assert PROFESSIONALS_ONLY in family.reason.placeholderText()  # the reason for delay
    venue = family.venue
    assert PROFESSIONALS_ONLY not in venue.placeholderText() + venue.toolTip()


def test_every_box_for_free_text_says_where_its_text_goes(qtbot: QtBot, session: Session) -> None:
    """Each box bound to a free-text field tells, where the text is typed, whether it goes
    into family copies (disclosure.md); the words come from the field's readers."""
    from datetime import UTC, datetime

    from cpc_desktop.ui.field_limits import (
        FAMILY_COPIES,
        PROFESSIONALS_ONLY,
        SHARED_WITH_FAMILY,
        where_it_goes,
    )
    from cpc_desktop.ui.workspace.exclusion_dialog import ExclusionDialog
    from cpc_desktop.ui.workspace.quorum_indicator import QuorumReasonDialog

    screens: list[QtWidgets.QWidget] = [
        NewConferenceDialog(TODAY, lambda _: None, lambda _: None),
        DetailsDialog(
            Participant("p1", "Pat Lee", ParticipantRole.PARENT), QtCore.QStringListModel(), TODAY
        ),
        RollCallTab(session, "CPC-2026-0003", QtGui.QUndoStack()),
        ActionBar(),
        AddItemDialog(None),
        ExclusionDialog("Dean Harland", datetime(2026, 12, 3, 10, 50, tzinfo=UTC)),
        QuorumReasonDialog("no police", "", shared=True),
    ]
    told: dict[str, str] = {}
    for screen in screens:
        qtbot.addWidget(screen)
        for kind in (QtWidgets.QLineEdit, QtWidgets.QPlainTextEdit):
            for box in screen.findChildren(kind):
                path = box.property(FIELD_PROPERTY)
                if not path or rule(path).readers is None:
                    continue
                described = box.accessibleDescription()
                assert described, path
                assert described in (
                    where_it_goes(path),
                    where_it_goes(path, shared=True),
                ), path
                told[path] = described
    assert told["$.conference.venue"] == FAMILY_COPIES
    assert told["$.agenda[].title"] == FAMILY_COPIES
    assert told["$.actions[].action"] == FAMILY_COPIES
    assert told["$.conference.delay_reason"] == PROFESSIONALS_ONLY
    assert told["$.participants[].attendance[].note"] == PROFESSIONALS_ONLY
    assert told["$.conference.quorum_reason"] == SHARED_WITH_FAMILY  # ticked when opened
