"""``export applicants|assessments|certificates|findings|valuations -o FILE`` (.xlsx or .csv)."""

from __future__ import annotations

from brandmark.exports import export_register

# The filters of each register's list command, as (option, keyword, argparse options).
_FILTERS = {
    "applicants": [("--search", "search", {"help": "a fragment of the name or the credit code"}),
                   ("--sort", "order_by", {"choices": ("id", "name", "uscc", "region", "industry", "created_at"),
                                           "help": "the rows' order (name: by pinyin, as the window and "
                                                   "'applicants list --sort name')"})],
    "assessments": [("--applicant", "applicant_id", {"type": int, "metavar": "ID", "help": "only this applicant's"}),
                    ("--status", "status", {"choices": ("open", "decided"), "help": "only open or only decided ones"})],
    "certificates": [("--status", "status", {"choices": ("valid", "suspended", "withdrawn", "cancelled", "expired"),
                                              "help": "only certificates with this status"}),
                     ("--search", "search", {"help": "a fragment of the number, holder, credit code or product"})],
    "findings": [("--assessment", "assessment_id", {"type": int, "metavar": "ID", "help": "only this assessment's"}),
                 ("--status", "status", {"choices": ("open", "closed", "withdrawn"), "help": "only findings with this status"})],
    "valuations": [("--applicant", "applicant_id", {"type": int, "metavar": "ID", "help": "only this applicant's"})],
}


def register(sub, common) -> None:
    group = sub.add_parser("export", parents=[common], help="a register to a spreadsheet (.xlsx or .csv)")
    commands = group.add_subparsers(dest="register", metavar="REGISTER", required=True)
    for kind, filters in _FILTERS.items():
        p = commands.add_parser(kind, parents=[common], help=f"export the {kind} register")
        p.add_argument("-o", "--output", required=True, metavar="FILE", help=".xlsx or .csv, by its suffix")
        p.add_argument("--lang", choices=("zh_CN", "en"),
                       help="the headers' language (default: Chinese when the locale is, else English)")
        for option, keyword, options in filters:
            p.add_argument(option, dest=keyword, **options)
        p.set_defaults(handler=export, filters=[keyword for _, keyword, _ in filters])


def export(ctx) -> None:
    a = ctx.args
    result = export_register(ctx.store, a.register, a.output, language=a.lang,
                             **{keyword: getattr(a, keyword) for keyword in a.filters})
    ctx.emit(result, f"{result['rows']} {a.register} → {result['file']}")
