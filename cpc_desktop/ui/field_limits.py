"""Text boxes held to their field's rule in the conference document, and saying who reads
what is typed in them.

The limit comes from :mod:`cpc_desktop.domain.fields`, where each field's rule is
declared once; the services check the same rule, so what a box lets a person type is
what the store accepts, exports and hands over. Every box for free text says where its
text goes (disclosure.md: each such field must say, where it is typed, whether it goes
into family copies).
"""

from __future__ import annotations

from PySide6 import QtWidgets

from cpc_desktop.domain.fields import Readers, rule

#: The dynamic property naming the document field a box edits (read by the tests).
FIELD_PROPERTY = "documentField"
#: The dynamic property holding a box's own placeholder, before it says where text goes.
_OWN_PLACEHOLDER = "ownPlaceholder"
#: Set on a box whose words follow its "Share with the family" box.
_FOLLOWS = "followsShareBox"

#: What a box for professionals-only text says (disclosure.md: say where it is typed).
PROFESSIONALS_ONLY = "For professionals only: family copies leave this out."
#: What a box says when the chair has ticked its "Share with the family" box.
SHARED_WITH_FAMILY = "Shared with the family: printed in family copies."
#: What a box for text written for the family says.
FAMILY_COPIES = "Printed in family copies and letters as written."
#: What a box for a person's private details says.
PRIVATE_DETAIL = "Private: only on this person's own letters and the professionals' copy."
#: What a minute entry's box says: its text goes to the family unless it is restricted.
MINUTE_ENTRY = "Printed in family copies unless the entry is marked restricted."
#: The label of the box that shares a chosen field's text with the family.
SHARE_LABEL = "&Share with the family (printed in family copies)"


Edit = QtWidgets.QLineEdit | QtWidgets.QPlainTextEdit


def bound(edit: QtWidgets.QLineEdit, path: str) -> QtWidgets.QLineEdit:
    """``edit``, limited to the length the field ``path`` allows, and saying where free
    text typed in it goes; returns it."""
    limit = rule(path).max_length
    if limit is not None:
        edit.setMaxLength(limit)
    edit.setProperty(FIELD_PROPERTY, path)
    if rule(path).readers is not None:
        tell_readers(edit, path)
    return edit


def where_it_goes(path: str, shared: bool = False) -> str:
    """Where text typed for the field ``path`` goes, in one sentence; ``shared`` is the
    item's share-with-the-family flag for a field the chair chooses per item."""
    readers = rule(path).readers
    if path == "$.minutes[].text":
        return MINUTE_ENTRY
    if readers is Readers.FAMILY:
        return FAMILY_COPIES
    if readers is Readers.SELF:
        return PRIVATE_DETAIL
    if readers is Readers.CHOSEN and shared:
        return SHARED_WITH_FAMILY
    return PROFESSIONALS_ONLY


def tell_readers(edit: Edit, path: str, shared: QtWidgets.QCheckBox | None = None) -> Edit:
    """``edit``, saying in its tool tip and accessible description where its text goes
    (and, for text that is not printed for the family as written, in its placeholder).

    ``shared`` is the box that shares a chosen field (``Readers.CHOSEN``) with the
    family: the words follow it as it is ticked and cleared.
    """
    edit.setProperty(_OWN_PLACEHOLDER, edit.placeholderText())
    edit.setProperty(FIELD_PROPERTY, path)

    def tell() -> None:
        where = where_it_goes(path, shared is not None and shared.isChecked())
        own = edit.property(_OWN_PLACEHOLDER) or ""
        if where in (FAMILY_COPIES, MINUTE_ENTRY):
            edit.setPlaceholderText(own)
        else:
            edit.setPlaceholderText(f"{own} ({where})" if own else where)
        edit.setToolTip(where)
        edit.setAccessibleDescription(where)

    tell()
    if shared is not None and not edit.property(_FOLLOWS):
        shared.toggled.connect(tell)  # once, however often the words are set again
        edit.setProperty(_FOLLOWS, True)
    return edit


def share_box(
    edit: Edit, path: str, checked: bool = False, text: str = SHARE_LABEL
) -> QtWidgets.QCheckBox:
    """A "Share with the family" box (labelled ``text``) for the chosen field ``path``
    typed in ``edit``: unticked unless ``checked`` (the allow-list starts closed), and
    ``edit`` says where its text goes as it changes."""
    box = QtWidgets.QCheckBox(text)
    box.setChecked(checked)
    box.setToolTip("Ticked: family copies print this text. Not ticked: only professionals see it.")
    tell_readers(edit, path, box)
    return box
