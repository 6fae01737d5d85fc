"""Issue 11 §1: closing a nonconformity records its verification (what was checked, the
evidence, who verified), never in one click; nonconformities are numbered within their
assessment. Store, CLI, migration and the assessment report."""

from __future__ import annotations

import json
import sqlite3

import pytest
from pypdf import PdfReader

from brandmark.cli import main
from brandmark.errors import RefusedInput
from brandmark.reports.assessment_report import write_assessment_report
from brandmark.store import Store
from brandmark.store.migrations import MIGRATIONS, migrate
from support import MINI_GRANT, MINI_PACK, register_staff, new_certification_assessment

ASSESSOR = "张三"
CHECKED, EVIDENCE = "抽查 5 份受控文件", "文件 QP-01 至 QP-05 均有受控章"


def new_assessment(store, applicant) -> int:
    return new_certification_assessment(store, applicant, "mini", assessor=ASSESSOR)


def with_minor_nc(store, applicant) -> tuple[int, dict]:
    aid = new_assessment(store, applicant)
    store.assessments.answer_many(aid, {**MINI_GRANT, "C1": "minor"}, by=ASSESSOR)
    [finding] = store.assessments.findings(aid)
    store.assessments.update_finding(finding["id"], by=ASSESSOR, corrective_action="全部文件加盖受控章")
    return aid, finding


def test_nonconformities_are_numbered_within_their_assessment(mini_store, applicant):
    first, _ = with_minor_nc(mini_store, applicant)
    mini_store.assessments.answer(first, "C2", "major", by=ASSESSOR)
    second = new_assessment(mini_store, applicant)
    mini_store.assessments.answer(second, "C2", "minor", by=ASSESSOR)
    assert [f["number"] for f in mini_store.assessments.findings(first)] == [1, 2]
    [only] = mini_store.assessments.findings(second)
    assert only["number"] == 1 and only["id"] == 3      # the first of this audit is #1, not #3


def test_a_number_is_never_reused_after_a_withdrawal(mini_store, applicant):
    aid = new_assessment(mini_store, applicant)
    mini_store.assessments.answer(aid, "C1", "minor", by=ASSESSOR)
    mini_store.assessments.answer(aid, "C1", "conform", by=ASSESSOR)      # withdrawn
    mini_store.assessments.answer(aid, "C2", "minor", by=ASSESSOR)
    rows = mini_store.assessments.findings(aid, include_withdrawn=True)
    assert [(f["number"], f["status"]) for f in rows] == [(1, "withdrawn"), (2, "open")]


def test_closing_needs_what_was_checked_and_the_evidence(mini_store, applicant):
    aid, finding = with_minor_nc(mini_store, applicant)
    before = mini_store.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    with pytest.raises(RefusedInput) as refused:
        mini_store.assessments.close_finding(finding["id"], by=ASSESSOR, checked=" ", evidence="")
    assert [(p.code, p.field) for p in refused.value.problems] == [
        ("text.required", ("verification", "checked")), ("text.required", ("verification", "evidence"))]
    assert "what was checked" in refused.value.message("en") and "验证证据" in refused.value.message("zh_CN")
    assert mini_store.assessments.finding(finding["id"])["status"] == "open"
    assert mini_store.conn.execute("SELECT count(*) FROM events").fetchone()[0] == before   # nothing written


def test_the_verification_is_stored_signed_and_logged(mini_store, applicant):
    aid, finding = with_minor_nc(mini_store, applicant)
    closed = mini_store.assessments.close_finding(finding["id"], by=ASSESSOR, checked=CHECKED, evidence=EVIDENCE)
    assert (closed["status"], closed["closed_by"], closed["verification_checked"],
            closed["verification_evidence"]) == ("closed", ASSESSOR, CHECKED, EVIDENCE)
    assert closed["closed_by_id"] is not None                       # a registered person
    event = mini_store.events.list("finding", finding["id"], limit=1)[0]
    assert event["action"] == "finding.close"
    assert (event["details"]["number"], event["details"]["checked"], event["details"]["evidence"]) == (
        1, CHECKED, EVIDENCE)
    [signature] = mini_store.people.signatures("finding", finding["id"])
    assert json.loads(signature["content"])["verification_checked"] == CHECKED
    assert mini_store.people.verify_signatures() == []
    assert mini_store.assessments.score(aid).verdict == "grant"


def test_the_verifier_must_be_a_registered_person_signed_in(mini_store, applicant):
    _aid, finding = with_minor_nc(mini_store, applicant)
    with pytest.raises(RefusedInput) as unknown:
        mini_store.assessments.close_finding(finding["id"], by="路人甲", checked=CHECKED, evidence=EVIDENCE)
    assert unknown.value.problems[0].code.startswith("people.")
    mini_store.people.lock()
    with pytest.raises(RefusedInput) as locked:
        mini_store.assessments.close_finding(finding["id"], by=ASSESSOR, checked=CHECKED, evidence=EVIDENCE)
    assert locked.value.problems[0].code == "people.not_signed_in"


