"""``surveillance due|show|schedule|decide|report``: surveillance visits (获证后监督).

A visit is started with ``assessments new --surveillance NUMBER --assessor PERSON`` and
answered like any assessment (``assessments answer``); it is decided here.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from brandmark.cli.people import add_passphrase_option, sign_in
from brandmark.errors import RefusedInput
from brandmark.certificates.statuses import SURVEILLANCE_RESULTS

if TYPE_CHECKING:
    import argparse

    from brandmark.cli import Context, Subcommands

EXTRA_REASONS = ("complaint", "failed_sampling")


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("surveillance", parents=[common],
                           help="surveillance visits (获证后监督): due list, extra visits, decisions, reports")
    commands = group.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = commands.add_parser("due", parents=[common], help="open visits of certificates in force, earliest first")
    p.add_argument("--within", type=int, metavar="DAYS", help="only those due within DAYS from today (overdue included)")
    p.add_argument("--overdue", action="store_true", help="only those past their due date")
    p.set_defaults(handler=due)

    p = commands.add_parser("show", parents=[common], help="a certificate's visits and its earlier findings")
    p.add_argument("number", metavar="NUMBER", help="the certificate number")
    p.set_defaults(handler=show)

    p = commands.add_parser("schedule", parents=[common],
                            help="add a visit due sooner: after a substantiated complaint or a failed sampling")
    p.add_argument("number", metavar="NUMBER", help="the certificate number")
    p.add_argument("--reason", required=True, choices=EXTRA_REASONS, help="why the visit is brought forward")
    p.add_argument("--note", required=True, help="what happened (the complaint, the sampling)")
    p.add_argument("--due", metavar="YYYY-MM-DD", help="its due date (default: the pack's follow-up months from today)")
    p.add_argument("--by", required=True, metavar="PERSON", help="the registered person who records it")
    p.set_defaults(handler=schedule)

    p = commands.add_parser("decide", parents=[common],
                            help="decide a visit: maintain, suspend or withdraw the certificate, with the reason")
    p.add_argument("assessment_id", type=int, metavar="ASSESSMENT_ID", help="the visit's assessment")
    p.add_argument("--result", required=True, choices=SURVEILLANCE_RESULTS, help="the decision")
    p.add_argument("--reason", default="", help="why (required to suspend or withdraw; kept with the status change)")
    p.add_argument("--by", required=True, metavar="PERSON",
                   help="the decider: a registered person with the decider role who took no part in the visit")
    add_passphrase_option(p, "the decider")
    p.set_defaults(handler=decide)

    p = commands.add_parser("report", parents=[common], help="the surveillance visit report (监督报告) as PDF")
    p.add_argument("assessment_id", type=int, metavar="ASSESSMENT_ID", help="the visit's assessment")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the PDF to write (replaced if it exists)")
    p.set_defaults(handler=report)


def _date(text: str | None, field: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise RefusedInput.of("dates.not_a_date", (field,), value=text) from None


def due(ctx: Context) -> None:
    a, store = ctx.args, ctx.store
    until = store.today() + dt.timedelta(days=a.within) if a.within is not None else None
    rows = store.surveillance.due_visits(until)
    if a.overdue:
        rows = [r for r in rows if r["overdue"]]
    ctx.emit(rows, lambda: "\n".join(
        f"{r['due_on']}{' OVERDUE 逾期' if r['overdue'] else ''}  {r['number']}  {r['status']:<9} {r['reason']:<15} "
        f"{r['holder_name']}" + (f"  (assessment #{r['assessment_id']})" if r["assessment_id"] else "")
        for r in rows) or "(none due)")


def show(ctx: Context) -> None:
    store = ctx.store
    visits = store.surveillance.visits(ctx.args.number)
    findings = store.surveillance.previous_findings(ctx.args.number)
    data = {"number": ctx.args.number, "visits": visits, "findings": findings}
    ctx.emit(data, lambda: "\n".join(
        [f"{v['due_on']}  {v['reason']:<15} " + (f"done {v['done_on']}: {v['result']}" if v["done_on"] else "open")
         + (f"  assessment #{v['assessment_id']}" if v["assessment_id"] else "")
         + (f"  — {v['note']}" if v["note"] else "") for v in visits]
        + [f"  finding #{f['id']} (assessment #{f['assessment_id']}) {f['grade']} {f['item_id']} {f['status']}"
           for f in findings]) or "(no visits)")


def schedule(ctx: Context) -> None:
    a = ctx.args
    visit = ctx.store.surveillance.schedule(a.number, reason=a.reason, note=a.note, by=a.by,
                                            due_on=_date(a.due, "due"))
    ctx.emit(visit, f"{a.number}: visit #{visit['id']} due {visit['due_on']} ({visit['reason']})")


def decide(ctx: Context) -> None:
    a = ctx.args
    sign_in(ctx, a.by, a.passphrase_file)
    visit = ctx.store.surveillance.decide(a.assessment_id, a.result, by=a.by, reason=a.reason)
    cert = ctx.store.certificates.get(visit["number"])
    ctx.emit({"visit": visit, "certificate": {k: v for k, v in cert.items() if k != "stored_status"}},
             f"visit #{visit['id']} of {visit['number']}: {visit['result']} by {visit['recorded_by']}; "
             f"the certificate is {cert['status']}, next due {cert['next_surveillance'] or '-'}")


def report(ctx: Context) -> None:
    from brandmark.reports.surveillance_report import write_surveillance_report

    pages = write_surveillance_report(ctx.store, ctx.args.assessment_id, ctx.args.output)
    ctx.emit({"path": ctx.args.output, "pages": pages}, f"wrote {ctx.args.output} ({pages} pages)")
