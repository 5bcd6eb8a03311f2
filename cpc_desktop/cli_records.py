"""The command line's complaints and retention (README, "Command line").

``complaint list|due|record|acknowledge|decide``: as the Complaints dialog, under every
profile; the chair logs a complaint about a conference, then its acknowledgement and how
it ended. The decision stands meanwhile, and every listing says so.

``retention list|hold|release|close|uploaded|delete|deleted``: each conference's
retention date by its profile's rule, legal holds, confirming that the issued minutes
were uploaded to the case system, and deleting a conference whose date has come or whose
newest issued minutes are confirmed as uploaded (never on hold), which leaves a
tombstone and purges the backups beside the store. ``delete`` asks for ``yes`` unless
``--yes`` is given.

People and children are named as the roll call has them (or by id); dates are YYYY-MM-DD. Every
refusal is the service's one line, and nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cpc_desktop.cli import PROG, CliError, _say, _session
from cpc_desktop.cli_appeals import ENDINGS, GROUNDS, _day, _one


def _standing() -> str:
    from cpc_desktop.domain.complaints import DECISION_STANDS

    return DECISION_STANDS


def cmd_complaint(args: argparse.Namespace) -> int:
    command = args.complaint_command
    needs = "" if command in ("list", "due") else "record_complaint"
    with _session(args, needs=needs) as session:
        complaints = session.complaints
        if command == "due":
            due = complaints.due_complaints()
            if not due:
                _say("no complaint has a step due")
            today = session.clock().astimezone().date()
            for item in due:
                _say(
                    f"{item.reference}  {item.complaint_id}  {item.complainant}: "
                    f"{item.step.words(today)}"
                )
            return 0
        if command == "acknowledge":
            done = complaints.acknowledge_complaint(args.ref, args.id, args.on, args.handled_by)
            _say(f"complaint {done.id}: acknowledged on {args.on.isoformat()}")
            return 0
        if command == "decide":
            done = complaints.decide_complaint(
                args.ref, args.id, args.outcome, args.decided, args.note, args.handled_by
            )
            _say(f"complaint {done.id}: {args.outcome.replace('_', ' ')} on {args.decided}")
            return 0
        book = complaints.complaints(args.ref)
        if command == "list":
            _say(_standing())
            if not book.lines:
                _say(f"no complaint about {book.reference} is recorded")
            today = session.clock().astimezone().date()
            for line in book.lines:
                grounds = ", ".join(g.value.replace("_", " ") for g in line.complaint.grounds)
                due = f"; {line.next_step.words(today)}" if line.next_step else ""
                about = f" about {', '.join(line.children)}" if line.children else ""
                _say(
                    f"{line.complaint.id}  received {line.complaint.received.isoformat()} "
                    f"from {line.complainant}{about} ({grounds}): {line.state}{due}"
                )
            return 0
        # record
        if (args.by is None) == (args.name is None):
            raise CliError("name the complainant with --by (the roll call) or --name")
        person = _one(book.people, args.by, "a person") if args.by is not None else None
        children = [_one(book.children, name, "a child") for name in args.child]
        made = complaints.record_complaint(
            args.ref,
            received=args.received,
            grounds=args.ground,
            complainant_id=person,
            complainant_name=args.name or "",
            relation=args.relation,
            details=args.details,
            child_ids=children,
        )
        _say(f"recorded complaint {made.id}. {_standing()}")
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    command = args.retention_command
    needs = dict.fromkeys(("hold", "release", "close", "uploaded"), "manage_retention")
    needs |= {"delete": "delete_records"}
    with _session(args, needs=needs.get(command, "")) as session:
        retention = session.retention
        if command == "list":
            lines = retention.retention_list(due_only=not args.all)
            if not lines:
                _say("no conference has reached its retention date, and none is on hold")
            for line in lines:
                held = f" (hold: {line.hold_reason})" if line.hold_reason else ""
                sent = f" ({line.uploaded})" if line.uploaded else ""
                _say(
                    f"{line.reference}  {line.state.value}  kept until "
                    f"{line.retain_until.isoformat()}  {line.record_type}; {line.policy}"
                    f"{held}{sent}"
                )
            return 0
        if command == "deleted":
            stones = retention.tombstones()
            if not stones:
                _say("no conference has been deleted from this store")
            for stone in stones:
                _say(
                    f"{stone.reference}  held {stone.conference_date.isoformat()}, deleted "
                    f"{stone.deleted_at.date().isoformat()} by {stone.deleted_by}: {stone.reason}"
                )
            return 0
        if command in ("hold", "release"):
            line = retention.set_hold(args.ref, command == "hold", args.reason or "")
            _say(f"{line.reference}: {line.state.value}, kept until {line.retain_until}")
            return 0
        if command == "close":
            line = retention.set_closed(args.ref, None if args.clear else args.on)
            _say(f"{line.reference}: kept until {line.retain_until.isoformat()}")
            return 0
        if command == "uploaded":
            sent = session.uploads.confirm_upload(
                args.ref, args.case_ref, uploaded_on=args.on, version=args.version
            )
            _say(
                f"{sent.reference}: version {sent.version} confirmed as uploaded to the case "
                f"system on {sent.uploaded_on.isoformat()}, ref {sent.case_ref}; its local "
                f"copy may now be wiped ({PROG} retention delete {sent.reference})"
            )
            return 0
        # delete
        if not args.yes and not _agreed(args.ref):
            raise CliError("not confirmed; nothing was deleted")
        done = retention.delete_conference(args.ref, args.reason)
        stone = done.tombstone
        _say(f"deleted {stone.reference} ({stone.rows_deleted} records); its tombstone remains")
        if not done.log_emptied:
            _say("the store's log could not be emptied now: close other windows on it")
        for path in done.purged_copies:
            _say(f"purged it from the backup beside the store: {path.name}")
        for path in done.older_copies:
            _say(f"an older copy still holds it (it could not be opened): {path.name}")
    return 0


def _agreed(ref: str) -> bool:
    if not sys.stdin.isatty():
        raise CliError("add --yes to delete without a prompt")
    answer = input(f"Delete {ref} and everything recorded about it, for good? Type yes: ")
    return answer.strip().casefold() == "yes"


def add_parsers(sub: Any, keyed: argparse.ArgumentParser) -> None:
    from cpc_desktop.cli_release import SECRET_ENV

    secret = argparse.ArgumentParser(add_help=False)
    secret.add_argument(
        "--secret-file",
        metavar="FILE",
        help=f"your password, from the first line of FILE (else ${SECRET_ENV}, else a prompt)",
    )
    both = [keyed, secret]
    p = sub.add_parser("complaint", help="complaints about a conference, and how they ended")
    actions = p.add_subparsers(dest="complaint_command", metavar="ACTION", required=True)
    q = actions.add_parser("list", parents=both, help="a conference's complaints")
    q.add_argument("ref", metavar="REF", help="conference reference or id")
    actions.add_parser("due", parents=both, help="every complaint with a step due")
    q = actions.add_parser("record", parents=both, help="log a complaint (chairs only)")
    q.add_argument("ref", metavar="REF", help="conference reference or id")
    q.add_argument("--by", metavar="NAME", help="who complains: a person of the roll call")
    q.add_argument("--name", metavar="NAME", help="who complains, if not in the roll call")
    q.add_argument("--relation", default="", help="who they are to the child ('mother')")
    q.add_argument("--received", required=True, type=_day, metavar="YYYY-MM-DD")
    q.add_argument("--ground", required=True, action="append", choices=GROUNDS)
    q.add_argument("--details", default="", help="what the complaint says")
    q.add_argument(
        "--child",
        action="append",
        default=[],
        metavar="NAME",
        help="a child it concerns (name or id; again for another; none: every child)",
    )
    q = actions.add_parser("acknowledge", parents=both, help="record the acknowledgement")
    q.add_argument("ref", metavar="REF", help="conference reference or id")
    q.add_argument("id", metavar="ID", help="the complaint's id (from complaint list)")
    q.add_argument("--on", required=True, type=_day, metavar="YYYY-MM-DD")
    q.add_argument("--handled-by", default="", help="who considers it (chair, panel)")
    q = actions.add_parser("decide", parents=both, help="record how a complaint ended")
    q.add_argument("ref", metavar="REF", help="conference reference or id")
    q.add_argument("id", metavar="ID", help="the complaint's id (from complaint list)")
    q.add_argument("--outcome", required=True, choices=ENDINGS)
    q.add_argument("--decided", required=True, type=_day, metavar="YYYY-MM-DD")
    q.add_argument("--note", default="", help="a note on the outcome")
    q.add_argument("--handled-by", default="", help="the panel or who ruled")

    p = sub.add_parser("retention", help="retention dates, legal holds and deletion")
    actions = p.add_subparsers(dest="retention_command", metavar="ACTION", required=True)
    q = actions.add_parser("list", parents=both, help="what falls due (and what is held)")
    q.add_argument("--all", action="store_true", help="every conference, due or not")
    actions.add_parser("deleted", parents=both, help="the tombstones of deleted conferences")
    q = actions.add_parser("hold", parents=both, help="place a legal hold (chairs only)")
    q.add_argument("ref", metavar="REF", help="conference reference or id")
    q.add_argument("--reason", required=True, help="why it is held (an inquiry, proceedings)")
    q = actions.add_parser("release", parents=both, help="lift a legal hold (chairs only)")
    q.add_argument("ref", metavar="REF", help="conference reference or id")
    q.add_argument("--reason", default="", help=argparse.SUPPRESS)
    q = actions.add_parser("close", parents=both, help="record when the case closed")
    q.add_argument("ref", metavar="REF", help="conference reference or id")
    when = q.add_mutually_exclusive_group(required=True)
    when.add_argument("--on", type=_day, metavar="YYYY-MM-DD")
    when.add_argument("--clear", action="store_true", help="forget the closure date")
    q = actions.add_parser(
        "uploaded", parents=both, help="confirm the issued minutes went to the case system"
    )
    q.add_argument("ref", metavar="REF", help="conference reference or id")
    q.add_argument("--case-ref", required=True, help="the case system's reference for it")
    q.add_argument("--on", type=_day, metavar="YYYY-MM-DD", help="the day (default: today)")
    q.add_argument("--version", default="", help="which issued version (default: the newest)")
    q = actions.add_parser(
        "delete", parents=both, help="delete a conference that is due, or wipe one uploaded"
    )
    q.add_argument("ref", metavar="REF", help="conference reference or id")
    q.add_argument(
        "--reason", default="", help="why (the retention period ended); optional after upload"
    )
    q.add_argument("--yes", action="store_true", help="do not ask for confirmation")
