"""The deadlines list (issue 16 §2): acceptance and decision clocks on working days, corrective
actions, surveillance visits, an overdue decision, a pack without deadlines, the CLI, stats."""

from __future__ import annotations

import datetime as dt
import json

import numpy
import pytest
from support import register_staff, new_certification_assessment
from test_applications import Clock, complete

from brandmark.store import Store


@pytest.fixture
def clock():
    return Clock(dt.datetime(2026, 2, 12, 2, 0, tzinfo=dt.timezone.utc))      # Thursday 12 February, Hangzhou


@pytest.fixture
def made(tmp_path, clock):
    with Store(tmp_path / "deadlines.db", clock=clock) as store:
        register_staff(store)
        store.applicant_id = store.applicants.add(name="杭州测试电器有限公司", uscc="91350100M000100Y43",
                                                  region="杭州", actor="tester")
        yield store


def accepted(store, tmp_path) -> int:
    application_id = store.applications.new(applicant_id=store.applicant_id, scheme_id="zhejiang-made")
    complete(store, application_id, tmp_path)
    store.applications.decide(application_id, "accept", by="李四")
    return application_id


def test_acceptance_is_due_five_working_days_after_receipt_across_the_spring_festival(made):
    application_id = made.applications.new(applicant_id=made.applicant_id, scheme_id="zhejiang-made")
    [row] = made.deadlines.list()
    assert (row["kind"], row["id"], row["step"]) == ("application", application_id, "acceptance")
    # 13 Feb, Saturday 14 Feb (worked), then 24, 25, 26 Feb after the holiday.
    assert row["due_on"] == "2026-02-26"
    assert row["working_days_left"] == 5 and row["days_left"] == 14 and not row["overdue"]
    assert row["clause"].endswith("4.4.2")


def test_an_overdue_decision(made, clock, tmp_path):
    application_id = accepted(made, tmp_path)
    assessment_id = made.applications.start_assessment(application_id, assessor="张三")
    clock.local_day(dt.date(2026, 6, 1))
    [row] = made.deadlines.list()
    assert (row["kind"], row["id"], row["step"]) == ("assessment", assessment_id, "decision")
    # 90 working days from 12 February 2026 (weekdays alone would say 18 June).
    assert row["due_on"] == "2026-06-30" and not row["overdue"]
    assert made.deadlines.list(overdue=True) == []
    clock.local_day(dt.date(2026, 7, 2))
    [late] = made.deadlines.list(overdue=True)
    assert late["overdue"] and late["working_days_left"] == -2 and late["days_left"] == -2
    assert made.deadlines.for_assessment(assessment_id)["due_on"] == "2026-06-30"


def test_overdue_come_first_and_within_filters(made, clock, tmp_path):
    first = accepted(made, tmp_path)                                   # decision due 30 June
    clock.local_day(dt.date(2026, 6, 29))
    second = made.applications.new(applicant_id=made.applicant_id, scheme_id="zhejiang-made")   # due 6 July
    clock.local_day(dt.date(2026, 7, 1))
    rows = made.deadlines.list()
    assert [(r["step"], r["overdue"]) for r in rows] == [("decision", True), ("acceptance", False)]
    assert rows[0]["application_id"] == first and rows[1]["id"] == second
    assert [r["step"] for r in made.deadlines.list(within=2)] == ["decision"]
    assert [r["step"] for r in made.deadlines.list(within=3)] == ["decision", "acceptance"]


def test_a_decided_assessment_has_no_clock(mini_store, applicant):
    application_id = mini_store.applications.new(applicant_id=applicant, scheme_id="mini")
    mini_store.applications.decide(application_id, "accept", by="李四")
    mini_store.applications.start_assessment(application_id, assessor="张三")
    # The mini pack has no [deadlines]: nothing to show, and nothing fails.
    assert mini_store.deadlines.list() == []


def test_a_due_date_beyond_the_calendar_data_is_provisional_until_declared(made, clock, tmp_path):
    clock.local_day(dt.date(2026, 11, 30))
    accepted(made, tmp_path)
    [row] = made.deadlines.list()
    # Counted Monday to Friday and marked so (tests/test_deadlines_provisional.py has the rest).
    assert row["problem"] is None and row["provisional"] and row["due_provisional"]
    assert row["provisional_note"]["code"] == "calendar.provisional" and row["due_on"].startswith("2027-")
    # The body enters the next year's schedule itself and declares it: the date is real.
    made.calendar.declare_year(2027, note="国务院办公厅 2027 年放假安排（测试）")
    [row] = made.deadlines.list()
    assert row["problem"] is None and not row["provisional"] and row["due_on"].startswith("2027-")


def test_a_closure_day_moves_the_due_date(made):
    made.applications.new(applicant_id=made.applicant_id, scheme_id="zhejiang-made")
    made.calendar.add(["2026-02-25"], note="机构停业")
    assert made.deadlines.list()[0]["due_on"] == "2026-02-27"
    made.calendar.remove(["2026-02-25"])
    assert made.deadlines.list()[0]["due_on"] == "2026-02-26"


