"""The published brand-value list (品牌价值发布名单): each applicant's latest saved estimate
as of a date, ranked, with its range, method and valuation date, what the methods are and
a plain statement that these are estimates; as a PDF (Chinese with English beside it,
fonts embedded like the other reports) or as a workbook.

The list itself comes from the store (``store.valuations.publication``); this module only
lays it out. The brand development index per region and scheme on the list's day comes from the
statistics core (``store.stats.brand_index``), with the same age limit for estimates.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brandmark.regions import region_label
from brandmark.reports.common import when
from brandmark.reports.layout import (
    MUTED, DocumentMeta, bilingual, build_document, coloured, data_table, escape, field_table, notice_box,
    paragraph, spacer, stacked, text,
)
from brandmark.reports.valuation_report import METHOD_NAMES
from brandmark.scoring.valuation.distributions import format_amount
from brandmark.workbooks import write_sheets

if TYPE_CHECKING:
    from reportlab.platypus import Table

    from brandmark.store import Store

TITLE_ZH, TITLE_EN = "品牌价值发布名单", "Published brand values"
STATEMENT_ZH = ("本名单所列均为估算，并非认证价值，也不是对企业或其品牌的评级、担保或背书。"
                "估算依赖企业提供的收入、利润等数据和所列假设，假设变化时结果随之变化。")
STATEMENT_EN = ("Every figure in this list is an estimate: not a certified value, and not a rating, "
                "guarantee or endorsement of any company or brand. Each rests on the figures the "
                "company gave and on the stated assumptions; different assumptions give different values.")
METHOD_TEXT = {
    "relief-from-royalty": (
        "品牌所有者因拥有品牌而省下的许可使用费：各年收入 × 提成率，扣除所得税后，按折现率折现到估值日求和"
        "（ISO 10668，GB/T 29187）。提成率由行业区间和品牌强度得分确定。",
        "The royalties the owner is spared by owning the brand: each year's revenue × the royalty "
        "rate, after tax, discounted to the valuation date (ISO 10668, GB/T 29187). The rate comes "
        "from the industry's range and the brand strength score."),
    "excess-earnings": (
        "税后利润扣除其他贡献资产（营运资金、固定资产、人力等）的合理回报后，剩余归属于品牌的超额收益，"
        "按折现率折现到估值日求和（参照 GB/T 29188）。",
        "The after-tax profit left once every contributory asset (working capital, fixed assets, "
        "workforce...) has earned a fair return, discounted to the valuation date (after GB/T 29188)."),
}
RANGE_ZH = ("每项估算以蒙特卡洛模拟对不确定的输入抽样计算。P50 为中位数，名单按 P50 排序（不同单位折算为万元）；"
            "P10–P90 为 10% 与 90% 分位数：在所给假设下，价值有八成可能落在此区间内。")
RANGE_EN = ("Each estimate draws its uncertain inputs in a Monte Carlo run. P50 is the median, and "
            "the list is ranked by it (other units converted to 万元, ten thousand yuan); P10–P90 are "
            "the 10th and 90th percentiles: under the stated assumptions the value lies in that range "
            "four times in five.")


def method_label(method: str) -> tuple[str, str]:
    return METHOD_NAMES.get(method, (method, method))


def write_value_publication(store: Store, path: str | Path, *, as_of: dt.date | str | None = None,
                            index: dict[str, Any] | None = None) -> dict[str, Any]:
    """Write the list as of ``as_of`` to ``path`` (``.pdf`` or ``.xlsx`` by its suffix).

    Returns the store's publication (``store.valuations.publication``) with ``file``,
    ``brand_index`` (``store.stats.brand_index`` on that day, unless ``index`` is given) and,
    for a PDF, ``pages``.
    """
    from brandmark.errors import RefusedInput

    suffix = Path(path).suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise RefusedInput.of("publication.output_suffix", ("output",), suffix=suffix or "''")
    listing = store.valuations.publication(as_of)
    if index is None:
        index = development_index(store, listing)
    body = store.settings.get("body.name") or ""
    generated = when(store.now(), zone=store.time_zone().key)
    if suffix == ".pdf":
        story = build_story(listing, body=body, index=index)
        meta = DocumentMeta(
            header_right=f"{TITLE_ZH} {TITLE_EN} · {listing['as_of']}",
            footer_left=f"生成 Generated {generated}",
            footer_right="估算，非认证价值 Estimates, not certified",
            subject=f"{TITLE_EN} as of {listing['as_of']}",
            keywords=("品字标", "brand value", "publication", listing["as_of"]))
        pages = build_document(path, f"{TITLE_ZH} {TITLE_EN} {listing['as_of']}", story, meta)
        return {**listing, "brand_index": index, "file": str(path), "pages": pages}
    write_sheets(path, workbook_sheets(listing, body=body, generated=generated, index=index))
    return {**listing, "brand_index": index, "file": str(path)}


def development_index(store: Store, listing: dict[str, Any]) -> dict[str, Any]:
    """The brand development index on the list's day, leaving out the estimates the list
    leaves out as too old (``store.stats.brand_index``, the statistics core)."""
    day, oldest = dt.date.fromisoformat(listing["as_of"]), dt.date.fromisoformat(listing["oldest_date"])
    return store.stats.brand_index(as_of=day, max_estimate_age_days=(day - oldest).days)


# -- the PDF -------------------------------------------------------------------------------

def build_story(listing: dict[str, Any], *, body: str = "", index: dict[str, Any] | None = None) -> list[Any]:
    rows = listing["rows"]
    story = [paragraph(escape(TITLE_ZH), "title"),
             paragraph(escape(f"{TITLE_EN} · 截至 as of {listing['as_of']}"), "subtitle"),
             notice_box([f"<b>{escape('估算，非认证价值')}</b> {escape(STATEMENT_ZH)}",
                         coloured(escape(STATEMENT_EN), MUTED)]),
             spacer(3)]
    fields = []
    if body:
        fields.append(("发布机构", "Published by", body))
    fields += [
        ("截至日期", "As of", listing["as_of"]),
        ("列入", "Listed", f"{len(rows)} 家企业 applicants"),
        ("时效", "Age limit", f"{listing['max_age_months']} 个月 months "
                              f"（估值日期不早于 valued on or after {listing['oldest_date']}）"),
        ("因过期未列入", "Left out: too old", f"{listing['left_out_old']} 家 applicants"),
    ]
    if listing["left_out_demo"]:
        fields.append(("演示数据未列入", "Left out: demo data", f"{listing['left_out_demo']} 家 applicants"))
    story += [field_table(fields, label_width=0.22), spacer(4),
              paragraph(bilingual("一、名单", "1. The list"), "h1")]
    if not rows:
        story.append(paragraph(bilingual("截至该日没有可发布的品牌价值估算。",
                                         "No brand-value estimate can be published as of this date."), "body"))
    else:
        story.append(_list_table(rows))
    story += [spacer(4), paragraph(bilingual("二、估算方法", "2. The methods"), "h1")]
    for method, (zh, en) in METHOD_TEXT.items():
        name_zh, name_en = method_label(method)
        story += [paragraph(f"<b>{bilingual(name_zh, name_en)}</b>", "body"), text(zh, "body"),
                  paragraph(coloured(escape(en), MUTED), "body"), spacer(1.5)]
    story += [paragraph(bilingual("区间与排序", "The range and the ranking"), "h2"), text(RANGE_ZH, "body"),
              paragraph(coloured(escape(RANGE_EN), MUTED), "body"), spacer(4)]
    story += index_section(index)
    return story


def _list_table(rows: list[dict[str, Any]]) -> Table:
    head = [paragraph(stacked("排名", "Rank"), "cell_head"),
            paragraph(stacked("企业", "Applicant"), "cell_head"),
            paragraph(stacked("地区", "Region"), "cell_head"),
            paragraph(stacked("价值 P50", "Value, P50"), "cell_right"),
            paragraph(stacked("区间 P10–P90", "Range, P10–P90"), "cell_right"),
            paragraph(stacked("方法", "Method"), "cell_head"),
            paragraph(stacked("估值日期", "Valued on"), "cell_head")]
    table = [head]
    for row in rows:
        name_zh, name_en = method_label(row["method"])
        unit = f"{row['unit']} {row['currency']}".strip()
        region = row.get("region")
        table.append([
            text("—" if row["rank"] is None else row["rank"], "cell"),
            [text(row["applicant_name"], "cell"), text(row["applicant_uscc"], "cell_muted")]
            + ([text(f"品牌 brand: {row['brand']}", "cell_muted")] if row.get("brand") else []),
            paragraph(stacked(region_label(region), region_label(region, english=True)), "cell"),
            [text(format_amount(row["p50"]), "cell_right"), text(unit, "cell_muted")],
            [text(f"{format_amount(row['p10'])} – {format_amount(row['p90'])}", "cell_right")],
            paragraph(stacked(name_zh, name_en), "cell"),
            text(row["valuation_date"], "cell"),
        ])
    return data_table(table, [0.06, 0.28, 0.1, 0.13, 0.17, 0.13, 0.13])


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _coverage(group: dict[str, Any]) -> str:
    return f"{group['valued']} / {group['holders']}" if group.get("holders") else "—"


def index_rows_of(index: dict[str, Any] | None) -> list[tuple[str, str, dict[str, Any]]]:
    """The index's groups as (kind, key, group): overall first, then each region, then each scheme."""
    if not index:
        return []
    return ([("overall", "", index["overall"])] + [("region", g["key"], g) for g in index["by_region"]]
            + [("scheme", g["key"], g) for g in index["by_scheme"]])


