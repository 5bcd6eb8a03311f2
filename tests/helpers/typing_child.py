"""Run by the crash tests: type into a real minutes pane until killed.

    python -m tests.helpers.typing_child STORE PASSPHRASE REFERENCE INTERVAL_MS [TEXT]

Types TEXT over and over (ASCII only; by default the lower-case alphabet and a space).
Prints ``typed N`` after each keystroke and ``saved N`` each time autosave has
committed a text of N characters, flushing stdout every time, so the parent knows
what was acknowledged when it sends SIGKILL.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6 import QtCore, QtGui, QtTest, QtWidgets

from cpc_desktop.services.session import open_session
from cpc_desktop.ui.workspace.minutes_pane import MinutesPane

ALPHABET = "abcdefghijklmnopqrstuvwxyz "


def typed_text(n: int, text: str = ALPHABET) -> str:
    """The first ``n`` characters the child types when it types ``text``."""
    return "".join(text[i % len(text)] for i in range(n))


def main() -> None:
    store, passphrase, reference, interval = sys.argv[1:5]
    text = sys.argv[5] if len(sys.argv) > 5 else ALPHABET
    app = QtWidgets.QApplication([])
    session = open_session(os.path.abspath(store), passphrase)  # type: ignore[arg-type]
    record = session.conferences.get(reference)
    item = record.agenda[0]
    pane = MinutesPane(session, reference, item, 1, QtGui.QUndoStack(), session.clock)
    pane.set_participants(record.participants)
    pane.set_entries(record.minutes)
    pane.resize(900, 600)
    pane.show()
    pane.editor.setFocus()
    # Saves are committed on the writer's thread while typing goes on: acknowledge the
    # text each commit stored (not the editor's, which may already be longer).
    pane.autosave.committed.connect(lambda entry: print(f"saved {len(entry.text)}", flush=True))
    count = 0

    def type_one() -> None:
        nonlocal count
        QtTest.QTest.keyClick(pane.editor, text[count % len(text)])
        count += 1
        if count == 1:
            print("saved 1", flush=True)  # the first keystroke creates the entry durably
        print(f"typed {count}", flush=True)

    timer = QtCore.QTimer()
    timer.timeout.connect(type_one)
    timer.start(int(interval))
    print("ready", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
