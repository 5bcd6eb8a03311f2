"""Composition root of the desktop application.

Start-up order matters for how quickly the first window appears (design.md §7): the
unlock dialog is shown with only Qt loaded, and once it has painted, the store's
machinery (SQLAlchemy, the services, the holiday calendars) is imported in a background
thread while the passphrase is typed. Started any earlier, that thread competes with
building and painting the dialog for the interpreter. Unlocking waits for it to finish
(or, if it never started, imports on the main thread), so two threads never import the
same modules at once.

Then, still while the passphrase is typed, a second thread imports what the first
conference opened would otherwise import on the main thread (the workspace's modules,
:func:`workspace_modules`), one module at a time. It pauses from Unlock clicked until
the home screen has painted (:meth:`Preload.hold`), so it never competes with the
unlock, except while the sign-in dialog waits for the person; if Unlock came before it
started, it starts then. When it is done, what else only the first open would pay is
done on the event loop in short steps (:mod:`cpc_desktop.ui.first_open`).
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import pkgutil
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any


def default_store_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("CPC Desktop", appauthor=False)) / "store.db"


def _preload() -> None:
    """Import what unlocking needs, off the main thread."""
    import cpc_desktop.services.session
    import cpc_desktop.ui.main_window  # noqa: F401
    from cpc_desktop.domain.calendar import holiday_table

    # The UK bank holidays of the home screen's due dates, from the shipped table: the
    # ``holidays`` package (about 7 MiB once imported) only for years the table lacks.
    holiday_table()


#: The services a workspace makes as it opens (the session makes each on first use).
_WORKSPACE_SERVICES = ["cpc_desktop.services.agenda", "cpc_desktop.services.minute_entries"]


def workspace_modules() -> list[str]:
    """The modules the first conference opened imports: the services it uses, the
    workspace and the family screen, each a step of its own (the page, which imports the
    rest, last)."""
    import cpc_desktop.ui.family
    import cpc_desktop.ui.workspace

    found = list(_WORKSPACE_SERVICES)
    for package in (cpc_desktop.ui.workspace, cpc_desktop.ui.family):
        found += [f"{package.__name__}.{m.name}" for m in pkgutil.iter_modules(package.__path__)]
    return sorted(found, key=lambda name: name.endswith(".page"))


class Preload:
    """The background import of :func:`_preload`, started at most once, then of
    ``later`` (by default :func:`workspace_modules`) on a second thread.

    :meth:`start` is called when the unlock dialog has painted; :meth:`wait` before
    anything that needs the imports. Once :meth:`wait` has been called the thread is
    never started: the caller imports what it needs on its own thread. :meth:`hold`
    pauses the second thread between two modules, :meth:`resume` lets it go on (and
    starts it if it had not started).
    """

    def __init__(
        self,
        target: Callable[[], None] = _preload,
        later: Callable[[], Sequence[str]] | None = workspace_modules,
    ) -> None:
        self._target = target
        self._later = later
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._later_thread: threading.Thread | None = None
        self._go = threading.Event()
        self._go.set()
        self._closed = False
        self._later_done = False
        self._then: Callable[[], None] | None = None

    @property
    def started(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        with self._lock:
            if self._thread is not None or self._closed:
                return
            # The name is what the benchmarks wait for (bench/unlock_home.py, memory.py).
            self._thread = threading.Thread(target=self._first, name="preload", daemon=True)
            self._thread.start()

    def _first(self) -> None:
        self._target()
        self._start_later()

    def _start_later(self) -> None:
        with self._lock:
            if self._later_thread is not None or self._later is None:
                return
            self._later_thread = threading.Thread(
                target=self._import_later, name="preload-workspace", daemon=True
            )
            self._later_thread.start()

    def _import_later(self) -> None:
        assert self._later is not None
        for name in self._later():
            self._go.wait()
            with contextlib.suppress(ImportError):  # the main thread will say why
                importlib.import_module(name)
        # What was imported stays for the process's life: kept out of the garbage
        # collector's later passes, so the first conference opened does not pay for a
        # full pass over every module (0.08-0.1 s of its CPU here, bench/README.md).
        gc.freeze()
        with self._lock:
            self._later_done = True
            then, self._then = self._then, None
        if then is not None:
            then()

    def then(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the second thread has imported everything: on that
        thread when it gets there, or at once if it already has."""
        with self._lock:
            if not self._later_done:
                self._then = callback
                return
        callback()

    def hold(self) -> None:
        """Pause the second thread after the module it is importing (the unlock runs)."""
        self._go.clear()

    def resume(self) -> None:
        """Let the second thread go on, starting it if it never started."""
        self._go.set()
        self._start_later()

    def finished_later(self) -> bool:
        """Whether the second thread has imported everything (for tests and benchmarks)."""
        thread = self._later_thread
        return thread is not None and not thread.is_alive()

    def wait(self) -> None:
        """Return once the preload is over (at once if it never started)."""
        with self._lock:
            self._closed = True
            thread = self._thread
        if thread is not None:
            thread.join()


