"""Mark use (标志使用, issue 12): a holder's marks printed or applied per certificate, year and
use, recorded with refusals as data and an event each; ``certificates mark-use`` and
``mark-use-list``; the ``stats`` figures checked against a plain Python count; the annual
report's section filled from the records."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import pytest

from brandmark.cli import main
from brandmark.errors import RefusedInput
from support import FIXED_NOW
from test_certificates_support import issued


class MovableClock:
    def __init__(self):
        self.now = FIXED_NOW

    def __call__(self):
        return self.now

    def to(self, day: dt.date) -> None:
        self.now = dt.datetime.combine(day, dt.time(2), tzinfo=dt.timezone.utc)


@pytest.fixture
def clock():
    return MovableClock()


def problem(call) -> str:
    with pytest.raises(RefusedInput) as caught:
        call()
    return caught.value.problems[0].code


def test_a_record_is_kept_listed_and_logged(store):
    cert = issued(store)
    record = store.mark_use.record(cert["number"], year=2026, used_on="packaging", marks="12,000",
                                   note="礼盒包装", by="王芳")
    assert (record["number"], record["year"], record["used_on"], record["marks"], record["note"]) == \
        (cert["number"], 2026, "packaging", 12000, "礼盒包装")
    assert record["holder_name"] == cert["holder_name"]
    store.mark_use.record(cert["number"], year=2026, used_on="product", marks=0, by="王芳")
    assert [(r["used_on"], r["marks"]) for r in store.mark_use.list(year=2026)] == [("product", 0), ("packaging", 12000)]
    assert store.mark_use.list(number="nope") == [] and store.mark_use.list(year=2025) == []
    event = store.events.list("certificate", cert["number"], limit=1)[0]
    assert event["action"] == "mark_use.record" and event["actor"] == "王芳"
    assert event["details"] == {"year": 2026, "used_on": "product", "marks": 0, "note": ""}


def test_a_correction_replaces_the_record_and_the_event_keeps_the_earlier_figures(store):
    cert = issued(store)
    store.mark_use.record(cert["number"], year=2026, used_on="advertising", marks=300, note="海报", by="王芳")
    assert problem(lambda: store.mark_use.record(cert["number"], year=2026, used_on="advertising", marks=500,
                                                 by="王芳")) == "mark_use.already_recorded"
    fixed = store.mark_use.record(cert["number"], year=2026, used_on="advertising", marks=500, by="李四",
                                  replace=True)
    assert fixed["marks"] == 500 and fixed["recorded_by"] == "李四" and len(store.mark_use.list()) == 1
    event = store.events.list("certificate", cert["number"], limit=1)[0]
    assert event["action"] == "mark_use.replace"
    assert event["details"]["replaced"] == {"marks": 300, "note": "海报"}


@pytest.mark.parametrize("change, code", [
    ({"number": "BM-NOPE-1"}, "mark_use.unknown_certificate"),
    ({"year": 2025}, "mark_use.not_in_force"),             # before the certificate was issued
    ({"year": 2027}, "mark_use.year_out_of_range"),        # after the body's current year
    ({"year": 1999}, "mark_use.year_out_of_range"),
    ({"year": "next"}, "mark_use.not_a_year"),
    ({"marks": -1}, "mark_use.negative"),
    ({"marks": "-5"}, "mark_use.negative"),
    ({"marks": "many"}, "mark_use.not_a_count"),
    ({"marks": 2.5}, "mark_use.not_a_count"),
    ({"marks": True}, "mark_use.not_a_count"),
    ({"marks": 10**13}, "mark_use.too_many"),
    ({"used_on": "vehicle"}, "mark_use.unknown_use"),
    ({"by": " "}, "text.required"),
])
def test_refusals_are_data_and_leave_nothing_written(store, change, code):
    cert = issued(store)
    args = {"number": cert["number"], "year": 2026, "used_on": "product", "marks": 10, "by": "王芳", **change}
    head = store.events.head()
    number = args.pop("number")
    assert problem(lambda: store.mark_use.record(number, **args)) == code
    assert store.mark_use.list() == [] and store.events.head() == head


def test_no_use_is_recorded_for_a_year_the_certificate_was_never_in_force(store, clock):
    cert = issued(store)                                   # issued 2026-03-01, valid until 2029
    number = cert["number"]
    store.certificates.suspend(number, reason="监督不合格", by="李四")
    assert store.mark_use.in_force_days(number, 2026) == 0, "suspended on the day it was issued"
    assert problem(lambda: store.mark_use.record(number, year=2026, used_on="product", marks=1, by="王芳")) \
        == "mark_use.not_in_force"
    clock.to(dt.date(2027, 2, 1))
    store.certificates.reinstate(number, reason="整改完成", by="李四")
    assert store.mark_use.in_force_days(number, 2026) == 0
    assert store.mark_use.in_force_days(number, 2027) == 365 - 31
    store.mark_use.record(number, year=2027, used_on="product", marks=1, by="王芳")
    clock.to(dt.date(2027, 3, 1))
    store.certificates.withdraw(number, reason="违规使用标志", by="李四")
    assert store.mark_use.in_force_days(number, 2027) == 28, "February only"
    clock.to(dt.date(2028, 6, 1))
    assert store.mark_use.in_force_days(number, 2028) == 0
    assert problem(lambda: store.mark_use.record(number, year=2028, used_on="product", marks=1, by="王芳")) \
        == "mark_use.not_in_force"


def test_the_schema_refuses_a_negative_count_and_an_unknown_use_even_without_the_manager(store):
    import sqlite3

    cert = issued(store)
    for used_on, marks in (("product", -1), ("vehicle", 1)):
        with pytest.raises(sqlite3.IntegrityError):
            store.conn.execute("INSERT INTO mark_use (number, year, used_on, marks, recorded_by, recorded_at) "
                               "VALUES (?, 2026, ?, ?, 'x', 'x')", [cert["number"], used_on, marks])


# -- the command line ------------------------------------------------------------------------------

def run(db, *args, capsys) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code or 0, out, err


def test_the_command_records_lists_and_refuses(store, capsys):
    from brandmark.certificates.mark_uses import USES
    from brandmark.cli.certificates import MARK_USES

    assert MARK_USES == USES
    number = issued(store)["number"]
    db = store.path
    store.close()
    code, out, _err = run(db, "--json", "certificates", "mark-use", number, "--year", "2026", "--on", "packaging",
                          "--marks", "800", "--note", "外箱", "--by", "王芳", capsys=capsys)
    assert code == 0 and json.loads(out)["marks"] == 800
    code, out, err = run(db, "certificates", "mark-use", number, "--year", "2026", "--on", "packaging",
                         "--marks", "-3", "--by", "王芳", capsys=capsys)
    assert code == 2 and "标志数量不能为负数" in err and "cannot be negative" in err
    code, out, err = run(db, "certificates", "mark-use", number, "--year", "2026", "--on", "packaging",
                         "--marks", "900", "--by", "王芳", capsys=capsys)
    assert code == 2 and "--replace" in err
    code, out, _err = run(db, "certificates", "mark-use", number, "--year", "2026", "--on", "packaging",
                          "--marks", "900", "--by", "王芳", "--replace", capsys=capsys)
    assert code == 0 and "900" in out
    code, out, _err = run(db, "--json", "certificates", "mark-use-list", "--year", "2026", capsys=capsys)
    assert code == 0 and [(r["number"], r["marks"]) for r in json.loads(out)] == [(number, 900)]
    code, out, _err = run(db, "certificates", "mark-use-list", "--number", number, capsys=capsys)
    assert code == 0 and "packaging" in out and "外箱" not in out


# -- the figures -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    from stats_support import fill_register
    from brandmark.store import Store

    store = Store(tmp_path_factory.mktemp("mark-use") / "stats.db", clock=lambda: FIXED_NOW)
    fill_register(store.conn, applicants=200, assessments=900, seed=11)
    yield store
    store.close()


@pytest.mark.parametrize("year, scheme", [(None, None), (2025, None), (2024, "zhejiang-made"), (2019, None)])
def test_the_stats_figures_match_a_python_count(filled, year, scheme):
    from stats_support import rows

    certificates = {c["number"]: c for c in rows(filled.conn, "certificates")}
    records = [m for m in rows(filled.conn, "mark_use") if (year is None or m["year"] == year)
               and (scheme is None or certificates[m["number"]]["scheme_id"] == scheme)]
    figures = filled.stats.compute(year=year, scheme=scheme)["mark_use"]
    marks, reporting = Counter(), {}
    for m in records:
        marks[m["used_on"]] += m["marks"]
        reporting.setdefault(m["used_on"], set()).add(m["number"])
    assert figures["marks"] == sum(m["marks"] for m in records)
    assert figures["records"] == len(records)
    assert figures["certificates"] == len({m["number"] for m in records})
    assert figures["holders"] == len({certificates[m["number"]]["applicant_id"] for m in records})
    assert figures["by_use"] == sorted(([use, n, len(reporting[use])] for use, n in marks.items()),
                                       key=lambda row: (-row[1], row[0]))
    if year in (None, 2025):
        assert figures["records"] > 10 and len(figures["by_use"]) == 4
    if year == 2019:
        assert figures == {"marks": 0, "records": 0, "certificates": 0, "holders": 0, "by_use": []}


def test_the_annual_report_prints_the_years_mark_use(filled, tmp_path):
    from test_reports_support import page_texts, squeezed
    from brandmark.reports.annual_report import write_annual_report

    pdf = tmp_path / "annual-2025.pdf"
    write_annual_report(filled, 2025, pdf)
    m = filled.stats.compute(year=2025)["mark_use"]
    text = squeezed("".join(page_texts(pdf)))
    assert "不记录" not in text and "keepsnorecord" not in text
    uses = {key: (n, c) for key, n, c in m["by_use"]}
    for label, key in (("包装packaging", "packaging"), ("广告宣传advertising", "advertising"), ("产品product", "product")):
        assert f"{label}{uses[key][0]}{uses[key][1]}" in text, key
    assert f"合计Total{m['marks']}{m['certificates']}" in text
    assert f"报告标志使用的持证企业Holdersthatreportedmarkuse{m['holders']}" in text


def test_a_year_without_records_says_so(filled, tmp_path):
    from test_reports_support import page_texts, squeezed
    from brandmark.reports.annual_report import write_annual_report

    pdf = tmp_path / "annual-2019.pdf"
    write_annual_report(filled, 2019, pdf)
    assert "本年没有登记标志使用情况。Nomarkusewasrecordedfortheyear." in squeezed("".join(page_texts(pdf)))
