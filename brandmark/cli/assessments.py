"""``assessments new|list|show|history|answer|score|decide|findings|update-finding|close-finding|ranking``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from brandmark.cli import read_json_file
from brandmark.cli.people import add_passphrase_option, sign_in
from brandmark.errors import RefusedInput
from brandmark.scoring.scorer import MODES

if TYPE_CHECKING:
    import argparse

    from brandmark.cli import Context, Subcommands


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("assessments", parents=[common], help="assessments (评审) and self-assessments")
    commands = group.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = commands.add_parser("new", parents=[common],
                            help="start an assessment (from an accepted application, a certificate, or, for a "
                                 "self-assessment, an applicant and scheme); prints its id")
    p.add_argument("--application", type=int, metavar="ID",
                   help="an accepted application (applications accept): the certification assessment starts from it")
    p.add_argument("--applicant", type=int, metavar="ID",
                   help="the applicant's id, for a self-assessment (--mode self); a certification assessment "
                        "starts from --application (refused here: assessment.needs_application), a later one "
                        "from its certificate")
    p.add_argument("--scheme", metavar="ID", help="the pack id, for a self-assessment")
    later = p.add_mutually_exclusive_group()
    later.add_argument("--surveillance", metavar="CERTIFICATE_NUMBER",
                       help="a surveillance visit of this certificate: its next due visit, only the surveyed items")
    later.add_argument("--recertify", metavar="CERTIFICATE_NUMBER",
                       help="a full recertification assessment of this certificate before it expires")
    later.add_argument("--scope-change", metavar="CERTIFICATE_NUMBER",
                       help="a scope extension of this certificate: the test items, for the list given by --models")
    p.add_argument("--replace-at", choices=("expiry", "now"), default="expiry",
                   help="with --recertify: the new certificate takes over at the old one's expiry or at once")
    p.add_argument("--scheme-version", help="default: the latest version")
    p.add_argument("--assessor", required=True, metavar="PERSON",
                   help="a registered assessor (id or name); free text for --mode self (self-declared)")
    p.add_argument("--mode", choices=MODES, default="certification", help="certification, or a self-assessment (自我评价)")
    p.add_argument("--product", metavar="NAME", help="the product assessed")
    p.add_argument("--models", default="", help="its models (型号)")
    p.add_argument("--standard", metavar="T/ZZB...", help="the 浙江制造 standard number, T/ZZB NNNN—YYYY")
    p.add_argument("--rule", dest="implementation_rule", help="implementation rule number (default: the pack's)")
    p.add_argument("--factory-address", default="", help="where it is made")
    p.set_defaults(handler=new_assessment)

    p = commands.add_parser("list", parents=[common], help="list assessments")
    p.add_argument("--applicant", type=int, metavar="ID", help="only this applicant's assessments")
    p.add_argument("--status", choices=("open", "decided"), help="only open or only decided ones")
    p.add_argument("--limit", type=int, default=500, help="how many to show (newest first)")
    p.add_argument("--after", type=int, metavar="ID",
                   help="the next page: the assessments older than this one (the last one shown); "
                        "as fast at the end of the register as at its start")
    p.set_defaults(handler=list_assessments)

    p = commands.add_parser("show", parents=[common], help="an assessment with its answers and findings")
    p.add_argument("assessment_id", type=int, metavar="ID", help="the assessment's id")
    p.set_defaults(handler=show_assessment)

    p = commands.add_parser("history", parents=[common],
                            help="every change of an answer (who, when, old → new) and the retests of failed tests")
    p.add_argument("assessment_id", type=int, metavar="ID", help="the assessment's id")
    p.add_argument("--item", metavar="ITEM_ID", help="only this item's changes")
    p.set_defaults(handler=show_history)

    p = commands.add_parser("answer", parents=[common], help="record answers from a JSON file")
    p.add_argument("assessment_id", type=int, metavar="ID", help="the assessment's id")
    p.add_argument("--file", required=True, help='{"answers": {ITEM_ID: VALUE}}')
    p.add_argument("--by", metavar="PERSON", help="who answers (default: the assessment's assessor)")
    p.set_defaults(handler=answer_assessment)

    p = commands.add_parser("score", parents=[common], help="score an assessment")
    p.add_argument("assessment_id", type=int, metavar="ID", help="the assessment's id")
    p.set_defaults(handler=score_assessment)

    p = commands.add_parser("decide", parents=[common], help="record the certification decision")
    p.add_argument("assessment_id", type=int, metavar="ID", help="the assessment's id")
    p.add_argument("--decision", required=True, choices=("grant", "conditional", "refuse"), help="the certification decision")
    p.add_argument("--by", required=True, metavar="PERSON",
                   help="the decider: a registered person with the decider role who took no part in the evaluation")
    p.add_argument("--note", default="", help="a note kept with the decision")
    add_passphrase_option(p, "the decider")
    p.set_defaults(handler=decide_assessment)

    p = commands.add_parser("findings", parents=[common], help="list an assessment's nonconformities")
    p.add_argument("assessment_id", type=int, metavar="ID", help="the assessment's id")
    p.set_defaults(handler=list_findings)

    p = commands.add_parser("update-finding", parents=[common], help="edit a nonconformity")
    p.add_argument("finding_id", type=int, metavar="FINDING_ID", help="the finding's id (assessments findings ID lists them)")
    p.add_argument("--by", required=True, help="who makes the change (event log)")
    p.add_argument("--clause", help="the clause of the standard")
    p.add_argument("--description", help="what was found")
    p.add_argument("--corrective-action", help="the corrective action")
    p.add_argument("--deadline", help="YYYY-MM-DD")
    p.set_defaults(handler=update_finding)

    p = commands.add_parser("close-finding", parents=[common],
                            help="record that a corrective action was verified")
    p.add_argument("finding_id", type=int, metavar="FINDING_ID", help="the finding's id (assessments findings ID lists them)")
    p.add_argument("--by", required=True, metavar="PERSON", help="the verifier, a registered person (signs the closing)")
    p.add_argument("--checked", metavar="TEXT", help="what was checked to verify the corrective action (required)")
    p.add_argument("--evidence", metavar="TEXT", help="the evidence seen (required)")
    p.add_argument("--corrective-action", help="the corrective action")
    add_passphrase_option(p, "the verifier (certification assessments)")
    p.set_defaults(handler=close_finding)

    p = commands.add_parser("ranking", parents=[common], help="score every assessment of a pack at once")
    p.add_argument("--scheme", required=True, metavar="ID", help="the pack id")
    p.add_argument("--scheme-version", help="a pack version (default: the latest)")
    p.set_defaults(handler=ranking)


def new_assessment(ctx: Context) -> None:
    a = ctx.args
    if a.application is not None:
        assessment_id = ctx.store.applications.start_assessment(a.application, assessor=a.assessor)
        row = ctx.store.assessments.get(assessment_id)
        ctx.emit(row, f"assessment #{assessment_id} ({row['scheme_id']} {row['scheme_version']}, "
                      f"from application #{a.application})")
        return
    if a.surveillance or a.recertify or a.scope_change:
        return _new_for_certificate(ctx)
    if a.applicant is None and not a.scheme:
        raise RefusedInput.of("application.needs_applicant", ("application",))
    if a.applicant is None or not a.scheme:
        raise RefusedInput.of("cli.missing_option", ("applicant" if a.applicant is None else "scheme",),
                              option="--applicant" if a.applicant is None else "--scheme")
    assessment_id = ctx.store.assessments.new(
        applicant_id=a.applicant, scheme_id=a.scheme, scheme_version=a.scheme_version,
        assessor=a.assessor, mode=a.mode, product=a.product, models=a.models, standard=a.standard,
        implementation_rule=a.implementation_rule, factory_address=a.factory_address)
    row = ctx.store.assessments.get(assessment_id)
    ctx.emit(row, f"assessment #{assessment_id} ({row['scheme_id']} {row['scheme_version']}, {row['mode']})")


def _new_for_certificate(ctx: Context) -> None:
    """A later assessment of a certificate: a surveillance visit, a recertification, a scope change."""
    a, store = ctx.args, ctx.store
    if a.surveillance:
        visit = store.surveillance.open_visit(a.surveillance, assessor=a.assessor)
        assessment_id, number = visit["assessment_id"], a.surveillance
        earlier = store.surveillance.previous_findings(number, before=assessment_id)
    elif a.recertify:
        assessment_id, number = store.renewals.start_recertification(
            a.recertify, assessor=a.assessor, replace_at=a.replace_at), a.recertify
        earlier = store.surveillance.previous_findings(number, before=assessment_id)
    else:
        if not a.models:
            raise RefusedInput.of("cli.missing_option", ("models",), option="--models")
        assessment_id, number = store.renewals.start_scope_change(
            a.scope_change, models=a.models, assessor=a.assessor), a.scope_change
        earlier = []
    row = store.assessments.get(assessment_id)
    row["items"] = [item.id for item in store.assessments.pack_for(assessment_id).items()]
    row["previous_findings"] = earlier

    def text() -> str:
        lines = [f"assessment #{assessment_id} ({row['kind']} of {number}, {row['scheme_id']} "
                 f"{row['scheme_version']}): {len(row['items'])} items to answer"]
        if earlier:
            lines.append("earlier findings / 以往不符合项:")
            lines += [f"  #{f['assessment_id']} {f['grade']:<5} {f['item_id']:<12} {f['status']:<7} {f['description']}"
                      for f in earlier]
        return "\n".join(lines)

    ctx.emit(row, text)


def list_assessments(ctx: Context) -> None:
    a = ctx.args
    rows = ctx.store.assessments.list(applicant_id=a.applicant, status=a.status, limit=a.limit, after=a.after)
    following = rows[-1]["id"] if rows and len(rows) == a.limit else None
    ctx.emit(rows, lambda: ("\n".join(
        f"#{r['id']:<5} {r['scheme_id']:<18} {r['mode']:<13} {r['stage']:<15} {r['total']:5.1f} {r['verdict']:<11} "
        f"{r['status']:<8} {r['decision'] or '':<11} {r['applicant_name']}" for r in rows) or "(none)")
        + ("" if following is None else f"\nnext page: --after {following}"))


def show_assessment(ctx: Context) -> None:
    store = ctx.store
    row = store.assessments.get(ctx.args.assessment_id)
    row["signatures"] = store.people.signatures("decision", row["id"])
    row["answers"] = store.assessments.answers(row["id"])
    row["findings"] = store.assessments.findings(row["id"])
    row["evidence"] = store.assessments.evidence(row["id"])
    row["decision"] = store.assessments.decision(row["id"])
    ctx.emit(row, lambda: "\n".join(
        [f"#{row['id']} {row['applicant_name']} — {row['scheme_id']} {row['scheme_version']} ({row['mode']}), "
         f"assessor {row['assessor']}" + (" (自我声明 self-declared)" if row["self_declared"] else
                                           f" (#{row['assessor_id']})") + f", {row['status']}"]
        + [f"  {k}: {v['value']}" + (f"  ({v['note']})" if v["note"] else "") for k, v in row["answers"].items()]
        + [f"  nonconformity #{f['number']} (finding id {f['id']}) {f['grade']} {f['item_id']} {f['status']} "
           f"{f['description']}" + (f"\n    verified by {f['closed_by']} {f['closed_at']}: checked "
                                   f"{f['verification_checked'] or '(not recorded)'}; evidence "
                                   f"{f['verification_evidence'] or '(not recorded)'}" if f["status"] == "closed" else "")
           for f in row["findings"]]))


def _shown(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, list):
        return "; ".join("—" if v is None else str(v) for v in value)
    return str(value)


def show_history(ctx: Context) -> None:
    manager = ctx.store.assessments
    changes = manager.history(ctx.args.assessment_id, ctx.args.item)
    retests = [r for r in manager.retests(ctx.args.assessment_id) if ctx.args.item in (None, r["item"])]
    data = {"id": ctx.args.assessment_id, "changes": changes, "retests": retests}

    def text() -> str:
        lines = [f"{c['at']}  {c['item']:<12} {_shown(c['old'])} → {_shown(c['new'])}  by {c['by']}"
                 + ("  (retest)" if c["retest"] else "  (correction while typing)" if c["correction"] else "")
                 for c in changes] or ["(no changes)"]
        for r in retests:
            lines.append(f"retest of {r['item']}: first {_shown(r['first'])} {r['first_verdict']} "
                         f"({r['first_by'] or 'not recorded'} {r['first_at'] or ''}) → retest {_shown(r['retest'])} "
                         f"{r['retest_verdict']} ({r['by']} {r['at']})")
        return "\n".join(lines)

    ctx.emit(data, text)


def answer_assessment(ctx: Context) -> None:
    data = read_json_file(ctx.args.file, "answers file")
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        raise RefusedInput.of("answer.file_shape", path=ctx.args.file)
    assessment = ctx.store.assessments.get(ctx.args.assessment_id)
    saved = ctx.store.assessments.answer_many(assessment["id"], data["answers"],
                                              by=ctx.args.by or assessment["assessor_id"] or assessment["assessor"])
    ctx.emit({"id": assessment["id"], "saved": len(saved)}, f"saved {len(saved)} answers")


def score_assessment(ctx: Context) -> None:
    result = ctx.store.assessments.score(ctx.args.assessment_id)
    data = result.to_json()

    def text() -> str:
        lines = [f"total {data['total']:.2f}  verdict {data['verdict']}  "
                 f"NC major {data['nonconformities']['major']} minor {data['nonconformities']['minor']}"]
        lines += [f"  {s['id']:<24} {s['score']:6.2f} / {s['max']:6.2f}" for s in data["sections"]]
        lines += [f"  - [{r['rule']}] {r['item'] or ''} {r['message']}" for r in data["reasons"]]
        if result.mode == "self":
            lines.append(f"readiness {data['readiness']:.1f}%; gaps:")
            lines += [f"  {g['item']:<10} {g['title']}: {g['current']} → {g['target']}" for g in data["gaps"]]
        return "\n".join(lines)

    ctx.emit(data, text)


def decide_assessment(ctx: Context) -> None:
    if ctx.store.assessments.get(ctx.args.assessment_id)["mode"] == "certification":
        sign_in(ctx, ctx.args.by, ctx.args.passphrase_file)
    decision = ctx.store.assessments.decide(ctx.args.assessment_id, ctx.args.decision, by=ctx.args.by,
                                            note=ctx.args.note)
    ctx.emit(decision, f"assessment #{ctx.args.assessment_id}: {decision['decision']} by {decision['decided_by']}")


def list_findings(ctx: Context) -> None:
    rows = ctx.store.assessments.findings(ctx.args.assessment_id)
    ctx.emit(rows, lambda: "\n".join(
        f"#{f['number']} (id {f['id']}) {f['grade']:<5} {f['item_id']:<10} {f['status']:<7} "
        f"due {f['deadline'] or '-'}  {f['description']} | {f['corrective_action']}" for f in rows) or "(none)")


def update_finding(ctx: Context) -> None:
    a = ctx.args
    row = ctx.store.assessments.update_finding(a.finding_id, by=a.by, clause=a.clause, description=a.description,
                                               corrective_action=a.corrective_action, deadline=a.deadline)
    ctx.emit(row, f"finding #{row['id']} updated")


def close_finding(ctx: Context) -> None:
    finding = ctx.store.assessments.finding(ctx.args.finding_id)
    if ctx.store.assessments.get(finding["assessment_id"])["mode"] == "certification":
        sign_in(ctx, ctx.args.by, ctx.args.passphrase_file)
    row = ctx.store.assessments.close_finding(ctx.args.finding_id, by=ctx.args.by, checked=ctx.args.checked,
                                              evidence=ctx.args.evidence,
                                              corrective_action=ctx.args.corrective_action)
    ctx.emit(row, f"nonconformity #{row['number']} of assessment {row['assessment_id']} (finding id {row['id']}) "
                  f"closed, verified by {row['closed_by']}: {row['verification_checked']}")


def ranking(ctx: Context) -> None:
    rows = ctx.store.assessments.ranking(ctx.args.scheme, ctx.args.scheme_version)
    ctx.emit(rows, lambda: "\n".join(
        f"{r['total']:6.2f}  {r['verdict']:<11} #{r['id']:<5} {r['applicant']}" for r in rows) or "(none)")
