"""The command line's plan events (issue 20): ``birth`` records a baby's birth after a
pre-birth conference, and ``transfer set`` the authority a transfer-in conference's
plan comes from (README, "Command line").

Both are the chair's (audited with their name) and allowed after the conference has
concluded. Every refusal is the service's one line, and nothing is written.
"""

from __future__ import annotations

import argparse
from types import SimpleNamespace
from typing import Any

from cpc_desktop.cli import CliError, _say, _session
from cpc_desktop.cli_appeals import _day, _one


def cmd_birth(args: argparse.Namespace) -> int:
    from cpc_desktop.domain.dates import plain_date
    from cpc_desktop.domain.labels import child_name

    with _session(args, needs="edit_conference") as session:
        record = session.conferences.get(args.ref)
        unborn = [c for c in record.children if c.date_of_birth is None]
        if args.child is None:
            if len(unborn) != 1:
                raise CliError("name the baby with --child (its name or id)")
            child_id = unborn[0].id
        else:
            named = [SimpleNamespace(id=c.id, name=child_name(c)) for c in unborn]
            child_id = _one(named, args.child, "an unborn baby")
        born = session.plan_events.record_birth(
            args.ref, child_id, args.given, args.family, args.born
        )
    _say(f"recorded the birth of {child_name(born.child)} on {plain_date(args.born)}")
    _say(f"the post-birth review is due by {plain_date(born.review_due)}")
    if born.review_too_late and born.planned_review is not None:
        _say(f"the review set for {plain_date(born.planned_review)} is later: bring it forward")
    return 0


def cmd_transfer(args: argparse.Namespace) -> int:
    details = "\n".join(line for line in (*args.address, args.email, args.phone) if line)
    with _session(args, needs="edit_conference") as session:
        conference = session.plan_events.set_transfer_origin(
            args.ref, args.authority, args.contact, details
        )
    who = f"{conference.transfer_contact}, " if conference.transfer_contact else ""
    _say(f"{conference.reference} comes from {who}{conference.transfer_from}")
    return 0


def add_parsers(sub: Any, keyed: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "birth", parents=[keyed], help="record a baby's birth after a pre-birth conference"
    )
    p.add_argument("ref", metavar="REF", help="the pre-birth conference's reference or id")
    p.add_argument("--child", metavar="NAME", help="the baby as recorded (needed if several)")
    p.add_argument("--given", required=True, metavar="NAME", help="the baby's given name")
    p.add_argument("--family", default="", metavar="NAME", help="the baby's family name")
    p.add_argument("--born", required=True, type=_day, metavar="YYYY-MM-DD")
    p = sub.add_parser("transfer", help="a transfer-in conference's originating authority")
    actions = p.add_subparsers(dest="transfer_command", metavar="ACTION", required=True)
    q = actions.add_parser(
        "set", parents=[keyed], help="record the authority the plan comes from (chairs only)"
    )
    q.add_argument("ref", metavar="REF", help="the transfer-in conference's reference or id")
    q.add_argument("--from", dest="authority", required=True, metavar="AUTHORITY")
    q.add_argument("--contact", default="", metavar="NAME", help="the person to write to")
    q.add_argument(
        "--address",
        action="append",
        default=[],
        metavar="LINE",
        help="a line of their postal address (again for the next line)",
    )
    q.add_argument("--email", default="", metavar="ADDRESS")
    q.add_argument("--phone", default="", metavar="NUMBER")
