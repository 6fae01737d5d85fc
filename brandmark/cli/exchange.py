"""``exchange assign|export|import|conflicts|resolve|attachments``: signed bundles (.bmx) between registers.

The body assigns an assessment to an assessor (signed with the body's key: its
passphrase from ``--body-passphrase-file`` or ``BRANDMARK_BODY_PASSPHRASE``); the laptop
imports it, the assessor works offline and exports the work (signed with their own key:
``--passphrase-file`` or ``BRANDMARK_PASSPHRASE``); the body imports it. An enterprise's
self-assessment is exported self-declared (no key) and attached to its applicant.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from brandmark.cli import body_passphrase

if TYPE_CHECKING:
    import argparse

    from brandmark.cli import Context, Subcommands


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("exchange", parents=[common],
                           help="signed bundles (.bmx) between the body, assessors' laptops and enterprises")
    commands = group.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = commands.add_parser("assign", parents=[common],
                            help="write an assessment's assignment for its assessor, signed by the body")
    p.add_argument("assessment", type=int, metavar="ASSESSMENT_ID", help="the assessment's id")
    p.add_argument("--to", required=True, metavar="PERSON", help="the assessor (id or exact registered name)")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the bundle to write (.bmx)")
    p.add_argument("--by", default="", metavar="PERSON", help="who assigns (event log)")
    body_passphrase.add_option(p)
    p.set_defaults(handler=assign)

    p = commands.add_parser("export", parents=[common],
                            help="write an assessment's work (signed by the assessor) or a self-assessment")
    p.add_argument("assessment", type=int, metavar="ASSESSMENT_ID", help="the assessment's id")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the bundle to write (.bmx)")
    p.add_argument("--by", required=True, metavar="PERSON",
                   help="the assessor who signs (a self-assessment: the name that declares it)")
    p.add_argument("--passphrase-file", metavar="FILE",
                   help="the assessor's passphrase, first line of FILE (default: $BRANDMARK_PASSPHRASE)")
    p.set_defaults(handler=export)

    p = commands.add_parser("import", parents=[common],
                            help="take in a bundle: an assignment, an assessor's work or a self-assessment")
    p.add_argument("file", metavar="FILE", help="the bundle (.bmx)")
    p.add_argument("--by", default="", metavar="PERSON", help="who imports (event log)")
    p.add_argument("--dry-run", action="store_true", help="report what would be imported; write nothing")
    p.set_defaults(handler=import_bundle)

    p = commands.add_parser("conflicts", parents=[common], help="items changed on both sides, item by item")
    p.add_argument("assessment", type=int, nargs="?", metavar="ASSESSMENT_ID", help="one assessment (default: all)")
    p.add_argument("--all", action="store_true", help="also conflicts already settled")
    p.set_defaults(handler=list_conflicts)

    p = commands.add_parser("resolve", parents=[common], help="settle one conflict: keep the register's answer or "
                                                              "take the assessor's (logged)")
    p.add_argument("conflict", type=int, metavar="CONFLICT_ID", help="the conflict's id (exchange conflicts)")
    choice = p.add_mutually_exclusive_group(required=True)
    choice.add_argument("--keep-register", dest="choice", action="store_const", const="register",
                        help="the register's answer stands")
    choice.add_argument("--take-bundle", dest="choice", action="store_const", const="bundle",
                        help="the assessor's answer replaces it")
    p.add_argument("--by", required=True, metavar="PERSON", help="who decides (a registered person)")
    p.set_defaults(handler=resolve)

    p = commands.add_parser("attachments", parents=[common],
                            help="an applicant's attached self-assessments, with readiness and gap list")
    p.add_argument("applicant", type=int, metavar="APPLICANT_ID", help="the applicant's id")
    p.set_defaults(handler=attachments)


def _answer(answer: dict[str, Any] | None) -> str:
    if answer is None:
        return "(none)"
    text = json.dumps(answer["value"], ensure_ascii=False)
    return text + (f" — {answer['note']}" if answer.get("note") else "")


def assign(ctx: Context) -> None:
    from brandmark.exchange import assign as assign_bundle

    a = ctx.args
    ctx.store.body_keys.unlock(body_passphrase.read(a))
    data = assign_bundle(ctx.store, a.assessment, to=a.to, path=a.output, by=a.by)
    ctx.emit(data, f"wrote assignment {data['assignment']} of assessment #{data['assessment']} for "
                   f"{data['assessor']} to {data['file']} (signed by body key {data['key_id']})")


def export(ctx: Context) -> None:
    from brandmark.cli.people import read_passphrase
    from brandmark.exchange import export_assessment

    a = ctx.args
    store = ctx.store
    if store.assessments.get(a.assessment)["mode"] != "self":
        person = store.people.find(a.by, ("by",))
        store.people.unlock(person["id"], read_passphrase(a.passphrase_file))
    data = export_assessment(store, a.assessment, path=a.output, by=a.by)
    what = "self-declared self-assessment" if data["kind"] == "self-assessment" else "work"
    ctx.emit(data, f"wrote the {what} of assessment #{a.assessment} to {data['file']}: {data['answers']} answers, "
                   f"{data['evidence']} evidence files")


def import_bundle(ctx: Context) -> None:
    from brandmark.exchange import import_bundle as take_in

    a = ctx.args
    report = take_in(ctx.store, a.file, by=a.by, dry_run=a.dry_run)

    def text() -> str:
        counts = ", ".join(f"{n} {k}" for k, n in report["imported"].items())
        where = (f"assessment #{report['assessment']}" if report["assessment"] is not None
                 else f"applicant #{report.get('applicant')} (attachment #{report.get('attachment')})")
        lines = [("would import" if a.dry_run else "imported") + f" {report['kind']} into {where}: {counts}"
                 + ("; unchanged (already imported)" if report["unchanged"] else "")]
        for c in report["conflicts"]:
            lines.append(f"  conflict #{c.get('id', '-')} item {c['item']}: register {_answer(c['register'])}; "
                         f"assessor {_answer(c['bundle'])}  (exchange resolve {c.get('id', 'ID')} "
                         "--keep-register|--take-bundle --by PERSON)")
        return "\n".join(lines)

    data = {k: report[k] for k in ("assessment", "imported", "unchanged", "conflicts")}
    ctx.emit(data, text)


def list_conflicts(ctx: Context) -> None:
    from brandmark.exchange import conflicts

    rows = conflicts(ctx.store, ctx.args.assessment, status=None if ctx.args.all else "open")
    ctx.emit(rows, lambda: "\n".join(
        f"#{r['id']} assessment #{r['assessment_id']} item {r['item_id']} [{r['status']}]: register "
        f"{_answer(r['register_answer'])}; assessor {_answer(r['bundle_answer'])}" for r in rows) or "(no conflicts)")


def resolve(ctx: Context) -> None:
    from brandmark.exchange import resolve_conflict

    row = resolve_conflict(ctx.store, ctx.args.conflict, ctx.args.choice, by=ctx.args.by)
    ctx.emit(row, f"conflict #{row['id']} (item {row['item_id']}): {row['status']} by {row['resolved_by']}")


def attachments(ctx: Context) -> None:
    from brandmark.exchange import self_assessments

    rows = self_assessments(ctx.store, ctx.args.applicant)
    ctx.emit(rows, lambda: "\n".join(
        f"#{r['id']} {r['scheme']} declared by {r['declared_by'] or '-'} (self-declared), readiness "
        f"{r['readiness']:.1f}%, {len(r['gaps'])} gaps: " + ", ".join(g["item"] for g in r["gaps"][:20])
        for r in rows) or "(no attached self-assessments)")
