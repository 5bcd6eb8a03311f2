"""The audit chain's head, sealed outside the store (security design: integrity beyond the file).

Everything inside a store file can be put back as it was: the ``-wal`` lost or cut after
a crash, the newest audit events deleted with the rows they made, the whole file
replaced by an older copy, or re-keyed. The chain inside still replays cleanly. So after
every commit a small *seal* is written in this user's data folder (``seals/``, or
``$CPC_SEAL_DIR``), one per store path, holding:

- the store's identity (the hash of its first audit event, made when it was created);
- its key generation (an HMAC of a fixed label under the file's key: it changes when the
  store is re-keyed; the key itself is never written);
- the number of audit events and the newest one's hash, and when it was sealed;
- an HMAC of all that under a key derived from the store's key, so the seal cannot be
  forged or quietly moved back without the passphrase.

It is written after the commit (temp file, fsync, rename): a crash in between leaves the
seal behind the store, which is sound, because the store's chain must only *extend* the
sealed one: event number ``count`` must still have the sealed hash. Opening a store and
``check`` compare the two (:meth:`Sealer.examine`).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import threading
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cpc_desktop.data.keys import StoreKey

if TYPE_CHECKING:
    import sqlalchemy as sa
    import sqlcipher3.dbapi2 as sqlcipher

SEAL_DIR_ENV = "CPC_SEAL_DIR"
_VERSION = 1
_MAC_LABEL = b"cpc-desktop seal v1"
_GENERATION_LABEL = b"cpc-desktop key generation v1"


def seal_dir() -> Path:
    """Where seals are kept: ``$CPC_SEAL_DIR``, else ``seals`` in the user's data folder."""
    chosen = os.environ.get(SEAL_DIR_ENV)
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_data_dir("CPC Desktop", appauthor=False)) / "seals"


def seal_file(store_path: Path) -> Path:
    """The seal of the store at ``store_path`` (named by a hash of its full path)."""
    where = str(Path(store_path).resolve()).encode("utf-8", "surrogatepass")
    return seal_dir() / (hashlib.sha256(where).hexdigest()[:32] + ".seal")


@dataclass(frozen=True)
class ChainHead:
    """What the store's audit chain holds now."""

    store_id: str | None  # the first event's hash; None if there is no first event
    count: int  # the highest sequence number
    hashes: dict[int, str]  # the hash of each event asked about


@dataclass(frozen=True)
class Verdict:
    """The store compared with its seal: a problem (one line), a note, or neither."""

    problem: str | None = None
    note: str | None = None


def read_head(conn: sa.Connection, *wanted: int) -> ChainHead:
    """The chain's identity, length, and the hashes of its first, last and ``wanted`` events."""
    import sqlalchemy as sa

    audit = sa.table("audit_event", sa.column("seq"), sa.column("hash"))
    count = int(conn.execute(sa.select(sa.func.max(audit.c.seq))).scalar() or 0)
    seqs = sorted({1, count, *wanted})
    rows = conn.execute(sa.select(audit.c.seq, audit.c.hash).where(audit.c.seq.in_(seqs)))
    found = {int(seq): str(digest) for seq, digest in rows}
    return ChainHead(found.get(1), count, found)


def read_head_raw(con: sqlcipher.Connection, *wanted: int) -> ChainHead:
    """:func:`read_head` on a driver connection (no SQLAlchemy)."""
    count = int(con.execute("SELECT max(seq) FROM audit_event").fetchone()[0] or 0)
    seqs = sorted({1, count, *wanted})
    marks = ", ".join("?" * len(seqs))
    rows = con.execute(f"SELECT seq, hash FROM audit_event WHERE seq IN ({marks})", seqs)
    found = {int(seq): str(digest) for seq, digest in rows}
    return ChainHead(found.get(1), count, found)


def _when(text: str) -> str:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return "an unknown date"
    return moment.astimezone(UTC).strftime("%d %B %Y at %H:%M UTC").lstrip("0")


def _events(n: int, when: str) -> str:
    if n == 1:
        return f"1 audit event saved up to {when} is"
    return f"{n} audit events saved up to {when} are"


