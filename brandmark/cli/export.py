"""``export applicants|assessments|certificates|findings|valuations|mark-use -o FILE`` (.xlsx or .csv).

The search and order options are the window's table view: its Export buttons call the same
core function (``brandmark.exports.export_register``) with the table's search and sort.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from brandmark.exports import export_register

if TYPE_CHECKING:
    from brandmark.cli import Context, Subcommands

# The filters of each register's list command, as (option, keyword, argparse options).
Filter = tuple[str, str, dict[str, Any]]      # add_argument's keywords are of every type
_DESCENDING: Filter = ("--descending", "descending", {"action": "store_true", "default": None,
                                             "help": "reverse the order (as a second click on the window's column header)"})
_FILTERS: dict[str, list[Filter]] = {
    "applicants": [("--search", "search", {"help": "a fragment of the name or the credit code"}),
                   ("--sort", "order_by", {"choices": ("id", "name", "uscc", "region", "industry", "created_at"),
                                           "help": "the rows' order (name: by pinyin, as the window and "
                                                   "'applicants list --sort name')"}),
                   _DESCENDING],
    "assessments": [("--applicant", "applicant_id", {"type": int, "metavar": "ID", "help": "only this applicant's"}),
                    ("--status", "status", {"choices": ("open", "decided"), "help": "only open or only decided ones"}),
                    ("--search", "search", {"help": "a fragment of the applicant, credit code, assessor, product "
                                                    "or scheme (the window's search)"}),
                    ("--sort", "order_by", {"choices": ("id", "applicant", "scheme", "product", "mode", "assessor",
                                                        "status", "decision", "decided_at", "created_at", "updated_at"),
                                            "help": "the rows' order (default: newest first, as the window)"}),
                    ("--ascending", "descending", {"action": "store_false", "default": None,
                                                   "help": "oldest or smallest first (the window's default is "
                                                           "descending)"})],
    "certificates": [("--status", "status", {"choices": ("valid", "suspended", "withdrawn", "cancelled", "expired"),
                                              "help": "only certificates with this status"}),
                     ("--search", "search", {"help": "a fragment of the number, holder, credit code or product"}),
                     ("--sort", "order_by", {"choices": ("created_at", "number", "holder_name", "product", "issued_on",
                                                         "expires_on", "status", "next_surveillance"),
                                             "help": "the rows' order (default: newest first, as the window)"}),
                     ("--ascending", "descending", {"action": "store_false", "default": None,
                                                    "help": "oldest or smallest first (the window's default is "
                                                            "descending)"})],
    "findings": [("--assessment", "assessment_id", {"type": int, "metavar": "ID", "help": "only this assessment's"}),
                 ("--status", "status", {"choices": ("open", "closed", "withdrawn"), "help": "only findings with this status"}),
                 ("--earlier-of", "earlier_of", {"type": int, "metavar": "ID",
                                                 "help": "the earlier nonconformities assessment ID (a visit, renewal "
                                                         "or scope change) checks again, as its walk-through lists them"})],
    "valuations": [("--applicant", "applicant_id", {"type": int, "metavar": "ID", "help": "only this applicant's"}),
                   ("--newest-first", "newest_first", {"action": "store_true", "default": None,
                                                       "help": "newest valuation date first (the brand value "
                                                               "page's saved estimates); default: oldest saved first"})],
    "mark-use": [("--year", "year", {"type": int, "help": "only this year's use"}),
                 ("--number", "number", {"metavar": "NUMBER", "help": "only this certificate's (the certificates "
                                                                       "page's Mark use… table)"})],
}


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
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


def export(ctx: Context) -> None:
    a = ctx.args
    result = export_register(ctx.store, a.register, a.output, language=a.lang,
                             **{keyword: getattr(a, keyword) for keyword in a.filters})
    ctx.emit(result, f"{result['rows']} {a.register} → {result['file']}")
