"""The registers as spreadsheets: applicants, assessments, certificates, findings,
brand-value estimates and mark use to ``.xlsx`` or ``.csv`` (by the file's suffix).

Headers are Chinese for ``zh_CN`` and English otherwise; dates are dates (moments in the
body's time zone), scores and values numbers, a certificate's status the one in force
today (expired computed). An exported applicant register imports back as the same
register (``brandmark.imports``: the headers are the ones it reads).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias
from zoneinfo import ZoneInfo

from brandmark.regions import region_label
from brandmark.workbooks import file_kind, write_table

if TYPE_CHECKING:
    from brandmark.store import Store

KINDS = ("applicants", "assessments", "certificates", "findings", "valuations", "mark-use")
PROGRESS_EVERY = 2000      # rows between two progress calls

# Values shown as words: (Chinese, English).
_WORDS = {
    "valid": ("有效", "valid"), "suspended": ("暂停", "suspended"), "withdrawn": ("撤销", "withdrawn"),
    "cancelled": ("注销", "cancelled"), "expired": ("过期", "expired"),
    "open": ("进行中", "open"), "decided": ("已决定", "decided"), "closed": ("已关闭", "closed"),
    "grant": ("批准", "grant"), "conditional": ("有条件批准", "conditional"), "refuse": ("不批准", "refuse"),
    "minor": ("轻微", "minor"), "major": ("严重", "major"),
    "certification": ("认证", "certification"), "self": ("自我评价", "self-assessment"),
    "incomplete": ("未完成", "incomplete"),
    # Where an assessment stands (``Assessments.with_progress``), as the window names it.
    "application": ("申请受理", "application"), "testing": ("产品检验", "product testing"),
    "audit": ("工厂审核", "factory audit"), "characteristics": ("四大特征", "characteristics"),
    "summary": ("汇总", "summary"),
}


# A cell as the register stores it (text, a number or NULL) made into what the sheet shows.
Convert: TypeAlias = Callable[[Any, bool, ZoneInfo], object]
# (row key, Chinese header, English header, conversion or None to write the value as it is).
Column: TypeAlias = tuple[str, str, str, Convert | None]
Register: TypeAlias = tuple[list[Column], Sequence[dict[str, Any]]]
Progress: TypeAlias = Callable[[int, int, str], object]


def default_language() -> str:
    """``zh_CN`` when the setting (LC_ALL, LC_MESSAGES, LANG) is Chinese, else ``en``."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    return "en"


def export_register(store: Store, kind: str, path: str | os.PathLike[str], *, language: str | None = None,
                    progress: Progress | None = None, **filters: Any) -> dict[str, Any]:
    """Write register ``kind`` (one of ``KINDS``) to ``path``; returns ``{"kind", "file", "rows"}``.

    ``filters`` are those of the matching list command: applicants ``search``, ``order_by``,
    ``descending``; assessments ``applicant_id``, ``status``, ``search``, ``order_by``,
    ``descending``; certificates ``status``, ``search``, ``order_by``, ``descending``;
    findings ``assessment_id``, ``status`` or ``earlier_of`` (the earlier nonconformities a
    visit of that assessment checks again); valuations ``applicant_id``, ``newest_first``;
    mark use ``year``, ``number``. ``search``,
    ``order_by`` and ``descending`` are the window's table view (the same store queries
    its registers page through), so the window's Export writes the rows it shows in the
    order it shows them, and ``brandmark-cli export`` takes the same options.
    ``progress(done, total, message)`` is called as rows are written; it may raise to
    cancel, and then no file is left.
    """
    from brandmark.store.guard import refuse_if_register_file

    refuse_if_register_file(path, ("output",))
    file_kind(path, ("output",))
    language = language or default_language()
    columns, rows = _REGISTERS[kind](store, **filters)
    zh = language == "zh_CN"
    headers = [zh_header if zh else en_header for _, zh_header, en_header, _ in columns]
    zone = store.time_zone()

    def value(row: dict[str, Any], key: str, convert: Convert | None) -> object:
        raw = row.get(key)
        if convert is None:
            return raw
        return convert(raw, zh, zone)

    def table() -> Iterator[list[object]]:
        for done, row in enumerate(rows):
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(done, len(rows), "")
            yield [value(row, key, convert) for key, _, _, convert in columns]

    write_table(Path(path), headers, table(), sheet=kind)
    return {"kind": kind, "file": str(path), "rows": len(rows), "language": language}


def _date(raw: str | None, zh: bool, zone: ZoneInfo) -> dt.date | None:
    return dt.date.fromisoformat(raw[:10]) if raw else None


