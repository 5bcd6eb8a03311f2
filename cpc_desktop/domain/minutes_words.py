"""The fixed words of the minutes, one table a language, and how a copy's language is chosen.

Every heading, label, field name, note and date format the minutes print comes from a
:class:`Wording`: :data:`~cpc_desktop.domain.minutes_words_en.ENGLISH` or
:data:`~cpc_desktop.domain.minutes_words_cy.WELSH`. The words that differ between nations
(the meeting, the plan, the categories, the agenda's titles) come from the profile, in
the same language, as :class:`~cpc_desktop.domain.minutes_profile_words.ProfileWords`.

A bilingual copy (Welsh first) is made by :func:`bilingual`, which pairs two tables field
by field: a heading or label reads "Welsh / English" on one line, a sentence is printed
in Welsh with the English on the next line. The text people typed (minute entries,
reasons, views) is printed once, as typed.

Why one document with paired words, not a Welsh version followed by an English one: the
minutes are mostly what people said. Two whole versions would print every entry twice
(or leave the second version headings with nothing under them), double the length of a
long document, and let a reader find an entry under one heading and not the other. With
paired headings each entry sits once under a heading both readers can read.

A field whose metadata says ``sentence`` is paired on two lines; every other string is
paired on one. A template's ``{placeholders}`` are filled after pairing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any, TypeVar

from cpc_desktop.domain.enums import Language

#: Marks a field of a wording table whose text is a whole sentence (paired on two lines).
SENTENCE: dict[str, bool] = {"sentence": True}

#: Between the two languages of a heading or label.
LABEL_JOIN = " / "
#: Between the two languages of a sentence: a line break.
SENTENCE_JOIN = "\n"


def _sentence() -> Any:
    return field(metadata=SENTENCE)


@dataclass(frozen=True, kw_only=True)
class Wording:
    """The minutes' fixed words in one language (or two, paired: :func:`bilingual`).

    Labels have no closing colon: the minutes add it, so a paired label reads
    "Barn y plentyn / The child's views:".
    """

    tag: str  # the language of the document: "en" or "cy"
    # The document and its page furniture.
    title: str  # "{meeting}: minutes"
    family_copy_for: str  # "{who}"
    family_copy: str
    full_copy: str
    draft_mark: str  # the watermark
    page_label: str  # "{page}", "{pages}"
    # Section headings.
    details_heading: str
    attendance_heading: str
    contacts_heading: str
    reports_heading: str
    decisions_heading: str
    actions_heading: str
    next_dates_heading: str
    approval_heading: str
    appendix_heading: str
    statements_heading: str  # statements of disagreement with the minutes
    statement_from: str  # "{who}", "{date}"
    # What a copy prints in place of what it leaves out.
    elsewhere: str = _sentence()
    withheld: str = _sentence()
    fields_left_out: str = _sentence()
    no_decision: str = _sentence()
    decided_by: str = _sentence()  # "{who}"
    # Conference details.
    reference: str
    conference: str
    date: str
    where: str
    local_authority: str
    chair: str
    minutes_taker: str
    minutes_version: str
    draft: str  # the version of minutes not yet approved
    meeting_time: str  # the clock's record of when the meeting ran
    ran: str  # "{start}", "{end}"
    running_from: str  # "{start}": a meeting not yet ended
    paused_for: str  # "{minutes}"
    late_reason: str
    child: str
    birth: str
    taking_part: str
    expected: str  # "{date}"
    # Attendance.
    name: str
    role: str
    agency: str
    attendance: str
    not_quorate: str
    quorum: str  # the label of the line saying whether the conference was quorate
    quorate: str = _sentence()
    adjourned: str  # the label of the line saying why the conference was adjourned
    adjourned_inquorate: str = _sentence()
    adjourned_information: str = _sentence()  # then the chair's words, in a full copy
    transferred_from: str  # a transfer-in's originating authority
    kept_responsibility: str = _sentence()  # "{authority}"
    excluded: str
    until_end: str
    no_grounds: str
    invited_only: str
    in_the_room: str  # how a person took part, after the time they arrived
    on_video: str
    by_phone: str
    # Contact details (full copy).
    who: str
    address: str
    telephone: str
    email: str
    workplace: str
    # Reports.
    no_reports: str = _sentence()
    report_from: str
    received: str
    shared: str
    # Agenda items and entries.
    not_obtained: str
    not_discussed: str = _sentence()
    nothing_minuted: str = _sentence()
    restricted: str
    safety_scale: str
    scale_anchors: str = _sentence()  # "{low}", "{high}"
    score: str  # "{low}", "{high}"
    why: str
    # Decisions.
    a_child: str
    threshold: str
    met: str
    not_met: str
    not_answered: str
    decision: str
    not_decided: str
    reasons: str
    ending: str
    contact: str
    contingency: str
    not_recorded: str = _sentence()
    child_views: str
    parents_views: str
    agency_view: str
    recommends: str
    dissent_from: str  # "{who}"
    plan_action: str
    by: str
    outcome_wanted: str
    # A review's plan carried from the conference before it (domain/minutes_plan.py).
    meets: str  # how often the core group meets
    progress_heading: str
    progress: str
    behind: str
    under_way: str
    done: str
    not_judged: str
    scale_over_plan: str
    scale_history_intro: str = _sentence()
    # Actions and next dates.
    no_actions: str = _sentence()
    action: str
    some_child: str  # a child with no name, in "Review (…)"
    no_meetings: str = _sentence()
    # Approval.
    not_approved: str = _sentence()
    version: str
    state: str
    approved_by: str
    approved_at: str
    issued_at: str
    fingerprint: str
    changes: str
    # Why an entry is left out of family copies (the full copy's appendix).
    why_restricted: str
    why_excluded: str  # "{who}"
    why_edited: str  # "{who}"
    awaiting: str
    appendix_intro: str = _sentence()
    agenda_item: str
    time: str
    speaker: str
    why_left_out: str
    # Dates and coded values.
    long_date: Callable[[dt.date | None], str]
    short_date: Callable[[dt.date | None], str]
    label: Callable[[StrEnum], str]


T = TypeVar("T")


def joined(first: str, second: str, between: str = LABEL_JOIN) -> str:
    """``first`` and ``second`` as one text, ``first`` first; once if they are the same
    (a name, a number, a title the chair typed) or one of them is blank."""
    if first == second or not second:
        return first
    if not first:
        return second
    return f"{first}{between}{second}"


def _paired_call(
    first: Callable[..., str], second: Callable[..., str], between: str
) -> Callable[..., str]:
    def call(*args: Any) -> str:
        return joined(first(*args), second(*args), between)

    return call


def bilingual(first: T, second: T) -> T:
    """A table of words (a :class:`Wording`, a ``ProfileWords``) in two languages,
    ``first`` first: each string paired, each function's results paired."""
    values: dict[str, Any] = {}
    for item in fields(first):  # type: ignore[arg-type]
        one, other = getattr(first, item.name), getattr(second, item.name)
        between = SENTENCE_JOIN if item.metadata.get("sentence") else LABEL_JOIN
        if item.name == "tag" or isinstance(one, bool):
            values[item.name] = one
        elif isinstance(one, str):
            values[item.name] = joined(one, other, between)
        else:
            values[item.name] = _paired_call(one, other, between)
    made: T = type(first)(**values)
    return made


def copy_languages(
    has_welsh: bool, chosen: Language | None, *, family: bool
) -> tuple[Language, ...]:
    """The languages a copy of the minutes is printed in, the first first.

    ``chosen`` is the recipient's own choice (``Participant.language``; ``None`` when it
    is not known or the copy is for no one in particular). Under a profile without
    Welsh: English. Under one with Welsh: the choice when it is known; else a family copy
    is bilingual, Welsh first, and a full copy (the professionals' record) is English.
    """
    if not has_welsh:
        return (Language.ENGLISH,)
    if chosen is not None:
        return (chosen,)
    return (Language.WELSH, Language.ENGLISH) if family else (Language.ENGLISH,)
