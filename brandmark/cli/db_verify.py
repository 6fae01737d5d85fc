"""``db verify``: walk the event chain and re-hash every stored evidence file.

Exit 0 when the register is intact, 3 when something was changed behind brandmark's back
(``{"intact": false, "first_broken": {...}}``), 2 when the database cannot be read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brandmark.paths import default_db_path
from brandmark.store.verify import verify_file

if TYPE_CHECKING:
    import argparse

    from brandmark.cli import Context, Subcommands

EXIT_BROKEN = 3


def register_actions(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser("verify", parents=[common],
                            help="check the event log's hash chain and every evidence file's SHA-256")
    p.set_defaults(handler=verify_register)


def verify_register(ctx: Context) -> int:
    # Opened read-only, not through Store: verifying never creates, migrates or writes.
    result = verify_file(default_db_path(getattr(ctx.args, "db", None)))
    report = result.to_dict()

    def text() -> str:
        lines = []
        for check in report["checks"]:
            state = "ok" if check["broken"] is None else "BROKEN"
            lines.append(f"{check['name']}: {check['checked']} checked, {state}")
            if check.get("head"):
                lines.append(f"  head: event #{check['head']['id']} {check['head']['hash']}")
        first = report["first_broken"]
        lines.append("intact / 完好" if first is None else f"NOT intact / 记录已被改动: {first['message']}")
        return "\n".join(lines)

    ctx.emit(report, text)
    return 0 if result.intact else EXIT_BROKEN
