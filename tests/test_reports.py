"""The assessment and self-assessment report PDFs, read back with pypdf."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from brandmark.errors import RefusedInput
from brandmark.reports import write_assessment_report, write_self_report
from test_reports_support import (
    DECIDER, NASTY_NAME, NOTE_WITH_NEWLINES, fonts, mixed_assessment, page_texts, squeezed,
)


@pytest.fixture
def demo_store(store):
    from brandmark.demo import load_demo

    load_demo(store)
    return store


def _by_mode(store, mode: str) -> list[int]:
    return [row["id"] for row in store.assessments.list() if row["mode"] == mode]


# -- the certification assessment report --------------------------------------------

def test_mini_assessment_report_prints_the_record(bare_store, tmp_path):
    assessment_id = mixed_assessment(bare_store)
    pdf = tmp_path / "a.pdf"
    pages = write_assessment_report(bare_store, assessment_id, pdf)
    texts = page_texts(pdf)
    assert pages == len(texts)
    whole = squeezed("".join(texts))
    applicant = bare_store.applicants.get(bare_store.assessments.get(assessment_id)["applicant_id"])
    for expected in (applicant["name"], applicant["uscc"], "杭州市", "电水壶",
                     "不予认证",                               # verdict: T2 fails
                     "V1", "T1", "T2", "C1", "C2", "P1", "P2",  # every item id
                     "96.96", "97.0",                           # T1 measured, and compared after rounding
                     "0.26", "≤0.25mA",                        # T2 failing sample, limit with unit
                     "修约值比较法", "全数值比较法",
                     "一般不符合", "补全文件控制记录并培训", "2026-03-31",  # finding: grade, action, deadline
                     DECIDER, "2026-03-01",                     # decider and decision date
                     "mini@1", bare_store.assessments.get(assessment_id)["scheme_hash"][:12]):
        assert squeezed(expected) in whole, expected
    evidence = bare_store.assessments.evidence(assessment_id)[0]
    assert squeezed(evidence["file_name"]) in whole
    assert evidence["sha256"][:16] in whole


def test_every_page_is_numbered_of_the_total(bare_store, tmp_path):
    pdf = tmp_path / "a.pdf"
    pages = write_assessment_report(bare_store, mixed_assessment(bare_store), pdf)
    assert pages >= 2
    for number, text in enumerate(page_texts(pdf), start=1):
        assert f"第 {number} 页 / 共 {pages} 页" in text
        assert f"Page {number} of {pages}" in text


def test_notes_keep_their_lines(bare_store, tmp_path):
    pdf = tmp_path / "a.pdf"
    write_assessment_report(bare_store, mixed_assessment(bare_store), pdf)
    lines = [line.strip() for text in page_texts(pdf) for line in text.splitlines()]
    for note_line in filter(None, NOTE_WITH_NEWLINES.splitlines()):
        assert note_line in lines        # each note line on a line of its own, markup characters intact


def test_the_font_is_embedded_as_a_subset(bare_store, tmp_path):
    pdf = tmp_path / "a.pdf"
    write_assessment_report(bare_store, mixed_assessment(bare_store), pdf)
    used = fonts(pdf)
    assert used
    for font in used:
        name = str(font["/BaseFont"])
        assert re.fullmatch(r"/[A-Z]{6}\+.+", name), f"{name} is not an embedded subset"
        descriptor = font["/FontDescriptor"].get_object()
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), name


def test_a_nasty_company_name_prints_verbatim(bare_store, tmp_path):
    assessment_id = mixed_assessment(bare_store, name=NASTY_NAME)
    pdf = tmp_path / "a.pdf"
    write_assessment_report(bare_store, assessment_id, pdf)
    first = page_texts(pdf)[0]
    # The markup-looking part is text, not markup (no bold, no swallowed characters), and the
    # 100-character name wraps inside its cell rather than being cut.
    assert squeezed(NASTY_NAME) in squeezed(first)
    name_lines = [line for line in first.splitlines() if "天台山" in line or "0123456789" in line]
    assert len(name_lines) >= 2


def test_a_self_assessment_is_refused_and_writes_nothing(bare_store, tmp_path):
    assessment_id = mixed_assessment(bare_store, mode="self")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(RefusedInput, match="self-assessment"):
        write_assessment_report(bare_store, assessment_id, out / "a.pdf")
    assert list(out.iterdir()) == []


def test_demo_reports_for_every_bundled_pack(demo_store, tmp_path):
    ids = _by_mode(demo_store, "certification")
    assert ids
    for assessment_id in ids:
        pdf = tmp_path / f"a{assessment_id}.pdf"
        pages = write_assessment_report(demo_store, assessment_id, pdf)
        whole = squeezed("".join(page_texts(pdf)))
        record = demo_store.assessments.get(assessment_id)
        result = demo_store.assessments.score(assessment_id)
        assert pages == len(PdfReader(str(pdf)).pages)
        assert squeezed(record["applicant_name"]) in whole
        assert f"{result.total:.2f}" in whole
        # Issue 4: the assessor and the decider, and the section scores' radar chart.
        decision = demo_store.assessments.decision(assessment_id)
        assert squeezed(record["assessor"]) in whole and squeezed(decision["decided_by"]) in whole
        assert "雷达图" in whole and "Radar" in whole
        pack = demo_store.assessments.pack_for(assessment_id)
        missing = [item.id for item in pack.items() if item.id not in whole]
        assert not missing, f"assessment {assessment_id}: item ids missing {missing}"
        for section in result.sections:
            if section.max > 0:
                assert f"{section.score:.2f}" in whole


def test_progress_reaches_its_total(bare_store, tmp_path):
    calls = []
    write_assessment_report(bare_store, mixed_assessment(bare_store), tmp_path / "a.pdf",
                            progress=lambda done, total, message: calls.append((done, total, message)))
    assert len(calls) >= 3
    assert all(0 <= done <= total for done, total, _ in calls)
    assert calls[-1][0] == calls[-1][1]


def test_a_cancelled_report_leaves_no_file_and_keeps_the_old_one(bare_store, tmp_path):
    assessment_id = mixed_assessment(bare_store)
    out = tmp_path / "out"
    out.mkdir()
    pdf = out / "a.pdf"
    pdf.write_bytes(b"the previous report")

    class Cancelled(Exception):
        pass

    def cancel_during_layout(done, total, message):
        if done > 0:
            raise Cancelled()

    with pytest.raises(Cancelled):
        write_assessment_report(bare_store, assessment_id, pdf, progress=cancel_during_layout)
    assert pdf.read_bytes() == b"the previous report"
    assert [p.name for p in out.iterdir()] == ["a.pdf"]


def test_an_unwritable_target_is_refused(bare_store, tmp_path):
    assessment_id = mixed_assessment(bare_store)
    with pytest.raises(RefusedInput, match="does not exist"):
        write_assessment_report(bare_store, assessment_id, tmp_path / "missing" / "a.pdf")
    with pytest.raises(RefusedInput, match="folder"):
        write_assessment_report(bare_store, assessment_id, tmp_path)


def test_an_open_assessment_says_no_decision_yet(bare_store, tmp_path):
    pdf = tmp_path / "a.pdf"
    write_assessment_report(bare_store, mixed_assessment(bare_store, decide=False, evidence=False), pdf)
    whole = squeezed("".join(page_texts(pdf)))
    assert "尚未作出认证决定" in whole
    assert "未附证据文件" in whole


# -- the self-assessment report -------------------------------------------------------

def test_self_report_lists_gaps_in_the_scorers_order(demo_store, tmp_path):
    for assessment_id in _by_mode(demo_store, "self"):
        pdf = tmp_path / f"s{assessment_id}.pdf"
        write_self_report(demo_store, assessment_id, pdf)
        whole = squeezed("".join(page_texts(pdf)))
        result = demo_store.assessments.score(assessment_id)
        assert result.gaps, "the demo self-assessments have gaps"
        assert f"{result.readiness:.1f}%" in whole
        assert "不是认证决定" in whole and "notacertificationdecision" in whole
        gap_list = whole[whole.index("差距清单"):]
        positions = [gap_list.find(gap.item) for gap in result.gaps]
        assert -1 not in positions
        assert positions == sorted(positions), "gaps are not in the scorer's order"


def test_self_report_shows_requirement_current_and_target(bare_store, tmp_path):
    assessment_id = mixed_assessment(bare_store, mode="self")
    pdf = tmp_path / "s.pdf"
    write_self_report(bare_store, assessment_id, pdf)
    whole = squeezed("".join(page_texts(pdf)))
    gaps = whole[whole.index("差距清单"):]
    # P1: level 2 of 4 now, target 3 with its descriptor "高"; C1 minor now, conform is the target.
    assert "P1" in gaps and "2/4级" in gaps and "3/4级Level高" in gaps
    assert "C1" in gaps and "一般不符合" in gaps and "符合Conform" in gaps
    # T2 fails: measured values and the limit it must meet.
    assert "T2" in gaps and "0.26" in gaps and "≤0.25mA" in gaps
    assert "V1" not in gaps.split("差距清单")[-1]   # a passed veto item is no gap


def test_self_report_of_a_certification_assessment_is_a_labelled_gap_list(bare_store, tmp_path):
    assessment_id = mixed_assessment(bare_store)
    pdf = tmp_path / "s.pdf"
    write_self_report(bare_store, assessment_id, pdf)
    whole = squeezed("".join(page_texts(pdf)))
    assert f"本差距清单取自认证评审#{assessment_id}" in whole
    assert "T2" in whole[whole.index("差距清单"):]


def test_self_report_with_no_gaps_says_so(bare_store, tmp_path):
    from support import MINI_GRANT
    from test_reports_support import ASSESSOR, ensure_mini, new_applicant

    ensure_mini(bare_store)
    assessment_id = bare_store.assessments.new(applicant_id=new_applicant(bare_store), scheme_id="mini",
                                               assessor=ASSESSOR, mode="self")
    bare_store.assessments.answer_many(assessment_id, MINI_GRANT, by=ASSESSOR)
    pdf = tmp_path / "s.pdf"
    write_self_report(bare_store, assessment_id, pdf)
    whole = squeezed("".join(page_texts(pdf)))
    assert "所有项目均已达到目标" in whole
    assert "100.0%" in whole


def test_readiness_heading_and_figures_share_a_page(bare_store, tmp_path):
    """Wherever the section falls on the page, heading, figures and their meaning stay together."""
    from brandmark.reports.common import load_record
    from brandmark.reports.layout import build_document, text
    from brandmark.reports.self_report import build_story

    assessment_id = mixed_assessment(bare_store, mode="self")
    record = load_record(bare_store, assessment_id)
    readiness = f"{record.result.readiness:.1f}%"
    for lines in range(0, 40, 3):
        pdf = tmp_path / f"s{lines}.pdf"
        build_document(pdf, "t", [text(f"填充 filler {n}") for n in range(lines)] + build_story(record))
        texts = page_texts(pdf)
        heading_page = next(i for i, t in enumerate(texts) if "二、准备度" in t)
        figure_page = next(i for i, t in enumerate(texts) if readiness in t)
        meaning_page = next(i for i, t in enumerate(texts) if "准备度：达到目标" in t)
        assert heading_page == figure_page == meaning_page, lines
