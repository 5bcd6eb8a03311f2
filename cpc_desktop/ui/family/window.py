"""The family screen, "Who is here": a window of its own the chair shows the family.

It shows, large, what :mod:`cpc_desktop.domain.family_view` allows: the meeting's name
and date, the agenda with the item under discussion marked (an arrow and the word
"Now", not colour alone), who is present now, who has left and who sent apologies. The
chair can move it to another screen, or show it full screen on one ("Show on screen…";
Esc leaves full screen), and share it on a call. In full screen the chair's controls
are hidden: the family sees only the meeting.

The chair's controls speak the application's language (``self.tr``); what the family
reads is in the screen's own language (:mod:`.words`): under the Wales profile Welsh,
English or both (Welsh first), elsewhere English.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.domain.enums import Nation
from cpc_desktop.domain.family_view import FamilyView
from cpc_desktop.domain.profile import Profile
from cpc_desktop.ui.family import words as w
from cpc_desktop.ui.family.sections import CURRENT_ANCHOR, agenda_html, people_html, progress
from cpc_desktop.ui.family.words import ScreenLanguage, ScreenWords

TITLE_STYLE = "font-size: 24pt; font-weight: bold;"
SUBTITLE_STYLE = "font-size: 18pt;"
HEADING_STYLE = "font-size: 20pt; font-weight: bold;"
# How often the view is worked out again with the time now (see `reread`).
REREAD_MS = 15_000


class FamilyWindow(QtWidgets.QWidget):
    """The "Who is here" window for one conference; :meth:`refresh` reads ``source``."""

    def __init__(
        self,
        profile: Profile,
        source: Callable[[], FamilyView],
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent, QtCore.Qt.WindowType.Window)
        self.setObjectName("familyScreen")
        self.profile = profile
        self.source = source
        self.bilingual_profile = profile.nation is Nation.WALES
        language = ScreenLanguage.BOTH if self.bilingual_profile else ScreenLanguage.ENGLISH
        self.words = ScreenWords(profile, language)
        self._build_controls()
        self._build_content()
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.controls)
        layout.addLayout(self.page, 1)
        self.resize(_fitting(QtCore.QSize(1100, 700)))
        self.refresh()
        # An exclusion given an end time ends by itself: the clock is read again now and
        # then, and the screen changes only if what it shows does.
        self.clock = QtCore.QTimer(self)
        self.clock.setInterval(REREAD_MS)
        self.clock.timeout.connect(self.reread)
        self.clock.start()

    # --- the chair's controls --------------------------------------------------------

    def _build_controls(self) -> None:
        self.controls = QtWidgets.QWidget()
        self.controls.setObjectName("familyScreenControls")
        row = QtWidgets.QHBoxLayout(self.controls)
        row.setContentsMargins(0, 0, 0, 0)
        self.language = QtWidgets.QComboBox()
        self.language.setObjectName("familyScreenLanguage")
        self.language.setAccessibleName(self.tr("Language of this screen"))
        for text, choice in (
            (self.tr("Welsh and English (Welsh first)"), ScreenLanguage.BOTH),
            (self.tr("Welsh"), ScreenLanguage.WELSH),
            (self.tr("English"), ScreenLanguage.ENGLISH),
        ):
            self.language.addItem(text, choice)
        self.language.currentIndexChanged.connect(self._on_language_chosen)
        label = QtWidgets.QLabel(self.tr("Screen &language:"))
        label.setBuddy(self.language)
        for widget in (label, self.language):
            widget.setVisible(self.bilingual_profile)
        self.screens = QtWidgets.QPushButton(self.tr("Show on &screen…"))
        self.screens.setObjectName("familyScreenShowOn")
        self.screens.setAccessibleName(self.tr("Show this window full screen on a screen"))
        self.screen_menu = QtWidgets.QMenu(self.screens)
        self.screen_menu.aboutToShow.connect(self._list_screens)
        self.screens.setMenu(self.screen_menu)
        # Room for the words and the menu's arrow whole: the style's own measure leaves
        # the text clipped at both ends once the button has the focus frame.
        words = self.screens.fontMetrics().horizontalAdvance(self.screens.text().replace("&", ""))
        self.screens.setMinimumWidth(words + 48)
        self.hint = QtWidgets.QLabel(self.tr("Esc leaves full screen."))
        self.hint.setObjectName("familyScreenHint")
        self.close_button = QtWidgets.QPushButton(self.tr("&Close"))
        self.close_button.setObjectName("familyScreenClose")
        self.close_button.setAccessibleName(self.tr("Close this window"))
        self.close_button.clicked.connect(self.close)
        row.addWidget(label)
        row.addWidget(self.language)
        row.addWidget(self.screens)
        row.addWidget(self.hint)
        row.addStretch(1)
        row.addWidget(self.close_button)

    def _on_language_chosen(self, _index: int) -> None:
        choice = self.language.currentData()
        if isinstance(choice, ScreenLanguage):
            self.set_screen_language(choice)

    def set_screen_language(self, language: ScreenLanguage) -> None:
        """Show the family's text in ``language`` (English only outside Wales)."""
        if not self.bilingual_profile:
            language = ScreenLanguage.ENGLISH
        self.words = ScreenWords(self.profile, language)
        index = self.language.findData(language)
        if index >= 0 and index != self.language.currentIndex():
            self.language.setCurrentIndex(index)
        self.refresh()

    def _list_screens(self) -> None:
        self.screen_menu.clear()
        for number, screen in enumerate(QtGui.QGuiApplication.screens(), start=1):
            size = screen.geometry()
            text = f"&{number} {screen.name() or screen.model()} ({size.width()} × {size.height()})"
            action = self.screen_menu.addAction(text)
            action.triggered.connect(lambda _=False, s=screen: self.show_on(s))

    def show_on(self, screen: QtGui.QScreen) -> None:
        """Put the window full screen on ``screen`` (Esc leaves full screen)."""
        if self.isFullScreen():
            self.showNormal()
        if self.windowHandle() is None:
            self.show()
        self.setScreen(screen)
        self.move(screen.availableGeometry().topLeft())
        self.showFullScreen()

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if event.key() == QtCore.Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QtCore.QEvent) -> None:
        if event.type() == QtCore.QEvent.Type.WindowStateChange:
            self.controls.setVisible(not self.isFullScreen())
        super().changeEvent(event)

    # --- what the family sees --------------------------------------------------------

    def _build_content(self) -> None:
        self.title = _label("familyMeeting", TITLE_STYLE)
        self.subtitle = _label("familyDate", SUBTITLE_STYLE)
        self.agenda_heading = _label("familyAgendaHeading", HEADING_STYLE)
        self.progress = _label("familyProgress", SUBTITLE_STYLE)
        self.agenda = _column("familyAgenda")
        self.people = _column("familyPeople")
        agenda = QtWidgets.QVBoxLayout()
        agenda.addWidget(self.agenda_heading)
        agenda.addWidget(self.progress)
        agenda.addWidget(self.agenda, 1)
        columns = QtWidgets.QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(agenda, 3)
        columns.addWidget(self.people, 2)
        self.page = QtWidgets.QVBoxLayout()
        self.page.addWidget(self.title)
        self.page.addWidget(self.subtitle)
        self.page.addLayout(columns, 1)

    def reread(self) -> None:
        """Work out the view again at the time now; show it only if it changed."""
        if self.source() != self.view:
            self.refresh()

    def refresh(self) -> None:
        """Read the meeting again and show it (the agenda or the roll call changed)."""
        self.view = self.source()
        say = self.words
        self.setWindowTitle(say.say(w.WHO_IS_HERE))
        _set(self.title, say.meeting())
        kind = self.view.conference_type
        _set(self.subtitle, f"{say.conference_type(kind)}\n{say.date(self.view.date)}")
        _set(self.agenda_heading, say.say(w.AGENDA))
        _set(self.progress, progress(self.view, say))
        self.agenda.setHtml(agenda_html(self.view, say))
        self.agenda.setAccessibleName(say.say(w.AGENDA))
        if self.view.current is not None:
            self.agenda.scrollToAnchor(CURRENT_ANCHOR)
        self.people.setHtml(people_html(self.view, say))
        self.people.setAccessibleName(say.say(w.WHO_IS_HERE))

    def texts(self) -> list[str]:
        """Every piece of text the window shows (its title, labels and controls)."""
        found = [self.windowTitle()]
        for widget in self.findChildren(QtWidgets.QWidget):
            for attribute in ("text", "currentText", "accessibleName", "toolTip"):
                value = getattr(widget, attribute, None)
                if callable(value):
                    found.append(str(value()))
            if isinstance(widget, QtWidgets.QTextBrowser):
                found.append(widget.toPlainText())
        return [text for text in found if text]


def _label(name: str, style: str) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel()
    label.setObjectName(name)
    label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


def _column(name: str) -> QtWidgets.QTextBrowser:
    """A read-only column of rich text that wraps and scrolls by itself."""
    column = QtWidgets.QTextBrowser()
    column.setObjectName(name)
    column.setOpenLinks(False)
    column.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
    column.viewport().setAutoFillBackground(False)
    column.setFocusPolicy(QtCore.Qt.FocusPolicy.TabFocus)  # a screen reader can read it
    return column


def _fitting(size: QtCore.QSize) -> QtCore.QSize:
    """``size``, made smaller to fit the screen (with the scale factor taken into account)."""
    screen = QtGui.QGuiApplication.primaryScreen()
    if screen is None:
        return size
    room = screen.availableGeometry().size()
    return size.boundedTo(QtCore.QSize(room.width() * 9 // 10, room.height() * 9 // 10))


def _set(label: QtWidgets.QLabel, text: str) -> None:
    label.setText(text)
    label.setAccessibleName(text.replace("\n", " "))
