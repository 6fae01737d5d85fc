"""``store.valuations``: dated estimates kept with the applicant, schema step 3."""

from __future__ import annotations

import sqlite3

import pytest

from brandmark.errors import NotFound, RefusedInput
from brandmark.scoring.valuation import ValuationInputError, parse_inputs, run_monte_carlo
from brandmark.store import Store
from brandmark.store.migrations import LATEST, migrate
from brandmark.valuation_prefill import brand_strength_for_applicant
from valuation_support import made_assessment, new_applicant, valuation_input


def _run(data=None, trials=2_000, seed=7):
    inputs = parse_inputs(data or valuation_input())
    return inputs, run_monte_carlo(inputs, trials=trials, seed=seed)


def test_save_keeps_input_result_and_figures_and_get_decodes_them(bare_store):
    applicant = new_applicant(bare_store)
    inputs, result = _run()
    estimate_id = bare_store.valuations.save(applicant, inputs, result, by=" 王五 ")
    row = bare_store.valuations.get(estimate_id)
    assert row["applicant_id"] == applicant and row["applicant_name"] == "杭州品牌测试电器有限公司"
    assert row["created_by"] == "王五" and row["valuation_date"] == "2026-11-28"
    assert row["inputs"] == inputs.to_json() and row["result"] == result.to_json()
    assert (row["value"], row["mean"], row["p10"], row["p50"], row["p90"]) == \
        (result.value, result.mean, result.p10, result.p50, result.p90)
    assert (row["trials"], row["rejected"], row["seed"]) == (2_000, result.rejected, "7")
    assert row["strength"] is None and row["assessment_id"] is None
    assert bare_store.valuations.inputs_of(estimate_id) == inputs


def test_an_input_without_a_date_is_dated_today(bare_store, clock):
    applicant = new_applicant(bare_store)
    inputs, result = _run(valuation_input(valuation_date=...))
    estimate_id = bare_store.valuations.save(applicant, inputs, result, by="王五")
    assert bare_store.valuations.get(estimate_id)["valuation_date"] == clock().date().isoformat()


def test_history_is_kept_newest_valuation_date_first(bare_store):
    applicant = new_applicant(bare_store)
    other = new_applicant(bare_store, "别家公司")
    ids = {}
    for date in ("2025-06-30", "2026-06-30", "2024-12-31"):
        inputs, result = _run(valuation_input(valuation_date=date))
        ids[date] = bare_store.valuations.save(applicant, inputs, result, by="王五")
    inputs, result = _run(valuation_input(valuation_date="2026-06-30"), seed=8)   # same date, saved later
    again = bare_store.valuations.save(applicant, inputs, result, by="王五")
    bare_store.valuations.save(other, *_run(), by="王五")
    history = bare_store.valuations.history(applicant)
    assert [r["id"] for r in history] == [again, ids["2026-06-30"], ids["2025-06-30"], ids["2024-12-31"]]
    assert bare_store.valuations.latest(applicant)["id"] == again
    assert bare_store.valuations.count(applicant) == 4 and bare_store.valuations.count() == 5
    assert bare_store.valuations.latest(new_applicant(bare_store, "无估算公司")) is None


def test_saving_records_an_event(bare_store):
    applicant = new_applicant(bare_store)
    estimate_id = bare_store.valuations.save(applicant, *_run(), by="王五")
    events = bare_store.events.list(entity="valuation", entity_id=estimate_id)
    assert [(e["action"], e["actor"]) for e in events] == [("valuation.save", "王五")]
    assert events[0]["details"]["applicant"] == applicant and events[0]["details"]["seed"] == "7"


def test_strength_from_an_assessment_is_kept_with_the_estimate(store):
    applicant = new_applicant(store)
    assessment = made_assessment(store, applicant)
    strength = brand_strength_for_applicant(store, applicant)
    estimate_id = store.valuations.save(applicant, *_run(), by="王五", strength=strength)
    row = store.valuations.get(estimate_id)
    assert row["assessment_id"] == assessment
    assert row["strength"]["source"] == f"assessment #{assessment}" and row["strength"]["value"] == 100.0


def _nothing_saved(store) -> bool:
    return store.valuations.count() == 0 and not store.events.list(entity="valuation")


