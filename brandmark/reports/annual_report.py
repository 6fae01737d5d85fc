"""The body's annual report on its certificates and their use (认证年度报告), as a PDF.

The national rules on certificates and marks ask a certification body to report every year
on the certificates it issued and how they and the mark are used. The report prints the
year's figures from ``store.stats.compute(year=Y)`` (the same function as ``brandmark-cli
stats`` and the window's statistics page) with the same charts, Chinese with English beside
it, in the bundled font (embedded as a subset):

1. overview: work and decisions of the year, the pass rate, the time to decision;
2. certificates and mark use: issued in the year by status and scheme, those in force at
   the year's end, surveillance visits due and made, the marks the holders reported printing
   or applying in the year by use (``certificates mark-use``);
3. by region (the 11 cities) and by scheme, with a chart;
4. the pass rate over the years up to Y;
5. nonconformities (by item and clause) and failed product tests;
6. the brand development index at the year's end (``docs/statistics.md``);
7. what the figures count.

A register holding one started assessment (``brandmark.demo.example_assessment``), reported
for the year it is in (the report refuses a year still to come):

>>> import tempfile
>>> from pathlib import Path
>>> from brandmark.demo import example_assessment
>>> store, _assessment = example_assessment()
>>> folder = tempfile.TemporaryDirectory()
>>> path = Path(folder.name) / "annual.pdf"
>>> write_annual_report(store, store.today().year, path), path.read_bytes()[:5]
(5, b'%PDF-')
>>> folder.cleanup()
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brandmark.errors import RefusedInput
from brandmark.regions import REGIONS
from brandmark.reports.layout import (
    MUTED, DocumentMeta, Progress, bilingual, build_document, coloured, data_table, escape, field_table, notice_box,
    paragraph, spacer, stacked, text,
)
from brandmark.reports.statistics_charts import bars_drawing, trend_drawing
from brandmark.certificates.mark_uses import USE_LABELS, USES

if TYPE_CHECKING:
    from brandmark.store import Store

REPORT_ZH, REPORT_EN = "品字标认证年度报告", "Annual report on certificates"
STATUSES = {"valid": ("有效", "valid"), "suspended": ("暂停", "suspended"), "withdrawn": ("撤销", "withdrawn"),
            "cancelled": ("注销", "cancelled"), "expired": ("过期", "expired")}
TOP_ITEMS = 10           # bars in a chart
TABLE_ROWS = 20          # rows in a table of items or clauses; the rest are summed in one line
FIRST_YEAR = 2000


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _count(value: object) -> str:
    return "—" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def write_annual_report(store: Store, year: int, path: str | Path, progress: Progress | None = None) -> int:
    """Write the annual report of ``year``; returns the page count. A year before 2000 or
    after the body's current year is refused (it has no figures to report)."""
    today = store.today()
    if not FIRST_YEAR <= int(year) <= today.year:
        raise RefusedInput.of("stats.report_year", ("year",), year=year, first=FIRST_YEAR, last=today.year)
    figures = store.stats.compute(year=int(year))
    trend = [row for row in store.stats.compute()["pass_rate_by_year"] if row["year"] <= f"{int(year):04d}"]
    body = store.certificates.body()
    schemes = {row["id"]: (row["title"], row.get("title_en") or "") for row in store.schemes.list() if row["latest"]}
    story = build_story(int(year), figures, trend, body, schemes, generated=store.local_now())
    meta = DocumentMeta(header_right=f"{REPORT_ZH} {REPORT_EN} · {year}",
                        footer_left=f"生成 Generated {store.local_now():%Y-%m-%d %H:%M}",
                        subject=f"{REPORT_EN} {year}: {body['name_en'] or body['name']}",
                        keywords=("品字标", "annual report", str(year)))
    return build_document(path, f"{REPORT_ZH} {REPORT_EN} {year}", story, meta, progress)


def region_pair(key: str) -> tuple[str, str]:
    if key in REGIONS:
        zh, en, _prefix = REGIONS[key]
        return zh, en
    return "未填地区", "no region"


