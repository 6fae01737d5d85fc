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

import datetime as dt
import json
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

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
             strength: object = None) -> int:
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
            estimate_id = cast(int, self.store.db.table("brand_value_estimates").insert(row).last_pk)
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

    def get(self, estimate_id: int) -> dict[str, Any]:
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

    def history(self, applicant_id: int, *, limit: int = 500) -> list[dict[str, Any]]:
        """The applicant's estimates, newest valuation date first (then newest saved first)."""
        self.store.applicants.get(applicant_id)
        return list(self.store.db.query(
            f"SELECT {_SUMMARY_COLUMNS} FROM brand_value_estimates WHERE applicant_id = ? "
            "ORDER BY valuation_date DESC, id DESC LIMIT ?", [applicant_id, limit]))

    def register(self, applicant_id: int | None = None, *, newest_first: bool = False) -> list[dict[str, Any]]:
        """Every saved estimate (or one applicant's) with the applicant's name and code, oldest
        first; ``newest_first`` in the order of ``history`` (the brand value page's table)."""
        where, params = ("WHERE e.applicant_id = ? ", [applicant_id]) if applicant_id is not None else ("", [])
        columns = ", ".join("e." + c.strip() for c in _SUMMARY_COLUMNS.split(","))
        order = "e.valuation_date DESC, e.id DESC" if newest_first else "e.id"
        return list(self.store.db.query(
            f"SELECT {columns}, a.name AS applicant_name, a.uscc AS applicant_uscc FROM brand_value_estimates e "
            f"JOIN applicants a ON a.id = e.applicant_id {where}ORDER BY {order}", params))

    def latest(self, applicant_id: int) -> dict[str, Any] | None:
        """The applicant's newest estimate, decoded, or None."""
        rows = self.history(applicant_id, limit=1)
        return self.get(rows[0]["id"]) if rows else None

    def count(self, applicant_id: int | None = None) -> int:
        if applicant_id is None:
            return int(self.store.db.execute("SELECT count(*) FROM brand_value_estimates").fetchone()[0])
        return int(self.store.db.execute("SELECT count(*) FROM brand_value_estimates WHERE applicant_id = ?",
                                         [applicant_id]).fetchone()[0])

    # -- the published list (``value publish``) -------------------------------------------

    def publish_max_age_months(self) -> int:
        """How old (in months before the as-of date) an estimate may be and still be published."""
        raw = self.store.settings.get(SETTING_PUBLISH_MAX_AGE)
        return int(raw) if raw is not None else DEFAULT_PUBLISH_MAX_AGE_MONTHS

    def set_publish_max_age_months(self, months: object, *, actor: str = "") -> int:
        """Change the age limit (1-600 whole months); recorded as a ``setting.change`` event."""
        try:
            value = int(str(months).strip())
        except ValueError:
            raise RefusedInput.of("publication.max_age", ("--max-age-months",), got=str(months)) from None
        if not 1 <= value <= 600:
            raise RefusedInput.of("publication.max_age", ("--max-age-months",), got=str(months))
        self.store.settings.set(SETTING_PUBLISH_MAX_AGE, str(value), actor)
        return value

    def publication(self, as_of: dt.date | str | None = None) -> dict[str, Any]:
        """The published list as of ``as_of`` (default the body's today).

        Each applicant's latest estimate dated (its valuation date) on or before ``as_of``,
        whenever it was saved: a list as of a year's end made in January takes the estimates
        dated 31 December saved since. An applicant whose latest estimate is older than the age limit is left out
        and counted (an older one is never shown instead); demo applicants are left out
        and counted. Ranked by P50 converted to 万元 when the currency is CNY and the unit
        one of ``UNIT_IN_WAN``; any other unit cannot be compared and is listed after the
        ranked ones, unranked (``rank`` None).

        Returns ``{"as_of", "max_age_months", "oldest_date", "rows", "left_out_old",
        "left_out_demo"}``; every row has ``rank``, the applicant's ``applicant_id``,
        ``applicant_name``, ``applicant_uscc``, ``region``, and the estimate's ``id``,
        ``valuation_date``, ``method``, ``brand``, ``value``, ``p10``, ``p50``, ``p90``,
        ``currency``, ``unit``.
        """
        as_of = _as_date(as_of) if as_of is not None else self.store.today()
        months = self.publish_max_age_months()
        oldest = add_months(as_of, -months)
        columns = ", ".join("e." + c.strip() for c in _SUMMARY_COLUMNS.split(","))
        # The latest per applicant: newest valuation date, then the newest saved (highest id).
        candidates = list(self.store.db.query(
            f"SELECT {columns}, a.name AS applicant_name, a.uscc AS applicant_uscc, a.region AS region, "
            "a.name_sort AS name_sort, a.demo AS demo FROM brand_value_estimates e "
            "JOIN applicants a ON a.id = e.applicant_id "
            "WHERE e.id = (SELECT e2.id FROM brand_value_estimates e2 WHERE e2.applicant_id = e.applicant_id "
            "              AND e2.valuation_date <= :as_of ORDER BY e2.valuation_date DESC, e2.id DESC LIMIT 1)",
            {"as_of": as_of.isoformat()}))
        kept, old, demo = [], 0, 0
        for row in candidates:
            if row.pop("demo"):
                demo += 1
            elif row["valuation_date"] < oldest.isoformat():
                old += 1
            else:
                kept.append(row)

        def in_wan(row: Mapping[str, Any]) -> float | None:
            factor = UNIT_IN_WAN.get(row["unit"]) if row["currency"] == "CNY" else None
            return None if factor is None else row["p50"] * factor

        comparable = sorted((r for r in kept if in_wan(r) is not None),
                            key=lambda r: (-cast(float, in_wan(r)), r["name_sort"] or "", r["applicant_id"]))
        others = sorted((r for r in kept if in_wan(r) is None),
                        key=lambda r: (r["currency"], r["unit"], -r["p50"], r["applicant_id"]))
        rows = []
        for rank, row in enumerate(comparable, start=1):
            rows.append({"rank": rank, **row, "p50_in_wan": in_wan(row)})
        for row in others:
            rows.append({"rank": None, **row, "p50_in_wan": None})
        for row in rows:
            row.pop("name_sort", None)
        return {"as_of": as_of.isoformat(), "max_age_months": months, "oldest_date": oldest.isoformat(),
                "rows": rows, "left_out_old": old, "left_out_demo": demo}


SETTING_PUBLISH_MAX_AGE = "valuation.publish_max_age_months"
DEFAULT_PUBLISH_MAX_AGE_MONTHS = 24
# What one of each unit is in 万元 (CNY), so estimates kept in different units rank together.
UNIT_IN_WAN = {"元": 0.0001, "千元": 0.1, "万元": 1.0, "百万元": 100.0, "亿元": 10000.0}


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole ``months``; the 31st becomes the month's last day.

    >>> add_months(dt.date(2026, 12, 1), -24), add_months(dt.date(2026, 3, 31), -1)
    (datetime.date(2024, 12, 1), datetime.date(2026, 2, 28))
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def _as_date(value: dt.date | str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise RefusedInput.of("publication.as_of", ("--as-of",), got=str(value)) from None
