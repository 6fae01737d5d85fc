"""``calendar list|add|remove|declare-year``: the body's working calendar (holidays from chinesecalendar)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from brandmark.workdays import DAY_KINDS

if TYPE_CHECKING:
    import argparse

    from brandmark.cli import Context, Subcommands


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("calendar", parents=[common],
                           help="the working calendar deadlines count on: the body's closure days (工作日历)")
    commands = group.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = commands.add_parser("list", parents=[common], help="the body's own days and the years the calendar covers")
    p.set_defaults(handler=list_days)

    p = commands.add_parser("add", parents=[common], help="add the body's own days (closure by default)")
    p.add_argument("dates", nargs="+", metavar="DATE", help="YYYY-MM-DD")
    p.add_argument("--kind", choices=DAY_KINDS, default="closure",
                   help="closure: the body is closed on a working day; holiday/workday: a year's official "
                        "schedule that chinesecalendar does not know yet")
    p.add_argument("--note", default="", help="why (e.g. 机构年度停业)")
    p.add_argument("--by", default="", help="who adds them (event log)")
    p.set_defaults(handler=add_days)

    p = commands.add_parser("remove", parents=[common], help="remove some of the body's own days")
    p.add_argument("dates", nargs="+", metavar="DATE", help="YYYY-MM-DD")
    p.add_argument("--by", default="", help="who removes them (event log)")
    p.set_defaults(handler=remove_days)

    p = commands.add_parser("declare-year", parents=[common],
                            help="declare a year's official holidays and working weekends entered (calendar add --kind holiday/workday)")
    p.add_argument("year", type=int, metavar="YEAR", help="the year")
    p.add_argument("--note", default="", help="the source (e.g. 国务院办公厅通知)")
    p.add_argument("--by", default="", help="who declares it (event log)")
    p.set_defaults(handler=declare_year)


def _text(days: list[dict[str, Any]], years: dict[str, Any]) -> str:
    first, last = years["library"]
    lines = [f"chinesecalendar covers {first}–{last}"
             + (f"; the body entered {', '.join(str(y['year']) for y in years['declared'])}" if years["declared"] else "")]
    lines += [f"{d['day']}  {d['kind']:<8} {d['note']}" for d in days]
    return "\n".join(lines)


def list_days(ctx: Context) -> None:
    days, years = ctx.store.calendar.days(), ctx.store.calendar.years()
    ctx.emit({"days": days, "years": years}, lambda: _text(days, years))


def add_days(ctx: Context) -> None:
    days = ctx.store.calendar.add(ctx.args.dates, ctx.args.kind, note=ctx.args.note, by=ctx.args.by)
    years = ctx.store.calendar.years()
    ctx.emit({"days": days, "years": years}, lambda: _text(days, years))


def remove_days(ctx: Context) -> None:
    days = ctx.store.calendar.remove(ctx.args.dates, by=ctx.args.by)
    years = ctx.store.calendar.years()
    ctx.emit({"days": days, "years": years}, lambda: _text(days, years))


def declare_year(ctx: Context) -> None:
    years = ctx.store.calendar.declare_year(ctx.args.year, note=ctx.args.note, by=ctx.args.by)
    days = ctx.store.calendar.days()
    ctx.emit({"days": days, "years": years}, lambda: _text(days, years))
