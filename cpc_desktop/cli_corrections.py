"""The command line's minutes after the meeting: ``approve``, ``issue`` and
``correction list|entries|record|rule`` (README, "Command line").

As the minutes window: only the chair approves, issues (signing with their certificate,
whose passphrase comes from ``--certificate-passphrase-file FILE``, else
``$CPC_CERTIFICATE_PASSPHRASE``, else a prompt; never from the command line itself),
records a request to correct issued minutes and rules on it. An accepted request opens
the next version; the chair corrects the minutes (in the application), then approves
and issues it here or there, and its changes are listed as computed. ``correction
entries`` numbers the entries of an issued version (with their ids), and ``record
--entry`` takes that number or the id. Dates are YYYY-MM-DD. Every refusal is the
service's one line, and nothing is written.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from cpc_desktop.cli import (
    MAX_SMALL_FILE,
    CliError,
    TooLarge,
    _say,
    _session,
    _writable_file,
    read_bounded,
)

RULINGS = ("accepted", "partly", "refused")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def cmd_approve(args: argparse.Namespace) -> int:
    with _session(args, needs="approve_minutes") as session:
        version = session.minutes.approve(args.ref)
    _say(f"approved version {version.version} of {args.ref} as {version.approved_by}")
    for line in version.amendment_note.splitlines():
        _say(f"  {line}")
    return 0


def cmd_issue(args: argparse.Namespace) -> int:
    from cpc_desktop.cli_outputs import _certificate, _write

    if args.certificate is None:
        raise CliError("issuing signs the minutes: give your certificate with --certificate")
    out = _writable_file(args.out, args.db) if args.out else None
    with _session(args, needs="issue_documents") as session:
        certificate = _certificate(args)
        pdf = session.minutes.issue(args.ref, certificate)
        version = session.minutes.status(args.ref).current
    if out is not None:
        _write(out, pdf.data)
    wrote = f"; wrote {out}" if out is not None else ""
    number = version.version if version is not None else "?"
    _say(f"issued version {number} of {args.ref}, signed; SHA-256 {pdf.sha256}{wrote}")
    return 0


def _person(book: Any, given: str) -> str | None:
    """The id of the participant called (or with the id) ``given``, else ``None``."""
    wanted = " ".join(given.split()).casefold()
    found = [i for i, name in book.people if i == given or name.casefold() == wanted]
    if len(found) > 1:
        raise CliError(f"{len(found)} participants are called {given!r}; give the id instead")
    return found[0] if found else None


def _entry(corrections: Any, ref: str, given: str | None) -> str | None:
    """The id of the entry ``given`` as its id or as its number in ``correction
    entries`` (of the newest issued version, the one a request disputes)."""
    if given is None or not given.strip().isdigit():
        return given
    number = int(given)
    lines = corrections.entries(ref).lines
    if not 1 <= number <= len(lines):
        raise CliError(
            f"there is no entry {number}: the issued minutes have {len(lines)} "
            "(see correction entries)"
        )
    return str(lines[number - 1].id)


def _statement(args: argparse.Namespace) -> str:
    if args.statement_file is None:
        return str(args.statement or "")
    if args.statement:
        raise CliError("give the statement with --statement or --statement-file, not both")
    try:
        raw = read_bounded(args.statement_file, MAX_SMALL_FILE)
    except TooLarge as error:
        raise CliError(f"the statement file {args.statement_file} {error}") from None
    except OSError:
        raise CliError(f"cannot read the statement file {args.statement_file}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CliError(f"the statement file {args.statement_file} is not UTF-8 text") from None


def cmd_correction(args: argparse.Namespace) -> int:
    action = args.correction_command
    statement = _statement(args) if action == "rule" else ""
    needs = "view" if action == "list" else "approve_minutes"
    with _session(args, needs=needs) as session:
        corrections = session.corrections
        if action == "entries":
            listed = corrections.entries(args.ref, args.version)
            if not listed.lines:
                _say(f"version {listed.version} of {listed.reference} has no minute entries")
            for line in listed.lines:
                by = f" {line.speaker}:" if line.speaker else ""
                item = line.item or "(no item)"
                _say(f"{line.number:>3}  {line.id}  {item} —{by} {line.opening}")
            return 0
        if action == "rule":
            ruled = corrections.rule(args.ref, args.id, args.ruling, args.reasons, statement)
            words = "partly accepted" if args.ruling == "partly" else args.ruling
            opened = ruled.opened
            then = (
                f"; version {opened.version} is open: correct the minutes, then approve "
                "and issue it"
                if opened is not None
                else ""
            )
            kept = "; the statement of disagreement is kept with the record" if statement else ""
            _say(f"request {args.id}: {words}{then}{kept}")
            return 0
        book = corrections.requests(args.ref)
        if action == "list":
            if not book.lines:
                _say(f"no request to correct the minutes of {book.reference} is recorded")
            for line in book.lines:
                r = line.request
                opened = f", opened version {line.correction}" if line.correction else ""
                _say(
                    f"{r.id}  received {r.received.isoformat()} from {r.requested_by} "
                    f"about version {line.version or '-'}: {line.state}{opened}"
                )
            return 0
        participant = _person(book, args.by)
        made = corrections.record_request(
            args.ref,
            requested_by=args.by,
            participant_id=participant,
            received=args.received,
            disputed=args.disputed,
            asked=args.asked,
            entry_id=_entry(corrections, args.ref, args.entry),
        )
        where = "in the roll call" if participant else "not in the roll call"
        _say(f"recorded request {made.id} from {made.requested_by} ({where}); awaiting a ruling")
    return 0


def add_parsers(sub: Any, keyed: argparse.ArgumentParser, signer: argparse.ArgumentParser) -> None:
    from cpc_desktop.cli_release import SECRET_ENV

    secret = argparse.ArgumentParser(add_help=False)
    secret.add_argument(
        "--secret-file",
        metavar="FILE",
        help=f"your password, from the first line of FILE (else ${SECRET_ENV}, else a prompt)",
    )
    p = sub.add_parser(
        "approve", parents=[keyed, secret], help="approve the draft minutes (chairs only)"
    )
    p.add_argument("ref", metavar="REF", help="conference reference or id")
    p = sub.add_parser(
        "issue",
        parents=[keyed, secret, signer],
        help="issue the approved minutes, signed with your certificate (chairs only)",
    )
    p.add_argument("ref", metavar="REF", help="conference reference or id")
    p.add_argument("--out", metavar="FILE.pdf", help="also write the signed full copy here")
    p = sub.add_parser("correction", help="requests to correct issued minutes, and rulings")
    actions = p.add_subparsers(dest="correction_command", metavar="ACTION", required=True)
    q = actions.add_parser("list", parents=[keyed, secret], help="the requests and their state")
    q.add_argument("ref", metavar="REF", help="conference reference or id")
    q = actions.add_parser(
        "record", parents=[keyed, secret], help="record a request as received (chairs only)"
    )
    q.add_argument("ref", metavar="REF", help="conference reference or id")
    q.add_argument(
        "--by",
        required=True,
        metavar="NAME",
        help="who asks: a participant's name or id, or any other person's name",
    )
    q.add_argument("--received", required=True, type=_day, metavar="YYYY-MM-DD")
    q.add_argument("--disputed", required=True, metavar="TEXT", help="the entry or passage")
    q.add_argument("--asked", required=True, metavar="TEXT", help="what they ask to be changed")
    q.add_argument(
        "--entry",
        metavar="N-OR-ID",
        help="the minute entry disputed, if one: its number or id (from correction entries)",
    )
    q = actions.add_parser(
        "entries",
        parents=[keyed, secret],
        help="the issued minutes' entries, numbered, with their ids (chairs only)",
    )
    q.add_argument("ref", metavar="REF", help="conference reference or id")
    q.add_argument("--version", metavar="N", help="the issued version ('1.0'; default: the newest)")
    q = actions.add_parser(
        "rule", parents=[keyed, secret], help="record the chair's ruling (chairs only)"
    )
    q.add_argument("ref", metavar="REF", help="conference reference or id")
    q.add_argument("id", metavar="ID", help="the request's id (from correction list)")
    q.add_argument("--ruling", required=True, choices=RULINGS)
    q.add_argument("--reasons", required=True, metavar="TEXT", help="the reasons for the ruling")
    q.add_argument(
        "--statement",
        metavar="TEXT",
        help="the person's statement of disagreement (refused or partly accepted)",
    )
    q.add_argument("--statement-file", metavar="FILE", help="the statement, from a UTF-8 file")
