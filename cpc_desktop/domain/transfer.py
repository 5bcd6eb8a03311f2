"""A transfer-in conference's originating authority: whom the transfer letter goes to.

The authority that held the child protection plan keeps responsibility until the
transfer-in conference (checklist item 7). The record keeps its name, the person to
write to there, and how to reach them: postal address lines, then an email address and
a telephone number, one a line (:class:`~cpc_desktop.domain.conference.Conference`).
"""

from __future__ import annotations

import re

from cpc_desktop.domain.conference import Conference

#: A line that is an email address or a telephone number, not part of a postal address.
_NOT_POSTAL = re.compile(r"@|^\s*(tel|telephone|phone|email|e-mail)\b|^[\s+\d()-]{7,}$", re.I)

#: What the letters' check names when a transfer-in's authority is not recorded.
AUTHORITY_MISSING = "the authority the plan is transferred from"


def addressee(conference: Conference) -> str:
    """The transfer letter's recipient: the contact, else the authority ("" if neither)."""
    return " ".join((conference.transfer_contact or conference.transfer_from).split())


def postal_address(conference: Conference) -> tuple[str, ...]:
    """The transfer letter's address: the authority's name (unless the contact's details
    already start with it), then the postal lines of the contact's details."""
    lines = [line.strip() for line in conference.transfer_contact_details.splitlines()]
    postal = [line for line in lines if line and not _NOT_POSTAL.search(line)]
    authority = " ".join(conference.transfer_from.split())
    if authority and (not postal or postal[0].casefold() != authority.casefold()):
        postal.insert(0, authority)
    return tuple(postal)
