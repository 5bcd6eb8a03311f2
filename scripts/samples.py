"""Write docs/samples/: the demo conference's minutes (full and family copy) and letters.

    .venv/bin/python scripts/samples.py [OUT_DIR]

Builds a throw-away demo store in a temporary folder, approves and issues the first
conference's minutes with a self-signed certificate made for the purpose, and writes
the signed full copy, a family copy for the parent who was excluded for part of the
meeting (checked by a second user of the store before release), and one letter of each
kind the conference needs. Nothing is downloaded.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.store import create_store
from cpc_desktop.domain.enums import AttendanceKind, CopyKind, UserRole
from cpc_desktop.domain.letters import LetterRequest
from cpc_desktop.domain.minutes_document import MinutesCopy
from cpc_desktop.export.files import write_atomic
from cpc_desktop.export.signing import create_self_signed, load_certificate
from cpc_desktop.services.conferences import ConferenceService
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session

TODAY = date(2026, 11, 23)
ADDRESS = ("14 Orchard Row", "Fenbridge", "FB3 7QT")
OUT_DIR = Path(__file__).resolve().parent.parent / "docs" / "samples"


def main(out: Path = OUT_DIR) -> None:
    out.mkdir(parents=True, exist_ok=True)
    record = build_demo_records(TODAY)[0]
    ref = record.conference.reference
    chair = Actor("Demo Chair", UserRole.CHAIR)
    secret = b"sample certificate only"
    certificate = load_certificate(create_self_signed("Demo Chair", secret), secret)
    with tempfile.TemporaryDirectory() as folder:
        now = datetime(2026, 11, 23, 9, tzinfo=UTC)
        key = StoreKey.from_raw(os.urandom(32))
        store = create_store(Path(folder) / "samples.db", key, owner=chair.name, now=now)
        ConferenceService(store, chair, lambda: now).import_record(record)
        with Session(store, chair, lambda: now) as s:
            s.minutes.approve(ref)
            issued = s.minutes.issue(ref, certificate)
            written = {"minutes-full-signed.pdf": issued.data}
            excluded = next(
                p
                for p in record.participants
                if any(e.kind is AttendanceKind.EXCLUDED for e in p.attendance)
            )
            # The family copy goes out once a second person has checked it (the release
            # check, docs/disclosure.md): a minute-taker made for the purpose checks it.
            which = MinutesCopy(CopyKind.FAMILY, excluded.id)
            held = s.release.hold_minutes(ref, which, certificate)
            checker = Actor("Sample Checker", UserRole.MINUTE_TAKER)
            s.users.add_user(checker.name, checker.role, "sample checker only")
            s.release.confirm(held.id, checker)
            family = s.minutes.export(ref, which, certificate)
            written["minutes-family-copy-signed.pdf"] = family.data
            seen: set[str] = set()
            for plan in s.letters.plan(ref):
                kind = plan.need.kind.value
                if kind in seen or plan.missing:
                    continue
                seen.add(kind)
                name = plan.need.recipient_name or "The receiving authority"
                request = LetterRequest(plan.need.kind, plan.need.recipient_id, name, ADDRESS)
                written[f"letter-{kind.replace('_', '-')}.pdf"] = s.letters.preview(
                    ref, request
                ).data
    for name, data in written.items():
        write_atomic(out / name, data)
        print(f"wrote {out / name} ({len(data):,} bytes)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT_DIR)
