"""Full-text search over minute text (SQLite FTS5, see migration 0002).

Whatever a user types is turned into a query that cannot be a syntax error: every
whitespace-separated word becomes a quoted FTS5 string with a prefix star, so quotes,
brackets, ``AND``/``OR``/``NOT``/``NEAR``, ``*``, ``-`` and ``:`` are only ever text.
The words must all occur (in any order); results are ranked by bm25. A word of one
letter or digit matches only that word, not every word it starts (a one-character prefix
would match a large part of the vocabulary). The snippet (the words around the most
matches, each match marked) is cut here from the entry's text, the same way on both
databases.

Ranking costs time for every entry ranked, so only the :data:`RECENT_MATCHES` most
recently written matching entries are ranked: a common word ("the") matches most of a
large store, and ranking all of it took seconds. :class:`Matches` says when that
happened (``limited``). "Most recently written" is the order entries were added to this
store: on SQLite the entry's rowid (the index's rowid is the entry's, and an implicit
rowid is one more than the largest so far), on PostgreSQL ``row_created_at``.

On PostgreSQL the same expression is answered from the GIN index of migration 0002:
each word's letters and digits become quoted ``tsquery`` lexemes (the last one a
prefix), so again nothing typed is syntax; results are ranked by ``ts_rank``. The
ranked set is bounded the same way.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from cpc_desktop.data.schema import FTS_TABLE

#: Marks put around each matched word in a snippet (Unicode private-use characters).
HIGHLIGHT_START = "\ue000"
HIGHLIGHT_END = "\ue001"
#: Put where a snippet leaves text out.
ELLIPSIS = "…"
#: The most words in a snippet (each side is trimmed later to a length).
_SNIPPET_TOKENS = 16

#: How many of the most recently written matching entries are ranked at most.
RECENT_MATCHES = 2000


def _sqlite_query(window: int) -> sa.TextClause:
    """The search over the newest ``window`` matches (``window`` becomes an int literal).

    One pass over the index: FTS5 walks the matches newest first (``ORDER BY rowid
    DESC``) and computes bm25 (``rank``) for each of the first ``window`` + 1 only; the
    best ``:limit`` of the newest ``window`` are kept. ``limited`` says whether there
    was one more. (A second ``MATCH``, for FTS5's own ``snippet()``, would read the
    index again: for a common word or prefix that is as costly as the first; the
    snippet is cut from the entry's text instead, as on PostgreSQL.)
    """
    window = int(window)
    return sa.text(
        f"""
    WITH recent AS (
        SELECT rowid AS rid, rank
        FROM {FTS_TABLE}
        WHERE {FTS_TABLE} MATCH :match
        ORDER BY rowid DESC
        LIMIT {window + 1}
    ),
    newest AS (
        SELECT rid, rank FROM recent ORDER BY rid DESC LIMIT {window}
    ),
    hits AS (
        SELECT rid, rank FROM newest ORDER BY rank LIMIT :limit
    )
    SELECT e.conference_id, c.reference, e.id, a.title, e.text, e.restricted,
           (SELECT count(*) FROM recent) > {window} AS limited
    FROM hits
    JOIN minute_entry AS e ON e.rowid = hits.rid
    JOIN conference AS c ON c.id = e.conference_id
    JOIN agenda_item AS a ON a.id = e.agenda_item_id
    ORDER BY hits.rank, e.id
    """
    )


_QUERY = _sqlite_query(RECENT_MATCHES)


@dataclass(frozen=True)
class Hit:
    conference_id: str
    reference: str
    entry_id: str
    agenda_title: str
    snippet: str
    restricted: bool


@dataclass(frozen=True)
class Matches:
    """The best entries found, and whether only the most recent matches were ranked.

    ``limited`` is true when more entries matched than were ranked: the hits are the
    best of the most recently written matching entries, and an older entry that would
    rank higher is not among them (a more specific query finds it).
    """

    hits: tuple[Hit, ...]
    limited: bool


def match_expression(query: str) -> str | None:
    """The FTS5 query for what a user typed, or ``None`` when it holds no word at all.

    A word counts when it has a letter or a digit; punctuation and emoji on their own
    are dropped (the index does not hold them). NUL and the highlight marks are removed.
    Each word is a prefix ("zo" finds "Zoë"), except a word of one letter or digit ("a",
    "J."), which matches only that word; "O'B" is still a prefix ("O'Brien").
    """
    terms = []
    for word in query.split():
        word = word.replace("\x00", "").replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")
        if any(ch.isalnum() for ch in word):
            tokens = _TOKEN.findall(word)
            prefix = len(tokens) != 1 or len(_fold(tokens[0])) > 1
            terms.append('"' + word.replace('"', '""') + ('"*' if prefix else '"'))
    return " ".join(terms) or None


def find_minutes(
    session: Session, match: str, limit: int, *, recent: int = RECENT_MATCHES
) -> Matches:
    """The best ``limit`` of the ``recent`` most recently written matching entries.

    ``match`` is an expression from :func:`match_expression`; ``limited`` says whether
    more than ``recent`` entries matched (at least ``limit`` are always ranked).
    """
    if limit < 1:
        return Matches((), False)
    window = max(recent, limit)
    if session.get_bind().dialect.name == "postgresql":
        return _search_server(session, match, limit, window)
    query = _QUERY if window == RECENT_MATCHES else _sqlite_query(window)
    rows = session.execute(query, {"match": match, "limit": limit}).all()
    return _matches(rows, _phrases(match))


def _matches(rows: Sequence[Any], phrases: list[_Phrase]) -> Matches:
    """Hits from (conference, reference, entry, title, text, restricted, limited) rows."""
    hits = tuple(
        Hit(conf, reference, entry, title, _snippet(text, phrases), bool(restricted))
        for conf, reference, entry, title, text, restricted, _limited in rows
    )
    return Matches(hits, any(row[-1] for row in rows))


# --- PostgreSQL, and the snippet ----------------------------------------------------------

# The newest ``window`` matches (by when their row was written, then id), found from the
# GIN index without ranking; only those are ranked. ``recent`` holds one more, so
# ``limited`` says whether anything older matched.
_SERVER_QUERY = sa.text(
    """
    WITH recent AS (
        SELECT e.id, e.row_created_at
        FROM minute_entry AS e
        WHERE to_tsvector('simple'::regconfig, minute_search_fold(e.text))
              @@ to_tsquery('simple'::regconfig, :query)
        ORDER BY e.row_created_at DESC, e.id DESC
        LIMIT :window + 1
    ),
    newest AS (
        SELECT id FROM recent ORDER BY row_created_at DESC, id DESC LIMIT :window
    )
    SELECT e.conference_id, c.reference, e.id, a.title, e.text, e.restricted,
           (SELECT count(*) FROM recent) > :window AS limited
    FROM newest
    JOIN minute_entry AS e ON e.id = newest.id
    JOIN conference AS c ON c.id = e.conference_id
    JOIN agenda_item AS a ON a.id = e.agenda_item_id
    ORDER BY ts_rank(to_tsvector('simple'::regconfig, minute_search_fold(e.text)),
                     to_tsquery('simple'::regconfig, :query), 1) DESC,
             e.id
    LIMIT :limit
    """
)
_PHRASE = re.compile(r'"((?:[^"]|"")*)"(\*?)')
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


@dataclass(frozen=True)
class _Phrase:
    tokens: list[str]
    #: Whether the last token is a prefix (a starred quoted word).
    prefix: bool


def _phrases(match: str) -> list[_Phrase]:
    """Each quoted word of a :func:`match_expression`, as its folded tokens."""
    phrases = []
    for quoted, star in _PHRASE.findall(match):
        tokens = [_fold(t) for t in _TOKEN.findall(quoted.replace('""', '"'))]
        tokens = [t for t in tokens if t]
        if tokens:
            phrases.append(_Phrase(tokens, bool(star)))
    return phrases


def _tsquery(phrases: list[_Phrase]) -> str:
    """Every phrase must occur; its tokens in a row, the last as a prefix if starred."""
    parts = []
    for phrase in phrases:
        lexemes = [f"'{t}'" for t in phrase.tokens]
        if phrase.prefix:
            lexemes[-1] += ":*"
        parts.append("(" + " <-> ".join(lexemes) + ")")
    return " & ".join(parts)


def _lit(token: str, phrases: list[_Phrase]) -> bool:
    folded = _fold(token)
    return any(
        folded in p.tokens[:-1]
        or (folded.startswith(p.tokens[-1]) if p.prefix else folded == p.tokens[-1])
        for p in phrases
    )


def _snippet(text: str, phrases: list[_Phrase]) -> str:
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


def _search_server(session: Session, match: str, limit: int, window: int) -> Matches:
    phrases = _phrases(match)
    if not phrases or any(len(t.encode()) > _LONGEST_WORD for p in phrases for t in p.tokens):
        return Matches((), False)
    rows = session.execute(
        _SERVER_QUERY, {"query": _tsquery(phrases), "limit": limit, "window": window}
    ).all()
    return _matches(rows, phrases)
