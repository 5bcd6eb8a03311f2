"""The screen language: Qt's translation system, with a Welsh catalogue.

Text on screen that has been translated goes through ``self.tr()`` or
``QCoreApplication.translate(context, text)``; the Welsh words are in
``resources/i18n/cpc_desktop_cy.ts`` (the source people review) and its compiled
``cpc_desktop_cy.qm``, which is committed so nothing is built when the app runs
(``scripts/translations.sh`` makes both again). English is the source text: it needs
no catalogue.

The chair's preference (``ui/language``, :class:`~cpc_desktop.ui.settings.Preferences`)
says which catalogue :func:`use_language` installs for the whole application. The
family screen can show Welsh (or both languages) whatever that preference says, so it
reads the catalogue through a translator of its own (:func:`translator`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore

from cpc_desktop.domain.enums import Language

CATALOGUES = Path(__file__).resolve().parent.parent / "resources" / "i18n"
#: The languages the screens can be shown in, as the Preferences dialog offers them.
UI_LANGUAGES: dict[Language, str] = {Language.ENGLISH: "English", Language.WELSH: "Cymraeg"}

_installed: dict[str, QtCore.QTranslator] = {}


def catalogue(language: Language) -> Path:
    """The compiled catalogue of ``language`` (none exists for English, the source)."""
    return CATALOGUES / f"cpc_desktop_{language.value}.qm"


def translator(language: Language) -> QtCore.QTranslator | None:
    """A translator loaded with ``language``'s catalogue; None for English."""
    if language is Language.ENGLISH:
        return None
    loaded = QtCore.QTranslator()
    if not loaded.load(str(catalogue(language))):
        raise FileNotFoundError(
            f"The {UI_LANGUAGES[language]} translations are missing,"
            " so the screens stay in English."
        )
    return loaded


def use_language(language: Language) -> None:
    """Show the application's translated text in ``language`` from now on.

    The new catalogue is loaded before the previous one is removed, so a missing one
    (``FileNotFoundError``, with one line to show) changes nothing; English removes the
    previous one and installs none. Windows already open keep their words.
    """
    app = QtCore.QCoreApplication.instance()
    if app is None:
        return
    loaded = translator(language)  # first: a missing catalogue changes nothing
    old = _installed.pop("ui", None)
    if old is not None:
        app.removeTranslator(old)
    if loaded is not None:
        app.installTranslator(loaded)
        _installed["ui"] = loaded


def language_in_use() -> Language:
    """The language :func:`use_language` last installed (English when none)."""
    loaded = _installed.get("ui")
    if loaded is None:
        return Language.ENGLISH
    return Language(loaded.language().split("_")[0]) if loaded.language() else Language.WELSH
