"""Words for coded values and for people, as they appear on paper and on screen:
"Social worker", "Fact", "Dr A Patel (Health visitor)", "Kai Harland".

Dates are written by :mod:`cpc_desktop.domain.dates`.
"""

from __future__ import annotations

from enum import StrEnum

from cpc_desktop.domain.conference import Child, Participant
from cpc_desktop.domain.enums import Language
from cpc_desktop.domain.inert import isolated

#: A person's language choice in words (Welsh as it calls itself, then in English).
LANGUAGE_NAMES = {Language.ENGLISH: "English", Language.WELSH: "Cymraeg (Welsh)"}

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
    **{str(language.value): name for language, name in LANGUAGE_NAMES.items()},
}


def label(value: StrEnum) -> str:
    """A capitalised label for an enum value: ``social_worker`` → "Social worker"."""
    raw = str(value.value)
    return _OVERRIDES.get(raw, raw.replace("_", " ").capitalize())


def person(p: Participant) -> str:
    """A participant as printed beside what they said: "Dr A Patel (Health visitor)".

    Each part is :func:`~cpc_desktop.domain.inert.isolated`: a bidi control in it cannot
    reorder the text printed after it.
    """
    detail = isolated(p.agency or p.relationship or label(p.role))
    return f"{isolated(p.name)} ({detail})" if detail else isolated(p.name)


def child_name(child: Child, blank: str = "the child") -> str:
    """A child's full name, "Kai Harland" (given then family name, each trimmed).

    ``blank`` is what a child with neither name recorded is called: "the child" in a
    sentence, "" where the caller shows nothing, "Unborn baby" before a birth.
    """
    given, family = isolated(child.given_name.strip()), isolated(child.family_name.strip())
    return f"{given} {family}".strip() or blank


def first_name(child: Child) -> str:
    """The child's given name ("Kai"), or the full name when no given name is recorded."""
    return isolated(child.given_name.strip()) or child_name(child)
