"""Full-text search over minute text (SQLite FTS5, see migration 0002).

Whatever a user types is turned into a query that cannot be a syntax error: every
whitespace-separated word becomes a quoted FTS5 string with a prefix star, so quotes,
brackets, ``AND``/``OR``/``NOT``/``NEAR``, ``*``, ``-`` and ``:`` are only ever text.
The words must all occur (in any order); results are ranked by bm25.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cpc_desktop.data.schema import FTS_TABLE

#: Marks put around each matched word in a snippet (Unicode private-use characters).
HIGHLIGHT_START = "\ue000"
HIGHLIGHT_END = "\ue001"
#: Put where a snippet leaves text out.
ELLIPSIS = "…"
#: The most words snippet() is asked for (each side is trimmed later to a length).
_SNIPPET_TOKENS = 16

_QUERY = sa.text(
    f"""
    WITH hits AS (
        SELECT rowid AS rid, rank,
               snippet({FTS_TABLE}, 0, :start, :end, :ellipsis, :tokens) AS snip
        FROM {FTS_TABLE}
        WHERE {FTS_TABLE} MATCH :match
        ORDER BY rank
        LIMIT :limit
    )
    SELECT e.conference_id, c.reference, e.id, a.title, hits.snip, e.restricted
    FROM hits
    JOIN minute_entry AS e ON e.rowid = hits.rid
    JOIN conference AS c ON c.id = e.conference_id
    JOIN agenda_item AS a ON a.id = e.agenda_item_id
    ORDER BY hits.rank, e.id
    """
)


@dataclass(frozen=True)
class Hit:
    conference_id: str
    reference: str
    entry_id: str
    agenda_title: str
    snippet: str
    restricted: bool


def match_expression(query: str) -> str | None:
    """The FTS5 query for what a user typed, or ``None`` when it holds no word at all.

    A word counts when it has a letter or a digit; punctuation and emoji on their own
    are dropped (the index does not hold them). NUL and the highlight marks are removed.
    """
    terms = []
    for word in query.split():
        word = word.replace("\x00", "").replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")
        if any(ch.isalnum() for ch in word):
            terms.append('"' + word.replace('"', '""') + '"*')
    return " ".join(terms) or None


def search_minutes(session: Session, match: str, limit: int) -> list[Hit]:
    """The best ``limit`` minute entries for an expression from :func:`match_expression`."""
    rows = session.execute(
        _QUERY,
        {
            "match": match,
            "limit": limit,
            "start": HIGHLIGHT_START,
            "end": HIGHLIGHT_END,
            "ellipsis": ELLIPSIS,
            "tokens": _SNIPPET_TOKENS,
        },
    )
    return [
        Hit(conf, reference, entry, title, snippet or "", bool(restricted))
        for conf, reference, entry, title, snippet, restricted in rows
    ]
