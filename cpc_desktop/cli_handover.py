"""``cpc-desktop handover export|import``: the hand-over on the command line.

Conflicts are listed and nothing is written unless every one has a choice:
``--take theirs|mine`` for all of them, ``--choose ID=theirs|mine`` for one (an id or
its first eight characters, as listed), ``--edit ID=FILE`` for a merged text.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cpc_desktop.cli import (
    MAX_SMALL_FILE,
    PROG,
    CliError,
    TooLarge,
    _say,
    _session,
    _store_exists,
    _writable_file,
    read_bounded,
    read_secret,
)
from cpc_desktop.data.location import shown
from cpc_desktop.domain.dates import numeric_moment

MIN_HANDOVER_PASSPHRASE = 8
_SNIPPET = 60


def handover_passphrase(args: argparse.Namespace, *, new: bool) -> str:
    secret = read_secret(
        args.handover_passphrase_file,
        "CPC_HANDOVER_PASSPHRASE",
        what="hand-over passphrase",
        option="--handover-passphrase-file",
        new=new,
        refused="nothing was written",
    )
    if new and len(secret) < MIN_HANDOVER_PASSPHRASE:
        raise CliError(
            f"a hand-over passphrase needs at least {MIN_HANDOVER_PASSPHRASE} characters"
        )
    return secret


def cmd_handover(args: argparse.Namespace) -> int:
    commands = {"export": _export, "import": _import, "undo": _undo}
    return commands[args.action](args)


def _undo(args: argparse.Namespace) -> int:
    backup = Path(args.backup)
    if not backup.is_file():
        raise CliError(f"no such backup file: {backup}")
    if backup.resolve() == Path(args.db).resolve():
        raise CliError("the backup and the store are the same file")
    with _session(args, needs="restore") as session:
        session.restore(backup)
    _say(f"restored {shown(args.db)} from {backup}; the backup is kept")
    return 0


def _export(args: argparse.Namespace) -> int:
    out = _writable_file(args.out, args.db)
    with _session(args, needs="handover") as session:
        secret = handover_passphrase(args, new=True)
        result = session.handover.export_package(args.ref, out, secret)
    _say(
        f"wrote {out}: {result.reference} with {result.entries} minute entries, "
        "sealed with the hand-over passphrase (send the passphrase by another route)"
    )
    return 0


# --- import -------------------------------------------------------------------------------


def _describe(value: Any) -> str:
    for name in ("text", "name", "action", "title", "reasons", "note", "kind", "reference"):
        if hasattr(value, name):
            text = " ".join(str(getattr(value, name)).split())
            if text:
                return repr(text[:_SNIPPET] + ("…" if len(text) > _SNIPPET else ""))
    return ""


def _line(mark: str, what: str, key: Any, value: Any, extra: str = "") -> str:
    kind = key.kind.replace("_", " ")
    return f"  {mark} {what:<9} {kind} {key.id[:8]}  {_describe(value)}{extra}"


def _print_plan(preview: Any) -> None:
    from cpc_desktop.domain.merge import ChangeKind

    package = preview.package
    _say(
        f"package {package.package_id[:8]} for {package.reference} from {package.sender} "
        f"({package.sender_role.replace('_', ' ')}), made {numeric_moment(package.created_at)} UTC"
    )
    if preview.imported_at is not None:
        _say(f"already imported on {numeric_moment(preview.imported_at)} UTC; nothing to do")
        return
    if preview.new_conference:
        record = package.current
        _say(
            f"  + new conference {record.conference.reference}: {len(record.participants)} "
            f"participants, {len(record.minutes)} minute entries (added whole)"
        )
        return
    plan = preview.plan
    if plan is None:  # blocked before any merge was planned
        return
    marks = {ChangeKind.ADDED: "+", ChangeKind.CHANGED: "~", ChangeKind.DELETED: "-"}
    for change in plan.changes:
        value = change.after if change.after is not None else change.before
        fields = f"  ({', '.join(change.fields)})" if change.fields else ""
        _say(_line(marks[change.kind], change.kind.value, change.key, value, fields))
    for conflict in plan.conflicts:
        _say(_line("!", "conflict", conflict.key, conflict.mine or conflict.theirs))
        disputed = f": {', '.join(conflict.fields)}" if conflict.fields else ""
        _say(f"      {conflict.kind.value}{disputed}")
        for side, value in (("here", conflict.mine), ("package", conflict.theirs)):
            shown = "removed" if value is None else _describe(_disputed(value, conflict.fields))
            _say(f"      {side + ':':<9}{shown}")
    _say(
        f"{plan.count(ChangeKind.ADDED)} added, {plan.count(ChangeKind.CHANGED)} changed, "
        f"{plan.count(ChangeKind.DELETED)} removed, {len(plan.conflicts)} in conflict"
    )


def _disputed(value: Any, fields: tuple[str, ...]) -> Any:
    """A stand-in whose ``text`` is the disputed fields' values, for describing."""
    if not fields:
        return value
    return argparse.Namespace(text="; ".join(str(getattr(value, name)) for name in fields))


