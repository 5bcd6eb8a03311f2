"""A parent's appeal against a conference's decision (Northern Ireland; domain.md §8).

Under a profile with ``appeals = true`` a parent, a carer, or another family-side person
with parental responsibility may appeal against the decision (a child's name placed on
the register, or kept on it, or the category). The appeal is recorded after the
conference and, later, how it ended; the decision stands while it is considered. The
family must be told in writing of the right to appeal, so such a profile must say it in
its complaints route, which every family letter carries.

Pure rules only: the service (:mod:`cpc_desktop.services.appeals`) applies them.
"""

from __future__ import annotations

from collections.abc import Mapping

from cpc_desktop.domain.conference import Appeal, Participant
from cpc_desktop.domain.enums import AppealGround, AppealOutcome, ParticipantRole
from cpc_desktop.domain.profile import Profile
from cpc_desktop.domain.sides import is_family_side

__all__ = [
    "GROUND_WORDS",
    "OUTCOME_WORDS",
    "appeal_notice_problem",
    "appeal_state",
    "may_appeal",
]

#: Each ground in plain words, as the screen offers it.
GROUND_WORDS: Mapping[AppealGround, str] = {
    AppealGround.PROCESS: "The procedures were not followed, and this affected the decision",
    AppealGround.INFORMATION: "Information was wrong, missing or not taken into account",
    AppealGround.THRESHOLD: "The threshold for registration was not met",
    AppealGround.CATEGORY: "The category is wrong",
    AppealGround.NOT_HEARD: "The parent was not given the chance to be heard, or not respected",
}

#: Each outcome in plain words.
OUTCOME_WORDS: Mapping[AppealOutcome, str] = {
    AppealOutcome.PENDING: "waiting for a decision",
    AppealOutcome.UPHELD: "upheld",
    AppealOutcome.NOT_UPHELD: "not upheld",
    AppealOutcome.WITHDRAWN: "withdrawn",
}

_PARENTS = frozenset({ParticipantRole.PARENT, ParticipantRole.CARER})


def may_appeal(person: Participant) -> bool:
    """A parent or carer, or a family-side person with parental responsibility."""
    return person.role in _PARENTS or (person.parental_responsibility and is_family_side(person))


def appeal_state(appeal: Appeal) -> str:
    """Where the appeal stands, in a few words: "waiting for a decision", "upheld on
    03/12/2026"."""
    words = OUTCOME_WORDS[AppealOutcome(appeal.outcome)]
    if appeal.decided is None or appeal.outcome is AppealOutcome.PENDING:
        return words
    return f"{words} on {appeal.decided.strftime('%d/%m/%Y')}"


def appeal_notice_problem(profile: Profile) -> tuple[str, str] | None:
    """``(key, problem)`` if a profile with appeals does not tell the family in writing
    of the right to appeal; ``None`` if it does (or has no appeals).

    Every family letter must already carry ``{complaints_route}`` (the letter rules), so
    a route that speaks of the appeal puts it in every one of them.
    """
    if profile.appeals and "appeal" not in profile.complaints_route.casefold():
        return (
            "complaints_route",
            "must tell the family of the right to appeal, as appeals = true",
        )
    return None
