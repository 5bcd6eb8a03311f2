"""The bank-holiday table shipped with CPC Desktop is the ``holidays`` package's own days
(issue 21.4: ``list`` reads the table instead of importing the package)."""

from __future__ import annotations

import pytest

from cpc_desktop.domain.calendar import holiday_table, package_calendar, uk_calendar
from cpc_desktop.domain.enums import Division


@pytest.mark.parametrize("division", list(Division))
def test_the_table_holds_the_packages_days_for_every_year_it_covers(division: Division) -> None:
    table = holiday_table()
    assert (table.first, table.last) == (2000, 2060)
    from_table = uk_calendar(division, table.first, table.last)
    from_package = package_calendar(division, table.first, table.last)
    assert from_table == from_package
    assert len(from_table.holidays) > 8 * (table.last - table.first)


def test_years_beyond_the_table_come_from_the_package() -> None:
    late = uk_calendar(Division.SCOTLAND, 2059, 2062)
    assert late == package_calendar(Division.SCOTLAND, 2059, 2062)
    assert any(d.year == 2062 for d in late.holidays)
    early = uk_calendar(Division.NORTHERN_IRELAND, 1999, 2001)
    assert any(d.year == 1999 for d in early.holidays)
