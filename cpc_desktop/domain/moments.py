"""When a minute entry was written: its history as spans of instants.

Every write of an entry (its creation, each save of its text, a change of speaker, tag,
restricted flag or section, a move) adds the instant to the entry's ``changes``. Saves
come in bursts while someone types, so a save within :data:`BURST` of the end of the
last span stretches that span to now; a later one starts a new span. The record keeps
the moments a family copy needs (``domain/redaction.py``): whether anything was written
while a person was out of the room.
"""

from __future__ import annotations

from datetime import datetime, timedelta

Span = tuple[datetime, datetime]

#: Saves this close together are one burst of writing, one span.
BURST = timedelta(seconds=60)


def add_moment(spans: tuple[Span, ...], now: datetime) -> tuple[Span, ...]:
    """``spans`` with the instant ``now`` recorded in them.

    ``now`` inside the last span changes nothing; up to :data:`BURST` after its end
    stretches it to ``now``; otherwise (later, or a clock set back) it starts a new
    span ``(now, now)``, so no moment of writing is ever lost.
    """
    if spans:
        start, end = spans[-1]
        if start <= now <= end:
            return spans
        if end < now <= end + BURST:
            return (*spans[:-1], (start, now))
    return (*spans, (now, now))
