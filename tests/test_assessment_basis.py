"""What an assessment starts from (issue 16 §1): an initial certification assessment only from
an accepted application; a surveillance visit, recertification or scope change from its
certificate; an enterprise self-assessment from nothing; a laptop's copy from the body's
assignment."""

from __future__ import annotations

import json

import pytest
from support import (APPLICATION_MATERIAL, MINI_GRANT, accepted_application, cli_certification_assessment,
                     new_certification_assessment, refused_with)
from test_certificates_support import decided_assessment, ensure_body_key
from test_store import counts

from brandmark.cli import main


def new(store, applicant, **kwargs):
    return store.assessments.new(applicant_id=applicant, scheme_id="mini", assessor="张三", **kwargs)


# -- the core ---------------------------------------------------------------------------------

def test_an_initial_certification_assessment_needs_an_accepted_application(mini_store, applicant):
    before = counts(mini_store)
    with refused_with("assessment.needs_application") as refused:
        new(mini_store, applicant, product="电水壶")
    assert refused.value.problems[0].params == {"applicant": applicant, "scheme": "mini"}
    assert counts(mini_store) == before


def test_a_self_assessment_needs_none(mini_store, applicant):
    own = new(mini_store, applicant, mode="self")
    assert mini_store.assessments.get(own)["mode"] == "self"
    assert mini_store.applications.for_assessment(own) is None
    with refused_with("assessment.self_has_no_basis"):
        new(mini_store, applicant, mode="self", application_id=accepted_application(mini_store, applicant, "mini"))


def test_the_assessment_is_linked_to_its_application_in_the_same_act(mini_store, applicant):
    application = accepted_application(mini_store, applicant, "mini", product="电水壶")
    assessment = new(mini_store, applicant, application_id=application)
    row = mini_store.assessments.get(assessment)
    assert (row["kind"], row["product_name"]) == ("initial", "电水壶")      # the application's product
    assert mini_store.applications.for_assessment(assessment)["id"] == application
    [event] = [e for e in mini_store.events.list("assessment", assessment) if e["action"] == "assessment.new"]
    assert event["details"]["application"] == application
    # At most one assessment per application.
    with refused_with("application.has_assessment"):
        new(mini_store, applicant, application_id=application)


def test_an_open_returned_or_refused_application_starts_nothing(mini_store, applicant):
    application = mini_store.applications.new(applicant_id=applicant, scheme_id="mini")
    before = counts(mini_store)
    with refused_with("application.not_accepted"):
        new(mini_store, applicant, application_id=application)
    mini_store.applications.decide(application, "refuse", by="李四", reason="不在认证范围内")
    with refused_with("application.not_accepted"):
        new(mini_store, applicant, application_id=application)
    assert counts(mini_store)["assessments"] == before["assessments"]


def test_another_applicants_application_is_refused(mini_store, applicant):
    from brandmark.uscc import make_uscc

    other = mini_store.applicants.add(name="乙公司", uscc=make_uscc(), actor="tester")
    application = accepted_application(mini_store, other, "mini")
    with refused_with("assessment.application_mismatch"):
        new(mini_store, applicant, application_id=application)


def test_later_kinds_start_from_a_certificate(mini_store, applicant):
    with refused_with("assessment.needs_certificate"):
        new(mini_store, applicant, kind="surveillance")
    with refused_with("assessment.unknown_kind"):
        new(mini_store, applicant, kind="follow-up")
    ensure_body_key(mini_store)
    number = mini_store.certificates.issue(decided_assessment(mini_store))["number"]
    with refused_with("assessment.initial_has_no_certificate"):
        new(mini_store, applicant, certificate_number=number)
    # The certificate's holder is another applicant than ``applicant``.
    with refused_with("assessment.certificate_mismatch"):
        new(mini_store, applicant, kind="recertification", certificate_number=number)