def _group_label(kind: str, key: str) -> tuple[str, str]:
    if kind == "overall":
        return "全部", "All"
    if kind == "region":
        return (region_label(key) or key or "未填地区"), (region_label(key, english=True) or key or "no region")
    return key, "方案 scheme"


def index_section(index: dict[str, Any] | None) -> list[Any]:
    """The brand development index per region and scheme (``store.stats.brand_index``)."""
    if not index:
        return []
    story = [paragraph(bilingual("三、品牌发展指数", "3. Brand development index"), "h1"),
             text(f"指数 = 0.5 × S（品牌强度：持证企业认证决定总分的平均值）+ 0.5 × V（品牌价值：最新估算 P50 的对数分值，"
                  f"1 万元为 0、100 亿元为 100）；截至 {index['as_of']}，只计当日持有有效证书的企业，缺少估算不按零计，"
                  "覆盖率另列。", "body"),
             paragraph(coloured(escape(
                 f"index = 0.5 × S (strength: the mean decision score of the holders of a certificate in force) "
                 f"+ 0.5 × V (value: the latest estimate's P50 on a log scale, 0 at 1 万元, 100 at 100 亿元), as of "
                 f"{index['as_of']}; holders without a usable estimate are counted, not scored as zero."), MUTED),
                 "body"), spacer(2)]
    head = [paragraph(stacked("地区 / 方案", "Region / scheme"), "cell_head"),
            paragraph(stacked("持证企业", "Holders"), "cell_right"),
            paragraph(stacked("强度 S", "Strength S"), "cell_right"),
            paragraph(stacked("价值 V", "Value V"), "cell_right"),
            paragraph(stacked("已估值", "Valued"), "cell_right"),
            paragraph(stacked("指数", "Index"), "cell_right")]
    table = [head]
    for kind, key, group in index_rows_of(index):
        zh, en = _group_label(kind, key)
        label = stacked(zh, en) if en else escape(zh)
        if kind == "overall":
            label = f"<b>{label}</b>"
        table.append([paragraph(label, "cell"), text(group["holders"], "cell_right"),
                      text(_score(group["strength"]), "cell_right"), text(_score(group["value_score"]), "cell_right"),
                      text(_coverage(group), "cell_right"), text(_score(group["index"]), "cell_right")])
    return story + [data_table(table, [0.34, 0.12, 0.13, 0.13, 0.14, 0.14])]


