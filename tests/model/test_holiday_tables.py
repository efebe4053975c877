"""The packaged holiday tables say exactly what the holidays package says, or are not used."""

from __future__ import annotations

import datetime as dt
import re

import holidays
import pytest

from casestaff.model import dates

from ..conftest import REPO


def test_the_tables_were_made_by_the_installed_holidays() -> None:
    assert dates.installed_holidays_version() == holidays.__version__
    folder = dates.tables_folder_for(holidays.__version__)
    if not (folder / "VERSION").exists():
        # A new holidays release is not a failure: the tables are simply not used (correct, ~60 ms
        # slower). The skip reason, shown by -ra, says how to bring them up to date.
        assert not dates.packaged_tables_usable()
        pytest.skip(
            f"no holiday tables were made with holidays {holidays.__version__}, which is installed, so none are"
            " used; make them: python -c \"from casestaff.model import dates;"
            f" dates.write_holiday_tables(dates.tables_folder_for('{holidays.__version__}'))\""
        )
    assert dates.packaged_tables_usable() and dates.usable_tables_folder() == folder


def test_every_holidays_release_the_lock_installs_has_its_tables() -> None:
    """Python 3.10 installs an older holidays than 3.11 does (constraints.txt): each has its own
    tables, so neither loads the holidays package at every start."""
    pinned = re.findall(r"^holidays==([0-9.]+)", (REPO / "constraints.txt").read_text(encoding="utf-8"), re.M)
    assert len(pinned) >= 1
    for version in pinned:
        folder = dates.tables_folder_for(version)
        assert (folder / "VERSION").read_text(encoding="utf-8").strip() == version, version
        assert {p.stem for p in folder.glob("*.json")} == set(dates.US_STATES), version


@pytest.mark.parametrize("state", sorted(dates.US_STATES))
def test_every_table_equals_the_holidays_package(state: str) -> None:
    if not dates.packaged_tables_usable():
        pytest.skip("tables from another holidays version are not used")
    for year in dates.TABLE_YEARS:
        dates.holidays_in.cache_clear()
        assert dates.holidays_in(state, year) == dates.compute_holidays(state, year), (state, year)


def test_another_holidays_version_is_asked_directly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dates, "installed_holidays_version", lambda: "0.0-not-this-one")
    dates.usable_tables_folder.cache_clear()
    dates.holidays_in.cache_clear()
    calls = []
    real = dates.compute_holidays
    monkeypatch.setattr(dates, "compute_holidays", lambda s, y: calls.append((s, y)) or real(s, y))
    try:
        lincoln = dates.Workdays("IL").holiday(dt.date(2026, 2, 12))
        assert calls == [("IL", 2026)]
        assert lincoln and lincoln == real("IL", 2026)[dt.date(2026, 2, 12)]
    finally:
        dates.usable_tables_folder.cache_clear()
        dates.holidays_in.cache_clear()


def test_years_outside_the_tables_are_asked_directly() -> None:
    dates.holidays_in.cache_clear()
    for day in (dt.date(2040, 12, 25), dt.date(2019, 7, 4)):  # Christmas, Independence Day
        named = dates.Workdays("LA").holiday(day)
        assert named and named == dates.compute_holidays("LA", day.year)[day]
