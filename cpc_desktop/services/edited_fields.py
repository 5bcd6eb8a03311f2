"""A change refused when a field it changes is no longer what the editor saw (issue 17).

A screen that edits a row passes, with the new values, the values it showed
(``expected``). Only the fields the change sets are compared, so two people changing
*different* fields of one row both stand. A field that moved on since the screen read
it is refused with :class:`~cpc_desktop.services.errors.EditedElsewhere` (nothing is
saved); a field someone else already set to the same new value is no clash. Without
``expected`` (the command line, imports, undo of a change that is not a screen's) the
change is not checked.

The comparison runs inside the change's unit of work, after the store's one-writer
lock is taken, so no other save can come between it and the write.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from datetime import date, datetime

from cpc_desktop.domain.enums import Language
from cpc_desktop.domain.labels import LANGUAGE_NAMES
from cpc_desktop.services.errors import EditedElsewhere

__all__ = ["Expected", "refuse_if_changed", "shown"]

#: What the editor saw of the fields it changes: field name -> value as shown.
Expected = Mapping[str, object] | None


def shown(value: object) -> str:
    """A stored value in the words of a one-line message."""
    if value is None or value == "" or value == ():
        return "nothing"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Language):
        return f"“{LANGUAGE_NAMES[value]}”"
    if isinstance(value, enum.Enum):
        return f"“{str(value.value).replace('_', ' ')}”"
    if isinstance(value, datetime):
        return value.astimezone().strftime("%H:%M on %d/%m/%Y")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, tuple):
        return f"{len(value)} chosen"
    return f"“{value}”"


def refuse_if_changed(
    theirs: object,
    version: int,
    expected: Expected,
    changes: Mapping[str, object],
    describe: Callable[[str], str],
) -> None:
    """Refuse ``changes`` if a field it sets differs, in ``theirs`` (the row as stored,
    as a domain value), from what ``expected`` says the editor saw.

    ``describe`` names a field for the message ("Sam Reed's agency").
    """
    if not expected:
        return
    for field, seen in expected.items():
        if field not in changes:
            continue
        now = getattr(theirs, field)
        if now == seen or now == changes[field]:
            continue
        raise EditedElsewhere(
            f"Someone else changed {describe(field)} to {shown(now)} while you were "
            "editing; nothing was saved.",
            theirs,
            version,
        )
