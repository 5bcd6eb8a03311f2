"""Text boxes held to their field's rule in the conference document.

The limit comes from :mod:`cpc_desktop.domain.fields`, where each field's rule is
declared once; the services check the same rule, so what a box lets a person type is
what the store accepts, exports and hands over.
"""

from __future__ import annotations

from PySide6 import QtWidgets

from cpc_desktop.domain.fields import rule

#: The dynamic property naming the document field a box edits (read by the tests).
FIELD_PROPERTY = "documentField"


def bound(edit: QtWidgets.QLineEdit, path: str) -> QtWidgets.QLineEdit:
    """``edit``, limited to the length the field ``path`` allows; returns it."""
    limit = rule(path).max_length
    if limit is not None:
        edit.setMaxLength(limit)
    edit.setProperty(FIELD_PROPERTY, path)
    return edit
