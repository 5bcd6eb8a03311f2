"""The minutes laid out for paper: every section, the family copy's omissions, the appendix."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest

from cpc_desktop.domain import approval
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.enums import (
    AdjournReason,
    AdministrativeEnding,
    AgendaStatus,
    AnalysisSection,
    ClockKind,
    ConferenceStatus,
    ConferenceType,
    CopyKind,
    MinutesState,
    Outcome,
    ParticipantRole,
)
from cpc_desktop.domain.minutes_document import MinutesCopy, build_minutes
from cpc_desktop.domain.printed import Fields, Para, PrintedDocument, Table
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.profiles import load_profile

TODAY = date(2026, 11, 23)
AT = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def utc(instant: datetime) -> datetime:
    return instant.astimezone(UTC)


@pytest.fixture(scope="module")
def demo() -> d.ConferenceRecord:
    return build_demo_records(TODAY)[0]


@pytest.fixture(scope="module")
def profile():
    return load_profile("england")


def words(doc: PrintedDocument) -> str:
    """Every string the document prints, one per line."""
    out = [doc.title, doc.subtitle, doc.marking, doc.reference]
    for section in doc.sections:
        out.append(section.title)
        for block in section.blocks:
            if isinstance(block, Para):
                out += [block.label, block.text, block.meta]
            elif isinstance(block, Fields):
                out += [x for pair in block.pairs for x in pair]
            elif isinstance(block, Table):
                out += list(block.header) + [x for row in block.rows for x in row]
    return "\n".join(out)


def test_full_copy_has_every_section(demo, profile) -> None:
    doc = build_minutes(demo, profile, local=utc).document
    titles = [s.title for s in doc.sections]
    for wanted in (
        "Conference details",
        "Attendance",
        "Reports",
        "Decisions",
        "Actions agreed",
        "Next dates",
        "Approval",
        "Appendix: left out of family copies",
    ):
        assert wanted in titles
    for item in demo.agenda:
        assert item.title in titles
    for child in demo.children:
        assert f"{child.given_name} {child.family_name}" in titles
    text = words(doc)
    for entry in demo.minutes:
        assert entry.text in text
    for person in demo.participants:
        assert person.name in text
    assert doc.marking == profile.protective_marking
    assert doc.watermark == "DRAFT"
    assert "Full copy" in doc.subtitle
    assert "Excluded" in text  # Dean Harland's exclusion with its times
    assert "RESTRICTED: professionals only" in text
    assert "Dissent from" in text
    assert "The child's views:" in text and "The parents' views:" in text
    assert "Review child protection conference (" in text and "First core group (" in text


def test_family_copy_leaves_out_restricted_and_excluded_time(demo, profile) -> None:
    excluded = next(
        p for p in demo.participants if any(e.kind.value == "excluded" for e in p.attendance)
    )
    built = build_minutes(demo, profile, MinutesCopy(CopyKind.FAMILY, excluded.id), local=utc)
    text = words(built.document)
    gone = {r.entry_id for r in built.redactions}
    assert gone, "the demo has restricted entries and an exclusion"
    for entry in demo.minutes:
        if entry.id in gone:
            assert entry.text not in text
        else:
            assert entry.text in text
    assert all(not e.restricted or e.id in gone for e in demo.minutes)
    assert "RESTRICTED" not in text
    assert "Appendix" not in text
    assert f"Family copy for {excluded.name}" in built.document.subtitle


def test_family_copy_for_anyone_and_actions_from_hidden_entries(demo, profile) -> None:
    secret = next(e for e in demo.minutes if e.restricted)
    action = d.ConferenceAction("act", "Police", "Share the disclosure", None, secret.id, AT)
    record = dataclasses.replace(demo, actions=(action,))
    built = build_minutes(record, profile, MinutesCopy(CopyKind.FAMILY), local=utc)
    assert built.document.subtitle.endswith("Family copy")
    assert "Share the disclosure" not in words(built.document)
    assert "Share the disclosure" in words(build_minutes(record, profile, local=utc).document)


def test_unknown_recipient_is_refused(demo, profile) -> None:
    with pytest.raises(ValueError, match="no participant"):
        build_minutes(demo, profile, MinutesCopy(CopyKind.FAMILY, "nobody"))


def test_an_approved_version_prints_its_approval_and_no_watermark(demo, profile) -> None:
    version = approval.approve(demo, new_id="v", chair="Ruth Chair", at=AT)
    version = dataclasses.replace(version, amendment_note="Corrected a date", issued_at=AT)
    doc = build_minutes(demo, profile, version=version, local=utc).document
    text = words(doc)
    assert doc.watermark is None
    assert version.content_hash in text
    assert "Ruth Chair" in text and "Corrected a date" in text
    assert ("Content hash", version.content_hash) in doc.metadata
    draft = dataclasses.replace(version, state=MinutesState.DRAFT)
    assert build_minutes(demo, profile, version=draft).document.watermark == "DRAFT"


def test_the_odd_corners(demo, profile) -> None:
    """Late and inquorate conferences, analysis sections, scale, skipped items, endings."""
    analysis = next(i for i in demo.agenda if i.key == "analysis")
    first = demo.agenda[0]
    items = tuple(
        dataclasses.replace(i, status=AgendaStatus.SKIPPED)
        if i.id == first.id
        else dataclasses.replace(i, not_obtained_reason="Too young to say")
        if i.key == "childs_views"
        else i
        for i in demo.agenda
    )
    minutes = tuple(e for e in demo.minutes if e.agenda_item_id != first.id)
    start = minutes[0].created_at
    worry = d.MinuteEntry(
        "w", analysis.id, "Bruises seen twice", "M", start, start, section=AnalysisSection.HARM
    )
    speaker = next(p for p in demo.participants if p.role is ParticipantRole.SOCIAL_WORKER)
    scale = d.SafetyScale("s", speaker.id, 4, "Some safety at home")
    child = demo.children[0]
    ending = d.Decision(
        "dx",
        child.id,
        threshold_met=None,
        outcome=Outcome.ADMINISTRATIVE_END,
        ending=AdministrativeEnding.MOVED_AUTHORITY,
        ending_date=TODAY,
    )
    unknown_child = d.Decision(
        "dy", "nobody", outcome=None, categories=("made_up",), primary_category="made_up"
    )
    conference = dataclasses.replace(
        demo.conference,
        delay_reason="Waiting for a police check",
        quorum_reason="Police late",
        start_time=None,
    )
    unborn = dataclasses.replace(
        child,
        date_of_birth=None,
        expected_date_of_delivery=TODAY,
        participation=None,
        participation_reason=None,
    )
    nobody = dataclasses.replace(
        demo.participants[0],
        id="p0",
        attendance=(),
        invited=False,
        report_received=None,
        report_shared_with_family=None,
    )
    record = dataclasses.replace(
        demo,
        conference=conference,
        agenda=items,
        minutes=(*minutes, worry),
        scaling=(scale,),
        decisions=(ending, unknown_child),
        children=(unborn,),
        participants=(*demo.participants, nobody),
    )
    text = words(build_minutes(record, profile, local=utc).document)
    for wanted in (
        "Waiting for a police check",
        "Police late",
        "Harm",
        "Bruises seen twice",
        "Safety scale.",
        "Some safety at home",
        "Not discussed.",
        "Too young to say",
        "Child protection plan ended for an administrative reason",
        "Moved authority",
        "made_up",
        "Not answered",
        "Not decided",
        "A child",
        "expected",
        "No further meetings",
    ):
        assert wanted in text, wanted


def test_an_empty_conference_says_so(demo, profile) -> None:
    record = dataclasses.replace(
        demo,
        minutes=(),
        decisions=(),
        actions=(),
        scaling=(),
        participants=tuple(
            dataclasses.replace(
                p, report_received=None, report_shared_with_family=None, attendance=()
            )
            for p in demo.participants
        ),
    )
    text = words(build_minutes(record, profile, local=utc).document)
    for wanted in (
        "Nothing minuted.",
        "No decision has been recorded yet.",
        "No actions were noted",
        "No written reports",
        "No further meetings",
        "Family copies leave out what was written for professionals only",
        "Invited; no attendance recorded",
    ):
        assert wanted in text, wanted


def test_default_local_time_is_the_systems(demo, profile) -> None:
    doc = build_minutes(demo, profile).document
    entry = demo.minutes[0]
    assert f"{entry.created_at.astimezone():%H:%M}" in words(doc)


def test_times_are_local(demo, profile) -> None:
    plus_one = lambda t: t.astimezone(UTC) + timedelta(hours=1)  # noqa: E731
    entry = demo.minutes[0]
    assert f"{plus_one(entry.created_at):%H:%M}" in words(
        build_minutes(demo, profile, local=plus_one).document
    )


def test_an_approved_version_not_yet_issued(demo, profile) -> None:
    version = approval.approve(demo, new_id="v", chair="Ruth Chair", at=AT)
    child = demo.children[0]
    plain = d.Decision("dz", child.id, outcome=Outcome.CP_PLAN, categories=("neglect",))
    record = dataclasses.replace(demo, decisions=(plain,))
    doc = build_minutes(record, profile, version=version, local=utc).document
    fields = dict(
        pair
        for section in doc.sections
        for block in section.blocks
        if isinstance(block, Fields)
        for pair in block.pairs
    )
    assert fields["Issued at"] == "-"
    assert fields["Categories"] == "Neglect"
    assert "Main category" not in fields
    assert "Changes from the previous version" not in fields


def test_a_name_with_a_bidi_override_reorders_no_other_name(demo, profile, tmp_path) -> None:
    # Issue 16.7: a right-to-left override in one name printed the names after it backwards.
    from cpc_desktop.export.typeset import render_document
    from tests.unit.export.test_typeset import pdftotext

    decided = next(c for c in demo.decisions if len(c.core_group) > 1)
    first, *others = decided.core_group
    names = {p.id: f"Typed{i} Name{i}" for i, p in enumerate(demo.participants)}
    names[first] = "\u202eEvil \u202bName"
    people = tuple(dataclasses.replace(p, name=names[p.id]) for p in demo.participants)
    record = dataclasses.replace(demo, participants=people)
    text = "\n".join(pdftotext(render_document(build_minutes(record, profile).document), tmp_path))
    flat = " ".join(text.split())
    assert f"Core group Name livE (Children's Social Care), {names[others[0]]} (" in flat
    speakers = {e.speaker_id for e in demo.minutes if e.speaker_id and e.speaker_id != first}
    for pid in {*others, *speakers}:
        assert names[pid] + " (" in flat  # in the core group and each speaker heading as typed


def test_family_copies_print_only_what_was_written_for_the_family(demo, profile) -> None:
    """Text declared for professionals (domain/fields.py) stays in the full copy only:
    reasons for delay and for going ahead without quorum, exclusion grounds and notes,
    and the reasons given with agency views and dissent (disclosure.md)."""
    conference = dataclasses.replace(
        demo.conference,
        delay_reason="Awaiting the police disclosure officer",
        quorum_reason="Police intelligence could not wait",
    )
    dissent = d.Dissent("dis", demo.participants[4].id, "Intelligence not yet disclosable")
    decisions = (dataclasses.replace(demo.decisions[0], dissents=(dissent,)), *demo.decisions[1:])
    record = dataclasses.replace(demo, conference=conference, decisions=decisions)
    excluded = next(
        p for p in record.participants if any(e.kind.value == "excluded" for e in p.attendance)
    )
    event = next(e for e in excluded.attendance if e.kind.value == "excluded")
    view = next(v for dec in record.decisions for v in dec.views if v.reason)
    professional = [
        conference.delay_reason,
        conference.quorum_reason,
        dissent.reasons,
        event.note,
        view.reason,
    ]
    assert all(professional), "the demo has an exclusion note and a reasoned view"
    full = words(build_minutes(record, profile, local=utc).document)
    for text in professional:
        assert text in full
    assert "Family copies leave out what was written for professionals only" in full
    for which in (MinutesCopy(CopyKind.FAMILY, excluded.id), MinutesCopy(CopyKind.FAMILY)):
        family = words(build_minutes(record, profile, which, local=utc).document)
        for text in professional:
            assert text not in family, text
        assert family.count("Recorded in the professionals' copy.") == 3  # delay, quorum, dissent
        assert "Agency view\nRecommends\n" in family
        assert "Agency view\nRecommends\nWhy\n" not in family
    assert "Agency view\nRecommends\nWhy\n" in full


def test_the_appendix_says_an_entry_was_edited_while_someone_was_out(demo, profile) -> None:
    excluded = next(
        p for p in demo.participants if any(e.kind.value == "excluded" for e in p.attendance)
    )
    window = next(e for e in excluded.attendance if e.kind.value == "excluded")
    first = next(
        e for e in demo.minutes if e.created_at < window.at and not e.restricted
    )  # begun before the exclusion...
    edited = window.at + timedelta(minutes=1)  # ...and edited while they were out
    awaiting = dataclasses.replace(
        first, changes=((first.created_at, first.created_at), (edited, edited))
    )
    for entry, tail in (
        (awaiting, "left out until the chair decides"),
        (dataclasses.replace(awaiting, kept_from=(excluded.id,)), "out of the room"),
    ):
        minutes = tuple(entry if e.id == first.id else e for e in demo.minutes)
        record = dataclasses.replace(demo, minutes=minutes)
        text = words(build_minutes(record, profile, local=utc).document)
        assert f"Edited while {excluded.name} (" in text  # the name and the relationship
        assert tail in text and "was out of the room" in text
        family = build_minutes(record, profile, MinutesCopy(CopyKind.FAMILY, excluded.id))
        assert first.text not in words(family.document)


def test_the_minutes_say_when_the_meeting_really_ran(demo, profile) -> None:
    """Issue 19, point 2: the clock's record, not the planned start, pauses left out."""
    local = lambda t: t.astimezone(UTC)  # noqa: E731

    def moment(n: int, kind: ClockKind, hour: int, minute: int, item: str | None = None):
        return d.ClockEvent(
            f"clock-{n}", kind, datetime(2026, 11, 23, hour, minute, tzinfo=UTC), item
        )

    item = demo.agenda[0].id
    assert "Meeting time" not in words(build_minutes(demo, profile, local=local).document)
    running = dataclasses.replace(demo, clock=(moment(1, ClockKind.ITEM, 10, 2, item),))
    text = words(build_minutes(running, profile, local=local).document)
    assert "Meeting time\nfrom 10:02" in text
    ended = dataclasses.replace(
        demo,
        clock=(
            moment(1, ClockKind.ITEM, 10, 2, item),
            moment(2, ClockKind.PAUSED, 10, 40),
            moment(3, ClockKind.RESUMED, 10, 50),
            moment(4, ClockKind.ENDED, 11, 45),
        ),
    )
    text = words(build_minutes(ended, profile, local=local).document)
    assert "Meeting time\n10:02 to 11:45, paused for 10 min" in text


