"""Scotland's referral to the Children's Reporter: when it is asked, its check, its words.

Under a profile with ``consider_reporter_referral`` (Scotland) the meeting considers, for
each child, whether to refer the child to the Children's Reporter (the Principal Reporter
of the Children's Hearings system), who decides whether a children's hearing is needed.
The answer (yes or no) and the reason for it, needed either way, are kept on the child's
decision (``Decision.reporter_referral``, ``reporter_referral_reason``); a decision cannot
be made final without both. The question is not asked when a plan ends for an
administrative reason (the child turned 18, moved away, died) or when the meeting
adjourns without a decision. Under every other profile it is never asked and the answer
stays ``None``.

This module holds the rule and the wording: the decision checks, the decision wizard, the
minutes and the outcome letters each call it, so the four say the same thing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from cpc_desktop.domain.conference import Decision
from cpc_desktop.domain.enums import Outcome
from cpc_desktop.domain.problems import Problem, blank, error

__all__ = [
    "CODES",
    "REPORTER",
    "asked",
    "check_referral",
    "letter_items",
    "minutes_pair",
    "missing_referrals",
    "question",
]

REPORTER = "Children's Reporter"

MISSING = "decision.reporter_referral_missing"
REASON_MISSING = "decision.reporter_referral_reason_missing"
NOT_ASKED = "decision.reporter_referral_not_asked"
#: Every problem code :func:`check_referral` may report.
CODES = (MISSING, REASON_MISSING, NOT_ASKED)

# Outcomes after which the question is not asked: no decision was made about the child,
# or the plan ended because the child is no longer the authority's to protect.
_NOT_ASKED = frozenset({Outcome.ADJOURN, Outcome.ADMINISTRATIVE_END})


def asked(consider: bool, outcome: Outcome | None) -> bool:
    """Whether the meeting must answer the question for a child with this ``outcome``
    (``consider``: the profile's ``consider_reporter_referral``)."""
    return consider and outcome not in _NOT_ASKED


def question(name: str) -> str:
    """The question as the wizard asks it: "Refer Ada Quinn to the Children's Reporter?"."""
    return f"Refer {name} to the {REPORTER}?"


def check_referral(decision: Decision, name: str, consider: bool, path: str) -> list[Problem]:
    """What is wrong with the referral answer of ``decision`` about the child ``name``.

    Asked: the answer and its reason are both needed. Not asked: no answer may be recorded.
    """
    where = f"{path}.reporter_referral"
    referral = decision.reporter_referral
    if not asked(consider, decision.outcome):
        if referral is None:
            return []
        why = (
            "these rules do not consider one"
            if not consider
            else "no decision to refer is made after this outcome"
        )
        return [error(NOT_ASKED, f"A referral to the {REPORTER} is recorded, but {why}.", where)]
    if referral is None:
        return [
            error(MISSING, f"Whether to refer {name} to the {REPORTER} is not answered.", where)
        ]
    if blank(decision.reporter_referral_reason):
        doing = "referring" if referral else "not referring"
        return [
            error(
                REASON_MISSING,
                f"The reason for {doing} {name} to the {REPORTER} is missing.",
                f"{where}_reason",
            )
        ]
    return []


def _stop(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


# --------------------------------------------------------------------------- the minutes


def minutes_pair(decision: Decision, consider: bool) -> tuple[tuple[str, str], ...]:
    """The line the minutes' decision section prints for the referral, as (label, text);
    none when the question is not asked and nothing is recorded."""
    referral = decision.reporter_referral
    if referral is None and not asked(consider, decision.outcome):
        return ()
    reason = decision.reporter_referral_reason.strip()
    if referral is None:
        text = "Not yet considered."
    elif referral:
        text = f"Referred to the {REPORTER}, who decides whether a children's hearing is needed."
    else:
        text = f"The meeting decided not to refer the child to the {REPORTER}."
    if referral is not None:
        text += f" Reason: {_stop(reason) if reason else '-'}"
    return ((REPORTER, text),)


# --------------------------------------------------------------------------- the letters

#: A reader of a letter, as :class:`cpc_desktop.domain.letter_facts.Reader` says it.
_FAMILY, _CHILD, _PROFESSIONAL = "family", "child", "professional"

_EXPLAINED = {
    _FAMILY: f"The {REPORTER} is the person who decides whether a child needs a children's "
    "hearing. A children's hearing is a meeting that decides what help and care a child "
    "needs to be safe.",
    _CHILD: f"The {REPORTER} is a person who decides if a child needs a children's hearing. "
    "That is a meeting to work out what help a child needs to be safe.",
}

_SAID = {
    (_FAMILY, True): f"We have asked the {REPORTER} to look at what is happening for {{names}}."
    " The Reporter will get in touch with you about what happens next. This is why: {reason}",
    (_FAMILY, False): f"We talked about asking the {REPORTER} to look at what is happening for"
    " {names}, and we decided not to. This is why: {reason}",
    (_CHILD, True): f"We have asked the {REPORTER} to look at how things are for {{names}}."
    " This is why: {reason}",
    (_CHILD, False): f"We talked about asking the {REPORTER} to look at how things are for"
    " {names}. We decided not to. This is why: {reason}",
    (_PROFESSIONAL, True): f"{{names}}: referred to the {REPORTER}. Reason: {{reason}}",
    (_PROFESSIONAL, False): f"{{names}}: not referred to the {REPORTER}. Reason: {{reason}}",
}


def _answered(
    consider: bool, subjects: Sequence[tuple[str, Decision | None]]
) -> list[tuple[str, Decision]]:
    return [
        (name, decision)
        for name, decision in subjects
        if decision is not None and asked(consider, decision.outcome)
    ]


def missing_referrals(consider: bool, subjects: Sequence[tuple[str, Decision | None]]) -> list[str]:
    """What a letter about ``subjects`` (each child's name and decision) still lacks:
    "whether the meeting referred Kai Harland to the Children's Reporter, and why"."""
    return [
        f"whether the meeting referred {name} to the {REPORTER}, and why"
        for name, decision in _answered(consider, subjects)
        if decision.reporter_referral is None or blank(decision.reporter_referral_reason)
    ]


def letter_items(
    consider: bool,
    subjects: Sequence[tuple[str, Decision | None]],
    reader: str,
    join: Callable[[Sequence[str]], str],
) -> tuple[str, ...]:
    """The ``{reporter_referral}`` paragraphs of a letter to ``reader`` about ``subjects``
    (each child's name as the letter calls them, and the decision): what the Reporter is
    (not for professionals), then one paragraph for each answer and reason, naming the
    children it is about (``join`` lists names: "Kai and Lily"). None when not asked."""
    groups: dict[tuple[bool, str], list[str]] = {}
    for name, decision in _answered(consider, subjects):
        referral = decision.reporter_referral
        reason = decision.reporter_referral_reason.strip()
        if referral is None or not reason:
            continue
        groups.setdefault((referral, _stop(reason)), []).append(name)
    if not groups:
        return ()
    said = [
        _SAID[(reader, referral)].format(names=join(names), reason=reason)
        for (referral, reason), names in groups.items()
    ]
    if reader in _EXPLAINED:
        said.insert(0, _EXPLAINED[reader])
    return tuple(said)
