"""The command line (design.md §5), a stable contract for scripts and administrators.

Exit status: 0 on success, 1 on a user-facing error (one line on stderr, never a
traceback), 2 on wrong usage. ``--version`` and ``--help`` import neither Qt nor
SQLAlchemy: everything heavy is imported inside the command that needs it.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from cpc_desktop.cli_parser import PROG as PROG
from cpc_desktop.cli_parser import build_parser
from cpc_desktop.data.location import is_server_url, shown
from cpc_desktop.domain.inert import for_terminal

MIN_NEW_PASSPHRASE = 8
MiB = 1024 * 1024
#: The most read from a file that holds a secret (a passphrase), a certificate, a list of
#: addresses or a text for --edit: far above any real one; /dev/zero stops here.
MAX_SMALL_FILE = 1 * MiB
#: The most read from a conference document (README): thousands of minute entries fit.
MAX_DOCUMENT = 64 * MiB
#: The most read from a PDF given to ``verify``.
MAX_PDF = 256 * MiB


def _say(*parts: object) -> None:
    """Print a line for the user with every control character shown as an escape, so a
    name or reference holding one cannot steer the terminal (domain/inert.py)."""
    print(for_terminal(" ".join(str(part) for part in parts)))


class CliError(Exception):
    """A problem with how the command was asked (shown as one line, exit 1)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TooLarge(Exception):
    """A file gave more bytes than ``read_bounded`` allows; the message says so in words."""


def read_bounded(path: str | Path, limit: int) -> bytes:
    """The bytes of ``path``, never more than ``limit``: a device such as /dev/zero or a
    huge file raises `TooLarge` (with words for "what it is") instead of filling memory.
    A pipe (``--passphrase-file <(...)``) is read like a file. OSError passes through."""
    import stat

    with open(path, "rb") as stream:
        data = stream.read(limit + 1)
        if len(data) > limit:
            regular = stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
            size = f"more than {limit // MiB} MiB"
            raise TooLarge(
                f"is too large ({size})" if regular else f"is not a regular file ({size} read)"
            )
    return data


# --- the passphrase ---------------------------------------------------------------------


def _read_passphrase(args: argparse.Namespace, *, new: bool) -> str:
    passphrase = read_secret(
        args.passphrase_file,
        "CPC_PASSPHRASE",
        what="passphrase",
        option="--passphrase-file",
        new=new,
        refused="nothing was created",
    )
    if "\x00" in passphrase:
        raise CliError("a passphrase cannot contain a NUL character")
    if new and len(passphrase) < MIN_NEW_PASSPHRASE:
        raise CliError(
            f"a new store needs a passphrase of at least {MIN_NEW_PASSPHRASE} characters"
        )
    return passphrase


def _session(
    args: argparse.Namespace,
    *,
    create: bool = False,
    warn: bool = True,
    needs: str = "",
    passphrase: Any = None,
) -> Any:
    """The store at ``--db`` opened as ``$CPC_USER`` (else its first chair), signed in.

    A store found damaged at open (read-only) is named on stderr first, unless ``warn``
    is off (``check``, which names it as its failure). ``needs``: the action
    (services/roles.py) the command does; a user whose role may not do it is refused
    here, in one line and audited, before anything is asked or written. ``passphrase``:
    already read, or its :func:`_key_ahead` (else it is read here).

    The store's key derivation starts on a thread before the session's modules are
    imported, so the two overlap (data/keys.py)."""
    user = os.environ.get("CPC_USER")
    if is_server_url(args.db):
        from cpc_desktop.services.session import open_session

        # No passphrase: the server authenticates (PGPASSWORD, ~/.pgpass or the URL).
        session = open_session(args.db, None, create=create, user=user)
    else:
        if passphrase is None:
            passphrase = _read_passphrase(args, new=create)
        key = _key_ahead(passphrase, args.db) if isinstance(passphrase, str) else passphrase
        from cpc_desktop.services.session import open_session

        session = open_session(Path(args.db), key, create=create, user=user)
    damage = session.store.damage
    if damage is not None and warn:
        print(
            f"{PROG}: {for_terminal(damage)} (opened read-only: nothing will be saved)",
            file=sys.stderr,
        )
    if not create:
        from cpc_desktop.cli_release import sign_in

        sign_in(args, session)  # their password, once the acting user has one
    if needs:
        _require(session, needs)
    return session


