"""Applications and their acceptance (issue 16 §1): materials, the signed decision, refusals,
the assessment that starts from an accepted application."""

from __future__ import annotations

import datetime as dt
import json
import subprocess

import pytest
from support import TEST_PASSPHRASE, register_staff

from brandmark.errors import RefusedInput
from brandmark.store import Store

MADE_REQUIRED = ("form", "licence", "product", "commitment", "factory")


class Clock:
    def __init__(self, moment: dt.datetime):
        self.moment = moment

    def __call__(self):
        return self.moment

    def local_day(self, day: dt.date, hour: int = 10):
        """Move to ``hour`` o'clock in Hangzhou on ``day``."""
        self.moment = dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.timezone(dt.timedelta(hours=8)))


@pytest.fixture
def clock():
    return Clock(dt.datetime(2026, 2, 12, 2, 0, tzinfo=dt.timezone.utc))       # 10:00 in Hangzhou


@pytest.fixture
def made(tmp_path, clock):
    with Store(tmp_path / "apps.db", clock=clock) as store:
        register_staff(store)
        store.applicant_id = store.applicants.add(name="杭州测试电器有限公司", uscc="91350100M000100Y43",
                                                  region="杭州", actor="tester")
        yield store


def complete(store, application_id, tmp_path):
    licence = tmp_path / "营业执照.pdf"
    licence.write_bytes(b"%PDF-1.4 licence")
    for item in MADE_REQUIRED:
        store.applications.receive(application_id, item, licence, by="前台")
    store.applications.receive(application_id, "ccc", not_applicable=True, by="前台")


def test_an_application_lists_the_packs_materials_as_missing(made):
    application_id = made.applications.new(applicant_id=made.applicant_id, scheme_id="zhejiang-made",
                                           product="电水壶", by="前台")
    row = made.applications.get(application_id)
    assert row["status"] == "open" and row["received_on"] == "2026-02-12"
    assert [i["id"] for i in row["items"]][:5] == list(MADE_REQUIRED)
    assert {i["status"] for i in row["items"]} == {"missing"}
    assert row["product_name"] == "电水壶"


def test_accepting_needs_every_required_material(made, tmp_path):
    application_id = made.applications.new(applicant_id=made.applicant_id, scheme_id="zhejiang-made")
    with pytest.raises(RefusedInput) as refused:
        made.applications.decide(application_id, "accept", by="李四")
    assert refused.value.problems[0].code == "application.items_missing"
    assert "licence" in refused.value.problems[0].params["items"]
    complete(made, application_id, tmp_path)
    row = made.applications.decide(application_id, "accept", by="李四")
    assert row["status"] == "accepted" and row["accepted_on"] == "2026-02-12"
    # Optional materials may stay missing; the received file is kept with its hash.
    by_id = {i["id"]: i for i in row["items"]}
    assert by_id["test-report"]["status"] == "missing" and by_id["ccc"]["status"] == "na"
    assert made.applications.content(application_id, "licence") == b"%PDF-1.4 licence"
    # Signed like the certification decision, and the signature checks out.
    signatures = made.people.signatures("application_decision")
    assert [s["action"] for s in signatures] == ["application.decide"]
    assert made.people.verify_signatures() == []


def test_return_and_refuse_need_a_reason(made):
    application_id = made.applications.new(applicant_id=made.applicant_id, scheme_id="zhejiang-made")
    for decision in ("return", "refuse"):
        with pytest.raises(RefusedInput) as refused:
            made.applications.decide(application_id, decision, by="李四")
        assert refused.value.problems[0].code == "application.reason_required"
    made.applications.decide(application_id, "refuse", by="李四", reason="不属于浙江制造标准范围")
    assert made.applications.get(application_id)["status"] == "refused"
    with pytest.raises(RefusedInput) as refused:
        made.applications.decide(application_id, "accept", by="李四")
    assert refused.value.problems[0].code == "application.closed"
    with pytest.raises(RefusedInput) as refused:
        made.applications.receive(application_id, "licence", not_applicable=True)
    assert refused.value.problems[0].code == "application.closed"


def test_a_returned_application_reopens_and_restarts_its_clock(made, clock, tmp_path):
    application_id = made.applications.new(applicant_id=made.applicant_id, scheme_id="zhejiang-made")
    made.applications.decide(application_id, "return", by="李四", reason="缺少产品描述")
    assert made.applications.get(application_id)["status"] == "returned"
    clock.local_day(dt.date(2026, 3, 2))
    complete(made, application_id, tmp_path)
    row = made.applications.get(application_id)
    assert row["status"] == "open" and row["received_on"] == "2026-03-02"
    made.applications.decide(application_id, "accept", by="李四")
    assert [d["decision"] for d in made.applications.get(application_id)["decisions"]] == ["return", "accept"]
    assert made.people.verify_signatures() == []


def test_the_decider_must_be_registered_competent_and_signed_in(made):
    application_id = made.applications.new(applicant_id=made.applicant_id, scheme_id="zhejiang-made")
    outsider = made.people.add(name="周七", roles=["decider"], schemes=["zhejiang-agri"], passphrase=TEST_PASSPHRASE)
    cases = [("无名氏", "people.unknown"), (outsider["id"], "people.not_competent")]
    for who, code in cases:
        with pytest.raises(RefusedInput) as refused:
            made.applications.decide(application_id, "return", by=who, reason="x")
        assert refused.value.problems[0].code == code
    made.people.lock()
    with pytest.raises(RefusedInput) as refused:
        made.applications.decide(application_id, "return", by="李四", reason="x")
    assert refused.value.problems[0].code == "people.not_signed_in"
    assert made.applications.get(application_id)["decisions"] == []


