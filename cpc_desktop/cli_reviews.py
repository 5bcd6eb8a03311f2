"""The command line's reviews (issue 20): a review made from the plan before it, and the
chair's judgement of each action it carries (README, "Command line").

``review propose REF`` shows, without writing anything, what a review of conference REF
would carry and the date it would be on; ``review new REF`` makes it (chairs only);
``review actions REF`` lists the actions a review carries, each with its id; and
``review status REF ACTION_ID --status ...`` records how far one has come (chairs only,
audited with their name). Every refusal is the service's one line, and nothing is written.
"""

from __future__ import annotations

import argparse
from typing import Any

from cpc_desktop.cli import CliError, _say, _session
from cpc_desktop.cli_appeals import _day

#: The values of ActionStatus (domain/enums.py), and "none" for "not yet judged".
STATUSES = ("behind", "under_way", "done", "none")


def cmd_review(args: argparse.Namespace) -> int:
    from cpc_desktop.domain.dates import plain_date

    command = args.review_command
    needs = {"new": "create_conference", "status": "record_decision"}.get(command, "")
    with _session(args, needs=needs) as session:
        reviews = session.reviews
        if command == "propose":
            offer = reviews.propose(args.ref)
            _say(f"a review of {offer.reference} (review {offer.review_number} of the plan)")
            _say(f"on {plain_date(offer.date)} ({offer.date_reason})")
            _say(f"children on the plan: {', '.join(offer.children)}")
            _say(f"actions carried: {offer.actions}; people invited: {offer.invited}")
            return 0
        if command == "new":
            return _new(session, args)
        if command == "actions":
            return _actions(session, args.ref)
        # status
        from cpc_desktop.domain.enums import ActionStatus
        from cpc_desktop.domain.plan_review import status_words

        status = None if args.status == "none" else ActionStatus(args.status)
        changed = reviews.set_action_status(args.ref, args.action_id, status)
        _say(f"{changed.id}  {changed.action}: {status_words(changed.status)}")
    return 0


def _new(session: Any, args: argparse.Namespace) -> int:
    from cpc_desktop.domain.dates import plain_date
    from cpc_desktop.services.errors import RuleViolation

    try:
        made = session.reviews.new_review(args.ref, args.date)
    except RuleViolation as why:
        raise CliError(why.problems[0][1]) from None
    _say(f"made {made.reference}: review {made.review_number}, on {plain_date(made.date)}")
    return 0


def _actions(session: Any, ref: str) -> int:
    from cpc_desktop.domain.dates import plain_date
    from cpc_desktop.domain.labels import child_name
    from cpc_desktop.domain.plan_review import progress

    record = session.conferences.get(ref)
    lines = progress(record)
    if not lines:
        _say(f"{record.conference.reference} carries no action from a plan")
    for line in lines:
        action = line.action
        due = f", due {plain_date(action.due_date)}" if action.due_date else ""
        _say(
            f"{action.id}  {child_name(line.child)}: {action.action} "
            f"({action.owner or 'no owner'}{due}): {line.status}"
        )
    return 0


def add_parsers(sub: Any, keyed: argparse.ArgumentParser) -> None:
    p = sub.add_parser("review", help="make a review from a plan, and judge its actions")
    actions = p.add_subparsers(dest="review_command", metavar="ACTION", required=True)
    q = actions.add_parser("propose", parents=[keyed], help="what a review would carry, and when")
    q.add_argument("ref", metavar="REF", help="the conference that made or kept the plan")
    q = actions.add_parser("new", parents=[keyed], help="make the review (chairs only)")
    q.add_argument("ref", metavar="REF", help="the conference that made or kept the plan")
    q.add_argument(
        "--date", type=_day, metavar="YYYY-MM-DD", help="its date (else the date proposed)"
    )
    q = actions.add_parser("actions", parents=[keyed], help="the actions a review carries")
    q.add_argument("ref", metavar="REF", help="the review's reference or id")
    q = actions.add_parser(
        "status", parents=[keyed], help="how far one action has come (chairs only)"
    )
    q.add_argument("ref", metavar="REF", help="the review's reference or id")
    q.add_argument("action_id", metavar="ACTION_ID", help="the action's id (from review actions)")
    q.add_argument(
        "--status",
        required=True,
        choices=STATUSES,
        help="behind (red: not started or behind), under_way (amber), done (green), "
        "none (not yet judged)",
    )
