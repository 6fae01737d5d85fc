"""Benchmark of the valuation Monte Carlo against the numpy floor and a lean stdlib loop.

Run on demand (pytest does not collect bench_*.py):

    python tests/benchmarks/bench_valuation.py [--trials 1000000] [--loop-trials 20000] [--runs 5]
                                               [--memory-trials 10000000 | 0]

Times, interleaved and as medians, one million trials of a ten-year relief-from-royalty
forecast in which every input is uncertain (``run_monte_carlo``), against:

* the numpy floor: the same arithmetic on arrays drawn beforehand (drawing not timed),
  the least the vectorised work can cost; no goal, the ratio says how close we are;
* a lean standard-library loop (scalar draws from ``random``, inputs read once, not per
  trial) on ``--loop-trials`` trials, scaled up: goal, run_monte_carlo at least 50x faster.

Last it runs ten million trials under tracemalloc in a fresh process and prints the peak
traced memory and the growth of the maximum resident set size.
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
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402

from _bench import interleaved, medians, report  # noqa: E402
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


def lean_loop(trials: int, rng: random.Random) -> list[float]:
    """The plain standard-library way: scalar draws straight from ``random``, a loop over years.

    The inputs are read once, not per trial, and the truncated normal is drawn by
    rejection; the distributions are those of ``benchmark_inputs``.
    """
    revenues = [(900 * 1.05**t, 1200 * 1.05**t, 1000 * 1.05**t) for t in range(YEARS)]
    tax, n = 0.25, 15
    triangular, gauss, uniform = rng.triangular, rng.gauss, rng.uniform
    values = []
    for _ in range(trials):
        draws = [triangular(low, high, mode) for low, high, mode in revenues]
        royalty = triangular(0.03, 0.06, 0.04)
        r = gauss(0.12, 0.015)
        while not 0.08 <= r <= 0.20:
            r = gauss(0.12, 0.015)
        g = uniform(0.0, 0.04)
        if g >= r:
            continue
        share = royalty * (1 - tax)
        value = 0.0
        for year, revenue in enumerate(draws):
            value += revenue * share / (1 + r) ** (year + 0.5)
        value += revenue * share * (1 + g) / (r - g) / (1 + r) ** (YEARS - 0.5)
        annuity = (1 - (1 + r) ** -n) / r
        values.append(value / (1 - tax * annuity / n))
    return values


def predrawn_arrays(trials: int, seed: int = 20261128) -> dict:
    """Every input drawn up front with numpy: the floor times only the arithmetic on them."""
    rng = np.random.default_rng(seed)
    discount = np.clip(rng.normal(0.12, 0.015, trials), 0.08, 0.20)
    return {
        "revenues": [rng.triangular(900 * 1.05**t, 1000 * 1.05**t, 1200 * 1.05**t, trials) for t in range(YEARS)],
        "royalty": rng.triangular(0.03, 0.04, 0.06, trials),
        "discount": discount,
        "growth": rng.uniform(0.0, 0.04, trials),
    }


def numpy_floor(drawn: dict) -> tuple[float, np.ndarray]:
    """The same valuation as arithmetic on pre-drawn arrays, with its mean and P10/P50/P90."""
    tax, n = 0.25, 15
    r, g = drawn["discount"], drawn["growth"]
    share = drawn["royalty"] * (1 - tax)
    value = np.zeros_like(r)
    for year, revenue in enumerate(drawn["revenues"]):
        value += revenue * share / (1 + r) ** (year + 0.5)
    value += revenue * share * (1 + g) / (r - g) / (1 + r) ** (YEARS - 0.5)
    annuity = (1 - (1 + r) ** -n) / r
    value /= 1 - tax * annuity / n
    value = value[g < r]
    return float(value.mean()), np.quantile(value, [0.10, 0.50, 0.90])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=1_000_000)
    parser.add_argument("--loop-trials", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--memory-trials", type=int, default=10_000_000)
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        measure_memory(args.memory_child)
        return 0
    inputs = benchmark_inputs()
    drawn = predrawn_arrays(args.trials)
    rng = random.Random(20261128)

    run_monte_carlo(inputs, trials=10_000)  # warm-up: imports, first allocations
    outcome = {}
    times = interleaved({
        "vectorised": lambda: outcome.__setitem__("result", run_monte_carlo(inputs, trials=args.trials)),
        "numpy floor": lambda: outcome.__setitem__("floor", numpy_floor(drawn)),
        "lean loop": lambda: outcome.__setitem__("loop", lean_loop(args.loop_trials, rng)),
    }, args.runs)
    median = medians(times)
    vectorised, floor, loop_scaled = (median["vectorised"], median["numpy floor"],
                                      median["lean loop"] * args.trials / args.loop_trials)
    result, (floor_mean, _), loop_values = outcome["result"], outcome["floor"], outcome["loop"]
    print(f"{args.trials:,} trials x {YEARS} years; the loop runs {args.loop_trials:,} trials, scaled up")
    print(f"  means: vectorised {result.mean:.2f}, numpy floor {floor_mean:.2f}, "
          f"lean loop {sum(loop_values) / len(loop_values):.2f} (same model)")
    report("valuation", f"run_monte_carlo, {args.trials:,} trials", vectorised,
           "the arithmetic on pre-drawn numpy arrays", floor, goal=None, runs=args.runs)
    ok = report("valuation", "speed-up of run_monte_carlo over the lean loop", vectorised,
                f"lean stdlib loop, scaled to {args.trials:,}", loop_scaled, goal=50, runs=args.runs,
                higher_is_better=True)

    if args.memory_trials:
        # Memory is measured in a fresh process: the maximum RSS is a high-water mark, and
        # this process's mark is already raised by the runs above.
        child = subprocess.run(
            [sys.executable, __file__, "--memory-child", str(args.memory_trials)],
            check=True, capture_output=True, text=True,
        )
        print(child.stdout.strip())
    return 0 if ok else 1


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
    sys.exit(main())
