"""The family screen's two columns as rich text: the agenda, and who is here.

Each column is one document (shown in a read-only ``QTextBrowser``), so long titles and
names wrap at any window size or scale and the column scrolls on its own. Every name
and title is escaped: a name typed with ``<`` in it is shown as typed, never as markup.
The item under discussion is marked by an arrow and the word "Now" in a box, not by
colour alone; finished items carry a tick and skipped ones say so.
"""

from __future__ import annotations

import html

from cpc_desktop.domain.enums import AgendaStatus
from cpc_desktop.domain.family_view import Attendee, FamilyView
from cpc_desktop.ui.family import words as w
from cpc_desktop.ui.family.words import ScreenWords

HEADING = "font-size: 20pt; font-weight: bold;"
LINE = "font-size: 17pt;"
DONE = "font-size: 17pt; color: #374151;"
CURRENT = "font-size: 19pt; font-weight: bold; color: #111827;"
#: Where the agenda column scrolls to: the item before the current one.
CURRENT_ANCHOR = "current"


def _text(text: str) -> str:
    """``text`` escaped; a second line (an agenda title's English, under its Welsh) in
    italics, so it reads as the same item, not another."""
    first, *rest = text.split("\n")
    return "<br>".join([html.escape(first), *(f"<i>{html.escape(line)}</i>" for line in rest)])


def _para(text: str, style: str) -> str:
    return f"<p style='{style} margin-top: 4px; margin-bottom: 4px;'>{_text(text)}</p>"


def progress(view: FamilyView, say: ScreenWords) -> str:
    """How far the meeting has got: "Item 3 of 12", not started yet, or ended."""
    current = view.current
    finished = (AgendaStatus.DONE, AgendaStatus.SKIPPED)
    if current is None and view.agenda and all(i.status in finished for i in view.agenda):
        return say.say(w.ENDED)
    if current is None:
        return say.say(w.NOT_STARTED)
    return say.say(w.ITEM_OF, view.agenda.index(current) + 1, len(view.agenda))


def agenda_html(view: FamilyView, say: ScreenWords) -> str:
    """Every agenda item, marked; :data:`CURRENT_ANCHOR` is just before the item ahead of
    the current one, so the column scrolled to it shows where the meeting has come from."""
    lines = view.agenda
    current = view.current
    at = 0 if current is None else max(0, lines.index(current) - 1)
    parts: list[str] = []
    for number, line in enumerate(lines, start=1):
        if number - 1 == at and current is not None:
            parts.append(f"<a name='{CURRENT_ANCHOR}'></a>")
        title = f"{number}. {say.agenda_title(line, view.conference_type)}"
        if line.status is AgendaStatus.CURRENT:
            parts.append(
                "<table width='100%' cellpadding='8' cellspacing='0' border='3'"
                " style='border-color: #92400e; border-style: solid;'"
                " bgcolor='#fef3c7'><tr><td>"
                f"{_para('▶ ' + say.say(w.NOW), CURRENT)}{_para(title, CURRENT)}"
                "</td></tr></table>"
            )
        elif line.status is AgendaStatus.DONE:
            parts.append(_para(f"✓ {title}", DONE))
        elif line.status is AgendaStatus.SKIPPED:
            parts.append(_para(f"– {title} ({say.say(w.SKIPPED)})", DONE))
        else:
            parts.append(_para(title, LINE))
    return "".join(parts)


def _people(heading: str, people: tuple[Attendee, ...], empty: str, say: ScreenWords) -> str:
    parts = [_para(say.say(heading), HEADING)]
    if not people:
        parts.append(_para(say.say(empty), LINE))
    for person in people:
        how = f" · {say.mode(person.mode)}" if person.mode is not None else ""
        parts.append(_para(f"{person.name} · {say.role(person.role)}{how}", LINE))
    return "".join(parts)


def people_html(view: FamilyView, say: ScreenWords) -> str:
    """Who is present now, who has left (when anyone has), who sent apologies."""
    parts = [_people(w.PRESENT, view.present, w.NOBODY_YET, say)]
    if view.left:
        parts.append(_people(w.LEFT, view.left, w.NONE, say))
    parts.append(_people(w.APOLOGIES, view.apologies, w.NONE, say))
    return "".join(parts)