def _after(preload: Preload, opener: Callable[[Path | str, str, bool], Any]) -> Any:
    """``opener``, run once the preload is over (an Unlock clicked before it ended)."""

    def open_when_loaded(path: Path | str, passphrase: str, create: bool) -> Any:
        preload.wait()
        preload.hold()  # the key derivation and the store's opening run alone
        try:
            return opener(path, passphrase, create)
        except BaseException:
            preload.resume()  # not opened: go on while the passphrase is typed again
            raise

    return open_when_loaded


def _harden() -> None:
    """No core dumps: a crash must not leave the conference in a file."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):  # pragma: no cover - not POSIX
        pass


def open_or_create(path: Path | str, passphrase: str, create: bool) -> Any:
    """Open the store (a server's URL needs no passphrase: the server authenticates)."""
    from cpc_desktop.services.session import open_session

    if isinstance(path, str):
        return open_session(path, None)
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    # A large store opens at once; its pages are checked in the background, writes held.
    return open_session(path, passphrase, create=create, check_later=True)


def _where(location: Path | str) -> tuple[Path | str, str | None]:
    """The store to open, and for a server its address as shown (no password)."""
    from cpc_desktop.data.location import is_server_url, shown

    if is_server_url(str(location)):
        return str(location), shown(str(location))
    return Path(location), None


def run(db: Path | str | None = None) -> int:
    """The application on the store ``db`` (a file, or a PostgreSQL URL), else the last."""
    _harden()
    from cpc_desktop.ui.arenas import limit_arenas

    limit_arenas()  # before any thread starts: about 3 MiB less at the peak
    from PySide6 import QtCore, QtWidgets

    from cpc_desktop.ui.source_cache import stop_caching_sources

    stop_caching_sources()  # before the store's machinery is imported: 15 MiB less
    from cpc_desktop.ui.i18n import use_language
    from cpc_desktop.ui.keyboard import show_focus
    from cpc_desktop.ui.screen_fit import keep_windows_on_screen
    from cpc_desktop.ui.settings import Preferences
    from cpc_desktop.ui.unlock_dialog import UnlockDialog

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    app.setApplicationName("CPC Desktop")
    app.setOrganizationName("CPC Desktop")
    show_focus(app)  # the sign-in and unlock dialogs show the focus too
    keep_windows_on_screen(app)  # every window opens within the screen's available area
    preferences = Preferences(QtCore.QSettings())
    with contextlib.suppress(FileNotFoundError):  # a broken install: the source, English
        use_language(preferences.ui_language)  # the chosen screen language, from the start
    path, server = _where(db or preferences.last_store or default_store_path())
    preload = Preload()
    dialog = UnlockDialog(path, _after(preload, open_or_create), server=server)
    dialog.painted.connect(preload.start)
    if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted or dialog.session is None:
        return 0
    preload.wait()
    from cpc_desktop.ui.first_open import FirstOpenWarmup
    from cpc_desktop.ui.main_window import MainWindow
    from cpc_desktop.ui.sign_in import sign_in_to

    # The passphrase opened the store; signing in says who is at the keyboard. The
    # workspace's imports go on meanwhile, and pause while the home screen is made.
    sign_in = sign_in_to(dialog.session)
    preload.resume()
    signed = sign_in.exec()
    preload.hold()
    if signed != QtWidgets.QDialog.DialogCode.Accepted:
        dialog.session.close()
        return 0

    if server is None or server == path:  # never remember a password
        preferences.last_store = path
    window = MainWindow(dialog.session, preferences)
    window.show()
    QtCore.QTimer.singleShot(0, preload.resume)  # after the home screen's first paint
    # Once imported, what else only the first open would pay, in short steps on the
    # event loop (its compiled reads, commands, widgets' first paint): ui/first_open.py.
    preload.then(FirstOpenWarmup(dialog.session, window).start)
    return app.exec()
