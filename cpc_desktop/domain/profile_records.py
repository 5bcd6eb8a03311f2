"""A profile's rules for the records kept about a conference after it: how quickly a
complaint is acknowledged and answered (``[complaints]``), and how long the record is
kept (``[retention]``).

Both tables are optional: a profile (or an authority's settings file) that leaves them
out gets the defaults below, which docs/profiles.md gives and an authority may change.
They are read by :mod:`cpc_desktop.domain.profile_reader`.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ComplaintTimescales", "RetentionRule"]


@dataclass(frozen=True)
class ComplaintTimescales:
    """How quickly a complaint about a conference is dealt with.

    Attributes:
        acknowledge_working_days: the complaint is acknowledged within this many working
            days of being received (St Helens: the chair meets within 5).
        respond_days: it is answered within this many calendar days of being received
            (Greater Manchester's complaint window and York's reply fall inside 28).
    """

    acknowledge_working_days: int = 5
    respond_days: int = 28


@dataclass(frozen=True)
class RetentionRule:
    """How long a conference's record is kept (domain.md §6, "Retention of CP records").

    The retention date is ``years`` after the case closed: the conference's date, or the
    later closure date the chair records. The application never deletes on its own.

    Attributes:
        years: whole years kept after closure (35: R (C) v Northumberland CC [2015]).
        record_type: the kind of record, as a retention schedule names it.
        policy: the authority's rule in words, shown beside each date.
    """

    years: int = 35
    record_type: str = "Child protection conference record"
    policy: str = "kept for 35 years after the case closed, then reviewed for deletion"
