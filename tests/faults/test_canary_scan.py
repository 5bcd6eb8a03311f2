"""Canary scan (security.md C1): no plaintext of a case anywhere CPC Desktop writes.

A scripted session (``tests/faults/_canary_session.py``) puts canaries into the minute
text, the child's and a parent's names, a decision, text added through the services
and (with ``CPC_FAULTS=full``) a second laptop's text brought back by a hand-over; it
runs ``demo``, ``import``, ``export-json``, ``minutes`` (PDF) and ``handover export`` (and
``handover import`` twice in full). Then a typing child types a canary into a real
minutes pane and is killed with SIGKILL mid-word; the store is checked afterwards.

Every child process gets fresh folders for ``TMPDIR``, ``HOME`` and the XDG config,
cache, state, data and runtime folders (Qt's ``QSettings`` and any log or cache would
land there). Scanned, twice (after the kill, while the ``-wal`` is hot, and after
``check`` has reopened the store): the data folder (the stores, their ``-wal``/``-shm``,
the backups), the outbox of sealed hand-over packages, and all those fresh folders,
for each canary in UTF-8, UTF-16-LE/BE, lower-cased, NFC and NFD, and for the words
of each canary (what a full-text index would hold), in file contents and file names.
What the children print on stderr is scanned too.

Not scanned, on purpose: the ``exports`` folder, which holds the files that are
plaintext by design (the conference document imported, the exported JSON, the
minutes PDF). It serves as the scanner's positive control instead.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

from cpc_desktop.data import integrity
from cpc_desktop.services.session import open_session
from tests.faults import _canary_session as script
from tests.faults.support import (
    FULL,
    PASSPHRASE,
    ROOT,
    child_env,
    run_cli_process,
    type_and_kill,
)
from tests.helpers.typing_child import typed_text

SCANNED = ("data", "outbox", "tmp", "home", "config", "cache", "state", "share", "runtime")
ONE_SECOND_OF_KEYS = 50  # at 20 ms a key


#: Words of the canaries that are ordinary English: not searched for on their own.
ORDINARY = {"canary", "decision", "reason", "through", "services", "laptop"}


def _forms(canaries: tuple[str, ...]) -> set[str]:
    """Each canary as typed, lower- and upper-cased, casefolded, NFC and NFD, and its
    unusual words (what a full-text index holds: "bethany", "oyelaran", ...)."""
    texts: set[str] = set()
    for canary in canaries:
        cased = {canary, canary.lower(), canary.casefold(), canary.upper()}
        words = {w for w in re.split(r"[\W_]+", canary.casefold()) if len(w) >= 6} - ORDINARY
        texts |= {unicodedata.normalize(f, t) for t in cased | words for f in ("NFC", "NFD")}
    return texts


FORMS = _forms(script.CANARIES)
NEEDLES = {
    text.encode(encoding): f"{text!r} ({encoding})"
    for text in FORMS
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
}


def scan(roots: list[Path]) -> list[str]:
    """Where any canary is found: ``path: form`` in a file, ``path (name): form`` in a name."""
    hits = []
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            for name in dirnames + filenames:
                path = Path(dirpath) / name
                folded = unicodedata.normalize("NFC", name).casefold()
                hits += [f"{path} (name): {text!r}" for text in FORMS if text.casefold() in folded]
                if path.is_file() and not path.is_symlink():
                    data = path.read_bytes()
                    hits += [
                        f"{path}: {label}" for needle, label in NEEDLES.items() if needle in data
                    ]
    return hits


def test_the_scanner_finds_each_form(tmp_path: Path) -> None:
    """The control: a scan that finds nothing must be able to find something."""
    for n, text in enumerate((script.MINUTE.lower(), script.PARENT, script.CHILD_FAMILY)):
        for encoding in ("utf-8", "utf-16-le"):
            for form in ("NFC", "NFD"):
                sample = tmp_path / f"{n}-{encoding}-{form}"
                sample.write_bytes(b"\0junk" + unicodedata.normalize(form, text).encode(encoding))
                assert scan([tmp_path]), (text, encoding, form)
                sample.unlink()
    (tmp_path / "oyelaran-notes.txt").write_bytes(b"")  # a word of a canary in a file name
    assert scan([tmp_path])


def test_no_plaintext_after_a_session_and_a_kill(tmp_path: Path) -> None:
    folders = {name: tmp_path / name for name in (*SCANNED, "exports", "diagnostics")}
    for folder in folders.values():
        folder.mkdir(mode=0o700)
    env = child_env(
        CPC_PASSPHRASE=PASSPHRASE,
        CPC_HANDOVER_PASSPHRASE="hand-over words for the canary",
        TMPDIR=str(folders["tmp"]),
        HOME=str(folders["home"]),
        XDG_CONFIG_HOME=str(folders["config"]),
        XDG_CACHE_HOME=str(folders["cache"]),
        XDG_STATE_HOME=str(folders["state"]),
        XDG_DATA_HOME=str(folders["share"]),
        XDG_RUNTIME_DIR=str(folders["runtime"]),
    )
    stderr: list[str] = []

    # 1. The scripted session, every step a real command.
    argv = [sys.executable, "-m", "tests.faults._canary_session"]
    argv += [str(folders[name]) for name in ("data", "exports", "outbox")]
    if FULL:
        argv.append("--handover-round")
    done = subprocess.run(
        argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    stderr.append(done.stderr)
    assert done.returncode == 0, done.stderr
    review = re.search(r"^review (\S+)$", done.stdout, re.MULTILINE)
    assert review is not None, done.stdout
    chair = folders["data"] / "chair.db"

    # 2. kill -9 in the middle of typing a canary, after it has been saved at least once.
    rng = random.Random(42)
    got = type_and_kill(
        chair,
        review.group(1),
        delay=rng.uniform(0.05, 0.6),
        text=script.TYPED,
        env=env,
        min_saved=len(script.TYPED) + 1,
        stderr=folders["diagnostics"] / "typing.err",
    )
    stderr.append((folders["diagnostics"] / "typing.err").read_text(errors="replace"))
    assert (folders["data"] / "chair.db-wal").exists(), "no hot -wal: the kill came too late"

    # 3. Scan while the -wal is hot, then after `check` has recovered and closed the store.
    roots = [folders[name] for name in SCANNED]
    assert scan(roots) == []
    checked = run_cli_process(["check", "--db", str(chair)], env, cwd=folders["diagnostics"])
    stderr.append(checked.err)
    assert checked.code == 0 and "is sound" in checked.out, checked.err
    assert scan(roots) == []
    leaked = [label for n, label in NEEDLES.items() if any(n in t.encode() for t in stderr)]
    assert leaked == [], f"case text on a child's stderr: {leaked}"

    # The scan saw real files: the store, a backup in full mode, the sealed packages.
    data = sorted(p.name for p in folders["data"].iterdir())
    assert "chair.db" in data
    assert not FULL or any(name.endswith(".bak") for name in data), data
    assert sorted(p.name for p in folders["outbox"].iterdir()) == (
        ["a.cpcx", "b.cpcx"] if FULL else ["a.cpcx"]
    )

    # The control: the plaintext exports hold the canaries, and the scan finds them there.
    exported = (folders["exports"] / "out.json").read_bytes()
    for canary in (script.MINUTE, script.CHILD_GIVEN, script.DECISION, script.ADDED):
        assert canary.encode("utf-8") in exported
    assert any("out.json" in hit for hit in scan([folders["exports"]]))

    # The kill lost no acknowledged save and at most a second of keys (as in D1).
    with open_session(chair, PASSPHRASE) as session:
        texts = [e.text for e in session.entries.entries(review.group(1))]
        assert integrity.check(session.store).sound
    assert len(texts) == 1
    assert texts[0] == typed_text(len(texts[0]), script.TYPED)
    assert len(texts[0]) >= got.saved
    assert got.typed - len(texts[0]) <= ONE_SECOND_OF_KEYS
