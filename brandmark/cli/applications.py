"""``applications new|receive|accept|return|refuse|show|list``: applications and their acceptance."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from brandmark.cli.people import add_passphrase_option, sign_in

if TYPE_CHECKING:
    import argparse

    from brandmark.cli import Context, Subcommands


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("applications", parents=[common],
                           help="applications for certification and their acceptance (认证申请与受理)")
    commands = group.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = commands.add_parser("new", parents=[common], help="record an application received today; prints its id")
    p.add_argument("--applicant", type=int, required=True, metavar="ID", help="the applicant's id")
    p.add_argument("--scheme", required=True, metavar="ID", help="the pack id")
    p.add_argument("--scheme-version", help="default: the latest version")
    p.add_argument("--product", metavar="NAME", help="the product applied for")
    p.add_argument("--models", default="", help="its models (型号)")
    p.add_argument("--standard", metavar="T/ZZB...", help="the 浙江制造 standard number, T/ZZB NNNN—YYYY")
    p.add_argument("--factory-address", default="", help="where it is made")
    p.add_argument("--by", default="", help="who records it (event log)")
    p.set_defaults(handler=new_application)

    p = commands.add_parser("receive", parents=[common],
                            help="record one of the application's materials as received (with its file) or not applicable")
    p.add_argument("application_id", type=int, metavar="ID", help="the application's id")
    p.add_argument("--item", required=True, help="the material's id in the pack's [application] list")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--file", metavar="FILE", help="the file received")
    what.add_argument("--na", action="store_true", help="not applicable to this applicant")
    p.add_argument("--by", default="", help="who records it (event log)")
    p.set_defaults(handler=receive)

    for action, help_text in (("accept", "accept the application (受理): its date starts the decision clock"),
                              ("return", "return the application for completion (补正)"),
                              ("refuse", "refuse the application (不予受理)")):
        p = commands.add_parser(action, parents=[common], help=help_text)
        p.add_argument("application_id", type=int, metavar="ID", help="the application's id")
        p.add_argument("--by", required=True, metavar="PERSON",
                       help="a registered person competent for the scheme, who signs the decision")
        p.add_argument("--reason", default="", help="why (required to return or refuse; the applicant is told)")
        add_passphrase_option(p, "the person deciding")
        p.set_defaults(handler=decide, decision=action)

    p = commands.add_parser("show", parents=[common], help="an application with its materials and decisions")
    p.add_argument("application_id", type=int, metavar="ID", help="the application's id")
    p.set_defaults(handler=show)

    p = commands.add_parser("list", parents=[common], help="list applications")
    p.add_argument("--status", choices=("open", "returned", "accepted", "refused"), help="only this status")
    p.add_argument("--applicant", type=int, metavar="ID", help="only this applicant's applications")
    p.set_defaults(handler=list_applications)


def _text(row: dict[str, Any]) -> str:
    lines = [f"application #{row['id']} {row['applicant_name']} · {row['scheme_id']} {row['scheme_version']} · "
             f"{row['status']} · received {row['received_on']}"
             + (f" · accepted {row['accepted_on']}" if row["accepted_on"] else "")
             + (f" · assessment #{row['assessment_id']}" if row["assessment_id"] else "")]
    for item in row["items"]:
        mark = {"received": "✓", "na": "n/a", "missing": "✗"}[item["status"]]
        lines.append(f"  {mark:<4}{item['id']:<20}{'' if item['required'] else '(optional) '}{item['title']}"
                     + (f"  [{item['file_name']}]" if item["file_name"] else ""))
    for d in row["decisions"]:
        lines.append(f"  {d['decided_on']} {d['decision']} by {d['decided_by']}" + (f": {d['reason']}" if d["reason"] else ""))
    return "\n".join(lines)


def new_application(ctx: Context) -> None:
    a = ctx.args
    application_id = ctx.store.applications.new(
        applicant_id=a.applicant, scheme_id=a.scheme, scheme_version=a.scheme_version, product=a.product,
        models=a.models, standard=a.standard, factory_address=a.factory_address, by=a.by)
    row = ctx.store.applications.get(application_id)
    ctx.emit(row, lambda: _text(row))


def receive(ctx: Context) -> None:
    a = ctx.args
    row = ctx.store.applications.receive(a.application_id, a.item, a.file, not_applicable=a.na, by=a.by)
    ctx.emit(row, lambda: _text(row))


def decide(ctx: Context) -> None:
    a = ctx.args
    sign_in(ctx, a.by, a.passphrase_file)
    row = ctx.store.applications.decide(a.application_id, a.decision, by=a.by, reason=a.reason)
    ctx.emit(row, lambda: _text(row))


def show(ctx: Context) -> None:
    row = ctx.store.applications.get(ctx.args.application_id)
    ctx.emit(row, lambda: _text(row))


def list_applications(ctx: Context) -> None:
    rows = ctx.store.applications.list(status=ctx.args.status, applicant_id=ctx.args.applicant)
    ctx.emit(rows, lambda: "\n".join(
        f"#{r['id']:<5} {r['scheme_id']:<18} {r['status']:<9} received {r['received_on']}  "
        f"accepted {r['accepted_on'] or '-':<10}  {('#' + str(r['assessment_id'])) if r['assessment_id'] else '':<6} "
        f"{r['applicant_name']}" for r in rows) or "(none)")
