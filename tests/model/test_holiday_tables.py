"""The packaged holiday tables say exactly what the holidays package says, or are not used."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest

from casestaff.model import dates


def test_the_tables_were_made_by_the_installed_holidays() -> None:
    made_by = (dates.holiday_tables_folder() / "VERSION").read_text(encoding="utf-8").strip()
    assert dates.installed_holidays_version() == holidays.__version__
    if made_by != holidays.__version__:
        # A new holidays release is not a failure: the tables are simply not used (correct, ~60 ms
        # slower). The skip reason, shown by -ra, says how to bring them up to date.
        assert not dates.packaged_tables_usable()
        pytest.skip(
            f"the holiday tables were made with holidays {made_by}, but {holidays.__version__} is installed, so they"
            " are not used; regenerate them: python -c \"from casestaff.model import dates;"
            " dates.write_holiday_tables(dates.holiday_tables_folder())\""
        )
    assert dates.packaged_tables_usable()


@pytest.mark.parametrize("state", sorted(dates.US_STATES))
def test_every_table_equals_the_holidays_package(state: str) -> None:
    if not dates.packaged_tables_usable():
        pytest.skip("tables from another holidays version are not used")
    for year in dates.TABLE_YEARS:
        dates.holidays_in.cache_clear()
        assert dates.holidays_in(state, year) == dates.compute_holidays(state, year), (state, year)


def test_another_holidays_version_is_asked_directly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dates, "installed_holidays_version", lambda: "0.0-not-this-one")
    dates.packaged_tables_usable.cache_clear()
    dates.holidays_in.cache_clear()
    calls = []
    real = dates.compute_holidays
    monkeypatch.setattr(dates, "compute_holidays", lambda s, y: calls.append((s, y)) or real(s, y))
    try:
        lincoln = dates.Workdays("IL").holiday(dt.date(2026, 2, 12))
        assert calls == [("IL", 2026)]
        assert lincoln and lincoln == real("IL", 2026)[dt.date(2026, 2, 12)]
    finally:
        dates.packaged_tables_usable.cache_clear()
        dates.holidays_in.cache_clear()


def test_years_outside_the_tables_are_asked_directly() -> None:
    dates.holidays_in.cache_clear()
    for day in (dt.date(2040, 12, 25), dt.date(2019, 7, 4)):  # Christmas, Independence Day
        named = dates.Workdays("LA").holiday(day)
        assert named and named == dates.compute_holidays("LA", day.year)[day]
