"""The words a nation uses, as headings and labels: from the profile's terminology.

Everything the chair or a family reads about the meeting, its types, its outcomes and
the people in a plan comes from here, so a Scottish chair sees "Initial child protection
planning meeting", "Areas of concern" and "Lead professional", and a Welsh family reads
"Care and support protection plan", never England's words.
"""

from __future__ import annotations

from dataclasses import dataclass

from cpc_desktop.domain.enums import ConferenceType, Outcome, View
from cpc_desktop.domain.labels import label
from cpc_desktop.domain.profile import Profile, Terminology

_TYPE_WORDS = {
    ConferenceType.INITIAL: "Initial",
    ConferenceType.REVIEW: "Review",
    ConferenceType.PRE_BIRTH: "Pre-birth",
    ConferenceType.TRANSFER_IN: "Transfer-in",
}


def capital(text: str) -> str:
    """``text`` with its first letter a capital and the rest as written."""
    return text[:1].upper() + text[1:]


def _lower_words(name: str) -> str:
    """A title in running text: "Child Protection Conference" → "child protection
    conference" (words wholly in capitals, like "CPC", are kept)."""
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in name.split())


@dataclass(frozen=True)
class Terms:
    """One profile's words for headings and labels (see the module's notes)."""

    terminology: Terminology

    @property
    def meeting(self) -> str:
        """ "child protection planning meeting", for running text."""
        return _lower_words(self.terminology.meeting_name)

    @property
    def plan(self) -> str:
        """ "Care and support protection plan"."""
        return capital(self.terminology.plan_name)

    @property
    def support_plan(self) -> str:
        """ "Child in need plan", "Child's plan", "Care and support plan"."""
        return capital(self.terminology.support_plan_name)

    @property
    def lead_worker(self) -> str:
        """ "Lead social worker", "Lead professional"."""
        return capital(self.terminology.lead_worker_title)

    @property
    def core_group(self) -> str:
        """ "Core group"."""
        return capital(self.terminology.core_group_name)

    @property
    def first_core_group(self) -> str:
        """ "First core group"."""
        return f"First {self.terminology.core_group_name}"

    @property
    def categories(self) -> str:
        """ "Categories", "Areas of concern"."""
        return capital(self.terminology.category_plural)

    @property
    def main_category(self) -> str:
        """ "Main category", "Main area of concern"."""
        return f"Main {self.terminology.category_singular}"

    @property
    def strategy_discussion(self) -> str:
        """ "Strategy discussion", "Inter-agency referral discussion"."""
        return capital(self.terminology.strategy_discussion_name)

    def conference_type(self, kind: ConferenceType) -> str:
        """ "Initial child protection planning meeting"."""
        return f"{_TYPE_WORDS[kind]} {self.meeting}"

    @property
    def review(self) -> str:
        """ "Review child protection conference", for the next date."""
        return self.conference_type(ConferenceType.REVIEW)

    def outcome(self, outcome: Outcome) -> str:
        """What was decided, as printed: "Care and support protection plan"."""
        if outcome is Outcome.CP_PLAN:
            return self.plan
        if outcome is Outcome.CIN_PLAN:
            return self.support_plan
        if outcome is Outcome.END_PLAN:
            return f"{self.plan} ended"
        if outcome is Outcome.ADMINISTRATIVE_END:
            return f"{self.plan} ended for an administrative reason"
        return label(outcome)

    def view(self, view: View) -> str:
        """What an agency recommended, as printed."""
        if view is View.PLAN:
            return self.plan
        if view is View.CHILD_IN_NEED:
            return self.support_plan
        return label(view)


def terms_of(profile: Profile) -> Terms:
    """The words of ``profile``."""
    return Terms(profile.terminology)
