"""``judge``: one GB/T 8170 judgement of a measured value against a limit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from brandmark.scoring.gbt8170 import FULL, METHODS, judge

if TYPE_CHECKING:
    import argparse

    from brandmark.cli import Context, Subcommands


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("judge", parents=[common],
                       help="judge a measured value against a limit (GB/T 8170)")
    p.add_argument("--limit", required=True, help="e.g. '>=97.0', '<=0.5', '1.2~1.6', '10.0±0.1'")
    p.add_argument("--value", required=True, help="the measured value, as written")
    p.add_argument("--method", choices=METHODS, default=FULL,
                   help="full = 全数值比较法 (default), rounded = 修约值比较法")
    p.add_argument("--decimals", type=int, help="rounding place for the rounded method (default: the limit's)")
    p.set_defaults(handler=run_judge)


def run_judge(ctx: Context) -> None:
    result = judge(ctx.args.limit, ctx.args.value, ctx.args.method, ctx.args.decimals)
    data = {"verdict": result.verdict, "compared": str(result.compared), "method": result.method}
    ctx.emit(data, f"{result.verdict}: {result.compared} against {result.limit.text} ({result.method})")
