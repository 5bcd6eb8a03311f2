"""The commands that write and check printed output: ``minutes``, ``letters``, ``verify``
and ``certificate`` (design.md §5), over the services. Imported when one of them runs."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cpc_desktop.cli import (
    MAX_PDF,
    MAX_SMALL_FILE,
    CliError,
    TooLarge,
    _say,
    _session,
    _writable_file,
    read_bounded,
    read_secret,
)
from cpc_desktop.data.location import shown
from cpc_desktop.domain.dates import numeric_moment


def _certificate_passphrase(args: argparse.Namespace, *, new: bool = False) -> bytes:
    secret = read_secret(
        args.certificate_passphrase_file,
        "CPC_CERTIFICATE_PASSPHRASE",
        what="certificate passphrase",
        option="--certificate-passphrase-file",
        new=new,
        refused="no certificate was made",
    )
    return secret.encode("utf-8")


def _certificate(args: argparse.Namespace) -> Any:
    if args.certificate is None:
        return None
    from cpc_desktop.export.signing import SigningError, load_certificate

    try:
        raw = read_bounded(args.certificate, MAX_SMALL_FILE)
    except TooLarge as error:
        raise CliError(f"the certificate file {args.certificate} {error}") from None
    except OSError:
        raise CliError(f"cannot read the certificate file {args.certificate}") from None
    try:
        return load_certificate(raw, _certificate_passphrase(args))
    except SigningError as error:
        raise CliError(f"{args.certificate}: {error}") from None


def _write(out: Path, data: bytes) -> None:
    from cpc_desktop.export.files import write_atomic

    try:
        write_atomic(out, data)
    except OSError:
        raise CliError(f"cannot write {out}") from None


def _participant_named(record: Any, name: str) -> Any:
    wanted = " ".join(name.split()).casefold()
    found = [p for p in record.participants if " ".join(p.name.split()).casefold() == wanted]
    if not found:
        raise CliError(f"no participant called {name!r} in {record.conference.reference}")
    if len(found) > 1:
        raise CliError(f"{len(found)} participants are called {name!r}; names must be unique")
    return found[0]


def cmd_minutes(args: argparse.Namespace) -> int:
    from cpc_desktop.domain.enums import CopyKind
    from cpc_desktop.domain.minutes_document import MinutesCopy

    out = _writable_file(args.out, args.db)
    certificate = _certificate(args)
    with _session(args, needs="export") as session:
        recipient = None
        if args.recipient:
            record = session.conferences.get(args.ref)
            recipient = _participant_named(record, args.recipient)
        which = MinutesCopy(CopyKind(args.copy), None if recipient is None else recipient.id)
        if which.copy is CopyKind.FAMILY:
            from cpc_desktop.cli_release import hold_minutes

            hold_minutes(args, session, which, certificate)  # exit 1 unless checked
        pdf = session.minutes.export(args.ref, which, certificate, out)
    copy = f"{args.copy} copy" + (f" for {recipient.name}" if recipient else "")
    left_out = f", {len(pdf.redactions)} entries left out" if args.copy == "family" else ""
    signed = "signed" if pdf.signed else "unsigned draft"
    _say(f"wrote {out} ({copy}, {signed}{left_out}); SHA-256 {pdf.sha256}")
    return 0


def _addresses(path: str | None) -> dict[str, tuple[str, ...]]:
    if path is None:
        return {}
    import json

    try:
        data = json.loads(read_bounded(path, MAX_SMALL_FILE).decode("utf-8"))
    except TooLarge as error:
        raise CliError(f"{path} {error}") from None
    except (OSError, UnicodeDecodeError):
        raise CliError(f"cannot read {path}") from None
    except json.JSONDecodeError as error:
        raise CliError(f"{path} is not valid JSON (line {error.lineno})") from None
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(x, str) for x in v)
        for k, v in data.items()
    ):
        raise CliError(f"{path}: expected an object of name: [address lines]")
    return {" ".join(k.split()).casefold(): tuple(v) for k, v in data.items()}


def cmd_letters(args: argparse.Namespace) -> int:
    from cpc_desktop.domain.letters import LetterRequest
    from cpc_desktop.domain.sides import is_family_side

    folder = Path(args.out_dir)
    if not folder.is_dir():
        raise CliError(f"{folder} is not a folder")
    addresses = _addresses(args.addresses)
    certificate = _certificate(args)
    with _session(args, needs="issue_documents") as session:
        record = session.conferences.get(args.ref)
        people = {p.id: p for p in record.participants}
        requests, refused = [], []
        for plan in session.letters.plan(args.ref):
            need = plan.need
            name = need.recipient_name
            person = people.get(need.recipient_id or "")
            address = addresses.get(" ".join(name.split()).casefold()) or plan.last_address
            if not address and person is not None and not is_family_side(person):
                address = tuple(x for x in (person.agency,) if x)
            if plan.missing:
                refused.append(
                    f"{need.kind.value} letter to {name}: missing {', '.join(plan.missing)}"
                )
            elif not address:
                refused.append(
                    f"{need.kind.value} letter to {name}: no confirmed address "
                    "(give one with --addresses FILE.json)"
                )
            else:
                requests.append(LetterRequest(need.kind, need.recipient_id, name, address))
        if refused:
            more = f" (and {len(refused) - 1} more)" if len(refused) > 1 else ""
            raise CliError(f"no letters written: {refused[0]}{more}")
        from cpc_desktop.cli_release import hold_letters

        hold_letters(args, session, record, requests, certificate)  # exit 1 unless checked
        issued = session.letters.issue_all(args.ref, requests, certificate, folder)
        written = [folder / pdf.file_name for pdf in issued]
    for target in written:
        _say(f"wrote {target}")
    _say(f"{len(written)} letters for {args.ref}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    source = Path(args.file)
    try:
        data = read_bounded(source, MAX_PDF)
    except TooLarge as error:
        raise CliError(f"{source} {error}, so it is not a file this store issued") from None
    except IsADirectoryError:
        raise CliError(f"{source} is a folder, not a PDF file") from None
    except FileNotFoundError:
        raise CliError(f"no such file: {source}") from None
    except OSError:
        raise CliError(f"cannot read {source}") from None
    with _session(args) as session:
        verdict = session.verification.verify(data)
    if not verdict.valid:
        raise CliError(f"INVALID: {source}: {verdict.problem}")
    from cpc_desktop.domain.dates import plain_date

    when = f" on {numeric_moment(verdict.signed_at)} UTC" if verdict.signed_at else ""
    version = f" as version {verdict.version} of the minutes" if verdict.version else ""
    later = ""
    if verdict.superseded_by:
        on = verdict.superseded_on
        issued = f" was issued on {plain_date(on.date())}" if on else " was issued"
        later = f" — superseded: version {verdict.superseded_by}{issued}"
    # Still exit 0: the file is genuine; a script reads "superseded" from the line.
    _say(
        f"VALID: {source} was signed by {verdict.signer}{when} and is recorded in "
        f"{shown(args.db)}{version}{later}"
    )
    return 0


def cmd_certificate(args: argparse.Namespace) -> int:
    from cpc_desktop.export.signing import SigningError, create_self_signed

    out = Path(args.out)
    if out.exists():
        raise CliError(f"{out} already exists; nothing was overwritten")
    if not out.parent.is_dir():
        raise CliError(f"the folder {out.parent} does not exist")
    if not args.name.strip():
        raise CliError("give the chair's name with --name")
    from cpc_desktop.export.signing import MAX_VALID_DAYS

    if not 1 <= args.days <= MAX_VALID_DAYS:
        # A whole number was given, so the usage was right; the value is not (exit 1, as
        # for any other refused input), and it is refused before the passphrase is asked.
        raise CliError(f"--days {args.days}: give a number of days from 1 to {MAX_VALID_DAYS}")
    secret = _certificate_passphrase(args, new=True)
    try:
        data = create_self_signed(args.name.strip(), secret, valid_days=args.days)
    except SigningError as error:
        raise CliError(str(error)) from None
    _write(out, data)
    _say(f"wrote {out}: a self-signed certificate for {args.name.strip()}, for local use only")
    return 0
