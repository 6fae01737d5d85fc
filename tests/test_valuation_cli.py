"""``brandmark-cli value``: JSON output, brand strength from an assessment, saving, refusals."""

from __future__ import annotations

import json
import re

import pytest

from brandmark.cli import build_parser, main
from brandmark.scoring.valuation import parse_inputs, run_monte_carlo
from brandmark.store import Store
from valuation_support import made_assessment, new_applicant, valuation_input


@pytest.fixture
def db(tmp_path, clock):
    """A database with an applicant assessed at full marks but zero own-innovation, and one without."""
    path = tmp_path / "cli.db"
    with Store(path, clock=clock) as store:
        assessed = new_applicant(store)
        assessment = made_assessment(store, assessed, levels={"own-innovation": 0})
        bare = new_applicant(store, "未评审企业有限公司")
    return path, assessed, assessment, bare


def write_input(tmp_path, data, name="input.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def run(capsys, db_path, *args):
    code = main(["--db", str(db_path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, db_path, *args):
    code, out, err = run(capsys, db_path, *args, "--json")
    return code, (json.loads(out) if out.strip() else None), err


def estimates(db_path) -> int:
    with Store(db_path) as store:
        return store.valuations.count()


def test_json_output_is_the_engine_result_for_the_same_seed(capsys, db, tmp_path):
    path, *_ = db
    data = valuation_input()
    code, out, err = run_json(capsys, path, "value", "--file", write_input(tmp_path, data), "--trials", "3000",
                              "--seed", "11")
    assert code == 0, err
    expected = run_monte_carlo(parse_inputs(data), trials=3000, seed=11).to_json()
    for key in ("value", "mean", "p10", "p50", "p90", "trials", "rejected", "seed", "currency", "unit", "method",
                "histogram", "tornado"):
        assert out[key] == expected[key], key
    assert out["brand_strength"] == 60 and out["brand_strength_source"] == "input"
    assert out["valuation_date"] == "2026-11-28" and out["warnings"] == []
    assert "estimate_id" not in out and estimates(path) == 0


def test_the_default_seed_repeats_and_another_seed_differs(capsys, db, tmp_path):
    path, *_ = db
    file = write_input(tmp_path, valuation_input())
    first = run_json(capsys, path, "value", "--file", file, "--trials", "2000")[1]
    second = run_json(capsys, path, "value", "--file", file, "--trials", "2000")[1]
    other = run_json(capsys, path, "value", "--file", file, "--trials", "2000", "--seed", "1")[1]
    assert first == second and first["seed"] == 20261128
    assert other["p50"] != first["p50"] and other["value"] == first["value"]


def test_text_output_names_the_figures_and_says_it_is_an_estimate(capsys, db, tmp_path):
    path, *_ = db
    code, out, _ = run(capsys, path, "value", "--file", write_input(tmp_path, valuation_input()), "--trials", "1000")
    assert code == 0
    assert "非认证价值" in out and "not a certified value" in out
    for word in ("P10 / P50 / P90", "seed 20261128", "discount_rate"):
        assert word in out, word
    assert re.search(r"brand strength\s+60(\.0)? from the input", out)


def test_bad_input_lists_every_problem_exits_2_and_writes_nothing(capsys, db, tmp_path):
    path, assessed, *_ = db
    bad = valuation_input(method="dcf", tax_rate=0.9, discount_rate=0, bogus=1,
                          revenues=[100, -5], royalty_rate=0.03)
    pdf = tmp_path / "report.pdf"
    code, out, err = run(capsys, path, "value", "--file", write_input(tmp_path, bad), "--trials", "0",
                         "--seed", "-3", "-o", str(pdf), "--applicant", str(assessed), "--save")
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    for field in ("--trials", "--seed", "bogus", "method", "revenues[1]", "tax_rate", "discount_rate",
                  "royalty_rate: give either"):
        assert sum(field in line for line in lines) >= 1, (field, lines)
    assert len(lines) >= 8
    assert not pdf.exists() and estimates(path) == 0


@pytest.mark.parametrize("content, message", [
    ("{not json", "not valid JSON"),
    ("[1, 2]", "must be a JSON object"),
])
def test_a_file_that_is_not_a_json_object_is_refused(capsys, db, tmp_path, content, message):
    path, *_ = db
    file = tmp_path / "broken.json"
    file.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, path, "value", "--file", str(file))
    assert code == 2 and message in err and out == ""


def test_missing_file_and_missing_flag_are_refused(capsys, db, tmp_path):
    path, *_ = db
    code, _, err = run(capsys, path, "value", "--file", str(tmp_path / "nope.json"))
    assert code == 2 and "cannot read valuation input" in err
    code, _, err = run(capsys, path, "value")
    assert code == 2 and "--file: required" in err


def test_applicant_fills_brand_strength_from_its_latest_assessment(capsys, db, tmp_path):
    path, assessed, assessment, _ = db
    data = valuation_input(brand_strength=None)
    code, out, err = run_json(capsys, path, "value", "--file", write_input(tmp_path, data), "--trials", "2000",
                              "--applicant", str(assessed))
    assert code == 0, err
    expected_strength = round(100.0 * 0.75 / 0.9, 2)        # full marks, innovation (0.15 of 0.9) at zero
    assert out["brand_strength"] == expected_strength
    assert out["brand_strength_source"] == f"assessment #{assessment}"
    assert out["brand_strength_detail"]["basis"] == "elements"
    by_hand = run_monte_carlo(parse_inputs({**data, "brand_strength": expected_strength}), trials=2000)
    assert out["value"] == by_hand.value and out["p50"] == by_hand.p50
    code, text, _ = run(capsys, path, "value", "--file", write_input(tmp_path, data), "--trials", "500",
                        "--applicant", str(assessed))
    assert f"from assessment #{assessment}" in text


def test_a_strength_the_user_gives_is_kept_even_with_an_applicant(capsys, db, tmp_path):
    path, assessed, *_ = db
    code, out, _ = run_json(capsys, path, "value", "--file", write_input(tmp_path, valuation_input()),
                            "--trials", "500", "--applicant", str(assessed))
    assert code == 0 and out["brand_strength"] == 60 and out["brand_strength_source"] == "input"


def test_a_range_without_strength_needs_an_applicant_with_an_assessment(capsys, db, tmp_path):
    path, _, _, bare = db
    file = write_input(tmp_path, valuation_input(brand_strength=None))
    code, _, err = run(capsys, path, "value", "--file", file)
    assert code == 2 and "brand_strength: required" in err and "--applicant ID" in err
    code, _, err = run(capsys, path, "value", "--file", file, "--applicant", str(bare))
    assert code == 2 and f"applicant #{bare} has no assessment" in err
    code, _, err = run(capsys, path, "value", "--file", file, "--applicant", "999")
    assert code == 2 and "no applicant #999" in err


def test_save_keeps_a_dated_history_and_history_lists_it(capsys, db, tmp_path):
    path, assessed, assessment, _ = db
    first = write_input(tmp_path, valuation_input(brand_strength=None, valuation_date="2026-06-30"), "a.json")
    second = write_input(tmp_path, valuation_input(brand_strength=None, valuation_date="2026-12-31"), "b.json")
    code, out, err = run_json(capsys, path, "value", "--file", first, "--trials", "500", "--applicant",
                              str(assessed), "--save", "--by", "王五")
    assert code == 0, err
    first_id = out["estimate_id"]
    assert out["id"] == first_id
    code, out, _ = run_json(capsys, path, "value", "--file", second, "--trials", "500", "--applicant",
                            str(assessed), "--save", "--by", "赵六")
    second_id = out["estimate_id"]
    code, rows, _ = run_json(capsys, path, "value", "history", "--applicant", str(assessed))
    assert code == 0
    assert [(r["id"], r["valuation_date"], r["created_by"]) for r in rows] == \
        [(second_id, "2026-12-31", "赵六"), (first_id, "2026-06-30", "王五")]
    assert rows[0]["assessment_id"] == assessment
    code, text, _ = run(capsys, path, "value", "history", "--applicant", str(assessed))
    assert f"#{first_id}" in text and "王五" in text
    code, shown, _ = run_json(capsys, path, "value", "show", str(first_id))
    assert shown["inputs"]["brand_strength"] == round(100.0 * 0.75 / 0.9, 2)
    assert shown["strength"]["assessment_id"] == assessment


def test_save_refusals(capsys, db, tmp_path):
    path, assessed, *_ = db
    file = write_input(tmp_path, valuation_input())
    code, _, err = run(capsys, path, "value", "--file", file, "--save")
    assert code == 2 and "--save: needs --applicant" in err
    code, _, err = run(capsys, path, "value", "--file", file, "--applicant", str(assessed), "--by", "王五")
    assert code == 2 and "--by: only used with --save" in err
    code, _, err = run(capsys, path, "value", "history")
    assert code == 2 and "--applicant" in err
    code, _, err = run(capsys, path, "value", "show")
    assert code == 2 and "ESTIMATE_ID" in err
    code, _, err = run(capsys, path, "value", "show", "77")
    assert code == 2 and "no brand-value estimate #77" in err
    assert estimates(path) == 0


def test_report_is_written_with_the_run_and_again_from_a_saved_estimate(capsys, db, tmp_path):
    path, assessed, *_ = db
    pdf = tmp_path / "run.pdf"
    code, out, err = run_json(capsys, path, "value", "--file", write_input(tmp_path, valuation_input()),
                              "--trials", "500", "-o", str(pdf), "--applicant", str(assessed), "--save")
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF") and out["report"] == str(pdf)
    again = tmp_path / "again.pdf"
    code, _, _ = run_json(capsys, path, "value", "show", str(out["estimate_id"]), "-o", str(again))
    assert code == 0 and again.read_bytes().startswith(b"%PDF")
    plain = tmp_path / "plain.pdf"        # no applicant: no database needed
    code, _, err = run(capsys, path, "value", "--file", write_input(tmp_path, valuation_input()), "--trials", "500",
                       "-o", str(plain))
    assert code == 0 and plain.read_bytes().startswith(b"%PDF"), err


def test_an_unwritable_report_path_is_refused_before_the_run_and_saves_nothing(capsys, db, tmp_path):
    path, assessed, *_ = db
    file = write_input(tmp_path, valuation_input())
    code, _, err = run(capsys, path, "value", "--file", file, "-o", str(tmp_path / "missing" / "r.pdf"),
                       "--applicant", str(assessed), "--save")
    assert code == 2 and "does not exist" in err
    code, _, err = run(capsys, path, "value", "--file", file, "-o", str(tmp_path))
    assert code == 2 and "is a folder" in err
    assert estimates(path) == 0


def test_a_report_that_fails_after_the_save_rolls_the_estimate_back(capsys, db, tmp_path, monkeypatch):
    from brandmark.errors import RefusedInput
    from brandmark.reports import valuation_report

    def failing_write(*args, **kwargs):
        raise RefusedInput("无法写入 / cannot write r.pdf: disk full")

    monkeypatch.setattr(valuation_report, "write_valuation_report", failing_write)
    path, assessed, *_ = db
    code, _, err = run(capsys, path, "value", "--file", write_input(tmp_path, valuation_input()), "--trials", "500",
                       "-o", str(tmp_path / "r.pdf"), "--applicant", str(assessed), "--save")
    assert code == 2 and "disk full" in err
    assert estimates(path) == 0


def test_help_names_every_form():
    parser = build_parser()
    value = parser._subparsers._group_actions[0].choices["value"]
    text = value.format_help()
    for form in ("value --file INPUT.json", "value history --applicant ID", "value show ESTIMATE_ID",
                 "--trials", "--seed", "--save", "--by", "-o REPORT.pdf", "非认证价值"):
        assert form in text, form
