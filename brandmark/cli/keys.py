"""``keys init|show|rotate|revoke|list|export-public|import-public``: the body's keys, kept in its register."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, cast

from brandmark.cli import body_passphrase
from brandmark.errors import RefusedInput

if TYPE_CHECKING:
    import argparse

    from brandmark.cli import Context, Subcommands


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("keys", parents=[common], help="the body's signing keys and trusted public keys")
    commands = group.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = commands.add_parser("init", parents=[common],
                            help="make the body's key, once (sealed in the register with the body's passphrase)")
    body_passphrase.add_option(p, alias=True)
    p.add_argument("--by", default="", metavar="NAME", help="who makes it (event log)")
    p.add_argument("--import-legacy", action="store_true",
                   help="take an older brandmark's key file even though no certificate here was signed with it")
    p.set_defaults(handler=init_key)

    p = commands.add_parser("show", parents=[common], help="the body's current key (never creates one)")
    p.set_defaults(handler=show_key)

    p = commands.add_parser("rotate", parents=[common],
                            help="a new key from today; the old one stays to verify what it signed")
    body_passphrase.add_option(p, alias=True)
    p.add_argument("--by", default="", metavar="NAME", help="who does it (event log)")
    p.set_defaults(handler=rotate_key)

    p = commands.add_parser("revoke", parents=[common],
                            help="a compromised (retired) key: what it signed from DATE on is not genuine")
    p.add_argument("key_id", metavar="KEY_ID", help="the key's id")
    p.add_argument("--since", required=True, metavar="YYYY-MM-DD", help="revoked since this date")
    p.add_argument("--reason", required=True, help="why it is revoked")
    p.add_argument("--by", default="", metavar="NAME", help="who does it (event log)")
    body_passphrase.add_option(p, alias=True)
    p.set_defaults(handler=revoke_key)

    p = commands.add_parser("export-public", parents=[common], help="write the body's current public key (PEM)")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    p.set_defaults(handler=export_public)

    p = commands.add_parser("import-public", parents=[common], help="trust another body's public key (PEM)")
    p.add_argument("file", metavar="FILE", help="the public key file (PEM)")
    p.add_argument("--by", default="", metavar="NAME", help="who does it (event log)")
    p.set_defaults(handler=import_public)

    p = commands.add_parser("export-trust-list", parents=[common],
                            help="write the body's signed list of its keys, dates and revocations")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    body_passphrase.add_option(p, alias=True)
    p.set_defaults(handler=export_trust_list)

    p = commands.add_parser("import-trust-list", parents=[common],
                            help="trust another body's keys from its signed trust list")
    p.add_argument("file", metavar="FILE", help="the public key file (PEM)")
    p.add_argument("--by", default="", metavar="NAME", help="who does it (event log)")
    p.set_defaults(handler=import_trust_list)

    p = commands.add_parser("list", parents=[common], help="every key this register knows, with its dates")
    p.set_defaults(handler=list_keys)


def _describe(row: dict[str, Any]) -> str:
    until = row["valid_until"] or "now"
    revoked = f"  REVOKED since {row['revoked_since']}: {row['revoked_reason']}" if row["revoked_since"] else ""
    return f"{row['key_id']}  {row['purpose']:<5} {row['valid_from']} → {until}{revoked}"


def init_key(ctx: Context) -> None:
    row = ctx.store.body_keys.init(body_passphrase.read(ctx.args), by=ctx.args.by,
                                   import_legacy=ctx.args.import_legacy)
    if row.get("imported_from"):
        text = (f"导入旧版密钥 {row['key_id']}（{row['imported_from']}），现封存在本登记簿中；原文件已改名为 "
                f"{row['old_file_now']} / imported the key {row['key_id']} from {row['imported_from']}: it now "
                f"lives in this register, sealed with the body's passphrase; the old file was renamed "
                f"{row['old_file_now']} (delete it once the register is backed up)")
    else:
        text = f"made the body's key {row['key_id']}, sealed in this register (back the register up: db backup)"
        if row.get("legacy_key_left"):
            text += (f"; the older key at {row['legacy_key_left']} signed nothing in this register and was left "
                     "there (keys init --import-legacy takes it instead)")
    ctx.emit(row, text)


def show_key(ctx: Context) -> None:
    keys = ctx.store.body_keys
    row = keys.current()
    if row is None:
        # Reuses the refusal issuing gives: what is missing and what to run.
        keys.signing_key()
    # signing_key() always refuses when there is no current body key, so row is set here.
    row = cast("dict[str, Any]", row)
    ctx.emit(row, f"key id {row['key_id']} (in this register since {row['valid_from']}, sealed with the body's "
                  "passphrase)")


def rotate_key(ctx: Context) -> None:
    keys = ctx.store.body_keys
    old = keys.current()
    row = keys.rotate(body_passphrase.read(ctx.args), by=ctx.args.by)
    ctx.emit({**row, "previous": old["key_id"] if old else None},
             f"new key {row['key_id']} from {row['valid_from']}; {old['key_id'] if old else '-'} retired (it still "
             "verifies what it signed); send other offices the new trust list (keys export-trust-list)")


def revoke_key(ctx: Context) -> None:
    a = ctx.args
    try:
        since = dt.date.fromisoformat(a.since)
    except ValueError:
        raise RefusedInput.of("keys.bad_date", field=("since",), value=a.since) from None
    row = ctx.store.body_keys.revoke(a.key_id, since=since, reason=a.reason, by=a.by,
                                     passphrase=body_passphrase.read(a))
    ctx.emit(row, f"revoked {row['key_id']} since {row['revoked_since']}: certificates it signed from then on "
                  "verify as not genuine")


def export_public(ctx: Context) -> None:
    kid = ctx.store.body_keys.export_public(ctx.args.output)
    ctx.emit({"key_id": kid, "file": ctx.args.output}, f"wrote public key {kid} to {ctx.args.output}")


def import_public(ctx: Context) -> None:
    kid = ctx.store.body_keys.import_public(ctx.args.file, by=ctx.args.by)
    ctx.emit({"key_id": kid, "file": ctx.args.file}, f"now trusting key {kid}")


def export_trust_list(ctx: Context) -> None:
    data = ctx.store.body_keys.export_trust_list(ctx.args.output, body_passphrase.read(ctx.args))
    ctx.emit(data, f"wrote trust list no. {data['sequence']} to {data['file']}: keys {', '.join(data['keys'])}, "
                   f"signed by {', '.join(data['signed_by'])}")


def import_trust_list(ctx: Context) -> None:
    data = ctx.store.body_keys.import_trust_list(ctx.args.file, by=ctx.args.by)
    body = data["body"].get("code") or "?"
    text = (f"trust list no. {data['sequence']} of body {body}: now trusting {', '.join(data['keys'])}"
            + (f"; revoked: {', '.join(data['revoked'])}" if data["revoked"] else ""))
    if data["first_from_this_body"]:
        text += (f"\nfirst list from {body}: compare the signing key id(s) {', '.join(data['signed_by'])} with "
                 "the body (telephone, in person) before relying on it")
    ctx.emit(data, text)


def list_keys(ctx: Context) -> None:
    keys = ctx.store.body_keys
    own = keys.list()
    others = [k for k in keys.known_keys().values() if k.owner == "other"]
    rows = ([{**r, "owner": "this body" if r["purpose"] == "body" else "demo"} for r in own]
            + [{"key_id": k.key_id, "owner": "trusted", "body_code": k.body_code,
                "valid_from": k.valid_from and k.valid_from.isoformat(),
                "valid_until": k.valid_until and k.valid_until.isoformat(),
                "revoked_since": k.revoked_since and k.revoked_since.isoformat(),
                "revoked_reason": k.revoked_reason} for k in others])

    def text() -> str:
        lines = [_describe(r) + ("" if r["purpose"] == "body" else "  (demo data set only)") for r in own]
        lines += [f"{k.key_id}  trusted {k.body_code or '?'}"
                  + (f"  REVOKED since {k.revoked_since}" if k.revoked_since else "") for k in others]
        return "\n".join(lines) or "(no keys)"

    ctx.emit(rows, text)
