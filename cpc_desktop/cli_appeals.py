"""The command line's appeals (Northern Ireland): ``appeal list``, ``appeal record`` and
``appeal decide`` (README, "Command line").

As the Appeals dialog: only under a profile with appeals, the chair records a parent's
appeal and later how it ended; the decision stands meanwhile. The appellant and the
children are named as the roll call has them (or by id); dates are YYYY-MM-DD. Every
refusal is the service's one line, and nothing is written.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from cpc_desktop.cli import CliError, _say, _session

GROUNDS = ("process", "information", "threshold", "category", "not_heard")
ENDINGS = ("upheld", "not_upheld", "withdrawn")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _one(people: Any, given: str, what: str) -> str:
    """The id of the one person (or child) whose id or name is ``given``."""
    wanted = " ".join(given.split()).casefold()
    found = [p.id for p in people if p.id == given or p.name.casefold() == wanted]
    if len(found) != 1:
        raise CliError(f"{given!r} is not {what} of this conference")
    return str(found[0])


def cmd_appeal(args: argparse.Namespace) -> int:
    needs = {"record": "record_appeal", "decide": "decide_appeal"}.get(args.appeal_command, "")
    with _session(args, needs=needs) as session:
        appeals = session.appeals
        if args.appeal_command == "decide":
            ended = appeals.decide_appeal(args.ref, args.id, args.outcome, args.decided, args.note)
            day = ended.decided.isoformat() if ended.decided else ""
            _say(f"appeal {ended.id}: {args.outcome.replace('_', ' ')} on {day}")
            return 0
        book = appeals.appeals(args.ref)  # names the appellant and the children
        if args.appeal_command == "list":
            if not book.lines:
                _say(f"no appeal of {book.reference} is recorded")
            for line in book.lines:
                children = ", ".join(line.children) or "every child"
                who = line.appellant or "(not recorded)"
                received = line.appeal.received.isoformat()
                _say(f"{line.appeal.id}  received {received} from {who} ({children}): {line.state}")
            return 0
        if args.appeal_command == "record":
            appellant = _one(book.appellants, args.by, "a parent or carer who may appeal")
            about = [_one(book.children, name, "a child") for name in args.child]
            made = appeals.record_appeal(
                args.ref, appellant, about, args.ground, args.details, args.received
            )
            _say(f"recorded appeal {made.id}; the decision stands while it is considered")
    return 0


def add_parser(sub: Any, keyed: argparse.ArgumentParser) -> None:
    from cpc_desktop.cli_release import SECRET_ENV

    secret = argparse.ArgumentParser(add_help=False)
    secret.add_argument(
        "--secret-file",
        metavar="FILE",
        help=f"your password, from the first line of FILE (else ${SECRET_ENV}, else a prompt)",
    )
    p = sub.add_parser("appeal", help="a parent's appeals against the decision (NI)")
    actions = p.add_subparsers(dest="appeal_command", metavar="ACTION", required=True)
    q = actions.add_parser("list", parents=[keyed, secret], help="the appeals and their state")
    q.add_argument("ref", metavar="REF", help="conference reference or id")
    q = actions.add_parser(
        "record", parents=[keyed, secret], help="record an appeal as received (chairs only)"
    )
    q.add_argument("ref", metavar="REF", help="conference reference or id")
    q.add_argument("--by", required=True, metavar="NAME", help="who appeals (name or id)")
    q.add_argument("--received", required=True, type=_day, metavar="YYYY-MM-DD")
    q.add_argument("--ground", required=True, action="append", choices=GROUNDS)
    q.add_argument(
        "--child",
        action="append",
        default=[],
        metavar="NAME",
        help="a child it is about (name or id; again for another; none: every child)",
    )
    q.add_argument("--details", default="", help="what the appeal says")
    q = actions.add_parser(
        "decide", parents=[keyed, secret], help="record how an appeal ended (chairs only)"
    )
    q.add_argument("ref", metavar="REF", help="conference reference or id")
    q.add_argument("id", metavar="ID", help="the appeal's id (from appeal list)")
    q.add_argument("--outcome", required=True, choices=ENDINGS)
    q.add_argument("--decided", required=True, type=_day, metavar="YYYY-MM-DD")
    q.add_argument("--note", default="", help="a note on the outcome")