def test_refusals_name_the_problem_and_write_nothing(store):
    applicant = new_applicant(store)
    inputs, result = _run()
    with pytest.raises(RefusedInput, match="by"):
        store.valuations.save(applicant, inputs, result, by="  ")
    with pytest.raises(NotFound, match="no applicant #999"):
        store.valuations.save(999, inputs, result, by="王五")
    with pytest.raises(RefusedInput, match="ValuationInputs"):
        store.valuations.save(applicant, inputs.to_json(), result, by="王五")
    with pytest.raises(RefusedInput, match="MonteCarloResult"):
        store.valuations.save(applicant, inputs, result.to_json(), by="王五")
    other_inputs, _ = _run(valuation_input(brand_strength=90))
    with pytest.raises(RefusedInput, match="deterministic value"):
        store.valuations.save(applicant, other_inputs, result, by="王五")
    # Brand strength read from another applicant's assessment.
    stranger = new_applicant(store, "别家公司")
    made_assessment(store, stranger)
    with pytest.raises(RefusedInput, match="belongs to applicant"):
        store.valuations.save(applicant, inputs, result, by="王五",
                              strength=brand_strength_for_applicant(store, stranger))
    with pytest.raises(RefusedInput, match="strength"):
        store.valuations.save(applicant, inputs, result, by="王五", strength={"value": 50})
    assert _nothing_saved(store)


def test_a_hand_built_input_the_parser_refuses_is_refused(bare_store):
    from dataclasses import replace

    from brandmark.scoring.valuation import Fixed
    applicant = new_applicant(bare_store)
    inputs, result = _run()
    broken = replace(inputs, tax_rate=Fixed(0.9))
    with pytest.raises(ValuationInputError, match="tax_rate"):
        bare_store.valuations.save(applicant, broken, result, by="王五")
    assert _nothing_saved(bare_store)


def test_a_failure_inside_the_save_leaves_nothing_behind(bare_store, monkeypatch):
    applicant = new_applicant(bare_store)

    def broken_record(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(bare_store.events, "record", broken_record)
    with pytest.raises(RuntimeError):
        bare_store.valuations.save(applicant, *_run(), by="王五")
    monkeypatch.undo()
    assert _nothing_saved(bare_store)


def test_an_entropy_seed_wider_than_64_bits_is_kept_exactly(bare_store):
    applicant = new_applicant(bare_store)
    inputs = parse_inputs(valuation_input())
    result = run_monte_carlo(inputs, trials=500, seed=None)
    estimate_id = bare_store.valuations.save(applicant, inputs, result, by="王五")
    row = bare_store.valuations.get(estimate_id)
    assert int(row["seed"]) == result.seed and row["result"]["seed"] == result.seed
    again = run_monte_carlo(bare_store.valuations.inputs_of(estimate_id), trials=500, seed=int(row["seed"]))
    assert again.p50 == result.p50


def test_get_of_a_missing_estimate_is_refused(bare_store):
    with pytest.raises(NotFound, match="no brand-value estimate #42"):
        bare_store.valuations.get(42)


# -- schema step 3 -------------------------------------------------------------------------------

def _columns(conn: sqlite3.Connection) -> set[str]:
    return {row[1] for row in conn.execute("PRAGMA table_info(brand_value_estimates)")}


def test_step_3_applies_from_an_empty_database_and_from_step_2(tmp_path):
    fresh = sqlite3.connect(tmp_path / "fresh.db")
    assert migrate(fresh) == LATEST >= 3
    assert {"inputs", "result", "strength", "value", "mean", "p10", "p50", "p90", "seed", "rejected"} <= _columns(fresh)

    older = sqlite3.connect(tmp_path / "older.db")
    older.isolation_level = None
    migrate(older, target=2)
    assert _columns(older) == set()
    older.close()
    with Store(tmp_path / "older.db", load_bundled_packs=False) as store:   # opening migrates the rest
        assert store.schema_version == LATEST
        applicant = new_applicant(store)
        assert store.valuations.get(store.valuations.save(applicant, *_run(), by="王五"))["seed"] == "7"


def test_the_schema_refuses_a_bad_method_or_trial_count(bare_store):
    applicant = new_applicant(bare_store)
    row = dict(applicant_id=applicant, valuation_date="2026-01-01", method="price-premium", inputs="{}",
               result="{}", value=1, mean=1, p10=1, p50=1, p90=1, currency="CNY", unit="万元", seed="1",
               trials=1, rejected=0, created_by="x", created_at="2026-01-01")
    with pytest.raises(sqlite3.IntegrityError):
        bare_store.db["brand_value_estimates"].insert(row)
    with pytest.raises(sqlite3.IntegrityError):
        bare_store.db["brand_value_estimates"].insert({**row, "method": "excess-earnings", "trials": 0})
