"""The contents of a hand-over package, and turning them into sealed bytes and back.

A package carries one conference twice, as conference documents (design.md §6): the
*base*, the copy both laptops last agreed on, and the *current* copy of whoever made
the package. The receiver merges current into its own copy against base. The JSON
envelope::

    {"format": "cpc-handover", "version": 1, "package_id": "<uuid>",
     "created_at": "<instant>", "sender": {"name": "...", "role": "chair"},
     "base": {<conference document>}, "current": {<conference document>}}

is sealed with the hand-over passphrase by :mod:`cpc_desktop.export.package`.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cpc_desktop.domain.conference import ConferenceRecord
from cpc_desktop.domain.document import format_instant, from_document, parse_instant, to_document
from cpc_desktop.export.package import DEFAULT_COST, KdfCost, PackageError, open_sealed, seal
from cpc_desktop.services.document import DocumentError, validate_document
from cpc_desktop.services.errors import ServiceError

FORMAT = "cpc-handover"
VERSION = 1
#: A package larger than this is not read at all (a conference is a few megabytes).
MAX_FILE = 256 * 1024 * 1024
_DAMAGED = "this hand-over package is damaged (its contents are not a conference)"


class HandoverError(ServiceError):
    """A package that cannot be made, read or imported; one line for the user."""


@dataclass(frozen=True)
class Package:
    package_id: str
    created_at: datetime
    sender: str
    sender_role: str
    base: ConferenceRecord
    current: ConferenceRecord

    @property
    def reference(self) -> str:
        return self.current.conference.reference


def new_package(
    base: ConferenceRecord, current: ConferenceRecord, *, sender: str, role: str, at: datetime
) -> Package:
    return Package(str(uuid.uuid4()), at, sender, role, base, current)


def pack(package: Package, passphrase: str, *, cost: KdfCost = DEFAULT_COST) -> bytes:
    envelope = {
        "format": FORMAT,
        "version": VERSION,
        "package_id": package.package_id,
        "created_at": format_instant(package.created_at),
        "sender": {"name": package.sender, "role": package.sender_role},
        "base": to_document(package.base),
        "current": to_document(package.current),
    }
    text = json.dumps(envelope, ensure_ascii=False, separators=(",", ":"))
    try:
        return seal(text.encode("utf-8"), passphrase, cost=cost)
    except PackageError as error:
        raise HandoverError(str(error)) from None


def unpack(data: bytes, passphrase: str) -> Package:
    """The package in ``data``, or :class:`HandoverError` saying what is wrong."""
    try:
        text = open_sealed(data, passphrase).decode("utf-8")
        envelope = json.loads(text)
    except PackageError as error:
        raise HandoverError(str(error)) from None
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise HandoverError(_DAMAGED) from None
    return _read_envelope(envelope)


def _read_envelope(envelope: Any) -> Package:
    if not isinstance(envelope, dict) or envelope.get("format") != FORMAT:
        raise HandoverError(_DAMAGED)
    version = envelope.get("version")
    if not isinstance(version, int) or version < 1:
        raise HandoverError(_DAMAGED)
    if version > VERSION:
        raise HandoverError("this hand-over package was made by a newer version of CPC Desktop")
    try:
        package_id = str(uuid.UUID(envelope["package_id"]))
        created_at = parse_instant(envelope["created_at"])
        sender = envelope["sender"]
        name, role = sender["name"], sender["role"]
        if not isinstance(name, str) or not isinstance(role, str):
            raise TypeError
    except (KeyError, TypeError, ValueError, AttributeError):
        raise HandoverError(_DAMAGED) from None
    records = []
    for part in ("base", "current"):
        doc: Any = envelope.get(part)
        try:
            validate_document(doc)
        except DocumentError as error:
            raise HandoverError(f"the package's {part} copy is not valid: {error}") from None
        records.append(from_document(doc))
    base, current = records
    if base.conference.id != current.conference.id:
        raise HandoverError("the package's two copies are of different conferences")
    return Package(package_id, created_at, name, role, base, current)


def read_package(path: Path, passphrase: str) -> Package:
    """Read and open the package file at ``path``."""
    try:
        if path.is_dir():
            raise HandoverError(f"{path.name} is a folder, not a hand-over package")
        if path.stat().st_size > MAX_FILE:
            raise HandoverError(f"{path.name} is too large to be a hand-over package")
        with path.open("rb") as stream:  # a device (/dev/zero) says its size is 0
            data = stream.read(MAX_FILE + 1)
        if len(data) > MAX_FILE:
            raise HandoverError(f"{path.name} is too large to be a hand-over package")
    except FileNotFoundError:
        raise HandoverError(f"{path.name} does not exist") from None
    except PermissionError:
        raise HandoverError(f"{path.name} cannot be read (permission denied)") from None
    except OSError as error:
        raise HandoverError(f"{path.name} cannot be read ({error.strerror})") from None
    return unpack(data, passphrase)
