"""The certification assessment report (认证评审报告) as a PDF.

It prints the record as the store holds it and the scorer scores it: particulars,
the verdict and its reasons, the decision, section scores with a radar chart,
every item's answer grouped by stage and section (test items with limit, unit,
judgement method, compared value and verdict), nonconformities, evidence and the
sign-off.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from brandmark.errors import RefusedInput
from brandmark.formatting import format_size
from brandmark.packs.model import STAGES, TEST, Item, Section
from brandmark.reports import labels
from brandmark.reports.common import (
    Record, answer_cell, item_title_cell, limit_text, load_record, meta_for, pair,
    particulars, reference_notice, section_scores, short_hash, title_block, verdict_markup, when,
)
from brandmark.reports.layout import (
    BAD, GOOD, MUTED, WARN, Progress, bilingual, build_document, coloured,
    data_table, escape, field_table, paragraph, spacer, stacked, text,
)
from brandmark.scoring.encoding import is_incomplete
from brandmark.scoring.scorer import SELF

if TYPE_CHECKING:
    from brandmark.store import Store

REPORT_ZH, REPORT_EN = "品字标认证评审报告", "Certification assessment report"
VERDICT_COLOURS = {"grant": GOOD, "conditional": WARN, "incomplete": WARN, "refuse": BAD}


def write_assessment_report(store: Store, assessment_id: int, path: str | Path,
                            progress: Progress | None = None) -> int:
    """Write the assessment report of a certification assessment to ``path``; returns pages.

    A self-assessment is refused (it has no verdict to report: use
    ``write_self_report``). ``progress(done, total, message)`` is called while the
    pages are laid out and may raise to cancel; no partial file is left behind.

    A certification assessment of the agricultural pack by a registered assessor, answered
    and not yet decided:

    >>> import tempfile
    >>> from pathlib import Path
    >>> from brandmark.demo import demo_value, example_assessment
    >>> store, assessment = example_assessment()    # 张三 assessor, 李四 decider; an accepted application
    >>> folder = tempfile.TemporaryDirectory()
    >>> answers = {item.id: demo_value(item) for item in store.assessments.pack_for(assessment).items()}
    >>> saved = store.assessments.answer_many(assessment, answers, by="张三")
    >>> path = Path(folder.name) / "assessment.pdf"
    >>> write_assessment_report(store, assessment, path) > 1, path.read_bytes()[:5]
    (True, b'%PDF-')
    >>> folder.cleanup()
    """
    if progress:
        progress(0, 1, "读取评审记录 Reading the record")
    assessment = store.assessments.get(assessment_id)
    if assessment["mode"] == SELF:
        raise RefusedInput.of("report.self_assessment", id=assessment_id)
    record = load_record(store, assessment_id)
    story = build_story(record)
    return build_document(path, f"{REPORT_ZH} {REPORT_EN} #{record.id}", story,
                          meta_for(record, REPORT_ZH, REPORT_EN), progress)


def build_story(record: Record) -> list[Any]:
    """The report's flowables, in reading order."""
    story = title_block(record, REPORT_ZH, REPORT_EN)
    story += reference_notice(record.pack)
    story += [paragraph(bilingual("一、基本信息", "Particulars"), "h1")] + particulars(record)
    story += [paragraph(bilingual("二、评审结论", "Result"), "h1")] + result_block(record)
    story += [paragraph(bilingual("三、分项得分", "Section scores"), "h1")] + section_scores(record)
    story += [paragraph(bilingual("四、逐项评审记录", "Item by item"), "h1")] + items_block(record)
    story += [paragraph(bilingual("五、不符合项", "Nonconformities"), "h1")] + findings_block(record)
    story += [paragraph(bilingual("六、证据清单", "Evidence"), "h1")] + evidence_block(record)
    story += [paragraph(bilingual("七、签署", "Sign-off"), "h1")] + signoff_block(record)
    return story


