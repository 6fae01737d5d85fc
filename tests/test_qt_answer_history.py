"""Issue 11 §1: partly typed measurements are kept, and every change of an answer is visible.

A multi-sample test typed in part and left is saved as incomplete (shown so, scored as
unanswered); an item's history (who, when, old → new) comes from the event log and shows
in the walk-through and the CLI; a new measurement after a failure is a retest, with the
first and the retest result in the assessment report.
"""

from __future__ import annotations

import json

import pytest

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from pypdf import PdfReader  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from brandmark.cli import main  # noqa: E402
from brandmark.reports.assessment_report import write_assessment_report  # noqa: E402
from brandmark.scoring.batch import encode_matrix, score_batch  # noqa: E402
from brandmark.scoring.encoding import UNANSWERED, encode  # noqa: E402
from brandmark.ui.qt_item_editors import QtTestEditor  # noqa: E402
from support import MINI_GRANT, new_certification_assessment  # noqa: E402

ASSESSOR, OTHER = "张三", "王五"
THREE_SAMPLES = "pt-boil-cutoff"          # zhejiang-made: <=20 s, three samples


@pytest.fixture
def page_language():
    """These pages are in English (conftest's ``open_page`` reads this)."""
    return "en"


@pytest.fixture
def made(store):
    applicant = store.applicants.add(name="某某电器有限公司", uscc="91350100M000100Y43", region="杭州")
    return new_certification_assessment(store, applicant, "zhejiang-made", assessor=ASSESSOR,
                                        product="电水壶")


# -- partly typed measurements ------------------------------------------------------------
def test_one_of_three_samples_typed_and_left_is_kept_as_incomplete(qtbot, open_page, store, made):
    """On a 3-sample test, typing sample 1 and moving on discarded it."""
    page = open_page(store, made)
    page.go_to_item(THREE_SAMPLES)
    editor = page.form.editor
    assert isinstance(editor, QtTestEditor) and len(editor.fields) == 3
    editor.fields[0].setFocus()
    qtbot.keyClicks(editor.fields[0], "18.5")
    qtbot.keyClick(editor.fields[0], Qt.Key.Key_PageDown)          # on to the next item, no Enter
    assert page.current_item_id != THREE_SAMPLES
    row = store.assessments.answers(made)[THREE_SAMPLES]
    assert row["value"] == ["18.5", None, None] and row["code"] == UNANSWERED
    # Shown as incomplete in the list, and counted as unanswered by the score and the tab.
    entry = page._entry_for(THREE_SAMPLES)
    assert "incomplete" in entry.toolTip()
    assert THREE_SAMPLES in store.assessments.score(made).unanswered_required
    assert page.stage_bar.tabText(1).endswith(" 0/10")
    # Back on the item: what was typed is there, and the form says what is missing.
    page.go_to_item(THREE_SAMPLES)
    editor = page.form.editor
    assert [field.text() for field in editor.fields] == ["18.5", "", ""]
    assert "Incomplete: 2 of 3 samples missing" in editor.verdict_label.text()


def test_an_incomplete_measurement_scores_as_unanswered_everywhere(mini_store, mini_assessment):
    item = mini_store.assessments.pack_for(mini_assessment).item("T2")
    assert encode(item, ["0.31", None]).code == UNANSWERED          # a failing sample alone fails nothing
    answers = {**MINI_GRANT, "T2": ["0.31", None]}
    mini_store.assessments.answer_many(mini_assessment, answers, by=ASSESSOR)
    assert mini_store.assessments.answers(mini_assessment)["T2"]["value"] == ["0.31", None]
    result = mini_store.assessments.score(mini_assessment)
    assert result.verdict == "incomplete" and result.unanswered_required == ("T2",)
    pack = mini_store.assessments.pack_for(mini_assessment)
    batch = score_batch(pack, encode_matrix(pack, [answers]))
    assert batch.verdict_names() == ["incomplete"] and float(batch.totals[0]) == pytest.approx(result.total)
    with pytest.raises(Exception) as refused:                      # a typed sample must still be a number
        mini_store.assessments.answer(mini_assessment, "T2", ["abc", None], by=ASSESSOR)
    assert refused.value.problems[0].code.startswith("measurement.")