def _moment(raw: str | None, zh: bool, zone: ZoneInfo) -> dt.datetime | None:
    if not raw:
        return None
    moment = dt.datetime.fromisoformat(raw)
    if moment.tzinfo is not None:
        moment = moment.astimezone(zone).replace(tzinfo=None)
    return moment


def _word(raw: str | None, zh: bool, zone: ZoneInfo) -> str:
    if raw is None:
        return ""
    pair = _WORDS.get(raw)
    return (pair[0] if zh else pair[1]) if pair else raw


def _region(raw: str | None, zh: bool, zone: ZoneInfo) -> str:
    return region_label(raw, english=not zh)


def _number(raw: float | str | None, zh: bool, zone: ZoneInfo) -> float | None:
    return None if raw is None else float(raw)


def _applicants(store: Store, search: str | None = None, order_by: str | None = None,
                descending: bool | None = False) -> Register:
    rows = store.applicants.list(search, limit=max(store.applicants.count(search), 1), order_by=order_by or "id",
                                 descending=bool(descending))
    # The import's own headers (企业名称, 统一社会信用代码, ...): an export imports back.
    return [("id", "编号", "id", None), ("name", "企业名称", "name", None), ("uscc", "统一社会信用代码", "uscc", None),
            ("region", "地区", "region", _region), ("address", "地址", "address", None),
            ("industry", "行业", "industry", None), ("contact", "联系人", "contact", None),
            ("created_at", "登记时间", "registered at", _moment)], rows


def _assessments(store: Store, applicant_id: int | None = None, status: str | None = None, search: str | None = None,
                 order_by: str | None = None, descending: bool | None = None) -> Register:
    # The window's register query (searched and sorted as its table is); newest first by default.
    page = store.assessments.register(search, limit=max(store.assessments.count(search), 1),
                                      order_by=order_by or "id", descending=True if descending is None else descending)
    rows = [row for row in page if (applicant_id is None or row["applicant_id"] == applicant_id)
            and (not status or row["status"] == status)]
    return [("id", "编号", "id", None), ("applicant_name", "企业名称", "applicant", None),
            ("applicant_uscc", "统一社会信用代码", "uscc", None), ("product_name", "产品", "product", None),
            ("scheme_id", "方案", "scheme", None), ("scheme_version", "方案版本", "scheme version", None),
            ("mode", "方式", "mode", _word), ("assessor", "评审员", "assessor", None),
            ("stage", "阶段", "stage", _word), ("total", "得分", "score", _number),
            ("verdict", "评分结论", "verdict", _word), ("status", "状态", "status", _word),
            ("decision", "决定", "decision", _word),
            ("decision_total", "决定时总分", "score at decision", _number), ("decided_by", "决定人", "decided by", None),
            ("created_at", "创建时间", "created at", _moment), ("updated_at", "更新时间", "updated at", _moment)], rows


def _certificates(store: Store, status: str | None = None, search: str | None = None, order_by: str | None = None,
                  descending: bool | None = None) -> Register:
    rows = store.certificates.list(status, search, limit=max(store.certificates.count(status, search), 1),
                                   order_by=order_by or "created_at", descending=True if descending is None else descending)
    return [("number", "证书编号", "number", None), ("holder_name", "持证企业", "holder", None),
            ("holder_uscc", "统一社会信用代码", "uscc", None), ("product", "产品", "product", None),
            ("models", "型号", "models", None), ("standard", "标准编号", "standard", None),
            ("scheme_id", "方案", "scheme", None), ("issued_on", "发证日期", "issued on", _date),
            ("expires_on", "有效期至", "expires on", _date), ("status", "状态（今日）", "status (today)", _word),
            ("next_surveillance", "下次监督", "next surveillance", _date),
            ("replaces", "替代证书", "replaces", None), ("replaced_by", "被替代为", "replaced by", None)], rows


def _findings(store: Store, assessment_id: int | None = None, status: str | None = None,
              earlier_of: int | None = None) -> Register:
    if earlier_of is None:
        rows = store.assessments.findings_register(assessment_id=assessment_id, status=status)
    else:
        # What a visit checks again (the walk-through's earlier-findings panel), in its order.
        earlier = store.surveillance.earlier_findings(earlier_of)
        found = {row["id"]: row for earlier_id in dict.fromkeys(r["assessment_id"] for r in earlier)
                 for row in store.assessments.findings_register(assessment_id=earlier_id)}
        rows = [found[r["id"]] for r in earlier if r["id"] in found]
    return [("id", "编号", "id", None), ("assessment_id", "评价编号", "assessment", None),
            ("number", "评审内序号", "number in assessment", None),
            ("applicant_name", "企业名称", "applicant", None), ("scheme_id", "方案", "scheme", None),
            ("item_id", "评价项", "item", None), ("grade", "等级", "grade", _word),
            ("clause", "条款", "clause", None), ("description", "描述", "description", None),
            ("corrective_action", "纠正措施", "corrective action", None),
            ("deadline", "整改期限", "deadline", _date), ("status", "状态", "status", _word),
            ("created_by", "开具人", "raised by", None), ("created_at", "开具时间", "raised at", _moment),
            ("closed_by", "关闭人", "closed by", None), ("closed_at", "关闭时间", "closed at", _moment),
            ("verification_checked", "验证内容", "verification: checked", None),
            ("verification_evidence", "验证证据", "verification: evidence", None)], rows


