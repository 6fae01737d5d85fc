"""Brand-value estimates kept with the applicant, dated, never edited (history kept).

>>> from brandmark.scoring.valuation import parse_inputs, run_monte_carlo
>>> from brandmark.store import Store
>>> store = Store(":memory:", load_bundled_packs=False)
>>> applicant_id = store.applicants.add(name="示例电器有限公司", uscc="91350100M000100Y43", actor="张三")
>>> inputs = parse_inputs({"method": "relief-from-royalty", "revenues": [1000, 1100], "royalty_rate": 0.04,
...                        "tax_rate": 0.25, "discount_rate": 0.12})
>>> estimate_id = store.valuations.save(applicant_id, inputs, run_monte_carlo(inputs, trials=100), by="张三")
>>> [row["id"] for row in store.valuations.history(applicant_id)] == [estimate_id]
True

An estimate stores the validated input (``ValuationInputs.to_json``), the Monte Carlo
result (``MonteCarloResult.to_json``) and, when the brand strength came from an
assessment, how it was read (``BrandStrength.to_json``). ``get`` returns them decoded;
``inputs_of`` gives the input back as ``ValuationInputs`` for a re-run or a report.
"""

from __future__ import annotations

import json
import math
from typing import Any, TYPE_CHECKING

from brandmark.errors import NotFound, RefusedInput
from brandmark.scoring.valuation import (
    MonteCarloResult, ValuationInputs, deterministic_value, parse_inputs,
)
from brandmark.text import clean_text

if TYPE_CHECKING:
    from brandmark.store import Store

_SUMMARY_COLUMNS = ("id, applicant_id, assessment_id, valuation_date, method, brand, value, mean, p10, p50, "
                    "p90, currency, unit, seed, trials, rejected, created_by, created_at")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


