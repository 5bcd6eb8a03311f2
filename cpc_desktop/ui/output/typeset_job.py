"""A copy to issue or export, typeset in the typesetting process before it is recorded.

Issuing the minutes, exporting a copy and issuing a letter used to typeset on the
screen's own thread, which froze the window for seconds on a long conference. Now the
window asks its service for the document (``preview_document``, ``issue_document``),
and :func:`typeset_then` sends it to :mod:`cpc_desktop.export.typesetter` while a small
window-modal dialog shows the progress and offers Cancel; the window behind stays
responsive. Once the whole PDF has come, ``done`` gets it (a
:class:`~cpc_desktop.services.outputs.Typeset`) and calls the service, which checks that
the pages are of the document it would make itself, signs and records them in one short
unit of work. Cancel, or a typesetting that fails, records nothing and writes nothing:
the service is never called. The dialog's words follow the screen language (the window's
title and its failure line too, through :func:`title_words` and :func:`failed_words`).
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6 import QtCore, QtWidgets

from cpc_desktop.export import typesetter
from cpc_desktop.services.outputs import ToPreview, Typeset

#: How often the dialog looks for what the typesetter has sent, in ms.
POLL_MS = 30

#: The jobs under way (kept alive here; tests wait on :func:`running`).
_under_way: set[TypesetJob] = set()

Done = Callable[[tuple[Typeset, ...]], None]

#: The one line said when a copy could not be typeset (``what``: "minutes", "letter"…).
NOT_TYPESET = "The {what} could not be typeset, so nothing was {done} or recorded."


def title_words(title: str) -> str:
    """The dialog's title (its window's words) in the screens' language."""
    translate = QtCore.QCoreApplication.translate
    return {
        "Issue the minutes": translate("TypesetJob", "Issue the minutes"),
        "Export the minutes": translate("TypesetJob", "Export the minutes"),
        "Issue the letter": translate("TypesetJob", "Issue the letter"),
        "Mark sent": translate("TypesetJob", "Mark sent"),
    }.get(title, title)


def failed_words(line: str) -> str:
    """A :data:`NOT_TYPESET` line in the screens' language (whole sentences, so the
    Welsh need not put English words in its blanks)."""
    translate = QtCore.QCoreApplication.translate
    return {
        NOT_TYPESET.format(what="minutes", done="issued"): translate(
            "TypesetJob", "The minutes could not be typeset, so nothing was issued or recorded."
        ),
        NOT_TYPESET.format(what="letter", done="issued"): translate(
            "TypesetJob", "The letter could not be typeset, so nothing was issued or recorded."
        ),
        NOT_TYPESET.format(what="family copy", done="held"): translate(
            "TypesetJob", "The family copy could not be typeset, so nothing was held or recorded."
        ),
        NOT_TYPESET.format(what="copy", done="exported"): translate(
            "TypesetJob", "The copy could not be typeset, so nothing was exported or recorded."
        ),
    }.get(line, line)


def running() -> bool:
    """Whether a copy is being typeset for issuing or exporting now."""
    return any(shiboken6.isValid(job) and job.job is not None for job in _under_way)


def typeset_then(
    parent: QtWidgets.QWidget,
    made: ToPreview,
    *,
    title: str,
    failed: str,
    done: Done,
    cancelled: Callable[[], None] | None = None,
    setter: typesetter.Typesetter | None = None,
) -> TypesetJob | None:
    """Typeset ``made`` away from the screen's thread, then call ``done`` with it.

    A copy that needs no typesetting (the issued file itself: ``made.document`` None)
    goes to ``done`` at once, with nothing (and None is returned). ``failed`` is the one
    line shown if the typesetting fails; ``cancelled`` runs if the user cancels.
    """
    if made.document is None:
        done(())
        return None
    job = TypesetJob(parent, made, title, failed, done, cancelled)
    job.start(setter or typesetter.shared())
    return job


class TypesetJob(QtWidgets.QDialog):
    """ "Typesetting…", a progress bar and Cancel, while one copy is typeset."""

    def __init__(
        self,
        parent: QtWidgets.QWidget,
        made: ToPreview,
        title: str,
        failed: str,
        done: Done,
        cancelled: Callable[[], None] | None,
    ) -> None:
        super().__init__(parent)
        self.made = made
        self._failed = failed_words(failed)
        self._done = done
        self._cancelled = cancelled
        self._setter: typesetter.Typesetter | None = None
        self.job: int | None = None
        self.outcome = ""  # "done", "failed" or "cancelled" once it has ended
        self.setObjectName("typesetJob")
        self.setWindowTitle(title_words(title))
        self.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        self.status = QtWidgets.QLabel(self.tr("Typesetting the document…"))
        self.status.setObjectName("typesetJobStatus")
        self.status.setAccessibleName(self.tr("Typesetting"))
        self.progress = QtWidgets.QProgressBar()
        self.progress.setObjectName("typesetJobProgress")
        self.progress.setAccessibleName(self.tr("Typesetting progress"))
        self.progress.setRange(0, 100)
        self.cancel_button = QtWidgets.QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("typesetJobCancel")
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop: nothing is signed, written or recorded"))
        self.cancel_button.clicked.connect(self.reject)
        note = QtWidgets.QLabel(
            self.tr("Nothing is signed or recorded until the whole copy is typeset.")
        )
        note.setWordWrap(True)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(note)
        row = QtWidgets.QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.resize(420, 140)
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(POLL_MS)

    def start(self, setter: typesetter.Typesetter) -> None:
        assert self.made.document is not None
        self._setter = setter
        self._timer.timeout.connect(setter.deliver)
        _under_way.add(self)
        self.job = setter.submit(self.made.document, self._heard, first=False)
        self._timer.start()
        self.open()
        self.cancel_button.setFocus()

    def reject(self) -> None:
        """Cancel (the button, Escape, or closing the dialog): the typesetting stops and
        nothing is recorded."""
        if self.job is not None and self._setter is not None:
            self._setter.cancel(self.job)
            self._end("cancelled")
            if self._cancelled is not None:
                self._cancelled()
        super().reject()

    def _heard(self, message: typesetter.Message) -> None:
        if not shiboken6.isValid(self):  # deleted with its window: stop, record nothing
            if self._setter is not None and self.job is not None:
                self._setter.cancel(self.job)
            _under_way.discard(self)
            return
        if isinstance(message, typesetter.Typeset):
            self.progress.setValue(min(99, round(message.fraction * 100)))
            if message.pages == 1:
                said = self.tr("Typesetting: 1 page set so far…")
            else:
                said = self.tr("Typesetting: {count} pages set so far…")
            self.status.setText(said.format(count=message.pages))
        elif isinstance(message, typesetter.Done):
            self.progress.setValue(100)
            self._end("done")
            self.accept()
            self._done((Typeset.of(self.made, message.pdf),))
        elif isinstance(message, typesetter.Failed):
            self._end("failed")
            self.accept()
            parent = self.parentWidget()
            QtWidgets.QMessageBox.warning(parent, self.windowTitle(), self._failed)

    def _end(self, outcome: str) -> None:
        self.outcome = outcome
        self.job = None
        self._timer.stop()
        _under_way.discard(self)
        self.hide()
        parent = self.parentWidget()
        if parent is not None:  # the keys go back to the window at once
            parent.window().activateWindow()