def _valuations(store: Store, applicant_id: int | None = None, newest_first: bool | None = None) -> Register:
    rows = store.valuations.register(applicant_id, newest_first=bool(newest_first))
    return [("id", "编号", "id", None), ("applicant_name", "企业名称", "applicant", None),
            ("applicant_uscc", "统一社会信用代码", "uscc", None), ("brand", "品牌", "brand", None),
            ("valuation_date", "估值日期", "valuation date", _date), ("method", "方法", "method", None),
            ("value", "估值", "value", _number), ("p10", "P10", "P10", _number), ("p50", "P50", "P50", _number),
            ("p90", "P90", "P90", _number), ("currency", "币种", "currency", None), ("unit", "单位", "unit", None),
            ("created_by", "估值人", "estimated by", None), ("created_at", "保存时间", "saved at", _moment)], rows


def _mark_use(store: Store, year: int | None = None, number: str | None = None) -> Register:
    # The mark-use list's order (newest year first, then certificate and use), as the window's table.
    rows = store.mark_use.list(number=number, year=year)
    return [("id", "编号", "id", None), ("number", "证书编号", "certificate", None),
            ("holder_name", "持证企业", "holder", None), ("scheme_id", "方案", "scheme", None),
            ("product", "产品", "product", None), ("year", "年度", "year", None),
            ("used_on", "使用方式", "used on", _use), ("marks", "使用数量（枚）", "marks printed or applied", None),
            ("note", "说明", "note", None), ("recorded_by", "记录人", "recorded by", None),
            ("recorded_at", "记录时间", "recorded at", _moment)], rows


def _use(raw: str | None, zh: bool, zone: ZoneInfo) -> str:
    from brandmark.certificates.mark_uses import USE_LABELS

    if raw is None:
        return ""
    pair = USE_LABELS.get(raw)
    return (pair[0] if zh else pair[1]) if pair else raw


def export_assessment_answers(store: Store, assessment_id: int, path: str | os.PathLike[str], *,
                              language: str | None = None) -> dict[str, Any]:
    """One assessment's items and answers to a workbook, one row an item in the pack's
    order (unanswered items too, blank): section, item, kind, clause, weight, the answer
    (a number stays a number), note, who answered and when."""
    from brandmark.store.guard import refuse_if_register_file

    refuse_if_register_file(path, ("output",))
    file_kind(path, ("output",))
    zh = (language or default_language()) == "zh_CN"
    store.assessments.get(assessment_id)
    pack = store.assessments.pack_for(assessment_id)
    answers = store.assessments.answers(assessment_id)
    zone = store.time_zone()
    headers = (["章节", "评价项", "名称", "类型", "条款", "权重", "答案", "说明", "答复人", "答复时间"] if zh else
               ["section", "item", "title", "kind", "clause", "weight", "answer", "note", "answered by", "answered at"])
    rows: list[list[object]] = []
    for section in pack.sections:
        for item in section.items:
            answer = answers.get(item.id, {})
            value = answer.get("value")
            if not isinstance(value, (int, float, str, type(None))) or isinstance(value, bool):
                value = json.dumps(value, ensure_ascii=False)
            rows.append([section.title if zh else (section.title_en or section.title), item.id,
                         item.title if zh else (item.title_en or item.title), item.kind, item.clause,
                         float(item.weight), value, answer.get("note") or "", answer.get("answered_by") or "",
                         _moment(answer.get("answered_at"), zh, zone)])
    write_table(Path(path), headers, rows, sheet=f"assessment {assessment_id}")
    return {"assessment_id": assessment_id, "file": str(path), "rows": len(rows),
            "answered": sum(1 for item in pack.items() if item.id in answers)}


_REGISTERS: dict[str, Callable[..., Register]] = {"applicants": _applicants, "assessments": _assessments, "certificates": _certificates,
              "findings": _findings, "valuations": _valuations, "mark-use": _mark_use}

__all__ = ["KINDS", "default_language", "export_assessment_answers", "export_register"]
