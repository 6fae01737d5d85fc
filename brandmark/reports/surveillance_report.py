"""The surveillance visit report (监督报告) as a PDF.

One visit of a certificate: the certificate and why the visit was due, the visit's
verdict (the same scorer, over the surveyed items only) and its decision (maintain,
suspend, withdraw) with the reason, the findings of earlier assessments the assessor
checked again, every surveyed item's answer, this visit's nonconformities, evidence and
the sign-off. It shares the assessment report's blocks (``assessment_report``).

A visit decided as in ``store.surveillance``'s example (``brandmark.demo.example_failed_visit``:
its lead sample fails, the certificate is suspended), and its report:

>>> import tempfile
>>> from pathlib import Path
>>> from brandmark.demo import example_failed_visit
>>> store, number, visit_id = example_failed_visit()
>>> folder = tempfile.TemporaryDirectory()
>>> write_surveillance_report(store, visit_id, Path(folder.name) / "visit.pdf") > 0
True
>>> folder.cleanup()
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from brandmark.errors import RefusedInput
from brandmark.packs.reduced import marks_surveillance
from brandmark.reports import labels
from brandmark.reports.assessment_report import (
    VERDICT_COLOURS, evidence_block, findings_block, items_block,
)
from brandmark.reports.common import Record, load_record, meta_for, pair, reference_notice, title_block, when
from brandmark.reports.layout import (
    BAD, GOOD, MUTED, WARN, Progress, bilingual, build_document, coloured, data_table, escape, field_table,
    paragraph, spacer, stacked,
)

if TYPE_CHECKING:
    from brandmark.store import Store

REPORT_ZH, REPORT_EN = "品字标认证监督报告", "Surveillance visit report"
RESULTS = {"maintain": ("保持认证", "maintain"), "suspend": ("暂停证书", "suspend"),
           "withdraw": ("撤销证书", "withdraw")}
RESULT_COLOURS = {"maintain": GOOD, "suspend": WARN, "withdraw": BAD}
REASONS = {"scheduled": ("例行监督", "scheduled (yearly)"), "complaint": ("投诉经查实后加做", "after a substantiated complaint"),
           "failed_sampling": ("抽样不合格后加做", "after a failed sampling")}
CERT_STATUSES = {"valid": ("有效", "valid"), "suspended": ("暂停", "suspended"), "withdrawn": ("撤销", "withdrawn"),
                 "cancelled": ("注销", "cancelled"), "expired": ("过期", "expired")}


def write_surveillance_report(store: Store, assessment_id: int, path: str | Path,
                              progress: Progress | None = None) -> int:
    """Write the report of the surveillance visit carried out by ``assessment_id``; returns pages."""
    assessment = store.assessments.get(assessment_id)
    if assessment["kind"] != "surveillance":
        raise RefusedInput.of("surveillance.not_a_visit", ("assessment",), assessment=assessment_id)
    visit = store.surveillance.visit_of(assessment_id)
    certificate = store.certificates.get(assessment["certificate_number"])
    earlier = store.surveillance.previous_findings(certificate["number"], before=assessment_id)
    record = load_record(store, assessment_id)
    story = build_story(record, visit, certificate, earlier)
    return build_document(path, f"{REPORT_ZH} {REPORT_EN} #{record.id}", story,
                          meta_for(record, REPORT_ZH, REPORT_EN), progress)


def build_story(record: Record, visit: dict[str, Any], certificate: dict[str, Any],
                earlier: list[dict[str, Any]]) -> list[Any]:
    story = title_block(record, REPORT_ZH, REPORT_EN)
    story += reference_notice(record.pack)
    story += [paragraph(bilingual("一、证书与监督", "Certificate and visit"), "h1")]
    story += certificate_block(record, visit, certificate)
    story += [paragraph(bilingual("二、监督结论", "Result"), "h1")] + result_block(record, visit)
    story += [paragraph(bilingual("三、以往不符合项", "Earlier nonconformities"), "h1")] + earlier_block(earlier)
    story += [paragraph(bilingual("四、逐项监督记录", "Surveyed items"), "h1")] + items_block(record)
    story += [paragraph(bilingual("五、本次不符合项", "Nonconformities of this visit"), "h1")] + findings_block(record)
    story += [paragraph(bilingual("六、证据清单", "Evidence"), "h1")] + evidence_block(record)
    story += [paragraph(bilingual("七、签署", "Sign-off"), "h1")] + signoff_block(record, visit)
    return story


def certificate_block(record: Record, visit: dict[str, Any], certificate: dict[str, Any]) -> list[Any]:
    reason = REASONS.get(visit["reason"], (visit["reason"], visit["reason"]))
    reason_text = pair(reason) + (("<br/>" + escape(visit["reason_note"])) if visit.get("reason_note") else "")
    status = CERT_STATUSES.get(certificate["status"], (certificate["status"], certificate["status"]))
    surveyed = (bilingual("评价包标注的监督项目", "the items the pack marks for surveillance")
                if marks_surveillance(record.pack) else
                bilingual("全部项目（评价包未标注监督项目）", "every item (the pack marks none for surveillance)"))
    fields = [
        ("证书编号", "Certificate", certificate["number"]),
        ("持证人", "Holder", certificate["holder_name"]),
        ("统一社会信用代码", "Credit code", certificate["holder_uscc"]),
        ("产品 / 型号", "Product / models", f"{certificate['product']}（{certificate['models'] or '—'}）"),
        ("有效期", "Valid", f"{certificate['issued_on']} → {certificate['expires_on']}"),
        ("证书状态（现）", "Status now", paragraph(pair(status), "cell")),
        ("应监督日期", "Due", visit["due_on"]),
        ("监督原因", "Why due", paragraph(reason_text, "cell")),
        ("监督内容", "Surveyed", paragraph(surveyed, "cell")),
        ("评价包版本", "Pack version", f"{record.pack.id} @ {record.pack.version}"),
        ("监督评审员", "Assessor", record.assessment["assessor"]),
    ]
    return [field_table(fields, label_width=0.22)]


def result_block(record: Record, visit: dict[str, Any]) -> list[Any]:
    result = record.result
    verdict = labels.label(labels.VERDICTS, result.verdict)
    nc = result.nonconformities
    failed = [t.item for t in result.tests if t.verdict == "fail"]
    fields = [
        ("评分结论", "Verdict", paragraph("<b>" + pair(verdict, VERDICT_COLOURS.get(result.verdict)) + "</b>",
                                          "cell")),
        ("总分", "Total", f"{result.total:.2f} / 100"),
        ("不符合项", "Nonconformities", f"严重 major {nc.get('major', 0)} · 一般 minor {nc.get('minor', 0)}"),
        ("抽样检验", "Sampling", paragraph(
            coloured(escape("不合格 failed: " + ", ".join(failed)), BAD) if failed
            else escape(f"合格 passed ({sum(1 for t in result.tests if t.verdict == 'pass')})"), "cell")),
        ("作答", "Answered", f"{result.answered} / {result.items}"),
    ]
    story = [field_table(fields, label_width=0.22)]
    if result.reasons:
        rows = [[paragraph(stacked("项目", "Item"), "cell_head"), paragraph(stacked("理由", "Reason"), "cell_head")]]
        rows += [[paragraph(escape(r.item or "—"), "cell"), paragraph(escape(r.message), "cell")]
                 for r in result.reasons]
        story += [paragraph(bilingual("结论理由", "Reasons"), "h3"), data_table(rows, [0.2, 0.8])]
    story.append(paragraph(bilingual("监督决定", "Surveillance decision"), "h3"))
    if not visit.get("decided_at"):
        story.append(paragraph(bilingual("尚未作出监督决定。", "No decision has been recorded yet."), "body"))
        return story
    decided = RESULTS.get(visit["result"], (visit["result"], visit["result"]))
    story.append(field_table([
        ("决定", "Decision", paragraph("<b>" + pair(decided, RESULT_COLOURS.get(visit["result"])) + "</b>", "cell")),
        ("决定人", "Decided by", visit["recorded_by"]),
        ("决定日期", "Decision date", when(visit["decided_at"], zone=record.time_zone)),
        ("理由", "Reason", visit.get("note") or "—"),
    ], label_width=0.22))
    return story


def earlier_block(earlier: list[dict[str, Any]]) -> list[Any]:
    if not earlier:
        return [paragraph(bilingual("以往评审没有不符合项。", "Earlier assessments recorded no nonconformities."),
                          "body")]
    head = [("评审", "Assessment"), ("项目 · 等级", "Item · grade"), ("描述 / 纠正措施", "Description / action"),
            ("状态", "Status")]
    rows = [[paragraph(stacked(zh, en), "cell_head") for zh, en in head]]
    for f in earlier:
        rows.append([
            paragraph(escape(f"#{f['assessment_id']} {f['assessment_kind']}"), "cell"),
            paragraph(escape(f["item_id"]) + "<br/>" + pair(labels.label(labels.FINDING_GRADES, f["grade"]),
                                                             BAD if f["grade"] == "major" else WARN), "cell"),
            paragraph(escape(f["description"] or "—") + "<br/>" + coloured(
                escape(f.get("corrective_action") or "—"), MUTED), "cell"),
            paragraph(pair(labels.label(labels.FINDING_STATUSES, f["status"])), "cell"),
        ])
    return [data_table(rows, [0.18, 0.2, 0.47, 0.15])]


def signoff_block(record: Record, visit: dict[str, Any]) -> list[Any]:
    return [field_table([
        ("监督评审员", "Assessor", record.assessment["assessor"]),
        ("决定人", "Decided by", visit.get("recorded_by") or "—"),
        ("决定日期", "Decision date", when(visit.get("decided_at"), zone=record.time_zone, date_only=True) or "—"),
    ], label_width=0.22), spacer(2), paragraph(bilingual(
        "监督决定由未参与本次监督评价的人员作出（ISO/IEC 17065 7.6）；证书状态随决定变更并记录理由。",
        "The decision is made by a person who did not carry out the visit (ISO/IEC 17065 7.6); the "
        "certificate's status changes with it, the reason recorded."), "muted")]
