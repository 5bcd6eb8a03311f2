"""The minutes as they go on paper: a full copy, or a family copy with its redactions.

:func:`build_minutes` decides every word and its order (domain.md §6 "Contents"): the
conference's details, attendance with exclusions, reports, quorum, each agenda item's
minutes with speakers and tags, the Signs of Safety scale, each child's decision with the
child's and parents' views, every agency's view, dissent, the outline plan, actions,
the next dates, the approval, and (in a full copy) an appendix of what family copies leave
out. How it looks is ``cpc_desktop.export``'s business.

Under a profile with Welsh, a copy is printed in its recipient's language, or, for a
family copy whose recipient's choice is not known, in Welsh and English, Welsh first
(:func:`~cpc_desktop.domain.minutes_words.copy_languages`). The words come from one table
a language (:mod:`~cpc_desktop.domain.minutes_words`); the sections are written by
:mod:`~cpc_desktop.domain.minutes_writer` and :mod:`~cpc_desktop.domain.minutes_decisions`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from cpc_desktop.domain.conference import ConferenceRecord, MinutesVersion
from cpc_desktop.domain.corrections import CorrectionRequest, statements_for
from cpc_desktop.domain.enums import CopyKind, Language, MinutesState
from cpc_desktop.domain.inert import isolated
from cpc_desktop.domain.minutes_decisions import decisions, decisions_intro, scaling
from cpc_desktop.domain.minutes_plan import plan_progress
from cpc_desktop.domain.minutes_profile_words import ProfileWords, english_words, welsh_words
from cpc_desktop.domain.minutes_words import Wording, bilingual, copy_languages
from cpc_desktop.domain.minutes_words_cy import WELSH
from cpc_desktop.domain.minutes_words_en import ENGLISH
from cpc_desktop.domain.minutes_writer import Writer
from cpc_desktop.domain.printed import Para, ParaStyle, PrintedDocument, Section
from cpc_desktop.domain.profile import Profile
from cpc_desktop.domain.redaction import Redaction, family_redactions
from cpc_desktop.domain.sides import for_children

#: The writer of the sections (the name the tests of the sharing rule use).
_Writer = Writer

Local = Callable[[datetime], datetime]


def _system_local(instant: datetime) -> datetime:
    return instant.astimezone()


@dataclass(frozen=True)
class MinutesCopy:
    """Which copy to print: the full record, or a family copy (for one person or any)."""

    copy: CopyKind = CopyKind.FULL
    recipient_id: str | None = None


@dataclass(frozen=True)
class BuiltMinutes:
    document: PrintedDocument
    redactions: tuple[Redaction, ...]  # what this copy leaves out (empty for a full copy)
    #: The languages the copy is printed in, the first first: (ENGLISH,), (WELSH,), or
    #: (WELSH, ENGLISH) for a bilingual copy.
    languages: tuple[Language, ...] = (Language.ENGLISH,)


def welsh_profile(profile: Profile) -> Profile | None:
    """``profile`` in Welsh words (``Profile.in_language``), if it has a Welsh translation."""
    if Language.WELSH not in profile.languages:
        return None
    return profile.in_language(Language.WELSH)


Words = tuple[Wording, ProfileWords]


def minutes_languages(
    record: ConferenceRecord,
    profile: Profile,
    which: MinutesCopy = MinutesCopy(),
    *,
    welsh: Profile | None = None,
) -> tuple[Language, ...]:
    """The languages :func:`build_minutes` prints the copy ``which`` in, the first first
    (:func:`~cpc_desktop.domain.minutes_words.copy_languages`)."""
    welsh = welsh or welsh_profile(profile)
    recipient = next((p for p in record.participants if p.id == which.recipient_id), None)
    chosen = recipient.language if recipient is not None else None
    return copy_languages(welsh is not None, chosen, family=which.copy is CopyKind.FAMILY)


def _words(
    languages: tuple[Language, ...], profile: Profile, welsh: Profile | None
) -> tuple[Words, tuple[Words, ...]]:
    """The fixed words and the profile's words of a copy in ``languages`` (paired when
    there are two), and each language's own, first first."""
    tables: list[Words] = []
    for language in languages:
        if language is Language.WELSH and welsh is not None:
            tables.append((WELSH, welsh_words(profile, welsh)))
        else:
            tables.append((ENGLISH, english_words(profile)))
    if len(tables) == 1:
        return tables[0], tuple(tables)
    (first, first_profile), (second, second_profile) = tables
    both = (bilingual(first, second), bilingual(first_profile, second_profile))
    return both, tuple(tables)


