"""The vectorised scorer gives EXACTLY the single scorer's numbers, for any answers."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brandmark.packs import bundled_pack_paths, load_pack
from brandmark.scoring.batch import encode_matrix, score_batch
from brandmark.scoring.encoding import compile_pack
from brandmark.scoring.scorer import score_assessment
from strategies import answer_sets, open_sets, packs
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
