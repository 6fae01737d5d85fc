"""Seeded Monte Carlo run and tornado for a brand-value estimate.

An estimate is only honest with its uncertainty: the run draws every uncertain
input, values the brand for each trial, and reports mean, P10 / P50 / P90, a
histogram and a tornado of the inputs that move the value most.

Reproducibility: ``default_rng(seed)`` is the root generator and each uncertain
input gets its own child stream (``Generator.spawn``), consumed strictly in order.
The same seed therefore gives identical results, *and* results do not depend on
the chunk size (a chunk of 1,000 and one of 200,000 give the same trials).

Memory: trials run in chunks; only one chunk's draws (a few arrays of ``chunk``
floats per uncertain input) live at once, and accepted values stream into one
preallocated float64 array (80 MB at ten million trials) from which the
percentiles are taken in place.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from brandmark.errors import Problem
from brandmark.scoring.valuation.errors import Cancelled, ValuationInputError
from brandmark.scoring.valuation.inputs import RELIEF_FROM_ROYALTY, ValuationInputs, base_draws
from brandmark.scoring.valuation.methods import accepted, deterministic_value, value_from_draws

DEFAULT_TRIALS = 100_000
MAX_TRIALS = 10_000_000       # what the CLI and the window allow: the value array alone is 80 MB here
DEFAULT_SEED = 20261128
DEFAULT_CHUNK = 200_000
DEFAULT_BINS = 40
TORNADO_LOW, TORNADO_HIGH = 0.10, 0.90

ProgressCallback = Callable[[int, int], "bool | None"]


@dataclass(frozen=True)
class Histogram:
    """Counts of accepted values in ``len(edges) - 1`` equal bins from the smallest to the largest."""

    counts: tuple[int, ...]
    edges: tuple[float, ...]

    def to_json(self) -> dict[str, list[int] | list[float]]:
        return {"counts": list(self.counts), "edges": list(self.edges)}


@dataclass(frozen=True)
class TornadoBar:
    """One uncertain input at its P10 (``low``) and P90 (``high``), the others at base.

    ``low_value`` / ``high_value`` are the brand values there; ``None`` where that
    point is impossible (growth reaching the discount rate, or outside the input's
    bounds), which Monte Carlo would reject too.
    """

    input: str
    low: float
    high: float
    low_value: float | None
    high_value: float | None

    @property
    def swing(self) -> float:
        if self.low_value is None or self.high_value is None:
            return math.inf
        return abs(self.high_value - self.low_value)

    def to_json(self) -> dict[str, Any]:
        return {"input": self.input, "low_value": self.low_value, "high_value": self.high_value,
                "low": self.low, "high": self.high}


@dataclass(frozen=True)
class MonteCarloResult:
    """The outcome of ``run_monte_carlo``.

    ``trials`` is the number requested; ``rejected`` of them were impossible draws
    (growth ≥ discount, or an input outside its bounds) and are left out of mean,
    percentiles and histogram, which cover the ``accepted`` ones.
    """

    value: float                 # deterministic: every input at its base value
    mean: float
    p10: float
    p50: float
    p90: float
    trials: int
    rejected: int
    seed: int
    histogram: Histogram
    tornado: tuple[TornadoBar, ...]
    method: str
    currency: str
    unit: str

    @property
    def accepted(self) -> int:
        return self.trials - self.rejected

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (plain ints, floats, lists); ``json.dumps`` it as is."""
        return {
            "value": self.value, "mean": self.mean,
            "p10": self.p10, "p50": self.p50, "p90": self.p90,
            "trials": self.trials, "rejected": self.rejected, "seed": self.seed,
            "currency": self.currency, "unit": self.unit, "method": self.method,
            "histogram": self.histogram.to_json(),
            "tornado": [bar.to_json() for bar in self.tornado],
        }


def tornado(inputs: ValuationInputs, low_q: float = TORNADO_LOW, high_q: float = TORNADO_HIGH) -> tuple[TornadoBar, ...]:
    """Each uncertain input at its P10 and P90, the others at base; widest swing first.

    >>> from brandmark.scoring.valuation.inputs import parse_inputs
    >>> inputs = parse_inputs({"method": "relief-from-royalty", "revenues": [1000],
    ...     "royalty_rate": {"dist": "uniform", "low": 0.04, "high": 0.06},
    ...     "tax_rate": 0.25, "discount_rate": 0.10})
    >>> [(bar.input, round(bar.low, 4), round(bar.high, 4)) for bar in tornado(inputs)]
    [('royalty_rate', 0.042, 0.058)]
    """
    base = base_draws(inputs)
    bars = []
    for path, model_input in inputs.model_inputs().items():
        if not model_input.quantity.uncertain:
            continue
        ends = [model_input.quantity.quantile(q) for q in (low_q, high_q)]
        values: list[float | None] = []
        for end in ends:
            draws = {**base, path: end}
            with np.errstate(over="ignore", invalid="ignore"):
                value = float(value_from_draws(inputs, draws)) if accepted(inputs, draws) else math.nan
            values.append(value if math.isfinite(value) else None)
        bars.append(TornadoBar(path, ends[0], ends[1], values[0], values[1]))
    # Stable sort: equal swings keep the input file's order.
    return tuple(sorted(bars, key=lambda bar: -bar.swing))