def result_block(record: Record) -> list[Any]:
    from reportlab.platypus import KeepTogether   # here: importing reports stays cheap for the window

    result = record.result
    verdict = labels.label(labels.VERDICTS, result.verdict)
    nc = result.nonconformities
    fields = [
        ("评分结论", "Verdict", paragraph("<b>" + pair(verdict, VERDICT_COLOURS.get(result.verdict)) + "</b>",
                                          "cell")),
        ("总分", "Total", paragraph(f"<b>{result.total:.2f}</b> / 100 " + coloured(
            escape(f"（通过分 pass score {record.pack.rules.pass_score:g}）"), MUTED), "cell")),
        ("不符合项", "Nonconformities", paragraph(escape(
            f"严重 major {nc.get('major', 0)} · 一般 minor {nc.get('minor', 0)}"
            f"（纠正措施待验证 awaiting verification {nc.get('minor_open', 0)}）"), "cell")),
        ("作答", "Answered", f"{result.answered} / {result.items}"),
    ]
    story = [field_table(fields, label_width=0.22)]
    if result.reasons:
        story.append(paragraph(bilingual("结论理由", "Reasons"), "h3"))
        rows = [[paragraph(stacked("项目", "Item"), "cell_head"),
                 paragraph(stacked("理由", "Reason"), "cell_head")]]
        rows += [[paragraph(escape(reason.item or "—"), "cell"), paragraph(escape(reason.message), "cell")]
                 for reason in result.reasons]
        story.append(data_table(rows, [0.2, 0.8]))
    else:
        story.append(paragraph(bilingual("没有影响结论的事项。", "Nothing stands against the verdict."), "muted"))

    heading = paragraph(bilingual("认证决定", "Certification decision"), "h3")
    decision = record.decision
    if decision is None:
        story += [heading, paragraph(bilingual("尚未作出认证决定。", "No certification decision has been recorded yet."),
                                     "body")]
        return story
    decided = labels.label(labels.DECISIONS, decision["decision"])
    # Five short rows with their heading: split, they would read as two unrelated tables.
    story.append(KeepTogether([heading, field_table([
        ("决定", "Decision", paragraph("<b>" + pair(decided, VERDICT_COLOURS.get(decision["decision"]))
                                       + "</b>", "cell")),
        ("决定人", "Decided by", decision["decided_by"]),
        ("决定日期", "Decision date", when(decision["decided_at"], zone=record.time_zone)),
        ("决定时结论", "Verdict at decision", paragraph(
            pair(labels.label(labels.VERDICTS, decision["verdict"])) + escape(f" · {decision['total']:.2f}"),
            "cell")),
        ("说明", "Note", decision.get("note") or "—"),
    ], label_width=0.22)]))
    return story


def _sections_by_stage(record: Record) -> list[tuple[str, list[Section]]]:
    """Stages in walk order, each with its sections in pack order (unknown stages last)."""
    order = list(STAGES) + sorted({s.stage for s in record.pack.sections} - set(STAGES))
    grouped = []
    for stage in order:
        sections = [s for s in record.pack.sections if s.stage == stage]
        if sections:
            grouped.append((stage, sections))
    return grouped


def items_block(record: Record) -> list[Any]:
    story = []
    scores = {s.id: s for s in record.result.sections}
    for stage, sections in _sections_by_stage(record):
        story.append(paragraph(pair(labels.label(labels.STAGES, stage)), "h2"))
        for section in sections:
            score = scores.get(section.id)
            heading = bilingual(section.title, section.title_en, en_size=8)
            if score is not None and score.max > 0:
                heading += coloured(escape(f"　{score.score:.2f} / {score.max:.2f}"), MUTED)
            story.append(paragraph(heading, "h3"))
            plain = [item for item in section.items if item.kind != TEST]
            tests = [item for item in section.items if item.kind == TEST]
            if plain:
                story.append(_answers_table(record, plain))
            if tests:
                if plain:
                    story.append(spacer(2))
                story.append(_tests_table(record, tests))
                retests = [r for r in record.retests if r["item"] in {item.id for item in tests}]
                if retests:
                    story.append(paragraph(bilingual("复检记录", "Retests", en_size=8), "h3"))
                    story.append(_retests_table(record, retests))
    return story


