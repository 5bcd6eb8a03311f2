"""glibc's arenas: the application allows one, shared by all its threads."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cpc_desktop.ui.arenas import limit_arenas

# Eight threads allocate at once and hold what they took; then glibc's own report counts
# the arenas (``<heap nr=...>``, one for each).
_COUNT = """
import ctypes, sys, threading
from cpc_desktop.ui.arenas import limit_arenas
print(limit_arenas() if sys.argv[1] == "limited" else "-")
go = threading.Barrier(8)
held = []
def work():
    go.wait()
    for _ in range(2000):
        held.append(bytearray(512))
threads = [threading.Thread(target=work) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
libc = ctypes.CDLL(None)
libc.fopen.restype = ctypes.c_void_p
libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
libc.fclose.argtypes = [ctypes.c_void_p]
out = libc.fopen(sys.argv[2].encode(), b"w")
libc.malloc_info(0, out)
libc.fclose(out)
"""


def _arenas(how: str, tmp_path: Path, env: dict[str, str]) -> tuple[str, int]:
    report = tmp_path / f"{how}.xml"
    done = subprocess.run(
        [sys.executable, "-c", _COUNT, how, str(report)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip(), report.read_text().count("<heap nr=")


@pytest.mark.skipif(
    not sys.platform.startswith("linux"),
    reason="malloc arenas are glibc's (limit_arenas does nothing off Linux); "
    "CI and the supported desktops are Linux, where this runs",
)
def test_threads_share_the_main_arena(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}
    said, limited = _arenas("limited", tmp_path, env)
    assert said == "True" and limited == 1
    _, free = _arenas("free", tmp_path, env)
    assert free > 1  # without the limit the threads took arenas of their own


def test_an_arena_limit_set_by_the_launcher_is_left_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert limit_arenas() is False
