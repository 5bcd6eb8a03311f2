"""Bold (and larger) text for a heading, set as the widget's font.

Not a style sheet of its own: each one made its widget re-work its style whenever the
workspace was put together, about a millisecond apiece while a conference opened
(bench/README.md, issue 21 point 3). The size is in points, as a style sheet's was.
"""

from __future__ import annotations

from PySide6 import QtWidgets


def emphasise(widget: QtWidgets.QWidget, points: float | None = None) -> None:
    """Make ``widget``'s text bold, and ``points`` in size if given."""
    font = widget.font()
    font.setBold(True)
    if points is not None:
        font.setPointSizeF(points)
    widget.setFont(font)
