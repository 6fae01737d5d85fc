"""``db backup | backups | restore | backup-settings``: copies of the register and getting one back.

    brandmark-cli db backup                      # into <db folder>/backups/<db stem>/
    brandmark-cli db backup -o ~/usb/register.db --json      # {"path": "..."}
    brandmark-cli db backups                     # date, size, whether each checks out
    brandmark-cli db restore FILE --yes          # the current file is kept, renamed
    brandmark-cli db backup-settings --keep-daily 30 --keep-monthly 24 --by 李四

Nothing here opens the register for writing before it must: ``restore`` needs it closed
everywhere (the window too), and ``backups`` only reads.
"""

from __future__ import annotations

import sys
import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from brandmark.errors import RefusedInput

if TYPE_CHECKING:
    from brandmark.cli import Context, Subcommands


def register_actions(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser("backup", parents=[common],
                            help="a consistent copy of the register (SQLite's online backup, safe while others write)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="where to write it (default: a new file in the database's backups folder)")
    p.set_defaults(handler=backup)

    p = commands.add_parser("backups", parents=[common],
                            help="the automatic and manual backups: date, size, whether each checks out")
    p.set_defaults(handler=list_backups)

    p = commands.add_parser("restore", parents=[common],
                            help="put a backup in place of the register (the current file is kept, renamed)")
    p.add_argument("file", metavar="FILE", help="the backup to restore")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.add_argument("--by", default="", metavar="NAME", help="who restores (recorded in the restored register)")
    p.set_defaults(handler=restore)

    p = commands.add_parser("backup-settings", parents=[common],
                            help="how many daily and monthly backups are kept (shown; changed with the options)")
    p.add_argument("--keep-daily", type=int, metavar="N", help="days with a backup to keep (default 14)")
    p.add_argument("--keep-monthly", type=int, metavar="N", help="months whose first backup is kept (default 12)")
    p.add_argument("--by", default="", metavar="NAME", help="who changes them (recorded)")
    p.set_defaults(handler=backup_settings)


def _database(ctx: Context) -> Path:
    from brandmark.paths import default_db_path

    path = default_db_path(getattr(ctx.args, "db", None))
    if not path.exists():
        raise RefusedInput.of("backup.no_database", path=str(path))
    return path


def backup(ctx: Context) -> None:
    from brandmark.store import Store
    from brandmark.store.backup import make_backup

    # Not ctx.store: opening writes the bundled packs, and that first write of the day
    # would make an automatic backup just before this one.
    with Store(_database(ctx), auto_backup=False) as store:
        path = make_backup(store, ctx.args.output)
    ctx.emit({"path": str(path)}, f"backed up to {path}")


def list_backups(ctx: Context) -> None:
    from brandmark.formatting import format_size
    from brandmark.store.backup import backups_folder, list_backups as found_backups

    path = _database(ctx)
    found = found_backups(path)
    data = {"folder": str(backups_folder(path)), "backups": [info.to_json() for info in found]}

    def text() -> str:
        if not found:
            return f"no backups yet in {data['folder']}"
        lines: list[str] = []
        for info in found:
            check = info.check
            assert check is not None            # list_backups checks each one unless told not to
            state = f"ok (schema {check.schema_version})" if check.ok else f"NOT OK: {check.problem}"
            kept = ", ".join(info.kept_as) or "to be pruned"
            lines.append(f"{info.made_at:%Y-%m-%d %H:%M:%S}  {format_size(info.size):>9}  {state}  [{kept}]  "
                         f"{info.path}")
        return "\n".join(lines)

    ctx.emit(data, text)


def restore(ctx: Context) -> int | None:
    from brandmark.paths import default_db_path
    from brandmark.store import utc_now
    from brandmark.store.backup import refuse_unless_sound, restore as restore_backup

    database = default_db_path(getattr(ctx.args, "db", None))
    source = Path(ctx.args.file)
    refuse_unless_sound(source)           # a bad backup is refused before anyone is asked anything
    if not ctx.args.yes:
        if not sys.stdin.isatty():
            raise RefusedInput.of("backup.confirm_needed", path=str(source))
        answer = input(f"恢复 {source} 到 {database}？当前文件会保留并改名 / restore {source} over {database}? "
                       "the current file is kept under a new name [y/N] ")
        if answer.strip().lower() not in ("y", "yes", "是"):
            raise RefusedInput.of("backup.not_confirmed")
    restored = restore_backup(database, source, clock=utc_now, actor=ctx.args.by)
    data = {"restored": str(restored.database), "from": str(restored.source),
            "set_aside": str(restored.set_aside) if restored.set_aside else None,
            "schema_version": restored.schema_version}
    kept = f"; the previous register is kept as {restored.set_aside}" if restored.set_aside else ""
    ctx.emit(data, f"restored {restored.database} from {restored.source}{kept}")
    return None


def backup_settings(ctx: Context) -> None:
    from brandmark.store.backup import SETTING_KEEP_DAILY, SETTING_KEEP_MONTHLY, policy

    _database(ctx)
    store = ctx.store
    changes = {SETTING_KEEP_DAILY: ctx.args.keep_daily, SETTING_KEEP_MONTHLY: ctx.args.keep_monthly}
    for key, value in changes.items():
        if value is not None and value < 1:
            raise RefusedInput.of("backup.keep_at_least_one", field=(key,), value=value)
    with store.atomic():
        for key, value in changes.items():
            if value is not None:
                store.settings.set(key, str(value), actor=ctx.args.by)
    rules = policy(store.conn)
    data = {"keep_daily": rules.keep_daily, "keep_monthly": rules.keep_monthly, "time_zone": rules.time_zone.key}
    ctx.emit(data, f"keeping the backups of the last {rules.keep_daily} days with one and the first of each of "
                   f"the last {rules.keep_monthly} months (days in {rules.time_zone.key})")
