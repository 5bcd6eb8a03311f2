"""Full-text search over minute text (SQLite FTS5, see migration 0002).

Whatever a user types is turned into a query that cannot be a syntax error: every
whitespace-separated word becomes a quoted FTS5 string with a prefix star, so quotes,
brackets, ``AND``/``OR``/``NOT``/``NEAR``, ``*``, ``-`` and ``:`` are only ever text.
The words must all occur (in any order); results are ranked by bm25.

On PostgreSQL the same expression is answered from the GIN index of migration 0002:
each word's letters and digits become quoted ``tsquery`` lexemes (the last one a
prefix), so again nothing typed is syntax; results are ranked by ``ts_rank`` and the
snippet is cut here, with the same marks, from the entry's text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
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
    if session.get_bind().dialect.name == "postgresql":
        return _search_server(session, match, limit)
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


# --- PostgreSQL ---------------------------------------------------------------------------

_SERVER_QUERY = sa.text(
    """
    SELECT e.conference_id, c.reference, e.id, a.title, e.text, e.restricted
    FROM minute_entry AS e
    JOIN conference AS c ON c.id = e.conference_id
    JOIN agenda_item AS a ON a.id = e.agenda_item_id
    WHERE to_tsvector('simple'::regconfig, minute_search_fold(e.text))
          @@ to_tsquery('simple'::regconfig, :query)
    ORDER BY ts_rank(to_tsvector('simple'::regconfig, minute_search_fold(e.text)),
                     to_tsquery('simple'::regconfig, :query), 1) DESC,
             e.id
    LIMIT :limit
    """
)
_PHRASE = re.compile(r'"((?:[^"]|"")*)"\*')
#: A word as the server's parser sees it once accents are off: letters and digits.
_TOKEN = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
#: The server skips longer words when indexing (2,047 bytes), so they cannot match.
_LONGEST_WORD = 2047


def _latin_folding() -> dict[int, str | None]:
    """The ``translate()`` of ``minute_search_fold`` (migration 0002), for highlighting."""
    table: dict[int, str | None] = {}
    for code in (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)):
        parts = unicodedata.normalize("NFD", chr(code))
        if len(parts) > 1 and parts[0].isascii() and parts[0].isalpha():
            table[code] = parts[0]
    table.update(dict.fromkeys(range(0x0300, 0x0370)))
    return table


_FOLD = _latin_folding()


def _fold(word: str) -> str:
    return word.translate(_FOLD).lower()


def _phrases(match: str) -> list[list[str]]:
    """Each quoted word of a :func:`match_expression`, as its folded tokens."""
    phrases = []
    for quoted in _PHRASE.findall(match):
        tokens = [_fold(t) for t in _TOKEN.findall(quoted.replace('""', '"'))]
        tokens = [t for t in tokens if t]
        if tokens:
            phrases.append(tokens)
    return phrases


def _tsquery(phrases: list[list[str]]) -> str:
    """Every phrase must occur; its tokens in a row, the last as a prefix."""
    parts = []
    for tokens in phrases:
        lexemes = [f"'{t}'" for t in tokens]
        lexemes[-1] += ":*"
        parts.append("(" + " <-> ".join(lexemes) + ")")
    return " & ".join(parts)


def _lit(token: str, phrases: list[list[str]]) -> bool:
    folded = _fold(token)
    return any(
        folded.startswith(tokens[-1]) or folded in tokens[:-1] for tokens in phrases if tokens
    )


def _snippet(text: str, phrases: list[list[str]]) -> str:
    """Up to ``_SNIPPET_TOKENS`` words around the most matches, matches marked."""
    tokens = list(_TOKEN.finditer(text))
    if not tokens:
        return ""
    hits = [i for i, token in enumerate(tokens) if _lit(token.group(), phrases)]
    count = len(tokens)
    start = 0
    if count > _SNIPPET_TOKENS:
        best = -1
        for hit in hits:
            first = max(0, min(hit - 2, count - _SNIPPET_TOKENS))
            inside = bisect_left(hits, first + _SNIPPET_TOKENS) - bisect_left(hits, first)
            if inside > best:
                best, start = inside, first
    end = min(count, start + _SNIPPET_TOKENS)
    lit = set(hits)
    out = [ELLIPSIS] if start > 0 else []
    cursor = 0 if start == 0 else tokens[start].start()
    for i in range(start, end):
        token = tokens[i]
        out.append(text[cursor : token.start()])
        if i in lit:
            out.append(HIGHLIGHT_START + token.group() + HIGHLIGHT_END)
        else:
            out.append(token.group())
        cursor = token.end()
    if end == count:
        out.append(text[cursor:])
    else:
        out.append(ELLIPSIS)
    return "".join(out)


def _search_server(session: Session, match: str, limit: int) -> list[Hit]:
    phrases = _phrases(match)
    if not phrases or any(len(t.encode()) > _LONGEST_WORD for p in phrases for t in p):
        return []
    rows = session.execute(_SERVER_QUERY, {"query": _tsquery(phrases), "limit": limit})
    return [
        Hit(conf, reference, entry, title, _snippet(text, phrases), bool(restricted))
        for conf, reference, entry, title, text, restricted in rows
    ]
