"""Export a copy of the minutes from the minutes window: which copy, typeset, recorded.

The chair (or anyone who may export) picks a copy; a copy of issued minutes made now is
signed, so the certificate is asked for first. The copy is typeset in the typesetting
process (:mod:`~cpc_desktop.ui.output.typeset_job`), then the service records it, or
holds a family copy for its release check (:class:`~.release_panel.AwaitingPanel`).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6 import QtWidgets

from cpc_desktop.domain.enums import CopyKind, Language, MinutesState
from cpc_desktop.domain.minutes_document import MinutesCopy
from cpc_desktop.domain.redaction import RedactionReason
from cpc_desktop.ui.output import certificates
from cpc_desktop.ui.output.common import busy, open_pdf, plural, print_recorder, show_error
from cpc_desktop.ui.output.typeset_job import NOT_TYPESET, typeset_then


def left_out(redactions: tuple[Any, ...]) -> str:
    """ "4 entries left out (3 restricted, 1 said during an exclusion)", or none left out."""
    if not redactions:
        return "No entries left out."
    counts = Counter(r.reason for r in redactions)
    parts = []
    if counts[RedactionReason.RESTRICTED]:
        parts.append(f"{counts[RedactionReason.RESTRICTED]} restricted")
    if counts[RedactionReason.EXCLUDED]:
        parts.append(f"{counts[RedactionReason.EXCLUDED]} said during an exclusion")
    if counts[RedactionReason.CHANGED_WHILE_EXCLUDED]:
        changed = counts[RedactionReason.CHANGED_WHILE_EXCLUDED]
        parts.append(f"{changed} edited during an exclusion")
    return f"{plural(len(redactions), 'entry', 'entries')} left out ({', '.join(parts)})."


def export_copy(window: Any) -> None:
    """Ask which copy, then typeset it and record (or hold) it; ``window`` is the
    :class:`~.minutes_window.MinutesWindow`."""
    choices = window.export_choices()
    names = [name for name, _ in choices]
    chosen, ok = QtWidgets.QInputDialog.getItem(
        window, "Export a copy", "Which copy of the minutes?", names, current=0, editable=False
    )
    if not ok or chosen not in names:
        return
    which = choices[names.index(chosen)][1]
    session, ref, state = window.session, window.ref, window.state
    certificate = None
    if state is MinutesState.ISSUED and signed_now(session, ref, which):
        certificate = certificates.ask_certificate(window, window.preferences)
        if certificate is None:
            window._say("Not exported: a copy of issued minutes must be signed.")
            return
    try:
        with busy():
            made = session.minutes.preview_document(ref, which)
    except Exception as error:
        show_error(window, error, "Export the minutes")
        return

    def typeset(pages: Any) -> None:  # then recorded (or held) in one step
        window.release_panel.attempt(
            "Export the minutes",
            lambda: session.minutes.export(ref, which, certificate, typeset=pages),
            lambda: session.release.hold_minutes(ref, which, certificate, pages),
            lambda pdf: exported(window, pdf, which, chosen, state),
        )

    window.job = typeset_then(
        window,
        made,
        title="Export the minutes",
        failed=NOT_TYPESET.format(what="copy", done="exported"),
        done=typeset,
        cancelled=lambda: window._say("Not exported: the typesetting was cancelled."),
    )


def signed_now(session: Any, ref: str, which: MinutesCopy) -> bool:
    """Whether a copy of issued minutes is made and signed now: a family copy, or a
    full copy in a language a professional chose (the issued file is in English)."""
    if which.copy is not CopyKind.FULL:
        return True
    return bool(session.minutes.languages(ref, which) != (Language.ENGLISH,))


def exported(window: Any, pdf: Any, which: MinutesCopy, chosen: str, state: Any) -> None:
    """Say what was exported and open the copy, which may be printed or saved."""
    notes = []
    if state is not MinutesState.ISSUED:
        notes.append("These minutes are not approved: every page is marked DRAFT.")
    if which.copy is CopyKind.FAMILY:
        notes.append(f"{chosen}: {left_out(pdf.redactions)}")
    confirm = ""
    if which.recipient_id:
        name = window._family_name(which)
        confirm = f"This copy is for {name} only. Check that it goes to {name} and no one else."
    window._say(f"Exported and recorded: {chosen.lower()}.")
    window.preview_dialog = open_pdf(
        window,
        pdf.data,
        title=f"Minutes {window.ref}, {chosen[:1].lower() + chosen[1:]}",
        file_name=pdf.file_name,
        confirm_text=confirm,
        note=" ".join(notes),
        audit_print=print_recorder(window, window.session, pdf.output_id),
    )
