"""``db rebuild-search``: make the applicants' search index again from the register.

The index is derived from the applicants' names and codes (``store.schema_search``), so when
``db check`` reports it stale or damaged (``db.search_index_stale``, ``db.search_index_damaged``)
it is dropped and made again in one transaction; nothing recorded changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from brandmark.cli import Context, Subcommands


def register_actions(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser("rebuild-search", parents=[common],
                            help="make the applicants' search index again (when db check reports it stale or damaged)")
    p.set_defaults(handler=rebuild_search)


def rebuild_search(ctx: Context) -> None:
    from brandmark.messages import render

    count = ctx.store.applicants.rebuild_search_index()
    params = {"count": count}
    ctx.emit({"rebuilt": True, "applicants": count}, lambda: " / ".join(
        render("db.search_index_rebuilt", params, language) for language in ("zh_CN", "en")))
