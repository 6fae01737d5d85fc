"""Audit planning (issue 16 §3): person-days from the pack's table, the proposed team (competent,
no consultancy for the applicant), planned dates on working days, the plan PDF."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from support import TEST_PASSPHRASE, register_staff, new_certification_assessment
from test_applications import Clock, complete

from brandmark.errors import RefusedInput
from brandmark.store import Store


@pytest.fixture
def clock():
    return Clock(dt.datetime(2026, 9, 25, 2, 0, tzinfo=dt.timezone.utc))    # Friday 25 September 2026


@pytest.fixture
def made(tmp_path, clock):
    with Store(tmp_path / "audits.db", clock=clock) as store:
        register_staff(store)
        store.applicant_id = store.applicants.add(name="杭州测试电器有限公司", uscc="91350100M000100Y43",
                                                  region="杭州", actor="tester", address="余杭区某路 1 号")
        application_id = store.applications.new(applicant_id=store.applicant_id, scheme_id="zhejiang-made",
                                                product="电水壶", models="K1, K2", standard="T/ZZB 0123—2024")
        complete(store, application_id, tmp_path)
        store.applications.decide(application_id, "accept", by="李四")
        store.assessment_id = store.applications.start_assessment(application_id, assessor="王五")
        yield store


def test_person_days_team_and_dates(made):
    plan = made.audits.plan(made.assessment_id, employees=320, sites=2)
    # The made pack's table: 301-1000 employees → 5 person-days, + 1.0 for the second site.
    assert plan["person_days"] == 6.0
    assert [m["role"] for m in plan["team"]] == ["leader", "member"]
    assert plan["team"][0]["name"] == "王五"            # the assessment's own assessor leads
    # Starts the next working day (Monday 28 September), three days for two assessors.
    assert (plan["starts_on"], plan["ends_on"]) == ("2026-09-28", "2026-09-30")
    assert plan["days"] == ["2026-09-28", "2026-09-29", "2026-09-30"]


def test_dates_skip_the_national_day_week(made):
    plan = made.audits.plan(made.assessment_id, employees=1200, sites=2, starts_on="2026-09-30", team_size=2)
    # 7 person-days / 2 = 4 days: 30 September, then (1-7 October off) 8, 9 and Saturday 10
    # October, an adjusted working day.
    assert plan["person_days"] == 7.0
    assert plan["days"] == ["2026-09-30", "2026-10-08", "2026-10-09", "2026-10-10"]
    later = made.audits.plan(made.assessment_id, employees=10, starts_on="2026-10-03")
    assert later["starts_on"] == "2026-10-08"             # a holiday start moves to the next working day


def test_no_one_who_consulted_for_the_applicant_is_proposed(made):
    made.consultancies.add("王五", made.applicant_id, note="体系咨询")
    made.consultancies.add("张三", made.applicant_id)
    plan = made.audits.plan(made.assessment_id, employees=50)
    names = {m["name"] for m in plan["team"]}
    assert not names & {"王五", "张三"} and len(names) == 2
    with pytest.raises(RefusedInput) as refused:
        made.audits.plan(made.assessment_id, employees=50, team_size=3)
    assert refused.value.problems[0].code == "audit.too_few_assessors"


def test_only_competent_active_assessors_are_proposed(made):
    for name, roles, schemes in (("外行", ["assessor"], ["zhejiang-agri"]), ("决定人", ["decider"], ["zhejiang-made"])):
        made.people.add(name=name, roles=roles, schemes=schemes, passphrase=TEST_PASSPHRASE)
    made.people.deactivate("张三", reason="离职")
    plan = made.audits.plan(made.assessment_id, employees=50, team_size=3)
    assert {m["name"] for m in plan["team"]} == {"王五", "王敏", "Zhang San"}


def test_refusals(made, mini_store, applicant):
    for kwargs, code in (({"employees": 0}, "audit.bad_count"), ({"employees": 10, "sites": 0}, "audit.bad_count"),
                         ({"employees": 10, "team_size": 1}, "audit.bad_count"),
                         ({"employees": 10, "starts_on": "下周一"}, "calendar.not_a_date")):
        with pytest.raises(RefusedInput) as refused:
            made.audits.plan(made.assessment_id, **kwargs)
        assert refused.value.problems[0].code == code
    assert made.audits.latest(made.assessment_id) is None
    own = made.assessments.new(applicant_id=made.applicant_id, scheme_id="zhejiang-made", mode="self", assessor="企业")
    with pytest.raises(RefusedInput) as refused:
        made.audits.plan(own, employees=10)
    assert refused.value.problems[0].code == "audit.not_certification"
    # A pack without [audit]: refused, with the pack named.
    mini = new_certification_assessment(mini_store, applicant, "mini", assessor="张三")
    with pytest.raises(RefusedInput) as refused:
        mini_store.audits.plan(mini, employees=10)
    assert refused.value.problems[0].code == "audit.no_table"


def test_the_plan_pdf(made, tmp_path):
    from pypdf import PdfReader

    made.audits.plan(made.assessment_id, employees=320, sites=2)
    from brandmark.reports.audit_plan import write_audit_plan
    target = tmp_path / "审核计划.pdf"
    pages = write_audit_plan(made, made.assessment_id, target)
    reader = PdfReader(target)
    assert len(reader.pages) == pages >= 2
    text = "".join(page.extract_text() for page in reader.pages)
    for expected in ("审核计划", "Audit plan", "王五", "2026-09-28", "首次会议", "Opening meeting",
                     "qa-responsibilities", "电水壶"):
        assert expected in text, expected
    fonts = {str(f.get("/BaseFont")) for page in reader.pages
             for f in (page["/Resources"].get("/Font") or {}).values()
             for f in [f.get_object()]}
    assert fonts and all("+" in name for name in fonts)          # every font an embedded subset


def test_the_cli(made, tmp_path, capsys):
    from brandmark.cli import main

    db = made.path
    made.close()
    assert main(["--db", str(db), "audits", "plan", "1", "--employees", "80", "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["person_days"] == 3.0 and len(plan["team"]) == 2
    assert main(["--db", str(db), "audits", "show", "1"]) == 0
    assert "3 person-days" in capsys.readouterr().out
    target = tmp_path / "plan.pdf"
    assert main(["--db", str(db), "audits", "pdf", "1", "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    assert main(["--db", str(db), "audits", "plan", "1", "--employees", "-3"]) == 2
    assert "-3" in capsys.readouterr().err
    assert main(["--db", str(db), "audits", "consulted", "--person", "王敏", "--applicant", "1"]) == 0
    assert main(["--db", str(db), "audits", "consultancies", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.split("\n", 1)[1])[0]["person_name"] == "王敏"
