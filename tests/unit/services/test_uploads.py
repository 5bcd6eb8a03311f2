"""Confirmed upload to the case system, then wiping the local copy (issue 20 point 7,
domain.md §10 item 40: "after confirmed upload, local copies can be securely wiped").

The demo conference's minutes (version 1) were issued on 5/12/2026; it is kept until
19/11/2061. A chair confirms the upload (day, the case system's reference); then the
conference may be deleted years early, the tombstone saying why. A legal hold still
stops it; nothing is automatic; every refusal is one line and changes nothing.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from cpc_desktop.data.store import Store
from cpc_desktop.export.signing import create_self_signed, load_certificate
from cpc_desktop.services.errors import Conflict, PermissionDenied, RuleViolation
from tests.helpers.meeting import CHAIR, MINUTER, READER, REF, events
from tests.unit.services.test_retention import DEMO, refused, session, table_counts
from tests.unit.services.test_retention import store as store  # the fixture

SOON = datetime(2026, 12, 10, 9, 0, tzinfo=UTC)  # long before the retention date
SENT = "uploaded to the case system on 8 Dec 2026, ref LCS-2026-4471 (version 1.0)"


def test_a_chair_confirms_an_upload_with_its_case_reference(store: Store) -> None:
    chair = session(store, when=SOON)
    done = chair.uploads.confirm_upload(DEMO, "  LCS-2026-4471 ", uploaded_on=date(2026, 12, 8))
    assert (done.reference, done.version, done.case_ref, done.confirmed_by) == (
        DEMO,
        "1.0",
        "LCS-2026-4471",
        CHAIR.name,
    )
    assert done.words == SENT
    assert chair.uploads.uploads(DEMO) == (done,)
    last = next(e for e in events(store) if e["object_type"] == "upload")
    assert (last["actor"], last["action"], last["outcome"]) == (
        CHAIR.name,
        "manage_retention",
        "ok",
    )
    line = next(x for x in chair.retention.retention_list() if x.reference == DEMO)
    assert line.uploaded == SENT
    today = session(store, when=SOON).uploads.confirm_upload
    refused(store, lambda: today(DEMO, "LCS-9"), Conflict, "already confirmed as uploaded")


@pytest.mark.parametrize(
    ("case_ref", "on", "version", "error", "words"),
    [
        ("", None, "", RuleViolation, "give the case system's reference"),
        ("   ", None, "", RuleViolation, "give the case system's reference"),
        ("A\nB", None, "", RuleViolation, "must be one line"),
        ("X" * 201, None, "", RuleViolation, "too long"),
        ("LCS-1", date(2026, 12, 11), "", RuleViolation, "cannot be after today"),
        ("LCS-1", date(2026, 12, 1), "", RuleViolation, "issued on 5 Dec 2026"),
        ("LCS-1", None, "7", Conflict, "has no minutes version 7"),
    ],
)
def test_a_bad_confirmation_is_one_line_and_changes_nothing(
    store: Store, case_ref: str, on: date | None, version: str, error: type, words: str
) -> None:
    chair = session(store, when=SOON)
    refused(
        store,
        lambda: chair.uploads.confirm_upload(DEMO, case_ref, uploaded_on=on, version=version),
        error,
        words,
    )


def test_only_issued_minutes_are_uploaded_and_only_by_a_chair(store: Store) -> None:
    chair = session(store, when=SOON)
    refused(
        store,
        lambda: chair.uploads.confirm_upload(REF, "LCS-1"),
        Conflict,
        "has no issued minutes to upload; issue them first",
    )
    for actor in (MINUTER, READER):
        other = session(store, actor, SOON)
        refused(
            store,
            lambda other=other: other.uploads.confirm_upload(DEMO, "LCS-1"),
            PermissionDenied,
            "may not",
        )


def test_after_a_confirmed_upload_the_local_copy_may_be_wiped_early(store: Store) -> None:
    chair = session(store, when=SOON)
    refused(
        store,
        lambda: chair.retention.delete_conference(DEMO, "Uploaded"),
        Conflict,
        "kept until 19 Nov 2061",
    )
    chair.uploads.confirm_upload(DEMO, "LCS-2026-4471", uploaded_on=date(2026, 12, 8))
    done = chair.retention.delete_conference(DEMO)  # the upload is the reason
    assert done.tombstone.reason == "Local copy wiped: " + SENT
    assert done.tombstone.deleted_by == CHAIR.name
    assert DEMO not in {c.reference for c in chair.conferences.overview().conferences}
    assert table_counts(store)["upload"] == 0  # it went with the conference
    assert [s.reason for s in chair.retention.tombstones()] == ["Local copy wiped: " + SENT]


def test_the_chairs_words_join_the_upload_in_the_tombstone(store: Store) -> None:
    chair = session(store, when=SOON)
    chair.uploads.confirm_upload(DEMO, "LCS-2026-4471", uploaded_on=date(2026, 12, 8))
    done = chair.retention.delete_conference(DEMO, "Case transferred to the case system")
    assert done.tombstone.reason == (
        f"Local copy wiped: {SENT}. Case transferred to the case system"
    )


def test_a_legal_hold_still_stops_a_wipe_and_nothing_is_wiped_on_its_own(store: Store) -> None:
    chair = session(store, when=SOON)
    chair.uploads.confirm_upload(DEMO, "LCS-2026-4471", uploaded_on=date(2026, 12, 8))
    assert DEMO in {c.reference for c in chair.conferences.overview().conferences}
    assert chair.retention.tombstones() == ()  # confirming deletes nothing
    chair.retention.set_hold(DEMO, True, "Subject access request")
    refused(
        store,
        lambda: chair.retention.delete_conference(DEMO),
        Conflict,
        "is on legal hold and cannot be deleted",
    )
    minuter = session(store, MINUTER, SOON)
    refused(store, lambda: minuter.retention.delete_conference(DEMO), PermissionDenied, "may not")


def test_an_upload_of_an_earlier_version_does_not_cover_a_correction(store: Store) -> None:
    chair = session(store, when=SOON)
    chair.uploads.confirm_upload(DEMO, "LCS-2026-4471", uploaded_on=date(2026, 12, 8))
    demo = chair.conferences.get(DEMO)
    request = chair.corrections.record_request(
        DEMO,
        requested_by="Ann Harland",
        received=date(2026, 12, 9),
        disputed="The second entry",
        asked="Say it differently",
    )
    chair.corrections.rule(DEMO, request.id, "accepted", "It was unclear")
    entry = demo.minutes[2]
    chair.entries.save_text(entry.id, entry.text + " Corrected.")
    chair.minutes.approve(DEMO)
    certificate = load_certificate(create_self_signed(CHAIR.name, b"words"), b"words")
    chair.minutes.issue(DEMO, certificate)  # version 1.1, not uploaded
    line = next(x for x in chair.retention.retention_list() if x.reference == DEMO)
    assert line.uploaded == ""
    refused(store, lambda: chair.retention.delete_conference(DEMO), RuleViolation, "say why")
    refused(store, lambda: chair.retention.delete_conference(DEMO, "Sent"), Conflict, "kept until")
    sent = chair.uploads.confirm_upload(DEMO, "LCS-2026-4480")
    assert sent.version == "1.1"
    assert [u.version for u in chair.uploads.uploads(DEMO)] == ["1.1", "1.0"]
    assert chair.retention.delete_conference(DEMO).tombstone.reason.endswith(
        "ref LCS-2026-4480 (version 1.1)"
    )
