"""``stats [--year Y] [--scheme S]``: the body's figures, counted by the store."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from brandmark.regions import region_label

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Iterable, Sequence

    from brandmark.cli import Context, Subcommands


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("stats", parents=[common], help="the body's statistics (统计)")
    p.add_argument("--year", type=int, help="assessments created (certificates issued) that year")
    p.add_argument("--scheme", metavar="ID", help="only this scheme's assessments and certificates")
    p.set_defaults(handler=show_stats)


def show_stats(ctx: Context) -> None:
    figures = ctx.store.stats.compute(year=ctx.args.year, scheme=ctx.args.scheme)

    def pairs(title: str, rows: Iterable[Sequence[Any]], label: Callable[[Any], str] = str) -> list[str]:
        return [title] + [f"  {_pad(label(key) or str(key or '—'), 40)} {count:>8}" for key, count in rows]

    def rates(title: str, rows: Iterable[dict[str, Any]], label: Callable[[Any], str] = str) -> list[str]:
        return [title] + [f"  {_pad(label(row['key']) or str(row['key'] or '—'), 40)} {row['granted']:>6}/"
                          f"{row['decided']:<6} {_share(row['rate'])}" for row in rows]

    def item(key: str) -> str:
        zh, en = figures["item_titles"].get(key, [key, ""])
        return f"{zh} {en} ({key})" if zh != key else key

    def text() -> str:
        f = figures
        lines = [f"申请企业 applicants: {f['applicants']['total']}"]
        lines += pairs("申请企业按地区 applicants by region", f["applicants"]["by_region"], region_label)
        lines += pairs("申请企业按行业 applicants by industry", f["applicants"]["by_industry"])
        lines += pairs("申请企业按方案（有评价） applicants by scheme (with an assessment)", f["applicants"]["by_scheme"])
        lines.append(f"评价 assessments: {f['assessments']['total']}")
        lines += pairs("评价按方案 assessments by scheme", f["assessments"]["by_scheme"])
        lines += pairs("评价按地区 assessments by region", f["assessments"]["by_region"], region_label)
        lines += pairs("评价按行业 assessments by industry", f["assessments"]["by_industry"])
        rate = f["pass_rate"]
        lines.append(f"通过率 pass rate (granted / decided): {rate['granted']}/{rate['decided']} {_share(rate['rate'])}")
        lines += rates("通过率按决定年份 pass rate by year of decision",
                       [dict(r, key=r["year"]) for r in f["pass_rate_by_year"]])
        lines += rates("通过率按地区 pass rate by region", f["pass_rate_by_region"], region_label)
        lines += rates("通过率按行业 pass rate by industry", f["pass_rate_by_industry"])
        lines += rates("通过率按方案 pass rate by scheme", f["pass_rate_by_scheme"])
        lines += pairs("不符合项按评价项 nonconformities by item", f["nonconformities"]["by_item"][:10], item)
        lines += pairs("不符合项按条款 nonconformities by clause", f["nonconformities"]["by_clause"][:10])
        failed = f["failed_tests"]
        lines += pairs(f"产品检验不合格按项目 failed product tests by item ({failed['assessments_failing']} / "
                       f"{failed['assessments_measured']} 个有检验结果的评价 assessments with measurements)",
                       failed["by_item"][:10], item)
        lines.append(f"证书 certificates: {f['certificates']['total']}")
        lines += pairs("证书按状态 certificates by status", f["certificates"]["by_status"])
        lines += pairs("证书按方案 certificates by scheme", f["certificates"]["by_scheme"])
        lines += pairs("证书按地区 certificates by region", f["certificates"]["by_region"], region_label)
        lines += pairs("证书按行业 certificates by industry", f["certificates"]["by_industry"])
        s = f["surveillance"]
        lines.append(f"监督 surveillance: 待监督 due {s['due']}, 逾期 overdue {s['overdue']}"
                     + (f"; 本年应做 due in the year {s['due_in_year']}, 已做 made {s['made_in_year']}"
                        if "due_in_year" in s else ""))
        median = figures["median_days_to_decision"]
        lines.append(f"评审开始至决定天数中位数 median days assessment → decision: {'—' if median is None else median}")
        for key, label in (("median_days_application_to_decision", "申请至决定天数中位数 median days application → decision"),
                           ("median_days_acceptance_to_decision", "受理至决定天数中位数 median days acceptance → decision"),
                           ("median_working_days_acceptance_to_decision",
                            "受理至决定工作日中位数 median working days acceptance → decision")):
            value = figures[key]
            lines.append(f"{label}: {'—' if value is None else value}")
        m = figures["mark_use"]
        lines += pairs(f"标志使用 mark use (marks printed or applied): {m['marks']} 枚, {m['certificates']} 张证书 "
                       f"certificates, {m['holders']} 家持证企业 holders reporting",
                       [[key, marks] for key, marks, _certificates in m["by_use"]])
        lines += index_lines(figures["brand_index"])
        return "\n".join(lines)
    ctx.emit(figures, text)


def _pad(text: str, width: int, *, right: bool = False) -> str:
    """``text`` padded to ``width`` terminal columns (a Chinese character takes two)."""
    import unicodedata
    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    space = " " * max(0, width - used)
    return space + text if right else text + space


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def index_lines(index: dict[str, Any]) -> list[str]:
    """The brand development index as a table: S, V, the index and the inputs' coverage."""
    overall = index["overall"]
    lines = [f"品牌发展指数 brand development index ({index['formula']}; {index['as_of']}; docs/statistics.md)",
             f"  {_pad('', 24)} {_pad('获证 holders', 12, right=True)} {'S':>6} {'V':>6} "
             f"{_pad('指数 index', 10, right=True)}   "
             "估值 valued / 过期 stale / 不可比 not comparable / 无 none"]

    def row(label: str, g: dict[str, Any]) -> str:
        return (f"  {_pad(label or '—', 24)} {g['holders']:>12} {_figure(g['strength']):>6} "
                f"{_figure(g['value_score']):>6} {_figure(g['index']):>10}   {g['valued']} / {g['stale']} / {g['not_comparable']} / {g['no_estimate']}")
    lines.append(row("全部 all", overall))
    lines += [row(region_label(g["key"]) or g["key"], g) for g in index["by_region"]]
    lines += [row(g["key"], g) for g in index["by_scheme"]]
    return lines
