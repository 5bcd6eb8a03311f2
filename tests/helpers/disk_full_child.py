"""A child for tests/faults/test_disk_full.py: a store on a real, small file system.

Run inside a mount namespace whose FOLDER is a freshly mounted tmpfs of a few MiB. It
copies the store TEMPLATE there, adds a minute entry to the demo's review, fills the file
system to the last byte with a filler file, and tries to save typed text; then frees the
space and tries again. It prints one JSON line of what it saw.

    python -m tests.helpers.disk_full_child TEMPLATE FOLDER
"""

from __future__ import annotations

import errno
import json
import shutil
import sys
from pathlib import Path

from cpc_desktop.data import integrity
from cpc_desktop.data.errors import StoreError
from cpc_desktop.services.session import open_session
from tests.faults.support import PASSPHRASE, REVIEW


def _fill(folder: Path) -> int:
    """Write a filler file until the file system has no byte left; its size."""
    filler = folder / "filler"
    written = 0
    with filler.open("wb", buffering=0) as handle:
        for size in (1 << 20, 1 << 12, 1):
            while True:
                try:
                    written += handle.write(b"\0" * size)
                except OSError as error:
                    if error.errno != errno.ENOSPC:
                        raise
                    break
    return written


def main(template: Path, folder: Path) -> dict[str, object]:
    store = folder / "demo.db"
    shutil.copy(template, store)
    seen: dict[str, object] = {}
    with open_session(store, PASSPHRASE) as session:
        item = session.conferences.get(REVIEW).agenda[0]
        entry = session.entries.add_entry(REVIEW, item.id, "Typed before the disk filled.")
        seen["filler_bytes"] = _fill(folder)
        try:
            session.entries.save_text(entry.id, "Typed while the disk was full.")
            seen["full_save"] = "saved"
        except StoreError as error:
            seen["full_save"] = str(error)
        try:  # reading is audited, so it needs room too
            session.entries.entry(entry.id)
            seen["read_while_full"] = "read"
        except StoreError as error:
            seen["read_while_full"] = str(error)
        (folder / "filler").unlink()
        seen["stored_while_full"] = session.entries.entry(entry.id).text
        session.entries.save_text(entry.id, "Typed once there was room again.")
        seen["stored_after"] = session.entries.entry(entry.id).text
    with open_session(store, PASSPHRASE) as again:
        seen["reopened"] = again.entries.entry(entry.id).text
        report = integrity.check(again.store)
        seen["sound"] = report.sound
        seen["problems"] = list(report.problems)
    return seen


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), Path(sys.argv[2]))))
