"""A :class:`~cpc_desktop.domain.printed.Chart` on paper: a line chart, then its table.

Each line is one person's score at each conference; lines differ by the shape of their
markers and their dash as well as their shade, so they can be told apart printed in
black and white. The table with the same scores follows the chart, so the values can be
read (and read aloud) without it.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether

from cpc_desktop.domain.printed import Chart
from cpc_desktop.export import fonts

__all__ = ["chart_drawing"]

_INKS = (
    colors.HexColor("#1f3a68"),
    colors.HexColor("#7a1f1f"),
    colors.HexColor("#2f5d2f"),
    colors.HexColor("#5a4a1a"),
    colors.HexColor("#4b2a63"),
    colors.HexColor("#333333"),
)
_DASHES: tuple[tuple[float, ...] | None, ...] = (None, (4, 2), (1, 2), (6, 2, 1, 2))
_GRID = colors.HexColor("#d0d0d0")


def _marker(kind: int, x: float, y: float, ink: colors.Color) -> object:
    size = 3.0
    shape = kind % 3
    if shape == 0:
        return Circle(x, y, size, fillColor=ink, strokeColor=ink)
    if shape == 1:
        return Rect(x - size, y - size, 2 * size, 2 * size, fillColor=ink, strokeColor=ink)
    return Polygon(
        [x, y + size + 1, x - size - 1, y - size, x + size + 1, y - size],
        fillColor=ink,
        strokeColor=ink,
    )


def chart_drawing(block: Chart, width: float, font_size: float) -> Drawing:
    """The chart of ``block`` as a drawing ``width`` wide (points)."""
    columns = max(len(block.header) - 1, 1)
    legend_rows = len(block.rows)
    plot_h = 120.0
    legend_h = (font_size + 4) * legend_rows
    height = plot_h + 30 + legend_h
    left, bottom, right = 28.0, 20.0 + legend_h, 12.0
    plot_w = width - left - right
    drawing = Drawing(width, height)
    span = max(block.high - block.low, 1)

    def y_of(score: int) -> float:
        return bottom + (score - block.low) / span * plot_h

    def x_of(index: int) -> float:
        return left + (plot_w / 2 if columns == 1 else index * plot_w / (columns - 1))

    for score in range(block.low, block.high + 1, 2 if span > 5 else 1):
        y = y_of(score)
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=_GRID, strokeWidth=0.5))
        drawing.add(
            String(
                left - 4,
                y - font_size / 3,
                str(score),
                fontName=fonts.BODY,
                fontSize=font_size,
                textAnchor="end",
            )
        )
    for index, heading in enumerate(block.header[1:]):
        drawing.add(
            String(
                x_of(index),
                bottom - font_size - 4,
                heading,
                fontName=fonts.BODY,
                fontSize=font_size,
                textAnchor="middle",
            )
        )
    for number, row in enumerate(block.rows):
        ink = _INKS[number % len(_INKS)]
        dash = _DASHES[number % len(_DASHES)]
        points = [
            (x_of(index), y_of(int(value)))
            for index, value in enumerate(row[1:])
            if value.strip().isdigit()
        ]
        if len(points) > 1:
            flat = [v for point in points for v in point]
            drawing.add(PolyLine(flat, strokeColor=ink, strokeWidth=1.4, strokeDashArray=dash))
        for x, y in points:
            drawing.add(_marker(number, x, y, ink))
        legend_y = legend_h - (number + 1) * (font_size + 4) + 4
        drawing.add(_marker(number, left + 4, legend_y + font_size / 3, ink))
        drawing.add(
            Line(
                left + 10,
                legend_y + font_size / 3,
                left + 30,
                legend_y + font_size / 3,
                strokeColor=ink,
                strokeWidth=1.4,
                strokeDashArray=dash,
            )
        )
        drawing.add(
            String(
                left + 36, legend_y, row[0] if row else "", fontName=fonts.BODY, fontSize=font_size
            )
        )
    return drawing


def chart_flowables(block: Chart, width: float, font_size: float) -> list[Flowable]:
    return [KeepTogether([chart_drawing(block, width, font_size)])]