def build_story(year: int, f: dict[str, Any], trend: list[dict[str, Any]], body: dict[str, Any],
                schemes: dict[str, Any], *, generated: dt.datetime) -> list[Any]:
    story = [paragraph(escape(f"{REPORT_ZH}（{year} 年度）"), "title"),
             paragraph(escape(f"{REPORT_EN}, {year} · {body['name']} {body['name_en']}".strip()), "subtitle")]
    if year == generated.year:
        story += [notice_box(bilingual(f"{year} 年尚未结束：数字截至 {generated:%Y-%m-%d}。",
                                       f"The year {year} has not ended: the figures stand on {generated:%Y-%m-%d}.")),
                  spacer(2)]
    story += [paragraph(bilingual("一、概况", "Overview"), "h1")] + overview(f)
    story += [paragraph(bilingual("二、证书与标志使用", "Certificates and mark use"), "h1")] + certificates(f, schemes)
    story += [paragraph(bilingual("三、地区与方案", "By region and scheme"), "h1")] + regions_and_schemes(f, schemes)
    story += [paragraph(bilingual("四、通过率趋势", "Pass rate over the years"), "h1")] + pass_rate(trend)
    story += [paragraph(bilingual("五、不符合项与产品检验", "Nonconformities and product tests"), "h1")] + findings(f)
    story += [paragraph(bilingual("六、品牌发展指数", "Brand development index"), "h1")] + brand_index(f, schemes)
    story += [paragraph(bilingual("七、统计口径", "What the figures count"), "h1")] + definitions(year)
    return story


def overview(f: dict[str, Any]) -> list[Any]:
    rate = f["pass_rate"]
    fields = [
        ("申请企业（登记在册）", "Applicants on the register", _count(f["applicants"]["total"])),
        ("本年评价", "Assessments of the year", _count(f["assessments"]["total"])),
        ("作出决定", "Decided", _count(rate["decided"])),
        ("准予认证（含整改后）", "Granted (incl. after corrective action)", _count(rate["granted"])),
        ("通过率", "Pass rate", _share(rate["rate"])),
        ("本年发证", "Certificates issued", _count(f["certificates"]["total"])),
        ("申请至决定天数中位数", "Median days, application → decision", _count(f["median_days_application_to_decision"])),
        ("受理至决定工作日中位数", "Median working days, acceptance → decision",
         _count(f["median_working_days_acceptance_to_decision"])),
        ("评价创建至决定天数中位数", "Median days, assessment → decision", _count(f["median_days_to_decision"])),
    ]
    return [field_table(fields, columns=1, label_width=0.45), spacer()]


def _header(*pairs: tuple[str, str]) -> list[Any]:
    return [paragraph(stacked(zh, en), "cell") for zh, en in pairs]


def _scheme_label(scheme_id: str, schemes: dict[str, Any]) -> tuple[str, str]:
    zh, en = schemes.get(scheme_id, (scheme_id, ""))
    return zh, en or scheme_id


def certificates(f: dict[str, Any], schemes: dict[str, Any]) -> list[Any]:
    c, s = f["certificates"], f["surveillance"]
    rows = [_header(("状态（现）", "Status now"), ("证书数", "Certificates"))]
    rows += [[paragraph(bilingual(*STATUSES.get(k, (k, k))), "cell"), text(n, "cell")] for k, n in c["by_status"]]
    if len(rows) == 1:
        rows.append([text("本年未发证 / no certificate issued this year", "cell"), text("0", "cell")])
    story: list[Any] = [
        paragraph(bilingual("本年所发证书的现状", "The certificates issued this year, by their status now"), "h2"),
        data_table(rows, [0.6, 0.4]), spacer()]
    if c["by_scheme"]:
        rows = [_header(("方案", "Scheme"), ("证书数", "Certificates"))]
        rows += [[paragraph(bilingual(*_scheme_label(k, schemes)), "cell"), text(n, "cell")] for k, n in c["by_scheme"]]
        story += [paragraph(bilingual("按方案", "By scheme"), "h2"), data_table(rows, [0.6, 0.4]), spacer()]
    index = f["brand_index"]["overall"]
    fields = [
        ("年末有效证书的持证企业", "Holders of a certificate in force at the year's end", _count(index["holders"])),
        ("本年应做监督", "Surveillance visits due in the year", _count(s.get("due_in_year"))),
        ("本年已做监督", "Surveillance visits made in the year", _count(s.get("made_in_year"))),
        ("待监督（现）", "Visits due now (today or later)", _count(s["due"])),
        ("逾期未监督（现）", "Visits overdue now", _count(s["overdue"])),
    ]
    story += [field_table(fields, columns=1, label_width=0.55), spacer(2)]
    return story + mark_use(f, index["holders"])


