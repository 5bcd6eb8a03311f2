"""The one undo command of the workspace: a change made through the services.

A :class:`ServiceCommand` makes its change with ``forward`` and takes it back with
``backward``; both call services and never touch widgets (they hand the store's
answer to their host, the pane, which shows it). Subclasses may override the two
methods instead of passing callables.

A pane runs a command once with :meth:`ServiceCommand.run` *before* pushing it
(:func:`run_and_push`), so a refused change is reported and nothing reaches the
undo stack; the push then skips the first ``redo``. A later ``undo`` or ``redo``
that the store refuses (a :class:`ServiceError`) is handed to the host's
:meth:`UndoHost.command_refused` and the command is dropped from the stack, so the
stack never holds a change the store did not make. Errors that are bugs propagate.

Something removed and then put back keeps its id (the services take it back), so
commands further along the stack that name it still reach it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6 import QtGui

from cpc_desktop.services.errors import ServiceError
from cpc_desktop.ui.errors import user_message

__all__ = ["ServiceCommand", "UndoHost", "run_and_push"]


class UndoHost(Protocol):
    """The pane a command works for, told when the store refuses an undo or redo."""

    def command_refused(self, command: ServiceCommand, verb: str, error: ServiceError) -> None:
        """``command`` could not be ``verb`` ("undo" or "redo"); it is already obsolete."""
        ...


def _nothing() -> None:
    return None


class ServiceCommand(QtGui.QUndoCommand):
    """A change through the services; ``forward`` makes it, ``backward`` takes it back."""

    def __init__(
        self,
        host: UndoHost,
        text: str,
        forward: Callable[[], object] = _nothing,
        backward: Callable[[], object] = _nothing,
    ) -> None:
        super().__init__(text)
        self._host = host
        self._forward_call = forward
        self._backward_call = backward
        self._skip_redo = False

    def forward(self) -> None:
        """Make the change (again)."""
        self._forward_call()

    def backward(self) -> None:
        """Take the change back."""
        self._backward_call()

    def run(self) -> None:
        """Make the change now; raises the service's error if it is refused."""
        self.forward()
        self._skip_redo = True

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._guarded(self.forward, "redo")

    def undo(self) -> None:
        self._guarded(self.backward, "undo")

    def replayed(self, verb: str) -> None:
        """Called after a successful ``verb`` ("undo" or "redo") from the stack."""

    def _guarded(self, step: Callable[[], None], verb: str) -> None:
        try:
            step()
        except ServiceError as error:
            self.setObsolete(True)
            self._host.command_refused(self, verb, error)
            return
        self.replayed(verb)


def run_and_push(
    stack: QtGui.QUndoStack, command: ServiceCommand, refused: Callable[[Exception], None]
) -> bool:
    """Make ``command``'s change and push it; a refusal goes to ``refused`` instead.

    A refusal is a service's error or the store's (a full disk, a store turned
    read-only): any error with a message for the user. Returns whether the change was
    made (and pushed).
    """
    try:
        command.run()
    except Exception as error:
        if user_message(error) is None:
            raise
        refused(error)
        return False
    stack.push(command)
    return True
