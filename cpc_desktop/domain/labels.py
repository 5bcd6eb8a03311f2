"""Words for coded values, as they appear on paper: "Social worker", "Fact".

Dates are written by :mod:`cpc_desktop.domain.dates`.
"""

from __future__ import annotations

from enum import StrEnum

from cpc_desktop.domain.conference import Participant

_OVERRIDES = {
    "child_protection_plan": "Child protection plan",
    "child_in_need_plan": "Child in need plan",
    "no_further_action": "No further action",
    "administrative_end": "Plan ended for an administrative reason",
    "end_plan": "Plan ended",
    "adjourn": "Adjourned",
    "written_or_drawn": "Views given in writing or drawings",
    "through_advocate": "Views given through an advocate",
    "not_taking_part": "Not taking part",
    "attends_all": "Attends all of the meeting",
    "attends_part": "Attends part of the meeting",
    "in_person": "In person",
    "transfer_in": "Transfer-in conference",
    "initial": "Initial conference",
    "review": "Review conference",
    "pre_birth": "Pre-birth conference",
    "camhs": "CAMHS",
    "turned_18": "Turned 18",
}


def label(value: StrEnum) -> str:
    """A capitalised label for an enum value: ``social_worker`` → "Social worker"."""
    raw = str(value.value)
    return _OVERRIDES.get(raw, raw.replace("_", " ").capitalize())


def person(p: Participant) -> str:
    """A participant as printed beside what they said: "Dr A Patel (Health visitor)"."""
    detail = p.agency or p.relationship or label(p.role)
    return f"{p.name} ({detail})" if detail else p.name
