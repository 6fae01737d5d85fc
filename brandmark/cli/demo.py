"""``demo``: load the clearly marked demo data set."""

from __future__ import annotations

from brandmark.demo import load_demo


def register(sub, common) -> None:
    p = sub.add_parser("demo", parents=[common], help="load a clearly marked demo data set (【演示】)")
    p.set_defaults(handler=run_demo)


def run_demo(ctx) -> None:
    created = load_demo(ctx.store)
    ctx.emit(created, f"demo data loaded: {len(created['applicants'])} applicants, "
                      f"{len(created['assessments'])} assessments (names start with 【演示】)")
