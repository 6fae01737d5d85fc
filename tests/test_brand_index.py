"""The brand development index (store/brand_index.py, docs/statistics.md): the store's SQL
against a plain Python computation over the same rows, and one register built through the
real actions (issue, save an estimate, suspend)."""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest

from brandmark.cli import main
from brandmark.regions import REGIONS
from brandmark.scoring.valuation import parse_inputs, run_monte_carlo
from stats_support import fill_register, rows
from test_certificates_support import DECIDER, decided_assessment

TODAY = dt.date(2026, 3, 1)          # the fixed clock's date (support.FIXED_NOW)
IN_WAN = {"元": 1e-4, "千元": 0.1, "万元": 1.0, "百万元": 100.0, "亿元": 10_000.0}


def python_index(conn, zone, as_of: dt.date, scheme: str | None = None, max_age: int | None = None) -> dict:
    """The formula of docs/statistics.md, written out plainly over the rows."""
    cutoff = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time(), tzinfo=zone)
    status_that_day = {}
    for change in sorted(rows(conn, "certificate_status_changes"), key=lambda c: c["id"]):
        if dt.datetime.fromisoformat(change["changed_at"]) < cutoff:
            status_that_day[change["number"]] = change["status"]
    total_of = {d["assessment_id"]: d["total"] for d in rows(conn, "decisions")}
    region_of = {a["id"]: a["region"] or "" for a in rows(conn, "applicants")}
    in_force = [c for c in rows(conn, "certificates")
                if c["issued_on"] <= as_of.isoformat() <= c["expires_on"]
                and status_that_day.get(c["number"], "valid") == "valid"
                and (scheme is None or c["scheme_id"] == scheme)]

    latest = {}
    for e in rows(conn, "brand_value_estimates"):
        if e["valuation_date"] <= as_of.isoformat():
            key = (e["valuation_date"], e["id"])
            if e["applicant_id"] not in latest or key > latest[e["applicant_id"]][0]:
                latest[e["applicant_id"]] = (key, e)

    def estimate_kind(applicant_id):
        if applicant_id not in latest:
            return "none", None
        e = latest[applicant_id][1]
        if max_age is not None and dt.date.fromisoformat(e["valuation_date"]) < as_of - dt.timedelta(days=max_age):
            return "stale", None
        if e["currency"] != "CNY" or e["unit"] not in IN_WAN:
            return "not_comparable", None
        wan = e["p50"] * IN_WAN[e["unit"]]
        return "valued", 0.0 if wan <= 1 else 100.0 if wan >= 1e6 else 100 * math.log10(wan) / 6

    def groups(key_of, member_of) -> dict:
        newest = {}
        for c in in_force:
            member = member_of(c)
            if member not in newest or (c["issued_on"], c["number"]) > (newest[member]["issued_on"],
                                                                         newest[member]["number"]):
                newest[member] = c
        out: dict = {}
        for c in newest.values():
            g = out.setdefault(key_of(c), {"holders": 0, "strengths": [], "values": [], "stale": 0,
                                           "not_comparable": 0})
            g["holders"] += 1
            if c["assessment_id"] in total_of:
                g["strengths"].append(total_of[c["assessment_id"]])
            kind, score = estimate_kind(c["applicant_id"])
            if kind == "valued":
                g["values"].append(score)
            elif kind in ("stale", "not_comparable"):
                g[kind] += 1
        return out

    def mean(values):
        return sum(values) / len(values) if values else None

    def shaped(g):
        s, v = mean(g["strengths"]), mean(g["values"])
        return {"holders": g["holders"], "strength": s, "valued": len(g["values"]), "value_score": v,
                "stale": g["stale"], "not_comparable": g["not_comparable"],
                "no_estimate": g["holders"] - len(g["values"]) - g["stale"] - g["not_comparable"],
                "index": None if s is None or v is None else 0.5 * s + 0.5 * v}

    return {
        "overall": {k: shaped(g) for k, g in groups(lambda c: "", lambda c: c["applicant_id"]).items()},
        "by_region": {k: shaped(g) for k, g in groups(lambda c: region_of[c["applicant_id"]],
                                                       lambda c: c["applicant_id"]).items()},
        "by_scheme": {k: shaped(g) for k, g in groups(lambda c: c["scheme_id"],
                                                       lambda c: (c["applicant_id"], c["scheme_id"])).items()},
    }


def assert_same(ours: dict, expected: dict) -> None:
    fields = ("holders", "strength", "valued", "value_score", "stale", "not_comparable", "no_estimate", "index")
    empty = dict.fromkeys(fields, 0) | {"strength": None, "value_score": None, "index": None}
    for grouping in ("overall", "by_region", "by_scheme"):
        listed = [ours[grouping]] if grouping == "overall" else ours[grouping]
        for group in listed:
            want = expected[grouping].get(group["key"], empty)
            for name in fields:
                assert group[name] == pytest.approx(want[name], abs=1e-9), (grouping, group["key"], name)
        keys = {g["key"] for g in listed}
        assert set(expected[grouping]) <= keys, grouping


@pytest.fixture
def filled(store):
    fill_register(store.conn, applicants=400, assessments=900, seed=12)
    return store


