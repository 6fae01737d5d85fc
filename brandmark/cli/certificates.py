"""``certificates issue|reissue|reduce-scope|list|show|pdf|suspend|withdraw|cancel|reinstate|surveillance|mark-use|mark-use-list|verify|status-list|settings``.

``verify`` exits 0 when the payload is genuine (whatever its status) and 3 when it is not.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING, Any, cast

from brandmark.cli import body_passphrase
from brandmark.cli.people import add_passphrase_option, sign_in
from brandmark.errors import RefusedInput
from brandmark.certificates.mark_uses import USES as MARK_USES
from brandmark.certificates.statuses import STATUSES, SURVEILLANCE_RESULTS, TRANSITIONS

if TYPE_CHECKING:
    import argparse

    from brandmark.cli import Context, Subcommands

NOT_GENUINE_EXIT = 3
# The register's orders (``Certificates._ORDER``), written out so that --help imports no store.
CERTIFICATE_ORDERS = ("created_at", "number", "holder_name", "product", "issued_on", "expires_on", "status",
                      "next_surveillance")


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("certificates", parents=[common], help="the certificate register (证书)")
    commands = group.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = commands.add_parser("issue", parents=[common], help="issue the certificate of a decided assessment")
    p.add_argument("assessment_id", type=int, metavar="ASSESSMENT_ID", help="the decided assessment's id")
    p.add_argument("--authorised-by", metavar="PERSON",
                   help="who authorises and signs it: role authoriser, no part in the evaluation (default: the decider)")
    p.add_argument("--by", metavar="PERSON", help="who issues it (event log; default: the authorising person)")
    add_passphrase_option(p, "the authorising person")
    p.add_argument("-o", "--output", metavar="FILE", help="also write the PDF (after the number is committed)")
    body_passphrase.add_option(p)
    p.set_defaults(handler=issue)

    p = commands.add_parser("reissue", parents=[common],
                            help="replace a valid certificate after a change: new number, the old one cancelled")
    p.add_argument("number", metavar="NUMBER", help="the certificate number")
    p.add_argument("--reason", required=True, help="why (kept in the register)")
    p.add_argument("--by", required=True, metavar="NAME", help="who makes the change")
    p.add_argument("--authorised-by", metavar="PERSON", help="default: who authorised the old one")
    add_passphrase_option(p, "the authorising person")
    body_passphrase.add_option(p)
    p.set_defaults(handler=reissue)

    p = commands.add_parser("reduce-scope", parents=[common],
                            help="reissue a valid certificate for fewer models; the old one is cancelled as superseded")
    p.add_argument("number", metavar="NUMBER", help="the certificate number")
    p.add_argument("--models", required=True, help="the models it keeps, comma-separated")
    p.add_argument("--reason", required=True, help="why (kept in the register)")
    p.add_argument("--by", required=True, metavar="PERSON", help="who makes the change")
    p.add_argument("--authorised-by", metavar="PERSON", help="default: who authorised the old one")
    add_passphrase_option(p, "the authorising person")
    body_passphrase.add_option(p)
    p.set_defaults(handler=reduce_scope)

    p = commands.add_parser("list", parents=[common], help="list the register")
    p.add_argument("--status", choices=STATUSES, help="only certificates with this status")
    p.add_argument("--search", help="a fragment of the number, holder, credit code or product")
    p.add_argument("--limit", type=int, default=200, help="how many rows to show")
    p.add_argument("--offset", type=int, default=0, help="how many rows to skip first")
    p.add_argument("--after", metavar="NUMBER",
                   help="the next page: the certificates after this one (the last one shown) in the same "
                        "order, status and search; as fast at the end of the register as at its start")
    p.add_argument("--sort", choices=CERTIFICATE_ORDERS, default="created_at",
                   help="the order (default: when stored, newest first)")
    p.add_argument("--ascending", action="store_true", help="oldest or smallest first")
    p.set_defaults(handler=list_certificates)

    p = commands.add_parser("show", parents=[common], help="one certificate with its history and surveillance")
    p.add_argument("number", metavar="NUMBER", help="the certificate number")
    p.set_defaults(handler=show)

    p = commands.add_parser("pdf", parents=[common], help="print one certificate, or every valid one")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("number", nargs="?", metavar="NUMBER", help="the certificate number")
    target.add_argument("--all-valid", action="store_true", help="every valid certificate, one file each")
    p.add_argument("-o", "--output", required=True, metavar="FILE|DIR",
                   help="the PDF file (one number) or the folder (--all-valid)")
    p.set_defaults(handler=pdf)

    for action in TRANSITIONS:
        p = commands.add_parser(action, parents=[common], help=f"{action} a certificate (reason and person)")
        p.add_argument("number", metavar="NUMBER", help="the certificate number")
        p.add_argument("--reason", required=True, help="why (kept in the register)")
        p.add_argument("--by", required=True, metavar="NAME", help="who makes the change")
        p.set_defaults(handler=change_status, status_action=action)

    p = commands.add_parser("surveillance", parents=[common],
                            help="list surveillance due, or record one visit's result in a word (a visit carried "
                                 "out as an assessment: assessments new --surveillance, then surveillance decide)")
    p.add_argument("number", nargs="?", metavar="NUMBER", help="record the next visit of this certificate")
    p.add_argument("--due-before", metavar="YYYY-MM-DD", help="list visits due on or before (default: today)")
    p.add_argument("--result", choices=SURVEILLANCE_RESULTS, default="maintain", help="the surveillance outcome")
    p.add_argument("--note", default="", help="the surveillance note")
    p.add_argument("--by", metavar="NAME", help="who records it")
    p.set_defaults(handler=surveillance)

    p = commands.add_parser("mark-use", parents=[common],
                            help="record a holder's mark use (标志使用) for a year: marks printed or applied, on what")
    p.add_argument("number", metavar="NUMBER", help="the certificate number")
    p.add_argument("--year", type=int, required=True, help="the year the marks were used in")
    p.add_argument("--on", dest="used_on", required=True, choices=MARK_USES,
                   help="what the marks were used on: the product, its packaging, advertising, other")
    p.add_argument("--marks", required=True, metavar="N", help="how many marks were printed or applied (0 or more)")
    p.add_argument("--note", default="", help="what the holder said about it (kept in the register)")
    p.add_argument("--by", required=True, metavar="NAME", help="who records it")
    p.add_argument("--replace", action="store_true", help="correct the record of that year and use")
    p.set_defaults(handler=mark_use)

    p = commands.add_parser("mark-use-list", parents=[common], help="the mark use recorded, by year and certificate")
    p.add_argument("--number", metavar="NUMBER", help="only this certificate")
    p.add_argument("--year", type=int, help="only this year")
    p.set_defaults(handler=mark_use_list)

    p = commands.add_parser("verify", parents=[common],
                            help="genuine or not, and the status today (exit 0 genuine, 3 not genuine)")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--payload", metavar="TEXT", help="the QR text ('-' reads it from stdin)")
    source.add_argument("--pdf", metavar="FILE", help="a certificate PDF (reads the payload it carries)")
    source.add_argument("--image", metavar="FILE",
                        help="a photo or scan of a certificate (PNG, JPEG…): reads its QR code")
    p.add_argument("--status-list", metavar="FILE", help="take the status from this signed status list")
    p.set_defaults(handler=verify)

    p = commands.add_parser("status-list", parents=[common],
                            help="export the signed status list (-o FILE), or check one (--check FILE)")
    mode = p.add_mutually_exclusive_group(required=True)
    mode.add_argument("-o", "--output", metavar="FILE", help="write the signed status list to FILE")
    mode.add_argument("--check", metavar="FILE", help="check a status list FILE instead")
    body_passphrase.add_option(p)
    p.set_defaults(handler=status_list)

    p = commands.add_parser("settings", parents=[common], help="show or change the issuing body's settings")
    p.add_argument("--body-code", help="letters/digits in the number, e.g. BM")
    p.add_argument("--body-name", help="the body's name in Chinese")
    p.add_argument("--body-name-en", help="the body's name in English")
    p.add_argument("--logo", metavar="IMAGE", help="a PNG/JPEG logo ('' = the built-in emblem)")
    p.add_argument("--number-pattern", help="e.g. '{body}-{scheme}-{year}-{seq:05d}'")
    p.add_argument("--time-zone", metavar="ZONE",
                   help="the body's IANA time zone for every date it states (default Asia/Shanghai)")
    p.add_argument("--status-list-days", type=int, metavar="DAYS",
                   help="how long an exported status list may be relied on (default 7)")
    p.add_argument("--scheme-code", action="append", default=[], metavar="SCHEME=CODE",
                   help="the code a scheme uses in numbers (repeatable)")
    p.add_argument("--by", metavar="NAME", default="", help="who changes them (event log)")
    p.set_defaults(handler=settings)


def _summary(c: dict[str, Any]) -> str:
    return (f"{c['number']}  {c['status']:<9}  {c['issued_on']} → {c['expires_on']}  {c['holder_name']}  "
            f"| {c['product']}")


def _public(c: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in c.items() if k != "stored_status"}


def issue(ctx: Context) -> None:
    a = ctx.args
    body_passphrase.unlock(ctx)
    decision = ctx.store.assessments.decision(a.assessment_id)
    authoriser = a.authorised_by or (decision and (decision["decided_by_id"] or decision["decided_by"]))
    if authoriser:
        sign_in(ctx, authoriser, a.passphrase_file)
    cert = ctx.store.certificates.issue(a.assessment_id, authorised_by=a.authorised_by, by=a.by)
    data = _public(cert)
    if a.output:
        data["pdf"] = str(ctx.store.certificates.write_pdf(cert["number"], a.output))
    ctx.emit(data, f"issued {cert['number']} to {cert['holder_name']} (valid until {cert['expires_on']})"
             + (f"; PDF {data['pdf']}" if a.output else ""))


def reissue(ctx: Context) -> None:
    a = ctx.args
    body_passphrase.unlock(ctx)
    old = ctx.store.certificates.get(a.number)
    sign_in(ctx, a.authorised_by or old["authorised_by_id"] or old["authorised_by"], a.passphrase_file)
    cert = ctx.store.certificates.reissue(a.number, reason=a.reason, by=a.by, authorised_by=a.authorised_by)
    ctx.emit(_public(cert), f"reissued {a.number} as {cert['number']} ({a.number} is now cancelled)")


def reduce_scope(ctx: Context) -> None:
    a = ctx.args
    body_passphrase.unlock(ctx)
    old = ctx.store.certificates.get(a.number)
    sign_in(ctx, a.authorised_by or old["authorised_by_id"] or old["authorised_by"], a.passphrase_file)
    cert = ctx.store.renewals.reduce_scope(a.number, models=a.models, reason=a.reason, by=a.by,
                                           authorised_by=a.authorised_by)
    ctx.emit(_public(cert), f"reissued {a.number} as {cert['number']} for {cert['models']} "
             f"({a.number} is now cancelled)")


def list_certificates(ctx: Context) -> None:
    a = ctx.args
    certificates = ctx.store.certificates
    after = None if a.after is None else certificates.key_of(a.after, a.sort)
    rows = [_public(r) for r in certificates.list(a.status, a.search, limit=a.limit, offset=a.offset, order_by=a.sort,
                                                  descending=not a.ascending, after=after)]
    following = rows[-1]["number"] if rows and len(rows) == a.limit else None
    ctx.emit(rows, lambda: "\n".join([_summary(r) for r in rows] or ["(none)"])
             + ("" if following is None else f"\nnext page: --after {following}"))


def show(ctx: Context) -> None:
    certificates = ctx.store.certificates
    cert = _public(certificates.get(ctx.args.number))
    cert["history"] = certificates.history(cert["number"])
    cert["surveillance"] = certificates.surveillance(cert["number"])

    def text() -> str:
        lines = [_summary(cert),
                 f"  holder {cert['holder_name']} ({cert['holder_uscc']}), {cert['holder_address']}",
                 f"  product {cert['product']}  models {cert['models'] or '-'}",
                 f"  standard {cert['standard']}  rule {cert['implementation_rule']}",
                 f"  factory {cert['factory_address']}",
                 f"  issued by {cert['issuing_body']}, authorised by {cert['authorised_by']}, key {cert['key_id']}"]
        if cert["replaces"]:
            lines.append(f"  replaces {cert['replaces']}")
        if cert["replaced_by"]:
            lines.append(f"  replaced by {cert['replaced_by']}")
        lines += [f"  {h['changed_at']}  {h['action']:<9} → {h['status']:<9} by {h['changed_by']}: {h['reason']}"
                  for h in cert["history"]]
        lines += [f"  surveillance due {s['due_on']}" + (f" done {s['done_on']} ({s['result']})" if s["done_on"]
                                                         else "") for s in cert["surveillance"]]
        return "\n".join(lines)

    ctx.emit(cert, text)


def pdf(ctx: Context) -> None:
    a = ctx.args
    certificates = ctx.store.certificates
    if a.all_valid:
        numbers = certificates.valid_numbers()

        def progress(done: int, total: int, number: str) -> None:
            if not ctx.json and sys.stderr.isatty():
                print(f"\r{done}/{total} {number}", end="", file=sys.stderr, flush=True)

        paths = certificates.print_pdfs(numbers, a.output, progress=progress)
        if paths and not ctx.json and sys.stderr.isatty():
            print(file=sys.stderr)
        ctx.emit({"count": len(paths), "files": [str(p) for p in paths]},
                 f"wrote {len(paths)} certificate PDFs to {a.output}")
    else:
        path = certificates.write_pdf(a.number, a.output)
        ctx.emit({"number": a.number, "pdf": str(path)}, f"wrote {path}")


def change_status(ctx: Context) -> None:
    a = ctx.args
    cert = ctx.store.certificates.change_status(a.number, a.status_action, reason=a.reason, by=a.by)
    ctx.emit(_public(cert), f"{cert['number']} is now {cert['status']}")


def _mark_use_line(r: dict[str, Any]) -> str:
    return f"{r['year']}  {r['number']}  {r['used_on']:<11} {r['marks']:>10}  {r['holder_name']}" + (
        f"  | {r['note']}" if r["note"] else "")


def mark_use(ctx: Context) -> None:
    a = ctx.args
    record = ctx.store.mark_use.record(a.number, year=a.year, used_on=a.used_on, marks=a.marks, note=a.note,
                                       by=a.by, replace=a.replace)
    ctx.emit(record, f"recorded: {_mark_use_line(record)}")


def mark_use_list(ctx: Context) -> None:
    a = ctx.args
    rows = ctx.store.mark_use.list(number=a.number, year=a.year)
    ctx.emit(rows, lambda: "\n".join(_mark_use_line(r) for r in rows) or "(none)")


def surveillance(ctx: Context) -> None:
    a = ctx.args
    certificates = ctx.store.certificates
    if a.number:
        if not a.by:
            raise RefusedInput.of("certificate.surveillance_needs_by")
        cert = certificates.record_surveillance(a.number, by=a.by, result=a.result, note=a.note)
        ctx.emit(_public(cert), f"{cert['number']}: surveillance recorded ({a.result}); now {cert['status']}, "
                 f"next due {cert['next_surveillance'] or '-'}")
        return
    until = None
    if a.due_before:
        try:
            until = dt.date.fromisoformat(a.due_before)
        except ValueError:
            raise RefusedInput.of("dates.not_a_date", field=("due_before",), value=a.due_before) from None
    rows = certificates.due_surveillance(until)
    ctx.emit(rows, lambda: "\n".join(f"{r['due_on']}  {r['number']}  {r['status']:<9} {r['holder_name']}"
                                     for r in rows) or "(none due)")


def verify(ctx: Context) -> int:
    a = ctx.args
    certificates = ctx.store.certificates
    listing = certificates.load_status_list(a.status_list) if a.status_list else None
    if a.pdf:
        result = certificates.verify_pdf(a.pdf, status_list=listing)
    elif a.image:
        result = certificates.verify_image(a.image, status_list=listing)
    else:
        text = sys.stdin.read() if a.payload == "-" else a.payload
        result = certificates.verify(text, status_list=listing)
    data = {k: result[k] for k in ("genuine", "reason", "status", "number", "holder", "uscc", "product",
                                   "valid_until", "standard", "issued_on", "key_id")}

    def text_out() -> str:
        head = "GENUINE 真" if result["genuine"] else "NOT GENUINE 非真"
        lines = [f"{head} — {result['reason']}", f"status {result['status']}"]
        if result["number"]:
            lines.append(f"{result['number']}  {result['holder']} ({result['uscc']})  {result['product']}  "
                         f"valid until {result['valid_until']}")
        return "\n".join(lines)

    ctx.emit(data, text_out)
    return 0 if result["genuine"] else NOT_GENUINE_EXIT


def status_list(ctx: Context) -> None:
    a = ctx.args
    certificates = ctx.store.certificates
    if a.output:
        body_passphrase.unlock(ctx)
        certificates.export_status_list(a.output)
        listing = certificates.load_status_list(a.output)
    else:
        listing = certificates.load_status_list(a.check)
    expired = listing.expired(ctx.store.clock())
    superseded = listing.sequence < certificates.highest_status_list_seen(listing.key_id)
    data = {"key_id": listing.key_id, "as_of": listing.as_of.isoformat(), "body": listing.body,
            "counts": listing.counts(), "file": a.output or a.check, "verified": True,
            "sequence": listing.sequence, "issued_at": listing.generated_at,
            # A verified list always carries next_update (verify_status_list refuses one without).
            "next_update": cast("dt.datetime", listing.next_update).isoformat(), "expired": expired,
            "superseded": superseded}
    warning = ("; EXPIRED: gives no status" if expired else "") + (
        "; OLDER than a list already seen: gives no status" if superseded else "")
    ctx.emit(data, f"{'wrote' if a.output else 'verified'} status list {data['file']} no. {listing.sequence} as of "
             f"{data['as_of']}, good until {data['next_update']} (key {listing.key_id}): "
             + ", ".join(f"{k} {v}" for k, v in data["counts"].items()) + warning)


def settings(ctx: Context) -> None:
    a = ctx.args
    certificates = ctx.store.certificates
    codes = {}
    for pair in a.scheme_code:
        scheme, sep, code = pair.partition("=")
        if not sep or not scheme.strip():
            raise RefusedInput.of("certificate.bad_scheme_code", value=pair)
        codes[scheme.strip()] = code
    if any(v is not None for v in (a.body_code, a.body_name, a.body_name_en, a.logo, a.number_pattern,
                                   a.time_zone, a.status_list_days)) or codes:
        certificates.configure(by=a.by, body_code=a.body_code, body_name=a.body_name,
                               body_name_en=a.body_name_en, logo=a.logo, number_pattern=a.number_pattern,
                               scheme_codes=codes, time_zone=a.time_zone, status_list_days=a.status_list_days)
    data = {**certificates.body(), "number_pattern": certificates.number_pattern()}
    ctx.emit(data, lambda: "\n".join(f"{k}: {v}" for k, v in data.items()))
