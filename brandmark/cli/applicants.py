"""``applicants add|list|show``."""

from __future__ import annotations

from brandmark.regions import region_label


def register(sub, common) -> None:
    group = sub.add_parser("applicants", parents=[common], help="the applicant register (申请企业)")
    commands = group.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = commands.add_parser("add", parents=[common], help="register an applicant")
    p.add_argument("--name", required=True)
    p.add_argument("--uscc", required=True, help="unified social credit code (18 characters)")
    p.add_argument("--region", help="one of Zhejiang's 11 cities (杭州, ningbo, ...) or 'outside'")
    p.add_argument("--address", default="")
    p.add_argument("--industry", default="")
    p.add_argument("--contact", default="")
    p.add_argument("--by", default="", help="who registers it (event log)")
    p.set_defaults(handler=add_applicant)

    p = commands.add_parser("list", parents=[common], help="list or search the register")
    p.add_argument("--search", help="a fragment of the name or the credit code")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--offset", type=int, default=0)
    p.set_defaults(handler=list_applicants)

    p = commands.add_parser("show", parents=[common], help="one applicant with products and assessments")
    p.add_argument("applicant_id", type=int, metavar="ID")
    p.set_defaults(handler=show_applicant)


def add_applicant(ctx) -> None:
    a = ctx.args
    applicant_id = ctx.store.applicants.add(name=a.name, uscc=a.uscc, region=a.region, address=a.address,
                                            industry=a.industry, contact=a.contact, actor=a.by)
    row = ctx.store.applicants.get(applicant_id)
    ctx.emit(row, f"applicant #{applicant_id} {row['name']} ({row['uscc']})")


def list_applicants(ctx) -> None:
    a = ctx.args
    rows = ctx.store.applicants.list(a.search, limit=a.limit, offset=a.offset)
    total = ctx.store.applicants.count(a.search)
    ctx.emit({"total": total, "applicants": rows}, lambda: "\n".join(
        [f"{r['id']:>6}  {r['uscc']}  {region_label(r['region']):<6} {r['name']}" for r in rows]
        + [f"({len(rows)} of {total})"]))


def show_applicant(ctx) -> None:
    store = ctx.store
    row = store.applicants.get(ctx.args.applicant_id)
    row["products"] = store.applicants.products(row["id"])
    row["assessments"] = store.assessments.list(applicant_id=row["id"])
    ctx.emit(row, lambda: "\n".join(
        [f"#{row['id']} {row['name']}  {row['uscc']}  {region_label(row['region'])} {row['address']}"]
        + [f"  product #{p['id']} {p['name']} {p['models']} {p['standard'] or ''}" for p in row["products"]]
        + [f"  assessment #{x['id']} {x['scheme_id']} {x['scheme_version']} {x['mode']} {x['status']}"
           for x in row["assessments"]]))
