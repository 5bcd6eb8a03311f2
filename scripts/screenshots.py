"""Pictures of CPC Desktop's main screens for the docs, as a chair sees them on a
1366×768 laptop: ``OUT_DIR/<screen>-100.png`` or ``-150.png``.

Run by ``scripts/screenshots.sh`` under Xvfb, once per scale (Qt's scale is fixed when
the application starts):

    QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=1.5 PYTHONPATH=. \\
        xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py OUT 1.5

The windows are those the screen test opens (``tests/ui/geometry_probe.py``, over the
demo conferences, each through the app's own command), the main window filling the
screen. Each picture is cut to 256 colours to keep the docs small.
"""

from __future__ import annotations

import dataclasses
import io
import sys
from datetime import UTC, datetime, time
from pathlib import Path

from PIL import Image
from PySide6 import QtCore, QtGui, QtWidgets

from tests.ui.geometry_probe import TODAY, Probe, run

#: The probe's name of each window pictured, and the picture's name.
SCREENS = {
    "main-home": "home",
    "new-conference": "new-conference",
    "main-introductions": "introductions",
    "main-minutes": "minutes",
    "decision-wizard": "wizard",  # its first page (the demo conference's, the first opened)
    "wizard-plan": "wizard-plan",  # a later page
    "minutes-approval": "minutes-approval",
    "outcome-letters": "letters",
    "distribution": "distribution",
    "family-screen": "family-screen",
    "help": "help",
    "main-plan-progress": "plan-progress",  # a review made from the plan before it
}


def save(picture: QtGui.QPixmap, path: Path) -> None:
    """``picture`` as a 256-colour PNG at ``path``."""
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    picture.save(buffer, "PNG")
    image = Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    print(path, flush=True)


class Camera(Probe):
    """The screen test's walk, keeping a picture of each main screen."""

    def __init__(self, folder: Path, suffix: str) -> None:
        super().__init__(None)
        self.folder = folder
        self.suffix = suffix
        self.taken: set[str] = set()

    def placed(self, window: QtWidgets.QWidget) -> None:
        window.setGeometry(window.screen().availableGeometry())  # as if maximised

    def look(self, name: str, window: QtWidgets.QWidget) -> None:
        super().look(name, window)
        shot = SCREENS.get(name)
        if shot is None or shot in self.taken:
            return
        self.taken.add(shot)
        if isinstance(window, QtWidgets.QMainWindow):
            window.statusBar().clearMessage()  # the probe's own doings, not the screen's
            QtWidgets.QApplication.processEvents()
        save(window.grab(), self.folder / f"{shot}-{self.suffix}.png")


def wales_family_screen(folder: Path, suffix: str) -> None:
    """The family screen of the first demo conference under the Wales profile, in Welsh
    and English, with its fifth item under discussion (docs/family-screen.md)."""
    from cpc_desktop.domain.enums import AgendaStatus
    from cpc_desktop.domain.family_view import family_view
    from cpc_desktop.services.demo import build_demo_records
    from cpc_desktop.services.profiles import load_profile
    from cpc_desktop.ui.family.window import FamilyWindow
    from cpc_desktop.ui.family.words import ScreenLanguage

    record = build_demo_records(TODAY)[0]
    status = {-1: AgendaStatus.DONE, 0: AgendaStatus.CURRENT, 1: AgendaStatus.PENDING}
    record = dataclasses.replace(
        record,
        conference=dataclasses.replace(record.conference, profile="wales"),
        agenda=tuple(
            dataclasses.replace(item, status=status[(n > 4) - (n < 4)])
            for n, item in enumerate(record.agenda)
        ),
    )
    now = datetime.combine(record.conference.date, time(11, 0), tzinfo=UTC)
    screen = FamilyWindow(load_profile("wales"), lambda: family_view(record, now))
    screen.set_screen_language(ScreenLanguage.BOTH)
    screen.show()
    screen.setGeometry(screen.screen().availableGeometry())
    QtWidgets.QApplication.processEvents()
    save(screen.grab(), folder / f"family-screen-wales-{suffix}.png")
    screen.close()


def main() -> None:
    folder = Path(sys.argv[1])
    scale = sys.argv[2] if len(sys.argv) > 2 else "1"
    suffix = str(round(float(scale) * 100))
    folder.mkdir(parents=True, exist_ok=True)
    camera = Camera(folder, suffix)
    run(None, camera)
    missing = set(SCREENS.values()) - camera.taken
    if missing:
        sys.exit(f"These screens were not pictured: {', '.join(sorted(missing))}")
    wales_family_screen(folder, suffix)


if __name__ == "__main__":
    main()
