"""The body's statistics, counted by SQLite: by scheme, region and industry; pass rate
and its trend by year; nonconformities by item and clause; certificates by status;
surveillance visits not yet made, due (today or later) and overdue, of certificates in force; median days from application to decision
(the assessment's creation to its decision; and, from the applications, receipt to
decision and acceptance to decision in calendar and in working days: the days the
deadlines of the packs are measured against).

``year`` limits assessments (and what follows from them) to those created that year;
``scheme`` to one scheme. Pass rate = granted (grant or conditional) / decided.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brandmark.store.certificates import _EFFECTIVE

if TYPE_CHECKING:
    from brandmark.store import Store


class Stats:
    def __init__(self, store: Store):
        self.store = store

    def _pairs(self, sql: str, params) -> list[list]:
        return [list(row) for row in self.store.conn.execute(sql, params)]

    def brand_index(self, *, as_of=None, scheme: str | None = None,
                    max_estimate_age_days: int | None = None) -> dict:
        """The brand development index per region and per scheme (``store/brand_index.py``)."""
        from brandmark.store.brand_index import brand_development_index
        return brand_development_index(self.store, as_of=as_of, scheme=scheme,
                                       max_estimate_age_days=max_estimate_age_days)

    def compute(self, *, year: int | None = None, scheme: str | None = None) -> dict:
        where, params = ["1 = 1"], {"today": self.store.today().isoformat()}
        if year is not None:
            where.append("substr(a.created_at, 1, 4) = :year")
            params["year"] = f"{int(year):04d}"
        if scheme:
            where.append("a.scheme_id = :scheme")
            params["scheme"] = scheme
        a_where = " AND ".join(where)
        c_where = a_where.replace("a.created_at", "c.issued_on").replace("a.scheme_id", "c.scheme_id")
        q = self._pairs
        out = {
            "applicants": {
                "total": self.store.conn.execute("SELECT count(*) FROM applicants").fetchone()[0],
                "by_region": q("SELECT coalesce(region, ''), count(*) FROM applicants GROUP BY 1 ORDER BY 2 DESC, 1", {}),
                "by_industry": q("SELECT industry, count(*) FROM applicants GROUP BY 1 ORDER BY 2 DESC, 1", {}),
            },
            "assessments": {
                "by_scheme": q(f"SELECT a.scheme_id, count(*) FROM assessments a WHERE {a_where} "
                               "GROUP BY 1 ORDER BY 2 DESC, 1", params),
                "by_region": q(f"SELECT coalesce(ap.region, ''), count(*) FROM assessments a JOIN applicants ap "
                               f"ON ap.id = a.applicant_id WHERE {a_where} GROUP BY 1 ORDER BY 2 DESC, 1", params),
                "by_industry": q(f"SELECT ap.industry, count(*) FROM assessments a JOIN applicants ap "
                                 f"ON ap.id = a.applicant_id WHERE {a_where} GROUP BY 1 ORDER BY 2 DESC, 1", params),
            },
            "pass_rate_by_year": [
                {"year": y, "decided": d, "granted": g, "rate": (g / d) if d else None}
                for y, d, g in self.store.conn.execute(
                    f"SELECT substr(dc.decided_at, 1, 4), count(*), "
                    f"sum(dc.decision IN ('grant', 'conditional')) FROM decisions dc "
                    f"JOIN assessments a ON a.id = dc.assessment_id WHERE {a_where} GROUP BY 1 ORDER BY 1", params)],
            "nonconformities": {
                "by_item": q(f"SELECT f.item_id, count(*) FROM findings f JOIN assessments a ON a.id = f.assessment_id "
                             f"WHERE f.status != 'withdrawn' AND {a_where} GROUP BY 1 ORDER BY 2 DESC, 1", params),
                "by_clause": q(f"SELECT f.clause, count(*) FROM findings f JOIN assessments a ON a.id = f.assessment_id "
                               f"WHERE f.status != 'withdrawn' AND {a_where} GROUP BY 1 ORDER BY 2 DESC, 1", params),
            },
            "certificates": {
                "by_status": q(f"SELECT {_EFFECTIVE}, count(*) FROM certificates c WHERE {c_where} "
                               "GROUP BY 1 ORDER BY 2 DESC, 1", params),
                "by_scheme": q(f"SELECT c.scheme_id, count(*) FROM certificates c WHERE {c_where} "
                               "GROUP BY 1 ORDER BY 2 DESC, 1", params),
            },
            "surveillance": dict(zip(("due", "overdue"), self.store.conn.execute(
                "SELECT coalesce(sum(s.due_on >= :today), 0), coalesce(sum(s.due_on < :today), 0) FROM surveillance s "
                "JOIN certificates c ON c.number = s.number WHERE s.done_on IS NULL "
                "AND c.status IN ('valid', 'suspended')", params).fetchone())),
        }
        days = self.store.conn.execute(
            f"SELECT julianday(substr(dc.decided_at, 1, 10)) - julianday(substr(a.created_at, 1, 10)) AS d "
            f"FROM decisions dc JOIN assessments a ON a.id = dc.assessment_id WHERE {a_where} ORDER BY d",
            params).fetchall()
        out["median_days_to_decision"] = _median([d for (d,) in days])
        out.update(self._days_taken(a_where.replace("a.", "x."), params))
        out["brand_index"] = self.brand_index(as_of=self._year_end(year), scheme=scheme)
        return out

    def _year_end(self, year: int | None):
        """The day a year's figures stand on: its last day, or today while the year runs."""
        import datetime as dt
        today = self.store.today()
        return today if year is None else min(today, dt.date(int(year), 12, 31))

    def _days_taken(self, where: str, params: dict) -> dict:
        """Median days from an application's receipt and from its acceptance to the decision."""
        import datetime as dt

        from brandmark.errors import RefusedInput
        zone = self.store.time_zone()
        calendar = self.store.calendar.working()
        received, accepted, working = [], [], []
        for received_on, accepted_on, decided_at in self.store.conn.execute(
                "SELECT ap.received_on, ap.accepted_on, dc.decided_at FROM applications ap "
                "JOIN assessments x ON x.id = ap.assessment_id JOIN decisions dc ON dc.assessment_id = x.id "
                f"WHERE ap.accepted_on IS NOT NULL AND {where}", params):
            decided = dt.datetime.fromisoformat(decided_at).astimezone(zone).date()
            received.append((decided - dt.date.fromisoformat(received_on)).days)
            start = dt.date.fromisoformat(accepted_on)
            accepted.append((decided - start).days)
            try:
                working.append(calendar.working_days_between(start, decided))
            except RefusedInput:
                pass      # a year the calendar does not cover: not counted, never guessed
        return {"median_days_application_to_decision": _median(sorted(received)),
                "median_days_acceptance_to_decision": _median(sorted(accepted)),
                "median_working_days_acceptance_to_decision": _median(sorted(working)),
                "decisions_timed": len(accepted)}


def _median(values: list):
    """The median of sorted ``values`` (None when there are none).

    >>> _median([1, 3, 10]), _median([1, 3]), _median([])
    (3, 2.0, None)
    """
    n = len(values)
    return None if not n else values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2
