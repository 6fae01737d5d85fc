"""``audits plan|show|pdf|consulted|consultancies``: audit planning and the impartiality record behind its team."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse

    from brandmark.cli import Context, Subcommands


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("audits", parents=[common], help="audit planning: person-days, team, dates, plan PDF (审核策划)")
    commands = group.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = commands.add_parser("plan", parents=[common],
                            help="size the audit from the pack's person-day table, propose a team, record the dates")
    p.add_argument("assessment_id", type=int, metavar="ASSESSMENT_ID", help="the certification assessment's id")
    p.add_argument("--employees", type=int, required=True, metavar="N", help="the factory's head count")
    p.add_argument("--sites", type=int, default=1, metavar="N", help="production sites (default 1)")
    p.add_argument("--products", type=int, default=1, metavar="N", help="product units in the scope (default 1)")
    p.add_argument("--start", metavar="DATE", help="first audit day, YYYY-MM-DD (default: the next working day)")
    p.add_argument("--team-size", type=int, metavar="N", help="assessors in the team (default: the pack's minimum)")
    p.add_argument("--by", default="", help="who plans it (event log)")
    p.set_defaults(handler=plan)

    p = commands.add_parser("show", parents=[common], help="an assessment's audit plan")
    p.add_argument("assessment_id", type=int, metavar="ASSESSMENT_ID", help="the assessment's id")
    p.set_defaults(handler=show)

    p = commands.add_parser("pdf", parents=[common], help="the audit plan for the enterprise as PDF (审核计划)")
    p.add_argument("assessment_id", type=int, metavar="ASSESSMENT_ID", help="the assessment's id")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the PDF to write")
    p.set_defaults(handler=pdf)

    p = commands.add_parser("consulted", parents=[common],
                            help="record that a person gave consultancy to an applicant (they may not assess it)")
    p.add_argument("--person", required=True, metavar="PERSON", help="the person (id or name)")
    p.add_argument("--applicant", type=int, required=True, metavar="ID", help="the applicant's id")
    p.add_argument("--until", metavar="DATE", help="the last day it counts (default: for ever)")
    p.add_argument("--note", default="", help="what the consultancy was")
    p.add_argument("--by", default="", help="who records it (event log)")
    p.set_defaults(handler=consulted)

    p = commands.add_parser("consultancies", parents=[common], help="list the consultancy record")
    p.add_argument("--applicant", type=int, metavar="ID", help="only for this applicant")
    p.set_defaults(handler=consultancies)


def _text(row: dict[str, Any]) -> str:
    team = ", ".join(f"{m['name']} (#{m['id']}{', leader' if m['role'] == 'leader' else ''})" for m in row["team"])
    lines = [f"assessment #{row['assessment_id']}: {row['person_days']:g} person-days "
             f"({row['employees']} employees, {row['sites']} site(s), {row['products']} product unit(s)); "
             f"{row['starts_on']} – {row['ends_on']} ({len(row['days'])} working day(s)); team: {team}"]
    for load in row.get("loads", []):
        lines.append(f"  {load['name']}: {load['person_days']:g} person-days "
                     f"({load['audit_days']:g} auditing, {load['meeting_days']:g} meetings)")
    for a in sorted(row.get("programme", []), key=lambda a: (a["day"], a["person_id"])):
        lines.append(f"  {a['day']}  {a['name']:<10} [{a['section_id']}] {', '.join(a['item_ids'])}")
    return "\n".join(lines)


def plan(ctx: Context) -> None:
    a = ctx.args
    row = ctx.store.audits.plan(a.assessment_id, employees=a.employees, sites=a.sites, products=a.products,
                                starts_on=a.start, team_size=a.team_size, by=a.by)
    ctx.emit(row, lambda: _text(row))


def show(ctx: Context) -> None:
    row = ctx.store.audits.require_plan(ctx.args.assessment_id)
    ctx.emit(row, lambda: _text(row))


def pdf(ctx: Context) -> None:
    from brandmark.reports.audit_plan import write_audit_plan

    pages = write_audit_plan(ctx.store, ctx.args.assessment_id, ctx.args.output)
    ctx.emit({"path": ctx.args.output, "pages": pages}, f"{ctx.args.output} ({pages} pages)")


def consulted(ctx: Context) -> None:
    a = ctx.args
    row = ctx.store.consultancies.add(a.person, a.applicant, until=a.until, note=a.note, by=a.by)
    ctx.emit(row, f"person #{row['person_id']} consulted for applicant #{row['applicant_id']}"
                  + (f" until {row['until']}" if row["until"] else ""))


def consultancies(ctx: Context) -> None:
    rows = ctx.store.consultancies.list(applicant_id=ctx.args.applicant)
    ctx.emit(rows, lambda: "\n".join(
        f"{r['person_name']} (#{r['person_id']}) → {r['applicant_name']} (#{r['applicant_id']})"
        f"{' until ' + r['until'] if r['until'] else ''}  {r['note']}" for r in rows) or "(none)")
