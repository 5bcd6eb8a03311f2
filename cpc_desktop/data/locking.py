"""One process at a time per store.

On POSIX an advisory ``flock`` on the store file itself: nothing is created beside it,
and ``flock`` locks do not interact with SQLite's own ``fcntl`` locks. The descriptor
stays open until the store is closed (closing it earlier would drop SQLite's locks).
On Windows SQLite's own locking is the guard (a sidecar lock file is future work).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cpc_desktop.data.errors import StoreLocked

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


@dataclass
class InstanceLock:
    path: Path
    fd: int | None

    @classmethod
    def acquire(cls, path: Path) -> InstanceLock:
        if fcntl is None:  # pragma: no cover - Windows
            return cls(path, None)
        fd = os.open(path, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise StoreLocked(
                f"{path.name} is already open in another CPC Desktop window or command; "
                "close it there first"
            ) from None
        return cls(path, fd)

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
