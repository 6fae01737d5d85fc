"""Mark use (标志使用): what a holder reports, per certificate and year, about the 品字标 mark.

The certificate-management rules ask a body to report every year on its certificates and
on how their holders use the mark. A holder tells the body, for each certificate and year,
how many marks it printed or applied on each kind of use (on the product, its packaging, in
advertising, other), with a note; the body records it here (``certificates mark-use``),
each record in the event log, and the annual report and ``stats`` count them.

A record is refused (as data, nothing written) when the certificate is unknown, when it was
not in force at any time of that year (not yet issued, expired, or suspended, withdrawn or
cancelled the whole year: its holder could not use the mark), when the year is after the
body's current year, when the count is not a whole number of zero or more, or when the use
is not one of ``USES``. The same certificate, year and use is recorded once: a correction
replaces it with ``replace=True`` (the event keeps the earlier figures).

A holder's report on a certificate issued this year (``brandmark.demo.example_certificate``),
then a second report of the same use, refused:

>>> from brandmark.demo import example_certificate
>>> store, number = example_certificate()
>>> year = store.today().year
>>> record = store.mark_use.record(number, year=year, used_on="packaging", marks="12,000", by="王芳")
>>> record["used_on"], record["marks"]
('packaging', 12000)
>>> try:
...     store.mark_use.record(number, year=year, used_on="packaging", marks=500, by="王芳")
... except RefusedInput as refused:
...     refused.problems[0].code
'mark_use.already_recorded'
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from brandmark.certificates.mark_uses import FIRST_YEAR, MAX_MARKS, USES
from brandmark.errors import NotFound, RefusedInput
from brandmark.text import clean_text

if TYPE_CHECKING:
    from brandmark.store import Store


_COLUMNS = "m.id, m.number, m.year, m.used_on, m.marks, m.note, m.recorded_by, m.recorded_at"


def _count(value: Any) -> int:
    """A whole number of marks, zero or more (``"12,000"`` and ``12000.0`` are fine)."""
    if isinstance(value, bool):
        raise RefusedInput.of("mark_use.not_a_count", ("marks",), value=str(value))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "")
        if not text.lstrip("-").isdigit():
            raise RefusedInput.of("mark_use.not_a_count", ("marks",), value=value)
        value = int(text)
    if not isinstance(value, int):
        raise RefusedInput.of("mark_use.not_a_count", ("marks",), value=str(value))
    if value < 0:
        raise RefusedInput.of("mark_use.negative", ("marks",), value=value)
    if value > MAX_MARKS:
        raise RefusedInput.of("mark_use.too_many", ("marks",), value=value, limit=MAX_MARKS)
    return value


class MarkUse:
    def __init__(self, store: Store):
        self.store = store

    def in_force_days(self, number: str, year: int) -> int:
        """How many days of ``year`` the certificate was in force (issued, not expired, valid
        that day in the body's time zone): its holder may use the mark on those days only."""
        row = self.store.conn.execute("SELECT issued_on, expires_on FROM certificates WHERE number = ?",
                                      [number]).fetchone()
        if row is None:
            raise NotFound.of("mark_use.unknown_certificate", ("certificate",), number=number)
        first = max(dt.date(year, 1, 1), dt.date.fromisoformat(row[0]))
        last = min(dt.date(year, 12, 31), dt.date.fromisoformat(row[1]))
        if first > last:
            return 0
        zone = self.store.time_zone()
        # The status history as (local day it took effect, status), in order; issued valid.
        changes = [(dt.datetime.fromisoformat(at).astimezone(zone).date(), status) for at, status in
                   self.store.conn.execute("SELECT changed_at, status FROM certificate_status_changes "
                                           "WHERE number = ? ORDER BY id", [number])]
        days, day, status = 0, first, "valid"
        for changed_on, new_status in changes:
            if changed_on <= first:
                status = new_status
        pending = [(on, s) for on, s in changes if first < on <= last]
        for changed_on, new_status in pending + [(last + dt.timedelta(days=1), "")]:
            if status == "valid":
                days += (changed_on - day).days
            day, status = changed_on, new_status
        return days

    def record(self, number: str, *, year: int, used_on: str, marks: Any, note: str = "", by: str,
               replace: bool = False) -> dict[str, Any]:
        """Record (or with ``replace`` correct) the marks printed or applied on ``used_on``
        in ``year`` under certificate ``number``; returns the record."""
        number = clean_text(number, ("certificate",), required=True, max_length=100)
        by = clean_text(by, ("by",), required=True, max_length=100)
        note = clean_text(note or "", ("note",), max_length=500, multiline=True)
        if used_on not in USES:
            raise RefusedInput.of("mark_use.unknown_use", ("used_on",), value=used_on, choices=", ".join(USES))
        count = _count(marks)
        try:
            year = int(year)
        except (TypeError, ValueError):
            raise RefusedInput.of("mark_use.not_a_year", ("year",), value=str(year)) from None
        this_year = self.store.today().year
        if not FIRST_YEAR <= year <= this_year:
            raise RefusedInput.of("mark_use.year_out_of_range", ("year",), year=year, first=FIRST_YEAR,
                                  last=this_year)
        if self.in_force_days(number, year) == 0:
            raise RefusedInput.of("mark_use.not_in_force", ("year",), number=number, year=year)
        with self.store.atomic():
            earlier = self.store.conn.execute(
                "SELECT id, marks, note FROM mark_use WHERE number = ? AND year = ? AND used_on = ?",
                [number, year, used_on]).fetchone()
            if earlier is not None and not replace:
                raise RefusedInput.of("mark_use.already_recorded", ("used_on",), number=number, year=year,
                                      used_on=used_on, marks=earlier[1])
            values = {"marks": count, "note": note, "recorded_by": by, "recorded_at": self.store.now()}
            if earlier is None:
                cursor = self.store.conn.execute(
                    "INSERT INTO mark_use (number, year, used_on, marks, note, recorded_by, recorded_at) "
                    "VALUES (:number, :year, :used_on, :marks, :note, :recorded_by, :recorded_at)",
                    {"number": number, "year": year, "used_on": used_on, **values})
                record_id = int(cursor.lastrowid or 0)
            else:
                record_id = earlier[0]
                self.store.conn.execute(
                    "UPDATE mark_use SET marks = :marks, note = :note, recorded_by = :recorded_by, "
                    "recorded_at = :recorded_at WHERE id = :id", {"id": record_id, **values})
            details: dict[str, Any] = {"year": year, "used_on": used_on, "marks": count, "note": note}
            if earlier is not None:
                details["replaced"] = {"marks": earlier[1], "note": earlier[2]}
            self.store.events.record(by, "mark_use.replace" if earlier is not None else "mark_use.record",
                                     "certificate", number, details)
        return self.get(record_id)

    def get(self, record_id: int) -> dict[str, Any]:
        rows = self.list(record_id=record_id)
        if not rows:
            raise NotFound.of("mark_use.not_found", id=record_id)
        return rows[0]

    def list(self, *, number: str | None = None, year: int | None = None,
             record_id: int | None = None) -> list[dict[str, Any]]:
        """The records, newest year first, then by certificate and use; each with its holder."""
        where, params = ["1 = 1"], dict[str, Any]()
        if number:
            where.append("m.number = :number")
            params["number"] = str(number).strip()
        if year is not None:
            where.append("m.year = :year")
            params["year"] = int(year)
        if record_id is not None:
            where.append("m.id = :id")
            params["id"] = int(record_id)
        order = " ".join(f"WHEN '{use}' THEN {i}" for i, use in enumerate(USES))
        return [dict(row) for row in self.store.db.query(
            f"SELECT {_COLUMNS}, c.holder_name, c.scheme_id, c.product FROM mark_use m "
            f"JOIN certificates c ON c.number = m.number WHERE {' AND '.join(where)} "
            f"ORDER BY m.year DESC, m.number, CASE m.used_on {order} END", params)]
