"""``schemes list|show|validate|import``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from brandmark.packs import load_pack

if TYPE_CHECKING:
    import argparse

    from brandmark.cli import Context, Subcommands


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("schemes", parents=[common], help="criteria packs (认证方案)")
    commands = group.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = commands.add_parser("list", parents=[common], help="list the packs in the database")
    p.set_defaults(handler=list_schemes)

    p = commands.add_parser("show", parents=[common], help="show a pack: sections and items")
    p.add_argument("scheme_id", metavar="ID", help="the pack id (e.g. zhejiang-made)")
    p.add_argument("--version", dest="scheme_version", help="a pack version (default: the latest)")
    p.set_defaults(handler=show_scheme)

    p = commands.add_parser("validate", parents=[common], help="check a pack file; list every problem")
    p.add_argument("file", help="the pack file (TOML, see docs/pack-format.md)")
    p.set_defaults(handler=validate_scheme)

    p = commands.add_parser("import", parents=[common], help="import a pack file into the database")
    p.add_argument("file", help="the pack file (TOML, see docs/pack-format.md)")
    p.add_argument("--by", default="", help="who imports it (event log)")
    p.set_defaults(handler=import_scheme)


def list_schemes(ctx: Context) -> None:
    rows = ctx.store.schemes.list()
    ctx.emit(rows, lambda: "\n".join(
        f"{r['id']:<20} {r['version']:<10} {'latest' if r['latest'] else '      '} "
        f"{'[参考/reference] ' if r['reference'] else ''}{r['title']}  {r['hash'][:12]}" for r in rows))


def show_scheme(ctx: Context) -> None:
    pack = ctx.store.schemes.get(ctx.args.scheme_id, ctx.args.scheme_version)
    data = pack.summary()

    def text() -> str:
        lines = [f"{pack.title} / {pack.title_en}", f"{pack.id} {pack.version}  sha256 {pack.content_hash}"]
        if pack.reference:
            lines.append("参考方案 / reference pack: " + (pack.notice_en or pack.notice))
        r = pack.rules
        lines.append(f"pass score {r.pass_score:g}; minor NC limit {r.max_minor_nc}; corrective action "
                     f"{r.corrective_action_days} days; certificate {r.certificate_validity_years} years")
        for s in data["sections"]:
            lines.append(f"\n[{s['id']}] {s['title']} / {s['title_en']}  stage={s['stage']} weight={s['weight']:g}")
            for i in s["items"]:
                extra = ""
                if i["kind"] == "points":
                    extra = f" levels 0-{len(i['levels']) - 1} target {i['target']}"
                elif i["kind"] == "test":
                    extra = f" {i['limit']} {i['unit']} ({i['method']})"
                lines.append(f"  {i['id']:<10} {i['kind']:<10} w={i['weight']:g}{extra}  {i['title']} / {i['title_en']}")
        return "\n".join(lines)

    ctx.emit(data, text)


def validate_scheme(ctx: Context) -> None:
    pack = load_pack(ctx.args.file)
    data = {"valid": True, "id": pack.id, "version": pack.version, "hash": pack.content_hash,
            "items": len(pack.items())}
    ctx.emit(data, f"{ctx.args.file}: OK — {pack.id} {pack.version}, {len(pack.items())} items, "
                   f"sha256 {pack.content_hash}")


def import_scheme(ctx: Context) -> None:
    pack = ctx.store.schemes.import_file(ctx.args.file, actor=ctx.args.by)
    data = {"id": pack.id, "version": pack.version, "hash": pack.content_hash}
    ctx.emit(data, f"imported {pack.id} {pack.version} (sha256 {pack.content_hash[:12]}…)")