def _find(conflicts: Any, ident: str) -> Any:
    ident = ident.strip().lower()
    found = [
        c
        for c in conflicts
        if c.key.id == ident or (len(ident) >= 8 and c.key.id.startswith(ident))
    ]
    if len(found) != 1:
        raise CliError(f"{ident} is not one of the listed conflicts (give its id as listed)")
    return found[0]


def _resolutions(args: argparse.Namespace, conflicts: Any) -> dict[Any, Any]:
    from cpc_desktop.domain.merge import Resolution, Side

    chosen: dict[Any, Any] = {}
    if args.take:
        chosen = {c.key: Resolution(Side(args.take)) for c in conflicts}
    for item in args.choose:
        ident, _, side = item.partition("=")
        if side not in ("theirs", "mine"):
            raise CliError(f"--choose {item}: expected ID=theirs or ID=mine")
        chosen[_find(conflicts, ident).key] = Resolution(Side(side))
    for item in args.edit:
        ident, _, source = item.partition("=")
        conflict = _find(conflicts, ident)
        if len(conflict.text_fields) != 1:
            raise CliError(f"--edit {ident}: this conflict has no single text to edit")
        try:
            text = read_bounded(source, MAX_SMALL_FILE).decode("utf-8")
        except TooLarge as error:
            raise CliError(f"--edit {ident}: {source} {error}") from None
        except (OSError, UnicodeDecodeError):
            raise CliError(f"--edit {ident}: cannot read {source}") from None
        chosen[conflict.key] = Resolution.edited(**{conflict.text_fields[0]: text.rstrip("\n")})
    return chosen


def _import(args: argparse.Namespace) -> int:
    from cpc_desktop.services.handover_package import read_package

    source = Path(args.file)
    package = read_package(source, handover_passphrase(args, new=False))
    create = not _store_exists(args.db)
    if create and args.preview:
        _say(f"{shown(args.db)} does not exist yet; importing would create it with:")
        record = package.current
        _say(f"  + new conference {record.conference.reference} ({len(record.minutes)} entries)")
        return 0
    with _session(args, create=create, needs="handover") as session:
        preview = session.handover.preview(package)
        _print_plan(preview)
        if preview.blocked:
            raise CliError(f"nothing was imported: {preview.blocked}")
        if args.preview or preview.nothing_to_do:
            return 0
        conflicts = preview.plan.conflicts if preview.plan else ()
        chosen = _resolutions(args, conflicts)
        open_ = [c for c in conflicts if c.key not in chosen]
        if open_:
            raise CliError(
                f"{len(open_)} conflict(s) need a choice: give --take theirs|mine, "
                "--choose ID=theirs|mine or --edit ID=FILE; nothing was imported"
            )
        result = session.handover.import_package(package, chosen)
    _say(
        f"imported {result.reference}: {result.added} added, {result.changed} changed, "
        f"{result.deleted} removed"
    )
    if result.backup is not None:
        _say(f"to undo it: {PROG} handover undo {result.backup} --db {args.db}")
    return 0


def add_parser(sub: Any, keyed: argparse.ArgumentParser) -> None:
    secret = argparse.ArgumentParser(add_help=False)
    secret.add_argument(
        "--handover-passphrase-file",
        metavar="FILE",
        help="the hand-over passphrase, from the first line of FILE "
        "(else $CPC_HANDOVER_PASSPHRASE, else a prompt)",
    )
    p = sub.add_parser("handover", help="exchange a conference with another laptop (.cpcx)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    e = actions.add_parser("export", parents=[keyed, secret], help="write a hand-over package")
    e.add_argument("ref", metavar="REF", help="conference reference or id")
    e.add_argument("--out", required=True, metavar="FILE.cpcx")
    i = actions.add_parser(
        "import", parents=[keyed, secret], help="preview and merge a hand-over package"
    )
    i.add_argument("file", metavar="FILE.cpcx")
    i.add_argument("--preview", action="store_true", help="only show what would change")
    i.add_argument("--take", choices=("theirs", "mine"), help="settle every conflict this way")
    i.add_argument(
        "--choose", action="append", default=[], metavar="ID=SIDE", help="settle one conflict"
    )
    i.add_argument(
        "--edit",
        action="append",
        default=[],
        metavar="ID=FILE",
        help="settle one conflict with the merged text in FILE",
    )
    u = actions.add_parser(
        "undo",
        parents=[keyed],
        help="put the store back as it was before an import (chairs only)",
    )
    u.add_argument("backup", metavar="BACKUP", help="the backup file the import named")
