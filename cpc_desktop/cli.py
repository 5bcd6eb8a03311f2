"""The command line (design.md §5), a stable contract for scripts and administrators.

Exit status: 0 on success, 1 on a user-facing error (one line on stderr, never a
traceback), 2 on wrong usage. ``--version`` and ``--help`` import neither Qt nor
SQLAlchemy: everything heavy is imported inside the command that needs it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from cpc_desktop import __version__

PROG = "cpc-desktop"
MIN_NEW_PASSPHRASE = 8


class CliError(Exception):
    """A problem with how the command was asked (shown as one line, exit 1)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- the passphrase ---------------------------------------------------------------------


def _read_passphrase(args: argparse.Namespace, *, new: bool) -> str:
    if args.passphrase_file is not None:
        try:
            text = Path(args.passphrase_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise CliError(f"cannot read the passphrase file {args.passphrase_file}") from None
        passphrase = text.splitlines()[0] if text.splitlines() else ""
    elif os.environ.get("CPC_PASSPHRASE") is not None:
        passphrase = os.environ["CPC_PASSPHRASE"]
    elif sys.stdin.isatty():
        import getpass

        passphrase = getpass.getpass("Passphrase: ")
        if new and getpass.getpass("Type it again: ") != passphrase:
            raise CliError("the two passphrases differ; nothing was created")
    else:
        raise CliError("no passphrase: use --passphrase-file FILE or set CPC_PASSPHRASE")
    if not passphrase:
        raise CliError("the passphrase is empty")
    if "\x00" in passphrase:
        raise CliError("a passphrase cannot contain a NUL character")
    if new and len(passphrase) < MIN_NEW_PASSPHRASE:
        raise CliError(
            f"a new store needs a passphrase of at least {MIN_NEW_PASSPHRASE} characters"
        )
    return passphrase


# --- opening ----------------------------------------------------------------------------


def _session(args: argparse.Namespace, *, create: bool = False) -> Any:
    from cpc_desktop.services.session import open_session

    key = _read_passphrase(args, new=create)
    return open_session(Path(args.db), key, create=create, user=os.environ.get("CPC_USER"))


# --- commands ---------------------------------------------------------------------------


def _cmd_demo(args: argparse.Namespace) -> int:
    from cpc_desktop.services.demo import build_demo_records

    session = _session(args, create=True)
    with session:
        records = build_demo_records(session.today())
        for record in records:
            session.conferences.import_record(record)
    refs = ", ".join(r.conference.reference for r in records)
    print(f"created {args.db} with {len(records)} sample conferences: {refs}")
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    from cpc_desktop.services.schedule import summary_json, summary_table

    with _session(args) as session:
        summaries = session.schedule.summaries()
    print(summary_json(summaries) if args.json else summary_table(summaries))
    return 0


def _read_document(path: str) -> Any:
    from cpc_desktop.services.document import parse_document

    source = Path(path)
    if source.is_dir():
        raise CliError(f"{path} is a folder, not a conference document")
    try:
        raw = source.read_bytes()
    except FileNotFoundError:
        raise CliError(f"no such file: {path}") from None
    except OSError:
        raise CliError(f"cannot read {path}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CliError(f"{path} is not UTF-8 text, so it is not a conference document") from None
    return parse_document(text)


def _cmd_import(args: argparse.Namespace) -> int:
    from cpc_desktop.services.session import check_record_rules

    record = _read_document(args.file)  # everything is checked before a store is touched
    check_record_rules(record)
    create = not Path(args.db).exists()
    with _session(args, create=create) as session:
        session.conferences.import_record(record)
    made = " into a new store" if create else ""
    print(
        f"imported {record.conference.reference}{made}: {len(record.children)} children, "
        f"{len(record.participants)} participants, {len(record.minutes)} minute entries"
    )
    return 0


def _cmd_export_json(args: argparse.Namespace) -> int:
    from cpc_desktop.export.files import write_atomic
    from cpc_desktop.services.document import render_document

    out = Path(args.out)
    if out.is_dir():
        raise CliError(f"{out} is a folder; give a file name for --out")
    if not out.parent.is_dir():
        raise CliError(f"the folder {out.parent} does not exist")
    if out.exists() and out.resolve() == Path(args.db).resolve():
        raise CliError("--out names the store itself; choose another file")
    with _session(args) as session:
        record = session.conferences.export_record(args.ref)
    try:
        write_atomic(out, render_document(record).encode("utf-8"))
    except OSError:
        raise CliError(f"cannot write {out}") from None
    print(f"exported {record.conference.reference} to {out}")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    with _session(args) as session:
        report = session.conferences.check()
    if not report.sound:
        raise CliError(f"{args.db} failed its check: {report.problems[0]}")
    print(
        f"{args.db} is sound: {report.conferences} conferences, {report.rows} rows, "
        f"{report.audit_events} audit events, chain head {report.head[:16]}"
    )
    return 0


def _cmd_gui(args: argparse.Namespace) -> int:
    from cpc_desktop.app import run

    return run(db=Path(args.db) if args.db else None)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": _cmd_demo,
    "list": _cmd_list,
    "import": _cmd_import,
    "export-json": _cmd_export_json,
    "check": _cmd_check,
}


def build_parser() -> argparse.ArgumentParser:
    keyed = argparse.ArgumentParser(add_help=False)
    keyed.add_argument("--db", required=True, metavar="PATH", help="the store file")
    keyed.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="read the passphrase from the first line of FILE "
        "(else $CPC_PASSPHRASE, else a prompt)",
    )
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Child Protection Conference minutes, decisions and letters.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--db", metavar="PATH", help="open this store in the application")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("demo", parents=[keyed], help="create a new store holding sample conferences")
    p = sub.add_parser("list", parents=[keyed], help="list conferences and their due dates")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p = sub.add_parser("import", parents=[keyed], help="import a conference document (JSON)")
    p.add_argument("file", metavar="FILE.json")
    p = sub.add_parser("export-json", parents=[keyed], help="export a conference document")
    p.add_argument("ref", metavar="REF", help="conference reference or id")
    p.add_argument("--out", required=True, metavar="FILE.json")
    sub.add_parser("check", parents=[keyed], help="check the store's integrity and audit chain")
    return parser


def _user_errors() -> tuple[type[BaseException], ...]:
    from cpc_desktop.data.errors import StoreError
    from cpc_desktop.services.errors import ServiceError

    errors: list[type[BaseException]] = [CliError, StoreError, ServiceError]
    document = sys.modules.get("cpc_desktop.services.document")
    if document is not None:
        errors.append(document.DocumentError)
    profile = sys.modules.get("cpc_desktop.domain.profile")
    if profile is not None:
        errors.append(profile.ProfileError)
    return tuple(errors)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        return _cmd_gui(args)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 1
    except Exception as error:
        if isinstance(error, _user_errors()):
            message = getattr(error, "message", None) or str(error)
            print(f"{PROG}: {message}", file=sys.stderr)
            return 1
        if os.environ.get("CPC_DEBUG"):
            raise
        print(
            f"{PROG}: internal error ({type(error).__name__}); the command stopped. "
            "Set CPC_DEBUG=1 to see the details.",
            file=sys.stderr,
        )
        return 1
