"""The decision wizard's answers kept when it is closed before finishing.

Closing the wizard (Cancel, Escape, the window's close, the screen locking) keeps what
the chair answered and the page they were on; opening it again for the same conference
in the same session carries on from there, at that page. Finishing forgets it: the
store holds the decisions then.

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


@dataclass(frozen=True)
class Draft:
    """A wizard closed unfinished: its answers, and the step it was on (``None`` when it
    was closed before any page was shown)."""

    answers: flow.FlowAnswers
    step: flow.Step | None = None


#: By ``id(session)``: the session's drafts by conference reference.
_DRAFTS: dict[int, dict[str, Draft]] = {}


def _book(session: Session) -> dict[str, Draft]:
    key = id(session)
    if key not in _DRAFTS:
        _DRAFTS[key] = {}
        weakref.finalize(session, _DRAFTS.pop, key, None)  # gone with the session
    return _DRAFTS[key]


def keep(
    session: Session, ref: str, answers: flow.FlowAnswers, step: flow.Step | None = None
) -> None:
    _book(session)[ref] = Draft(answers, step)


def forget(session: Session, ref: str) -> None:
    _book(session).pop(ref, None)


def kept(session: Session, ref: str) -> flow.FlowAnswers | None:
    draft = _book(session).get(ref)
    return None if draft is None else draft.answers


def kept_step(session: Session, ref: str) -> flow.Step | None:
    """The step the kept draft for ``ref`` was left at, if any."""
    draft = _book(session).get(ref)
    return None if draft is None else draft.step


@dataclass(frozen=True)
class Opening:
    """What the wizard opens with.

    Attributes:
        answers: the kept draft, or the answers started from the minutes.
        resumed: whether ``answers`` is a kept draft.
        step: the step the kept draft was left at (``None`` when starting afresh).
        scaled: each professional's safety scale in words, which their view's reason
            starts with (:func:`~cpc_desktop.domain.decision_start.scale_reasons`).
    """

    answers: flow.FlowAnswers
    resumed: bool
    scaled: Mapping[str, str]
    step: flow.Step | None = None


def opening(session: Session, ref: str, ctx: flow.FlowContext) -> Opening:
    """The kept draft for ``ref`` if there is one for these children; else the blank
    answers filled from what is minuted."""
    record = session.conferences.get(ref)
    scaled = scale_reasons(record.scaling, ctx.professionals)
    draft = _book(session).get(ref)
    if draft is not None:
        children = tuple(a.child_id for a in draft.answers.children)
        if children == tuple(c.id for c in ctx.children):
            return Opening(draft.answers, True, scaled, draft.step)
        forget(session, ref)
    return Opening(minuted_start(flow.start(ctx), ctx, record), False, scaled)