@pytest.mark.parametrize("as_of, scheme, max_age", [
    (TODAY, None, None),
    (TODAY, None, 365),
    (TODAY - dt.timedelta(days=250), None, None),
    (TODAY + dt.timedelta(days=40), "zhejiang-made", 200),
    (TODAY - dt.timedelta(days=600), "zhejiang-agri", None),
])
def test_the_index_matches_a_python_computation(filled, as_of, scheme, max_age):
    ours = filled.stats.brand_index(as_of=as_of, scheme=scheme, max_estimate_age_days=max_age)
    expected = python_index(filled.conn, filled.time_zone(), as_of, scheme, max_age)
    assert expected["overall"][""]["holders"] > 20, "the rows give the index something to count"
    assert expected["overall"][""]["stale" if max_age else "valued"] > 0
    assert_same(ours, expected)
    assert ours["overall"]["coverage"] == pytest.approx(ours["overall"]["valued"] / ours["overall"]["holders"])


def test_every_city_is_listed_and_the_schemes_of_the_register(filled):
    index = filled.stats.brand_index()
    regions = [g["key"] for g in index["by_region"]]
    assert regions[:len(REGIONS)] == list(REGIONS)
    assert set(regions) - set(REGIONS) <= {""}
    assert [g["key"] for g in index["by_scheme"]] == sorted(r["id"] for r in filled.schemes.list())
    assert index["formula"] == "index = 0.5 × S + 0.5 × V"
    assert filled.stats.compute(year=2025)["brand_index"]["as_of"] == "2025-12-31"
    assert filled.stats.compute()["brand_index"]["as_of"] == TODAY.isoformat()


def test_an_empty_register_has_no_index():
    from brandmark.store import Store

    with Store(":memory:", load_bundled_packs=False) as store:
        index = store.stats.brand_index()
    assert index["overall"] == {"key": "", "holders": 0, "scored": 0, "strength": None, "valued": 0,
                                "value_score": None, "stale": 0, "not_comparable": 0, "no_estimate": 0,
                                "coverage": None, "index": None}
    assert index["by_scheme"] == []


def _save_estimate(store, applicant_id: int, *, revenue: float, unit: str = "万元", date: str = "2026-02-01") -> dict:
    inputs = parse_inputs({"method": "relief-from-royalty", "revenues": [revenue, revenue], "royalty_rate": 0.05,
                           "tax_rate": 0.25, "discount_rate": 0.12, "unit": unit, "valuation_date": date})
    estimate_id = store.valuations.save(applicant_id, inputs, run_monte_carlo(inputs, trials=200, seed=1), by="张三")
    return store.valuations.get(estimate_id)


def test_through_the_real_actions(store):
    holder = decided_assessment(store)                        # granted, region Hangzhou
    certificate = store.certificates.issue(holder)
    total = store.conn.execute("SELECT total FROM decisions WHERE assessment_id = ?", [holder]).fetchone()[0]
    applicant = certificate["applicant_id"]
    index = store.stats.brand_index()
    hangzhou = next(g for g in index["by_region"] if g["key"] == "hangzhou")
    assert (hangzhou["holders"], hangzhou["strength"], hangzhou["index"], hangzhou["no_estimate"]) == (1, total, None, 1)

    estimate = _save_estimate(store, applicant, revenue=50_000)
    expected_v = 100 * math.log10(estimate["p50"]) / 6
    hangzhou = next(g for g in store.stats.brand_index()["by_region"] if g["key"] == "hangzhou")
    assert hangzhou["value_score"] == pytest.approx(expected_v)
    assert hangzhou["index"] == pytest.approx(0.5 * total + 0.5 * expected_v)
    mini = next(g for g in store.stats.brand_index()["by_scheme"] if g["key"] == "mini")
    assert mini["index"] == pytest.approx(hangzhou["index"])

    # The estimate is the applicant's latest: one in 元 of the same money scores the same.
    again = _save_estimate(store, applicant, revenue=50_000 * 10_000, unit="元", date="2026-02-02")
    assert again["p50"] / 10_000 == pytest.approx(estimate["p50"], rel=1e-6)
    assert store.stats.brand_index()["overall"]["value_score"] == pytest.approx(expected_v, rel=1e-6)
    assert store.stats.brand_index(max_estimate_age_days=10)["overall"]["stale"] == 1

    store.certificates.change_status(certificate["number"], "suspend", reason="抽样不合格", by=DECIDER)
    assert store.stats.brand_index()["overall"]["holders"] == 0
    assert store.stats.brand_index(as_of=TODAY - dt.timedelta(days=1))["overall"]["holders"] == 0, \
        "issued today: not yet in force yesterday"


def test_stats_cli_prints_the_index(filled, capsys):
    path = filled.path
    filled.close()
    assert main(["--db", str(path), "stats", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["brand_index"]["formula"] == "index = 0.5 × S + 0.5 × V"
    assert main(["--db", str(path), "stats"]) == 0
    text = capsys.readouterr().out
    assert "品牌发展指数 brand development index" in text and "杭州市" in text


def test_the_documented_formula_is_the_computed_one():
    from brandmark.store.brand_index import FORMULA, VALUE_CEILING_WAN, VALUE_FLOOR_WAN
    from support import REPO

    text = (REPO / "docs" / "statistics.md").read_text(encoding="utf-8")
    assert FORMULA in text and (VALUE_FLOOR_WAN, VALUE_CEILING_WAN) == (1.0, 1e6) and "100 亿元 (10⁶ 万元)" in text