# -- history -------------------------------------------------------------------------------
def test_an_items_history_shows_who_when_and_old_to_new(qtbot, open_page, mini_store, mini_assessment):
    page = open_page(mini_store, mini_assessment)
    assert not page.form.item_history.isVisible()                  # nothing changed yet
    page.form.focus_answer()
    qtbot.keyClick(QApplication.focusWidget(), "p")
    page.context.user_name = OTHER                                 # someone else signs in and changes it
    qtbot.keyClick(QApplication.focusWidget(), "f")
    changes = mini_store.assessments.history(mini_assessment, "V1")
    assert [(c["by"], c["old"], c["new"]) for c in changes] == [(ASSESSOR, None, "pass"), (OTHER, "pass", "fail")]
    shown = page.form.item_history.text().splitlines()
    assert page.form.item_history.isVisible() and len(shown) == 2
    assert shown[0].startswith("2026-03-01 17:30 王五: pass → fail")     # newest first, the body's local time
    assert shown[1].endswith("张三: no answer → pass")


def test_the_cli_prints_the_history_and_the_retests(mini_store, mini_assessment, capsys):
    mini_store.assessments.answer(mini_assessment, "T2", ["0.20", "0.31"], by=ASSESSOR)
    mini_store.assessments.answer(mini_assessment, "T2", ["0.20", "0.22"], by=OTHER)
    code = main(["--db", str(mini_store.path), "assessments", "history", str(mini_assessment), "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    data = json.loads(out)
    assert [(c["old"], c["new"], c["retest"]) for c in data["changes"]] == [
        (None, ["0.20", "0.31"], False), (["0.20", "0.31"], ["0.20", "0.22"], True)]
    assert data["retests"][0]["first_verdict"] == "fail" and data["retests"][0]["retest_verdict"] == "pass"
    code = main(["--db", str(mini_store.path), "assessments", "history", str(mini_assessment), "--item", "T2"])
    out, _err = capsys.readouterr()
    assert "(retest)" in out and "retest of T2: first 0.20; 0.31 fail" in out


# -- retests -------------------------------------------------------------------------------
def test_a_new_value_after_a_failure_is_a_retest_with_both_results(qtbot, open_page, mini_store, mini_assessment,
                                                                    tmp_path):
    page = open_page(mini_store, mini_assessment)
    page.go_to_item("T2")
    editor = page.form.editor
    for field, value in zip(editor.fields, ["0.20", "0.31"]):
        field.setFocus()
        qtbot.keyClicks(field, value)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert mini_store.assessments.score(mini_assessment).tests[1].verdict == "fail"
    # Later, by someone else: the sample is measured again and passes.
    page.context.user_name = OTHER
    editor.fields[1].setFocus()
    editor.fields[1].selectAll()
    qtbot.keyClicks(editor.fields[1], "0.22")
    qtbot.keyClick(editor.fields[1], Qt.Key.Key_Return)
    [retest] = mini_store.assessments.retests(mini_assessment)
    assert (retest["item"], retest["first"], retest["first_verdict"], retest["first_by"]) == (
        "T2", ["0.20", "0.31"], "fail", ASSESSOR)
    assert (retest["retest"], retest["retest_verdict"], retest["by"]) == (["0.20", "0.22"], "pass", OTHER)
    assert retest["first_at"] and retest["at"]
    assert "(retest after a failed result)" in page.form.item_history.text()
    # The report shows it as a retest: first result, retest result, who, when.
    path = tmp_path / "report.pdf"
    write_assessment_report(mini_store, mini_assessment, path)
    text = "".join(p.extract_text() for p in PdfReader(path).pages)
    retests = text[text.index("复检记录"):]
    for shown in ("Retests", "First result", "Retest result", "0.31", "0.22", ASSESSOR, OTHER, "2026-03-01 17:30"):
        assert shown in retests, shown


def test_values_saved_while_still_typing_are_one_retest_ending_where_the_typing_ended(
        qtbot, open_page, mini_store, mini_assessment):
    """The debounce saves as the assessor pauses: "0.2" then "0.24" in one go is one retest
    whose result is 0.24, the second save a correction, not a second retest."""
    page = open_page(mini_store, mini_assessment)
    page.save_answer("T2", ["0.20", "0.31"], merge_session=101)
    page.save_answer("T2", ["0.20", "0.2"], merge_session=202)       # the retest begins
    page.save_answer("T2", ["0.20", "0.24"], merge_session=202)      # the same typing goes on
    changes = mini_store.assessments.history(mini_assessment, "T2")
    assert [(c["retest"], c["correction"]) for c in changes] == [(False, False), (True, False), (False, True)]
    [retest] = mini_store.assessments.retests(mini_assessment)
    assert retest["first"] == ["0.20", "0.31"] and retest["retest"] == ["0.20", "0.24"]
