"""The decision wizard's answers kept when it is closed before finishing.

Closing the wizard (Cancel, Escape, the window's close, the screen locking) keeps what
the chair answered; opening it again for the same conference in the same session
carries on from there. Finishing forgets it: the store holds the decisions then.

Kept in memory for the session, not in the store: the store has no place for half a
decision, and a draft written there would be in every backup and hand-over. A draft is
dropped when the children it was made for are no longer the conference's children.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cpc_desktop.domain import decision_flow as flow
from cpc_desktop.domain.decision_start import minuted_start, scale_reasons

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session

#: By ``id(session)``: the session's drafts by conference reference.
_DRAFTS: dict[int, dict[str, flow.FlowAnswers]] = {}


def _book(session: Session) -> dict[str, flow.FlowAnswers]:
    key = id(session)
    if key not in _DRAFTS:
        _DRAFTS[key] = {}
        weakref.finalize(session, _DRAFTS.pop, key, None)  # gone with the session
    return _DRAFTS[key]


def keep(session: Session, ref: str, answers: flow.FlowAnswers) -> None:
    _book(session)[ref] = answers


def forget(session: Session, ref: str) -> None:
    _book(session).pop(ref, None)


def kept(session: Session, ref: str) -> flow.FlowAnswers | None:
    return _book(session).get(ref)


@dataclass(frozen=True)
class Opening:
    """What the wizard opens with.

    Attributes:
        answers: the kept draft, or the answers started from the minutes.
        resumed: whether ``answers`` is a kept draft.
        scaled: each professional's safety scale in words, which their view's reason
            starts with (:func:`~cpc_desktop.domain.decision_start.scale_reasons`).
    """

    answers: flow.FlowAnswers
    resumed: bool
    scaled: Mapping[str, str]


def opening(session: Session, ref: str, ctx: flow.FlowContext) -> Opening:
    """The kept draft for ``ref`` if there is one for these children; else the blank
    answers filled from what is minuted."""
    record = session.conferences.get(ref)
    scaled = scale_reasons(record.scaling, ctx.professionals)
    draft = kept(session, ref)
    if draft is not None:
        if tuple(a.child_id for a in draft.children) == tuple(c.id for c in ctx.children):
            return Opening(draft, True, scaled)
        forget(session, ref)
    return Opening(minuted_start(flow.start(ctx), ctx, record), False, scaled)
