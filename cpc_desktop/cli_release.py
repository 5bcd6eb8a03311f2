"""The command line's users and release check: ``user add``, ``user password``,
``release list`` and ``release check`` (README, "Command line").

The acting user's password comes from ``--secret-file FILE``, else ``$CPC_USER_SECRET``,
else a prompt without echo: whoever acts (``$CPC_USER``, else the store's first chair)
gives it once they have one. A new password (``user add``, ``user password``) comes from
``--new-secret-file FILE``, else ``$CPC_USER_NEW_SECRET``, else a prompt, typed twice.
"""

from __future__ import annotations

import argparse
from typing import Any

from cpc_desktop.cli import PROG, CliError, _say, _session, read_secret

SECRET_ENV = "CPC_USER_SECRET"
NEW_SECRET_ENV = "CPC_USER_NEW_SECRET"


def _secret(args: argparse.Namespace, *, new: bool, what: str = "password") -> str:
    return read_secret(
        getattr(args, "secret_file", None),
        SECRET_ENV,
        what=what,
        option="--secret-file",
        new=new,
        refused="nothing was changed",
    )


def _new_secret(args: argparse.Namespace, what: str) -> str:
    return read_secret(
        args.new_secret_file,
        NEW_SECRET_ENV,
        what=what,
        option="--new-secret-file",
        new=True,
        refused="nothing was changed",
    )


def sign_in(args: argparse.Namespace, session: Any) -> None:
    """Make ``session`` act as its user, proved by their password once they have one.

    A wrong password stops the command (one line, exit 1) and closes the store."""
    try:
        if session.users.has_password(session.actor.name):
            session.sign_in(session.actor.name, _secret(args, new=False))
    except BaseException:
        session.close()
        raise


def hold_minutes(args: argparse.Namespace, session: Any, which: Any, certificate: Any) -> None:
    """Hold the family copy; stop with how to check it unless someone already has."""
    item = session.release.hold_minutes(args.ref, which, certificate)
    if not item.confirmed:
        raise awaiting(args, item.what + f" for {item.recipient_name}", item.id)


def hold_letters(
    args: argparse.Namespace, session: Any, record: Any, requests: Any, certificate: Any
) -> None:
    """Hold each letter to the family's side; stop unless every one has been checked."""
    from cpc_desktop.services.letters import family_letter

    waiting = []
    for request in requests:
        if family_letter(record, request):
            item = session.release.hold_letter(args.ref, request, certificate)
            if not item.confirmed:
                waiting.append(item)
    if waiting:
        what = "family letter" if len(waiting) == 1 else f"{len(waiting)} family letters"
        raise CliError(
            f"no letters written: {what} await a check by a second person. Another user "
            f"lists them with: {PROG} release list {args.ref} --db {args.db}"
        )


def cmd_user(args: argparse.Namespace) -> int:
    from cpc_desktop.domain.enums import UserRole

    needs = "manage_users" if args.user_command == "add" else ""
    with _session(args, needs=needs) as session:
        if args.user_command == "add":
            secret = _new_secret(args, f"password for {args.name}")
            added = session.users.add_user(args.name, UserRole(args.role), secret)
            _say(f"added {added.name} ({added.role.value.replace('_', ' ')})")
        else:
            name = session.actor.name
            current = None
            if session.users.has_password(name):
                current = _secret(args, new=False, what="current password")
            new = _new_secret(args, "new password")
            if current is None:
                session.users.choose_first(name, new)
            else:
                session.users.set_password(new, current)
            _say(f"the password of {name} is set")
    return 0


def cmd_release(args: argparse.Namespace) -> int:
    needs = "check_release" if args.release_command == "check" else ""
    with _session(args, needs=needs) as session:
        if args.release_command == "list":
            items = session.release.pending(args.ref)
            if not items:
                _say(f"nothing of {args.ref} is waiting to be released")
            for item in items:
                _say(f"{item.id}  {item.what} for {item.recipient_name}: {item.state}")
            return 0
        review = session.release.review(args.id)
        item = review.item
        _say(f"{item.what} for {review.recipient}, made by {item.author}")
        _say(f"SHA-256 {review.sha256}")
        _say("--- what the recipient gets ---")
        for line in review.text.splitlines():
            _say(line)
        _say("--- left out of this copy (for the checker only, never the recipient) ---")
        for line in review.left_out:
            _say(f"- {line}")
        _say("--- end ---")
        if not review.current:
            raise CliError("what this copy shows has changed since it was made: make it again")
        if not args.confirm and not _agreed():
            raise CliError("not confirmed; nothing was recorded")
        checked = session.release.confirm(item.id, session.actor)
    _say(f"checked by {checked.checked_by}: it can now be released")
    return 0


def _agreed() -> bool:
    import sys

    if not sys.stdin.isatty():
        raise CliError("add --confirm to record the check without a prompt")
    answer = input("Is this exactly what the recipient should get? Type yes to confirm: ")
    return answer.strip().casefold() == "yes"


def awaiting(args: argparse.Namespace, what: str, check_id: str) -> CliError:
    """The one line for a copy held for a check: how to check it."""
    return CliError(
        f"the {what} awaits a check by a second person; nothing was written. "
        f"Another user checks it with: {PROG} release check {check_id} --db {args.db}"
    )


def add_parsers(sub: Any, keyed: argparse.ArgumentParser) -> None:
    secret = argparse.ArgumentParser(add_help=False)
    secret.add_argument(
        "--secret-file",
        metavar="FILE",
        help=f"your password, from the first line of FILE (else ${SECRET_ENV}, else a prompt)",
    )
    p = sub.add_parser("user", help="add a user of the store, or set your own password")
    users = p.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    new = argparse.ArgumentParser(add_help=False)
    new.add_argument(
        "--new-secret-file",
        metavar="FILE",
        help=f"the new password, from the first line of FILE (else ${NEW_SECRET_ENV}, "
        "else a prompt)",
    )
    q = users.add_parser("add", parents=[keyed, secret, new], help="add a user (chairs only)")
    q.add_argument("name", metavar="NAME")
    q.add_argument("--role", required=True, choices=("chair", "minute_taker", "read_only"))
    users.add_parser("password", parents=[keyed, secret, new], help="set your own password")
    p = sub.add_parser("release", help="family copies and letters waiting for a check")
    release = p.add_subparsers(dest="release_command", metavar="ACTION", required=True)
    q = release.add_parser("list", parents=[keyed, secret], help="what is waiting for a check")
    q.add_argument("ref", metavar="REF", help="conference reference or id")
    q = release.add_parser(
        "check", parents=[keyed, secret], help="review a held copy and confirm it"
    )
    q.add_argument("id", metavar="ID", help="the held copy's id (from release list)")
    q.add_argument("--confirm", action="store_true", help="confirm without a prompt")
