"""The minute entries of a version, numbered, so a person can say which one a
correction request disputes (``cpc-desktop correction entries``).

Read from a content document (:func:`cpc_desktop.domain.approval.content_document`, or
what an issued version said, kept when a correction opened the next one): each entry in
the order of the agenda, with its number (from 1), its id, its item, its speaker and its
first words. Pure: the service chooses the document and audits the look.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cpc_desktop.domain.inert import isolated

__all__ = ["FIRST_WORDS", "EntryLine", "entry_lines", "first_words"]

#: How many words of an entry its line shows.
FIRST_WORDS = 8


@dataclass(frozen=True)
class EntryLine:
    """One minute entry as the list shows it."""

    number: int  # from 1, in the order of the agenda
    id: str
    item: str  # "2. Risks", or "" when its item is not in the document
    speaker: str  # the speaker's name, or ""
    opening: str  # the first words, "…" when there are more


def first_words(text: str, count: int = FIRST_WORDS) -> str:
    """The first ``count`` words of ``text`` on one line, "…" after them if cut."""
    words = text.split()
    shown = " ".join(words[:count])
    return shown + ("…" if len(words) > count else "")


def entry_lines(doc: Mapping[str, Any]) -> tuple[EntryLine, ...]:
    """Every minute entry of the document, numbered in the order of the agenda (an
    entry whose item is missing comes last); within an item, as the document lists
    them."""
    items = list(doc.get("agenda", ()))
    places: dict[Any, tuple[int, str]] = {}
    for number, item in enumerate(items, start=1):
        title = item.get("title") or str(item.get("key", "")).replace("_", " ")
        places[item.get("id")] = (number, f"{number}. {isolated(title)}")
    names = {p.get("id"): isolated(p.get("name", "")) for p in doc.get("participants", ())}
    last = (len(items) + 1, "")
    entries = sorted(
        doc.get("minutes", ()), key=lambda e: places.get(e.get("agenda_item_id"), last)[0]
    )
    return tuple(
        EntryLine(
            number=number,
            id=str(entry.get("id", "")),
            item=places.get(entry.get("agenda_item_id"), last)[1],
            speaker=names.get(entry.get("speaker_id"), ""),
            opening=isolated(first_words(str(entry.get("text", "")))),
        )
        for number, entry in enumerate(entries, start=1)
    )
