"""Every figure of ``store.stats.compute()`` against a plain Python count over the same rows:
seeded raw rows of every kind (tests/stats_support.py), with and without the year and
scheme filters."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter

import pytest

from brandmark.regions import REGIONS
from stats_support import fill_register, rows

TODAY = dt.date(2026, 3, 1)          # the fixed clock's date (support.FIXED_NOW)
GRANTED = ("grant", "conditional")


def ranked(counter: Counter) -> list[list]:
    return sorted(([key, n] for key, n in counter.items() if n), key=lambda pair: (-pair[1], pair[0]))


def in_region_order(counter: Counter) -> list[list]:
    out = [[key, counter.get(key, 0)] for key in REGIONS]
    return out + [[key, n] for key, n in sorted(counter.items()) if key not in REGIONS and n]


def rates(groups: dict) -> dict:
    return {key: (len(ds), sum(d["decision"] in GRANTED for d in ds)) for key, ds in groups.items()}


def python_figures(store, year: int | None, scheme: str | None) -> dict:
    conn = store.conn
    applicants = {a["id"]: a for a in rows(conn, "applicants")}
    region = {i: a["region"] or "" for i, a in applicants.items()}
    industry = {i: a["industry"] for i, a in applicants.items()}

    def picked(a):
        return (year is None or a["created_at"][:4] == f"{year:04d}") and (scheme is None or a["scheme_id"] == scheme)

    assessments = {a["id"]: a for a in rows(conn, "assessments") if picked(a)}
    decisions = [d for d in rows(conn, "decisions") if d["assessment_id"] in assessments]
    owner = {i: a["applicant_id"] for i, a in assessments.items()}
    certificates = [c for c in rows(conn, "certificates")
                    if (year is None or c["issued_on"][:4] == f"{year:04d}") and (scheme is None or c["scheme_id"] == scheme)]
    findings = [f for f in rows(conn, "findings") if f["assessment_id"] in assessments and f["status"] != "withdrawn"]

    tests = set()
    for s in store.schemes.list():
        tests |= {(s["id"], s["version"], item.id) for item in store.schemes.get(s["id"], s["version"]).items()
                  if item.kind == "test"}
    test_answers = [n for n in rows(conn, "answers") if n["assessment_id"] in assessments
                    and (assessments[n["assessment_id"]]["scheme_id"], assessments[n["assessment_id"]]["scheme_version"],
                         n["item_id"]) in tests]

    def effective(c):
        return "expired" if c["status"] in ("valid", "suspended") and c["expires_on"] < TODAY.isoformat() else c["status"]

    all_certificates = {c["number"]: c for c in rows(conn, "certificates")}
    open_visits = [s for s in rows(conn, "surveillance") if s["done_on"] is None
                   and effective(all_certificates[s["number"]]) in ("valid", "suspended")
                   and (scheme is None or all_certificates[s["number"]]["scheme_id"] == scheme)]

    def by(key, items):
        groups: dict = {}
        for item in items:
            groups.setdefault(key(item), []).append(item)
        return groups

    days = sorted((dt.date.fromisoformat(d["decided_at"][:10])
                   - dt.date.fromisoformat(assessments[d["assessment_id"]]["created_at"][:10])).days
                  for d in decisions)
    zone = store.time_zone()
    decided_on = {d["assessment_id"]: dt.datetime.fromisoformat(d["decided_at"]).astimezone(zone).date()
                  for d in decisions}
    timed = [p for p in rows(conn, "applications") if p["accepted_on"] and p["assessment_id"] in decided_on]
    return {
        "applicants.total": len(applicants),
        "applicants.by_region": in_region_order(Counter(region.values())),
        "applicants.by_industry": ranked(Counter(industry.values())),
        "applicants.by_scheme": ranked(Counter(s for s, _a in {(a["scheme_id"], a["applicant_id"])
                                                              for a in assessments.values()})),
        "assessments.total": len(assessments),
        "assessments.by_scheme": ranked(Counter(a["scheme_id"] for a in assessments.values())),
        "assessments.by_region": in_region_order(Counter(region[a["applicant_id"]] for a in assessments.values())),
        "assessments.by_industry": ranked(Counter(industry[a["applicant_id"]] for a in assessments.values())),
        "pass_rate": (len(decisions), sum(d["decision"] in GRANTED for d in decisions)),
        "pass_rate_by_year": rates(by(lambda d: d["decided_at"][:4], decisions)),
        "pass_rate_by_region": rates(by(lambda d: region[owner[d["assessment_id"]]], decisions)),
        "pass_rate_by_industry": rates(by(lambda d: industry[owner[d["assessment_id"]]], decisions)),
        "pass_rate_by_scheme": rates(by(lambda d: assessments[d["assessment_id"]]["scheme_id"], decisions)),
        "nonconformities.by_item": ranked(Counter(f["item_id"] for f in findings)),
        "nonconformities.by_clause": ranked(Counter(f["clause"] for f in findings)),
        "failed_tests.by_item": ranked(Counter(n["item_id"] for n in test_answers if n["code"] == 3)),
        "failed_tests.assessments_measured": len({n["assessment_id"] for n in test_answers if n["code"] >= 2}),
        "failed_tests.assessments_failing": len({n["assessment_id"] for n in test_answers if n["code"] == 3}),
        "certificates.total": len(certificates),
        "certificates.by_status": ranked(Counter(effective(c) for c in certificates)),
        "certificates.by_scheme": ranked(Counter(c["scheme_id"] for c in certificates)),
        "certificates.by_region": in_region_order(Counter(region[c["applicant_id"]] for c in certificates)),
        "certificates.by_industry": ranked(Counter(industry[c["applicant_id"]] for c in certificates)),
        "surveillance.due": sum(s["due_on"] >= TODAY.isoformat() for s in open_visits),
        "surveillance.overdue": sum(s["due_on"] < TODAY.isoformat() for s in open_visits),
        "median_days_to_decision": statistics.median(days) if days else None,
        "median_days_acceptance_to_decision": (statistics.median(
            (decided_on[p["assessment_id"]] - dt.date.fromisoformat(p["accepted_on"])).days for p in timed)
            if timed else None),
        "median_days_application_to_decision": (statistics.median(
            (decided_on[p["assessment_id"]] - dt.date.fromisoformat(p["received_on"])).days for p in timed)
            if timed else None),
        "decisions_timed": len(timed),
    }


def _get(figures: dict, dotted: str):
    value = figures
    for part in dotted.split("."):
        value = value[part]
    return value


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    from brandmark.store import Store
    from support import FIXED_NOW

    store = Store(tmp_path_factory.mktemp("stats") / "stats.db", clock=lambda: FIXED_NOW)
    fill_register(store.conn, applicants=300, assessments=1500, seed=3)
    yield store
    store.close()


@pytest.mark.parametrize("year, scheme", [(None, None), (2025, None), (None, "zhejiang-made"), (2024, "zhejiang-agri")])
def test_every_figure_matches_a_python_count(filled, year, scheme):
    figures = filled.stats.compute(year=year, scheme=scheme)
    expected = python_figures(filled, year, scheme)
    for name, want in expected.items():
        got = _get(figures, name)
        if name == "pass_rate":
            got = (got["decided"], got["granted"])
        elif name == "pass_rate_by_year":
            got = {r["year"]: (r["decided"], r["granted"]) for r in got}
        elif name.startswith("pass_rate_by_"):
            got = {r["key"]: (r["decided"], r["granted"]) for r in got if r["decided"]}
        assert got == want, name
    assert expected["failed_tests.by_item"] and expected["nonconformities.by_item"], "the rows have something to count"
    assert sum(n for _k, n in expected["certificates.by_status"]) > 10
    assert expected["surveillance.overdue"] and expected["surveillance.due"]


def test_rates_and_the_fixed_lists(filled):
    figures = filled.stats.compute()
    rate = figures["pass_rate"]
    assert rate["rate"] == pytest.approx(rate["granted"] / rate["decided"])
    assert [r["key"] for r in figures["pass_rate_by_region"]][:len(REGIONS)] == list(REGIONS)
    assert all(r["rate"] == pytest.approx(r["granted"] / r["decided"]) for r in figures["pass_rate_by_industry"])
    titles = figures["item_titles"]
    assert set(titles) == {k for k, _ in figures["failed_tests"]["by_item"]} | {
        k for k, _ in figures["nonconformities"]["by_item"]}
    assert all(zh for zh, _en in titles.values())
    # Failed tests count test items only: a veto or conformity answer coded 3 is not one.
    coded_3 = {n["item_id"] for n in rows(filled.conn, "answers") if n["code"] == 3}
    assert coded_3 - {k for k, _ in figures["failed_tests"]["by_item"]}, "the rows hold other code-3 answers"


def test_a_year_gives_its_visits(filled):
    figures = filled.stats.compute(year=2025)
    visits = rows(filled.conn, "surveillance")
    assert figures["surveillance"]["due_in_year"] == sum(s["due_on"][:4] == "2025" for s in visits)
    assert figures["surveillance"]["made_in_year"] == sum((s["done_on"] or "")[:4] == "2025" for s in visits)
    assert "due_in_year" not in filled.stats.compute()["surveillance"]


def test_working_days_counted_once_agree_with_the_calendar():
    """The statistics count working days from prefix sums; the calendar counts day by day.
    Spans into a year the calendar does not cover are not counted (the calendar refuses them)."""
    import random

    from brandmark.errors import RefusedInput
    from brandmark.store.stats import WorkingDayCounts
    from brandmark.workdays import WorkingCalendar, library_years

    calendar = WorkingCalendar(days={dt.date(2025, 6, 3): "closure"})
    last = library_years().stop - 1
    rng = random.Random(4)
    spans = []
    for _ in range(300):
        start = dt.date(last - 2, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365 + 60))
        spans.append((start, start + dt.timedelta(days=rng.randrange(-30, 200))))
    counts = WorkingDayCounts(calendar, spans)
    for start, end in spans:
        try:
            expected = calendar.working_days_between(start, end)
        except RefusedInput:
            expected = None
        assert counts.between(start, end) == expected, (start, end)
    assert any(counts.between(a, b) is None for a, b in spans), "some spans reach past the calendar"


def test_the_calendar_reads_chinese_calendar_as_its_own_function_does():
    import chinese_calendar

    from brandmark.workdays import WorkingCalendar, library_years

    calendar = WorkingCalendar()
    day = dt.date(library_years().start, 1, 1)
    while day.year < library_years().stop:
        assert calendar.is_working_day(day) == chinese_calendar.is_workday(day), day
        day += dt.timedelta(days=1)
