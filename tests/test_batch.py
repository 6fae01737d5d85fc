"""The vectorised scorer gives EXACTLY the single scorer's numbers, for any answers; and
scoring from the stored codes (``score_stored``, what the register does) gives exactly the
whole result of scoring the answers themselves."""

from __future__ import annotations

import json
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brandmark.packs import bundled_pack_paths, load_pack
from brandmark.scoring.batch import encode_matrix, score_batch
from brandmark.scoring.encoding import compile_pack
from brandmark.scoring.gbt8170 import judge
from brandmark.scoring.scorer import MODES, compared_text, encode_answers, score_assessment, score_stored
from strategies import answer_sets, open_sets, packs
from scoring_reference import reference_stored
from support import MINI_GRANT, MINI_PACK

MINI = load_pack(MINI_PACK)
BUNDLED = {p.stem: load_pack(p) for p in bundled_pack_paths()}


def assert_batch_equals_single(pack, answer_list, open_list):
    codes = encode_matrix(pack, answer_list)
    column = {t.item.id: j for j, t in enumerate(compile_pack(pack).items)}
    open_matrix = np.zeros(codes.shape, dtype=bool)
    for row, open_items in enumerate(open_list):
        for item_id in open_items:
            open_matrix[row, column[item_id]] = True
    batch = score_batch(pack, codes, open_matrix)
    names = batch.verdict_names()
    for row, (chosen, open_items) in enumerate(zip(answer_list, open_list)):
        single = score_assessment(pack, chosen, open_corrective_actions=open_items)
        # Exact equality, not approx: the register's ranking and the window must agree.
        assert batch.totals[row] == single.total, (chosen, batch.totals[row], single.total)
        assert list(batch.sections[row]) == [s.score for s in single.sections]
        assert names[row] == single.verdict, (chosen, single.reasons)
        assert (int(batch.major[row]), int(batch.minor[row]), int(batch.minor_open[row])) == (
            single.nonconformities["major"], single.nonconformities["minor"],
            single.nonconformities["minor_open"])
        assert_stored_equals_single(pack, chosen, open_items)


def stored_form(pack, answers) -> dict:
    """The answers as the register keeps them: (code, normalised value as JSON)."""
    return {item_id: (encoded.code, json.dumps(encoded.value, ensure_ascii=False))
            for item_id, encoded in encode_answers(pack, answers).items() if encoded.value is not None}


def assert_stored_equals_single(pack, answers, open_items):
    stored = stored_form(pack, answers)
    for mode in MODES:
        expected = score_assessment(pack, answers, open_corrective_actions=open_items, mode=mode)
        got = score_stored(pack, stored, open_corrective_actions=open_items, mode=mode)
        # The whole result: numbers, test verdicts with compared values, reasons, gaps.
        assert got == expected, (answers, mode)
        # ... and what the plain loop gave before the single scorer's fast path.
        before = reference_stored(pack, stored, open_corrective_actions=open_items, mode=mode)
        assert got == before, (answers, mode)
        assert got.to_json() == before.to_json()


@st.composite
def batches(draw, pack, max_size=12):
    answer_list = draw(st.lists(answer_sets(pack), min_size=1, max_size=max_size))
    open_list = [draw(open_sets(pack, chosen)) for chosen in answer_list]
    return answer_list, open_list


@given(batches(MINI))
def test_batch_equals_single_on_the_mini_pack(case):
    assert_batch_equals_single(MINI, *case)


@given(st.data())
def test_batch_equals_single_on_random_packs(data):
    pack = data.draw(packs())
    assert_batch_equals_single(pack, *data.draw(batches(pack, max_size=6)))


@pytest.mark.parametrize("name", sorted(BUNDLED))
def test_batch_equals_single_on_bundled_packs(name):
    pack = BUNDLED[name]

    @settings(max_examples=25)       # ~60 items x up to 8 assessments per example
    @given(batches(pack, max_size=8))
    def check(case):
        assert_batch_equals_single(pack, *case)

    check()


