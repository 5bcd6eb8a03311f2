"""The command line's parser (design.md §5), whole or for one command.

``cpc-desktop COMMAND ...`` builds the parser of ``COMMAND`` alone: its usage, help and
errors are the same as in the whole parser (each command's own subparser says them),
and the modules that describe the other commands (``cli_appeals.py``, ``cli_records.py``
and so on) are not imported to do it. Anything else (``--help``, ``--version``, no
command, an unknown one) gets the whole parser, which lists every command.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from cpc_desktop import __version__

PROG = "cpc-desktop"

#: The commands each module adds to the parser, and how.
_ADDED_BY: dict[str, tuple[str, ...]] = {
    "cli_handover": ("handover",),
    "cli_release": ("user", "release"),
    "cli_appeals": ("appeal",),
    "cli_corrections": ("approve", "issue", "correction"),
    "cli_records": ("complaint", "retention"),
    "cli_plan_events": ("birth", "transfer"),
    "cli_reviews": ("review",),
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``only`` (a command's name), with that command
    alone: its usage, help and errors are the same. (With ``only="--version"``, no
    command at all: what ``--version`` alone needs.)"""
    keyed = argparse.ArgumentParser(add_help=False)
    keyed.add_argument(
        "--db",
        required=True,
        metavar="PATH",
        help="the store file, or a PostgreSQL URL (postgresql://user@host/database) "
        "for a store shared on a server",
    )
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

    def wanted(*names: str) -> bool:
        return only is None or only in names

    if wanted("demo"):
        sub.add_parser(
            "demo", parents=[keyed], help="create a new store holding sample conferences"
        )
    if wanted("list"):
        p = sub.add_parser("list", parents=[keyed], help="list conferences and their due dates")
        p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    _add_records(sub, keyed, wanted)
    secret = argparse.ArgumentParser(add_help=False)
    secret.add_argument(
        "--certificate-passphrase-file",
        metavar="FILE",
        help="the certificate's passphrase, from the first line of FILE "
        "(else $CPC_CERTIFICATE_PASSPHRASE, else a prompt)",
    )
    signer = argparse.ArgumentParser(add_help=False, parents=[secret])
    signer.add_argument(
        "--certificate", metavar="FILE.p12", help="the chair's certificate, to sign with"
    )
    _add_outputs(sub, keyed, secret, signer, wanted)
    _add_modules(sub, keyed, signer, wanted)
    return parser


def _add_records(sub: Any, keyed: argparse.ArgumentParser, wanted: Callable[..., bool]) -> None:
    if wanted("import"):
        p = sub.add_parser("import", parents=[keyed], help="import a conference document (JSON)")
        p.add_argument("file", metavar="FILE.json")
    if wanted("export-json"):
        p = sub.add_parser("export-json", parents=[keyed], help="export a conference document")
        p.add_argument("ref", metavar="REF", help="conference reference or id")
        p.add_argument("--out", required=True, metavar="FILE.json")
    if wanted("check"):
        sub.add_parser("check", parents=[keyed], help="check the store's integrity and audit chain")


def _add_outputs(
    sub: Any,
    keyed: argparse.ArgumentParser,
    secret: argparse.ArgumentParser,
    signer: argparse.ArgumentParser,
    wanted: Callable[..., bool],
) -> None:
    if wanted("minutes"):
        p = sub.add_parser("minutes", parents=[keyed, signer], help="write the minutes as PDF")
        p.add_argument("ref", metavar="REF", help="conference reference or id")
        p.add_argument("--out", required=True, metavar="FILE.pdf")
        p.add_argument("--copy", choices=("full", "family"), default="full")
        p.add_argument(
            "--recipient",
            metavar="NAME",
            help="the person the copy is for (a family-side person may have only a family copy)",
        )
    if wanted("letters"):
        p = sub.add_parser("letters", parents=[keyed, signer], help="write every outcome letter")
        p.add_argument("ref", metavar="REF", help="conference reference or id")
        p.add_argument("--out-dir", required=True, metavar="DIR")
        p.add_argument(
            "--addresses",
            metavar="FILE.json",
            help='confirmed addresses: {"name": ["line", ...]}; otherwise the last confirmed',
        )
    if wanted("verify"):
        p = sub.add_parser(
            "verify", parents=[keyed], help="check a PDF's signature and fingerprint"
        )
        p.add_argument("file", metavar="FILE.pdf")
    if wanted("certificate"):
        p = sub.add_parser(
            "certificate",
            parents=[secret],
            help="make a self-signed signing certificate (PKCS#12) for local use",
        )
        p.add_argument("--out", required=True, metavar="FILE.p12")
        p.add_argument("--name", required=True, help="the chair's name, as it will show")
        p.add_argument(
            "--days", type=int, default=730, help="how long it is valid, 1 to 3650 (default 730)"
        )


def _add_modules(
    sub: Any,
    keyed: argparse.ArgumentParser,
    signer: argparse.ArgumentParser,
    wanted: Callable[..., bool],
) -> None:
    """The commands described by their own modules, each imported only when wanted."""
    from importlib import import_module

    for name, commands in _ADDED_BY.items():
        if not wanted(*commands):
            continue
        module = import_module(f"cpc_desktop.{name}")
        if name == "cli_corrections":
            module.add_parsers(sub, keyed, signer)
        elif hasattr(module, "add_parsers"):
            module.add_parsers(sub, keyed)
        else:
            module.add_parser(sub, keyed)
