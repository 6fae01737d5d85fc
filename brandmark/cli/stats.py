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
        return "\n".join(lines)
    ctx.emit(figures, text)
