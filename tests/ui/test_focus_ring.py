"""The focus ring is the application's style, not a style sheet (issue 21 point 3): it
is drawn round each kind of widget the workspace has while it has the focus, and only
then; no window carries a style sheet for it."""

from __future__ import annotations

import pytest
from PySide6 import QtGui, QtWidgets
from pytestqt.qtbot import QtBot

from cpc_desktop.ui.focus_ring import RING, FocusRingStyle, has_ring, show_ring


def _ring_pixels(widget: QtWidgets.QWidget) -> int:
    image = widget.grab().toImage()
    ring = QtGui.QColor(RING).rgb()
    return sum(
        image.pixel(x, y) == ring for x in range(image.width()) for y in range(image.height())
    )


def _kinds() -> list[QtWidgets.QWidget]:
    combo = QtWidgets.QComboBox()
    combo.addItems(["Chair", "Social worker"])
    tabs = QtWidgets.QTabBar()
    tabs.addTab("Introductions")
    tabs.addTab("Minutes")
    return [
        QtWidgets.QLineEdit("text"),
        QtWidgets.QPushButton("&Add"),
        QtWidgets.QCheckBox("&Restricted"),
        combo,
        QtWidgets.QSpinBox(),
        QtWidgets.QPlainTextEdit("words"),
        tabs,
    ]


@pytest.mark.parametrize("index", range(7))
def test_the_ring_shows_round_each_kind_only_while_it_has_the_focus(
    qtbot: QtBot, qapp: QtWidgets.QApplication, index: int
) -> None:
    show_ring(qapp)
    assert isinstance(qapp.style(), FocusRingStyle) and has_ring()
    window = QtWidgets.QWidget()
    qtbot.addWidget(window)
    elsewhere = QtWidgets.QLineEdit()
    widget = _kinds()[index]
    layout = QtWidgets.QVBoxLayout(window)
    layout.addWidget(elsewhere)
    layout.addWidget(widget)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    elsewhere.setFocus()
    qtbot.waitUntil(elsewhere.hasFocus)
    assert _ring_pixels(widget) == 0
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    assert _ring_pixels(widget) > 20
    assert _ring_pixels(elsewhere) == 0
    assert not window.styleSheet() and not qapp.styleSheet()


def test_a_spin_box_s_own_field_is_not_ringed_twice(
    qtbot: QtBot, qapp: QtWidgets.QApplication
) -> None:
    show_ring(qapp)
    box = QtWidgets.QSpinBox()
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    box.activateWindow()
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    field = box.findChild(QtWidgets.QLineEdit)
    assert field is not None
    assert _ring_pixels(box) > 20
    assert _ring_pixels(field) == 0  # the spin box's ring is round it, outside the field