def build_minutes(
    record: ConferenceRecord,
    profile: Profile,
    which: MinutesCopy = MinutesCopy(),
    *,
    version: MinutesVersion | None = None,
    local: Local = _system_local,
    welsh: Profile | None = None,
    corrections: Sequence[CorrectionRequest] = (),
) -> BuiltMinutes:
    """Lay out the minutes of ``record`` for the copy ``which``.

    ``version`` is the minutes version being printed (``None`` or a draft prints a
    "DRAFT" watermark). ``local`` turns stored UTC instants into the chair's local time.
    ``welsh`` is ``profile`` in Welsh words; by default the profile's own Welsh
    translation, if it has one (:func:`welsh_profile`). Without Welsh every copy is in
    English. ``corrections``: the requests to correct the minutes; the statements of
    disagreement kept with them are printed after the approval (a family copy prints only
    its recipient's own, :func:`~cpc_desktop.domain.corrections.statements_for`).

    Raises:
        ValueError: ``which.recipient_id`` names no participant of this conference.
    """
    family = which.copy is CopyKind.FAMILY
    welsh = welsh or welsh_profile(profile)
    redactions = family_redactions(record, which.recipient_id) if family else ()
    hidden = {r.entry_id for r in redactions}
    people = {p.id: p for p in record.participants}
    recipient = people.get(which.recipient_id or "")
    languages = minutes_languages(record, profile, which, welsh=welsh)
    (w, words), parts = _words(languages, profile, welsh)
    writer = Writer(
        for_children(record, recipient) if family else record,
        local,
        family=family,
        recipient=which.recipient_id,
        words=w,
        profile_words=words,
        parts=parts,
    )
    sections = [
        Section(w.details_heading, writer.details(version)),
        Section(w.attendance_heading, writer.attendance()),
        *writer.contacts(recipient),
        Section(w.reports_heading, writer.reports()),
        *writer.items(hidden, lambda: scaling(writer)),
        *plan_progress(writer),
        Section(w.decisions_heading, decisions_intro(writer)),
        *decisions(writer),
        Section(w.actions_heading, writer.actions(hidden)),
        Section(w.next_dates_heading, writer.next_dates()),
        Section(w.approval_heading, writer.approval(version)),
    ]
    statements = statements_for(corrections, family=family, recipient_id=which.recipient_id)
    if statements:
        blocks = tuple(
            Para(
                x.text,
                label=w.statement_from.format(who=isolated(x.by), date=w.long_date(x.ruled)),
                style=ParaStyle.QUOTE,
            )
            for x in statements
        )
        sections.append(Section(w.statements_heading, blocks))
    if not family:
        all_family = family_redactions(record)
        sections.append(Section(w.appendix_heading, writer.appendix(all_family)))
    who = isolated(people[which.recipient_id].name) if family and which.recipient_id else ""

    def copy_words(t: Wording) -> str:
        if not family:
            return t.full_copy
        return t.family_copy_for.format(who=who) if who else t.family_copy

    conference = record.conference

    def opening(t: Wording, p: ProfileWords | None) -> str:
        assert p is not None
        when = f"{p.conference_type(conference.type)}, {t.long_date(conference.date)}."
        return f"{when} {copy_words(t)}"

    draft = version is None or version.state is MinutesState.DRAFT
    metadata = (
        ("Reference", conference.reference),
        ("Copy", writer.each(lambda t, _: copy_words(t))),
        ("Version", version.version if version else "draft"),
        ("State", version.state.value if version else MinutesState.DRAFT.value),
        ("Content hash", version.content_hash if version else ""),
    )
    document = PrintedDocument(
        title=writer.each(lambda t, p: t.title.format(meeting=p.meeting if p else "")),
        subtitle=writer.each(opening, sentence=True),
        marking=words.marking,
        reference=conference.reference,
        sections=tuple(sections),
        watermark=w.draft_mark if draft else None,
        metadata=metadata,
        page_label=w.page_label,
        language=w.tag,
    )
    return BuiltMinutes(document, redactions, languages)


def left_out(
    record: ConferenceRecord, redactions: tuple[Redaction, ...], local: Local = _system_local
) -> tuple[str, ...]:
    """What a family copy leaves out, one line each, for the person checking it only.

    The fields written for professionals (always), then each entry left out: its
    agenda item, time, speaker, why, and its words.
    """
    writer = Writer(record, local)
    titles = {item.id: item.title for item in record.agenda}
    entries = {e.id: e for e in record.minutes}
    lines = [ENGLISH.fields_left_out]
    for r in redactions:
        entry = entries[r.entry_id]
        speaker = writer.named(entry.speaker_id) if entry.speaker_id else "no speaker"
        where = f"{titles.get(r.agenda_item_id, '-')}, {writer.time(entry.created_at)}"
        lines.append(f"{where}, {speaker} ({writer.why(r).lower()}): {entry.text}")
    return tuple(lines)
