"""Full-text search over the minutes of every conference in the store (the home screen's).

The audit log records that a search was made, never what was searched for. The
matching itself (FTS5 on SQLite, ``tsvector`` on PostgreSQL) is
:mod:`cpc_desktop.data.search`; this service checks the role, caps the hits and makes
each snippet one short line with its matched words marked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from cpc_desktop.data import search as fts
from cpc_desktop.services.base import ServiceBase
from cpc_desktop.services.roles import Action

__all__ = [
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "MAX_HITS",
    "SNIPPET_LENGTH",
    "SearchHit",
    "SearchResults",
    "SearchService",
    "split_snippet",
]

#: The most characters a search snippet shows, highlight marks not counted.
SNIPPET_LENGTH = 120
#: The most hits one search returns.
MAX_HITS = 500
#: Around each matched word in a snippet (Unicode private-use characters U+E000, U+E001).
HIGHLIGHT_START: Final = fts.HIGHLIGHT_START
HIGHLIGHT_END: Final = fts.HIGHLIGHT_END


@dataclass(frozen=True)
class SearchHit:
    """One minute entry found by :meth:`SearchService.search`.

    ``snippet`` is plain text on one line, at most :data:`SNIPPET_LENGTH` visible
    characters, with each matched word between :data:`HIGHLIGHT_START` and
    :data:`HIGHLIGHT_END` and ``…`` where text is left out (see :func:`split_snippet`).
    """

    conference_id: str
    reference: str
    entry_id: str
    agenda_title: str
    snippet: str
    restricted: bool


@dataclass(frozen=True)
class SearchResults:
    """What :meth:`SearchService.find` found.

    ``limited`` is true when more entries matched than were ranked: the hits are the
    best of the most recently written matching entries (``RECENT_MATCHES``), so an
    older entry may be missing; more words narrow the search and find it.
    """

    hits: tuple[SearchHit, ...]
    limited: bool


def split_snippet(snippet: str) -> tuple[tuple[str, bool], ...]:
    """A snippet as ``(text, highlighted)`` runs, the marks removed, for display."""
    runs: list[tuple[str, bool]] = []
    current: list[str] = []
    highlighted = False
    for ch in snippet:
        if ch in (HIGHLIGHT_START, HIGHLIGHT_END):
            if current:
                runs.append(("".join(current), highlighted))
                current = []
            highlighted = ch == HIGHLIGHT_START
        else:
            current.append(ch)
    if current:
        runs.append(("".join(current), highlighted))
    return tuple(runs)


def _clip_snippet(raw: str, limit: int = SNIPPET_LENGTH) -> str:
    """One line of at most ``limit`` visible characters, keeping the first match in view."""
    chars: list[tuple[str, bool]] = []
    for text, highlighted in split_snippet(" ".join(raw.split())):
        chars.extend((ch, highlighted) for ch in text)
    if len(chars) > limit:
        first = next((i for i, (_, lit) in enumerate(chars) if lit), 0)
        start = max(0, min(first - limit // 3, len(chars) - limit))
        end = start + limit
        window = chars[start:end]
        if start > 0:
            window[0] = (fts.ELLIPSIS, False)
        if end < len(chars):
            window[-1] = (fts.ELLIPSIS, False)
        chars = window
    out: list[str] = []
    lit = False
    for ch, highlighted in chars:
        if highlighted != lit:
            out.append(HIGHLIGHT_START if highlighted else HIGHLIGHT_END)
            lit = highlighted
        out.append(ch)
    if lit:
        out.append(HIGHLIGHT_END)
    return "".join(out)


class SearchService(ServiceBase):
    """Searching the minutes, for one actor on one open store."""

    def search(self, query: str, limit: int = 50) -> tuple[SearchHit, ...]:
        """The hits of :meth:`find`."""
        return self.find(query, limit).hits

    def find(self, query: str, limit: int = 50) -> SearchResults:
        """Minute entries in any conference holding every word typed (as word prefixes).

        Anything may be typed: quotes, brackets, operators and symbols are only text.
        Accents are ignored ("zoe" finds "Zoë"). Best matches first; at most ``limit``
        (and never more than 500). An empty query finds nothing. The audit log records
        that a search was made, never what was searched for.
        """
        self._require(Action.LIST, "minute_search")
        match = fts.match_expression(query) if isinstance(query, str) else None
        if match is None or isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            return SearchResults((), limited=False)
        with self._store.unit_of_work(self._context(Action.LIST, "minute_search")) as w:
            found = fts.find_minutes(w.session, match, min(limit, MAX_HITS))
        return SearchResults(_hits(found.hits), found.limited)


def _hits(hits: Iterable[fts.Hit]) -> tuple[SearchHit, ...]:
    return tuple(
        SearchHit(
            conference_id=hit.conference_id,
            reference=hit.reference,
            entry_id=hit.entry_id,
            agenda_title=hit.agenda_title,
            snippet=_clip_snippet(hit.snippet),
            restricted=hit.restricted,
        )
        for hit in hits
    )
