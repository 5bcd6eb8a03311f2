"""The closing check's lines and buttons in the language of the screens.

:mod:`cpc_desktop.domain.unfinished` keeps each line as an English template with its
blanks (:class:`~cpc_desktop.domain.unfinished.Words`); here each template is marked
with ``QT_TRANSLATE_NOOP`` in the context :data:`CONTEXT`, so ``pyside6-lupdate`` finds
it (``scripts/translations.sh``), and :func:`translated` shows a line through the
application's translator. Names, titles and the words of an action are shown as typed.
``tests/ui/test_closing_check.py`` checks that this list is the domain's.
"""

from __future__ import annotations

from PySide6 import QtCore

from cpc_desktop.domain.unfinished import Words

CONTEXT = "Unfinished"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for ``pyside6-lupdate`` (which finds calls by this name) in ``context``."""
    return text


SOURCES = (
    QT_TRANSLATE_NOOP(
        "Unfinished", "Item {number} ({title}) has minute text that is not saved in the store."
    ),
    QT_TRANSLATE_NOOP("Unfinished", "Go to the minutes of item {number}"),
    QT_TRANSLATE_NOOP("Unfinished", "untitled"),
    QT_TRANSLATE_NOOP("Unfinished", "Action {number}, “{what}”, has no owner."),
    QT_TRANSLATE_NOOP("Unfinished", "Action {number}, “{what}”, has no due date."),
    QT_TRANSLATE_NOOP("Unfinished", "Action {number}, “{what}”, has no owner and no due date."),
    QT_TRANSLATE_NOOP("Unfinished", "with no words"),
    QT_TRANSLATE_NOOP("Unfinished", "Complete action {number}…"),
    QT_TRANSLATE_NOOP("Unfinished", "In {name}'s plan, “{what}” has no owner."),
    QT_TRANSLATE_NOOP("Unfinished", "In {name}'s plan, “{what}” has no due date."),
    QT_TRANSLATE_NOOP("Unfinished", "In {name}'s plan, “{what}” has no owner and no due date."),
    QT_TRANSLATE_NOOP("Unfinished", "an action with no words"),
    QT_TRANSLATE_NOOP("Unfinished", "the child"),
    QT_TRANSLATE_NOOP("Unfinished", "Open the decision for {name}…"),
    QT_TRANSLATE_NOOP("Unfinished", "No decision is recorded for {name}."),
    QT_TRANSLATE_NOOP("Unfinished", "Record the decision for {name}…"),
    QT_TRANSLATE_NOOP("Unfinished", "1 letter is due and not issued: {names}."),
    QT_TRANSLATE_NOOP("Unfinished", "{count} letters are due and not issued: {names}."),
    QT_TRANSLATE_NOOP("Unfinished", "the transfer letter"),
    QT_TRANSLATE_NOOP("Unfinished", "the outcome letter to {name}"),
    QT_TRANSLATE_NOOP("Unfinished", "the child's letter to {name}"),
    QT_TRANSLATE_NOOP("Unfinished", "the professional's letter to {name}"),
    QT_TRANSLATE_NOOP("Unfinished", "the plan-ended letter to {name}"),
    QT_TRANSLATE_NOOP("Unfinished", "Open the outcome letters…"),
    QT_TRANSLATE_NOOP(
        "Unfinished",
        "This copy has changes the chair does not have yet: no hand-over package has been "
        "exported since.",
    ),
    QT_TRANSLATE_NOOP("Unfinished", "Export the hand-over package…"),
    QT_TRANSLATE_NOOP("Unfinished", "The progress of “{what}” in {name}'s plan is not yet judged."),
    QT_TRANSLATE_NOOP("Unfinished", "Judge its progress…"),
)


def _translate(template: str) -> str:
    return QtCore.QCoreApplication.translate(CONTEXT, template)


def translated(words: Words) -> str:
    """``words`` in the language of the screens (English when there is no translation)."""
    return words.render(_translate)
