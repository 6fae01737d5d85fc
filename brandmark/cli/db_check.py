"""``db check``: is the register sound? Exit 0 sound, 3 damaged.

Runs every check of ``brandmark.store.checks.CHECKS`` (SQLite's full integrity_check,
foreign keys, schema version, the search index against the applicants) on a read-only connection: it never writes, never
migrates and never creates a file.
"""

from __future__ import annotations

DAMAGED_EXIT = 3


def register_actions(commands, common) -> None:
    p = commands.add_parser("check", parents=[common],
                            help="check the register's file whole (exit 0 sound, 3 damaged)")
    p.set_defaults(handler=check)


def check(ctx) -> int:
    from brandmark.paths import default_db_path
    from brandmark.store.checks import check_register

    report = check_register(default_db_path(getattr(ctx.args, "db", None), create_folder=False))

    def text() -> str:
        if report["ok"]:
            return f"{report['path']}: sound (integrity, foreign keys, schema version, search index)"
        lines = [f"{report['path']}: DAMAGED — {len(report['problems'])} problem(s)"]
        lines += [f"  [{problem['check']}] {problem['message']}" for problem in report["problems"][:50]]
        lines += [f"repair with {command}" for command in report.get("repair", [])]
        if report["restore"]:
            lines.append(f"restore a backup with {report['restore']}")
        return "\n".join(lines)

    ctx.emit(report, text)
    return 0 if report["ok"] else DAMAGED_EXIT
