"""The nation's words in the decision checks' messages.

:func:`~cpc_desktop.domain.decision_checks.check_decision` names the people, the group,
the plan and the meeting in the profile's own terms, so a Welsh chair reads "The care and
support protection plan co-ordinator is missing." and a Scottish chair "At least one area
of concern is needed for a child protection plan.", never England's words under another
nation. Without a profile the words are England's, as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from cpc_desktop.domain.terms import Terms


@dataclass(frozen=True)
class CheckWords:
    """The words a decision check's message uses, in running text (lower case)."""

    lead_worker: str = "lead social worker"
    core_group: str = "core group"
    plan: str = "child protection plan"
    category: str = "category"
    categories: str = "categories"
    meeting: str = "conference"

    @property
    def review(self) -> str:
        """ "review conference", "review meeting"."""
        return f"review {self.meeting}"

    @property
    def a_plan(self) -> str:
        """The plan with its article: "a child protection plan"."""
        return f"{article(self.plan)} {self.plan}"


def article(word: str) -> str:
    """ "an" before a vowel, else "a"."""
    return "an" if word[:1].lower() in {"a", "e", "i", "o", "u"} else "a"


def check_words(terms: Terms | None) -> CheckWords:
    """The words of ``terms`` (England's when there is no profile)."""
    if terms is None:
        return CheckWords()
    words = terms.terminology
    return CheckWords(
        lead_worker=words.lead_worker_title,
        core_group=words.core_group_name,
        plan=words.plan_name,
        category=words.category_singular,
        categories=words.category_plural,
        meeting=terms.meeting.split()[-1],
    )
