"""Minutes versions: draft, approved by the chair, issued; corrections as new versions.

A version moves one way only: ``draft`` → ``approved`` → ``issued`` (domain.md §6
"Approval and signature", checklist items 29–30). Approving records the chair and a
content hash: the SHA-256 of the record's content (everything but the versions,
letters and distributions themselves, and the complaints and correction requests), so
any later change to what was approved shows.
An issued version never changes; a correction opens a new draft version, numbered
"1.1", "1.2", …, that names the version it supersedes and says what changed and who
asked.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import datetime
from typing import Any

from cpc_desktop.domain.conference import ConferenceRecord, MinutesVersion
from cpc_desktop.domain.document import to_document
from cpc_desktop.domain.enums import MinutesState

FIRST_VERSION = "1.0"

#: Parts of the record that describe the minutes' life rather than the meeting (the
#: complaints and correction requests are kept about the minutes, not part of them).
_NOT_CONTENT = ("minutes_versions", "letters", "distributions", "complaints", "corrections")


class ApprovalError(ValueError):
    """A step the version's state does not allow; the message is one line for a person."""


def content_document(record: ConferenceRecord) -> dict[str, Any]:
    """The meeting's content as a document: everything but the minutes' own life."""
    doc = to_document(record)
    for key in _NOT_CONTENT:
        doc.pop(key, None)
    return doc


def canonical_content(record: ConferenceRecord) -> str:
    """:func:`content_document` as canonical JSON (what is hashed, and kept as the basis
    of a correction)."""
    doc = content_document(record)
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_hash(record: ConferenceRecord) -> str:
    """SHA-256 (hex) of the meeting's content in canonical JSON."""
    return hashlib.sha256(canonical_content(record).encode("utf-8")).hexdigest()


def current(record: ConferenceRecord) -> MinutesVersion | None:
    """The newest version (the last one listed), or ``None`` before the first approval."""
    return record.minutes_versions[-1] if record.minutes_versions else None


def editable(record: ConferenceRecord) -> bool:
    """Whether the minutes, attendance and decisions may still change."""
    version = current(record)
    return version is None or version.state is MinutesState.DRAFT


def approve(record: ConferenceRecord, *, new_id: str, chair: str, at: datetime) -> MinutesVersion:
    """The approved version of the current draft (or of a first, implicit draft)."""
    version = current(record)
    if version is not None and version.state is not MinutesState.DRAFT:
        raise ApprovalError(f"version {version.version} is already {version.state.value}")
    base = version or MinutesVersion(
        id=new_id, version=FIRST_VERSION, state=MinutesState.DRAFT, created_at=at
    )
    return dataclasses.replace(
        base,
        state=MinutesState.APPROVED,
        content_hash=content_hash(record),
        approved_by=chair,
        approved_at=at,
    )


def issue(record: ConferenceRecord, *, file_sha256: str, at: datetime) -> MinutesVersion:
    """The issued form of the approved version, with the fingerprint of the signed file.

    Refused when the record has changed since approval (its content hash differs).
    """
    version = current(record)
    if version is None or version.state is not MinutesState.APPROVED:
        state = "not approved" if version is None else version.state.value
        raise ApprovalError(f"only approved minutes can be issued; these are {state}")
    if content_hash(record) != version.content_hash:
        raise ApprovalError("the record changed after it was approved; approve it again")
    return dataclasses.replace(
        version, state=MinutesState.ISSUED, issued_at=at, file_sha256=file_sha256
    )


def amend(record: ConferenceRecord, *, new_id: str, note: str, at: datetime) -> MinutesVersion:
    """A new draft that corrects the issued version; ``note`` says who asked and what changes."""
    version = current(record)
    if version is None or version.state is not MinutesState.ISSUED:
        raise ApprovalError("only issued minutes are corrected by a new version")
    if not note.strip():
        raise ApprovalError("say what is being corrected and who asked for it")
    return MinutesVersion(
        id=new_id,
        version=next_number(version.version),
        state=MinutesState.DRAFT,
        created_at=at,
        supersedes_id=version.id,
        amendment_note=note.strip(),
    )


def next_number(number: str) -> str:
    """ "1.0" → "1.1", "1.9" → "1.10"; anything unexpected starts a new series after it."""
    major, _, minor = number.partition(".")
    if major.isdigit() and minor.isdigit():
        return f"{int(major)}.{int(minor) + 1}"
    return f"{number}.1"
