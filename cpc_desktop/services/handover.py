"""Hand-over between a minute-taker's laptop and the chair's: export, preview, import.

Export seals the conference with the copy both sides last agreed on (the *base*).
Import shows first what the package would add, change and remove and where the two
copies disagree; the chair settles each conflict, and the merge is written in one
unit of work with its audit event, after an encrypted backup that undoes it.
Issued (or approved) minutes are never changed by an import.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from cpc_desktop.data import backups, handover, repository
from cpc_desktop.domain import approval
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.dates import plain_date
from cpc_desktop.domain.document import dumps, from_document, to_document
from cpc_desktop.domain.enums import MinutesState
from cpc_desktop.domain.merge import (
    ChangeKind,
    MergeError,
    MergePlan,
    Resolution,
    UnitKey,
    apply_merge,
    plan_merge,
)
from cpc_desktop.export.files import write_atomic
from cpc_desktop.export.package import DEFAULT_COST, KdfCost
from cpc_desktop.services.base import ServiceBase
from cpc_desktop.services.errors import Conflict
from cpc_desktop.services.handover_package import (
    HandoverError,
    Package,
    new_package,
    pack,
    read_package,
)
from cpc_desktop.services.retention import deleted_line
from cpc_desktop.services.roles import Action
from cpc_desktop.services.rules import check_record_rules

__all__ = [
    "ExportResult",
    "HandoverError",
    "HandoverService",
    "HandoverState",
    "ImportPreview",
    "ImportResult",
]

#: What a minute-taker's or chair's copy may differ in without touching the minutes.
_RECORD_KEEPING = frozenset(
    {"minutes_version", "letter", "distribution", "complaint", "correction_request"}
)


@dataclass(frozen=True)
class ExportResult:
    reference: str
    package_id: str
    path: Path
    entries: int


@dataclass(frozen=True)
class HandoverState:
    """Whether this store's copy of a conference has changed since it last went in or
    out as a package (never handed over: ``last_handover`` is ``None``)."""

    reference: str
    last_handover: datetime | None
    last_change: datetime | None

    @property
    def not_exported(self) -> bool:
        """Changes the other laptop does not have yet."""
        if self.last_handover is None:
            return True
        return self.last_change is not None and self.last_change > self.last_handover


@dataclass(frozen=True)
class ImportPreview:
    """What importing ``package`` would do to this store, before anything is written."""

    package: Package
    new_conference: bool  # the store has no copy: the import adds it whole
    imported_at: datetime | None  # already imported then: nothing to do
    plan: MergePlan | None  # None for a new conference or a package already imported
    blocked: str | None = None  # why it cannot be imported at all

    @property
    def nothing_to_do(self) -> bool:
        return self.imported_at is not None or (self.plan is not None and self.plan.empty)


@dataclass(frozen=True)
class ImportResult:
    reference: str
    added: int
    changed: int
    deleted: int
    backup: Path | None  # restoring it undoes the import; None when nothing was written
    already_imported: bool = False


class HandoverService(ServiceBase):
    # --- export ---------------------------------------------------------------------

    def export_package(
        self, ref: str, out: Path, passphrase: str, *, cost: KdfCost = DEFAULT_COST
    ) -> ExportResult:
        """Write the conference ``ref`` to ``out`` as a sealed package."""
        self._require(Action.HANDOVER, "conference", ref)
        with self._store.unit_of_work(self._context(Action.HANDOVER, "conference")) as work:
            s = work.session
            conference_id = self._conference_id(s, ref)
            work.object_id = conference_id
            current = repository.load_record(s, conference_id)
            assert current is not None
            agreed = handover.agreed_base(s, conference_id)
            base = from_document(_json(agreed)) if agreed else current
            package = new_package(
                base,
                current,
                sender=self._actor.name,
                role=self._actor.role.value,
                at=self._clock(),
            )
            data = pack(package, passphrase, cost=cost)
            handover.record_handover(
                s,
                conference_id=conference_id,
                package_id=package.package_id,
                direction="exported",
                peer="",
                base_document=agreed or dumps(to_document(current)),
                who=self._actor.name,
                now=self._clock(),
            )
            _write(out, data)
        return ExportResult(
            current.conference.reference, package.package_id, out, len(current.minutes)
        )

    def state(self, ref: str) -> HandoverState:
        """When ``ref`` last went in or out as a package, and was last changed here."""
        self._require(Action.HANDOVER, "conference", ref)
        with self._store.unit_of_work(self._context(Action.HANDOVER, "conference")) as work:
            conference_id = self._conference_id(work.session, ref)
            work.object_id = conference_id
            return HandoverState(
                ref,
                handover.last_handover(work.session, conference_id),
                handover.last_change(work.session, conference_id),
            )

    # --- import ---------------------------------------------------------------------

    def read(self, path: Path, passphrase: str) -> Package:
        """Open a package file (nothing in the store is read or written)."""
        return read_package(path, passphrase)

    def preview(self, package: Package) -> ImportPreview:
        """What importing ``package`` would add, change, remove and dispute.

        Checked and audited as what it is the first step of, a hand-over.
        """
        self._require(Action.HANDOVER, "conference", package.current.conference.id)
        context = self._context(Action.HANDOVER, "conference", package.current.conference.id)
        with self._store.unit_of_work(context) as work:
            return self._preview(work.session, package)

    def _preview(self, s: Session, package: Package) -> ImportPreview:
        made_here = handover.handover_seen(s, package.package_id, "exported")
        if made_here is not None:
            return ImportPreview(
                package,
                False,
                None,
                None,
                blocked=f"this package was made from this store on {plain_date(made_here.date())}; "
                "it is for the other laptop",
            )
        imported_at = handover.handover_seen(s, package.package_id, "imported")
        if imported_at is not None:
            return ImportPreview(package, False, imported_at, None)
        mine = repository.load_record(s, package.current.conference.id)
        if mine is None:
            return ImportPreview(package, True, None, None, blocked=self._cannot_add(s, package))
        plan = plan_merge(package.base, mine, package.current)
        return ImportPreview(package, False, None, plan, blocked=_frozen(plan))

    @staticmethod
    def _cannot_add(s: Session, package: Package) -> str | None:
        record = package.current
        if repository.find_conference_id(s, record.conference.reference) is not None:
            return f"another conference in this store is already {record.conference.reference}"
        deleted = deleted_line(s, record.conference.id)
        if deleted is not None:
            return deleted
        clashes = repository.existing_ids(s, repository.all_ids(record))
        if clashes:
            table, row_id = clashes[0]
            return f"the {table.replace('_', ' ')} id {row_id} is already in this store"
        return None

    def import_package(
        self, package: Package, resolutions: Mapping[UnitKey, Resolution] | None = None
    ) -> ImportResult:
        """Merge ``package`` into the store (after a backup), settling conflicts as given.

        One audit event: the merge's (the look taken first is not audited apart).
        """
        resolutions = resolutions or {}
        conference_id = package.current.conference.id
        self._require(Action.HANDOVER, "conference", conference_id)
        with self._store.reading() as s:
            preview = self._preview(s, package)
        reference = package.reference
        if preview.blocked:
            raise HandoverError(preview.blocked)
        if preview.imported_at is not None:
            return ImportResult(reference, 0, 0, 0, None, already_imported=True)
        if preview.new_conference:
            check_record_rules(package.current, self._rules)
        else:
            assert preview.plan is not None
            _merged(preview.plan, resolutions)  # refuse a bad resolution before the backup
        # A server store has no copy beside it: the server's own backups are the undo.
        backup = (
            backups.backup_store(self._store, "import", self._clock())
            if self._store.file_backed
            else None
        )
        try:
            counts = self._write(package, resolutions)
        except BaseException:
            if backup is not None:
                with suppress(OSError):
                    backup.unlink()
            raise
        added, changed, deleted = counts
        return ImportResult(reference, added, changed, deleted, backup)

    def _write(
        self, package: Package, resolutions: Mapping[UnitKey, Resolution]
    ) -> tuple[int, int, int]:
        conference_id = package.current.conference.id
        context = self._context(Action.HANDOVER, "conference", conference_id)
        with self._store.unit_of_work(context) as work:
            s = work.session
            preview = self._preview(s, package)  # again, inside the transaction
            if preview.blocked:
                raise HandoverError(preview.blocked)
            now, who = self._clock(), self._actor.name
            if preview.new_conference:
                repository.insert_record(s, package.current, who, now)
                counts = (len(repository.all_ids(package.current)), 0, 0)
            else:
                assert preview.plan is not None
                merged = _merged(preview.plan, resolutions)
                _check_minutes_unchanged(preview.plan.mine, merged)
                synced = repository.sync_record(s, merged, who, now)
                counts = (synced.added, synced.changed, synced.deleted)
            handover.record_handover(
                s,
                conference_id=conference_id,
                package_id=package.package_id,
                direction="imported",
                peer=package.sender,
                base_document=dumps(to_document(package.current)),
                who=who,
                now=now,
            )
        return counts


# --- helpers --------------------------------------------------------------------------------


def _json(text: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(text)
    return doc


def _write(path: Path, data: bytes) -> None:
    try:
        write_atomic(path, data)
    except IsADirectoryError:
        raise HandoverError(f"{path.name} is a folder") from None
    except FileNotFoundError:
        raise HandoverError(f"the folder for {path.name} does not exist") from None
    except PermissionError:
        raise HandoverError(f"{path.name} cannot be written (permission denied)") from None
    except OSError as error:
        raise HandoverError(f"{path.name} cannot be written ({error.strerror})") from None


def _merged(plan: MergePlan, resolutions: Mapping[UnitKey, Resolution]) -> d.ConferenceRecord:
    try:
        return apply_merge(plan, resolutions)
    except MergeError as error:
        raise HandoverError(str(error)) from None


def _frozen(plan: MergePlan) -> str | None:
    """Why the plan may not be imported: it would change approved or issued minutes."""
    version = approval.current(plan.mine)
    if version is None or version.state is MinutesState.DRAFT:
        return None
    touched = [c.key for c in plan.changes] + [c.key for c in plan.conflicts]
    if all(key.kind in _RECORD_KEEPING for key in touched) and not _issued_touched(plan):
        return None
    return (
        f"the minutes of {plan.mine.conference.reference} are {version.state.value} "
        f"(version {version.version}); an import cannot change them. Reopen or correct "
        "the minutes first (Conference › Minutes and approval)"
    )


def _issued_touched(plan: MergePlan) -> bool:
    issued = {v.id for v in plan.mine.minutes_versions if v.state is MinutesState.ISSUED}
    return any(
        c.key.kind == "minutes_version" and c.key.id in issued and c.kind is not ChangeKind.ADDED
        for c in plan.changes
    )


def _check_minutes_unchanged(mine: d.ConferenceRecord, merged: d.ConferenceRecord) -> None:
    if approval.editable(mine):
        return
    issued = [v for v in mine.minutes_versions if v.state is MinutesState.ISSUED]
    kept = {v.id: v for v in merged.minutes_versions}
    if approval.content_hash(merged) != approval.content_hash(mine) or any(
        kept.get(v.id) != v for v in issued
    ):
        raise Conflict(
            f"the minutes of {mine.conference.reference} are approved or issued; "
            "an import cannot change them"
        )
