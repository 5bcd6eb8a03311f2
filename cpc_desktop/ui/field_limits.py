"""Text boxes held to their field's rule in the conference document, and saying who reads
what is typed in them.

The limit comes from :mod:`cpc_desktop.domain.fields`, where each field's rule is
declared once; the services check the same rule, so what a box lets a person type is
what the store accepts, exports and hands over.
"""

from __future__ import annotations

from PySide6 import QtWidgets

from cpc_desktop.domain.fields import Readers, rule

#: The dynamic property naming the document field a box edits (read by the tests).
FIELD_PROPERTY = "documentField"


def bound(edit: QtWidgets.QLineEdit, path: str) -> QtWidgets.QLineEdit:
    """``edit``, limited to the length the field ``path`` allows; returns it."""
    limit = rule(path).max_length
    if limit is not None:
        edit.setMaxLength(limit)
    edit.setProperty(FIELD_PROPERTY, path)
    return edit


#: What a box for professionals-only text says (disclosure.md: say where it is typed).
PROFESSIONALS_ONLY = "For professionals only: family copies leave this out."


def tell_readers(
    edit: QtWidgets.QLineEdit | QtWidgets.QPlainTextEdit, path: str
) -> QtWidgets.QLineEdit | QtWidgets.QPlainTextEdit:
    """``edit``, saying in its placeholder, tool tip and accessible description that
    family copies leave its text out, when its field is for professionals only."""
    if rule(path).readers in (Readers.PROFESSIONALS, Readers.CHOSEN):
        shown = edit.placeholderText()
        edit.setPlaceholderText(f"{shown} ({PROFESSIONALS_ONLY})" if shown else PROFESSIONALS_ONLY)
        edit.setToolTip(PROFESSIONALS_ONLY)
        edit.setAccessibleDescription(PROFESSIONALS_ONLY)
    edit.setProperty(FIELD_PROPERTY, path)
    return edit