def mark_use(f: dict[str, Any], holders_at_year_end: int) -> list[Any]:
    """What the holders reported of their mark use in the year (``certificates mark-use``)."""
    m = f["mark_use"]
    story: list[Any] = [paragraph(bilingual("标志使用", "Mark use"), "h2")]
    if not m["records"]:
        story.append(paragraph(bilingual("本年没有登记标志使用情况。", "No mark use was recorded for the year."),
                               "body"))
    else:
        marks = dict((key, (n, certificates)) for key, n, certificates in m["by_use"])
        rows = [_header(("用途", "Used on"), ("标志数量（印制或使用）", "Marks printed or applied"),
                        ("证书数", "Certificates"))]
        rows += [[paragraph(bilingual(*USE_LABELS[key]), "cell"), text(marks[key][0], "cell"),
                  text(marks[key][1], "cell")] for key in USES if key in marks]
        rows.append([paragraph(bilingual("合计", "Total"), "cell"), text(m["marks"], "cell"),
                     text(m["certificates"], "cell")])
        story += [data_table(rows, [0.4, 0.35, 0.25]), spacer()]
        story.append(field_table([
            ("报告标志使用的证书", "Certificates with mark use reported", _count(m["certificates"])),
            ("报告标志使用的持证企业", "Holders that reported mark use", _count(m["holders"])),
            ("年末有效证书的持证企业", "Holders of a certificate in force at the year's end", _count(holders_at_year_end)),
        ], columns=1, label_width=0.55))
    story += [spacer(), paragraph(bilingual(
        "持证企业每年报告其标志的印制和使用数量（在产品、包装、广告宣传或其他用途上），本机构逐张证书登记；"
        "暂停、撤销、注销或过期证书的持证人不得使用标志，这些证书的期间不予登记。",
        "Each year the holders report how many marks they printed or applied (on the product, its packaging, in "
        "advertising or otherwise), and the body records it per certificate; holders of a suspended, withdrawn, "
        "cancelled or expired certificate may not use the mark, and no use is recorded for such a time."),
        "body"), spacer()]
    return story


def regions_and_schemes(f: dict[str, Any], schemes: dict[str, Any]) -> list[Any]:
    assessed = dict(map(tuple, f["assessments"]["by_region"]))
    certified = dict(map(tuple, f["certificates"]["by_region"]))
    applicants = dict(map(tuple, f["applicants"]["by_region"]))
    rates = {r["key"]: r for r in f["pass_rate_by_region"]}
    keys = [k for k, _n in f["applicants"]["by_region"]]
    labels = [" ".join(region_pair(k)) for k in keys]
    story: list[Any] = [bars_drawing(labels, [("评价 Assessments", [assessed.get(k, 0) for k in keys]),
                                         ("发证 Certificates", [certified.get(k, 0) for k in keys])]), spacer()]
    rows = [_header(("地区", "Region"), ("申请企业", "Applicants"), ("评价", "Assessments"), ("发证", "Certificates"),
                    ("决定", "Decided"), ("通过率", "Pass rate"))]
    for key in keys:
        r = rates.get(key, {})
        rows.append([paragraph(bilingual(*region_pair(key)), "cell"), text(applicants.get(key, 0), "cell"),
                     text(assessed.get(key, 0), "cell"), text(certified.get(key, 0), "cell"),
                     text(r.get("decided", 0), "cell"), text(_share(r.get("rate")), "cell")])
    story += [data_table(rows, [0.3, 0.14, 0.14, 0.14, 0.14, 0.14]), spacer()]
    s_assessed = dict(map(tuple, f["assessments"]["by_scheme"]))
    s_certified = dict(map(tuple, f["certificates"]["by_scheme"]))
    s_rates = {r["key"]: r for r in f["pass_rate_by_scheme"]}
    keys = sorted(set(schemes) | set(s_assessed) | set(s_certified))
    rows = [_header(("方案", "Scheme"), ("评价", "Assessments"), ("发证", "Certificates"), ("决定", "Decided"),
                    ("通过率", "Pass rate"))]
    for key in keys:
        r = s_rates.get(key, {})
        rows.append([paragraph(bilingual(*_scheme_label(key, schemes)), "cell"), text(s_assessed.get(key, 0), "cell"),
                     text(s_certified.get(key, 0), "cell"), text(r.get("decided", 0), "cell"),
                     text(_share(r.get("rate")), "cell")])
    story += [paragraph(bilingual("按方案", "By scheme"), "h2"),
              bars_drawing([_scheme_label(k, schemes)[0] for k in keys],
                           [("评价 Assessments", [s_assessed.get(k, 0) for k in keys]),
                            ("发证 Certificates", [s_certified.get(k, 0) for k in keys])], label_width=180),
              spacer(), data_table(rows, [0.44, 0.14, 0.14, 0.14, 0.14]), spacer()]
    return story