def _key_ahead(passphrase: str, db: str) -> Any:
    """The :class:`~cpc_desktop.data.keys.StoreKey` of ``passphrase`` with its derivation
    for the file ``db`` already started on a thread (none for a file not there yet)."""
    from cpc_desktop.data.keys import StoreKey

    return StoreKey.from_passphrase(passphrase).derive_ahead(Path(db))


def _require(session: Any, needs: str) -> None:
    """Refuse (and record the refusal) unless the acting user's role allows ``needs``."""
    from cpc_desktop.services.base import require
    from cpc_desktop.services.roles import Action

    try:
        require(session.store, session.actor, session.clock, Action(needs), "command")
    except BaseException:
        session.close()
        raise


def _create_filled(args: argparse.Namespace, fill: Callable[[Any], Any]) -> Any:
    """A new store at ``--db`` holding what ``fill`` puts in it, built beside its name and
    moved into place only when complete: a kill part-way leaves nothing to block a retry."""
    from cpc_desktop.services.session import create_filled

    user = os.environ.get("CPC_USER")
    if is_server_url(args.db):
        return create_filled(args.db, None, fill, user=user)
    return create_filled(Path(args.db), _read_passphrase(args, new=True), fill, user=user)


def _store_exists(db: str) -> bool:
    if not is_server_url(db):
        return Path(db).exists()
    from cpc_desktop.services.session import store_exists

    return bool(store_exists(db))


# --- commands ---------------------------------------------------------------------------


def _cmd_demo(args: argparse.Namespace) -> int:
    from cpc_desktop.services.demo import build_demo_records

    def fill(session: Any) -> Any:
        records = build_demo_records(session.today())
        for record in records:
            session.conferences.import_record(record)
        return records

    records = _create_filled(args, fill)
    refs = ", ".join(r.conference.reference for r in records)
    _say(f"created {shown(args.db)} with {len(records)} sample conferences: {refs}")
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    summaries, key = None, None
    if not is_server_url(args.db):
        # The key derivation runs on a thread while the listing's modules are imported.
        key = _key_ahead(_read_passphrase(args, new=False), args.db)
        # Without SQLAlchemy when the store allows (services/quick_list.py); else below.
        from cpc_desktop.services.quick_list import quick_summaries

        summaries = quick_summaries(Path(args.db), key, os.environ.get("CPC_USER"))
    if summaries is None:
        with _session(args, passphrase=key) as session:
            summaries = session.schedule.summaries()
    from cpc_desktop.services.summaries import summary_json, summary_table

    print(summary_json(summaries) if args.json else summary_table(summaries))
    return 0


def _read_document(path: str) -> Any:
    from cpc_desktop.services.document import parse_document

    source = Path(path)
    if source.is_dir():
        raise CliError(f"{path} is a folder, not a conference document")
    try:
        raw = read_bounded(source, MAX_DOCUMENT)
    except TooLarge as error:
        raise CliError(f"{path} {error}, so it is not a conference document") from None
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
    create = not _store_exists(args.db)
    if create:
        _create_filled(args, lambda session: session.conferences.import_record(record))
    else:
        with _session(args, needs="import") as session:
            session.conferences.import_record(record)
    made = " into a new store" if create else ""
    _say(
        f"imported {record.conference.reference}{made}: {len(record.children)} children, "
        f"{len(record.participants)} participants, {len(record.minutes)} minute entries"
    )
    return 0