def test_open_corrective_actions_and_surveillance_visits_are_listed(store):
    applicant = store.applicants.add(name="杭州测试电器有限公司", uscc="91350100M000100Y43", region="杭州", actor="t")
    assessment_id = new_certification_assessment(store, applicant, "zhejiang-made", assessor="张三")
    item = next(i for i in store.assessments.pack_for(assessment_id).items() if i.kind == "conformity")
    store.assessments.answer(assessment_id, item.id, "minor", by="张三", note="记录不全")
    rows = store.deadlines.list(kinds=("corrective_action",))
    assert [(r["kind"], r["item"]) for r in rows] == [("corrective_action", item.id)]
    assert rows[0]["due_on"] == (store.today() + dt.timedelta(days=30)).isoformat()
    # A surveillance visit not yet made, of a certificate in force (a row as the register keeps it).
    store.db["certificates"].insert({
        "number": "BM-TEST-1", "assessment_id": assessment_id, "applicant_id": applicant, "holder_name": "杭州测试电器有限公司",
        "holder_uscc": "91350100M000100Y43", "product": "电水壶", "scheme_id": "zhejiang-made",
        "scheme_version": "2026.5", "issued_on": "2026-03-01", "expires_on": "2029-02-28", "issuing_body": "测试机构",
        "authorised_by": "李四", "created_at": store.now()})
    store.db["surveillance"].insert({"number": "BM-TEST-1", "due_on": "2027-03-01"})
    [visit] = store.deadlines.list(kinds=("surveillance",))
    assert (visit["certificate"], visit["due_on"], visit["overdue"]) == ("BM-TEST-1", "2027-03-01", False)
    # Its working days left fall in a year the calendar data does not cover: counted Monday to
    # Friday and marked provisional; the due date itself is the register's, not provisional.
    assert visit["provisional"] and not visit["due_provisional"] and visit["problem"] is None
    assert visit["working_days_left"] == made_weekdays(store.today(), dt.date(2027, 3, 1), store)
    assert visit["days_left"] == (dt.date(2027, 3, 1) - store.today()).days


def made_weekdays(today: dt.date, due: dt.date, store) -> int:
    """Working days in (today, due]: the calendar's own up to its last year, weekdays after."""
    calendar = store.calendar.working()
    last = dt.date(max(calendar.covered_years()), 12, 31)
    return calendar.working_days_between(today, last) + int(numpy.busday_count(last + dt.timedelta(days=1),
                                                                                due + dt.timedelta(days=1)))


def test_the_cli_lists_deadlines(made, tmp_path, capsys):
    from brandmark.cli import main

    made.applications.new(applicant_id=made.applicant_id, scheme_id="zhejiang-made")
    db = made.path
    made.close()
    assert main(["--db", str(db), "deadlines", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [r["due_on"] for r in out["deadlines"]] == ["2026-02-26"]
    # The command counts from the real today, long after 26 February 2026.
    assert main(["--db", str(db), "deadlines", "--overdue"]) == 0
    assert "2026-02-26" in capsys.readouterr().out
    assert main(["--db", str(db), "calendar", "add", "2026-02-25", "--note", "停业"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "calendar", "add", "2026-02-14", "--kind", "holiday"]) == 2
    assert "2026" in capsys.readouterr().err


def test_stats_report_the_days_taken(made, clock, tmp_path):
    application_id = accepted(made, tmp_path)
    assessment_id = made.applications.start_assessment(application_id, assessor="张三")
    clock.local_day(dt.date(2026, 3, 2))
    made.db["decisions"].insert({"assessment_id": assessment_id, "decision": "refuse", "decided_by": "李四",
                                 "decided_at": made.now(), "verdict": "refuse", "total": 0.0, "reasons": "[]"})
    figures = made.stats.compute()
    assert figures["median_days_acceptance_to_decision"] == 18
    # 13, 14 (Saturday, worked), 24-27, 28 (Saturday, worked) February and 2 March.
    assert figures["median_working_days_acceptance_to_decision"] == 8
    assert figures["decisions_timed"] == 1
    assert made.deadlines.list() == []


def test_an_assessment_started_without_an_application_counts_from_its_creation(made, clock):
    clock.local_day(dt.date(2026, 2, 13))
    # The one kind left (issue 16 §1): a laptop's copy of an assessment the body assigned, whose
    # application stays at the body.
    assessment_id = made.assessments.new(applicant_id=made.applicant_id, scheme_id="zhejiang-made", assessor="张三",
                                         received_assignment="assignment-at-the-body")
    [row] = made.deadlines.list()
    assert (row["kind"], row["id"], row["application_id"]) == ("assessment", assessment_id, None)
    assert row["started_on"] == "2026-02-13"
    assert row["due_on"] == made.calendar.working().add_working_days(dt.date(2026, 2, 13), 90).isoformat()
    own = made.assessments.new(applicant_id=made.applicant_id, scheme_id="zhejiang-made", mode="self", assessor="企业")
    assert own not in [r["id"] for r in made.deadlines.list()]


def test_a_surveillance_visit_has_no_decision_clock_of_its_own(made):
    # A visit starts from its certificate, not from an application (made here without either).
    visit = made.assessments.new(applicant_id=made.applicant_id, scheme_id="zhejiang-made", assessor="张三",
                                 received_assignment="visit-made-bare")
    made.db["assessments"].update(visit, {"kind": "surveillance"})     # its clock is its surveillance row
    assert visit not in [r["id"] for r in made.deadlines.list(kinds=("assessment",))]
