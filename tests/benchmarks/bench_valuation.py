"""Benchmark of the valuation Monte Carlo: vectorised vs a per-trial loop, and peak memory.

Run on demand (pytest does not collect bench_*.py):

    python tests/benchmarks/bench_valuation.py [--trials 1000000] [--loop-trials 20000] [--memory-trials 10000000]

It times one million trials of a ten-year relief-from-royalty forecast in which every
input is uncertain, then a straightforward Python loop (draw each input by inverse
CDF, value the trial year by year) on a sample of trials, scaled up to the same count,
and prints the ratio (goal: at least 50×). Last it runs ten million trials under
tracemalloc and prints the peak traced memory and the growth of the process's
maximum resident set size.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from brandmark.scoring.valuation import ValuationInputs, parse_inputs, run_monte_carlo  # noqa: E402

YEARS = 10


def benchmark_inputs() -> ValuationInputs:
    """Ten years, every revenue uncertain, royalty, discount and growth too; mid-year and TAB on."""
    return parse_inputs({
        "method": "relief-from-royalty",
        "revenues": [
            {"dist": "triangular", "low": 900 * 1.05**t, "mode": 1000 * 1.05**t, "high": 1200 * 1.05**t}
            for t in range(YEARS)
        ],
        "royalty_rate": {"dist": "triangular", "low": 0.03, "mode": 0.04, "high": 0.06},
        "tax_rate": 0.25,
        "discount_rate": {"dist": "normal", "mean": 0.12, "sd": 0.015, "min": 0.08, "max": 0.20},
        "terminal_growth": {"dist": "uniform", "low": 0.0, "high": 0.04},
        "mid_year": True,
        "tax_amortisation_years": 15,
    })


def loop_trial(inputs: ValuationInputs, rng: random.Random) -> float | None:
    """One trial, the plain way: scalar draws by inverse CDF, a Python loop over years."""
    models = inputs.model_inputs()
    draw = {path: m.quantity.quantile(rng.random()) if m.quantity.uncertain else m.quantity.base
            for path, m in models.items()}
    r, g, tax = draw["discount_rate"], draw["terminal_growth"], draw["tax_rate"]
    if g >= r:
        return None
    share = draw["royalty_rate"] * (1 - tax)
    value = 0.0
    for year in range(YEARS):
        cash_flow = draw[f"revenues[{year}]"] * share
        value += cash_flow / (1 + r) ** (year + 0.5)
    value += cash_flow * (1 + g) / (r - g) / (1 + r) ** (YEARS - 0.5)
    n = inputs.tax_amortisation_years
    annuity = (1 - (1 + r) ** -n) / r
    return value / (1 - tax * annuity / n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=1_000_000)
    parser.add_argument("--loop-trials", type=int, default=20_000)
    parser.add_argument("--memory-trials", type=int, default=10_000_000)
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        measure_memory(args.memory_child)
        return
    inputs = benchmark_inputs()

    run_monte_carlo(inputs, trials=10_000)  # warm-up: imports, first allocations
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        result = run_monte_carlo(inputs, trials=args.trials)
        timings.append(time.perf_counter() - start)
    vectorised = min(timings)
    print(f"vectorised: {args.trials:,} trials x {YEARS} years in {vectorised:.3f} s "
          f"(best of 3; runs {', '.join(f'{t:.3f}' for t in timings)} s)")
    print(f"  value {result.value:.2f}  mean {result.mean:.2f}  P10 {result.p10:.2f}  "
          f"P50 {result.p50:.2f}  P90 {result.p90:.2f}  rejected {result.rejected}")

    rng = random.Random(20261128)
    start = time.perf_counter()
    loop_values = [v for v in (loop_trial(inputs, rng) for _ in range(args.loop_trials)) if v is not None]
    loop_seconds = time.perf_counter() - start
    loop_scaled = loop_seconds * args.trials / args.loop_trials
    loop_mean = sum(loop_values) / len(loop_values)
    print(f"per-trial loop: {args.loop_trials:,} trials in {loop_seconds:.3f} s, "
          f"scaled to {args.trials:,}: {loop_scaled:.1f} s  (loop mean {loop_mean:.2f}, "
          f"vectorised mean {result.mean:.2f}: same model)")
    print(f"speed-up: {loop_scaled / vectorised:.0f}x (goal >= 50x)")

    # Memory is measured in a fresh process: the maximum RSS is a high-water mark, and
    # this process's mark is already raised by the runs above.
    child = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(args.memory_trials)],
        check=True, capture_output=True, text=True,
    )
    print(child.stdout.strip())


def measure_memory(trials: int) -> None:
    inputs = benchmark_inputs()
    run_monte_carlo(inputs, trials=1_000)  # imports and first allocations before the baseline
    rss_before_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    start = time.perf_counter()
    result = run_monte_carlo(inputs, trials=trials)
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_after_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{trials:,} trials in {seconds:.2f} s (fresh process, under tracemalloc): "
          f"peak traced {peak / 2**20:.0f} MiB (the value array alone is {trials * 8 / 2**20:.0f} MiB); "
          f"max RSS {rss_before_kib / 1024:.0f} -> {rss_after_kib / 1024:.0f} MiB "
          f"(+{(rss_after_kib - rss_before_kib) / 1024:.0f}); P50 {result.p50:.2f}")

if __name__ == "__main__":
    main()
