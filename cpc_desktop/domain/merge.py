"""Three-way merge of two copies of one conference against the copy they share.

A minute-taker takes a copy of a conference away (the *base*), works on it offline
(*theirs*) while the chair goes on with the store's copy (*mine*). Merging them works
unit by unit: every element of the record with an ``id`` (the conference, a child, a
participant, an attendance event, an agenda item, a minute entry, a decision and its
views, dissents and plan actions, actions, safety scales, versions, letters, sends) is
matched by that id, never by position.

- A unit changed on one side only takes that side's values; two sides changing
  different fields of one unit both land. ``updated_at`` takes the later of the two; a
  minute entry's history (``changes``) keeps the moments of writing of both.
- Where both sides set the same field to different values, or one side removed a unit
  the other changed (or added to, or referred to), the unit is a :class:`Conflict` and
  waits for a :class:`Resolution`: theirs, mine, or an edited merge of the texts.
- A removed unit takes its nested units with it; what refers to it is removed (a
  required link, as the store's cascade would) or unlinked (an optional one). The
  plan lists each of these, so nothing is dropped unseen.
- Complaints and correction requests follow rules of their own (:mod:`.kept_merge`).

``plan_merge`` says what would happen, without deciding any conflict; ``apply_merge``
builds the merged record once every conflict has a resolution.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.document import check_references, to_document
from cpc_desktop.domain.kept_merge import KEPT_KINDS, kept_fields


class Side(StrEnum):
    MINE = "mine"
    THEIRS = "theirs"
    EDITED = "edited"


class ChangeKind(StrEnum):
    ADDED = "added"
    CHANGED = "changed"
    DELETED = "deleted"


class ConflictKind(StrEnum):
    BOTH_CHANGED = "changed on both sides"
    BOTH_ADDED = "added on both sides, differently"
    DELETED_HERE = "removed here, changed in the package"
    DELETED_THERE = "changed here, removed in the package"


class MergeError(ValueError):
    """A merge that cannot be completed as asked; ``str()`` is one line for a person."""


@dataclass(frozen=True, order=True)
class UnitKey:
    """Which unit: its kind (``minute_entry``, ``participant``...) and its id."""

    kind: str
    id: str


@dataclass(frozen=True)
class Change:
    """What the merge does to the receiver's copy of one unit."""

    key: UnitKey
    kind: ChangeKind
    before: Any  # the receiver's value, or None when added
    after: Any  # the merged value, or None when deleted
    fields: tuple[str, ...] = ()  # for CHANGED: the fields that change
    parent: UnitKey | None = None


@dataclass(frozen=True)
class Conflict:
    """One unit the two sides disagree on; ``fields`` are the disputed fields."""

    key: UnitKey
    kind: ConflictKind
    base: Any
    mine: Any
    theirs: Any
    fields: tuple[str, ...] = ()
    parent: UnitKey | None = None

    @property
    def text_fields(self) -> tuple[str, ...]:
        """The disputed fields that hold text, which an edited merge may rewrite."""
        if self.mine is None or self.theirs is None:
            return ()
        return tuple(
            name
            for name in self.fields
            if type(getattr(self.mine, name)) is str  # not an enum's value
            and type(getattr(self.theirs, name)) is str
        )

    @property
    def choices(self) -> tuple[Side, ...]:
        if self.text_fields:
            return (Side.THEIRS, Side.MINE, Side.EDITED)
        return (Side.THEIRS, Side.MINE)


@dataclass(frozen=True)
class Resolution:
    """The chair's choice for a conflict. ``EDITED`` sets the disputed text fields to
    ``values``; any other disputed field keeps mine."""

    side: Side
    values: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def edited(cls, **values: Any) -> Resolution:
        return cls(Side.EDITED, tuple(values.items()))


@dataclass(frozen=True)
class MergePlan:
    base: d.ConferenceRecord
    mine: d.ConferenceRecord
    theirs: d.ConferenceRecord
    changes: tuple[Change, ...]
    conflicts: tuple[Conflict, ...]

    @property
    def empty(self) -> bool:
        return not self.changes and not self.conflicts

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for change in self.changes if change.kind is kind)


# --- the shape of a record ----------------------------------------------------------

