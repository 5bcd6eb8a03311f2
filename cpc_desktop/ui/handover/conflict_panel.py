"""The panel under the list: one entry's copies side by side, and the chair's choice.

For a conflict it shows three read-only texts — when you handed it over, on this
laptop, in the package — for the disputed fields (or, when one side removed the
entry, which side did), with "Take theirs", "Keep mine" and, when the disputed
fields hold text, "Edit merged text…". The editor starts from ``merge_text`` of the
three copies and gives an edited resolution. For a plain change it shows what this
laptop has now beside what the import leaves.

Signals:
    resolved(UnitKey, Resolution): the chair settled the conflict shown.
"""

from __future__ import annotations

from typing import Any

from PySide6 import QtCore, QtWidgets

from cpc_desktop.domain.merge import (
    Change,
    ChangeKind,
    Conflict,
    ConflictKind,
    Resolution,
    Side,
    merge_text,
)
from cpc_desktop.ui.clipboard_guard import ClipboardGuard
from cpc_desktop.ui.handover.describe import (
    CHOICE_WORDS,
    Names,
    describe,
    field_words,
    join_words,
    kind_words,
    snippet,
    unit_text,
)
from cpc_desktop.ui.output.common import text_label

BASE_TITLE = "When you handed it over"
MINE_TITLE = "On this laptop"
THEIRS_TITLE = "In the package"

_EXPLAIN = {
    ConflictKind.BOTH_CHANGED: (
        "This laptop and the package both changed {fields} since you handed the conference "
        "over. Choose which to keep{edit}. Anything else either side changed in this entry "
        "is kept as usual."
    ),
    ConflictKind.BOTH_ADDED: (
        "Both laptops added this, and the two copies differ in {fields}. Choose which to "
        "keep{edit}."
    ),
    ConflictKind.DELETED_HERE: (
        "You removed this on this laptop, but the package changed it. Take theirs to bring "
        "it back as the package has it; keep mine to leave it removed."
    ),
    ConflictKind.DELETED_THERE: (
        "You changed this on this laptop, but the package removed it. Take theirs to remove "
        "it; keep mine to keep your copy."
    ),
}


class MergeEditor(QtWidgets.QDialog):
    """Write the merged text of a conflict's text fields, starting from both sides."""

    def __init__(
        self, conflict: Conflict, names: Names, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.setWindowTitle("Edit the merged text")
        self.setObjectName("mergeEditor")
        title = text_label("mergeTitle", "Entry merged", bold=True)
        title.setText(
            f"{kind_words(conflict.key)} — "
            f"{describe(conflict.key, conflict.theirs or conflict.mine, names)}"
        )
        intro = text_label("mergeIntro", "How the text was started")
        intro.setText(
            "The merged text starts from both versions put together: what only one side "
            "changed is kept, and where both changed the same lines, this laptop's lines come "
            "first, then the package's. Edit it until it says what was meant."
        )
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        self.editors: dict[str, QtWidgets.QPlainTextEdit] = {}
        for name in conflict.text_fields:
            base = getattr(conflict.base, name, "") if conflict.base is not None else ""
            mine = getattr(conflict.mine, name)
            theirs = getattr(conflict.theirs, name)
            words = field_words(name).removeprefix("the ")
            sides = QtWidgets.QHBoxLayout()
            for heading_text, text in ((MINE_TITLE, mine), (THEIRS_TITLE, theirs)):
                column = QtWidgets.QVBoxLayout()
                shown = QtWidgets.QPlainTextEdit(text)
                shown.setReadOnly(True)
                ClipboardGuard.for_app().watch(shown)  # minute text: copies are cleared
                shown.setTabChangesFocus(True)
                shown.setAccessibleName(f"{heading_text}: {words}")
                shown.setMaximumHeight(120)
                heading = QtWidgets.QLabel(f"{heading_text} ({words}):")
                column.addWidget(heading)
                column.addWidget(shown)
                sides.addLayout(column, 1)
            layout.addLayout(sides)
            editor = QtWidgets.QPlainTextEdit()
            editor.setObjectName(f"merged_{name}")
            editor.setAccessibleName(f"Merged {words}")
            editor.setTabChangesFocus(True)
            editor.setPlainText(merge_text(base or "", mine, theirs))
            heading = QtWidgets.QLabel(f"&Merged {words}:")
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            heading.setBuddy(editor)
            layout.addWidget(heading)
            layout.addWidget(editor, 1)
            self.editors[name] = editor
        others = [n for n in conflict.fields if n not in conflict.text_fields and n != "updated_at"]
        if others:
            kept = text_label("mergeOthers", "What else is kept")
            kept.setText(
                f"{join_words(field_words(n) for n in others).capitalize()} "
                "stays as it is on this laptop."
            )
            layout.addWidget(kept)
        self.problem = text_label("mergeProblem", "What is missing")
        self.problem.setStyleSheet("color: #9b1c1c;")
        layout.addWidget(self.problem)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("&Use this text")
        self.ok.setAccessibleName("Use this text")
        cancel = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 620)
        first = next(iter(self.editors.values()), None)
        if first is not None:
            first.setFocus()

    def values(self) -> dict[str, str]:
        return {name: editor.toPlainText() for name, editor in self.editors.items()}

    def resolution(self) -> Resolution:
        return Resolution.edited(**self.values())

    def accept(self) -> None:
        for name, text in self.values().items():
            sides = (getattr(self.conflict.mine, name), getattr(self.conflict.theirs, name))
            if not text.strip() and all(s.strip() for s in sides):
                self.problem.setText(
                    "The merged text is empty. Write it, or cancel and take one side."
                )
                self.editors[name].setFocus()
                return
        super().accept()


