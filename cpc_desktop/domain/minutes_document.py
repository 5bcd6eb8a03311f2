"""The minutes as they go on paper: a full copy, or a family copy with its redactions.

:func:`build_minutes` decides every word and its order (domain.md §6 "Contents"): the
conference's details, attendance with exclusions, reports, quorum, each agenda item's
minutes with speakers and tags, the Signs of Safety scale, each child's decision with the
child's and parents' views, every agency's view, dissent, the outline plan, actions,
the next dates, the approval, and (in a full copy) an appendix of what family copies leave
out. How it looks is ``cpc_desktop.export``'s business.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from cpc_desktop.domain.conference import (
    AttendanceEvent,
    ConferenceRecord,
    Decision,
    MinuteEntry,
    MinutesVersion,
    Participant,
)
from cpc_desktop.domain.dates import clock, long_date, short_date
from cpc_desktop.domain.enums import (
    AgendaStatus,
    AttendanceKind,
    CopyKind,
    MinutesState,
    ParticipantRole,
)
from cpc_desktop.domain.fields import FIELDS, Readers
from cpc_desktop.domain.inert import isolated
from cpc_desktop.domain.labels import child_name, first_name, label, person
from cpc_desktop.domain.minutes import SCALE_MAX, SCALE_MEANING, SCALE_MIN
from cpc_desktop.domain.printed import (
    Block,
    Fields,
    Para,
    ParaStyle,
    PrintedDocument,
    Section,
    Table,
)
from cpc_desktop.domain.private_details import KINDS, may_show
from cpc_desktop.domain.profile import Profile
from cpc_desktop.domain.redaction import Redaction, RedactionReason, family_redactions
from cpc_desktop.domain.reporter import minutes_pair
from cpc_desktop.domain.sides import for_children, is_family_side
from cpc_desktop.domain.terms import Terms, capital, terms_of

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


def build_minutes(
    record: ConferenceRecord,
    profile: Profile,
    which: MinutesCopy = MinutesCopy(),
    *,
    version: MinutesVersion | None = None,
    local: Local = _system_local,
) -> BuiltMinutes:
    """Lay out the minutes of ``record`` for the copy ``which``.

    ``version`` is the minutes version being printed (``None`` or a draft prints a
    "DRAFT" watermark). ``local`` turns stored UTC instants into the chair's local time.

    Raises:
        ValueError: ``which.recipient_id`` names no participant of this conference.
    """
    family = which.copy is CopyKind.FAMILY
    terms = terms_of(profile)
    redactions = family_redactions(record, which.recipient_id) if family else ()
    hidden = {r.entry_id for r in redactions}
    people = {p.id: p for p in record.participants}
    recipient = people.get(which.recipient_id or "")
    writer = _Writer(
        for_children(record, recipient) if family else record,
        local,
        family=family,
        recipient=which.recipient_id,
        terms=terms,
    )
    sections = [
        Section("Conference details", writer.details(profile, version)),
        Section("Attendance", writer.attendance()),
        *writer.contacts(recipient),
        Section("Reports", writer.reports()),
        *writer.items(hidden),
        Section("Decisions", _decisions_intro(writer.record, terms)),
        *writer.decisions(profile),
        Section("Actions agreed", writer.actions(hidden)),
        Section("Next dates", writer.next_dates()),
        Section("Approval", writer.approval(version)),
    ]
    if not family:
        all_family = family_redactions(record)
        sections.append(Section("Appendix: left out of family copies", writer.appendix(all_family)))
    if family:
        who = isolated(people[which.recipient_id].name) if which.recipient_id else ""
        subtitle = f"Family copy for {who}" if who else "Family copy"
    else:
        subtitle = "Full copy: professionals only"
    conference = record.conference
    draft = version is None or version.state is MinutesState.DRAFT
    metadata = (
        ("Reference", conference.reference),
        ("Copy", subtitle),
        ("Version", version.version if version else "draft"),
        ("State", version.state.value if version else MinutesState.DRAFT.value),
        ("Content hash", version.content_hash if version else ""),
    )
    document = PrintedDocument(
        title=f"{profile.terminology.meeting_name}: minutes",
        subtitle=f"{terms.conference_type(conference.type)}, {long_date(conference.date)}. "
        + subtitle,
        marking=profile.protective_marking,
        reference=conference.reference,
        sections=tuple(sections),
        watermark="DRAFT" if draft else None,
        metadata=metadata,
    )
    return BuiltMinutes(document, redactions)


def _decisions_intro(record: ConferenceRecord, terms: Terms) -> tuple[Block, ...]:
    if not record.decisions:
        return (Para("No decision has been recorded yet.", style=ParaStyle.NOTE),)
    return (Para(f"Decided by {terms.terminology.decision_maker}.", style=ParaStyle.NOTE),)


def left_out(
    record: ConferenceRecord, redactions: tuple[Redaction, ...], local: Local = _system_local
) -> tuple[str, ...]:
    """What a family copy leaves out, one line each, for the person checking it only.

    The fields written for professionals (always), then each entry left out: its
    agenda item, time, speaker, why, and its words.
    """
    writer = _Writer(record, local)
    titles = {item.id: item.title for item in record.agenda}
    entries = {e.id: e for e in record.minutes}
    lines = [_FIELDS_LEFT_OUT]
    for r in redactions:
        entry = entries[r.entry_id]
        speaker = writer.named(entry.speaker_id) if entry.speaker_id else "no speaker"
        where = f"{titles.get(r.agenda_item_id, '-')}, {writer.time(entry.created_at)}"
        lines.append(f"{where}, {speaker} ({writer.why(r).lower()}): {entry.text}")
    return tuple(lines)


#: What a family copy prints where it leaves out text written for professionals.
_ELSEWHERE = "Recorded in the professionals' copy."
_FIELDS_LEFT_OUT = (
    "Family copies leave out what was written for professionals only: the reasons for "
    "delay and for going ahead without a quorum, the grounds and notes of exclusions, and "
    "the reasons given with agency views and dissent, except where the chair shared them "
    "with the family. The grounds of an exclusion are left out of the excluded person's "
    "own copy unless the chair chose to show them to that person."
)
_VIEW_REASON = "$.decisions[].views[].reason"
_DISSENT_REASONS = "$.decisions[].dissents[].reasons"
_EXCLUSION_NOTE = "$.participants[].attendance[].note"


#: What a full copy prints for a person who asked that their details be kept back.
_WITHHELD = "Withheld at this person's request."


class _Writer:
    """Builds each section's blocks for one record."""

    def __init__(
        self,
        record: ConferenceRecord,
        local: Local,
        *,
        family: bool = False,
        recipient: str | None = None,
        terms: Terms | None = None,
    ) -> None:
        self.record = record
        self.local = local
        self._terms = terms
        self.people = {p.id: p for p in record.participants}
        self.family = family
        self.recipient = recipient

    @property
    def words(self) -> Terms:  # the profile's words, for the sections that name them
        assert self._terms is not None, "this writer was made without a profile"
        return self._terms

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
        if self.shown(_EXCLUSION_NOTE, "", event) is None:
            return False
        own = p.id == self.recipient or (self.recipient is None and is_family_side(p))
        return event.shown_to_excluded or not own

    def time(self, instant: datetime | None) -> str:
        return "" if instant is None else clock(self.local(instant))

    def named(self, participant_id: str | None) -> str:
        found = self.people.get(participant_id or "")
        return "-" if found is None else person(found)

    def by_role(self, role: ParticipantRole) -> str:
        names = [isolated(p.name) for p in self.record.participants if p.role is role]
        return ", ".join(names) or "-"

    # --- sections -------------------------------------------------------------------

    def details(self, profile: Profile, version: MinutesVersion | None) -> tuple[Block, ...]:
        c = self.record.conference
        when = long_date(c.date) + (f", {clock(c.start_time)}" if c.start_time else "")
        pairs = [
            ("Reference", c.reference),
            ("Conference", self.words.conference_type(c.type)),
            ("Date", when),
            ("Where", ", ".join(x for x in (isolated(c.venue), label(c.mode)) if x)),
            ("Local authority", c.local_authority or "-"),
            ("Chair", self.by_role(ParticipantRole.CHAIR)),
            ("Minutes taken by", self.by_role(ParticipantRole.MINUTE_TAKER)),
            ("Minutes version", version.version if version else "draft"),
        ]
        if c.delay_reason:
            why = self.shown("$.conference.delay_reason", c.delay_reason, c)
            pairs.append(("Reason the conference was late", why or _ELSEWHERE))
        children = Table(
            ("Child", "Date of birth or expected delivery", "Taking part"),
            tuple(
                (
                    child_name(child, blank=""),
                    short_date(child.date_of_birth)
                    if child.date_of_birth
                    else f"expected {short_date(child.expected_date_of_delivery) or '-'}",
                    (label(child.participation) if child.participation else "-")
                    + (f": {child.participation_reason}" if child.participation_reason else ""),
                )
                for child in self.record.children
            ),
            (0.35, 0.25, 0.40),
        )
        return (Fields(tuple(pairs)), children)

    def attendance(self) -> tuple[Block, ...]:
        rows = tuple(
            (p.name, label(p.role), p.agency or p.relationship or "-", self.presence(p))
            for p in self.record.participants
        )
        blocks: list[Block] = [
            Table(
                ("Name", "Role", "Agency or relationship", "Attendance"),
                rows,
                (0.25, 0.17, 0.25, 0.33),
            )
        ]
        c = self.record.conference
        if c.quorum_reason:
            blocks.append(
                Para(
                    self.shown("$.conference.quorum_reason", c.quorum_reason, c) or _ELSEWHERE,
                    "The conference was not quorate. The chair went on because:",
                    ParaStyle.WARNING,
                )
            )
        return tuple(blocks)

    def presence(self, p: Participant) -> str:
        parts: list[str] = []
        for event in sorted(p.attendance, key=lambda e: e.at):
            if event.kind is AttendanceKind.EXCLUDED:
                span = f"{self.time(event.at)}-{self.time(event.until) or 'end'}"
                # Every copy keeps the fact of an exclusion and its times: the family saw
                # the person leave the room and come back. Only the grounds and the note
                # are the chair's to give (grounds_shown).
                if self.family and not self.grounds_shown(p, event):
                    parts.append(f"Excluded {span}")
                    continue
                why = label(event.grounds) if event.grounds else "no grounds recorded"
                note = f" ({isolated(event.note)})" if event.note else ""
                parts.append(f"Excluded {span}: {why}{note}")
            elif event.kind in (AttendanceKind.APOLOGIES, AttendanceKind.ABSENT):
                parts.append(label(event.kind))
            else:
                parts.append(f"{label(event.kind)} {self.time(event.at)}")
        return "; ".join(parts) or ("Invited; no attendance recorded" if p.invited else "-")

    def contacts(self, recipient: Participant | None) -> list[Section]:
        """A full copy's table of private details (a family copy has none): each person's
        address, telephone, e-mail, school or workplace, unless they asked that these be
        kept from the copy's recipient (or, in a copy for no one in particular, from
        anyone)."""
        if self.family:
            return []
        rows = []
        for p in self.record.participants:
            details = [getattr(p, field).strip() for field, _ in KINDS]
            if not any(details):
                continue
            if may_show(p, recipient, family=False):
                rows.append((person(p), *(value or "-" for value in details)))
            else:
                rows.append((person(p), _WITHHELD, "", "", ""))
        if not rows:
            return []
        table = Table(
            ("Who", "Address", "Telephone", "E-mail", "School or workplace"),
            tuple(rows),
            (0.22, 0.28, 0.14, 0.18, 0.18),
        )
        return [Section("Contact details: professionals only", (table,))]

    def reports(self) -> tuple[Block, ...]:
        rows = tuple(
            (
                person(p),
                short_date(p.report_received) or "-",
                short_date(p.report_shared_with_family) or "-",
            )
            for p in self.record.participants
            if p.report_received or p.report_shared_with_family
        )
        if not rows:
            return (Para("No written reports were recorded.", style=ParaStyle.NOTE),)
        return (
            Table(("From", "Report received", "Shared with the family"), rows, (0.5, 0.25, 0.25)),
        )

    def items(self, hidden: set[str]) -> list[Section]:
        by_item: dict[str, list[MinuteEntry]] = {}
        for entry in self.record.minutes:
            if entry.id not in hidden:
                by_item.setdefault(entry.agenda_item_id, []).append(entry)
        sections: list[Section] = []
        for item in self.record.agenda:
            entries = by_item.get(item.id, [])
            blocks: list[Block] = [self.entry(e) for e in entries if e.section is None]
            for section_key, section_entries in _grouped(
                e for e in entries if e.section is not None
            ):
                blocks.append(Para(section_key, style=ParaStyle.NOTE))
                blocks.extend(self.entry(e) for e in section_entries)
            if item.key == "analysis" and self.record.scaling:
                blocks.extend(self.scaling())
            if item.not_obtained_reason:
                blocks.append(Para(item.not_obtained_reason, "Not obtained:", ParaStyle.NOTE))
            if not blocks:
                note = (
                    "Not discussed." if item.status is AgendaStatus.SKIPPED else "Nothing minuted."
                )
                blocks.append(Para(note, style=ParaStyle.NOTE))
            sections.append(Section(item.title, tuple(blocks)))
        return sections

    def entry(self, e: MinuteEntry) -> Para:
        bits = [self.named(e.speaker_id) if e.speaker_id else ""]
        if e.tag is not None:
            bits.append(label(e.tag).lower())
        if e.restricted:
            bits.append("RESTRICTED: professionals only")
        head = " - ".join(b for b in bits if b)
        style = ParaStyle.WARNING if e.restricted else ParaStyle.BODY
        return Para(e.text, head + ":" if head else "", style, self.time(e.created_at))

    def scaling(self) -> tuple[Block, ...]:
        rows = tuple(
            (self.named(s.participant_id), str(s.score), s.note) for s in self.record.scaling
        )
        anchors = Para(
            f"{SCALE_MIN} means: {SCALE_MEANING[SCALE_MIN]} {SCALE_MAX} means: "
            f"{SCALE_MEANING[SCALE_MAX]}",
            "Safety scale.",
            ParaStyle.NOTE,
        )
        table = Table(("Who", f"Score ({SCALE_MIN}-{SCALE_MAX})", "Why"), rows, (0.35, 0.15, 0.5))
        return (anchors, table)

    def decisions(self, profile: Profile) -> list[Section]:
        children = {c.id: child_name(c, blank="") for c in self.record.children}
        categories = {c.key: c.label for c in profile.categories}
        refer = profile.consider_reporter_referral
        return [
            Section(children.get(d.child_id, "A child"), self.decision(d, categories, refer), 2)
            for d in self.record.decisions
        ]

    def decision(
        self, d: Decision, categories: dict[str, str], refer: bool = False
    ) -> tuple[Block, ...]:
        threshold = {True: "Met", False: "Not met", None: "Not answered"}[d.threshold_met]
        pairs = [
            (
                "Threshold for a plan",
                threshold + (f": {d.threshold_rationale}" if d.threshold_rationale else ""),
            ),
            ("Decision", self.words.outcome(d.outcome) if d.outcome else "Not decided"),
            ("Reasons", d.reason or "-"),
        ]
        pairs += minutes_pair(d, refer)  # Scotland: the Children's Reporter (reporter.py)
        if d.categories:
            names = [categories.get(k, k) for k in d.categories]
            pairs.append((self.words.categories, ", ".join(names)))
            if d.primary_category:
                main = categories.get(d.primary_category, d.primary_category)
                pairs.append((capital(self.words.main_category), main))
        if d.ending:
            pairs.append(("Ending", f"{label(d.ending)}, {short_date(d.ending_date) or '-'}"))
        if d.lead_social_worker_id:
            pairs.append((self.words.lead_worker, self.named(d.lead_social_worker_id)))
            pairs.append(("Contact", d.lead_social_worker_contact or "-"))
        if d.core_group:
            pairs.append((self.words.core_group, ", ".join(self.named(i) for i in d.core_group)))
        if d.contingency_plan:
            pairs.append(("Contingency plan", d.contingency_plan))
        blocks: list[Block] = [Fields(tuple(pairs))]
        blocks.append(Para(d.child_view or "Not recorded.", "The child's views:", ParaStyle.QUOTE))
        blocks.append(
            Para(d.parents_view or "Not recorded.", "The parents' views:", ParaStyle.QUOTE)
        )
        # Every copy prints each view; the reasons only where this copy may carry them.
        why = [self.shown(_VIEW_REASON, v.reason, v) for v in d.views]
        if d.views and all(reason is None for reason in why):
            views = tuple((self.named(v.participant_id), self.words.view(v.view)) for v in d.views)
            blocks.append(Table(("Agency view", "Recommends"), views, (0.6, 0.4)))
        elif d.views:
            rows = tuple(
                (
                    self.named(v.participant_id),
                    self.words.view(v.view),
                    _ELSEWHERE if reason is None and v.reason else reason or "-",
                )
                for v, reason in zip(d.views, why, strict=True)
            )
            blocks.append(Table(("Agency view", "Recommends", "Why"), rows, (0.35, 0.2, 0.45)))
        for dissent in d.dissents:
            blocks.append(
                Para(
                    self.shown(_DISSENT_REASONS, dissent.reasons, dissent) or _ELSEWHERE,
                    f"Dissent from {self.named(dissent.participant_id)}:",
                    ParaStyle.WARNING,
                )
            )
        if d.actions:
            plan = tuple(
                (a.action, a.owner, short_date(a.due_date) or "-", a.outcome or "-")
                for a in d.actions
            )
            blocks.append(
                Table(
                    ("Outline plan: action", "Who", "By", "Outcome wanted"),
                    plan,
                    (0.4, 0.2, 0.15, 0.25),
                )
            )
        return tuple(blocks)

    def actions(self, hidden: set[str]) -> tuple[Block, ...]:
        rows = tuple(
            (a.action, a.owner, short_date(a.due_date) or "-")
            for a in self.record.actions
            if a.minute_entry_id not in hidden
        )
        if not rows:
            return (Para("No actions were noted during the meeting.", style=ParaStyle.NOTE),)
        return (Table(("Action", "Who", "By"), rows, (0.6, 0.25, 0.15)),)

    def next_dates(self) -> tuple[Block, ...]:
        children = {c.id: first_name(c) for c in self.record.children}
        pairs: list[tuple[str, str]] = []
        for d in self.record.decisions:
            name = children.get(d.child_id, "child")
            if d.first_core_group_date:
                first = f"{self.words.first_core_group} ({name})"
                pairs.append((first, long_date(d.first_core_group_date)))
            if d.review_date:
                pairs.append((f"{self.words.review} ({name})", long_date(d.review_date)))
        if not pairs:
            return (Para("No further meetings were set.", style=ParaStyle.NOTE),)
        return (Fields(tuple(pairs)),)

    def approval(self, version: MinutesVersion | None) -> tuple[Block, ...]:
        if version is None or version.state is MinutesState.DRAFT:
            return (
                Para(
                    "These minutes are a draft. The chair has not approved them.",
                    style=ParaStyle.NOTE,
                ),
            )
        pairs = [
            ("Version", version.version),
            ("State", label(version.state)),
            ("Approved by", isolated(version.approved_by or "-")),
            ("Approved at", self.stamp(version.approved_at)),
            ("Issued at", self.stamp(version.issued_at)),
            ("Content fingerprint (SHA-256)", version.content_hash),
        ]
        if version.amendment_note:
            pairs.append(("Changes from the previous version", version.amendment_note))
        return (Fields(tuple(pairs)),)

    def stamp(self, instant: datetime | None) -> str:
        if instant is None:
            return "-"
        return f"{long_date(self.local(instant).date())}, {self.time(instant)}"

    def why(self, r: Redaction) -> str:
        """Why a family copy leaves the entry out, in words."""
        if r.reason is RedactionReason.RESTRICTED:
            return "Restricted: professionals only"
        if r.reason is RedactionReason.EXCLUDED:
            return f"Said while {self.named(r.participant_id)} was excluded"
        edited = f"Edited while {self.named(r.participant_id)} was out of the room"
        return f"{edited}: left out until the chair decides" if r.awaiting_ruling else edited

    def appendix(self, redactions: tuple[Redaction, ...]) -> tuple[Block, ...]:
        fields_out = Para(_FIELDS_LEFT_OUT, style=ParaStyle.NOTE)
        if not redactions:
            return (fields_out,)
        titles = {item.id: item.title for item in self.record.agenda}
        entries = {e.id: e for e in self.record.minutes}
        rows = []
        for r in redactions:
            entry = entries[r.entry_id]
            why = self.why(r)
            speaker = self.named(entry.speaker_id) if entry.speaker_id else "-"
            rows.append(
                (titles.get(r.agenda_item_id, "-"), self.time(entry.created_at), speaker, why)
            )
        intro = Para(
            "These entries appear in this full copy and are left out of family copies "
            "(for a copy made for one person, only their own exclusions apply).",
            style=ParaStyle.NOTE,
        )
        return (
            fields_out,
            intro,
            Table(
                ("Agenda item", "Time", "Speaker", "Why left out"),
                tuple(rows),
                (0.3, 0.1, 0.25, 0.35),
            ),
        )


def _grouped(entries: Iterable[MinuteEntry]) -> list[tuple[str, list[MinuteEntry]]]:
    groups: dict[str, list[MinuteEntry]] = {}
    for e in entries:
        assert e.section is not None
        groups.setdefault(label(e.section), []).append(e)
    return list(groups.items())
