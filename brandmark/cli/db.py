"""``db ...``: the register's own care (check, backup, restore, verify, rebuild-search).

The actions live in one module each (``db_check``, ``db_backup``, ``db_verify``), every
one with ``register_actions(commands, common)``; this module only makes the group.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from brandmark.cli import Context, Subcommands

ACTION_MODULES = ("db_check", "db_backup", "db_verify", "db_rebuild_search")


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("db", parents=[common], help="the register's database: check, back up, restore, verify")
    commands = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    for name in ACTION_MODULES:
        try:
            module = importlib.import_module(f"brandmark.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"brandmark.cli.{name}":
                continue  # that part of the group is not built yet
            raise
        module.register_actions(commands, common)