_KIND: dict[type[Any], str] = {
    d.Conference: "conference",
    d.Child: "child",
    d.Participant: "participant",
    d.AttendanceEvent: "attendance_event",
    d.AgendaItem: "agenda_item",
    d.MinuteEntry: "minute_entry",
    d.Decision: "decision",
    d.AgencyView: "agency_view",
    d.Dissent: "dissent",
    d.PlanAction: "plan_action",
    d.MinutesVersion: "minutes_version",
    d.Letter: "letter",
    d.Distribution: "distribution",
    d.ConferenceAction: "conference_action",
    d.SafetyScale: "safety_scale",
    d.Appeal: "appeal",
    d.ClockEvent: "clock_event",
    d.CarriedPlan: "carried_plan",
    d.CarriedAction: "carried_action",
    d.ScalePoint: "scale_point",
    d.Complaint: "complaint",
    d.CorrectionRequest: "correction_request",
}
_NESTED: dict[type[Any], tuple[str, ...]] = {
    d.Participant: ("attendance",),
    d.Decision: ("views", "dissents", "actions"),
    d.CarriedPlan: ("actions",),
}
_SECTIONS = tuple(f.name for f in fields(d.ConferenceRecord) if f.name != "conference")
#: Fields that stand for "last touched": both sides' edits keep the later one.
_STAMPS = frozenset({"updated_at"})
#: Histories (a minute entry's moments of writing): both sides' moments are kept.
_HISTORIES = frozenset({"changes"})

# kind -> field -> (kind referred to, whether the link is required)
_REFS: dict[str, dict[str, tuple[str, bool]]] = {
    "minute_entry": {"agenda_item_id": ("agenda_item", True), "speaker_id": ("participant", False)},
    "decision": {
        "child_id": ("child", True),
        "lead_social_worker_id": ("participant", False),
        "core_group": ("participant", False),
    },
    "agency_view": {"participant_id": ("participant", True)},
    "dissent": {"participant_id": ("participant", True)},
    "distribution": {
        "participant_id": ("participant", True),
        "minutes_version_id": ("minutes_version", False),
        "letter_id": ("letter", False),
    },
    "conference_action": {"minute_entry_id": ("minute_entry", False)},
    "safety_scale": {"participant_id": ("participant", True)},
    "appeal": {"appellant_id": ("participant", False), "child_ids": ("child", False)},
    "clock_event": {"agenda_item_id": ("agenda_item", False)},
    "carried_plan": {
        "child_id": ("child", True),
        "lead_social_worker_id": ("participant", False),
        "core_group": ("participant", False),
    },
    "letter": {"recipient_id": ("participant", False)},
    "minutes_version": {"supersedes_id": ("minutes_version", False)},
    "complaint": {"complainant_id": ("participant", False), "child_ids": ("child", False)},
    "correction_request": {
        "participant_id": ("participant", False),
        "version_id": ("minutes_version", False),
        "correction_version_id": ("minutes_version", False),
    },
}

# Where a unit sits: (parent key or None for the record, list name).
_Slot = tuple[UnitKey | None, str]


@dataclass(frozen=True)
class _Unit:
    key: UnitKey
    value: Any
    own: Mapping[str, Any]  # the unit's fields, nested lists left out
    slot: _Slot | None  # None for the conference itself

    @property
    def parent(self) -> UnitKey | None:
        return self.slot[0] if self.slot else None


@dataclass
class _Copy:
    """One copy of the record, flattened: units by key and each list's order."""

    units: dict[UnitKey, _Unit] = field(default_factory=dict)
    order: dict[_Slot, list[UnitKey]] = field(default_factory=dict)

    def add(self, value: Any, slot: _Slot | None) -> None:
        cls = type(value)
        key = UnitKey(_KIND[cls], value.id)
        nested = _NESTED.get(cls, ())
        own = {f.name: getattr(value, f.name) for f in fields(value) if f.name not in nested}
        self.units[key] = _Unit(key, value, own, slot)
        if slot is not None:
            self.order.setdefault(slot, []).append(key)
        for name in nested:
            self.order.setdefault((key, name), [])
            for child in getattr(value, name):
                self.add(child, (key, name))


def _flatten(record: d.ConferenceRecord) -> _Copy:
    copy = _Copy()
    copy.add(record.conference, None)
    for section in _SECTIONS:
        copy.order.setdefault((None, section), [])
        for item in getattr(record, section):
            copy.add(item, (None, section))
    return copy