def test_materials_are_checked(made, tmp_path):
    application_id = made.applications.new(applicant_id=made.applicant_id, scheme_id="zhejiang-made")
    with pytest.raises(RefusedInput) as refused:
        made.applications.receive(application_id, "passport", not_applicable=True)
    assert refused.value.problems[0].code == "application.unknown_item"
    with pytest.raises(RefusedInput) as refused:
        made.applications.receive(application_id, "licence")
    assert refused.value.problems[0].code == "application.file_or_na"
    with pytest.raises(RefusedInput) as refused:
        made.applications.receive(application_id, "licence", tmp_path)          # a folder
    assert refused.value.problems[0].code == "evidence.not_regular"
    assert {i["status"] for i in made.applications.get(application_id)["items"]} == {"missing"}


def test_an_assessment_starts_from_an_accepted_application(made, tmp_path):
    application_id = made.applications.new(applicant_id=made.applicant_id, scheme_id="zhejiang-made",
                                           product="电水壶")
    with pytest.raises(RefusedInput) as refused:
        made.applications.start_assessment(application_id, assessor="张三")
    assert refused.value.problems[0].code == "application.not_accepted"
    complete(made, application_id, tmp_path)
    made.applications.decide(application_id, "accept", by="李四")
    assessment_id = made.applications.start_assessment(application_id, assessor="张三")
    assessment = made.assessments.get(assessment_id)
    application = made.applications.get(application_id)
    assert assessment["mode"] == "certification" and assessment["scheme_version"] == application["scheme_version"]
    assert assessment["product_id"] == application["product_id"]
    assert application["assessment_id"] == assessment_id
    with pytest.raises(RefusedInput) as refused:
        made.applications.start_assessment(application_id, assessor="张三")
    assert refused.value.problems[0].code == "application.has_assessment"


def test_an_assessor_who_consulted_for_the_applicant_is_refused(made, tmp_path):
    application_id = made.applications.new(applicant_id=made.applicant_id, scheme_id="zhejiang-made")
    complete(made, application_id, tmp_path)
    made.applications.decide(application_id, "accept", by="李四")
    made.consultancies.add("张三", made.applicant_id, note="2025 年体系咨询")
    with pytest.raises(RefusedInput) as refused:
        made.applications.start_assessment(application_id, assessor="张三")
    assert refused.value.problems[0].code == "people.consulted"
    assert made.applications.get(application_id)["assessment_id"] is None
    assert made.applications.start_assessment(application_id, assessor="王五")


def test_a_consultancy_that_ended_no_longer_counts(made):
    made.consultancies.add("张三", made.applicant_id, until="2025-12-31")
    assert not made.consultancies.consulted(made.people.find("张三")["id"], made.applicant_id)
    with pytest.raises(RefusedInput) as refused:
        made.consultancies.add("张三", made.applicant_id, until="去年")
    assert refused.value.problems[0].code == "calendar.not_a_date"


def test_a_pack_without_an_application_table_still_works(mini_store, applicant):
    application_id = mini_store.applications.new(applicant_id=applicant, scheme_id="mini")
    assert mini_store.applications.get(application_id)["items"] == []
    mini_store.applications.decide(application_id, "accept", by="李四")
    assert mini_store.applications.start_assessment(application_id, assessor="张三")


def test_the_cli_walks_an_application_to_its_assessment(made, tmp_path, capsys, passphrase):
    from brandmark.cli import main

    def run_cli(*args, db):
        code = main(["--db", str(db), *map(str, args)])
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out, err)

    db = made.path
    made.close()
    new = run_cli("applications", "new", "--applicant", "1", "--scheme", "zhejiang-made", "--product", "电水壶",
                  "--json", db=db)
    assert new.returncode == 0, new.stderr
    application_id = json.loads(new.stdout)["id"]
    refused = run_cli("applications", "accept", str(application_id), "--by", "李四", db=db)
    assert refused.returncode == 2 and "form" in refused.stderr
    licence = tmp_path / "licence.pdf"
    licence.write_bytes(b"licence")
    for item in MADE_REQUIRED:
        assert run_cli("applications", "receive", str(application_id), "--item", item, "--file", str(licence),
                       db=db).returncode == 0
    assert run_cli("applications", "receive", str(application_id), "--item", "ccc", "--na", db=db).returncode == 0
    accepted = run_cli("applications", "accept", str(application_id), "--by", "李四", "--json", db=db)
    assert accepted.returncode == 0, accepted.stderr
    assert json.loads(accepted.stdout)["status"] == "accepted"
    started = run_cli("assessments", "new", "--application", str(application_id), "--assessor", "张三", "--json",
                      db=db)
    assert started.returncode == 0, started.stderr
    listed = json.loads(run_cli("applications", "list", "--json", db=db).stdout)
    assert listed[0]["assessment_id"] == json.loads(started.stdout)["id"]
    neither = run_cli("assessments", "new", "--assessor", "张三", db=db)
    assert neither.returncode == 2 and "--application" in neither.stderr
    # Self-assessments work as before.
    own = run_cli("assessments", "new", "--applicant", "1", "--scheme", "zhejiang-made", "--mode", "self",
                  "--assessor", "企业自评人", db=db)
    assert own.returncode == 0, own.stderr
