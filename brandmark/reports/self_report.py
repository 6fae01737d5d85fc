"""The enterprise self-assessment report (企业自我评价报告) as a PDF.

For an enterprise preparing to apply: its readiness, section scores with a radar
chart, and the gap list in the scorer's order (largest weight first), each gap with
what the item requires, the current answer and the target. It states plainly that a
self-assessment is not a certification decision.

A certification assessment may be printed this way too, as a gap list for the
enterprise: the scorer is then asked for its self-assessment view of the same
answers (``mode="self"``), and the report says where the record came from.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from brandmark.fonts import PDF_FONT
from brandmark.packs.model import TEST, Item
from brandmark.reports import labels
from brandmark.reports.common import (
    Record, answer_cell, item_title_cell, limit_text, load_record, meta_for,
    particulars, reference_notice, section_scores, target_cell, title_block,
)
from brandmark.reports.layout import (
    ACCENT, CONTENT_WIDTH, MUTED, Progress, bilingual, build_document, coloured, data_table, escape,
    notice_box, paragraph, spacer, stacked, text,
)
from brandmark.scoring.scorer import SELF, ScoreResult

if TYPE_CHECKING:
    from brandmark.store import Store

REPORT_ZH, REPORT_EN = "品字标企业自我评价报告", "Enterprise self-assessment report"
NOT_A_DECISION_ZH = ("本报告是企业自我评价的结果，不是认证决定，也不代表认证机构的意见；"
                     "能否获得品字标认证，须经认证机构评审并由未参与评审的人员作出决定。")
NOT_A_DECISION_EN = ("This is the result of an enterprise self-assessment. It is not a certification "
                     "decision and does not represent a certification body's opinion; certification "
                     "requires an assessment by a certification body and a decision by someone who "
                     "did not take part in it.")


def write_self_report(store: Store, assessment_id: int, path: str | Path,
                      progress: Progress | None = None) -> int:
    """Write the self-assessment report (readiness and gap list) to ``path``; returns pages.

    Works for a self-assessment and, as a gap list, for a certification assessment.
    ``progress(done, total, message)`` is called while the pages are laid out and may
    raise to cancel; no partial file is left behind.

    The package's example (``brandmark.reports``) writes one.
    """
    if progress:
        progress(0, 1, "读取评审记录 Reading the record")
    record = load_record(store, assessment_id, result=_self_view(store, assessment_id))
    story = build_story(record)
    return build_document(path, f"{REPORT_ZH} {REPORT_EN} #{record.id}", story,
                          meta_for(record, REPORT_ZH, REPORT_EN), progress)


def _self_view(store: Store, assessment_id: int) -> ScoreResult:
    """The scorer's self-assessment view (with gaps) of the assessment's answers."""
    return store.assessments.score(assessment_id, mode=SELF)


def build_story(record: Record) -> list[Any]:
    from reportlab.platypus import KeepTogether   # here: importing reports stays cheap for the window

    story = title_block(record, REPORT_ZH, REPORT_EN)
    story += [notice_box(["<b>" + escape(NOT_A_DECISION_ZH) + "</b>",
                          coloured(escape(NOT_A_DECISION_EN), MUTED)]), spacer(2)]
    if record.assessment["mode"] != SELF:
        story += [notice_box(bilingual(
            f"本差距清单取自认证评审 #{record.id} 的记录；认证结论和决定见该评审的认证评审报告。",
            f"This gap list is drawn from the records of certification assessment #{record.id}; its "
            "verdict and decision are in that assessment's certification report.")), spacer(2)]
    story += reference_notice(record.pack)
    story += [paragraph(bilingual("一、基本信息", "Particulars"), "h1")] + particulars(
        record, include_product=record.product is not None)
    # The heading goes inside the block: reportlab never keeps a heading with a KeepTogether.
    story += [KeepTogether([paragraph(bilingual("二、准备度", "Readiness"), "h1")] + readiness_block(record))]
    story += [paragraph(bilingual("三、分项得分", "Section scores"), "h1")] + section_scores(record)
    story += [paragraph(bilingual("四、差距清单", "Gap list"), "h1")] + gaps_block(record)
    return story


def readiness_block(record: Record) -> list[Any]:
    result = record.result
    figures = [
        (f"{result.readiness:.1f}%", "准备度", "Readiness"),
        (f"{result.total:.1f}", "参考得分（满分 100）", "Indicative score of 100"),
        (f"{len(result.gaps)}", "差距项", "Gaps"),
        (f"{result.answered} / {result.items}", "已作答", "Answered"),
    ]
    cells = [[paragraph(escape(value), "figure") for value, _, _ in figures],
             [paragraph(stacked(zh, en), "figure_label") for _, zh, en in figures]]
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle
    table = Table(cells, colWidths=[CONTENT_WIDTH / 4] * 4, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), PDF_FONT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor(ACCENT)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return [table, spacer(2), paragraph(bilingual(
        "准备度：达到目标的项目按权重所占的比例（不适用的项目不计）。参考得分按认证评分规则计算，仅供对照。",
        "Readiness: the weighted share of items that meet their target (items marked N/A are left "
        "out). The indicative score follows the certification scoring rules and is for comparison "
        "only."), "muted")]


def gaps_block(record: Record) -> list[Any]:
    gaps = record.result.gaps
    if not gaps:
        return [paragraph(bilingual("所有项目均已达到目标。", "Every item meets its target."), "body")]
    story = [paragraph(bilingual(
        "按权重从大到小排列；同权重时差距大的在前。",
        "Ordered by weight, largest first; at equal weight the larger shortfall comes first."), "lead")]
    head = [("序", "No."), ("项目与要求", "Item and requirement"), ("现状", "Current"),
            ("目标", "Target"), ("权重", "Weight")]
    rows = [[paragraph(stacked(zh, en), "cell_head") for zh, en in head]]
    for number, gap in enumerate(gaps, start=1):
        item = record.pack.item(gap.item)
        rows.append([
            paragraph(str(number), "cell_small"),
            _requirement_cell(record, item),
            _current_cell(record, item),
            target_cell(item),
            paragraph(f"{gap.weight:g}", "cell_right"),
        ])
    story.append(data_table(rows, [0.06, 0.46, 0.2, 0.2, 0.08]))
    return story


def _requirement_cell(record: Record, item: Item) -> list[Any]:
    section = record.pack.section(item.section_id)
    kind_zh, kind_en = labels.label(labels.KINDS, item.kind)
    extra = [(f"{section.title} · {kind_zh} {kind_en}", "cell_muted")]
    if item.text:
        extra.append(("要求 Requirement: " + item.text, "cell"))
    return item_title_cell(item, extra=tuple(extra))


def _current_cell(record: Record, item: Item) -> list[Any]:
    value = record.value(item.id)
    if item.kind == TEST and value not in (None, "na"):
        return answer_cell(item, value, record.test_verdict(item.id)) + [
            text("限值 limit " + limit_text(item), "cell_muted")]
    cell = answer_cell(item, value, show_target=False)
    note = record.note(item.id)
    if note:
        cell.append(text("备注 Note: " + note, "cell_muted"))
    return cell