def _links(unit: _Unit) -> Iterable[tuple[str, UnitKey]]:
    """(field, key referred to) for every link the unit holds."""
    for name, (kind, _required) in _REFS.get(unit.key.kind, {}).items():
        value = unit.own[name]
        for target in value if isinstance(value, tuple) else (value,):
            if target is not None:
                yield name, UnitKey(kind, target)


# --- deciding each unit ----------------------------------------------------------------


class _Merge:
    def __init__(
        self, base: d.ConferenceRecord, mine: d.ConferenceRecord, theirs: d.ConferenceRecord
    ) -> None:
        if not base.conference.id == mine.conference.id == theirs.conference.id:
            raise MergeError("the package holds a different conference")
        self.records = (base, mine, theirs)
        self.base, self.mine, self.theirs = _flatten(base), _flatten(mine), _flatten(theirs)
        keys = self.base.units.keys() | self.mine.units.keys() | self.theirs.units.keys()
        self.keys = sorted(keys)
        self.touched_mine = self._touched(self.mine)
        self.touched_theirs = self._touched(self.theirs)
        self.conflicts: dict[UnitKey, Conflict] = {}
        for key in self.keys:
            conflict = self._conflict(key)
            if conflict is not None:
                self.conflicts[key] = conflict

    # which units a side added to, changed, or referred to (with their ancestors)
    def _touched(self, side: _Copy) -> set[UnitKey]:
        touched: set[UnitKey] = set()

        def mark(key: UnitKey | None) -> None:
            while key is not None and key not in touched:
                touched.add(key)
                unit = side.units.get(key) or self.base.units.get(key)
                key = unit.parent if unit else None

        for key, unit in side.units.items():
            before = self.base.units.get(key)
            if before is None or before.own != unit.own:
                mark(key)
                for _name, target in _links(unit):
                    mark(target)
        return touched

    def _conflict(self, key: UnitKey) -> Conflict | None:
        if key.kind in KEPT_KINDS:  # complaints, correction requests: see kept_merge.py
            return None
        b, m, t = (copy.units.get(key) for copy in (self.base, self.mine, self.theirs))

        def conflict(kind: ConflictKind, disputed: tuple[str, ...] = ()) -> Conflict:
            base, mine, theirs = (unit.value if unit else None for unit in (b, m, t))
            parent = self._any(key).parent
            return Conflict(key, kind, base, mine, theirs, fields=disputed, parent=parent)

        if b is None:
            if m is None or t is None or m.own == t.own:
                return None
            differing = tuple(n for n in m.own if m.own[n] != t.own[n] and n not in _STAMPS)
            return conflict(ConflictKind.BOTH_ADDED, differing)
        if m is None and t is not None:
            removed_here = self._top_deleted(key, self.mine) and key in self.touched_theirs
            return conflict(ConflictKind.DELETED_HERE) if removed_here else None
        if t is None and m is not None:
            removed_there = self._top_deleted(key, self.theirs) and key in self.touched_mine
            return conflict(ConflictKind.DELETED_THERE) if removed_there else None
        if m is None or t is None:
            return None
        disputed = tuple(
            name
            for name in b.own
            if name not in _STAMPS | _HISTORIES
            and m.own[name] != b.own[name]
            and t.own[name] != b.own[name]
            and m.own[name] != t.own[name]
        )
        return conflict(ConflictKind.BOTH_CHANGED, disputed) if disputed else None

    def _top_deleted(self, key: UnitKey, side: _Copy) -> bool:
        """Whether ``side`` removed this unit itself rather than with its parent."""
        parent = self.base.units[key].parent
        return parent is None or parent in side.units

    def _any(self, key: UnitKey) -> _Unit:
        unit = self.base.units.get(key) or self.mine.units.get(key) or self.theirs.units.get(key)
        assert unit is not None
        return unit

    # --- the merged fields of a unit, or None when it is not in the result -----------

    def decide(self, key: UnitKey, resolutions: Mapping[UnitKey, Resolution]) -> Fields | None:
        b, m, t = (copy.units.get(key) for copy in (self.base, self.mine, self.theirs))
        conflict = self.conflicts.get(key)
        if conflict is not None:
            choice = resolutions.get(key)
            if choice is None:  # undecided (a plan): the receiver's copy stays as it is
                return dict(m.own) if m else None
            return self._resolved(conflict, choice, b, m, t)
        if key.kind in KEPT_KINDS:
            return kept_fields(key.kind, *(unit.own if unit else None for unit in (b, m, t)))
        follow = self._removed_ancestor(key, resolutions)
        if follow is not None:
            return dict(follow.units[key].own) if key in follow.units else None
        if b is None:
            return dict((m or t).own)  # type: ignore[union-attr]
        if m is None or t is None:
            return None
        return _fields(b, m, t)

    def _resolved(
        self,
        conflict: Conflict,
        choice: Resolution,
        b: _Unit | None,
        m: _Unit | None,
        t: _Unit | None,
    ) -> Fields | None:
        what = f"{conflict.key.kind.replace('_', ' ')} {conflict.key.id}"
        if choice.side not in conflict.choices:
            raise MergeError(f"{what}: '{choice.side.value}' is not a choice here")
        chosen = t if choice.side is Side.THEIRS else m
        if conflict.kind in (ConflictKind.DELETED_HERE, ConflictKind.DELETED_THERE):
            return dict(chosen.own) if chosen else None
        assert m is not None and t is not None and chosen is not None
        if conflict.kind is ConflictKind.BOTH_ADDED:
            merged = dict(chosen.own)
        else:
            assert b is not None
            merged = _fields(b, m, t)
            merged.update((name, chosen.own[name]) for name in conflict.fields)
        if choice.side is Side.EDITED:
            values = dict(choice.values)
            if not values or set(values) - set(conflict.text_fields):
                raise MergeError(f"{what}: an edited merge sets {', '.join(conflict.text_fields)}")
            merged.update(values)
        return merged

    def _removed_ancestor(
        self, key: UnitKey, resolutions: Mapping[UnitKey, Resolution]
    ) -> _Copy | None:
        """The copy a unit follows when one side removed one of its ancestors.

        An ancestor that stays removed takes the unit with it (an empty copy); one
        kept by a resolution brings back the chosen side's units beneath it.
        """
        parent = self._any(key).parent
        while parent is not None:
            if parent in self.base.units and not (
                parent in self.mine.units and parent in self.theirs.units
            ):
                conflict = self.conflicts.get(parent)
                if conflict is None:
                    return _Copy()
                choice = resolutions.get(parent)
                if choice is None or choice.side is not Side.THEIRS:
                    return self.mine
                return self.theirs
            parent = self._any(parent).parent
        return None

    # --- the whole result ---------------------------------------------------------------

    def result(self, resolutions: Mapping[UnitKey, Resolution]) -> dict[UnitKey, Fields]:
        """Every unit in the merged record, with its fields, after links are followed."""
        kept: dict[UnitKey, Fields] = {}
        for key in self.keys:
            merged = self.decide(key, resolutions)
            if merged is not None:
                kept[key] = merged
        changed = True
        while changed:  # a removal can break a link, which can remove more
            changed = False
            for key in list(kept):
                parent = self._any(key).parent
                if parent is not None and parent not in kept:
                    del kept[key]
                    changed = True
                    continue
                for name, (kind, required) in _REFS.get(key.kind, {}).items():
                    value = kept[key][name]
                    if isinstance(value, tuple):
                        kept[key][name] = tuple(v for v in value if UnitKey(kind, v) in kept)
                    elif value is not None and UnitKey(kind, value) not in kept:
                        if required:
                            del kept[key]
                            changed = True
                            break
                        kept[key][name] = None
        return kept

    def order(self, slot: _Slot, kept: Mapping[UnitKey, Fields]) -> list[UnitKey]:
        """Mine's order; each unit only theirs has goes after the one before it there,
        and after anything only mine has that was created no later than it."""
        ordered = [key for key in self.mine.order.get(slot, []) if key in kept]
        placed = set(ordered)  # membership by hash: a list search made 2,000 entries O(n²)
        previous: UnitKey | None = None
        for key in self.theirs.order.get(slot, []):
            if key in kept and key not in placed:
                at = ordered.index(previous) + 1 if previous in placed else 0
                made = kept[key].get("created_at")
                while (
                    made is not None
                    and at < len(ordered)
                    and ordered[at] not in self.theirs.units
                    and kept[ordered[at]].get("created_at", made) <= made
                ):
                    at += 1
                ordered.insert(at, key)
                placed.add(key)
            previous = key
        return ordered

    def build(self, kept: Mapping[UnitKey, Fields]) -> d.ConferenceRecord:
        def value(key: UnitKey) -> Any:
            cls = type(self._any(key).value)
            nested = {
                name: tuple(value(child) for child in self.order((key, name), kept))
                for name in _NESTED.get(cls, ())
            }
            return cls(**kept[key], **nested)

        sections = {
            name: tuple(value(key) for key in self.order((None, name), kept)) for name in _SECTIONS
        }
        conference = UnitKey("conference", self.records[1].conference.id)
        return d.ConferenceRecord(conference=value(conference), **sections)


