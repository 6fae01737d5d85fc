"""``deadlines [--overdue] [--within DAYS]``: every open clock with its due date and working days left.

A date past the calendar's data is provisional (counted Monday to Friday): its line says so
and its due date ends in ``*``; ``--json`` rows carry ``provisional``, ``due_provisional``
and ``provisional_note``."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse

    from brandmark.cli import Context, Subcommands


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("deadlines", parents=[common],
                       help="open applications, assessments, corrective actions and surveillance visits by due date (认证时限)")
    p.add_argument("--overdue", action="store_true", help="only those past their due date")
    p.add_argument("--within", type=int, metavar="DAYS", help="only those due within DAYS working days (and overdue ones)")
    p.set_defaults(handler=list_deadlines)


RED, RESET = "\x1b[31m", "\x1b[0m"


def _line(row: dict[str, Any], colour: bool) -> str:
    what = {"application": "application", "assessment": "assessment", "corrective_action": "finding",
            "surveillance": "surveillance"}.get(row["kind"], row["kind"])
    if row["problem"]:
        left = row["problem"]["message"]
    elif row["working_days_left"] is None:
        left = ""
    elif row["overdue"]:
        left = f"OVERDUE by {-row['working_days_left']} working days / 已超期 {-row['working_days_left']} 个工作日"
    else:
        left = f"{row['working_days_left']} working days left / 剩余 {row['working_days_left']} 个工作日"
    if row.get("provisional"):
        # Past the calendar's data the figures are counted Monday to Friday: said on the line.
        year = row["provisional_note"]["year"]
        left += f"  (暂定 provisional: {year} counted Monday–Friday until declared)"
    due = (row["due_on"] or "?") + ("*" if row.get("due_provisional") else "")
    text = (f"{due:<11}  {row['step']:<17} {what} #{row['id']:<5} {row['applicant_name']}  {left}")
    return f"{RED}{text}{RESET}" if colour and row["overdue"] else text


def list_deadlines(ctx: Context) -> None:
    rows = ctx.store.deadlines.list(overdue=ctx.args.overdue, within=ctx.args.within)
    colour = sys.stdout.isatty()
    ctx.emit({"today": ctx.store.today().isoformat(), "deadlines": rows},
             lambda: "\n".join(_line(r, colour) for r in rows) or "(none)")
