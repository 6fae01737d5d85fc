"""What every benchmark shares: interleaved timing, medians, and one figure line per result.

Each benchmark measures its figure and a fair floor (the same work done the simplest way,
never with our slow part inside) in the same run, taking turns so drift in machine load
hits both alike, and reports the medians. ``report`` prints the human line and a
``BENCH {json}`` line that ``run_all.py`` collects into one table.
"""

from __future__ import annotations

import json
import statistics
import time
from typing import Callable


def interleaved(actions: dict[str, Callable[[], object]], runs: int) -> dict[str, list[float]]:
    """Seconds of each run of each action, the actions taking turns ``runs`` times."""
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(runs):
        for name, action in actions.items():
            start = time.perf_counter()
            action()
            times[name].append(time.perf_counter() - start)
    return times


def medians(times: dict[str, list[float]]) -> dict[str, float]:
    return {name: statistics.median(values) for name, values in times.items()}


def report(bench: str, figure: str, seconds: float, floor: str, floor_seconds: float, *,
           goal: float | None, runs: int, higher_is_better: bool = False, unit: str = "ms") -> bool:
    """Print one figure against its floor; returns whether the goal is met (True if none).

    The ratio is figure / floor, so lower is better, except for speed-ups
    (``higher_is_better``: floor / figure, e.g. "the loop is 50x slower").
    """
    scale = 1000 if unit == "ms" else 1
    ratio = floor_seconds / seconds if higher_is_better else seconds / floor_seconds
    met = None if goal is None else (ratio >= goal if higher_is_better else ratio <= goal)
    sign = ">=" if higher_is_better else "<="
    goal_text = "no goal" if goal is None else f"goal {sign} {goal:g}x: " + ("met" if met else "MISSED")
    print(f"{figure}: {seconds * scale:.2f} {unit} | floor ({floor}): {floor_seconds * scale:.2f} {unit} | "
          f"ratio {ratio:.2f}x | {goal_text} (median of {runs}, interleaved)")
    print("BENCH " + json.dumps({
        "bench": bench, "figure": figure, "seconds": seconds, "floor": floor, "floor_seconds": floor_seconds,
        "ratio": ratio, "goal": goal, "goal_sign": sign, "met": met, "runs": runs,
    }, ensure_ascii=False), flush=True)
    return met is not False
