"""The registers as the window shows them (issue 11 §3), through the real pages: applicants
sorted by pinyin when the Name header is clicked; the assessments register's columns."""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, Qt  # noqa: E402

from brandmark.store import Store  # noqa: E402
from brandmark.ui.qt_applicants_page import QtApplicantsPage  # noqa: E402
from brandmark.ui.qt_context import QtAppContext  # noqa: E402
from brandmark.uscc import make_uscc  # noqa: E402

pytestmark = pytest.mark.gui
NAMES = ["杭州恒丰电器有限公司", "嘉兴华鑫纺织有限公司", "丽水瑞祥五金有限公司", "宁波朝阳机械厂", "温州泰隆服装有限公司"]


@pytest.fixture
def context(qapp, tmp_path):
    store = Store(tmp_path / "registers.db", load_bundled_packs=False)
    context = QtAppContext(store)
    context.language = "zh_CN"
    context.user_name = "张三"
    yield context
    store.close()


def click_header(qtbot, table, section: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def shown_column(page, key: str) -> list[str]:
    model = page.register.table.model()
    column = [c.key for c in page.model.columns].index(key)
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_clicking_name_sorts_applicants_by_pinyin(context, qtbot):
    for i in (3, 0, 4, 2, 1):
        context.store.applicants.add(name=NAMES[i], uscc=make_uscc("91", "330100", f"{i:08d}"))
    page = QtApplicantsPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 500)
    page.show()
    name_column = [c.key for c in page.model.columns].index("name")
    click_header(qtbot, page.register.table, name_column)
    names = shown_column(page, "name")
    if names != NAMES:                                   # the first click may sort descending
        click_header(qtbot, page.register.table, name_column)
        names = shown_column(page, "name")
    assert names == NAMES                                # 丽水 after 杭州 and 嘉兴, before 宁波
    click_header(qtbot, page.register.table, name_column)
    assert shown_column(page, "name") == NAMES[::-1]


# -- the new-assessment dialog proposes the scheme for the applicant's industry --------

@pytest.fixture
def packs_context(qapp, tmp_path):
    from support import register_staff

    store = Store(tmp_path / "packs.db")
    register_staff(store)
    context = QtAppContext(store)
    context.language = "zh_CN"
    context.user_name = "张三"
    yield context
    store.close()


def test_the_new_assessment_dialog_proposes_the_scheme_for_the_industry(packs_context, qtbot):
    from brandmark.ui.qt_new_assessment_dialog import QtNewAssessmentDialog

    store = packs_context.store
    tea = store.applicants.add(name="湖州太湖茶业合作社", uscc=make_uscc("91", "330500", "00000001"), industry="茶叶")
    kettles = store.applicants.add(name="宁波甬江家电有限公司", uscc=make_uscc("91", "330200", "00000002"),
                                   industry="家用电器")
    software = store.applicants.add(name="杭州某软件公司", uscc=make_uscc("91", "330100", "00000003"),
                                    industry="集成电路设计")
    for applicant_id, expected in ((tea, "zhejiang-agri"), (kettles, "zhejiang-made"), (software, None)):
        dialog = QtNewAssessmentDialog(packs_context, applicant_id=applicant_id)
        qtbot.addWidget(dialog)
        assert dialog.scheme_combo.currentData() == expected, applicant_id
    # Searching for another applicant proposes again, until the assessor picks a scheme.
    dialog = QtNewAssessmentDialog(packs_context)
    qtbot.addWidget(dialog)
    dialog.applicant_search.setText("太湖")
    dialog.find_applicants()
    assert dialog.scheme_combo.currentData() == "zhejiang-agri"
    dialog.scheme_combo.setCurrentIndex(dialog.scheme_combo.findData("zhejiang-service"))
    dialog.scheme_combo.activated.emit(dialog.scheme_combo.currentIndex())
    dialog.applicant_search.setText("甬江")
    dialog.find_applicants()
    assert dialog.scheme_combo.currentData() == "zhejiang-service"
    # With none proposed, starting asks for the scheme and creates nothing.
    dialog = QtNewAssessmentDialog(packs_context, applicant_id=software)
    qtbot.addWidget(dialog)
    dialog.mode_self.setChecked(True)       # a certification's scheme is its application's
    dialog.save()
    assert dialog.result() == 0 and dialog.error_label.text() == dialog.tr("Choose the scheme first.")
    assert store.assessments.count() == 0


# -- the assessments register ---------------------------------------------------------

def test_the_assessments_register_shows_title_product_stage_score_verdict_and_dates(packs_context, qtbot):
    from brandmark.ui.qt_assessments_page import QtAssessmentsPage
    from brandmark.ui.qt_models import _STAGES, _VERDICTS, translated_term
    from support import MINI_GRANT, MINI_PACK, register_staff

    store = packs_context.store
    store.schemes.import_file(MINI_PACK)
    register_staff(store)
    applicant = store.applicants.add(name="杭州测试电器有限公司", uscc=make_uscc("91", "330106", "00000009"))
    aid = store.assessments.new(applicant_id=applicant, scheme_id="mini", assessor="企业自评员", mode="self",
                                product="电水壶")
    store.assessments.answer_many(aid, MINI_GRANT, by="企业自评员")
    page = QtAssessmentsPage(packs_context)
    qtbot.addWidget(page)
    page.resize(1400, 400)
    page.show()
    model = page.register.table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    row = {key: model.data(model.index(0, c)) for c, key in enumerate(c.key for c in page.model.columns)}
    score = store.assessments.score(aid)
    assert row["scheme"] == "最小测试方案"                       # the title, not "mini 1"
    assert row["product"] == "电水壶"
    # Fully answered: at the summary, not at 申请受理 (Application), where it was created.
    assert row["stage"] == translated_term(_STAGES, "summary") != translated_term(_STAGES, "application")
    assert row["total"] == f"{score.total:.1f}"
    assert row["verdict"] == translated_term(_VERDICTS, score.verdict) == translated_term(_VERDICTS, "grant")
    # The day in the body's time zone (the register stores UTC: before 08:00 in Hangzhou they differ).
    created = dt.datetime.fromisoformat(store.assessments.get(aid)["created_at"]).astimezone(store.time_zone())
    assert row["created_at"] == created.date().isoformat() and row["updated_at"]
    assert [c.key for c in page.model.columns if not c.sortable] == ["stage", "total", "verdict"]
    assert len(headers) == len(page.model.columns)