def _cmd_export_json(args: argparse.Namespace) -> int:
    from cpc_desktop.export.files import write_atomic
    from cpc_desktop.services.document import render_document

    out = _writable_file(args.out, args.db)
    with _session(args, needs="export") as session:
        record = session.conferences.export_record(args.ref)
    try:
        write_atomic(out, render_document(record).encode("utf-8"))
    except OSError:
        raise CliError(f"cannot write {out}") from None
    _say(f"exported {record.conference.reference} to {out}")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from cpc_desktop.cli_progress import progress_bar

    with _session(args, warn=False) as session, progress_bar() as show:
        # The open checked every page before anything was written: not checked twice.
        report = session.conferences.check(progress=show, just_opened=True)
    if not report.sound:
        raise CliError(f"{shown(args.db)} failed its check: {report.problems[0]}")
    _say(
        f"{shown(args.db)} is sound: {report.conferences} conferences, {report.rows} rows, "
        f"{report.audit_events} audit events, chain head {report.head[:16]}"
    )
    for note in report.notes:
        _say(note)
    return 0


# --- printed output -----------------------------------------------------------------------


def read_secret(
    file: str | None, env: str, *, what: str, option: str, new: bool, refused: str
) -> str:
    """A secret from the first line of ``file``, else ``$env``, else a prompt (twice if new).

    ``what`` names it in messages ("certificate passphrase"); ``refused`` says what was not
    done when the two typed copies differ.
    """
    if file is not None:
        try:
            raw = read_bounded(file, MAX_SMALL_FILE)
        except TooLarge as error:
            raise CliError(f"the {what} file {file} {error}; give a file of one line") from None
        except OSError:
            raise CliError(f"cannot read the {what} file {file}") from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise CliError(
                f"the {what} file {file} is not UTF-8 text; save it as UTF-8 and try again"
            ) from None
        secret = text.splitlines()[0] if text.splitlines() else ""
    elif os.environ.get(env) is not None:
        secret = os.environ[env]
    elif sys.stdin.isatty():
        import getpass

        secret = getpass.getpass(f"{what[0].upper()}{what[1:]}: ")
        if new and getpass.getpass("Type it again: ") != secret:
            raise CliError(f"the two passphrases differ; {refused}")
    else:
        raise CliError(f"no {what}: use {option} FILE or set {env}")
    if not secret:
        raise CliError(f"the {what} is empty")
    try:
        secret.encode("utf-8")
    except UnicodeEncodeError:
        # A byte that is not UTF-8 reaches Python as a lone surrogate (os.environ, getpass).
        raise CliError(
            f"the {what} is not UTF-8 text; set the terminal to UTF-8 or use {option} FILE"
        ) from None
    return secret


def _writable_file(path: str, db: str) -> Path:
    out = Path(path)
    if out.is_dir():
        raise CliError(f"{out} is a folder; give a file name for --out")
    if not out.parent.is_dir():
        raise CliError(f"the folder {out.parent} does not exist")
    if out.exists() and out.resolve() == Path(db).resolve():
        raise CliError("--out names the store itself; choose another file")
    return out


def _cmd_handover(args: argparse.Namespace) -> int:
    from cpc_desktop.cli_handover import cmd_handover

    return cmd_handover(args)


def _cmd_gui(args: argparse.Namespace) -> int:
    from cpc_desktop.app import run

    if args.db and is_server_url(args.db):  # a store on a server: no passphrase
        return run(db=args.db)
    return run(db=Path(args.db) if args.db else None)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": _cmd_demo,
    "list": _cmd_list,
    "import": _cmd_import,
    "export-json": _cmd_export_json,
    "check": _cmd_check,
    "minutes": lambda args: _outputs_module().cmd_minutes(args),
    "letters": lambda args: _outputs_module().cmd_letters(args),
    "verify": lambda args: _outputs_module().cmd_verify(args),
    "certificate": lambda args: _outputs_module().cmd_certificate(args),
    "handover": _cmd_handover,
    "user": lambda args: _release_module().cmd_user(args),
    "release": lambda args: _release_module().cmd_release(args),
    "appeal": lambda args: _appeals_module().cmd_appeal(args),
    "approve": lambda args: _corrections_module().cmd_approve(args),
    "issue": lambda args: _corrections_module().cmd_issue(args),
    "correction": lambda args: _corrections_module().cmd_correction(args),
    "complaint": lambda args: _records_module().cmd_complaint(args),
    "retention": lambda args: _records_module().cmd_retention(args),
    "birth": lambda args: _plan_events_module().cmd_birth(args),
    "transfer": lambda args: _plan_events_module().cmd_transfer(args),
    "review": lambda args: _reviews_module().cmd_review(args),
}


