"""A due date past the working calendar's data (chinesecalendar ends with the last year the
State Council published): counted Monday to Friday, marked provisional in the deadlines list
and the CLI, and replaced by the real date once the body declares the year."""

from __future__ import annotations

import datetime as dt
import json

import numpy

from brandmark.workdays import CLOSURE, WorkingCalendar, library_years
from support import refused_with
from test_deadlines import accepted, clock, made  # noqa: F401

NEXT = library_years().stop            # the first year the package does not know


def weekdays_after(start: dt.date, count: int) -> dt.date:
    """The count-th Monday-to-Friday day after start, by numpy's own business-day rule."""
    return numpy.busday_offset(start + dt.timedelta(days=1), count - 1, roll="forward").astype(dt.date)


def test_the_weekday_calendar_counts_an_uncovered_year_on_weekdays_and_the_bodys_own_days():
    cal = WorkingCalendar({dt.date(NEXT, 1, 6): CLOSURE})
    start = dt.date(NEXT, 1, 1)
    assert cal.weekdays_only().add_working_days(start, 20) == weekdays_after(start, 21)   # one closed day
    with refused_with("calendar.year_not_covered"):
        cal.add_working_days(start, 20)              # the strict calendar still refuses to guess


def test_the_90_working_day_clock_is_provisional_then_real(made, clock, tmp_path):
    clock.local_day(dt.date(NEXT - 1, 11, 30))
    accepted(made, tmp_path)
    strict = made.calendar.working()
    [row] = made.deadlines.list()
    # December on the official calendar, then Monday to Friday.
    last = dt.date(NEXT - 1, 12, 31)
    used = strict.working_days_between(dt.date(NEXT - 1, 11, 30), last)
    expected = weekdays_after(last, 90 - used)
    assert row["due_on"] == expected.isoformat()
    assert (row["provisional"], row["due_provisional"], row["problem"]) == (True, True, None)
    assert row["provisional_note"]["year"] == NEXT and str(NEXT) in row["provisional_note"]["message"]
    assert row["working_days_left"] == 90 and not row["overdue"]
    # The body enters the Spring Festival week as holidays and declares the year: five weekdays
    # fewer, so the real date is five weekdays later, and nothing is provisional any more.
    festival = [dt.date(NEXT, 2, 8) + dt.timedelta(days=n) for n in range(5)]
    assert all(day.weekday() < 5 for day in festival)
    made.calendar.add(festival, "holiday", note="春节（测试）", by="管理员")
    [still] = made.deadlines.list()
    assert still["provisional"] and still["due_on"] == weekdays_after(last, 90 - used + 5).isoformat()
    made.calendar.declare_year(NEXT, note="国务院办公厅放假安排（测试）", by="管理员")
    [real] = made.deadlines.list()
    assert (real["provisional"], real["provisional_note"]) == (False, None)
    assert real["due_on"] == weekdays_after(last, 90 - used + 5).isoformat()


def test_a_provisional_clock_can_be_overdue_and_filtered(made, clock, tmp_path):
    clock.local_day(dt.date(NEXT - 1, 11, 30))
    accepted(made, tmp_path)
    [row] = made.deadlines.list()
    due = dt.date.fromisoformat(row["due_on"])
    clock.local_day(due + dt.timedelta(days=7))
    [late] = made.deadlines.list(overdue=True)
    assert late["overdue"] and late["provisional"] and late["working_days_left"] == -5
    assert made.deadlines.list(within=3) == [late]


def test_the_cli_marks_provisional_dates(made, clock, tmp_path, capsys, monkeypatch):
    from brandmark.cli import main
    clock.local_day(dt.date(NEXT - 1, 11, 30))
    accepted(made, tmp_path)
    expected = made.deadlines.list()[0]["due_on"]
    db = made.path
    made.close()
    assert main(["--db", str(db), "deadlines", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)["deadlines"]
    assert (row["due_on"], row["provisional"], row["due_provisional"]) == (expected, True, True)
    assert row["provisional_note"]["code"] == "calendar.provisional"
    assert main(["--db", str(db), "deadlines"]) == 0
    line = capsys.readouterr().out
    assert f"{expected}*" in line and "provisional" in line and "暂定" in line