def test_the_report_shows_the_number_and_the_verification(mini_store, applicant, tmp_path):
    earlier = new_assessment(mini_store, applicant)
    mini_store.assessments.answer(earlier, "C2", "minor", by=ASSESSOR)     # finding id 1, elsewhere
    aid, finding = with_minor_nc(mini_store, applicant)
    assert finding["id"] == 2 and finding["number"] == 1
    mini_store.assessments.close_finding(finding["id"], by=ASSESSOR, checked=CHECKED, evidence=EVIDENCE)
    path = tmp_path / "report.pdf"
    write_assessment_report(mini_store, aid, path)
    text = "".join(page.extract_text() for page in PdfReader(path).pages).replace("\n", "")
    section = text[text.index("五、不符合项"):]
    section = section[:section.index("六、")]
    assert "#1" in section and "#2" not in section        # numbered within this assessment, not by id
    assert CHECKED.replace(" ", "") in text.replace(" ", "") and "QP-01" in text
    assert "Checked" in text and "Evidence" in text


def test_cli_close_finding_needs_the_same_fields(mini_store, applicant, capsys, passphrase):
    aid, finding = with_minor_nc(mini_store, applicant)
    db = str(mini_store.path)
    code = main(["--db", db, "assessments", "close-finding", str(finding["id"]), "--by", ASSESSOR])
    out, err = capsys.readouterr()
    assert code == 2 and "what was checked" in err
    assert mini_store.assessments.finding(finding["id"])["status"] == "open"
    code = main(["--db", db, "assessments", "close-finding", str(finding["id"]), "--by", ASSESSOR,
                 "--checked", CHECKED, "--evidence", EVIDENCE, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    closed = json.loads(out)
    assert (closed["number"], closed["verification_checked"], closed["verification_evidence"]) == (
        1, CHECKED, EVIDENCE)
    code = main(["--db", db, "assessments", "show", str(aid)])
    out, _err = capsys.readouterr()
    assert "nonconformity #1" in out and CHECKED in out


def findings_step_version() -> int:
    """The schema version whose step added ``findings.number`` (others may add steps later)."""
    conn = sqlite3.connect(":memory:")
    conn.isolation_level = None
    for version in range(1, len(MIGRATIONS) + 1):
        migrate(conn, target=version)
        if "number" in [row[1] for row in conn.execute("PRAGMA table_info(findings)")]:
            return version
    raise AssertionError("no step numbers the findings")


def test_the_migration_numbers_existing_findings_within_each_assessment(tmp_path):
    from test_migrations import build_at, connect

    path = tmp_path / "before.db"
    before = findings_step_version() - 1
    build_at(path, before)              # assessment 1 with finding 1 (closed), as tests/test_migrations.py has it
    conn = connect(path)
    conn.execute("BEGIN")
    conn.execute("INSERT INTO assessments (id, applicant_id, product_id, scheme_id, scheme_version, scheme_hash, "
                 "mode, assessor, stage, status, created_at, updated_at) SELECT 2, applicant_id, product_id, "
                 "scheme_id, scheme_version, scheme_hash, mode, assessor, 'audit', 'open', created_at, updated_at "
                 "FROM assessments WHERE id = 1")
    for finding_id, assessment_id in ((2, 2), (3, 1), (4, 2)):
        conn.execute("INSERT INTO findings (id, assessment_id, item_id, grade, status, created_by, created_at) "
                     "VALUES (?, ?, 'C2', 'minor', 'open', '张三', '2026-03-01T09:30:00+00:00')",
                     [finding_id, assessment_id])
    conn.execute("COMMIT")
    migrate(conn)
    numbers = conn.execute("SELECT id, assessment_id, number, verification_checked FROM findings ORDER BY id").fetchall()
    assert numbers == [(1, 1, 1, None), (2, 2, 1, None), (3, 1, 2, None), (4, 2, 2, None)]
    with pytest.raises(sqlite3.IntegrityError):          # one number per finding within an assessment
        conn.execute("UPDATE findings SET number = 1 WHERE id = 3")
    conn.close()
    with Store(path, load_bundled_packs=False) as store:
        # A finding closed before the step shows its verification as not recorded, and keeps verifying.
        assert store.assessments.finding(1)["verification_checked"] is None
        assert store.assessments.findings(2)[0]["number"] == 1


def test_the_walk_through_summary_lists_nonconformities_by_their_number(qtbot, mini_store, applicant):
    pytest.importorskip("PySide6")
    from brandmark.ui.qt_assessment_page import QtAssessmentPage
    from brandmark.ui.qt_context import QtAppContext

    earlier = new_assessment(mini_store, applicant)
    mini_store.assessments.answer(earlier, "C2", "minor", by=ASSESSOR)        # finding id 1, elsewhere
    aid, _finding = with_minor_nc(mini_store, applicant)
    context = QtAppContext(mini_store)
    context.user_name = ASSESSOR
    page = QtAssessmentPage(context)
    qtbot.addWidget(page)
    page.open_assessment(aid)
    page.go_to_stage("summary")
    assert page.summary.findings.item(0, 0).text().startswith("#1 ")