class Valuations:
    def __init__(self, store: Store):
        self.store = store

    def save(self, applicant_id: int, inputs: ValuationInputs, result: MonteCarloResult, *, by: str,
             strength=None) -> int:
        """Keep one estimate with the applicant, dated its valuation date (today when the input has none).

        ``strength`` is the ``BrandStrength`` (or its JSON) the input's brand strength was
        read from; its assessment must be the applicant's. The input is validated again and
        the result must belong to it (same method, currency, unit and deterministic value),
        so a stored estimate always re-runs. One transaction; returns the estimate id.
        """
        by = clean_text(by, "估算人 by", required=True, max_length=100)
        applicant = self.store.applicants.get(applicant_id)
        if not isinstance(inputs, ValuationInputs):
            raise RefusedInput.of("estimate.not_inputs", ("inputs",), type=type(inputs).__name__)
        if not isinstance(result, MonteCarloResult):
            raise RefusedInput.of("estimate.not_result", ("result",), type=type(result).__name__)
        # A hand-built ValuationInputs could hold what the parser refuses; refuse it here too.
        inputs_json = parse_inputs(inputs.to_json()).to_json()
        self._check_result_matches(inputs, result)
        strength_json = strength.to_json() if hasattr(strength, "to_json") else strength
        assessment_id = None
        if strength_json is not None:
            if not isinstance(strength_json, dict) or not isinstance(strength_json.get("assessment_id"), int):
                raise RefusedInput.of("estimate.strength_source", ("strength",))
            assessment_id = strength_json["assessment_id"]
            assessment = self.store.assessments.get(assessment_id)
            if assessment["applicant_id"] != applicant["id"]:
                raise RefusedInput.of("estimate.other_applicant", ("strength",), assessment=assessment_id,
                                      owner=assessment["applicant_id"], applicant=applicant["id"])
        row = {
            "applicant_id": applicant["id"], "assessment_id": assessment_id,
            "valuation_date": inputs.valuation_date or self.store.today().isoformat(),
            "method": inputs.method, "brand": inputs.brand or "",
            "inputs": _json(inputs_json), "result": _json(result.to_json()),
            "strength": None if strength_json is None else _json(strength_json),
            "value": result.value, "mean": result.mean, "p10": result.p10, "p50": result.p50, "p90": result.p90,
            "currency": result.currency, "unit": result.unit, "seed": str(result.seed),
            "trials": result.trials, "rejected": result.rejected,
            "created_by": by, "created_at": self.store.now(),
        }
        with self.store.atomic():
            estimate_id = self.store.db["brand_value_estimates"].insert(row).last_pk
            self.store.events.record(by, "valuation.save", "valuation", estimate_id, {
                "applicant": applicant["id"], "valuation_date": row["valuation_date"], "method": row["method"],
                "value": round(result.value, 2), "p10": round(result.p10, 2), "p90": round(result.p90, 2),
                "assessment": assessment_id, "seed": row["seed"], "trials": result.trials})
        return estimate_id

    @staticmethod
    def _check_result_matches(inputs: ValuationInputs, result: MonteCarloResult) -> None:
        problems = []
        for name in ("method", "currency", "unit"):
            if getattr(result, name) != getattr(inputs, name):
                problems.append(f"result.{name}: {getattr(result, name)!r} but the input has {getattr(inputs, name)!r}")
        expected = deterministic_value(inputs)
        if not math.isclose(result.value, expected, rel_tol=1e-9, abs_tol=1e-9):
            problems.append(f"result.value: {result.value!r} is not this input's deterministic value {expected!r}")
        if not all(math.isfinite(x) for x in (result.value, result.mean, result.p10, result.p50, result.p90)):
            problems.append("result: a figure is not a finite number")
        if problems:
            raise RefusedInput.of("estimate.result_mismatch", ("result",), details="; ".join(problems))

    def get(self, estimate_id: int) -> dict:
        """One estimate with ``inputs``, ``result`` and ``strength`` decoded and the applicant's name."""
        rows = list(self.store.db.query(
            "SELECT e.*, a.name AS applicant_name, a.uscc AS applicant_uscc FROM brand_value_estimates e "
            "JOIN applicants a ON a.id = e.applicant_id WHERE e.id = ?", [estimate_id]))
        if not rows:
            raise NotFound.of("estimate.not_found", id=estimate_id)
        row = rows[0]
        for key in ("inputs", "result"):
            row[key] = json.loads(row[key])
        row["strength"] = json.loads(row["strength"]) if row["strength"] else None
        return row

    def inputs_of(self, estimate_id: int) -> ValuationInputs:
        """The stored input, validated again (for a re-run or a report)."""
        return parse_inputs(self.get(estimate_id)["inputs"])

    def history(self, applicant_id: int, *, limit: int = 500) -> list[dict]:
        """The applicant's estimates, newest valuation date first (then newest saved first)."""
        self.store.applicants.get(applicant_id)
        return list(self.store.db.query(
            f"SELECT {_SUMMARY_COLUMNS} FROM brand_value_estimates WHERE applicant_id = ? "
            "ORDER BY valuation_date DESC, id DESC LIMIT ?", [applicant_id, limit]))

    def register(self, applicant_id: int | None = None) -> list[dict]:
        """Every saved estimate (or one applicant's) with the applicant's name and code, oldest first."""
        where, params = ("WHERE e.applicant_id = ? ", [applicant_id]) if applicant_id is not None else ("", [])
        columns = ", ".join("e." + c.strip() for c in _SUMMARY_COLUMNS.split(","))
        return list(self.store.db.query(
            f"SELECT {columns}, a.name AS applicant_name, a.uscc AS applicant_uscc FROM brand_value_estimates e "
            f"JOIN applicants a ON a.id = e.applicant_id {where}ORDER BY e.id", params))

    def latest(self, applicant_id: int) -> dict | None:
        """The applicant's newest estimate, decoded, or None."""
        rows = self.history(applicant_id, limit=1)
        return self.get(rows[0]["id"]) if rows else None

    def count(self, applicant_id: int | None = None) -> int:
        if applicant_id is None:
            return self.store.db.execute("SELECT count(*) FROM brand_value_estimates").fetchone()[0]
        return self.store.db.execute("SELECT count(*) FROM brand_value_estimates WHERE applicant_id = ?",
                                     [applicant_id]).fetchone()[0]