Fields = dict[str, Any]


def _fields(b: _Unit, m: _Unit, t: _Unit) -> Fields:
    """Field by field: the side that changed a field wins; stamps keep the later."""
    merged: Fields = {}
    for name, old in b.own.items():
        mv, tv = m.own[name], t.own[name]
        if name in _STAMPS and mv != tv:
            merged[name] = max(mv, tv)
        elif name in _HISTORIES and old not in (mv, tv):
            merged[name] = tuple(sorted(set(mv) | set(tv)))
        else:
            merged[name] = mv if tv == old else tv
    return merged


# --- the public functions ---------------------------------------------------------------


def plan_merge(
    base: d.ConferenceRecord, mine: d.ConferenceRecord, theirs: d.ConferenceRecord
) -> MergePlan:
    """What merging ``theirs`` into ``mine`` (both descended from ``base``) would do."""
    merge = _Merge(base, mine, theirs)
    kept = merge.result({})
    record = merge.build(kept)
    merged = _flatten(record)
    changes: list[Change] = []
    for key in merge.keys:
        before, after = merge.mine.units.get(key), merged.units.get(key)
        if before is None and after is not None:
            changes.append(Change(key, ChangeKind.ADDED, None, after.value, parent=after.parent))
        elif before is not None and after is None:
            parent = before.parent
            if parent is None or parent in merged.units:  # not removed with its parent
                changes.append(Change(key, ChangeKind.DELETED, before.value, None, parent=parent))
        elif before is not None and after is not None and before.own != after.own:
            names = tuple(n for n in before.own if before.own[n] != after.own[n])
            changes.append(
                Change(key, ChangeKind.CHANGED, before.value, after.value, names, before.parent)
            )
    return MergePlan(base, mine, theirs, tuple(changes), tuple(merge.conflicts.values()))


