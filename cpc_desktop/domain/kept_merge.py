"""How a hand-over merges the records kept about a conference: complaints and requests to
correct the minutes (issue 20).

They are matched by id like everything else (:mod:`cpc_desktop.domain.merge`), but they
are never in conflict and never removed: neither laptop deletes one, so a record either
copy has is kept. A field changed on one side takes that change; where both sides
changed a record, the receiver's step stands whole: a ruling (with its reasons, time,
chair, statement and the version it opened), an acknowledgement (with who handles it) or
an outcome (with its date and note) is taken from one side, never pieced together from
two chairs' rulings.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: The kinds of unit merged by these rules.
KEPT_KINDS = frozenset({"complaint", "correction_request"})

#: Fields that are one step, taken together from one side.
_STEPS: dict[str, tuple[tuple[str, ...], ...]] = {
    "complaint": (("acknowledged", "handled_by"), ("outcome", "decided", "outcome_note")),
    "correction_request": (
        ("ruling", "reasons", "ruled_at", "ruled_by", "statement", "correction_version_id"),
    ),
}

Fields = Mapping[str, Any]


def kept_fields(
    kind: str, base: Fields | None, mine: Fields | None, theirs: Fields | None
) -> dict[str, Any] | None:
    """The merged fields of one kept record (``mine`` is the receiver's copy), or
    ``None`` when neither copy has it any more."""
    if mine is None or theirs is None:
        side = mine or theirs
        return None if side is None else dict(side)
    if base is None:
        return dict(mine)
    merged = {name: theirs[name] if mine[name] == old else mine[name] for name, old in base.items()}
    for step in _STEPS[kind]:
        if any(mine[name] != base[name] for name in step):
            merged.update((name, mine[name]) for name in step)
    return merged