def _retests_table(record: Record, retests: list[dict[str, Any]]) -> object:
    """A failed test measured again: the first result and the retest's, each with who and when."""
    head = [("检验项目", "Test item"), ("首次结果", "First result"), ("复检结果", "Retest result")]
    rows = [[paragraph(stacked(zh, en), "cell_head") for zh, en in head]]

    def result(value: Any, verdict: str, by: str | None, at: str | None) -> str:
        values = value if isinstance(value, list) else [value]
        shown = "; ".join("—" if v is None else str(v) for v in values)
        markup = escape(shown) + "　" + pair(labels.label(labels.TEST_VERDICTS, verdict),
                                            {"pass": GOOD, "fail": BAD, "unanswered": WARN}.get(verdict))
        who = escape(by) if by else coloured("未记录 not recorded", MUTED)
        return markup + "<br/>" + who + (coloured(escape("　" + when(at, zone=record.time_zone)), MUTED) if at else "")

    for retest in retests:
        item = record.pack.item(retest["item"])
        rows.append([
            item_title_cell(item),
            paragraph(result(retest["first"], retest["first_verdict"], retest["first_by"], retest["first_at"]), "cell"),
            paragraph(result(retest["retest"], retest["retest_verdict"], retest["by"], retest["at"]), "cell"),
        ])
    return data_table(rows, [0.32, 0.34, 0.34])


def _note_markup(record: Record, item: Item) -> str:
    parts = []
    note = record.note(item.id)
    if note:
        parts.append(escape(note))
    files = record.evidence_for(item.id)
    if files:
        parts.append(coloured(escape(f"证据 evidence: {len(files)}"), MUTED))
    return "<br/>".join(parts) or coloured("—", MUTED)


def _answers_table(record: Record, items: list[Item]) -> object:
    rows = [[paragraph(stacked("评价项目", "Item"), "cell_head"),
             paragraph(stacked("结果", "Result"), "cell_head"),
             paragraph(stacked("备注", "Note"), "cell_head")]]
    for item in items:
        rows.append([
            item_title_cell(item),
            answer_cell(item, record.value(item.id)),
            paragraph(_note_markup(record, item), "cell"),
        ])
    return data_table(rows, [0.46, 0.27, 0.27])


def _tests_table(record: Record, items: list[Item]) -> object:
    head = [("检验项目", "Test item"), ("限值", "Limit"), ("判定方法", "Method"),
            ("实测值", "Measured"), ("比较值", "Compared"), ("判定", "Verdict")]
    rows = [[paragraph(stacked(zh, en), "cell_head") for zh, en in head]]
    for item in items:
        verdict = record.test_verdict(item.id)
        extra = []
        if item.test_method:
            extra.append(("方法 Test method: " + item.test_method, "cell_muted"))
        note = record.note(item.id)
        if note:
            extra.append(("备注 Note: " + note, "cell"))
        limit = escape(limit_text(item))
        if item.national_limit:
            # Label and value on lines of their own: a narrow cell must not break inside "≤0.3".
            limit += "<br/>" + coloured(escape("国标 GB") + "<br/>" + escape(limit_text(item, item.national_limit)),
                                        MUTED)
        value = record.value(item.id)
        if value is None or value == "na" or is_incomplete(item, value):
            measured = answer_cell(item, value)
            compared = [paragraph(coloured("—", MUTED), "cell")]
        else:
            measured = [text(m, "cell") for m in (verdict.measured if verdict else [str(value)])]
            compared = [text(c, "cell") for c in (verdict.compared if verdict else ["—"])]
        rows.append([
            item_title_cell(item, extra=tuple(extra)),
            paragraph(limit, "cell"),
            paragraph(pair(labels.label(labels.METHODS, item.method)), "cell"),
            measured,
            compared,
            paragraph(verdict_markup(verdict) if verdict else "—", "cell"),
        ])
    return data_table(rows, [0.32, 0.15, 0.14, 0.13, 0.12, 0.14])


