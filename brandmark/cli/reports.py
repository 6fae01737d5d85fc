"""``reports assessment|self``: the assessment reports as PDF files."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from brandmark.cli import Context, Subcommands

ASSESSMENT_HELP = ("the certification assessment report (认证评审报告): particulars, verdict and decision, "
                   "section scores and radar, every item's answer, nonconformities, evidence, sign-off. "
                   "Refused for a self-assessment, which has no certification verdict.")
SELF_HELP = ("the self-assessment report (企业自我评价报告): readiness, section scores and radar, and the "
             "gap list ordered by weight. Also accepted for a certification assessment, printed as a gap "
             "list for the enterprise (it says so, and it is not the certification decision).")


ANNUAL_HELP = ("the body's annual report on its certificates and their use (认证年度报告): the year's work and "
               "pass rate, certificates by status and scheme, surveillance, by region and scheme with charts, the pass "
               "rate over the years, nonconformities and failed product tests, the brand development index; the same "
               "figures as `stats --year Y`. Chinese with English beside it.")


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("reports", parents=[common], help="assessment reports as PDF (评审报告)")
    commands = group.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = commands.add_parser("assessment", parents=[common], help=ASSESSMENT_HELP, description=ASSESSMENT_HELP)
    p.add_argument("assessment_id", type=int, metavar="ID", help="the assessment's id")
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="the PDF to write (replaced if it exists); FILE.xlsx or .csv writes its items and answers")
    p.add_argument("--lang", choices=("zh_CN", "en"), help="a workbook's language (default: the locale's)")
    p.set_defaults(handler=assessment_report)

    p = commands.add_parser("self", parents=[common], help=SELF_HELP, description=SELF_HELP)
    p.add_argument("assessment_id", type=int, metavar="ID", help="the assessment's id")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the PDF to write (replaced if it exists)")
    p.set_defaults(handler=self_report)

    p = commands.add_parser("annual", parents=[common], help=ANNUAL_HELP, description=ANNUAL_HELP)
    p.add_argument("--year", type=int, required=True, metavar="Y", help="the year reported on (2000 to this year)")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the PDF to write (replaced if it exists)")
    p.set_defaults(handler=annual_report)


def _emit(ctx: Context, path: str, pages: int) -> None:
    ctx.emit({"path": path, "pages": pages}, f"wrote {path} ({pages} pages)")


def assessment_report(ctx: Context) -> None:
    from brandmark.reports import write_assessment_report

    if str(ctx.args.output).lower().endswith((".xlsx", ".csv")):
        from brandmark.exports import export_assessment_answers

        result = export_assessment_answers(ctx.store, ctx.args.assessment_id, ctx.args.output, language=ctx.args.lang)
        ctx.emit(result, f"wrote {result['file']} ({result['rows']} items, {result['answered']} answered)")
        return

    pages = write_assessment_report(ctx.store, ctx.args.assessment_id, ctx.args.output)
    _emit(ctx, ctx.args.output, pages)


def self_report(ctx: Context) -> None:
    from brandmark.reports import write_self_report

    pages = write_self_report(ctx.store, ctx.args.assessment_id, ctx.args.output)
    _emit(ctx, ctx.args.output, pages)


def annual_report(ctx: Context) -> None:
    from brandmark.reports.annual_report import write_annual_report

    pages = write_annual_report(ctx.store, ctx.args.year, ctx.args.output)
    _emit(ctx, ctx.args.output, pages)
