"""Outputs that write files write all of them or none, and record only what they wrote."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from cpc_desktop.data import models as m
from cpc_desktop.domain.letters import LetterRequest
from cpc_desktop.export import files
from cpc_desktop.services.errors import ServiceError
from cpc_desktop.services.letters import family_letter
from cpc_desktop.services.session import Session
from tests.helpers.release import check_pending
from tests.unit.services.test_letters_distribution import ADDRESS, demo, session

__all__ = ["demo", "session"]  # the fixtures, used by name


def requests(session: Session, ref: str) -> list[LetterRequest]:
    return [
        LetterRequest(
            p.need.kind,
            p.need.recipient_id,
            p.need.recipient_name or "The receiving authority",
            ADDRESS,
        )
        for p in session.letters.plan(ref)
    ]


def hold_and_check(session: Session, ref: str, wanted: list[LetterRequest]) -> None:
    """The family's letters held and checked by a second person: ready to issue."""
    record = session.conferences.get(ref)
    for request in wanted:
        if family_letter(record, request):
            session.release.hold_letter(ref, request)
    check_pending(session, ref)


def stored(session: Session) -> tuple[Any, ...]:
    """What the store says was done: letters, output files and successful audit events."""
    with session.store.reading() as s:
        return (
            s.scalars(sa.select(m.LetterRow.id).order_by(m.LetterRow.id)).all(),
            s.scalars(sa.select(m.OutputFileRow.id).order_by(m.OutputFileRow.id)).all(),
            s.execute(
                sa.select(m.AuditEvent.action, m.AuditEvent.object_type, m.AuditEvent.outcome)
                .where(m.AuditEvent.action == "issue_documents")
                .order_by(m.AuditEvent.seq)
            ).all(),
        )


def test_letters_are_written_together_and_recorded(session: Session, demo, tmp_path) -> None:
    ref = demo.conference.reference
    folder = tmp_path / "out"
    folder.mkdir()
    wanted = requests(session, ref)
    hold_and_check(session, ref, wanted)
    assert len(wanted) >= 3
    issued = session.letters.issue_all(ref, wanted, None, folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.file_name for p in issued)
    for pdf in issued:
        assert (folder / pdf.file_name).read_bytes() == pdf.data
    assert len(session.conferences.get(ref).letters) == len(wanted)


def test_third_letter_unwritable_leaves_no_file_and_records_nothing(
    session: Session, demo, tmp_path, monkeypatch
) -> None:
    ref = demo.conference.reference
    folder = tmp_path / "out"
    folder.mkdir()
    wanted = requests(session, ref)
    hold_and_check(session, ref, wanted)
    before = stored(session)
    real = os.replace
    calls = []

    def replace(src: Any, dst: Any) -> None:  # the third rename into place fails
        if Path(dst).parent != folder:  # not an output (the audit log's seal, say)
            return real(src, dst)
        calls.append(dst)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(files.os, "replace", replace)
    with pytest.raises(ServiceError, match=r"cannot write .*nothing was recorded") as caught:
        session.letters.issue_all(ref, wanted, None, folder)
    monkeypatch.undo()
    assert "\n" not in str(caught.value)
    assert list(folder.iterdir()) == []
    assert stored(session) == before
    assert session.conferences.get(ref).letters == ()


def test_a_name_taken_by_a_folder_stops_the_batch(session: Session, demo, tmp_path) -> None:
    ref = demo.conference.reference
    folder = tmp_path / "out"
    folder.mkdir()
    wanted = requests(session, ref)
    hold_and_check(session, ref, wanted)
    third = session.letters.preview(ref, wanted[2]).file_name
    (folder / third).mkdir()
    before = stored(session)
    with pytest.raises(ServiceError, match="cannot write"):
        session.letters.issue_all(ref, wanted, None, folder)
    assert [p.name for p in folder.iterdir()] == [third]
    assert stored(session) == before


def test_a_replaced_file_comes_back_when_the_batch_fails(
    session: Session, demo, tmp_path, monkeypatch
) -> None:
    ref = demo.conference.reference
    folder = tmp_path / "out"
    folder.mkdir()
    wanted = requests(session, ref)
    hold_and_check(session, ref, wanted)
    first = folder / session.letters.preview(ref, wanted[0]).file_name
    first.write_bytes(b"an earlier letter")
    real = files._write_temporary
    calls = []

    def write(path: Path, data: bytes) -> str:  # the third file cannot be written
        calls.append(path)
        if len(calls) == 3:
            raise OSError(5, "Input/output error")
        return real(path, data)

    monkeypatch.setattr(files, "_write_temporary", write)
    with pytest.raises(ServiceError, match="cannot write"):
        session.letters.issue_all(ref, wanted, None, folder)
    assert [p.name for p in folder.iterdir()] == [first.name]
    assert first.read_bytes() == b"an earlier letter"


def test_recording_failure_after_writing_removes_the_files(
    session: Session, demo, tmp_path, monkeypatch
) -> None:
    ref = demo.conference.reference
    folder = tmp_path / "out"
    folder.mkdir()
    wanted = requests(session, ref)
    hold_and_check(session, ref, wanted)
    before = stored(session)
    from cpc_desktop.data import audit

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("the store failed at commit")

    monkeypatch.setattr(audit, "record", broken)
    with pytest.raises(RuntimeError):
        session.letters.issue_all(ref, wanted, None, folder)
    monkeypatch.undo()
    assert list(folder.iterdir()) == []
    assert stored(session) == before


def test_a_refused_letter_stops_all_before_any_file(session: Session, demo, tmp_path) -> None:
    ref = demo.conference.reference
    folder = tmp_path / "out"
    folder.mkdir()
    wanted = requests(session, ref)
    hold_and_check(session, ref, wanted)
    wanted[2] = LetterRequest(wanted[2].kind, wanted[2].recipient_id, "", ())
    before = stored(session)
    with pytest.raises(ServiceError):
        session.letters.issue_all(ref, wanted, None, folder)
    assert list(folder.iterdir()) == []
    assert stored(session) == before


def test_minutes_into_an_unwritable_folder_record_nothing(session: Session, demo, tmp_path) -> None:
    ref = demo.conference.reference
    blocker = tmp_path / "file.txt"
    blocker.write_text("a file, not a folder")
    before = stored(session)
    with session.store.reading() as s:
        outputs = s.scalars(sa.select(m.OutputFileRow.id)).all()
    with pytest.raises(ServiceError, match="cannot write") as caught:
        session.minutes.export(ref, out=blocker / "out.pdf")
    assert "\n" not in str(caught.value)
    assert stored(session) == before
    with session.store.reading() as s:
        assert s.scalars(sa.select(m.OutputFileRow.id)).all() == outputs
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("file")) == ["file.txt"]
    written = tmp_path / "draft.pdf"
    pdf = session.minutes.export(ref, out=written)
    assert written.read_bytes() == pdf.data and pdf.output_id is not None
