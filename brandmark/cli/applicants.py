"""``applicants add|list|show``."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from brandmark.regions import region_label

if TYPE_CHECKING:
    import argparse

    from brandmark.cli import Context, Subcommands
    from brandmark.imports import ImportResult

SORT_KEYS = ("id", "name", "uscc", "region", "industry", "created_at")


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("applicants", parents=[common], help="the applicant register (申请企业)")
    commands = group.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = commands.add_parser("add", parents=[common], help="register an applicant")
    p.add_argument("--name", required=True, help="the company name (企业名称)")
    p.add_argument("--uscc", required=True, help="unified social credit code (18 characters)")
    p.add_argument("--region", help="one of Zhejiang's 11 cities (杭州, ningbo, ...) or 'outside' "
                                    "(default: from the code's division digits, 330106 → 杭州)")
    p.add_argument("--address", default="", help="the registered address")
    p.add_argument("--industry", default="", help="the industry")
    p.add_argument("--contact", default="", help="the contact person")
    p.add_argument("--by", default="", help="who registers it (event log)")
    p.set_defaults(handler=add_applicant)

    p = commands.add_parser("list", parents=[common], help="list or search the register")
    p.add_argument("--search", help="a fragment of the name or the credit code")
    p.add_argument("--limit", type=int, default=50, help="how many rows to show")
    p.add_argument("--offset", type=int, default=0, help="how many rows to skip first")
    p.add_argument("--after", type=int, metavar="ID",
                   help="the next page: the rows after this applicant (the last one shown) in the same "
                        "order and search; as fast at the end of the register as at its start")
    p.add_argument("--sort", choices=SORT_KEYS, default="id",
                   help="the order (name: by pinyin, 杭州 before 丽水, as the window sorts)")
    p.add_argument("--descending", action="store_true", help="reverse the order")
    p.set_defaults(handler=list_applicants)

    for action, what in (("import", "applicants"), ("import-products", "products")):
        p = commands.add_parser(action, parents=[common],
                                help=f"import {what} from an .xlsx or .csv file (columns by header, Chinese or English)")
        p.add_argument("file", metavar="FILE", help="the .xlsx or .csv file")
        p.add_argument("--dry-run", action="store_true", help="check every row, import nothing")
        p.add_argument("--skip-invalid", action="store_true",
                       help="import the valid rows; the rejected ones go to FILE.errors.xlsx with their reasons")
        p.add_argument("--by", default="", help="who imports it (event log)")
        p.set_defaults(handler=import_file, what=what)

    p = commands.add_parser("show", parents=[common], help="one applicant with products and assessments")
    p.add_argument("applicant_id", type=int, metavar="ID", help="the applicant's id")
    p.set_defaults(handler=show_applicant)


def add_applicant(ctx: Context) -> None:
    a = ctx.args
    applicant_id = ctx.store.applicants.add(name=a.name, uscc=a.uscc, region=a.region, address=a.address,
                                            industry=a.industry, contact=a.contact, actor=a.by)
    row = ctx.store.applicants.get(applicant_id)
    ctx.emit(row, f"applicant #{applicant_id} {row['name']} ({row['uscc']})")


def import_file(ctx: Context) -> int:
    import json
    import sys

    from brandmark.imports import ImportRefused, import_applicants, import_products

    a = ctx.args
    run = import_applicants if a.what == "applicants" else import_products
    try:
        result = run(ctx.store, a.file, dry_run=a.dry_run, skip_invalid=a.skip_invalid, actor=a.by)
    except ImportRefused as exc:
        if ctx.json:
            print(json.dumps(exc.result.to_dict(), ensure_ascii=False, indent=2))
        else:
            _print_columns(exc.result, sys.stderr)
            for problem in exc.result.problems:
                print(problem.message("bilingual"), file=sys.stderr)
            print(f"未导入任何行 / nothing imported: {len(exc.result.problems)} problem(s)", file=sys.stderr)
        return 2

    def text() -> str:
        lines = [problem.message("bilingual") for problem in result.problems]
        verb = "可导入 / would import" if result.dry_run else "已导入 / imported"
        lines.append(f"{verb} {result.imported} {a.what}, 跳过 / skipped {result.skipped} of {result.rows} rows")
        if result.unknown_columns:
            lines.append("未识别的列 / unknown columns (ignored): " + ", ".join(result.unknown_columns))
        if result.error_file:
            lines.append(f"被拒绝的行 / rejected rows: {result.error_file}")
        return "\n".join(lines)
    ctx.emit(result.to_dict(), text)
    return 0


def _print_columns(result: ImportResult, stream: TextIO) -> None:
    if result.unknown_columns:
        print("未识别的列 / unknown columns (ignored): " + ", ".join(result.unknown_columns), file=stream)


def list_applicants(ctx: Context) -> None:
    a = ctx.args
    after = None if a.after is None else ctx.store.applicants.key_of(a.after, a.sort)
    rows = ctx.store.applicants.list(a.search, limit=a.limit, offset=a.offset, order_by=a.sort,
                                     descending=a.descending, after=after)
    total = ctx.store.applicants.count(a.search)
    following = rows[-1]["id"] if len(rows) == a.limit else None
    ctx.emit({"total": total, "applicants": list(rows), "next_after": following}, lambda: "\n".join(
        [f"{r['id']:>6}  {r['uscc']}  {region_label(r['region']):<6} {r['name']}" for r in rows]
        + [f"({len(rows)} of {total})" + ("" if following is None else f"  next page: --after {following}")]))


def show_applicant(ctx: Context) -> None:
    store = ctx.store
    row = store.applicants.get(ctx.args.applicant_id)
    row["products"] = store.applicants.products(row["id"])
    row["assessments"] = store.assessments.list(applicant_id=row["id"])
    ctx.emit(row, lambda: "\n".join(
        [f"#{row['id']} {row['name']}  {row['uscc']}  {region_label(row['region'])} {row['address']}"]
        + [f"  product #{p['id']} {p['name']} {p['models']} {p['standard'] or ''}" for p in row["products"]]
        + [f"  assessment #{x['id']} {x['scheme_id']} {x['scheme_version']} {x['mode']} {x['status']}"
           for x in row["assessments"]]))
