"""The body's statistics, counted by SQLite (``docs/statistics.md`` lists every figure).

Applicants, assessments and certificates by scheme, region (the 11 cities and outside
Zhejiang, every one listed, zeros included) and industry; the pass rate (granted / decided)
overall, by year of decision, by region, industry and scheme; nonconformities by item and
by clause, failed product tests by item (most frequent first); certificates by status;
surveillance visits not yet made of certificates in force, due (today or later) and
overdue; median days from application to decision (the assessment's creation to its
decision; and, from the applications, receipt to decision and acceptance to decision in
calendar and in working days: the days the deadlines of the packs are measured against);
the brand development index (``store/brand_index.py``); the mark use holders reported
(``store/mark_use.py``), by use.

``year`` limits assessments (and what follows from them: decisions, findings, answers) to
those created that year, certificates to those issued that year, and gives the brand
development index as it stood at the year's end, and the mark use to that year's;
``scheme`` limits everything to one scheme. Pass rate = granted (grant or conditional) / decided.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from brandmark.regions import REGIONS
from brandmark.store.certificate_status import EFFECTIVE_STATUS as _EFFECTIVE

# ``scoring.encoding``'s answer codes of a product test, written here because importing it
# loads the pack model (a read command's start-up); test_stats_figures checks they agree.
TEST_PASS, TEST_FAIL = 2, 3

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from brandmark.store import Store
    from brandmark.workdays import WorkingCalendar

GRANTED = "('grant', 'conditional')"


def by_region(pairs: list[list[Any]]) -> list[list[Any]]:
    """Counts per region in the fixed order of ``REGIONS`` (zeros kept), no region ('') last
    when there is any: the same bars in the same places every time.

    >>> by_region([["ningbo", 3], ["", 1]])[:3], by_region([["", 1]])[-1]
    ([['hangzhou', 0], ['ningbo', 3], ['wenzhou', 0]], ['', 1])
    """
    counts = {key or "": n for key, n in pairs}
    out = [[key, counts.get(key, 0)] for key in REGIONS]
    out += [[key, n] for key, n in sorted(counts.items()) if key not in REGIONS and n]
    return out


def _rates(rows: Iterable[Sequence[Any]]) -> list[dict[str, Any]]:
    return [{"key": key, "decided": decided, "granted": granted, "rate": (granted / decided) if decided else None}
            for key, decided, granted in rows]


def _most_first(rows: list[list[Any]]) -> list[list[Any]]:
    """Rows ``[key, count, ...]`` the most frequent first, ties by key (None as '')."""
    return sorted(rows, key=lambda row: (-(row[1] or 0), "" if row[0] is None else str(row[0])))


class Stats:
    def __init__(self, store: Store):
        self.store = store
        self._items: list[tuple[str, str, list[tuple[str, str, str, str]]]] | None = None

    def brand_index(self, *, as_of: dt.date | None = None, scheme: str | None = None,
                    max_estimate_age_days: int | None = None) -> dict[str, Any]:
        """The brand development index per region and per scheme (``store/brand_index.py``)."""
        from brandmark.store.brand_index import brand_development_index
        return brand_development_index(self.store, as_of=as_of, scheme=scheme,
                                       max_estimate_age_days=max_estimate_age_days)

    def years(self) -> list[int]:
        """The years the register holds work of (assessments created, certificates issued), newest first."""
        return [int(y) for (y,) in self.store.conn.execute(
            "SELECT substr(created_at, 1, 4) AS y FROM assessments UNION SELECT substr(issued_on, 1, 4) "
            "FROM certificates ORDER BY y DESC") if y and y.isdigit()]

    def _groupings(self, source: str, arms: dict[str, tuple[str, tuple[str, ...], str]],
                   params: dict[str, Any]) -> dict[str, list[list[Any]]]:
        """Several GROUP BYs over one source in one statement: ``source`` (a SELECT, usually
        already a cross-tab of the keys) is read once into a materialised CTE ``x``, then
        grouped by each arm (name → key expression, measure expressions, filter over ``x``). Returns
        name → rows ``[key, measure...]``, most frequent first."""
        # UNION ALL wants as many columns in every arm: the shorter ones are padded with NULL.
        widths = {name: len(measures) for name, (_key, measures, _where) in arms.items()}
        pad = {name: ", NULL" * (max(widths.values()) - width) for name, width in widths.items()}
        sql = " UNION ALL ".join(
            f"SELECT * FROM (SELECT '{name}' AS grouping, {key} AS key, {', '.join(measures)}{pad[name]} FROM x {where} "
            "GROUP BY 2)"
            for name, (key, measures, where) in arms.items())
        out: dict[str, list[list[Any]]] = {name: [] for name in arms}
        for grouping, key, *measures in self.store.conn.execute(f"WITH x AS MATERIALIZED ({source}) {sql}", params):
            out[grouping].append([key, *measures[:widths[grouping]]])
        return {name: _most_first(rows) for name, rows in out.items()}

    def compute(self, *, year: int | None = None, scheme: str | None = None) -> dict[str, Any]:
        self._items = None          # packs stored since the last call count too
        today = self.store.today()
        where, params = ["1 = 1"], {"today": today.isoformat()}
        if year is not None:
            where.append("substr(a.created_at, 1, 4) = :year")
            params["year"] = f"{int(year):04d}"
        if scheme:
            where.append("a.scheme_id = :scheme")
            params["scheme"] = scheme
        a_where = " AND ".join(where)
        c_where = a_where.replace("a.created_at", "c.issued_on").replace("a.scheme_id", "c.scheme_id")
        g = self._groupings

        def counts(measure: str, **keys: str) -> dict[str, tuple[str, tuple[str, ...], str]]:
            return {name: (key, (measure,), "") for name, key in keys.items()}

        # Each register is read once, into a cross-tab of the keys its figures group by (a few
        # thousand rows at most), and every figure is a sum over that cross-tab.
        # Grouped by the bare columns, so SQLite reads the (region, industry) index in order.
        applicants = g("SELECT coalesce(region, '') AS region, industry, n FROM (SELECT region, industry, count(*) AS n "
                       "FROM applicants GROUP BY region, industry)",
                       counts("sum(n)", total="''", by_region="region", by_industry="industry"), {})
        # Assessments with their decision (one at most): one join with the applicants for both.
        work = g("SELECT a.scheme_id, coalesce(ap.region, '') AS region, ap.industry, substr(dc.decided_at, 1, 4) AS year, "
                 f"count(*) AS n, count(dc.assessment_id) AS decided, sum(dc.decision IN {GRANTED}) AS granted "
                 "FROM assessments a JOIN applicants ap ON ap.id = a.applicant_id "
                 f"LEFT JOIN decisions dc ON dc.assessment_id = a.id WHERE {a_where} GROUP BY 1, 2, 3, 4",
                 {**counts("sum(n)", total="''", by_scheme="scheme_id", by_region="region", by_industry="industry"),
                  **{f"decided_{name}": (key, ("sum(decided)", "sum(granted)"), "WHERE year IS NOT NULL")
                     for name, key in (("total", "''"), ("year", "year"), ("region", "region"),
                                       ("industry", "industry"), ("scheme", "scheme_id"))}}, params)
        applicants_by_scheme = _most_first([list(row) for row in self.store.conn.execute(
            f"SELECT a.scheme_id, count(DISTINCT a.applicant_id) FROM assessments a WHERE {a_where} GROUP BY 1",
            params)])
        findings = g("SELECT f.item_id, f.clause FROM findings f JOIN assessments a ON a.id = f.assessment_id "
                     f"WHERE f.status != 'withdrawn' AND {a_where}",
                     counts("count(*)", by_item="item_id", by_clause="clause"), params)
        certificates = g(f"SELECT {_EFFECTIVE} AS status, c.scheme_id, coalesce(ap.region, '') AS region, ap.industry, "
                         "count(*) AS n FROM certificates c JOIN applicants ap ON ap.id = c.applicant_id "
                         f"WHERE {c_where} GROUP BY 1, 2, 3, 4",
                         counts("sum(n)", total="''", by_status="status", by_scheme="scheme_id", by_region="region",
                                by_industry="industry"), params)

        def total(rows: list[list[Any]]) -> int:
            return rows[0][1] if rows else 0

        rates_by_region = {key: (d, n) for key, d, n in work["decided_region"]}
        decided_total = work["decided_total"][0][1:] if work["decided_total"] else (0, 0)
        out: dict[str, Any] = {
            "filters": {"year": year, "scheme": scheme or None, "today": today.isoformat()},
            "applicants": {"total": total(applicants["total"]), "by_region": by_region(applicants["by_region"]),
                           "by_industry": applicants["by_industry"], "by_scheme": applicants_by_scheme},
            "assessments": {"total": total(work["total"]), "by_scheme": work["by_scheme"],
                            "by_region": by_region(work["by_region"]), "by_industry": work["by_industry"]},
            "pass_rate": _rates([("", *decided_total)])[0],
            "pass_rate_by_year": [{"year": row["key"], **{k: row[k] for k in ("decided", "granted", "rate")}}
                                  for row in _rates(sorted(work["decided_year"]))],
            "pass_rate_by_region": _rates((key, *rates_by_region.get(key, (0, 0)))
                                          for key in list(REGIONS) + sorted(set(rates_by_region) - set(REGIONS))),
            "pass_rate_by_industry": _rates(work["decided_industry"]),
            "pass_rate_by_scheme": _rates(sorted(work["decided_scheme"])),
            "nonconformities": findings,
            "failed_tests": self._failed_tests(a_where, params),
            "certificates": {"total": total(certificates["total"]), "by_status": certificates["by_status"],
                             "by_scheme": certificates["by_scheme"], "by_region": by_region(certificates["by_region"]),
                             "by_industry": certificates["by_industry"]},
            "surveillance": self._surveillance(year, scheme, today),
            "mark_use": self._mark_use(year, scheme),
        }
        # The median from the spans' histogram: a few hundred distinct spans, not every decision.
        days = self.store.conn.execute(
            "SELECT julianday(substr(dc.decided_at, 1, 10)) - julianday(substr(a.created_at, 1, 10)) AS d, count(*) "
            f"FROM decisions dc JOIN assessments a ON a.id = dc.assessment_id WHERE {a_where} GROUP BY 1 ORDER BY 1",
            params).fetchall()
        out["median_days_to_decision"] = _histogram_median(days)
        out.update(self._days_taken(a_where.replace("a.", "x."), params))
        out["brand_index"] = self.brand_index(as_of=self._year_end(year), scheme=scheme)
        out["item_titles"] = self._item_titles(
            {key for key, _n in out["nonconformities"]["by_item"]} | {key for key, _n in out["failed_tests"]["by_item"]})
        return out

    def _item_index(self) -> list[tuple[str, str, list[tuple[str, str, str, str]]]]:
        """Every stored pack version, newest stored first, with its items ``(id, kind, title,
        title_en)``: from ``pack_items`` (schema step 23), or parsed when it has none for the
        stored content (a row stored without them), so the figures never depend on the cache."""
        if self._items is None:
            rows: dict[tuple[str, str], list[tuple[str, str, str, str]]] = {}
            for scheme_id, version, item_id, kind, title, title_en in self.store.conn.execute(
                    "SELECT p.scheme_id, p.scheme_version, p.item_id, p.kind, p.title, p.title_en "
                    "FROM pack_items p JOIN schemes s ON s.id = p.scheme_id AND s.version = p.scheme_version "
                    "AND s.hash = p.pack_hash"):
                rows.setdefault((scheme_id, version), []).append((item_id, kind, title, title_en))
            packs = []
            for scheme_id, version in self.store.conn.execute(
                    "SELECT id, version FROM schemes ORDER BY imported_at DESC, rowid DESC"):
                items = rows.get((scheme_id, version))
                if items is None:
                    items = [(item.id, item.kind, item.title, getattr(item, "title_en", "") or "")
                             for item in self.store.schemes.get(scheme_id, version).items()]
                packs.append((scheme_id, version, items))
            self._items = packs
        return self._items

    def _test_items(self) -> list[tuple[str, str, list[str]]]:
        """Every stored pack version with its test items' ids."""
        out = []
        for scheme_id, version, items in sorted(self._item_index(), key=lambda pack: pack[:2]):
            ids = [item_id for item_id, kind, _title, _title_en in items if kind == "test"]
            if ids:
                out.append((scheme_id, version, ids))
        return out

    def _failed_tests(self, a_where: str, params: dict[str, Any]) -> dict[str, Any]:
        """Product test items whose recorded measurement fails its limit (GB/T 8170), by item;
        and how many assessments hold a failed test out of those holding a measured one.

        Which items are tests is pack data: each stored pack version's test item ids go in
        as a JSON list, and an answer counts when its assessment's pack version lists it."""
        test_params: dict[str, Any] = dict(params, fail=TEST_FAIL, measured=TEST_PASS)
        arms = []
        for number, (scheme_id, version, item_ids) in enumerate(self._test_items()):
            test_params.update({f"s{number}": scheme_id, f"v{number}": version, f"t{number}": json.dumps(item_ids)})
            arms.append(f"SELECT :s{number}, :v{number}, value FROM json_each(:t{number})")
        if not arms:
            return {"by_item": [], "assessments_measured": 0, "assessments_failing": 0}
        # One pass over the measured test answers of the assessments the filters keep.
        by_item, measured, failing = [], 0, 0
        for kind, key, count, failing_count in self.store.conn.execute(
                f"WITH tests(scheme_id, scheme_version, item_id) AS MATERIALIZED ({' UNION ALL '.join(arms)}), "
                "measured AS MATERIALIZED (SELECT n.assessment_id, n.item_id, n.code FROM assessments a "
                "JOIN answers n ON n.assessment_id = a.id JOIN tests t ON t.scheme_id = a.scheme_id "
                f"AND t.scheme_version = a.scheme_version AND t.item_id = n.item_id WHERE n.code >= :measured "
                f"AND {a_where}) "
                "SELECT * FROM (SELECT 0, item_id, count(*), NULL FROM measured WHERE code = :fail "
                "GROUP BY item_id ORDER BY 3 DESC, 2) UNION ALL SELECT 1, NULL, count(DISTINCT assessment_id), "
                "count(DISTINCT CASE WHEN code = :fail THEN assessment_id END) FROM measured", test_params):
            if kind == 0:
                by_item.append([key, count])
            else:
                measured, failing = count, failing_count
        return {"by_item": by_item, "assessments_measured": measured, "assessments_failing": failing}

    def _mark_use(self, year: int | None, scheme: str | None) -> dict[str, Any]:
        """The mark use holders reported (``store/mark_use.py``): marks printed or applied, the
        records, the certificates and holders reporting; by use. ``year`` is the year of use."""
        params = {"year": None if year is None else int(year), "scheme": scheme or None}
        grouped = self._groupings(
            "SELECT m.used_on, m.marks, m.number, c.applicant_id FROM mark_use m "
            "JOIN certificates c ON c.number = m.number WHERE (:year IS NULL OR m.year = :year) "
            "AND (:scheme IS NULL OR c.scheme_id = :scheme)",
            {"total": ("''", ("sum(marks)", "count(*)", "count(DISTINCT number)", "count(DISTINCT applicant_id)"), ""),
             "by_use": ("used_on", ("sum(marks)", "count(DISTINCT number)"), "")}, params)
        marks, records, certificates, holders = grouped["total"][0][1:] if grouped["total"] else (0, 0, 0, 0)
        return {"marks": marks, "records": records, "certificates": certificates, "holders": holders,
                "by_use": grouped["by_use"]}

    def _surveillance(self, year: int | None, scheme: str | None, today: dt.date) -> dict[str, Any]:
        """Open visits of certificates in force (valid or suspended, not expired): due today or
        later, and overdue; with a year, the visits due in it and those made in it."""
        params: dict[str, Any] = {"today": today.isoformat(), "scheme": scheme or None}
        of_scheme = "(:scheme IS NULL OR c.scheme_id = :scheme)"
        due, overdue = self.store.conn.execute(
            "SELECT coalesce(sum(s.due_on >= :today), 0), coalesce(sum(s.due_on < :today), 0) FROM surveillance s "
            f"JOIN certificates c ON c.number = s.number WHERE s.done_on IS NULL "
            f"AND {_EFFECTIVE} IN ('valid', 'suspended') AND {of_scheme}", params).fetchone()
        out = {"due": due, "overdue": overdue}
        if year is not None:
            params["year"] = f"{int(year):04d}"
            out["due_in_year"], out["made_in_year"] = self.store.conn.execute(
                "SELECT coalesce(sum(substr(s.due_on, 1, 4) = :year), 0), "
                "coalesce(sum(substr(s.done_on, 1, 4) = :year), 0) FROM surveillance s "
                f"JOIN certificates c ON c.number = s.number WHERE {of_scheme}", params).fetchone()
        return out

    def _item_titles(self, item_ids: set[str]) -> dict[str, list[str]]:
        """Each item id's title and English title, from the newest stored pack that has it."""
        titles: dict[str, list[str]] = {}
        for _scheme_id, _version, items in self._item_index():
            if len(titles) == len(item_ids):
                break
            for item_id, _kind, title, title_en in items:
                if item_id in item_ids and item_id not in titles:
                    titles[item_id] = [title, title_en]
        return titles

    def _year_end(self, year: int | None) -> dt.date:
        """The day a year's figures stand on: its last day, or today while the year runs."""
        today = self.store.today()
        return today if year is None else min(today, dt.date(int(year), 12, 31))

    def _days_taken(self, where: str, params: dict[str, Any]) -> dict[str, Any]:
        """Median days from an application's receipt and from its acceptance to the decision."""
        zone = self.store.time_zone()
        received, accepted, spans = [], [], []
        for received_on, accepted_on, decided_at in self.store.conn.execute(
                "SELECT ap.received_on, ap.accepted_on, dc.decided_at FROM applications ap "
                "JOIN assessments x ON x.id = ap.assessment_id JOIN decisions dc ON dc.assessment_id = x.id "
                f"WHERE ap.accepted_on IS NOT NULL AND {where}", params):
            decided = dt.datetime.fromisoformat(decided_at).astimezone(zone).date()
            received.append((decided - dt.date.fromisoformat(received_on)).days)
            start = dt.date.fromisoformat(accepted_on)
            accepted.append((decided - start).days)
            spans.append((start, decided))
        working = WorkingDayCounts(self.store.calendar.working(), spans)
        counted = [n for n in (working.between(start, end) for start, end in spans) if n is not None]
        return {"median_days_application_to_decision": _median(sorted(received)),
                "median_days_acceptance_to_decision": _median(sorted(accepted)),
                "median_working_days_acceptance_to_decision": _median(sorted(counted)),
                "decisions_timed": len(accepted)}


