"""``db check``: is the register sound? Exit 0 sound, 3 damaged.

Runs every check of ``brandmark.store.checks.CHECKS`` (SQLite's full integrity_check,
foreign keys, schema version, the search index against the applicants, the evidence
folder's files there) on a read-only connection: it never writes, never migrates and never
creates a file. It also lists the evidence folder's orphans (files no row names, left by an
import killed before its commit; harmless). ``--remove-orphans`` removes them, under the
register's write lock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse

    from brandmark.cli import Context, Subcommands

DAMAGED_EXIT = 3


def register_actions(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser("check", parents=[common],
                            help="check the register's file whole (exit 0 sound, 3 damaged)")
    p.add_argument("--remove-orphans", action="store_true",
                   help="remove the evidence folder's files no row names, only when the check finds the register sound")
    p.set_defaults(handler=check)


def check(ctx: Context) -> int:
    from brandmark.paths import default_db_path
    from brandmark.store.checks import check_register

    path = default_db_path(getattr(ctx.args, "db", None), create_folder=False)
    removed: list[dict[str, Any]] = []
    report = check_register(path)
    if getattr(ctx.args, "remove_orphans", False):
        # Only a sound register says truly which files no row names: a damaged one may read
        # fewer rows than it holds, and its files are then not orphans at all.
        if report["ok"]:
            from brandmark.store.evidence_files import remove_orphans
            removed = remove_orphans(path)
            report = check_register(path)
        else:
            report["orphans_kept"] = "the register is damaged: no file was removed"
    if removed:
        report["orphans_removed"] = removed

    def text() -> str:
        if report["ok"]:
            lines = [f"{report['path']}: sound (integrity, foreign keys, schema version, search index, "
                     "evidence files)"]
        else:
            lines = [f"{report['path']}: DAMAGED — {len(report['problems'])} problem(s)"]
            lines += [f"  [{problem['check']}] {problem['message']}" for problem in report["problems"][:50]]
            lines += [f"repair with {command}" for command in report.get("repair", [])]
            if report["restore"]:
                lines.append(f"restore a backup with {report['restore']}")
        if removed:
            lines.append(f"removed {len(removed)} orphan evidence file(s) "
                         f"({sum(o['size'] for o in removed) / 1e6:.1f} MB)")
        if report.get("orphans_kept"):
            lines.append(f"orphans not removed: {report['orphans_kept']}")
        orphans = report["evidence_orphans"]
        if orphans:
            lines.append(f"{len(orphans)} orphan evidence file(s) that no row names "
                         f"({sum(o['size'] for o in orphans) / 1e6:.1f} MB, harmless; "
                         "remove them with db check --remove-orphans)")
        return "\n".join(lines)

    ctx.emit(report, text)
    return 0 if report["ok"] else DAMAGED_EXIT