# -- the workbook --------------------------------------------------------------------------

def workbook_sheets(listing: dict[str, Any], *, body: str = "", generated: str = "",
                    index: dict[str, Any] | None = None) -> list[Any]:
    """The list (numbers as numbers, dates as dates) and a sheet of notes (说明 Notes)."""
    headers = ["排名 Rank", "企业名称 Applicant", "统一社会信用代码 Credit code", "地区 Region", "品牌 Brand",
               "价值 P50 Value", "P10", "P90", "币种 Currency", "单位 Unit", "方法 Method", "估值日期 Valued on",
               "估算编号 Estimate"]
    table = []
    for row in listing["rows"]:
        name_zh, name_en = method_label(row["method"])
        region = row.get("region")
        table.append([row["rank"], row["applicant_name"], row["applicant_uscc"],
                      " ".join(x for x in (region_label(region), region_label(region, english=True)) if x),
                      row.get("brand") or "", row["p50"], row["p10"], row["p90"], row["currency"], row["unit"],
                      f"{name_zh} {name_en}", dt.date.fromisoformat(row["valuation_date"]), row["id"]])
    money = {5: "#,##0.00", 6: "#,##0.00", 7: "#,##0.00"}
    notes: list[list[Any]] = [["估算，非认证价值 Estimates, not certified", STATEMENT_ZH, STATEMENT_EN]]
    if body:
        notes.append(["发布机构 Published by", body, ""])
    notes += [
        ["截至日期 As of", listing["as_of"], ""],
        ["生成 Generated", generated, ""],
        ["列入 Listed", len(listing["rows"]), ""],
        ["时效（月） Age limit (months)", listing["max_age_months"], f"oldest valuation date {listing['oldest_date']}"],
        ["因过期未列入 Left out: too old", listing["left_out_old"], ""],
        ["演示数据未列入 Left out: demo data", listing["left_out_demo"], ""],
    ]
    for method, (zh, en) in METHOD_TEXT.items():
        notes.append([" ".join(method_label(method)), zh, en])
    notes.append(["区间与排序 Range and ranking", RANGE_ZH, RANGE_EN])
    sheets = [("名单 List", headers, table, money), ("说明 Notes", ["项目 Item", "中文", "English"], notes, None)]
    if index:
        rows = []
        for kind, key, group in index_rows_of(index):
            zh, en = _group_label(kind, key)
            rows.append([{"overall": "全部 All", "region": "地区 Region", "scheme": "方案 Scheme"}[kind],
                         f"{zh} {en}".strip(), group["holders"], group["strength"], group["value_score"],
                         group["valued"], group["stale"], group["not_comparable"], group["no_estimate"],
                         group["index"]])
        sheets.append(("品牌发展指数 Index", ["分组 Grouping", "地区或方案 Region or scheme", "持证企业 Holders",
                                         "强度 S Strength", "价值 V Value", "已估值 Valued", "过期 Too old",
                                         "不可比 Not comparable", "无估算 No estimate", "指数 Index"],
                       rows, {3: "0.0", 4: "0.0", 9: "0.0"}))
        notes.append(["品牌发展指数 Brand development index", index["formula"], f"as of {index['as_of']}"])
    return sheets


__all__ = ["METHOD_TEXT", "STATEMENT_EN", "STATEMENT_ZH", "build_story", "workbook_sheets",
           "write_value_publication"]
