"""Working days on the mainland China calendar (issue 16 §2): holidays, adjusted working
weekends, the body's closure days, and a year the data does not cover."""

from __future__ import annotations

import datetime as dt

import pytest

from brandmark.errors import RefusedInput
from brandmark.workdays import WorkingCalendar, library_years

D = dt.date


def test_spring_festival_2026_with_its_working_saturday():
    cal = WorkingCalendar()
    # Received Thursday 12 February 2026: Friday 13 and the adjusted working Saturday 14
    # count, 15-23 February are the Spring Festival holiday.
    assert cal.is_working_day(D(2026, 2, 14))               # a Saturday, worked (调休)
    assert not any(cal.is_working_day(D(2026, 2, day)) for day in range(15, 24))
    assert cal.add_working_days(D(2026, 2, 12), 5) == D(2026, 2, 26)
    assert cal.working_days_between(D(2026, 2, 12), D(2026, 2, 26)) == 5
    # Counting weekdays only would have said 19 February, in the middle of the holiday.
    assert D(2026, 2, 12) + dt.timedelta(days=7) == D(2026, 2, 19)


def test_spring_festival_2025_working_sunday():
    cal = WorkingCalendar()
    assert cal.is_working_day(D(2025, 1, 26))                # Sunday, worked
    assert not cal.is_working_day(D(2025, 1, 28))            # 除夕
    assert cal.add_working_days(D(2025, 1, 24), 2) == D(2025, 1, 27)
    assert cal.add_working_days(D(2025, 1, 27), 1) == D(2025, 2, 5)


def test_national_day_week_2025():
    cal = WorkingCalendar()
    # Friday 26 September 2025: Sunday 28 September is worked, 1-8 October are off.
    assert cal.add_working_days(D(2025, 9, 26), 5) == D(2025, 10, 10)
    assert cal.is_working_day(D(2025, 10, 11))               # Saturday after the holiday, worked
    assert cal.add_working_days(D(2025, 9, 26), 6) == D(2025, 10, 11)
    assert cal.working_days_between(D(2025, 9, 30), D(2025, 10, 9)) == 1
    assert cal.working_days_between(D(2025, 10, 9), D(2025, 9, 30)) == -1


def test_the_bodys_closure_day_is_not_worked():
    cal = WorkingCalendar({D(2026, 3, 4): "closure"})
    assert cal.add_working_days(D(2026, 3, 2), 2) == D(2026, 3, 5)
    assert WorkingCalendar().add_working_days(D(2026, 3, 2), 2) == D(2026, 3, 4)


def test_a_year_without_data_is_refused_not_guessed():
    last = library_years().stop - 1
    cal = WorkingCalendar()
    with pytest.raises(RefusedInput) as refused:
        cal.is_working_day(D(last + 1, 1, 4))
    assert refused.value.problems[0].code == "calendar.year_not_covered"
    assert refused.value.problems[0].params["year"] == last + 1
    with pytest.raises(RefusedInput):
        cal.add_working_days(D(last, 12, 28), 10)


def test_a_year_the_body_entered_counts_weekdays_and_its_own_days():
    last = library_years().stop - 1
    year = last + 1
    first_monday = next(D(year, 1, d) for d in range(1, 8) if D(year, 1, d).weekday() == 0)
    cal = WorkingCalendar({first_monday: "holiday", first_monday - dt.timedelta(days=1): "workday"}, years=[year])
    assert cal.covers(year)
    assert cal.is_working_day(first_monday - dt.timedelta(days=1))       # a Sunday entered as worked
    assert not cal.is_working_day(first_monday)
    assert cal.add_working_days(first_monday, 1) == first_monday + dt.timedelta(days=1)


def test_calendar_days_due_dates():
    cal = WorkingCalendar()
    assert cal.due(D(2026, 2, 12), 5, "working") == D(2026, 2, 26)
    assert cal.due(D(2026, 2, 12), 5, "calendar") == D(2026, 2, 17)