class ComparePanel(QtWidgets.QWidget):
    """One entry's copies side by side; for a conflict, the buttons that settle it."""

    resolved = QtCore.Signal(object, object)  # UnitKey, Resolution

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparePanel")
        self.conflict: Conflict | None = None
        self.names: Names | None = None
        self.editor: MergeEditor | None = None
        self.can_choose = True  # False while the package cannot be imported at all
        self.title = text_label("compareTitle", "Entry shown", bold=True)
        self.explain = text_label("compareExplain", "What this means")
        columns = QtWidgets.QHBoxLayout()
        self.headings: list[QtWidgets.QLabel] = []
        self.texts: list[QtWidgets.QPlainTextEdit] = []
        for name in ("base", "mine", "theirs"):
            box = QtWidgets.QVBoxLayout()
            heading = QtWidgets.QLabel()
            heading.setObjectName(f"{name}Heading")
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            text = QtWidgets.QPlainTextEdit()
            text.setObjectName(f"{name}Text")
            text.setReadOnly(True)
            ClipboardGuard.for_app().watch(text)
            text.setTabChangesFocus(True)
            text.setMinimumHeight(90)
            heading.setBuddy(text)
            box.addWidget(heading)
            box.addWidget(text, 1)
            columns.addLayout(box, 1)
            self.headings.append(heading)
            self.texts.append(text)
        self.base_text, self.mine_text, self.theirs_text = self.texts

        self.theirs_button = self._button("Take &theirs", "Take theirs")
        self.mine_button = self._button("&Keep mine", "Keep mine")
        self.edit_button = self._button("&Edit merged text…", "Edit merged text")
        self.theirs_button.clicked.connect(self.take_theirs)
        self.mine_button.clicked.connect(self.keep_mine)
        self.edit_button.clicked.connect(self.edit_merged)
        self.choice = text_label("choiceNow", "Your choice")
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.theirs_button)
        buttons.addWidget(self.mine_button)
        buttons.addWidget(self.edit_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.choice, 1)

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.explain)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)
        self.show_nothing("Select an entry in the list to see it here.")

    def _button(self, text: str, name: str) -> QtWidgets.QPushButton:
        button = QtWidgets.QPushButton(text)
        button.setAccessibleName(name)
        button.setObjectName(name.replace(" ", "_").lower())
        button.setAutoDefault(False)
        return button

    # --- what is shown ---------------------------------------------------------------

    def _columns(self, shown: list[tuple[str, str] | None]) -> None:
        for heading, text, column in zip(self.headings, self.texts, shown, strict=True):
            visible = column is not None
            heading.setVisible(visible)
            text.setVisible(visible)
            if column is not None:
                heading.setText(column[0])
                text.setAccessibleName(column[0])
                text.setPlainText(column[1])

    def _buttons(self, conflict: Conflict | None) -> None:
        shown = conflict is not None and self.can_choose
        for button in (self.theirs_button, self.mine_button):
            button.setVisible(shown)
        self.edit_button.setVisible(
            shown and conflict is not None and Side.EDITED in conflict.choices
        )
        self.choice.setVisible(shown)

    def show_nothing(self, text: str) -> None:
        self.conflict = None
        self.title.setText(text)
        self.explain.setText("")
        self.explain.setVisible(False)
        self._columns([None, None, None])
        self._buttons(None)

    def show_change(self, change: Change, names: Names) -> None:
        self.conflict = None
        self.names = names
        value = change.after if change.after is not None else change.before
        self.title.setText(f"{kind_words(change.key)} — {describe(change.key, value, names)}")
        self.explain.setVisible(True)
        if change.kind is ChangeKind.ADDED:
            self.explain.setText("The package adds this. Nothing on this laptop changes for it.")
            self._columns([None, None, (THEIRS_TITLE, unit_text(change.after, names))])
        elif change.kind is ChangeKind.DELETED:
            self.explain.setText(
                "Removed: the package no longer has this, and this laptop had not changed it "
                "since you handed the conference over, so the import removes it."
            )
            before = unit_text(change.before, names)
            self._columns([None, (MINE_TITLE + " now", before), ("After the import", "(Removed.)")])
        else:
            shown = tuple(n for n in change.fields if n != "updated_at") or change.fields
            self.explain.setText(
                f"Only the package changed {join_words(field_words(n) for n in shown)}; "
                "the import takes its version."
            )
            self._columns(
                [
                    None,
                    (MINE_TITLE + " now", unit_text(change.before, names, shown)),
                    ("After the import", unit_text(change.after, names, shown)),
                ]
            )
        self._buttons(None)

    def show_conflict(
        self, conflict: Conflict, resolution: Resolution | None, names: Names
    ) -> None:
        self.conflict = conflict
        self.names = names
        value = next(v for v in (conflict.theirs, conflict.mine, conflict.base) if v is not None)
        self.title.setText(
            f"Conflict: {kind_words(conflict.key)} — {describe(conflict.key, value, names)}"
        )
        shown = tuple(n for n in conflict.fields if n != "updated_at")
        words = join_words(field_words(n) for n in shown) or "it"
        edit = ", or edit a merged text" if Side.EDITED in conflict.choices else ""
        explain = _EXPLAIN[conflict.kind].format(fields=words, edit=edit)
        if not self.can_choose:  # what the conflict is, without asking for a choice
            explain = explain.split(". ")[0].rstrip(".") + "."
        self.explain.setText(explain)
        self.explain.setVisible(True)

        def side(unit: Any, removed: str) -> str:
            if unit is None:
                return removed
            return unit_text(unit, names, shown)

        self._columns(
            [
                (BASE_TITLE, side(conflict.base, "(Not there yet: both laptops added it since.)")),
                (MINE_TITLE, side(conflict.mine, "(Removed on this laptop.)")),
                (THEIRS_TITLE, side(conflict.theirs, "(Removed in the package.)")),
            ]
        )
        self._buttons(conflict)
        self.show_choice(resolution)

    def show_choice(self, resolution: Resolution | None) -> None:
        words = CHOICE_WORDS[resolution.side if resolution else None]
        text = f"Your choice: {words}"
        if resolution is not None and resolution.side is Side.EDITED:
            merged = " / ".join(snippet(str(v), 60) for _name, v in resolution.values)
            text += f" — “{merged}”"
        elif resolution is None:
            text += " — choose one to import"
        self.choice.setText(text)
        self.choice.setStyleSheet("" if resolution else "color: #7c2d12; font-weight: bold;")

    # --- settling --------------------------------------------------------------------

    def focus_choices(self) -> None:
        if self.conflict is not None and self.can_choose:
            self.theirs_button.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)

    def take_theirs(self) -> None:
        self._choose(Resolution(Side.THEIRS))

    def keep_mine(self) -> None:
        self._choose(Resolution(Side.MINE))

    def _choose(self, resolution: Resolution) -> None:
        if self.conflict is None or not self.can_choose:
            return
        self.show_choice(resolution)
        self.resolved.emit(self.conflict.key, resolution)

    def merge_editor(self, conflict: Conflict, names: Names) -> MergeEditor:
        """The editor for an edited merge (a factory, so a test can look inside)."""
        return MergeEditor(conflict, names, self)

    def edit_merged(self) -> None:
        conflict, names = self.conflict, self.names
        if conflict is None or names is None or not self.can_choose:
            return
        if Side.EDITED not in conflict.choices:
            return
        editor = self.merge_editor(conflict, names)
        editor.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        self.editor = editor

        # Bound methods, not lambdas holding the panel (a cycle PySide cannot collect safely).
        editor.accepted.connect(self._merged)
        editor.finished.connect(self._editor_closed)
        editor.open()

    def _merged(self) -> None:
        editor = self.editor
        if editor is not None:
            self.resolved.emit(editor.conflict.key, editor.resolution())

    def _editor_closed(self, _result: int) -> None:
        self.editor = None