class Sealer:
    """Seals one store file; shared by the store and its second connections.

    ``file_key`` is the file's raw key (:func:`~cpc_desktop.data.probe.key_for_file`).
    """

    def __init__(self, store_path: Path, file_key: StoreKey) -> None:
        assert file_key.raw is not None
        self.store_path = Path(store_path)
        self.file = seal_file(self.store_path)
        self._mac_key = hmac.new(file_key.raw, _MAC_LABEL, hashlib.sha256).digest()
        self.generation = hmac.new(file_key.raw, _GENERATION_LABEL, hashlib.sha256).hexdigest()[:32]
        self.store_id: str | None = None
        self._sealed = 0
        self._lock = threading.Lock()

    def for_path(self, store_path: Path) -> Sealer:
        """A sealer with the same key for a byte-for-byte copy of this file at ``store_path``."""
        other = Sealer.__new__(Sealer)
        other.__dict__.update(self.__dict__)
        other.store_path = Path(store_path)
        other.file = seal_file(other.store_path)
        other._sealed = 0
        other._lock = threading.Lock()
        return other

    # --- writing ---------------------------------------------------------------------

    def _mac(self, fields: dict[str, Any]) -> str:
        body = json.dumps(fields, sort_keys=True, separators=(",", ":")).encode()
        return hmac.new(self._mac_key, body, hashlib.sha256).hexdigest()

    def seal(self, count: int, head: str, *, store_id: str | None = None) -> None:
        """Record that the chain now has ``count`` events ending in ``head``.

        Called after each commit. A seal that cannot be written (a full disk, a folder
        that cannot be made) is skipped: the store is sound, and the seal only falls
        behind it. Never moves the seal back within one open.
        """
        with self._lock:
            if store_id is not None:
                self.store_id = store_id
            elif count == 1:
                self.store_id = head
            if self.store_id is None or count < self._sealed:
                return
            fields: dict[str, Any] = {
                "v": _VERSION,
                "store": self.store_id,
                "generation": self.generation,
                "count": count,
                "head": head,
                "at": datetime.now(UTC).isoformat(timespec="seconds"),
            }
            fields["mac"] = self._mac(fields)
            with suppress(OSError):
                _write_atomic(self.file, json.dumps(fields, sort_keys=True).encode())
                self._sealed = count

    def seal_head(self, head: ChainHead) -> None:
        """Seal the chain as :func:`read_head` found it."""
        if head.count:
            self.seal(head.count, head.hashes[head.count], store_id=head.store_id)

    # --- comparing -------------------------------------------------------------------

    def _read(self) -> dict[str, Any] | str | None:
        try:
            data = json.loads(self.file.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            return "unreadable"
        if not isinstance(data, dict):
            return "unreadable"
        return data

    def examine(self, conn: sa.Connection) -> Verdict:
        """Compare the store's chain (read on ``conn``) with the seal; reseal a new store."""
        return self.judge(lambda *wanted: read_head(conn, *wanted))

    def judge(self, chain_of: Callable[..., ChainHead]) -> Verdict:
        """:meth:`examine`, the chain read by ``chain_of(*wanted)`` (:func:`read_head`'s)."""
        name = self.store_path.name
        record = self._read()
        if record is None:
            self.seal_head(chain_of())
            return Verdict(note=_FRESH.format(name=name))
        if isinstance(record, str):
            return Verdict(problem=_UNREADABLE.format(name=name, seal=self.file))
        try:
            count, head, store_id = int(record["count"]), str(record["head"]), record["store"]
            at, mac = str(record["at"]), str(record.pop("mac"))
        except (KeyError, TypeError, ValueError):
            return Verdict(problem=_UNREADABLE.format(name=name, seal=self.file))
        chain = chain_of(count)
        if chain.store_id is not None and chain.store_id != store_id:
            # Another store now lives at this path: there is nothing to compare it with.
            self.seal_head(chain)
            return Verdict(note=_OTHER.format(name=name))
        authentic = hmac.compare_digest(mac, self._mac(record))
        rekeyed = not authentic and record.get("generation") != self.generation
        if chain.count < count and (authentic or rekeyed):
            # Re-keyed as well: a copy made with another key (a backup) was put in place.
            missing = _events(count - chain.count, _when(at))
            return Verdict(problem=_MISSING.format(missing=missing, name=name))
        if rekeyed:
            return Verdict(problem=_REKEYED.format(name=name, at=_when(at)))
        if not authentic:
            return Verdict(problem=_UNREADABLE.format(name=name, seal=self.file))
        if chain.hashes.get(count) != head:
            return Verdict(problem=_REWRITTEN.format(name=name, seq=count, at=_when(at)))
        self.store_id = str(store_id)
        self._sealed = max(self._sealed, count)
        return Verdict()


_FRESH = (
    "{name} had no sealed record of its audit log on this machine; one was made now, "
    "and later opens and checks compare the store with it"
)
_OTHER = (
    "{name} is not the store last sealed at this path on this machine; "
    "its audit log was sealed afresh"
)
_MISSING = (
    "{missing} missing from {name}: it is an older copy, or its -wal was lost or cut "
    "short after a crash; restore the latest backup"
)
_REWRITTEN = (
    "the audit log of {name} was rewritten outside CPC Desktop: event {seq} is not the one "
    "sealed on {at}; restore the latest backup"
)
_REKEYED = (
    "{name} was re-keyed outside CPC Desktop after {at} (its key is not the one it was "
    "sealed with); restore the latest backup"
)
_UNREADABLE = (
    "the seal of {name} kept on this machine ({seal}) is damaged or was altered; if "
    "'check' finds nothing else wrong, move that file away to seal the store afresh"
)


def _write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file, flushed, then renamed."""
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(partial, target)
    except BaseException:
        with suppress(OSError):
            partial.unlink()
        raise


def move(old: Path, new: Path) -> None:
    """The store at ``old`` was moved to ``new`` by CPC Desktop: its seal follows it."""
    with suppress(OSError):
        os.replace(seal_file(old), seal_file(new))


def forget(store_path: Path) -> None:
    """The store at ``store_path`` was removed by CPC Desktop: remove its seal."""
    with suppress(OSError):
        seal_file(store_path).unlink()
