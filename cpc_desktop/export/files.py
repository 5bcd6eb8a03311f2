"""Writing files so that a crash leaves either the old file or the whole new one."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, fsync, then rename.

    The temporary file lives in the target's folder (a rename across file systems
    is not atomic) and is removed if anything fails, so no partial file remains.
    """
    folder = path.parent
    fd, temp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".partial", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    _fsync_folder(folder)


class CannotWrite(OSError):
    """A file of a batch could not be written; ``path`` is the file meant."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EIO, "cannot write", str(path))
        self.path = path


class Batch:
    """Files of one batch, in place, whose earlier versions are kept until ``finish``.

    ``undo`` takes every file of the batch away again (restoring any file it replaced);
    ``finish`` forgets the earlier versions. Exactly one of them is called.
    """

    def __init__(self) -> None:
        self.paths: list[Path] = []
        self._placed: list[tuple[Path, str | None]] = []  # (target, its earlier version)

    def undo(self) -> None:
        for path, earlier in reversed(self._placed):
            with suppress(OSError):
                if earlier is None:
                    os.unlink(path)
                else:
                    os.replace(earlier, path)
        self._placed.clear()

    def finish(self) -> None:
        for _, earlier in self._placed:
            if earlier is not None:
                with suppress(OSError):
                    os.unlink(earlier)
        self._placed.clear()


def write_all_atomic(files: Sequence[tuple[Path, bytes]]) -> Batch:
    """Write every file, or none: temporaries first, then renamed into place together.

    Each file is written to a temporary name in its target's folder and fsynced; only
    when all are written is each renamed into place. If anything fails, the temporaries
    and any file of this batch already in place are removed (a replaced file comes back)
    and ``CannotWrite`` names the file that failed. The caller ends the returned batch
    with ``finish`` once what depends on the files (their record in the store) is done,
    or ``undo`` if that failed.
    """
    temps: list[tuple[str, Path]] = []
    batch = Batch()
    current: Path | None = None
    try:
        for path, data in files:
            current = path
            if path.is_dir():
                raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
            temps.append((_write_temporary(path, data), path))
        for temp, path in temps:
            current = path
            earlier = _keep_earlier(path) if path.exists() else None
            batch._placed.append((path, earlier))
            os.replace(temp, path)
            batch.paths.append(path)
        for folder in dict.fromkeys(path.parent for path in batch.paths):
            current = folder
            _fsync_folder(folder)
    except BaseException as error:
        for temp, _ in temps:
            with suppress(FileNotFoundError):
                os.unlink(temp)
        batch.undo()
        if isinstance(error, OSError) and current is not None:
            raise CannotWrite(current) from error
        raise
    return batch


def _write_temporary(path: Path, data: bytes) -> str:
    fd, temp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    return temp


def _keep_earlier(path: Path) -> str:
    """A second name for the file at ``path``, so a failed batch can put it back."""
    fd, earlier = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".old", dir=path.parent)
    os.close(fd)
    try:
        os.unlink(earlier)
        os.link(path, earlier)
    except OSError:  # no hard links here (FAT, some shares): a copy does the same job
        shutil.copy2(path, earlier)
    return earlier


def _fsync_folder(folder: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):
        dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
