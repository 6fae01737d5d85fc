"""``keys show|export-public|import-public|list``: the body's signing key and trusted public keys."""

from __future__ import annotations

from brandmark.certificates.keys import KeyRing


def register(sub, common) -> None:
    group = sub.add_parser("keys", parents=[common], help="the body's signing key and trusted public keys")
    commands = group.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = commands.add_parser("show", parents=[common], help="the body's key id (creates the key on first use)")
    p.set_defaults(handler=show_key)

    p = commands.add_parser("export-public", parents=[common], help="write the body's public key (PEM)")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.set_defaults(handler=export_public)

    p = commands.add_parser("import-public", parents=[common], help="trust another body's public key (PEM)")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=import_public)

    p = commands.add_parser("list", parents=[common], help="the trusted key ids")
    p.set_defaults(handler=list_keys)


def show_key(ctx) -> None:
    ring = KeyRing()
    data = {"key_id": ring.own_key_id(), "private_key": str(ring.private_key_path)}
    ctx.emit(data, f"key id {data['key_id']} ({data['private_key']}, owner-only)")


def export_public(ctx) -> None:
    kid = KeyRing().export_public(ctx.args.output)
    ctx.emit({"key_id": kid, "file": ctx.args.output}, f"wrote public key {kid} to {ctx.args.output}")


def import_public(ctx) -> None:
    kid = KeyRing().import_public(ctx.args.file)
    ctx.emit({"key_id": kid, "file": ctx.args.file}, f"now trusting key {kid}")


def list_keys(ctx) -> None:
    ring = KeyRing()
    own = ring.own_key_id()
    rows = [{"key_id": kid, "own": kid == own} for kid in ring.trusted()]
    ctx.emit(rows, lambda: "\n".join(f"{r['key_id']}{'  (this body)' if r['own'] else ''}" for r in rows))
