"""A full disk, for real (issue 17, acceptance: "disk full while typing (a small filesystem)").

A child process runs in a mount namespace of its own (``unshare``) whose folder is a
tmpfs of a few MiB holding a copy of the demo store. The disk is filled to its last byte
and typed text is saved: the save is refused in one line saying the disk is full,
nothing is stored, and once there is room the same save goes through and the store
reopens sound. (``test_failed_saves.py`` drives the minutes pane itself through the same
refusal.)
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.faults.support import child_env

ROOT = Path(__file__).parents[2]


def _namespaces_work(folder: Path) -> bool:
    """Whether this machine lets a test mount a tmpfs of its own (root, or unprivileged
    user namespaces, as on Debian); CI runs as root."""
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", f"mount -t tmpfs -o size=1m tmpfs '{folder}'"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


def test_a_save_on_a_full_disk_is_refused_and_stored_once_there_is_room(
    demo_template: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "small-disk"
    folder.mkdir()
    if not _namespaces_work(folder):
        pytest.skip("this machine does not let a test mount a small file system (unshare)")
    script = (
        f"mount -t tmpfs -o size=6m tmpfs '{folder}' && exec '{sys.executable}' "
        f"-m tests.helpers.disk_full_child '{demo_template}' '{folder}'"
    )
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["filler_bytes"] > 0
    assert seen["full_save"] == "the disk holding demo.db is full; nothing was saved"
    assert seen["read_while_full"] == "the disk holding demo.db is full; nothing was saved"
    assert seen["stored_while_full"] == "Typed before the disk filled."
    assert seen["stored_after"] == "Typed once there was room again."
    assert seen["reopened"] == "Typed once there was room again."
    assert seen["sound"] is True, seen["problems"]
    assert not any(folder.iterdir())  # the tmpfs went with its namespace
