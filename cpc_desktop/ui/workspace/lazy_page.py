"""A tab page whose contents are made the first time it is shown (or asked for).

Opening a conference builds only what is on screen: a tab the chair has not looked at
yet (the introductions, once the meeting is under way) costs nothing until then.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6 import QtGui, QtWidgets

W = TypeVar("W", bound=QtWidgets.QWidget)


class LazyPage(QtWidgets.QWidget, Generic[W]):
    def __init__(self, make: Callable[[], W], parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._make = make
        self._content: W | None = None
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    @property
    def made(self) -> bool:
        return self._content is not None

    def content(self) -> W:
        """The page's widget, made now if it has not been made yet."""
        if self._content is None:
            self._content = self._make()
            layout = self.layout()
            assert layout is not None
            layout.addWidget(self._content)
            self._content.show()  # a widget added to a page on screen is not shown by itself
            self.setFocusProxy(self._content)
        return self._content

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        self.content()
        super().showEvent(event)
