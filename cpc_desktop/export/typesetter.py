"""Typesetting in a process of its own, so that a long document never holds up the screen.

ReportLab is pure Python: typeset on a thread, it shares the interpreter's lock with the
screen and a key pressed meanwhile waits for it (hundreds of milliseconds under load).
So a preview is typeset by a child process, ``python -m cpc_desktop.export.typesetter``,
which keeps running for the session (its imports and fonts are paid once) and does one
job at a time. The document goes to it, and the PDF comes back, pickled through its
standard input and output: nothing is written to disk.

For each job the child sends, in order: the first page alone (``FirstPage``), progress
as pages are finished (``Typeset``), then the whole PDF (``Done``), or ``Failed`` with
one line to show, or ``Cancelled`` once it has stopped for :meth:`Typesetter.cancel`.
If the child dies, the parent is told ``Failed`` for the job under way and the next job
starts a new child.

A preview's PDFs stay in the child (``page_pictures``) until :meth:`Typesetter.forget`:
:meth:`Typesetter.draw` asks for one page at a scale, and ``Drawn`` brings it back
rasterised, so that the application's process never loads pdfium to show a preview.

The parent's side, :class:`Typesetter`, has no Qt in it: the screen polls
:meth:`Typesetter.messages` from its own timer.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any

from cpc_desktop.domain.printed import LetterDocument, PrintedDocument
from cpc_desktop.export.page_pictures import Picture as Picture
from cpc_desktop.export.page_pictures import Pictures, Sizes

#: How much lower the typesetting process's priority is than the application's (POSIX).
NICENESS = 10

STOPPED = (
    "The typesetting stopped before the preview was finished; close this preview and open it again."
)


@dataclass(frozen=True)
class FirstPage:
    job: int
    pdf: bytes  # one page, numbered "Page 1 of …"
    pictures: tuple[Picture, ...] = ()
    sizes: Sizes = ()  # its page's size in points (a preview's: the child keeps it)


@dataclass(frozen=True)
class Typeset:
    job: int
    pages: int
    fraction: float


@dataclass(frozen=True)
class Done:
    job: int
    pdf: bytes
    pictures: tuple[Picture, ...] = ()  # the first page, as it will be shown
    sizes: Sizes = ()  # every page's size in points (a preview's: the child keeps it)


@dataclass(frozen=True)
class Drawn:
    """One page of a preview's PDF (``whole``: the whole, else the first page alone)
    as :meth:`Typesetter.draw` asked; ``picture`` None if it could not be drawn."""

    job: int
    whole: bool
    index: int
    scale: float
    picture: Picture | None


@dataclass(frozen=True)
class Failed:
    job: int
    message: str  # one plain line for the user


@dataclass(frozen=True)
class Cancelled:
    job: int


Message = FirstPage | Typeset | Done | Failed | Cancelled | Drawn
Listener = Callable[[Message], None]


@dataclass(frozen=True)
class _Job:
    job: int
    document: PrintedDocument | LetterDocument
    scale: float = 0.0  # rasterise the first pages at this scale (0: do not)
    first: bool = True  # send the first page alone before the rest (a preview)


@dataclass(frozen=True)
class _Cancel:
    job: int


@dataclass(frozen=True)
class _Draw:
    job: int
    whole: bool
    index: int
    scale: float


@dataclass(frozen=True)
class _Forget:
    job: int


# --- the parent's side -------------------------------------------------------------------


class Typesetter:
    """The child process and the jobs sent to it; safe to use from one thread."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        # What the children sent; a child's own process when it has gone.
        self._messages: queue.SimpleQueue[Message | subprocess.Popen[bytes]] = queue.SimpleQueue()
        self._numbers = itertools.count(1)
        self._open: dict[int, subprocess.Popen[bytes]] = {}  # jobs not yet answered in full
        self._listeners: dict[int, Listener] = {}
        self._drawers: dict[int, Listener] = {}  # who hears a preview's pages drawn

    def start(self) -> None:
        """Start the child now (it imports ReportLab and reads the fonts), if not running."""
        if self._process is not None:
            if self._process.poll() is None:
                return
            self.stop()  # it died: let go of its pipe
        self._process = subprocess.Popen(
            [sys.executable, "-m", "cpc_desktop.export.typesetter"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        reader = threading.Thread(
            target=self._read,
            args=(self._process, self._messages),
            name="typesetter-reader",
            daemon=True,
        )
        reader.start()

    def submit(
        self,
        document: PrintedDocument | LetterDocument,
        listener: Listener | None = None,
        scale: float = 0.0,
        *,
        first: bool = True,
    ) -> int:
        """Send ``document`` to be typeset; its job number comes back with every message.

        With ``listener``, :meth:`deliver` hands it the job's messages. With ``scale``
        (pixels per point), the first page or two come rasterised too (``Picture``).
        ``first=False`` (a copy to issue, not a preview): no ``FirstPage`` is sent.
        """
        job = next(self._numbers)
        if listener is not None:
            self._listeners[job] = listener
        try:
            self.start()
            assert self._process is not None
            self._open[job] = self._process
            self._send(_Job(job, document, scale, first))
        except OSError:
            self._open.pop(job, None)
            self._messages.put(Failed(job, STOPPED))
        return job

    def cancel(self, job: int) -> None:
        """Ask the child to stop ``job`` (it stops at its next page, and says so); its
        listener hears nothing more."""
        self._listeners.pop(job, None)
        if job in self._open:
            with contextlib.suppress(OSError):
                self._send(_Cancel(job))

    def draw(self, job: int, whole: bool, index: int, scale: float, listener: Listener) -> None:
        """Ask for page ``index`` of preview ``job``'s PDF (``whole``, or its first page
        alone) rasterised at ``scale``; :meth:`deliver` gives ``listener`` the ``Drawn``.
        A child that has gone answers nothing: the page stays undrawn."""
        self._drawers[job] = listener
        with contextlib.suppress(OSError):
            self._send(_Draw(job, whole, index, scale))

    def forget(self, job: int) -> None:
        """The preview of ``job`` has closed: the child lets go of its PDFs."""
        self._drawers.pop(job, None)
        with contextlib.suppress(OSError):
            self._send(_Forget(job))

    def messages(self) -> list[Message]:
        """Every message that has come since the last call, oldest first."""
        found: list[Message] = []
        while True:
            try:
                message = self._messages.get_nowait()
            except queue.Empty:
                return found
            if isinstance(message, subprocess.Popen):  # gone: what it had not finished failed
                lost = sorted(job for job, child in self._open.items() if child is message)
                found.extend(Failed(job, STOPPED) for job in lost)
                for job in lost:
                    del self._open[job]
                continue
            if isinstance(message, Done | Failed | Cancelled):
                self._open.pop(message.job, None)
            found.append(message)

    def deliver(self) -> None:
        """Hand every message that has come to its job's listener (others are dropped)."""
        for message in self.messages():
            if isinstance(message, Drawn):
                drawer = self._drawers.get(message.job)
                if drawer is not None:
                    drawer(message)
                continue
            listener = self._listeners.get(message.job)
            if isinstance(message, Done | Failed | Cancelled):
                self._listeners.pop(message.job, None)
            if listener is not None:
                listener(message)

    def stop(self) -> None:
        """End the child (it finishes nothing more); a later job starts another."""
        process, self._process = self._process, None
        if process is None:
            return
        with contextlib.suppress(OSError):
            assert process.stdin is not None
            process.stdin.close()
        try:
            process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def pending(self, job: int) -> bool:
        """Whether ``job`` is sent and its last message has not come yet."""
        return job in self._open

    def pid(self) -> int | None:
        """The child's process id while it runs (for tests)."""
        process = self._process
        return process.pid if process is not None and process.poll() is None else None

    def _send(self, what: _Job | _Cancel | _Draw | _Forget) -> None:
        process = self._process
        if process is None or process.stdin is None:
            raise OSError("the typesetter is not running")
        pickle.dump(what, process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
        process.stdin.flush()

    @staticmethod
    def _read(
        process: subprocess.Popen[bytes],
        messages: queue.SimpleQueue[Message | subprocess.Popen[bytes]],
    ) -> None:
        assert process.stdout is not None
        try:
            while True:
                messages.put(pickle.load(process.stdout))
        except (EOFError, OSError, pickle.UnpicklingError):
            pass
        process.stdout.close()
        process.wait()
        messages.put(process)


_shared: Typesetter | None = None


def shared() -> Typesetter:
    """The application's one typesetter (its child started when first asked for)."""
    global _shared
    if _shared is None:
        _shared = Typesetter()
        atexit.register(_shared.stop)  # the child ends with the application
    return _shared


# --- the child's side --------------------------------------------------------------------


class _Stop(Exception):
    """The job was cancelled."""


def _serve(source: IO[bytes], sink: IO[bytes]) -> None:
    from cpc_desktop.export import fonts

    fonts.register_fonts()  # before the first job: the first page comes at once
    jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
    cancelled: set[int] = set()
    gone: list[bool] = []  # the parent closed the pipe: stop whatever is under way
    pictures = Pictures()
    sending = threading.Lock()  # two threads send: one message at a time

    def send(message: Message) -> None:
        with sending:
            pickle.dump(message, sink, protocol=pickle.HIGHEST_PROTOCOL)
            sink.flush()

    def listen() -> None:
        # A page asked for is drawn here at once, even while a job is being typeset.
        try:
            while True:
                what = pickle.load(source)
                if isinstance(what, _Cancel):
                    cancelled.add(what.job)
                elif isinstance(what, _Draw):
                    drawn = pictures.draw(what.job, what.whole, what.index, what.scale)
                    send(Drawn(what.job, what.whole, what.index, what.scale, drawn))
                elif isinstance(what, _Forget):
                    pictures.forget(what.job)
                else:
                    jobs.put(what)
        except (EOFError, OSError, pickle.UnpicklingError):
            gone.append(True)
            jobs.put(None)

    threading.Thread(target=listen, name="typesetter-listen", daemon=True).start()
    with contextlib.suppress(BrokenPipeError):  # the parent has gone: nobody to tell
        _work(jobs, cancelled, gone, send, pictures)


def _work(
    jobs: queue.SimpleQueue[_Job | None],
    cancelled: set[int],
    gone: list[bool],
    send: Callable[[Message], None],
    pictures: Pictures,
) -> None:
    from cpc_desktop.export import typeset

    while (job := jobs.get()) is not None:
        number = job.job

        def told(progress: typeset.Progress, number: int = number) -> None:
            if number in cancelled or gone:
                raise _Stop
            send(Typeset(number, progress.pages, progress.fraction))

        render: Any = (
            typeset.render_letter
            if isinstance(job.document, LetterDocument)
            else typeset.render_document
        )
        try:
            if number in cancelled:
                raise _Stop
            if job.first:
                first = render(job.document, pages=1)
                sizes = pictures.keep(number, False, first) if job.scale > 0 else ()
                drawn = pictures.first(number, False, job.scale, 1)
                send(FirstPage(number, first, drawn, sizes))
            whole = render(job.document, progress=told)
            if number in cancelled or gone:  # closed as the last page was set
                raise _Stop
            sizes = pictures.keep(number, True, whole) if job.scale > 0 else ()
            send(Done(number, whole, pictures.first(number, True, job.scale, 1), sizes))
        except _Stop:
            send(Cancelled(number))
        except Exception as error:  # the one line the preview shows; the details to stderr
            print(f"typesetting failed: {error!r}", file=sys.stderr)
            why = type(error).__name__
            send(Failed(number, f"The document could not be typeset ({why}): no preview."))
        cancelled.discard(number)


def main() -> None:
    if hasattr(os, "nice"):
        # Below the application's own priority: on a busy machine the screen (and the
        # chair's typing) is served first, and the typesetting takes what is left.
        with contextlib.suppress(OSError):
            os.nice(NICENESS)
    sink = sys.stdout.buffer
    sys.stdout = sys.stderr  # anything printed by mistake must not enter the pipe
    _serve(sys.stdin.buffer, sink)


if __name__ == "__main__":
    # Run as the module by its own name, so that what is pickled names its classes there.
    from cpc_desktop.export.typesetter import main as run

    run()