def _histogram(values: np.ndarray, bins: int) -> tuple[np.ndarray, np.ndarray]:
    """``bins`` equal bins from the smallest to the largest value.

    Values closer together than ``bins`` steps between neighbouring floats (an sd of 1e-13
    on 1000) cannot be split that finely and numpy refuses; they get one bar in the middle
    of a narrow window, as numpy does for values that are all equal.
    """
    try:
        return np.histogram(values, bins=bins)
    except ValueError:
        centre = float(values.min()) / 2 + float(values.max()) / 2
        half = max(abs(centre) * 1e-9, 0.5)
        return np.histogram(values, bins=bins, range=(centre - half, centre + half))


def _forecast_field(inputs: ValuationInputs) -> str:
    """The field a refusal about the size of the value points at (the method's forecast)."""
    return "revenues" if inputs.method == RELIEF_FROM_ROYALTY else "after_tax_profits"


def run_monte_carlo(
    inputs: ValuationInputs,
    trials: int = DEFAULT_TRIALS,
    seed: int | None = DEFAULT_SEED,
    progress: ProgressCallback | None = None,
    chunk: int = DEFAULT_CHUNK,
    bins: int = DEFAULT_BINS,
) -> MonteCarloResult:
    """Value the brand ``trials`` times with every uncertain input drawn at random.

    ``progress(done, total)`` is called after each chunk; returning ``False`` stops
    the run with ``Cancelled`` (``None`` or ``True`` carry on). ``seed=None`` draws
    fresh entropy and reports it as ``seed``, so any run can be repeated.

    >>> from brandmark.scoring.valuation.inputs import parse_inputs
    >>> inputs = parse_inputs({"method": "relief-from-royalty", "revenues": [1000, 1000],
    ...     "royalty_rate": {"dist": "triangular", "low": 0.03, "mode": 0.05, "high": 0.06},
    ...     "tax_rate": 0.25, "discount_rate": 0.10})
    >>> result = run_monte_carlo(inputs, trials=10_000, seed=1)
    >>> result.p10 < result.p50 < result.p90, result.rejected
    (True, 0)
    """
    if isinstance(trials, bool) or not isinstance(trials, int) or trials < 1:
        raise ValueError(f"trials must be a positive whole number, got {trials!r}")
    if isinstance(chunk, bool) or not isinstance(chunk, int) or chunk < 1:
        raise ValueError(f"chunk must be a positive whole number, got {chunk!r}")
    if isinstance(bins, bool) or not isinstance(bins, int) or bins < 1:
        raise ValueError(f"bins must be a positive whole number, got {bins!r}")

    with np.errstate(over="ignore", invalid="ignore"):
        value = deterministic_value(inputs)
    if not math.isfinite(value):
        # Amounts near the float limit (1e308) overflow; say so instead of failing later on
        # an infinite histogram range.
        raise ValuationInputError([Problem("valuation.value_too_large", (_forecast_field(inputs),),
                                           {"value": str(value)})])

    root = np.random.default_rng(seed)
    seed_used = int(root.bit_generator.seed_seq.entropy) if seed is None else seed  # type: ignore[attr-defined]
    uncertain = [m for m in inputs.model_inputs().values() if m.quantity.uncertain]
    streams = dict(zip((m.path for m in uncertain), root.spawn(len(uncertain))))
    fixed = {path: value for path, value in base_draws(inputs).items() if path not in streams}

    values = np.empty(trials, dtype=np.float64)
    kept = 0
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        for start in range(0, trials, chunk):
            size = min(chunk, trials - start)
            draws: dict[str, Any] = dict(fixed)
            for model_input in uncertain:
                draws[model_input.path] = model_input.quantity.sample(streams[model_input.path], size)
            chunk_values = np.broadcast_to(value_from_draws(inputs, draws), (size,))
            # A draw that overflows to infinity has no value either: rejected like the others.
            ok = np.isfinite(chunk_values) & accepted(inputs, draws)
            if not ok.all():
                chunk_values = chunk_values[np.broadcast_to(ok, (size,))]
            values[kept:kept + chunk_values.size] = chunk_values
            kept += chunk_values.size
            if progress is not None and progress(start + size, trials) is False:
                raise Cancelled(start + size, trials)

    if kept == 0:
        raise ValuationInputError([Problem("valuation.all_draws_rejected", ("trials",))])
    kept_values = values[:kept]
    with np.errstate(over="ignore"):
        mean = float(kept_values.mean())
    if not math.isfinite(mean):
        # Each value fits a float but their sum does not: the spread is absurd for money.
        raise ValuationInputError([Problem("valuation.values_too_large", (_forecast_field(inputs),),
                                           {"largest": f"{float(kept_values.max()):.3g}"})])
    counts, edges = _histogram(kept_values, bins)
    # overwrite_input lets numpy partition the array in place instead of copying 80 MB.
    p10, p50, p90 = np.quantile(kept_values, [0.10, 0.50, 0.90], overwrite_input=True)
    return MonteCarloResult(
        value=value,
        mean=mean, p10=float(p10), p50=float(p50), p90=float(p90),
        trials=trials, rejected=trials - kept, seed=seed_used,
        histogram=Histogram(tuple(int(c) for c in counts), tuple(float(e) for e in edges)),
        tornado=tornado(inputs),
        method=inputs.method, currency=inputs.currency, unit=inputs.unit,
    )
