"""The decisions recorded for each child, as the chair will read them back."""

from __future__ import annotations

import html
from datetime import date

from PySide6 import QtWidgets

from cpc_desktop.domain.appeals import appeal_state
from cpc_desktop.domain.conference import ConferenceRecord, Decision
from cpc_desktop.domain.dates import plain_date
from cpc_desktop.domain.enums import AdjournReason, Outcome
from cpc_desktop.domain.inert import isolated
from cpc_desktop.domain.labels import child_name
from cpc_desktop.domain.profile import Profile
from cpc_desktop.domain.reporter import minutes_pair
from cpc_desktop.domain.terms import Terms, terms_of
from cpc_desktop.ui.decision.widgets import ENDING_LABELS


def _outcome(outcome: Outcome, terms: Terms) -> str:
    """The outcome in a sentence, in the profile's words: "a care and support plan"."""
    words = terms.terminology
    return {
        Outcome.CP_PLAN: f"a {words.plan_name}",
        Outcome.CIN_PLAN: f"a {words.support_plan_name}",
        Outcome.NO_FURTHER_ACTION: "no further action",
        Outcome.ADJOURN: "adjourned",
        Outcome.END_PLAN: f"the {words.plan_name} ends",
        Outcome.ADMINISTRATIVE_END: "the plan ends for an administrative reason",
    }[outcome]


def _day(value: date | None) -> str:
    return plain_date(value) or "not set"


def decision_html(record: ConferenceRecord, decision: Decision, profile: Profile) -> str:
    children = {c.id: c for c in record.children}
    people = {p.id: p for p in record.participants}
    child = children.get(decision.child_id)
    name = child_name(child, blank="") if child else "Unknown child"
    e = html.escape
    lines = [f"<h3>{e(name)}</h3>"]
    terms = terms_of(profile)
    outcome = _outcome(decision.outcome, terms) if decision.outcome else "not decided"
    threshold = {True: "met", False: "not met", None: "not answered"}[decision.threshold_met]
    lines.append(
        f"<p><b>Outcome:</b> {e(outcome)}. <b>Threshold:</b> {threshold}."
        + ("" if decision.final else " <i>(not final)</i>")
        + "</p>"
    )
    if decision.ending is not None:  # an administrative ending: when, and who was consulted
        lines.append(
            f"<p><b>Ending:</b> {e(ENDING_LABELS[decision.ending])}, "
            f"{_day(decision.ending_date)}. <b>Consulted:</b> "
            f"{e(decision.ending_note) or 'not recorded'}</p>"
        )
    # Scotland: the referral to the Children's Reporter, as the minutes print it.
    for label, said in minutes_pair(decision, profile.consider_reporter_referral):
        lines.append(f"<p><b>{e(label)}:</b> {e(said)}</p>")
    if decision.categories:
        labels = [
            profile.category_label(k) if k in profile.category_keys else k
            for k in decision.categories
        ]
        lines.append(
            f"<p><b>{e(profile.terminology.category_plural.capitalize())}:</b> "
            f"{e(', '.join(labels))}</p>"
        )
    lead = people.get(decision.lead_social_worker_id or "")
    if lead is not None:
        lines.append(
            f"<p><b>{e(profile.terminology.lead_worker_title.capitalize())}:</b> "
            f"{e(lead.name)} {e(decision.lead_social_worker_contact)}</p>"
        )
    if decision.first_core_group_date or decision.review_date:
        lines.append(
            f"<p><b>{e(terms.first_core_group)}:</b> {_day(decision.first_core_group_date)}. "
            f"<b>Review:</b> {_day(decision.review_date)}.</p>"
        )
    if decision.contingency_plan:
        lines.append(f"<p><b>Contingency plan:</b> {e(decision.contingency_plan)}</p>")
    for action in decision.actions:
        lines.append(f"<p>• {e(action.owner)}: {e(action.action)} (by {_day(action.due_date)})</p>")
    for dissent in decision.dissents:
        who = people.get(dissent.participant_id)
        lines.append(
            f"<p><b>Dissent</b> from {e(who.name if who else 'unknown')}"
            f"{' (' + e(who.agency) + ')' if who and who.agency else ''}: "
            f"{e(dissent.reasons)}</p>"
        )
    return "".join(lines)


def appeals_html(record: ConferenceRecord) -> str:
    """Northern Ireland: each appeal against the decision and where it stands."""
    if not record.appeals:
        return ""
    people = {p.id: p for p in record.participants}
    e = html.escape
    lines = ["<h3>Appeals</h3>"]
    for appeal in record.appeals:
        who = people.get(appeal.appellant_id or "")
        name = isolated(who.name) if who is not None else "Someone not on the roll call"
        lines.append(
            f"<p>{e(name)}, received {e(plain_date(appeal.received))}: "
            f"{e(appeal_state(appeal))}.</p>"
        )
    lines.append("<p><i>The decision stands while an appeal is considered.</i></p>")
    return "".join(lines)


class DecisionsTab(QtWidgets.QTextBrowser):
    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionsText")
        self.setAccessibleName("Decisions for each child")
        self.setOpenLinks(False)

    def show_record(self, record: ConferenceRecord, profile: Profile) -> None:
        appeals = appeals_html(record) if profile.appeals else ""
        why = record.conference.adjourned_for
        if not record.decisions and why is not None:
            because = (
                "there was not enough information to decide"
                if why is AdjournReason.MORE_INFORMATION
                else "it was not quorate"
            )
            said = html.escape(record.conference.adjourn_reason)
            self.setHtml(
                f"<p><b>Adjourned</b> because {because}; no decision was made.</p>"
                + (f"<p>{said}</p>" if said else "")
            )
            return
        if not record.decisions:
            self.setHtml(
                "<p>No decisions yet. Open the decision wizard from the Conference "
                "menu (Ctrl+Shift+E) when the conference reaches its decision.</p>" + appeals
            )
            return
        self.setHtml("".join(decision_html(record, d, profile) for d in record.decisions) + appeals)