def findings_block(record: Record) -> list[Any]:
    if not record.findings:
        return [paragraph(bilingual("无不符合项。", "No nonconformities were recorded."), "body")]
    head = [("编号 · 等级", "No. · grade"), ("条款", "Clause"), ("描述 / 纠正措施", "Description / corrective action"),
            ("期限", "Deadline"), ("状态 / 验证", "Status / verified by")]
    rows = [[paragraph(stacked(zh, en), "cell_head") for zh, en in head]]
    for finding in record.findings:
        grade = finding["grade"]
        described = escape(finding["description"] or "—")
        action = finding.get("corrective_action") or ""
        described += "<br/>" + coloured(escape("纠正措施 Corrective action: "), MUTED) + (
            escape(action) if action else coloured("未记录 not recorded", WARN))
        if finding["status"] == "closed":
            # What the verifier checked and saw (closings before the findings schema step recorded neither).
            for (zh, en), key in ((("验证内容", "Checked"), "verification_checked"),
                                  (("验证证据", "Evidence"), "verification_evidence")):
                text = finding.get(key) or ""
                described += "<br/>" + coloured(escape(f"{zh} {en}: "), MUTED) + (
                    escape(text) if text else coloured("未记录 not recorded", WARN))
        status = pair(labels.label(labels.FINDING_STATUSES, finding["status"]),
                      {"open": WARN, "closed": GOOD}.get(finding["status"]))
        if finding.get("closed_by"):
            status += "<br/>" + escape(finding["closed_by"]) + "<br/>" + coloured(
                escape(when(finding.get("closed_at"), zone=record.time_zone, date_only=True)), MUTED)
        rows.append([
            paragraph(escape(f"#{finding['number']} ")
                      + pair(labels.label(labels.FINDING_GRADES, grade), BAD if grade == "major" else WARN)
                      + "<br/>" + coloured(f'<font size="7">{escape(finding["item_id"])}</font>', MUTED),
                      "cell"),
            paragraph(escape(finding.get("clause") or "—"), "cell"),
            paragraph(described, "cell"),
            paragraph(escape(finding.get("deadline") or "—"), "cell"),
            paragraph(status, "cell"),
        ])
    return [data_table(rows, [0.2, 0.1, 0.38, 0.12, 0.2])]


def evidence_block(record: Record) -> list[Any]:
    if not record.evidence:
        return [paragraph(bilingual("未附证据文件。", "No evidence files are attached."), "body")]
    head = [("文件名", "File"), ("项目", "Item"), ("SHA-256（前 16 位）", "SHA-256, first 16"),
            ("大小", "Size"), ("添加人 / 时间", "Added by / at")]
    rows = [[paragraph(stacked(zh, en), "cell_head") for zh, en in head]]
    for row in record.evidence:
        rows.append([
            paragraph(escape(row["file_name"]), "cell"),
            paragraph(escape(row["item_id"]), "cell_small"),
            paragraph(escape(short_hash(row["sha256"], 16)), "cell_small"),
            paragraph(escape(format_size(row["size"])), "cell_right"),
            paragraph(escape(row["added_by"]) + "<br/>" + coloured(escape(when(row["added_at"], zone=record.time_zone)), MUTED),
                      "cell"),
        ])
    return [data_table(rows, [0.3, 0.15, 0.2, 0.1, 0.25])]


def signoff_block(record: Record) -> list[Any]:
    decision = record.decision or {}
    story = [field_table([
        ("评审员", "Assessor", record.assessment["assessor"]),
        ("决定人", "Decided by", decision.get("decided_by") or "—"),
        ("决定日期", "Decision date", when(decision.get("decided_at"), zone=record.time_zone, date_only=True) or "—"),
    ], label_width=0.22)]
    story.append(spacer(2))
    story.append(paragraph(bilingual(
        "认证决定由未参与本次评价的人员作出（ISO/IEC 17065 7.6）。本报告依据冻结的评价包版本及其哈希生成。",
        "The decision is made by a person who did not carry out the evaluation (ISO/IEC 17065 7.6). "
        "This report was generated against the frozen pack version and hash shown above."), "muted"))
    return story