def test_visits_and_renewals_start_from_the_certificate_without_an_application(mini_store):
    ensure_body_key(mini_store)
    cert = mini_store.certificates.issue(decided_assessment(mini_store))
    applications = counts_of(mini_store, "applications")
    visit = mini_store.surveillance.open_visit(cert["number"], assessor="王五")["assessment_id"]
    scope = mini_store.renewals.start_scope_change(cert["number"], models="K-1, K-2, K-3", assessor="王五")
    for assessment, kind in ((visit, "surveillance"), (scope, "scope")):
        row = mini_store.assessments.get(assessment)
        assert (row["kind"], row["certificate_number"]) == (kind, cert["number"])
        assert mini_store.applications.for_assessment(assessment) is None
    assert counts_of(mini_store, "applications") == applications


def counts_of(store, table: str) -> int:
    return store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_the_test_helper_receives_every_required_material(store):
    applicant = store.applicants.add(name="杭州测试电器有限公司", uscc="91350100M000100Y43", actor="tester")
    assessment = new_certification_assessment(store, applicant, "zhejiang-made", assessor="张三", product="电水壶")
    application = store.applications.for_assessment(assessment)
    assert application["status"] == "accepted"
    required = [i for i in application["items"] if i["required"]]
    assert required and all(i["status"] == "received" for i in required)
    assert store.applications.content(application["id"], required[0]["id"]) == APPLICATION_MATERIAL.read_bytes()


# -- the exchange: a laptop's copy ------------------------------------------------------------------

def test_an_assigned_assessment_reaches_the_laptop_without_the_application(tmp_path):
    from exchange_support import make_world

    world = make_world(tmp_path)
    try:
        assert world.body.applications.for_assessment(world.assessment)["status"] == "accepted"
        laptop_id = world.receive()
        assert world.laptop.applications.for_assessment(laptop_id) is None
        assert world.laptop.db.execute("SELECT count(*) FROM applications").fetchone()[0] == 0
        world.laptop.assessments.answer_many(laptop_id, dict(MINI_GRANT), by=world.assessor_on_laptop)
    finally:
        world.close()


# -- the CLI ----------------------------------------------------------------------------------------

@pytest.fixture
def cli(tmp_path, capsys, passphrase):
    from brandmark.store import Store
    from support import MINI_PACK, register_staff

    db = tmp_path / "cli.db"
    with Store(db) as store:
        store.schemes.import_file(MINI_PACK, actor="tester")
        register_staff(store, unlock=False)
        store.applicants.add(name="杭州测试电器有限公司", uscc="91350100M000100Y43", actor="tester")

    def run(*args):
        code = main(["--db", str(db), *map(str, args)])
        out, err = capsys.readouterr()
        return code, out, err

    run.db = db
    return run


def test_the_cli_refuses_applicant_for_a_certification_assessment(cli):
    from safety_support import dump_tables

    before = dump_tables(cli.db)
    code, _, err = cli("assessments", "new", "--applicant", 1, "--scheme", "mini", "--assessor", "张三")
    assert code == 2
    assert "applications new --applicant 1 --scheme mini" in err and "--application ID" in err
    assert "认证评审须从已受理的申请开始" in err
    assert dump_tables(cli.db) == before
    code, out, err = cli("assessments", "new", "--applicant", 1, "--scheme", "mini", "--mode", "self",
                         "--assessor", "企业自评人", "--json")
    assert code == 0 and json.loads(out)["mode"] == "self", err


def test_the_cli_starts_it_from_the_accepted_application(cli):
    def run_json(*args):
        code, out, err = cli(*args, "--json")
        assert code == 0, err
        return json.loads(out)

    assessment = cli_certification_assessment(run_json, 1, "mini", assessor="张三", product="电水壶")
    assert assessment["kind"] == "initial" and assessment["product_name"] == "电水壶"
    [application] = run_json("applications", "list")
    assert (application["status"], application["assessment_id"]) == ("accepted", assessment["id"])