def pass_rate(trend: list[dict[str, Any]]) -> list[Any]:
    if not trend:
        return [text("尚无认证决定 / no certification decision yet"), spacer()]
    rows = [_header(("决定年份", "Year of decision"), ("决定", "Decided"), ("准予", "Granted"), ("通过率", "Pass rate"))]
    rows += [[text(r["year"], "cell"), text(r["decided"], "cell"), text(r["granted"], "cell"),
              text(_share(r["rate"]), "cell")] for r in trend]
    return [trend_drawing([(r["year"], r["rate"], f"{r['granted']}/{r['decided']}") for r in trend]), spacer(),
            data_table(rows, [0.25, 0.25, 0.25, 0.25]), spacer()]


def _rest_row(pairs: list[list[Any]], noun_zh: str, noun_en: str) -> list[Any]:
    """The line that sums what a table leaves out (an empty list when nothing is left out)."""
    rest = pairs[TABLE_ROWS:]
    if not rest:
        return []
    return [[paragraph(bilingual(f"其余 {len(rest)} {noun_zh}", f"the other {len(rest)} {noun_en}"), "cell"),
             text(sum(n for _k, n in rest), "cell")]]


def _item_rows(pairs: list[list[Any]], titles: dict[str, Any], header: tuple[str, str]) -> list[Any]:
    rows = [_header(("评价项", "Item"), header)]
    for item_id, n in pairs[:TABLE_ROWS]:
        zh, en = titles.get(item_id, [item_id, ""])
        rows.append([paragraph(f"{bilingual(zh, en)} {coloured(escape(item_id), MUTED)}", "cell"), text(n, "cell")])
    return rows + _rest_row(pairs, "项", "items")


def findings(f: dict[str, Any]) -> list[Any]:
    titles = f["item_titles"]
    story: list[Any] = []
    nc = f["nonconformities"]
    if nc["by_item"]:
        top = nc["by_item"][:TOP_ITEMS]
        story += [paragraph(bilingual("不符合项（前十项）", "Nonconformities, the ten most frequent items"), "h2"),
                  bars_drawing([titles.get(k, [k, ""])[0] for k, _n in top], [("不符合项 Nonconformities",
                                                                              [n for _k, n in top])], label_width=200),
                  spacer(), data_table(_item_rows(nc["by_item"], titles, ("次数", "Count")), [0.8, 0.2]), spacer()]
        rows = [_header(("条款", "Clause"), ("次数", "Count"))]
        rows += [[text(clause or "—", "cell"), text(n, "cell")] for clause, n in nc["by_clause"][:TABLE_ROWS]]
        rows += _rest_row(nc["by_clause"], "条", "clauses")
        story += [paragraph(bilingual("按条款", "By clause"), "h2"), data_table(rows, [0.8, 0.2]), spacer()]
    else:
        story += [text("本年无不符合项 / no nonconformity this year"), spacer()]
    failed = f["failed_tests"]
    story += [paragraph(bilingual("产品检验不合格项", "Failed product tests"), "h2"),
              text(f"有检验结果的评价 {failed['assessments_measured']} 个，其中有不合格项的 {failed['assessments_failing']} 个 / "
                   f"{failed['assessments_failing']} of {failed['assessments_measured']} assessments with measured "
                   "product tests have a failed one", "body")]
    if failed["by_item"]:
        story += [data_table(_item_rows(failed["by_item"], titles, ("不合格次数", "Failed")), [0.8, 0.2])]
    story.append(spacer())
    return story


