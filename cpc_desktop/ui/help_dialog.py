"""The help page: what CPC Desktop does, how a conference flows, and every shortcut."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6 import QtWidgets

from cpc_desktop.domain.enums import Language
from cpc_desktop.ui.i18n import UI_LANGUAGES

_BODY = """
<h2>CPC Desktop</h2>
<p>CPC Desktop keeps the record of child protection conferences on this computer, in one
store encrypted with your passphrase. Nothing is sent over a network.</p>
<h3>Before the conference</h3>
<p>On the home screen choose <b>New conference</b>. Give its type and date and the date its
timescale runs from (the strategy discussion, the written transfer notice or the previous
conference). The date by which it must be held appears at once; if you set a later date
you are asked for the reason, which is kept with the record.</p>
<h3>During the conference</h3>
<p>Open the conference (Enter on the home screen). The agenda is on the left: start the
meeting and move from item to item with Ctrl+Shift+Right; the current item shows its
time allowance and a running timer, and the bar shows how far through the meeting you
are.</p>
<p><b>Introductions</b> (Ctrl+I): type each person's name, role, agency and relationship
and press Enter. Select a person and press one key to mark them present, record an
arrival (F6) or a departure (F7), or exclude them for part of the meeting (F8, then F9
when they come back). Dates of reports and when they were shared with the family, an
interpreter or an advocate go in the person's details (F2). The quorum indicator turns
green when children's social care (named as the nation names it: social work services in
Scotland, children's services in Wales) and at least two other agencies with direct
contact are present; to go ahead without quorum you are asked for the reason.</p>
<p><b>Minutes</b> (Ctrl+M): each agenda item has its own pane. Just type; everything is
saved within a second (the status line says when). Ctrl+K chooses who is speaking,
Ctrl+1 to Ctrl+4 mark an entry as fact, observation, allegation or opinion, Ctrl+R marks
it restricted (it will be left out of the family's copy) and Ctrl+J records an action.
Ctrl+Return starts the next entry. The child's views and the parents' views must be
recorded, or the reason they could not be obtained given, before the minutes can be
finalised (Ctrl+Shift+R checks).</p>
<p><b>Who is here</b> (Ctrl+Shift+W) opens a window to show the family: the meeting, the
agenda with the item under discussion marked, and who is present, has left or sent
apologies. It follows the agenda and the introductions as they change and shows nothing
private. <b>Show on screen</b> puts it full screen on another screen (Esc comes back);
under the Wales profile choose Welsh, English or both.</p>
<p>Ctrl+Z undoes changes to entries, people and the agenda; within the text you are
typing it undoes the typing.</p>
<p>The home screen shows what is due and what is overdue for every conference, and
Ctrl+F searches the minutes of all of them as you type; Enter on a result opens the
conference at that entry.</p>
<p>Tab and Shift+Tab move on from every list and table (the arrow keys move within it),
and whatever has the focus shows a blue ring. A key pressed where it does nothing says
so on the status line. Dates may be typed 3.5.2019, 3/5/19 or 03-05-2019.</p>
<h3>After the conference</h3>
<p><b>Minutes and approval</b> (Ctrl+Shift+M): preview the full copy or a family copy.
A family copy leaves out restricted entries and whatever was said while that person (or,
for "any family member", any of them) was out of the room; the full copy lists what family
copies leave out in an appendix. When the minutes are right, <b>Approve</b> them (the chair
only): the approval records a fingerprint of the content, and the minutes can no longer
change. <b>Issue and sign</b> signs the full copy with your certificate (File &rsaquo;
Signing certificate) and keeps it; issued minutes never change. If someone asks for a
correction, <b>Correct&hellip;</b> opens version 1.1 and records who asked and what changes.
<b>Reopen</b> withdraws an approval that has not yet been issued. While the minutes are
approved or issued their panes are read-only, under a banner that says how to reopen or
correct them.</p>
<p><b>Outcome letters</b> (Ctrl+Shift+L): every letter the conference needs, for parents and
carers, a parent who was excluded, the child, professionals, when a plan ends or on a
transfer. A letter cannot be written while it lacks the outcome, the reasons, the lead
social worker and how to reach them, the next dates or how to complain; the window says
what is missing. Check the name and address before the letter is issued, printed or
saved.</p>
<p><b>Distribution</b> (Ctrl+Shift+T): who has had the decision letter (due one working day
after the conference) and the minutes (due 15 or 20 working days after, by your profile),
which copy and version, and what is late. <b>Verify a signed PDF</b> (File menu) says
whether a file is exactly one this store issued, unchanged.</p>
<h3>Handing over between laptops</h3>
<p>When someone else takes the minutes on their own laptop, give them the conference with
<b>File &rsaquo; Hand over a conference</b> (Ctrl+Shift+X). It goes into one locked
<tt>.cpcx</tt> file; choose a passphrase for it and tell the other person by phone or in
person, never in the same e-mail as the file. They open it, record the meeting, and hand it
back the same way.</p>
<p><b>File &rsaquo; Import a hand-over</b> (Ctrl+Shift+G) opens the file that comes back.
Before anything is written you see what it adds, changes and removes, entry by entry, and
any <b>conflicts</b>: entries changed both here and there since you handed it over. Select
each conflict (Enter takes you to its choices) and compare the three copies: when you handed
it over, on this laptop, and in the package. Then <b>Take theirs</b>, <b>Keep mine</b>, or
<b>Edit merged text</b> to write one text from both. Import is offered once every conflict is
settled. A backup is made first, so <b>Undo import</b> (the chair only) puts everything
back. Approved or
issued minutes are never changed by an import: reopen or correct them first.</p>
<h3>Locking</h3>
<p>If nobody touches the keyboard or mouse for the time set in Preferences, the screen is
locked and the conference hidden until the passphrase is typed again. Lock it yourself
with <b>Lock now</b> before you step away. Minute text you copy (Ctrl+C) is taken off the
clipboard when the screen locks, when CPC Desktop closes and after the time set in
Preferences, unless you have copied something else since.</p>
<h3>Roles</h3>
<p>The status bar says who is signed in and their role. A minute-taker records attendance
and writes the minutes; a read-only user can look and search. Commands your role may not
use are greyed out; point at one to see why.</p>
<h3>If something goes wrong</h3>
<p>Every problem is explained in one sentence and nothing is changed by a failed action.
If the store is reported as damaged, restore it from a backup; CPC Desktop never
overwrites or recreates a store on its own. Every page of a store is checked when it
opens; a large store (over 16 MiB) is checked in the background instead, while you read.
Until that check ends the status bar says <b>Checking the store for damage</b> and nothing
is saved: what you type stays on screen and is saved when the check has passed. If the
check finds damage, CPC Desktop stops saving to the store for good, says so, and shows
<b>Read-only</b> in the status bar: what was saved can still be read.</p>
"""


# (heading, [(command, keys, what it does)]): the shortcut tables, one a scope.
ShortcutSections = Sequence[tuple[str, Sequence[tuple[str, str, str]]]]


class HelpDialog(QtWidgets.QDialog):
    """The help text, then every shortcut (``ui.action_help.help_sections``), one table a scope."""

    def __init__(
        self, shortcuts: ShortcutSections, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("CPC Desktop help")
        tables = "".join(
            f"<h4>{html.escape(heading)}</h4><table cellpadding='4'>"
            + "".join(
                f"<tr><td>{html.escape(name)}</td><td><b>{html.escape(keys)}</b></td>"
                f"<td>{html.escape(tip)}</td></tr>"
                for name, keys, tip in rows
            )
            + "</table>"
            for heading, rows in shortcuts
        )
        browser = QtWidgets.QTextBrowser()
        browser.setObjectName("helpText")
        browser.setAccessibleName("Help")
        browser.setOpenLinks(False)
        browser.setHtml(_BODY + "<h3>Keyboard shortcuts</h3>" + tables)
        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(browser)
        layout.addWidget(close)
        self.resize(640, 560)


class PreferencesDialog(QtWidgets.QDialog):
    """How soon to lock, when to clear copied text, and the language of the screens.

    Its words go through ``self.tr`` and are in the Welsh catalogue, so a chair who
    chose Cymraeg reads this dialog in Welsh.
    """

    def __init__(
        self,
        idle_minutes: int,
        parent: QtWidgets.QWidget | None = None,
        *,
        clipboard_seconds: int = 30,
        language: Language = Language.ENGLISH,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.idle = QtWidgets.QSpinBox()
        self.idle.setRange(0, 240)
        self.idle.setSuffix(self.tr(" minutes"))
        self.idle.setSpecialValueText(self.tr("never"))
        self.idle.setValue(idle_minutes)
        self.idle.setAccessibleName(self.tr("Lock after this long without input"))
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("&Lock when idle for:"), self.idle)
        self.clipboard = QtWidgets.QSpinBox()
        self.clipboard.setObjectName("clipboardSeconds")
        self.clipboard.setRange(0, 3600)
        self.clipboard.setSuffix(self.tr(" seconds"))
        self.clipboard.setSpecialValueText(self.tr("only on lock and close"))
        self.clipboard.setValue(clipboard_seconds)
        self.clipboard.setAccessibleName(
            self.tr("Clear copied minute text from the clipboard after")
        )
        form.addRow(self.tr("&Clear copied minute text after:"), self.clipboard)
        self.language = QtWidgets.QComboBox()
        self.language.setObjectName("uiLanguage")
        self.language.setAccessibleName(self.tr("Language of the screens"))
        for code, name in UI_LANGUAGES.items():
            self.language.addItem(name, code.value)
        self.language.setCurrentIndex(max(0, self.language.findData(language.value)))
        form.addRow(self.tr("Screen lan&guage:"), self.language)
        note = QtWidgets.QLabel(
            self.tr("A new language is used in the windows opened from now on.")
        )
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @property
    def chosen_language(self) -> Language:
        return Language(str(self.language.currentData()))
