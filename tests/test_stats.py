"""The store's statistics (SQL) checked against a plain Python count over the same rows."""

from __future__ import annotations

from collections import Counter

from brandmark.cli import main
from brandmark.demo import load_demo


def ranked(counter: Counter) -> list[list]:
    return sorted(([key, n] for key, n in counter.items()), key=lambda pair: (-pair[1], pair[0]))


def in_region_order(counter: Counter) -> list[list]:
    """Every region in the fixed order (zeros kept), no region last when there is any."""
    from brandmark.regions import REGIONS
    return [[key, counter.get(key, 0)] for key in REGIONS] + ([["", counter[""]]] if counter.get("") else [])


def test_counts_match_a_python_count(store):
    load_demo(store)
    applicants = store.applicants.list(limit=10_000)
    assessments = store.assessments.list(limit=10_000)
    region_of = {a["id"]: a["region"] or "" for a in applicants}
    industry_of = {a["id"]: a["industry"] for a in applicants}
    findings = store.assessments.findings_register()

    figures = store.stats.compute()

    assert figures["applicants"]["total"] == len(applicants)
    assert figures["applicants"]["by_region"] == in_region_order(Counter(a["region"] or "" for a in applicants))
    assert figures["applicants"]["by_industry"] == ranked(Counter(a["industry"] for a in applicants))
    assert figures["assessments"]["by_scheme"] == ranked(Counter(a["scheme_id"] for a in assessments))
    assert figures["assessments"]["by_region"] == in_region_order(Counter(region_of[a["applicant_id"]] for a in assessments))
    assert figures["assessments"]["by_industry"] == ranked(Counter(industry_of[a["applicant_id"]] for a in assessments))
    decided = [a for a in assessments if a["decision"]]
    granted = [a for a in decided if a["decision"] in ("grant", "conditional")]
    assert decided, "the demo set has decided assessments"
    assert [(r["decided"], r["granted"]) for r in figures["pass_rate_by_year"]] == [(len(decided), len(granted))]
    assert figures["nonconformities"]["by_item"] == ranked(Counter(f["item_id"] for f in findings))
    assert figures["nonconformities"]["by_clause"] == ranked(Counter(f["clause"] for f in findings))

    scheme = assessments[0]["scheme_id"]
    only = store.stats.compute(scheme=scheme)
    assert only["assessments"]["by_scheme"] == [[scheme, sum(a["scheme_id"] == scheme for a in assessments)]]
    year = int(assessments[0]["created_at"][:4])
    assert store.stats.compute(year=year - 1)["assessments"]["by_scheme"] == []
    assert store.stats.compute(year=year)["assessments"] == figures["assessments"]


def test_stats_cli(tmp_path, capsys):
    db = str(tmp_path / "s.db")
    assert main(["--db", db, "stats", "--json"]) == 0
    assert '"median_days_to_decision": null' in capsys.readouterr().out
