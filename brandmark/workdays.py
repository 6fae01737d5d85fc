"""Working days on the mainland China calendar (认证时限 count in working days).

The State Council's public holidays and its adjusted working weekends (调休) come from
the ``chinesecalendar`` package, whose data ships with its wheel and covers the years it
names (``library_years``). A body may add its own closure days, and for a year the
package does not yet know it may enter that year's official schedule itself (holidays
and working weekends) and declare the year covered. A date in a year that is covered by
neither is refused (``calendar.year_not_covered``), never silently guessed from weekdays;
``weekdays_only()`` gives the calendar that counts such a year on weekdays (with the body's
own days) for an answer the caller marks provisional (the deadlines list does).

A limit of N working days from a day ends on the N-th working day after it (the start
day does not count):

>>> cal = WorkingCalendar()
>>> cal.add_working_days(dt.date(2025, 9, 30), 1)       # National Day week: 1-8 October off
datetime.date(2025, 10, 9)
>>> cal.working_days_between(dt.date(2025, 9, 26), dt.date(2025, 9, 29))  # Sunday 28 Sept. is worked
2
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import chinese_calendar

from brandmark.errors import RefusedInput

CLOSURE, HOLIDAY, WORKDAY = "closure", "holiday", "workday"
DAY_KINDS = (CLOSURE, HOLIDAY, WORKDAY)


def library_years() -> range:
    """The years ``chinesecalendar``'s data covers."""
    days = list(chinese_calendar.holidays) + list(chinese_calendar.workdays)
    return range(min(days).year, max(days).year + 1)


class WorkingCalendar:
    """The calendar with the body's own days: ``days`` maps a date to ``closure`` (the body
    is closed on a day that is otherwise worked), ``holiday`` or ``workday`` (a year's
    official schedule entered by the body); ``years`` are the years the body declared
    complete."""

    def __init__(self, days: Mapping[dt.date, str] | None = None, years: Iterable[int] = (), *,
                 provisional: bool = False):
        self.days = dict(days or {})
        self.years = set(years)
        self.provisional = provisional
        self._library = library_years()

    def weekdays_only(self) -> WorkingCalendar:
        """The same calendar, counting a year it does not cover on Monday to Friday (the body's
        own days still count): what a provisional date is counted on until the year is declared.

        >>> cal = WorkingCalendar({dt.date(2031, 1, 2): CLOSURE})
        >>> cal.weekdays_only().add_working_days(dt.date(2030, 12, 31), 2)   # 1 Jan counted, 2 Jan closed
        datetime.date(2031, 1, 3)
        """
        return WorkingCalendar(self.days, self.years, provisional=True)

    def covers(self, year: int) -> bool:
        return year in self._library or year in self.years

    def covered_years(self) -> list[int]:
        return sorted(set(self._library) | self.years)

    def refuse_if_not_covered(self, day: dt.date) -> None:
        if not self.covers(day.year):
            raise RefusedInput.of(
                "calendar.year_not_covered", ("date",), date=day.isoformat(), year=day.year,
                first=self._library.start, last=self._library.stop - 1,
                declared=", ".join(str(y) for y in sorted(self.years)) or "—")

    def is_working_day(self, day: dt.date) -> bool:
        if not self.provisional:
            self.refuse_if_not_covered(day)
        own = self.days.get(day)
        if own == CLOSURE or own == HOLIDAY:
            return False
        if own == WORKDAY:
            return True
        if day.year in self._library:
            # chinese_calendar.is_workday's own rule, read from its tables: the function first
            # scans every holiday for the covered years on each call (90 µs a day), and the
            # statistics judge thousands of days (the year is checked above).
            return day in chinese_calendar.workdays or (day.weekday() < 5 and day not in chinese_calendar.holidays)
        return day.weekday() < 5       # a body-declared year: weekdays unless entered otherwise

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The ``count``-th working day after ``start`` (``count`` ≥ 0; 0 gives ``start``)."""
        day = start
        while count > 0:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                count -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]; negative when ``end`` is before ``start``."""
        if end < start:
            return -self.working_days_between(end, start)
        total, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            total += self.is_working_day(day)
        return total

    def due(self, start: dt.date, days: int, unit: str) -> dt.date:
        """The last day of a limit of ``days`` working (or calendar) days from ``start``."""
        if unit == "calendar":
            return start + dt.timedelta(days=days)
        return self.add_working_days(start, days)
