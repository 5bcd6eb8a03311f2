"""The family screen's words, in English, Welsh or both (Welsh first).

The screen's language is the chair's choice on the screen itself (under the Wales
profile; elsewhere it is English), not the application's language, so its words are
read from the Welsh catalogue through a translator of its own. Each source text is
marked with ``QT_TRANSLATE_NOOP`` in the context :data:`CONTEXT`, so ``pyside6-lupdate``
finds it (``scripts/translations.sh``); ``tests/ui/test_family_screen.py`` checks that
every one has its Welsh.

The meeting's name and the agenda titles come from the profile:
``Profile.in_language(Language.WELSH)`` (when the profile has it) gives the Welsh
terminology and agenda titles; until then, or for an item the chair added or renamed,
the words are shown as the record has them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from enum import Enum

from PySide6.QtCore import QTranslator

from cpc_desktop.domain.dates import long_date
from cpc_desktop.domain.enums import AttendanceMode, ConferenceType, Language, ParticipantRole
from cpc_desktop.domain.family_view import AgendaLine
from cpc_desktop.domain.profile import Profile
from cpc_desktop.ui.i18n import translator

CONTEXT = "FamilyScreen"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for ``pyside6-lupdate`` (which finds calls by this name) in ``context``."""
    return text


WHO_IS_HERE = QT_TRANSLATE_NOOP("FamilyScreen", "Who is here")
AGENDA = QT_TRANSLATE_NOOP("FamilyScreen", "Agenda")
PRESENT = QT_TRANSLATE_NOOP("FamilyScreen", "Present now")
LEFT = QT_TRANSLATE_NOOP("FamilyScreen", "Has left")
APOLOGIES = QT_TRANSLATE_NOOP("FamilyScreen", "Apologies")
NOBODY_YET = QT_TRANSLATE_NOOP("FamilyScreen", "Nobody yet")
NONE = QT_TRANSLATE_NOOP("FamilyScreen", "None")
NOW = QT_TRANSLATE_NOOP("FamilyScreen", "Now")
DONE = QT_TRANSLATE_NOOP("FamilyScreen", "Done")
SKIPPED = QT_TRANSLATE_NOOP("FamilyScreen", "Skipped")
NOT_STARTED = QT_TRANSLATE_NOOP("FamilyScreen", "The meeting has not started yet")
ENDED = QT_TRANSLATE_NOOP("FamilyScreen", "The meeting has ended")
ITEM_OF = QT_TRANSLATE_NOOP("FamilyScreen", "Item %1 of %2")

CONFERENCE_TYPES = {
    ConferenceType.INITIAL: QT_TRANSLATE_NOOP("FamilyScreen", "Initial conference"),
    ConferenceType.REVIEW: QT_TRANSLATE_NOOP("FamilyScreen", "Review conference"),
    ConferenceType.PRE_BIRTH: QT_TRANSLATE_NOOP("FamilyScreen", "Pre-birth conference"),
    ConferenceType.TRANSFER_IN: QT_TRANSLATE_NOOP("FamilyScreen", "Transfer-in conference"),
}

ROLES = {
    ParticipantRole.CHAIR: QT_TRANSLATE_NOOP("FamilyScreen", "Chair"),
    ParticipantRole.MINUTE_TAKER: QT_TRANSLATE_NOOP("FamilyScreen", "Minute taker"),
    ParticipantRole.SOCIAL_WORKER: QT_TRANSLATE_NOOP("FamilyScreen", "Social worker"),
    ParticipantRole.TEAM_MANAGER: QT_TRANSLATE_NOOP("FamilyScreen", "Team manager"),
    ParticipantRole.PROFESSIONAL: QT_TRANSLATE_NOOP("FamilyScreen", "Practitioner"),
    ParticipantRole.PARENT: QT_TRANSLATE_NOOP("FamilyScreen", "Parent"),
    ParticipantRole.CARER: QT_TRANSLATE_NOOP("FamilyScreen", "Carer"),
    ParticipantRole.FAMILY_MEMBER: QT_TRANSLATE_NOOP("FamilyScreen", "Family member"),
    ParticipantRole.CHILD: QT_TRANSLATE_NOOP("FamilyScreen", "Child"),
    ParticipantRole.ADVOCATE: QT_TRANSLATE_NOOP("FamilyScreen", "Advocate"),
    ParticipantRole.SUPPORTER: QT_TRANSLATE_NOOP("FamilyScreen", "Supporter"),
    ParticipantRole.INTERPRETER: QT_TRANSLATE_NOOP("FamilyScreen", "Interpreter"),
    ParticipantRole.OBSERVER: QT_TRANSLATE_NOOP("FamilyScreen", "Observer"),
}