def _corrections_module() -> Any:
    from cpc_desktop import cli_corrections

    return cli_corrections


def _plan_events_module() -> Any:
    from cpc_desktop import cli_plan_events

    return cli_plan_events


def _reviews_module() -> Any:
    from cpc_desktop import cli_reviews

    return cli_reviews


def _outputs_module() -> Any:
    from cpc_desktop import cli_outputs

    return cli_outputs


def _appeals_module() -> Any:
    from cpc_desktop import cli_appeals

    return cli_appeals


def _records_module() -> Any:
    from cpc_desktop import cli_records

    return cli_records


def _release_module() -> Any:
    from cpc_desktop import cli_release

    return cli_release


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


def _unreadable_value(error: BaseException) -> bool:
    """Whether ``error`` is SQLAlchemy failing to read a stored value into its column's
    type (LookupError: an enum value never written by CPC Desktop; ValueError: a date
    such as 30 February): raised in its result processing, not in CPC Desktop's code."""
    if not isinstance(error, (LookupError, ValueError)):
        return False
    trace = error.__traceback__
    last = ""
    while trace is not None:
        last = trace.tb_frame.f_code.co_filename
        trace = trace.tb_next
    return "sqlalchemy" in last.replace("\\", "/").split("/")


def run() -> int:
    """The ``cpc-desktop`` command and ``python -m cpc_desktop``: `main` for a user.

    Warnings raised inside other packages (a library's deprecation notice, say) are kept
    off the user's screen: the promise is one line on stderr. CPC_DEBUG=1 shows them. The
    tests call `main` and fail on any warning not filtered by its exact text
    (pyproject.toml)."""
    if not os.environ.get("CPC_DEBUG"):
        warnings.filterwarnings("ignore", module=r"(?!cpc_desktop(\.|$))")
    return main()


def _db_first(words: list[str]) -> list[str]:
    """``--db PATH COMMAND …`` (the store named first, as the usage line shows it) reads
    as ``COMMAND --db PATH …``; anything else is left as it is."""
    if words[:1] == ["--db"] and len(words) >= 3 and words[2] in COMMANDS:
        return [words[2], "--db", words[1], *words[3:]]
    if words[:1] and words[0].startswith("--db=") and words[1:2] and words[1] in COMMANDS:
        return [words[1], words[0], *words[2:]]
    return words


def main(argv: Sequence[str] | None = None) -> int:
    words = _db_first(sys.argv[1:] if argv is None else list(argv))
    # A known command's parser is built alone (cli_parser.py): the same usage, help and
    # errors, without importing the other commands' modules to describe them; --version
    # alone needs none of them.
    only = words[0] if words[:1] and (words[0] in COMMANDS or words == ["--version"]) else None
    args = build_parser(only).parse_args(words)
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
            print(f"{PROG}: {for_terminal(message)}", file=sys.stderr)
            return 1
        if os.environ.get("CPC_DEBUG"):
            raise
        if _unreadable_value(error):
            db = getattr(args, "db", None) or "the store"
            print(
                f"{PROG}: {for_terminal(shown(db))} holds a value CPC Desktop cannot read "
                f"(changed outside CPC Desktop?); '{PROG} check' names the row",
                file=sys.stderr,
            )
            return 1
        print(
            f"{PROG}: internal error ({type(error).__name__}); the command stopped. "
            "Set CPC_DEBUG=1 to see the details.",
            file=sys.stderr,
        )
        return 1
