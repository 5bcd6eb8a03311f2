"""One glibc malloc arena for all the application's threads.

glibc gives each thread that allocates while another holds the main arena an arena of
its own, up to eight for each core. The application's threads (the warm-up, the
background page check, the autosave worker, the typesetter's reader) each took one,
and what was freed in each stays resident there: about 3 MiB of a whole run's peak
(``bench/memory.py``: 2.3 MiB less with two arenas, 0.9 less again with one). The threads
mostly allocate holding the interpreter's lock anyway, so they seldom wait for the
arena's. ``MALLOC_ARENA_MAX`` set by whoever starts the application wins. Nothing is
done where the C library is not glibc (``mallopt`` missing).
"""

from __future__ import annotations

import ctypes
import os
import sys

#: glibc's ``M_ARENA_MAX`` (malloc.h).
M_ARENA_MAX = -8
#: The arenas allowed: the main one, shared by every thread.
ARENAS = 1


def limit_arenas(count: int = ARENAS) -> bool:
    """Allow at most ``count`` arenas from now on (call it before any thread starts);
    whether the limit was set."""
    if not sys.platform.startswith("linux") or "MALLOC_ARENA_MAX" in os.environ:
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # pragma: no cover - not glibc
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_ARENA_MAX, count))
