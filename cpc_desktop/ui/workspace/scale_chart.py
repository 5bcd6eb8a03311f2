"""The safety scale over the plan's conferences, drawn (QPainter) and as text.

One line per person, by date; lines differ by marker shape and dash as well as colour.
The same scores are in :attr:`ScaleChart.text` (and the widget's accessible
description), so the chart is never the only way to read them.
"""

from __future__ import annotations

from datetime import date

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.ui.screen_dates import screen_plain_date

Series = tuple[tuple[str, tuple[tuple[date, int], ...]], ...]

_INKS = ("#1f3a68", "#7a1f1f", "#2f5d2f", "#5a4a1a", "#4b2a63", "#333333")
_DASHES = (
    QtCore.Qt.PenStyle.SolidLine,
    QtCore.Qt.PenStyle.DashLine,
    QtCore.Qt.PenStyle.DotLine,
    QtCore.Qt.PenStyle.DashDotLine,
)


def series_text(series: Series) -> str:
    """Each person's scores in words, one person a line."""
    translate = QtCore.QCoreApplication.translate
    if not series:
        return translate("ScaleChart", "No safety scales were recorded at the plan's conferences.")
    scored = translate("ScaleChart", "{score} out of 10 on {day}")
    return "\n".join(
        f"{label}: "
        + "; ".join(scored.format(score=score, day=screen_plain_date(day)) for day, score in points)
        for label, points in series
    )


class ScaleChart(QtWidgets.QWidget):
    """Each person's safety scale (0-10) at each conference of the plan."""

    def __init__(self, series: Series, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scaleChart")
        self.series = series
        self.days = sorted({day for _label, points in series for day, _score in points})
        self.text = series_text(series)
        self.setAccessibleName(self.tr("Safety scale over the plan"))
        self.setAccessibleDescription(self.text)
        self.setToolTip(self.text)
        self.setMinimumHeight(self._room(110))
        self.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Preferred
        )

    def sizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(480, self._room(140))

    def _room(self, plot: int) -> int:
        """The height that gives the scale ``plot`` pixels above the dates and the legend,
        in this widget's font (the legend is one line per person)."""
        line = self.fontMetrics().height()
        return 8 + plot + line + 10 + (line + 2) * len(self.series) + self.fontMetrics().descent()

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        painter = QtGui.QPainter(self)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        legend = (line + 2) * len(self.series)
        left, right, top = metrics.horizontalAdvance("10") + 10, 16, 8
        bottom = self.height() - legend - line - 10 - metrics.descent()
        width = max(self.width() - left - right, 10)
        height = max(bottom - top, 10)
        palette = self.palette()
        painter.setPen(QtGui.QPen(palette.color(QtGui.QPalette.ColorRole.Mid), 1))
        for score in range(0, 11, 2):
            y = bottom - score * height / 10
            painter.drawLine(QtCore.QPointF(left, y), QtCore.QPointF(left + width, y))
            painter.setPen(palette.color(QtGui.QPalette.ColorRole.WindowText))
            painter.drawText(QtCore.QPointF(2, y + line / 3), str(score))
            painter.setPen(QtGui.QPen(palette.color(QtGui.QPalette.ColorRole.Mid), 1))

        def x_of(day: date) -> float:
            if len(self.days) < 2:
                return left + width / 2
            return left + self.days.index(day) * width / (len(self.days) - 1)

        painter.setPen(palette.color(QtGui.QPalette.ColorRole.WindowText))
        for day in self.days:
            text = screen_plain_date(day)
            x = x_of(day) - metrics.horizontalAdvance(text) / 2
            x = min(max(x, 0), self.width() - metrics.horizontalAdvance(text))
            painter.drawText(QtCore.QPointF(x, bottom + line + 2), text)
        for number, (label, points) in enumerate(self.series):
            colour = QtGui.QColor(_INKS[number % len(_INKS)])
            pen = QtGui.QPen(colour, 2, _DASHES[number % len(_DASHES)])
            at = [QtCore.QPointF(x_of(day), bottom - score * height / 10) for day, score in points]
            painter.setPen(pen)
            if len(at) > 1:
                painter.drawPolyline(at)
            painter.setBrush(colour)
            for point in at:
                self._marker(painter, number, point)
            y = bottom + line + 8 + (number + 1) * (line + 2)
            self._marker(painter, number, QtCore.QPointF(left + 4, y - line / 3))
            painter.drawLine(
                QtCore.QPointF(left + 10, y - line / 3), QtCore.QPointF(left + 34, y - line / 3)
            )
            painter.setPen(palette.color(QtGui.QPalette.ColorRole.WindowText))
            painter.drawText(QtCore.QPointF(left + 40, y), label)
        painter.end()

    @staticmethod
    def _marker(painter: QtGui.QPainter, number: int, at: QtCore.QPointF) -> None:
        size = 4.0
        shape = number % 3
        if shape == 0:
            painter.drawEllipse(at, size, size)
        elif shape == 1:
            painter.drawRect(QtCore.QRectF(at.x() - size, at.y() - size, 2 * size, 2 * size))
        else:
            painter.drawPolygon(
                QtGui.QPolygonF(
                    [
                        QtCore.QPointF(at.x(), at.y() - size - 1),
                        QtCore.QPointF(at.x() - size - 1, at.y() + size),
                        QtCore.QPointF(at.x() + size + 1, at.y() + size),
                    ]
                )
            )
