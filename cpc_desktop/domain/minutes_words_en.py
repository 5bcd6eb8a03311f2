"""The minutes' fixed words in English (see :mod:`cpc_desktop.domain.minutes_words`)."""

from __future__ import annotations

from cpc_desktop.domain.dates import long_date, short_date
from cpc_desktop.domain.labels import label
from cpc_desktop.domain.minutes import SCALE_MAX, SCALE_MEANING, SCALE_MIN
from cpc_desktop.domain.minutes_words import Wording

ENGLISH = Wording(
    tag="en",
    title="{meeting}: minutes",
    family_copy_for="Family copy for {who}",
    family_copy="Family copy",
    full_copy="Full copy: professionals only",
    draft_mark="DRAFT",
    page_label="Page {page} of {pages}",
    details_heading="Conference details",
    attendance_heading="Attendance",
    contacts_heading="Contact details: professionals only",
    reports_heading="Reports",
    decisions_heading="Decisions",
    actions_heading="Actions agreed",
    next_dates_heading="Next dates",
    approval_heading="Approval",
    appendix_heading="Appendix: left out of family copies",
    statements_heading="Statements of disagreement with these minutes",
    statement_from="Statement of disagreement from {who}, kept with the record since {date}",
    elsewhere="Recorded in the professionals' copy.",
    withheld="Withheld at this person's request.",
    fields_left_out=(
        "Family copies leave out what was written for professionals only: the reasons for "
        "delay and for going ahead without a quorum, the grounds and notes of exclusions, "
        "and the reasons given with agency views and dissent, except where the chair shared "
        "them with the family. The grounds of an exclusion are left out of the excluded "
        "person's own copy unless the chair chose to show them to that person."
    ),
    no_decision="No decision has been recorded yet.",
    decided_by="Decided by {who}.",
    reference="Reference",
    conference="Conference",
    date="Date",
    where="Where",
    local_authority="Local authority",
    chair="Chair",
    minutes_taker="Minutes taken by",
    minutes_version="Minutes version",
    draft="draft",
    meeting_time="Meeting time",
    ran="{start} to {end}",
    running_from="from {start}",
    paused_for="paused for {minutes} min",
    late_reason="Reason the conference was late",
    child="Child",
    birth="Date of birth or expected delivery",
    taking_part="Taking part",
    expected="expected {date}",
    name="Name",
    role="Role",
    agency="Agency or relationship",
    attendance="Attendance",
    not_quorate="The conference was not quorate. The chair went on because",
    quorum="Quorum",
    quorate="The conference was quorate.",
    adjourned="Adjourned",
    adjourned_inquorate=(
        "The conference was not quorate, so it made no decision and will meet again."
    ),
    adjourned_information=(
        "There was not enough information to decide, so the conference made no decision "
        "and will meet again."
    ),
    transferred_from="Transferred from",
    kept_responsibility=(
        "{authority} kept responsibility for the child protection plan until this conference."
    ),
    excluded="Excluded",
    until_end="end",
    no_grounds="no grounds recorded",
    invited_only="Invited; no attendance recorded",
    in_the_room="in the room",
    on_video="on video",
    by_phone="by phone",
    who="Who",
    address="Address",
    telephone="Telephone",
    email="E-mail",
    workplace="School or workplace",
    no_reports="No written reports were recorded.",
    report_from="From",
    received="Report received",
    shared="Shared with the family",
    not_obtained="Not obtained",
    not_discussed="Not discussed.",
    nothing_minuted="Nothing minuted.",
    restricted="RESTRICTED: professionals only",
    safety_scale="Safety scale",
    scale_anchors=(
        f"{{low}} means: {SCALE_MEANING[SCALE_MIN]} {{high}} means: {SCALE_MEANING[SCALE_MAX]}"
    ),
    score="Score ({low}-{high})",
    why="Why",
    a_child="A child",
    threshold="Threshold for a plan",
    met="Met",
    not_met="Not met",
    not_answered="Not answered",
    decision="Decision",
    not_decided="Not decided",
    reasons="Reasons",
    ending="Ending",
    contact="Contact",
    contingency="Contingency plan",
    not_recorded="Not recorded.",
    child_views="The child's views",
    parents_views="The parents' views",
    agency_view="Agency view",
    recommends="Recommends",
    dissent_from="Dissent from {who}",
    plan_action="Outline plan: action",
    by="By",
    outcome_wanted="Outcome wanted",
    meets="The core group meets",
    progress_heading="Progress on the plan",
    progress="Progress",
    behind="Not started or behind (red)",
    under_way="Under way (amber)",
    done="Done (green)",
    not_judged="Not yet judged",
    scale_over_plan="Safety scale over the plan",
    scale_history_intro=(
        "Each person's score at each conference of the plan, by date; the chart shows the "
        "same scores."
    ),
    no_actions="No actions were noted during the meeting.",
    action="Action",
    some_child="child",
    no_meetings="No further meetings were set.",
    not_approved="These minutes are a draft. The chair has not approved them.",
    version="Version",
    state="State",
    approved_by="Approved by",
    approved_at="Approved at",
    issued_at="Issued at",
    fingerprint="Content fingerprint (SHA-256)",
    changes="Changes from the previous version",
    why_restricted="Restricted: professionals only",
    why_excluded="Said while {who} was excluded",
    why_edited="Edited while {who} was out of the room",
    awaiting="left out until the chair decides",
    appendix_intro=(
        "These entries appear in this full copy and are left out of family copies "
        "(for a copy made for one person, only their own exclusions apply)."
    ),
    agenda_item="Agenda item",
    time="Time",
    speaker="Speaker",
    why_left_out="Why left out",
    long_date=long_date,
    short_date=short_date,
    label=label,
)