def brand_index(f: dict[str, Any], schemes: dict[str, Any]) -> list[Any]:
    index = f["brand_index"]
    groups = index["by_region"]
    story: list[Any] = [paragraph(bilingual(
        f"{index['formula']}，截至 {index['as_of']}。S：持证企业获证决定的总分；V：最新品牌价值估算 P50 的对数刻度"
        "（1 万元 = 0，100 亿元 = 100）。无可用估算的组不计指数。",
        f"{index['formula']}, on {index['as_of']}. S: the holders' decision score; V: their latest brand-value "
        "estimate's P50 on a log scale (1 万元 = 0, 100 亿元 = 100). A group without a usable estimate has no "
        "index."), "body"), spacer(),
        bars_drawing([" ".join(region_pair(g["key"])) for g in groups], [("指数 Index", [g["index"] for g in groups])],
                     maximum=100.0, decimals=1), spacer()]
    rows = [_header(("组", "Group"), ("持证企业", "Holders"), ("S", "strength"), ("V", "value"), ("指数", "Index"),
                    ("有估算", "Valued"), ("过期/不可比/无", "Old / not comp. / none"))]

    def row(label_markup: str, g: dict[str, Any]) -> list[Any]:
        return [paragraph(label_markup, "cell"), text(g["holders"], "cell"), text(_figure(g["strength"]), "cell"),
                text(_figure(g["value_score"]), "cell"), text(_figure(g["index"]), "cell"), text(g["valued"], "cell"),
                text(f"{g['stale']} / {g['not_comparable']} / {g['no_estimate']}", "cell")]
    rows.append(row(bilingual("全部", "All"), index["overall"]))
    rows += [row(bilingual(*region_pair(g["key"])), g) for g in groups]
    rows += [row(bilingual(*_scheme_label(g["key"], schemes)), g) for g in index["by_scheme"]]
    story += [data_table(rows, [0.3, 0.11, 0.1, 0.1, 0.1, 0.11, 0.18]), spacer()]
    return story


def definitions(year: int) -> list[Any]:
    lines = [
        ("评价按其创建年份计入，证书按发证年份计入；通过率 = 准予认证（含整改后准予）/ 已作决定。",
         "Assessments count in the year they were created, certificates in the year they were issued; pass rate = "
         "granted (including after corrective action) / decided."),
        ("证书状态为现状（过期按到期日计算）；监督“待监督”“逾期”为今日之数，“本年应做/已做”按到期日与完成日。",
         "Certificate statuses are as they stand now (expired from the expiry date); visits due and overdue are "
         "today's; due and made in the year go by the due date and the date made."),
        ("不符合项不含已撤回的；产品检验不合格按评价中检验项目当前的测量结果（GB/T 8170 判定）。",
         "Nonconformities leave out withdrawn ones; failed product tests are the test items whose recorded "
         "measurement fails its limit (judged per GB/T 8170)."),
        ("标志使用按使用年份计入，为持证企业报告、本机构登记的数字（brandmark-cli certificates mark-use）。",
         "Mark use counts in the year the marks were used: the figures the holders reported and the body recorded "
         "(brandmark-cli certificates mark-use)."),
        (f"品牌发展指数按 {year} 年 12 月 31 日（年内为今日）计，公式与理由见 docs/statistics.md。",
         f"The brand development index stands on 31 December {year} (today while the year runs); the formula and "
         "its reasons are in docs/statistics.md."),
    ]
    return [paragraph(bilingual(zh, en), "body") for zh, en in lines] + [spacer()]
