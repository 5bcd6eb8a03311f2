"""What the output windows share: the busy cursor, one-line errors, instants, the preview.

A preview made only for looking at (unsigned and not recorded) is opened "look only":
its Print and Save are taken away, so nothing leaves the application without being
recorded; issuing or exporting gives the copy that may be printed or saved.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain.dates import short_moment
from cpc_desktop.ui.errors import user_message

LOOK_ONLY_TEXT = (
    "Preview only: this copy is not signed and not recorded, so it cannot be printed or "
    "saved from here."
)


def text_label(
    name: str, accessible: str, *, bold: bool = False, scale: float = 1.0, margin: int = 0
) -> QtWidgets.QLabel:
    """A wrapping label that shows text as typed (never as markup), named for tests and readers."""
    label = QtWidgets.QLabel()
    label.setObjectName(name)
    label.setAccessibleName(accessible)
    label.setWordWrap(True)
    label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    if margin:
        label.setMargin(margin)
    if bold or scale != 1.0:
        font = label.font()
        font.setBold(bold)
        font.setPointSizeF(font.pointSizeF() * scale)
        label.setFont(font)
    return label


@contextmanager
def busy() -> Iterator[None]:
    """The wait cursor while something slow (typesetting, signing) runs."""
    QtWidgets.QApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QtWidgets.QApplication.restoreOverrideCursor()


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


def error_text(error: BaseException) -> str | None:
    """The one line a user sees for ``error``, or ``None`` when it is a bug."""
    from_service = user_message(error)
    if from_service is not None:
        return _sentence(from_service)
    if type(error).__name__ == "SigningError":  # not imported: pyHanko is slow to load
        return _sentence(str(error))
    if isinstance(error, OSError):
        reason = error.strerror or str(error)
        where = f" ({error.filename})" if error.filename else ""
        return f"The file could not be used{where}: {reason}."
    return None


def show_error(parent: QtWidgets.QWidget | None, error: BaseException, title: str) -> None:
    """Tell the user what went wrong in one line; a bug (no user message) is raised."""
    message = error_text(error)
    if message is None:
        raise error
    QtWidgets.QMessageBox.warning(parent, title, message)


def moment_text(moment: datetime | None) -> str:
    """ "Mon 23 Nov 2026 09:00" in the computer's local time, or "" when there is none."""
    if moment is None:
        return ""
    return short_moment(moment.astimezone() if moment.tzinfo is not None else moment)


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def open_pdf(
    parent: QtWidgets.QWidget,
    data: bytes | None,
    *,
    title: str,
    file_name: str,
    confirm_text: str = "",
    look_only: bool = False,
    note: str = "",
    audit_print: Callable[[str, int], None] | None = None,
) -> Any:
    """Open the preview dialog (window-modal, not blocking) and return it.

    ``look_only`` takes away Print and Save, with a line saying why. ``note`` is shown
    above the pages (what a family copy left out, for example). ``audit_print`` is told
    the printer and the pages of each print (:func:`print_recorder`). ``data`` None: the
    document is being typeset and comes later (``preview_build.open_preview``).
    """
    from cpc_desktop.ui.output.pdf_preview import PdfPreviewDialog

    dialog = PdfPreviewDialog(
        data, title=title, default_name=file_name, parent=parent, confirm_text=confirm_text
    )
    dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    if audit_print is not None:
        dialog.printed_on.connect(audit_print)
    translate = QtCore.QCoreApplication.translate
    look = translate(
        "PrintAudit",
        "Preview only: this copy is not signed and not recorded, so it cannot be printed or "
        "saved from here.",
    )
    lines = [x for x in (look if look_only else "", note) if x]
    if lines:
        label = text_label("previewNote", translate("PrintAudit", "About this copy"))
        label.setText("\n".join(lines))
        label.setStyleSheet(
            "background: #e0ecff; color: #0b2545; border: 1px solid #6b8fc7;"
            " border-radius: 4px; padding: 6px; font-weight: bold;"
        )
        layout = dialog.layout()
        if isinstance(layout, QtWidgets.QBoxLayout):
            layout.insertWidget(0, label)
    if look_only:
        dialog.look_only = True  # kept so when the typeset pages come
        for name in ("print_button", "save_button", "confirm_check"):
            widget = getattr(dialog, name, None)
            if isinstance(widget, QtWidgets.QWidget):
                widget.setEnabled(False)
                widget.setVisible(False)
        for name in ("print_action", "save_action"):
            action = getattr(dialog, name, None)
            if action is not None:
                action.setEnabled(False)
    dialog.open()
    return dialog


def print_recorder(
    parent: QtWidgets.QWidget, session: Any, output_id: str | None
) -> Callable[[str, int], None] | None:
    """What writes each print of the stored copy ``output_id`` to the audit log (who,
    which copy, the printer, the pages: ``session.printing``); a failure to record it
    is said in one line (the pages have gone to the printer by then)."""
    if output_id is None:
        return None
    # Held weakly: the preview (the window's child) must not keep the window alive.
    window = weakref.ref(parent)

    def record(printer: str, pages: int) -> None:
        try:
            session.printing.printed(output_id, printer, pages)
        except Exception as error:
            message = error_text(error)
            if message is None:
                raise
            translate = QtCore.QCoreApplication.translate
            QtWidgets.QMessageBox.warning(
                window(),
                translate("PrintAudit", "Printed, not recorded"),
                translate("PrintAudit", "The copy was printed but not recorded: {problem}").format(
                    problem=message
                ),
            )

    return record
