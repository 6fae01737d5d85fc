"""``demo``: load the clearly marked demo data set; ``demo remove`` takes it out again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from brandmark.demo import load_demo
from brandmark.store.demo_removal import remove_demo

if TYPE_CHECKING:
    import argparse

    from brandmark.cli import Context, Subcommands


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("demo", parents=[common], help="load a clearly marked demo data set (【演示】)")
    p.add_argument("action", nargs="?", choices=("load", "remove"), default="load",
                   help="load (the default) or remove every demo record, and only those, in one "
                        "transaction (refused while real work refers to one; the event log keeps a record)")
    p.add_argument("--by", default="", help="who removes the demo (kept in the event log)")
    p.set_defaults(handler=run_demo)


def run_demo(ctx: Context) -> None:
    if ctx.args.action == "remove":
        removed = remove_demo(ctx.store, by=ctx.args.by or "demo remove")
        ctx.emit(removed, f"demo data removed: {removed['applicants']} applicants, {removed['assessments']} "
                          f"assessments, {removed['certificates']} certificates, {removed['people']} people "
                          f"(event #{removed['event']} records it)")
        return
    created = load_demo(ctx.store)
    ctx.emit(created, f"demo data loaded: {len(created['applicants'])} applicants, "
                      f"{len(created['assessments'])} assessments (names start with 【演示】)")