def apply_merge(plan: MergePlan, resolutions: Mapping[UnitKey, Resolution]) -> d.ConferenceRecord:
    """The merged record; every conflict of ``plan`` needs a resolution."""
    merge = _Merge(plan.base, plan.mine, plan.theirs)
    open_ = [key for key in merge.conflicts if key not in resolutions]
    if open_:
        raise MergeError(f"{len(open_)} conflict(s) still need a choice")
    stray = [key for key in resolutions if key not in merge.conflicts]
    if stray:
        raise MergeError(f"{stray[0].kind.replace('_', ' ')} {stray[0].id} is not in conflict")
    record = merge.build(merge.result(resolutions))
    problems = check_references(to_document(record))
    if problems:
        raise MergeError(
            f"the merged conference is not consistent: {problems[0].path}: {problems[0].message}"
        )
    return record


def merge_text(base: str, mine: str, theirs: str) -> str:
    """A starting point for an edited merge: line by line, each side's changes kept;
    where both changed the same lines, mine then theirs."""
    if mine in (base, theirs):
        return theirs
    if theirs == base:
        return mine
    old, ours, other = base.splitlines(), mine.splitlines(), theirs.splitlines()
    out: list[str] = []
    ours_map = _line_map(old, ours)
    other_map = _line_map(old, other)
    i = j = k = 0
    for anchor in [n for n in range(len(old)) if n in ours_map and n in other_map] + [len(old)]:
        oj = ours_map.get(anchor, len(ours))
        ok = other_map.get(anchor, len(other))
        chunk_old, chunk_ours, chunk_other = old[i:anchor], ours[j:oj], other[k:ok]
        if chunk_ours == chunk_old:
            out += chunk_other
        elif chunk_other == chunk_old or chunk_ours == chunk_other:
            out += chunk_ours
        else:
            out += chunk_ours + chunk_other
        if anchor < len(old):
            out.append(old[anchor])
        i, j, k = anchor + 1, oj + 1, ok + 1
    return "\n".join(out)


def _line_map(old: list[str], new: list[str]) -> dict[int, int]:
    """Which line of ``new`` each unchanged line of ``old`` became."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return {
        block.a + n: block.b + n
        for block in matcher.get_matching_blocks()
        for n in range(block.size)
    }
