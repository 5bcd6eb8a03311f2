"""The focus ring (issue 19): a blue ring round whatever has the keyboard focus.

It is the application's style, a :class:`QtWidgets.QProxyStyle` over the platform's
own (:class:`FocusRingStyle`), that draws the ring after the widget itself: round a
text field, a box, a button, a table or list and a text editor while it has the focus,
and round the current cell of a table or list that has it; a dashed ring where the
platform draws a focus rectangle of its own (a check box's label, a tab's).

It used to be a style sheet on each window. A style sheet gives every widget within it
a style-sheet style and polishes it through the CSS machinery as it is made and each
time it is put into another: 25-40 ms of opening a conference (bench/README.md, issue
21 point 3). Nothing else about a widget's look or size changes with the focus now.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

#: The colour of the focus ring: a blue with 6.7:1 contrast on white.
RING = "#1d4ed8"

_Style = QtWidgets.QStyle
_FOCUS = _Style.StateFlag.State_HasFocus
_FRAMED = (QtWidgets.QAbstractItemView, QtWidgets.QPlainTextEdit, QtWidgets.QTextEdit)
#: Their own text field is inside their ring: not ringed again.
_RINGED_AROUND = (QtWidgets.QAbstractSpinBox, QtWidgets.QComboBox)
_RINGED_ELEMENTS = frozenset(
    {_Style.ControlElement.CE_PushButton, _Style.ControlElement.CE_TabBarTab}
)
_RINGED_CONTROLS = frozenset(
    {
        _Style.ComplexControl.CC_ComboBox,
        _Style.ComplexControl.CC_SpinBox,
        _Style.ComplexControl.CC_ToolButton,
    }
)


class FocusRingStyle(QtWidgets.QProxyStyle):
    """The platform's style, with the ring drawn over what has the focus."""

    def __init__(self, base: QtWidgets.QStyle | None) -> None:
        super().__init__(base)
        self._solid = QtGui.QPen(QtGui.QColor(RING), 2)
        self._solid.setJoinStyle(QtCore.Qt.PenJoinStyle.MiterJoin)
        self._dashed = QtGui.QPen(QtGui.QColor(RING), 1, QtCore.Qt.PenStyle.DashLine)

    def _ring(self, painter: QtGui.QPainter, rect: QtCore.QRect, pen: QtGui.QPen) -> None:
        painter.save()
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, False)
        painter.setPen(pen)
        painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        inset = pen.width() / 2
        painter.drawRect(QtCore.QRectF(rect).adjusted(inset, inset, -inset, -inset))
        painter.restore()

    def drawPrimitive(
        self,
        element: QtWidgets.QStyle.PrimitiveElement,
        option: QtWidgets.QStyleOption,
        painter: QtGui.QPainter,
        widget: QtWidgets.QWidget | None = None,
    ) -> None:
        if element == _Style.PrimitiveElement.PE_FrameFocusRect:
            # The current cell of a table or list with the focus: solid, as the view's.
            solid = isinstance(widget, QtWidgets.QAbstractItemView)
            self._ring(painter, option.rect, self._solid if solid else self._dashed)
            return
        super().drawPrimitive(element, option, painter, widget)
        if (
            element == _Style.PrimitiveElement.PE_PanelLineEdit
            and option.state & _FOCUS
            and (widget is None or not isinstance(widget.parentWidget(), _RINGED_AROUND))
        ):
            self._ring(painter, option.rect, self._solid)

    def drawControl(
        self,
        element: QtWidgets.QStyle.ControlElement,
        option: QtWidgets.QStyleOption,
        painter: QtGui.QPainter,
        widget: QtWidgets.QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if element == _Style.ControlElement.CE_ShapedFrame:
            if isinstance(widget, _FRAMED) and widget.hasFocus():
                self._ring(painter, option.rect, self._solid)
        elif element in _RINGED_ELEMENTS and option.state & _FOCUS:
            self._ring(painter, option.rect, self._solid)

    def drawComplexControl(
        self,
        control: QtWidgets.QStyle.ComplexControl,
        option: QtWidgets.QStyleOptionComplex,
        painter: QtGui.QPainter,
        widget: QtWidgets.QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in _RINGED_CONTROLS and option.state & _FOCUS:
            self._ring(painter, option.rect, self._solid)


def show_ring(app: QtCore.QCoreApplication | None = None) -> None:
    """Make :class:`FocusRingStyle` the application's style (once)."""
    app = app or QtWidgets.QApplication.instance()
    if not isinstance(app, QtWidgets.QApplication) or has_ring():
        return
    base = QtWidgets.QStyleFactory.create(QtWidgets.QApplication.style().name())
    style = FocusRingStyle(base)
    app.setStyle(style)  # the application owns it from now on


def has_ring(widget: QtWidgets.QWidget | None = None) -> bool:
    """Whether the ring is drawn (for ``widget``: it is the application's, so for every
    widget once it is on)."""
    return isinstance(QtWidgets.QApplication.style(), FocusRingStyle)