class WorkingDayCounts:
    """Working days between many pairs of dates, each day of their range judged once.

    The same count as ``WorkingCalendar.working_days_between`` (days in (start, end]); a
    span crossing a day the calendar does not cover gives None (not counted, never guessed).
    Thousands of decisions share a few years of days, so the days are judged once and
    summed by prefix.

    >>> from brandmark.workdays import WorkingCalendar
    >>> counts = WorkingDayCounts(WorkingCalendar(), [(dt.date(2025, 9, 26), dt.date(2025, 10, 9))])
    >>> counts.between(dt.date(2025, 9, 26), dt.date(2025, 10, 9)), counts.between(dt.date(2025, 9, 29), dt.date(2025, 9, 26))
    (4, -2)
    >>> WorkingCalendar().working_days_between(dt.date(2025, 9, 26), dt.date(2025, 10, 9))
    4
    """

    def __init__(self, calendar: WorkingCalendar, spans: list[tuple[dt.date, dt.date]]):
        from brandmark.errors import RefusedInput

        self.first = min((min(a, b) for a, b in spans), default=dt.date.today())
        last = max((max(a, b) for a, b in spans), default=self.first)
        self.working, self.uncovered = [0], [0]      # prefix counts over the days after ``first``
        day = self.first
        while day < last:
            day += dt.timedelta(days=1)
            try:
                works, missing = calendar.is_working_day(day), 0
            except RefusedInput:
                works, missing = False, 1
            self.working.append(self.working[-1] + works)
            self.uncovered.append(self.uncovered[-1] + missing)

    def between(self, start: dt.date, end: dt.date) -> int | None:
        if end < start:
            back = self.between(end, start)
            return None if back is None else -back
        a, b = (start - self.first).days, (end - self.first).days
        if self.uncovered[b] - self.uncovered[a]:
            return None
        return self.working[b] - self.working[a]


def _histogram_median(counted: Sequence[tuple[float, int]]) -> float | None:
    """The median of values given as sorted ``(value, how many)`` pairs (None when there are none).

    >>> _histogram_median([(1, 1), (3, 1), (10, 1)]), _histogram_median([(1, 1), (3, 3)]), _histogram_median([])
    (3, 3.0, None)
    >>> _histogram_median([(1, 2), (3, 2)])
    2.0
    """
    n = sum(count for _value, count in counted)
    wanted = [n // 2] if n % 2 else [n // 2 - 1, n // 2]
    picked, seen = [], 0
    for value, count in counted:
        while wanted and wanted[0] < seen + count:
            picked.append(value)
            wanted.pop(0)
        seen += count
    return None if not n else picked[0] if n % 2 else (picked[0] + picked[1]) / 2


def _median(values: Sequence[float]) -> float | None:
    """The median of sorted ``values`` (None when there are none).

    >>> _median([1, 3, 10]), _median([1, 3]), _median([])
    (3, 2.0, None)
    """
    n = len(values)
    return None if not n else values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2
