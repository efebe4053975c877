"""The overview's parts that the command line does not show one by one: which days the trend
replays, and chart geometry that is proportional to the counts."""

from __future__ import annotations

import datetime as dt

from casestaff.documents.report import Tally, TrendPoint, bar_chart, line_chart, week_ends


def test_weeks_end_on_the_as_of_day_and_go_back_a_week_at_a_time():
    assert week_ends(dt.date(2026, 12, 1), 3) == (dt.date(2026, 11, 17), dt.date(2026, 11, 24), dt.date(2026, 12, 1))
    assert week_ends(dt.date(2026, 3, 1), 1) == (dt.date(2026, 3, 1),)


def test_bars_are_as_long_as_their_counts_and_an_empty_caseload_draws_nothing():
    chart = bar_chart([Tally("KM", 4, 1, 6), Tally("TB", 2, 2, 2), Tally("(no worker)", 0, 0, 1)])
    assert [b.width for b in chart.bars] == [4 * chart.scale, 2 * chart.scale, 0]
    assert [b.overdue_width for b in chart.bars] == [chart.scale, 2 * chart.scale, 0]
    assert max(b.width for b in chart.bars) + chart.left < chart.width  # the label after it fits
    assert bar_chart([]).bars == () and bar_chart([Tally("KM", 0, 0, 3)]).scale == 0


def test_the_trend_line_puts_higher_counts_higher():
    days = week_ends(dt.date(2026, 12, 1), 3)
    chart = line_chart([TrendPoint(days[0], 2), TrendPoint(days[1], 0), TrendPoint(days[2], 4)])
    ys = [p.y for p in chart.points]
    assert ys[1] == chart.bottom and ys[2] < ys[0] < ys[1]
    assert chart.bottom - ys[0] == (chart.bottom - ys[2]) / 2
    assert [p.x for p in chart.points] == sorted(p.x for p in chart.points)
    flat = line_chart([TrendPoint(days[0], 0), TrendPoint(days[1], 0)])
    assert {p.y for p in flat.points} == {flat.bottom}
