"""The body's statistics, counted by SQLite: by scheme, region and industry; pass rate
and its trend by year; nonconformities by item and clause; certificates by status;
surveillance visits not yet made, due (today or later) and overdue, of certificates in force; median days from application to decision.

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
        n = len(days)
        out["median_days_to_decision"] = (None if not n else days[n // 2][0] if n % 2
                                          else (days[n // 2 - 1][0] + days[n // 2][0]) / 2)
        return out