# --- issue 20: whether the conference was quorate, adjourned, transferred ----------------


def test_the_minutes_say_the_conference_was_quorate(demo, profile) -> None:
    assert demo.conference.quorum_reason is None and demo.decisions[0].final
    assert "Quorum:\nThe conference was quorate." in words(
        build_minutes(demo, profile, local=utc).document
    )
    undecided = dataclasses.replace(demo, decisions=())
    assert "Quorum:" not in words(build_minutes(undecided, profile, local=utc).document)


@pytest.mark.parametrize(
    ("why", "said"),
    [
        (AdjournReason.INQUORATE, "The conference was not quorate, so it made no decision"),
        (AdjournReason.MORE_INFORMATION, "There was not enough information to decide"),
    ],
)
def test_the_minutes_say_why_the_conference_was_adjourned(
    demo, profile, why: AdjournReason, said: str
) -> None:
    chair = "The police report is still awaited."
    conference = dataclasses.replace(
        demo.conference,
        status=ConferenceStatus.ADJOURNED,
        adjourned_for=why,
        adjourn_reason=chair if why is AdjournReason.MORE_INFORMATION else "",
    )
    record = dataclasses.replace(demo, conference=conference, decisions=())
    full = words(build_minutes(record, profile, local=utc).document)
    assert f"Adjourned:\n{said}" in full
    assert "Quorum:" not in full
    family = words(build_minutes(record, profile, MinutesCopy(CopyKind.FAMILY), local=utc).document)
    assert said in family
    assert chair not in family  # the chair's own words stay in the full copy
    if why is AdjournReason.MORE_INFORMATION:
        assert chair in full
        assert "Recorded in the professionals' copy." in family


def test_the_minutes_say_who_held_a_transferred_plan(demo, profile) -> None:
    # Checklist item 7: the originating authority keeps responsibility until the conference.
    conference = dataclasses.replace(
        demo.conference, type=ConferenceType.TRANSFER_IN, transfer_from="Northshire Council"
    )
    record = dataclasses.replace(demo, conference=conference)
    assert (
        "Transferred from\nNorthshire Council kept responsibility for the child protection "
        "plan until this conference." in words(build_minutes(record, profile, local=utc).document)
    )
