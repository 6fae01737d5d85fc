"""``stats [--year Y] [--scheme S]``: the body's figures, counted by the store."""

from __future__ import annotations

from brandmark.regions import region_label


def register(sub, common) -> None:
    p = sub.add_parser("stats", parents=[common], help="the body's statistics (统计)")
    p.add_argument("--year", type=int, help="assessments created (certificates issued) that year")
    p.add_argument("--scheme", metavar="ID", help="only this scheme's assessments and certificates")
    p.set_defaults(handler=show_stats)


def show_stats(ctx) -> None:
    figures = ctx.store.stats.compute(year=ctx.args.year, scheme=ctx.args.scheme)

    def pairs(title, rows, label=str):
        return [title] + [f"  {label(key) or '—':<24} {count:>8}" for key, count in rows]

    def text() -> str:
        lines = [f"申请企业 applicants: {figures['applicants']['total']}"]
        lines += pairs("申请企业按地区 applicants by region", figures["applicants"]["by_region"], region_label)
        lines += pairs("评价按方案 assessments by scheme", figures["assessments"]["by_scheme"])
        lines += pairs("评价按地区 assessments by region", figures["assessments"]["by_region"], region_label)
        lines.append("通过率 pass rate (granted / decided)")
        lines += [f"  {row['year']}  {row['granted']}/{row['decided']}  "
                  f"{'—' if row['rate'] is None else format(row['rate'], '.0%')}" for row in figures["pass_rate_by_year"]]
        lines += pairs("不符合项按评价项 nonconformities by item", figures["nonconformities"]["by_item"][:10])
        lines += pairs("不符合项按条款 nonconformities by clause", figures["nonconformities"]["by_clause"][:10])
        lines += pairs("证书按状态 certificates by status", figures["certificates"]["by_status"])
        s = figures["surveillance"]
        lines.append(f"监督 surveillance: 待监督 due {s['due']}, 逾期 overdue {s['overdue']}")
        median = figures["median_days_to_decision"]
        lines.append(f"评审开始至决定天数中位数 median days assessment → decision: {'—' if median is None else median}")
        for key, label in (("median_days_application_to_decision", "申请至决定天数中位数 median days application → decision"),
                           ("median_days_acceptance_to_decision", "受理至决定天数中位数 median days acceptance → decision"),
                           ("median_working_days_acceptance_to_decision",
                            "受理至决定工作日中位数 median working days acceptance → decision")):
            value = figures[key]
            lines.append(f"{label}: {'—' if value is None else value}")
        lines += index_lines(figures["brand_index"])
        return "\n".join(lines)
    ctx.emit(figures, text)


def _pad(text: str, width: int, *, right: bool = False) -> str:
    """``text`` padded to ``width`` terminal columns (a Chinese character takes two)."""
    import unicodedata
    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    space = " " * max(0, width - used)
    return space + text if right else text + space


def _figure(value) -> str:
    return "—" if value is None else f"{value:.1f}"


def index_lines(index: dict) -> list[str]:
    """The brand development index as a table: S, V, the index and the inputs' coverage."""
    overall = index["overall"]
    lines = [f"品牌发展指数 brand development index ({index['formula']}; {index['as_of']}; docs/statistics.md)",
             f"  {_pad('', 24)} {_pad('获证 holders', 12, right=True)} {'S':>6} {'V':>6} "
             f"{_pad('指数 index', 10, right=True)}   "
             "估值 valued / 过期 stale / 不可比 not comparable / 无 none"]

    def row(label: str, g: dict) -> str:
        return (f"  {_pad(label or '—', 24)} {g['holders']:>12} {_figure(g['strength']):>6} "
                f"{_figure(g['value_score']):>6} {_figure(g['index']):>10}   {g['valued']} / {g['stale']} / {g['not_comparable']} / {g['no_estimate']}")
    lines.append(row("全部 all", overall))
    lines += [row(region_label(g["key"]) or g["key"], g) for g in index["by_region"]]
    lines += [row(g["key"], g) for g in index["by_scheme"]]
    return lines