MODES = {
    AttendanceMode.IN_ROOM: QT_TRANSLATE_NOOP("FamilyScreen", "in the room"),
    AttendanceMode.VIDEO: QT_TRANSLATE_NOOP("FamilyScreen", "on video"),
    AttendanceMode.PHONE: QT_TRANSLATE_NOOP("FamilyScreen", "by phone"),
}

#: Every source text of the screen (the test checks each has its Welsh).
SOURCES = (
    WHO_IS_HERE,
    AGENDA,
    PRESENT,
    LEFT,
    APOLOGIES,
    NOBODY_YET,
    NONE,
    NOW,
    DONE,
    SKIPPED,
    NOT_STARTED,
    ENDED,
    ITEM_OF,
    *CONFERENCE_TYPES.values(),
    *ROLES.values(),
    *MODES.values(),
)


class ScreenLanguage(Enum):
    """What the family screen is shown in: one language, or both with Welsh first."""

    ENGLISH = "en"
    WELSH = "cy"
    BOTH = "cy+en"


def _in_language(profile: Profile, language: Language) -> Profile:
    """The profile with its words in ``language``, if it has them (else as it is)."""
    try:
        return profile.in_language(language)
    except KeyError:  # no translation into that language: its own words
        return profile


class ScreenWords:
    """The family screen's words for one profile in one :class:`ScreenLanguage`."""

    def __init__(self, profile: Profile, language: ScreenLanguage) -> None:
        self.language = language
        self.english = profile
        self.welsh = _in_language(profile, Language.WELSH)
        self._welsh: QTranslator | None = None
        if language is not ScreenLanguage.ENGLISH:
            with contextlib.suppress(FileNotFoundError):  # a broken install: English shows
                self._welsh = translator(Language.WELSH)

    def welsh_of(self, source: str) -> str:
        """The catalogue's Welsh for ``source`` ("" when it has none)."""
        if self._welsh is None:
            return ""
        return self._welsh.translate(CONTEXT, source) or ""

    def pair(self, english: str, welsh: str, joiner: str = " / ") -> str:
        """``english`` and ``welsh`` as the language says (both: Welsh first)."""
        if self.language is ScreenLanguage.ENGLISH:
            return english
        welsh = welsh or english
        if self.language is ScreenLanguage.WELSH or welsh == english:
            return welsh
        return f"{welsh}{joiner}{english}"

    def say(self, source: str, *args: object, joiner: str = " / ") -> str:
        """A marked source text in the screen's language, ``%1``... filled in."""
        return self.pair(_fill(source, args), _fill(self.welsh_of(source), args), joiner)

    def meeting(self) -> str:
        return self.pair(
            self.english.terminology.meeting_name,
            self.welsh.terminology.meeting_name,
            "\n",
        )

    def conference_type(self, kind: ConferenceType) -> str:
        return self.say(CONFERENCE_TYPES[kind])

    def date(self, day: dt.date) -> str:
        return self.pair(long_date(day), long_date(day, Language.WELSH))

    def role(self, role: ParticipantRole) -> str:
        return self.say(ROLES[role])

    def mode(self, mode: AttendanceMode) -> str:
        return self.say(MODES[mode])

    def agenda_title(self, line: AgendaLine, kind: ConferenceType) -> str:
        """The item's title; in Welsh when it is the profile's own item, unrenamed."""
        welsh = ""
        english = _profile_title(self.english, kind, line.key)
        if english is not None and english == line.title:
            welsh = _profile_title(self.welsh, kind, line.key) or ""
        return self.pair(line.title, welsh, "\n")


def _profile_title(profile: Profile, kind: ConferenceType, key: str) -> str | None:
    for item in profile.agenda.for_type(kind):
        if item.key == key:
            return item.title
    return None


def _fill(text: str, args: tuple[object, ...]) -> str:
    if not text:
        return ""
    for number, value in enumerate(args, start=1):
        text = text.replace(f"%{number}", str(value))
    return text