def test_default_treats_every_minor_nc_as_open():
    answers = {**MINI_GRANT, "C1": "minor"}
    batch = score_batch(MINI, encode_matrix(MINI, [answers]))
    assert batch.verdict_names() == ["conditional"]
    assert batch.minor_open.tolist() == [1]


def test_encode_matrix_layout():
    codes = encode_matrix(MINI, [MINI_GRANT, {}, {"V1": "na", "P1": 4}])
    assert codes.dtype == np.int8 and codes.shape == (3, 7)
    assert codes[1].tolist() == [0] * 7
    assert codes[2, 0] == 1 and codes[2, 5] == 4 + 2


def test_wrong_width_is_refused():
    with pytest.raises(ValueError, match="columns"):
        score_batch(MINI, np.zeros((2, 3), dtype=np.int8))


def test_empty_batch():
    batch = score_batch(MINI, np.zeros((0, 7), dtype=np.int8))
    assert batch.totals.shape == (0,) and batch.verdict_names() == []


def test_encode_matrix_refuses_what_encode_refuses_even_after_a_similar_valid_value():
    from brandmark.scoring.encoding import InvalidAnswer

    with pytest.raises(InvalidAnswer, match="P1"):
        encode_matrix(MINI, [{"P1": 1}, {"P1": True}])
    with pytest.raises(InvalidAnswer, match="T2"):
        encode_matrix(MINI, [{"T2": ["1", "2"]}, {"T2": [1, True]}])
    with pytest.raises(InvalidAnswer, match="X9"):
        encode_matrix(MINI, [{"X9": "pass"}])
    with pytest.raises(InvalidAnswer):
        encode_matrix(MINI, [{"T2": [["1"]]}])


# Measured values as people type them, plain and not: the stored path prints the compared
# value of a plain decimal without judging it, so it must print what judging prints.
MEASURED_TEXTS = st.one_of(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=Decimal("-1e12"), max_value=Decimal("1e12")).map(str),
    st.builds(lambda whole, frac, sign: f"{sign}{whole}{frac}", st.sampled_from(["0", "00", "007", "1", "96", "1000000"]),
              st.sampled_from(["", ".", ".0", ".05", ".000000", ".0000001", ".5000", ".95"]),
              st.sampled_from(["", "-", "+", "\u2212"])),
    st.sampled_from(["1e3", "1E-7", "0.0000001", "-0", "-0.0", "0.000001", "12.", ".5"]),
)


@given(MEASURED_TEXTS, st.sampled_from(["full", "rounded"]), st.sampled_from([None, 0, 1, 2]))
def test_compared_text_prints_what_judging_prints(text, method, decimals):
    from brandmark.errors import RefusedInput
    from brandmark.packs.model import Item
    from brandmark.scoring.encoding import ItemTable, _parsed_limit

    item = Item(id="T", kind="test", section_id="s", title="t", limit="<=0.25", method=method, decimals=decimals)
    table = ItemTable(item, 0, 1.0, (), _parsed_limit(item))
    try:
        expected = str(judge(item.limit, text, method, decimals).compared)
    except RefusedInput:
        return                         # such a value is never stored (encode refuses it)
    assert compared_text(table, text) == expected, text


def test_stored_scores_equal_single_for_odd_and_incomplete_measurements():
    pack = BUNDLED["zhejiang-made"]
    tests = [item for item in pack.items() if item.kind == "test"]
    several = next(item for item in tests if item.samples > 1)
    single = next(item for item in tests if item.samples == 1)
    rounded = next(item for item in tests if item.method == "rounded")
    for values in ({several.id: ["2.5", None, ""], single.id: "007"},
                   {several.id: ["-0", "\u22122.5", "1e3"][:several.samples], rounded.id: "+0.0000001"},
                   {single.id: "-999999", rounded.id: "12."}):
        padded = {k: (v + ["1"] * (several.samples - len(v)) if isinstance(v, list) else v) for k, v in values.items()}
        assert_stored_equals_single(pack, padded, set())
