"""What goes down the pipe to the typesetting process: the whole document, equal to
what was sent, written a frame at a time rather than pickled whole in memory first."""

from __future__ import annotations

import os
import pickle
import threading
import tracemalloc
from pathlib import Path
from typing import Any

from cpc_desktop.domain.printed import Para, PrintedDocument, Section
from cpc_desktop.export import typesetter


def _document() -> PrintedDocument:
    return PrintedDocument(
        title="Minutes",
        subtitle="Initial child protection conference",
        marking="OFFICIAL-SENSITIVE",
        reference="CPC-TEST-9",
        sections=tuple(
            Section(f"Item {n}", tuple(Para(f"Entry {n}.{k}: " + "words " * 40) for k in range(50)))
            for n in range(40)
        ),
    )


class _Child:
    def __init__(self, stdin: Any) -> None:
        self.stdin = stdin


def test_a_job_goes_whole_and_equal_without_its_pickle_held_in_memory(tmp_path: Path) -> None:
    document = _document()
    job = typesetter._Job(7, document, 1.0)
    size = len(pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL))
    read, write = os.pipe()
    chunk = bytearray(65536)  # the reader copies the pipe to a file, allocating nothing
    kept = os.open(tmp_path / "sent", os.O_WRONLY | os.O_CREAT)

    def drain() -> None:
        with os.fdopen(read, "rb", buffering=0) as pipe:
            while count := pipe.readinto(chunk):
                os.write(kept, memoryview(chunk)[:count])
        os.close(kept)

    reader = threading.Thread(target=drain)
    reader.start()
    setter = typesetter.Typesetter()
    setter._process = _Child(os.fdopen(write, "wb"))  # type: ignore[assignment]
    tracemalloc.start()
    try:
        setter._send(job)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    setter._process.stdin.close()  # type: ignore[union-attr]
    setter._process = None
    reader.join(timeout=60)
    assert pickle.loads((tmp_path / "sent").read_bytes()) == job  # the same document
    assert size > 500_000 and peak < size / 4  # not the whole pickle at once
