"""A progress bar on the terminal for a long command (``check``), on stderr only.

Drawn only when stderr is a terminal: a script reading stderr, or a log, gets the one
line of outcome and nothing else. The bar is redrawn in place (carriage return) when
its per cent or its words change, and wiped when the command ends.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

WIDTH = 30

Show = Callable[[float, str], None]


def _silent(_fraction: float, _what: str) -> None:
    pass


class _Bar:
    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._drawn = ""

    def show(self, fraction: float, what: str) -> None:
        fraction = min(max(fraction, 0.0), 1.0)
        filled = int(fraction * WIDTH)
        line = f"[{'#' * filled}{'.' * (WIDTH - filled)}] {int(fraction * 100):3d} % {what}"
        if line == self._drawn:
            return
        pad = " " * max(0, len(self._drawn) - len(line))
        self._stream.write("\r" + line + pad)
        self._stream.flush()
        self._drawn = line

    def clear(self) -> None:
        if self._drawn:
            self._stream.write("\r" + " " * len(self._drawn) + "\r")
            self._stream.flush()
            self._drawn = ""


@contextmanager
def progress_bar(stream: TextIO | None = None) -> Iterator[Show]:
    """A ``show(fraction, what)`` that draws on ``stream`` (stderr) if it is a terminal."""
    stream = stream if stream is not None else sys.stderr
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError):
        terminal = False
    if not terminal:
        yield _silent
        return
    bar = _Bar(stream)
    try:
        yield bar.show
    finally:
        bar.clear()
