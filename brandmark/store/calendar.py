"""The body's working calendar: ``chinesecalendar``'s mainland holidays and working weekends,
with the body's own days (``calendar_days``) and the years it declared complete
(``calendar_years``). See ``brandmark.workdays``."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from brandmark.errors import RefusedInput
from brandmark.text import clean_text
from brandmark.workdays import DAY_KINDS, WorkingCalendar, library_years

if TYPE_CHECKING:
    from collections.abc import Iterable

    from brandmark.errors import FieldPath
    from brandmark.store import Store


def parse_day(text: object, field: FieldPath = ("date",)) -> dt.date:
    if isinstance(text, dt.date):
        return text
    try:
        return dt.date.fromisoformat(str(text).strip())
    except ValueError:
        raise RefusedInput.of("calendar.not_a_date", field, value=str(text)) from None


class BodyCalendar:
    def __init__(self, store: Store) -> None:
        self.store = store

    def working(self) -> WorkingCalendar:
        """The calendar deadlines are counted on, as the register holds it now."""
        days = {dt.date.fromisoformat(day): kind
                for day, kind in self.store.conn.execute("SELECT day, kind FROM calendar_days")}
        years = [year for (year,) in self.store.conn.execute("SELECT year FROM calendar_years")]
        return WorkingCalendar(days, years)

    def days(self) -> list[dict[str, Any]]:
        return list(self.store.db.query("SELECT day, kind, note, added_by, added_at FROM calendar_days ORDER BY day"))

    def years(self) -> dict[str, Any]:
        return {"library": [library_years().start, library_years().stop - 1],
                "declared": list(self.store.db.query("SELECT year, note, added_by, added_at FROM calendar_years "
                                                     "ORDER BY year"))}

    def add(self, days: Iterable[object], kind: str = "closure", *, note: str = "",
            by: str = "") -> list[dict[str, Any]]:
        """Add (or replace) the body's own days: ``closure`` (closed on a day otherwise
        worked), or ``holiday`` / ``workday`` of a year's official schedule the package
        does not know yet."""
        if kind not in DAY_KINDS:
            raise RefusedInput.of("calendar.unknown_kind", ("kind",), kind=kind, choices=", ".join(DAY_KINDS))
        parsed = sorted({parse_day(day) for day in days})
        if not parsed:
            raise RefusedInput.of("calendar.no_days", ("date",))
        if kind != "closure":
            known = [d for d in parsed if d.year in library_years()]
            if known:
                raise RefusedInput.of("calendar.official_year", ("date",), date=known[0].isoformat(),
                                      year=known[0].year)
        note = clean_text(note or "", ("note",), max_length=200)
        with self.store.atomic():
            for day in parsed:
                self.store.db.table("calendar_days").upsert({"day": day.isoformat(), "kind": kind, "note": note,
                                                       "added_by": by or "", "added_at": self.store.now()},
                                                      pk="day")
            self.store.events.record(by, "calendar.add", "calendar", kind,
                                     {"days": [d.isoformat() for d in parsed], "note": note})
        return self.days()

    def remove(self, days: Iterable[object], *, by: str = "") -> list[dict[str, Any]]:
        parsed = sorted({parse_day(day) for day in days})
        with self.store.atomic():
            for day in parsed:
                if not self.store.conn.execute("SELECT 1 FROM calendar_days WHERE day = ?",
                                               [day.isoformat()]).fetchone():
                    raise RefusedInput.of("calendar.not_added", ("date",), date=day.isoformat())
                self.store.conn.execute("DELETE FROM calendar_days WHERE day = ?", [day.isoformat()])
            self.store.events.record(by, "calendar.remove", "calendar", "", {"days": [d.isoformat() for d in parsed]})
        return self.days()

    def declare_year(self, year: int, *, note: str = "", by: str = "") -> dict[str, Any]:
        """Declare that the body entered ``year``'s official holidays and working weekends."""
        if year in library_years():
            raise RefusedInput.of("calendar.official_year", ("year",), date=str(year), year=year)
        if not 2000 <= int(year) <= 2200:
            raise RefusedInput.of("calendar.bad_year", ("year",), year=year)
        with self.store.atomic():
            self.store.db.table("calendar_years").upsert({"year": int(year), "note": clean_text(note or "", ("note",),
                                                                                          max_length=200),
                                                    "added_by": by or "", "added_at": self.store.now()}, pk="year")
            self.store.events.record(by, "calendar.declare_year", "calendar", year, {})
        return self.years()
