"""The QR mask chosen with numpy gives the very symbol segno's own evaluation gives."""

import random
import string

import segno
from hypothesis import given, settings, strategies as st

from brandmark.certificates.qr import qr_matrix
from brandmark.certificates.qr_mask import matrix_with_best_mask

BASE45 = string.digits + string.ascii_uppercase + " $%*+-./:"


def segno_matrix(text: str, error: str = "m") -> list[list[bool]]:
    code = segno.make(text, error=error, micro=False, boost_error=False)
    return [[bool(v) for v in row] for row in code.matrix]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=BASE45, min_size=1, max_size=420), st.sampled_from("lmqh"))
def test_same_symbol_as_segno_for_alphanumeric_payloads(text, error):
    assert matrix_with_best_mask(text, error) == segno_matrix(text, error)


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=200))
def test_same_symbol_as_segno_for_any_text(text):
    assert matrix_with_best_mask(text) == segno_matrix(text)


def test_every_mask_is_chosen_somewhere():
    # The comparison above means little if one mask always wins; certificate-like payloads
    # of many lengths must pick all eight.
    rng = random.Random(8)
    chosen = set()
    for _ in range(400):
        text = "BM1:" + "".join(rng.choice(BASE45) for _ in range(rng.randint(20, 300)))
        chosen.add(segno.make(text, error="m", micro=False, boost_error=False).mask)
        assert matrix_with_best_mask(text) == segno_matrix(text)
    assert chosen == set(range(8))


def test_the_certificate_qr_uses_it():
    text = "BM1:" + "7" * 250
    assert qr_matrix(text) == segno_matrix(text)
