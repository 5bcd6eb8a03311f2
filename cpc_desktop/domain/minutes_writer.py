"""The sections of the minutes, block by block, for one copy in its language.

:class:`Writer` decides what each section holds and which words head it: every fixed
word from the copy's :class:`~cpc_desktop.domain.minutes_words.Wording`, every word of
the profile from its :class:`~cpc_desktop.domain.minutes_profile_words.ProfileWords`.
What people typed is printed as typed. The decisions are written by
:mod:`cpc_desktop.domain.minutes_decisions`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from datetime import datetime

from cpc_desktop.domain.conference import (
    AttendanceEvent,
    ConferenceRecord,
    MinuteEntry,
    MinutesVersion,
    Participant,
)
from cpc_desktop.domain.dates import clock
from cpc_desktop.domain.enums import (
    AgendaStatus,
    AttendanceKind,
    AttendanceMode,
    MinutesState,
    ParticipantRole,
)
from cpc_desktop.domain.fields import FIELDS, Readers
from cpc_desktop.domain.inert import isolated
from cpc_desktop.domain.labels import child_name, first_name
from cpc_desktop.domain.meeting_clock import clock_times
from cpc_desktop.domain.minutes import SCALE_MAX, SCALE_MIN
from cpc_desktop.domain.minutes_events import quorum_blocks, transfer_pairs
from cpc_desktop.domain.minutes_profile_words import ProfileWords
from cpc_desktop.domain.minutes_words import LABEL_JOIN, SENTENCE_JOIN, Wording, joined
from cpc_desktop.domain.minutes_words_en import ENGLISH
from cpc_desktop.domain.printed import Block, Fields, Para, ParaStyle, Section, Table
from cpc_desktop.domain.private_details import KINDS, may_show
from cpc_desktop.domain.redaction import Redaction, RedactionReason
from cpc_desktop.domain.sides import is_family_side

Local = Callable[[datetime], datetime]

#: The fields whose text a family copy leaves out unless the chair shared it.
VIEW_REASON = "$.decisions[].views[].reason"
DISSENT_REASONS = "$.decisions[].dissents[].reasons"
EXCLUSION_NOTE = "$.participants[].attendance[].note"


class Writer:
    """Builds each section's blocks for one record, in one copy's words."""

    def __init__(
        self,
        record: ConferenceRecord,
        local: Local,
        *,
        family: bool = False,
        recipient: str | None = None,
        words: Wording = ENGLISH,
        profile_words: ProfileWords | None = None,
        parts: tuple[tuple[Wording, ProfileWords], ...] = (),
    ) -> None:
        """``words`` and ``profile_words`` are the copy's words (paired, in a bilingual
        copy); ``parts`` each language's own, first first, for the texts whose words
        must agree within one language (:meth:`each`)."""
        self.record = record
        self.local = local
        self.w = words
        self._profile_words = profile_words
        self._parts = parts
        self.people = {p.id: p for p in record.participants}
        self.family = family
        self.recipient = recipient

    @property
    def words(self) -> ProfileWords:  # the profile's words, for the sections that name them
        assert self._profile_words is not None, "this writer was made without a profile"
        return self._profile_words

    def shown(self, path: str, text: str, item: object) -> str | None:
        """``text`` of the field at ``path`` of ``item`` as this copy prints it, or
        ``None`` when this copy leaves it out.

        A full copy prints everything. A family copy prints text written for the family,
        and text the chair chooses per item (``Readers.CHOSEN``) only when the item's own
        flag, named by the rule's ``shared_by``, is set (domain/fields.py); the rest stays
        out: the allow-list starts closed.
        """
        if not self.family:
            return text
        rule = FIELDS[path]
        if rule.readers is Readers.FAMILY:
            return text
        if rule.readers is Readers.CHOSEN:
            assert rule.shared_by is not None
            return text if getattr(item, rule.shared_by) else None
        return None

    def grounds_shown(self, p: Participant, event: AttendanceEvent) -> bool:
        """Whether this copy prints the grounds and note of ``p``'s exclusion ``event``.

        A family copy prints them only if the chair shared them with the family; the
        excluded person's own copy (and a copy for any family member, when the excluded
        person is on the family side) only if the chair also chose to show them to
        that person.
        """
        if self.shown(EXCLUSION_NOTE, "", event) is None:
            return False
        own = p.id == self.recipient or (self.recipient is None and is_family_side(p))
        return event.shown_to_excluded or not own

    def each(
        self,
        make: Callable[[Wording, ProfileWords | None], str],
        *,
        sentence: bool = False,
    ) -> str:
        """The text ``make`` writes from one language's words, in each language of the
        copy, first first: "Anghytundeb gan Dr Hywel Jones (Meddyg teulu) / Dissent from
        Dr Hywel Jones (GP)", never a Welsh phrase holding an English one."""
        parts: tuple[tuple[Wording, ProfileWords | None], ...] = self._parts or (
            (self.w, self._profile_words),
        )
        between = SENTENCE_JOIN if sentence else LABEL_JOIN
        text = make(*parts[0])
        for words, profile_words in parts[1:]:
            text = joined(text, make(words, profile_words), between)
        return text

    @property
    def tables(self) -> tuple[Wording, ...]:
        """Each language's own table of fixed words, first first."""
        return tuple(words for words, _ in self._parts) or (self.w,)

    def time(self, instant: datetime | None) -> str:
        return "" if instant is None else clock(self.local(instant))

    def person(self, p: Participant, words: Wording | None = None) -> str:
        """ "Dr A Patel (Health visitor)", with the role in this copy's words (or in
        ``words``)."""
        role = (words or self.w).label(p.role)
        detail = isolated(p.agency or p.relationship or role)
        return f"{isolated(p.name)} ({detail})" if detail else isolated(p.name)

    def named(self, participant_id: str | None, words: Wording | None = None) -> str:
        found = self.people.get(participant_id or "")
        return "-" if found is None else self.person(found, words)

    def agenda_title(self, key: str, title: str) -> str:
        """An agenda item's title as this copy prints it (see ProfileWords.agenda_title)."""
        return title if self._profile_words is None else self.words.agenda_title(key, title)

    def by_role(self, role: ParticipantRole) -> str:
        names = [isolated(p.name) for p in self.record.participants if p.role is role]
        return ", ".join(names) or "-"

    # --- sections -------------------------------------------------------------------

    def details(self, version: MinutesVersion | None) -> tuple[Block, ...]:
        w, c = self.w, self.record.conference
        when = w.long_date(c.date) + (f", {clock(c.start_time)}" if c.start_time else "")
        pairs = [
            (w.reference, c.reference),
            (w.conference, self.words.conference_type(c.type)),
            (w.date, when),
            (w.where, ", ".join(x for x in (isolated(c.venue), w.label(c.mode)) if x)),
            (w.local_authority, c.local_authority or "-"),
            (w.chair, self.by_role(ParticipantRole.CHAIR)),
            (w.minutes_taker, self.by_role(ParticipantRole.MINUTE_TAKER)),
            (w.minutes_version, version.version if version else w.draft),
        ]
        ran = self.meeting_time()
        if ran:
            pairs.insert(3, (w.meeting_time, ran))
        if c.delay_reason:
            why = self.shown("$.conference.delay_reason", c.delay_reason, c)
            pairs.append((w.late_reason, why or w.elsewhere))
        pairs += transfer_pairs(self)
        children = Table(
            (w.child, w.birth, w.taking_part),
            tuple(
                (
                    child_name(child, blank=""),
                    w.short_date(child.date_of_birth)
                    if child.date_of_birth
                    else self.expected(child.expected_date_of_delivery),
                    (w.label(child.participation) if child.participation else "-")
                    + (f": {child.participation_reason}" if child.participation_reason else ""),
                )
                for child in self.record.children
            ),
            (0.35, 0.25, 0.40),
        )
        return (Fields(tuple(pairs)), children)

    def meeting_time(self) -> str:
        """When the meeting really ran, from its clock ("10:02 to 11:40, paused for 10
        min"); "" before it started."""
        moments = self.record.clock
        if not moments:
            return ""
        times = clock_times(moments, max(m.at for m in moments))
        if times.started is None:
            return ""
        start, end = self.time(times.started), self.time(times.ended)

        def say(t: Wording, _: ProfileWords | None) -> str:
            text = t.ran.format(start=start, end=end) if end else t.running_from.format(start=start)
            minutes = int(times.paused.total_seconds()) // 60
            return text + (", " + t.paused_for.format(minutes=minutes) if minutes else "")

        return self.each(say)

    def expected(self, day: dt.date | None) -> str:
        """ "expected 7 Dec 2026": an unborn child's expected date of delivery."""
        return self.each(lambda t, _: t.expected.format(date=t.short_date(day) or "-"))

    def attendance(self) -> tuple[Block, ...]:
        w = self.w
        rows = tuple(
            (p.name, w.label(p.role), p.agency or p.relationship or "-", self.presence(p))
            for p in self.record.participants
        )
        blocks: list[Block] = [
            Table((w.name, w.role, w.agency, w.attendance), rows, (0.25, 0.17, 0.25, 0.33))
        ]
        return (*blocks, *quorum_blocks(self))

    def presence(self, p: Participant) -> str:
        w = self.w
        parts: list[str] = []
        for event in sorted(p.attendance, key=lambda e: e.at):
            if event.kind is AttendanceKind.EXCLUDED:
                span = f"{self.time(event.at)}-{self.time(event.until) or w.until_end}"
                # Every copy keeps the fact of an exclusion and its times: the family saw
                # the person leave the room and come back. Only the grounds and the note
                # are the chair's to give (grounds_shown).
                if self.family and not self.grounds_shown(p, event):
                    parts.append(f"{w.excluded} {span}")
                    continue
                why = w.label(event.grounds) if event.grounds else w.no_grounds
                note = f" ({isolated(event.note)})" if event.note else ""
                parts.append(f"{w.excluded} {span}: {why}{note}")
            elif event.kind in (AttendanceKind.APOLOGIES, AttendanceKind.ABSENT):
                parts.append(w.label(event.kind))
            else:
                how = self.how(event.mode)
                said = f"{w.label(event.kind)} {self.time(event.at)}"
                parts.append(f"{said} ({how})" if how else said)
        return "; ".join(parts) or (w.invited_only if p.invited else "-")

    def how(self, mode: AttendanceMode | None) -> str:
        """How a person took part from an arrival on, "on video" ("" when not said)."""
        if mode is None:
            return ""
        words = {
            AttendanceMode.IN_ROOM: self.w.in_the_room,
            AttendanceMode.VIDEO: self.w.on_video,
            AttendanceMode.PHONE: self.w.by_phone,
        }
        return words[mode]

    def contacts(self, recipient: Participant | None) -> list[Section]:
        """A full copy's table of private details (a family copy has none): each person's
        address, telephone, e-mail, school or workplace, unless they asked that these be
        kept from the copy's recipient (or, in a copy for no one in particular, from
        anyone)."""
        if self.family:
            return []
        w = self.w
        rows = []
        for p in self.record.participants:
            details = [getattr(p, field).strip() for field, _ in KINDS]
            if not any(details):
                continue
            if may_show(p, recipient, family=False):
                rows.append((self.person(p), *(value or "-" for value in details)))
            else:
                rows.append((self.person(p), w.withheld, "", "", ""))
        if not rows:
            return []
        table = Table(
            (w.who, w.address, w.telephone, w.email, w.workplace),
            tuple(rows),
            (0.22, 0.28, 0.14, 0.18, 0.18),
        )
        return [Section(w.contacts_heading, (table,))]

    def reports(self) -> tuple[Block, ...]:
        w = self.w
        rows = tuple(
            (
                self.person(p),
                w.short_date(p.report_received) or "-",
                w.short_date(p.report_shared_with_family) or "-",
            )
            for p in self.record.participants
            if p.report_received or p.report_shared_with_family
        )
        if not rows:
            return (Para(w.no_reports, style=ParaStyle.NOTE),)
        return (Table((w.report_from, w.received, w.shared), rows, (0.5, 0.25, 0.25)),)

    def items(self, hidden: set[str], scaling: Callable[[], tuple[Block, ...]]) -> list[Section]:
        """A section for each agenda item: its entries (``hidden`` ones left out), and
        under the analysis the safety scale (``scaling``)."""
        w = self.w
        by_item: dict[str, list[MinuteEntry]] = {}
        for entry in self.record.minutes:
            if entry.id not in hidden:
                by_item.setdefault(entry.agenda_item_id, []).append(entry)
        sections: list[Section] = []
        for item in self.record.agenda:
            entries = by_item.get(item.id, [])
            blocks: list[Block] = [self.entry(e) for e in entries if e.section is None]
            for section_key, section_entries in self._grouped(
                e for e in entries if e.section is not None
            ):
                blocks.append(Para(section_key, style=ParaStyle.NOTE))
                blocks.extend(self.entry(e) for e in section_entries)
            if item.key == "analysis" and self.record.scaling:
                blocks.extend(scaling())
            if item.not_obtained_reason:
                blocks.append(Para(item.not_obtained_reason, f"{w.not_obtained}:", ParaStyle.NOTE))
            if not blocks:
                skipped = item.status is AgendaStatus.SKIPPED
                note = w.not_discussed if skipped else w.nothing_minuted
                blocks.append(Para(note, style=ParaStyle.NOTE))
            sections.append(Section(self.agenda_title(item.key, item.title), tuple(blocks)))
        return sections

    def _grouped(self, entries: Iterable[MinuteEntry]) -> list[tuple[str, list[MinuteEntry]]]:
        groups: dict[str, list[MinuteEntry]] = {}
        for e in entries:
            assert e.section is not None
            groups.setdefault(self.w.label(e.section), []).append(e)
        return list(groups.items())

    def entry(self, e: MinuteEntry) -> Para:
        bits = [self.named(e.speaker_id) if e.speaker_id else ""]
        if e.tag is not None:
            bits.append(self.w.label(e.tag).lower())
        if e.restricted:
            bits.append(self.w.restricted)
        head = " - ".join(b for b in bits if b)
        style = ParaStyle.WARNING if e.restricted else ParaStyle.BODY
        return Para(e.text, head + ":" if head else "", style, self.time(e.created_at))

    def actions(self, hidden: set[str]) -> tuple[Block, ...]:
        w = self.w
        rows = tuple(
            (a.action, a.owner, w.short_date(a.due_date) or "-")
            for a in self.record.actions
            if a.minute_entry_id not in hidden
        )
        if not rows:
            return (Para(w.no_actions, style=ParaStyle.NOTE),)
        return (Table((w.action, w.who, w.by), rows, (0.6, 0.25, 0.15)),)

    def next_dates(self) -> tuple[Block, ...]:
        w = self.w
        children = {c.id: first_name(c) for c in self.record.children}
        pairs: list[tuple[str, str]] = []
        for d in self.record.decisions:
            name = children.get(d.child_id, w.some_child)
            if d.first_core_group_date:
                first = f"{self.words.first_core_group} ({name})"
                pairs.append((first, w.long_date(d.first_core_group_date)))
            if d.review_date:
                pairs.append((f"{self.words.review} ({name})", w.long_date(d.review_date)))
        if not pairs:
            return (Para(w.no_meetings, style=ParaStyle.NOTE),)
        return (Fields(tuple(pairs)),)

    def approval(self, version: MinutesVersion | None) -> tuple[Block, ...]:
        w = self.w
        if version is None or version.state is MinutesState.DRAFT:
            return (Para(w.not_approved, style=ParaStyle.NOTE),)
        pairs = [
            (w.version, version.version),
            (w.state, w.label(version.state)),
            (w.approved_by, isolated(version.approved_by or "-")),
            (w.approved_at, self.stamp(version.approved_at)),
            (w.issued_at, self.stamp(version.issued_at)),
            (w.fingerprint, version.content_hash),
        ]
        if version.amendment_note:
            pairs.append((w.changes, version.amendment_note))
        return (Fields(tuple(pairs)),)

    def stamp(self, instant: datetime | None) -> str:
        if instant is None:
            return "-"
        return f"{self.w.long_date(self.local(instant).date())}, {self.time(instant)}"

    def why(self, r: Redaction) -> str:
        """Why a family copy leaves the entry out, in words."""
        w = self.w
        if r.reason is RedactionReason.RESTRICTED:
            return w.why_restricted
        who = r.participant_id
        if r.reason is RedactionReason.EXCLUDED:
            return self.each(lambda t, _: t.why_excluded.format(who=self.named(who, t)))
        if r.awaiting_ruling:
            return self.each(
                lambda t, _: f"{t.why_edited.format(who=self.named(who, t))}: {t.awaiting}"
            )
        return self.each(lambda t, _: t.why_edited.format(who=self.named(who, t)))

    def appendix(self, redactions: tuple[Redaction, ...]) -> tuple[Block, ...]:
        w = self.w
        fields_out = Para(w.fields_left_out, style=ParaStyle.NOTE)
        if not redactions:
            return (fields_out,)
        titles = {i.id: self.agenda_title(i.key, i.title) for i in self.record.agenda}
        entries = {e.id: e for e in self.record.minutes}
        rows = []
        for r in redactions:
            entry = entries[r.entry_id]
            speaker = self.named(entry.speaker_id) if entry.speaker_id else "-"
            where = titles.get(r.agenda_item_id, "-")
            rows.append((where, self.time(entry.created_at), speaker, self.why(r)))
        return (
            fields_out,
            Para(w.appendix_intro, style=ParaStyle.NOTE),
            Table(
                (w.agenda_item, w.time, w.speaker, w.why_left_out),
                tuple(rows),
                (0.3, 0.1, 0.25, 0.35),
            ),
        )


def scale_range() -> dict[str, int]:
    """The ends of the safety scale, to fill a wording's ``{low}`` and ``{high}``."""
    return {"low": SCALE_MIN, "high": SCALE_MAX}
