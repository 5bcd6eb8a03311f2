"""A confirmed upload to the case system lets the local copy go before its retention
date; a legal hold still stops it (domain.md §10 item 40)."""

from __future__ import annotations

from datetime import date

from cpc_desktop.domain.retention import deletion_refusal, upload_words

UNTIL = date(2061, 11, 20)
EARLY = date(2030, 1, 1)


def test_a_confirmed_upload_lets_the_local_copy_go_before_its_date() -> None:
    assert deletion_refusal("R1", UNTIL, False, EARLY) == (
        "R1 is kept until 20 Nov 2061 and cannot be deleted before then"
    )
    assert deletion_refusal("R1", UNTIL, False, EARLY, uploaded=True) is None


def test_a_legal_hold_stops_a_wipe_after_upload() -> None:
    assert deletion_refusal("R1", UNTIL, True, EARLY, uploaded=True) == (
        "R1 is on legal hold and cannot be deleted until the hold is lifted"
    )


def test_an_upload_is_told_with_its_day_reference_and_version() -> None:
    assert upload_words(date(2026, 12, 3), "CS-77/1", "2") == (
        "uploaded to the case system on 3 Dec 2026, ref CS-77/1 (version 2)"
    )
