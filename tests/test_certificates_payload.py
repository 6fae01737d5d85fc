"""The signed payload: round trip, size, and refusal of every altered byte or foreign key."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from brandmark.certificates.keys import key_id
from brandmark.certificates.payload import (
    MAX_HOLDER, PREFIX, PayloadContent, PayloadError, base45_decode, base45_encode, decode_payload, sign_payload,
)

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
OTHER_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
CONTENT = PayloadContent(number="BM-ZJM-2026-00001", uscc="91350100M000100Y43", holder="杭州西溪电器有限公司",
                         product="电水壶", standard="T/ZZB 0001—2026", issued_on=dt.date(2026, 3, 1),
                         expires_on=dt.date(2029, 2, 28))
SIGNED = sign_payload(CONTENT, KEY)


def raw(text: str) -> bytes:
    return base45_decode(text[len(PREFIX):])


def wrap(data: bytes) -> str:
    return PREFIX + base45_encode(data)


def test_rfc9285_examples():
    # The examples given in RFC 9285 section 4.
    assert base45_encode(b"AB") == "BB8"
    assert base45_encode(b"Hello!!") == "%69 VD92EX0"
    assert base45_encode(b"base-45") == "UJCLQE7W581"
    assert base45_decode("QED8WEX0") == b"ietf!"


@given(st.binary(max_size=300))
def test_base45_round_trip(data):
    assert base45_decode(base45_encode(data)) == data


def test_decodes_to_what_was_signed_and_verifies_with_the_signer_only():
    decoded = decode_payload(SIGNED)
    assert decoded.content == CONTENT
    assert decoded.key_id == key_id(KEY.public_key())
    assert decoded.verify(KEY.public_key())
    assert not decoded.verify(OTHER_KEY.public_key())


def test_payload_from_another_key_does_not_verify_with_ours():
    foreign = decode_payload(sign_payload(CONTENT, OTHER_KEY))
    assert foreign.key_id != key_id(KEY.public_key())
    assert not foreign.verify(KEY.public_key())


@given(st.data())
def test_any_changed_byte_is_refused(data):
    original = raw(SIGNED)
    position = data.draw(st.integers(0, len(original) - 1), label="position")
    flip = data.draw(st.integers(1, 255), label="xor")
    altered = bytearray(original)
    altered[position] ^= flip
    try:
        decoded = decode_payload(wrap(bytes(altered)))
    except PayloadError:
        return   # refused as malformed: fine
    assert not decoded.verify(KEY.public_key()), f"byte {position} ^ {flip} still verified"


def test_a_signature_moved_onto_other_content_is_refused():
    forged = sign_payload(PayloadContent(**{**CONTENT.__dict__, "holder": "冒名公司"}), OTHER_KEY)
    signed_part = raw(forged)[:-64]
    swapped = decode_payload(wrap(signed_part + raw(SIGNED)[-64:]))
    assert not swapped.verify(KEY.public_key())


@given(st.text(max_size=120))
def test_arbitrary_text_never_crashes_the_decoder(text):
    try:
        decode_payload(text)
    except PayloadError:
        pass


@pytest.mark.parametrize("text, problem", [
    ("", "payload.prefix"), ("BM2:ABC", "payload.prefix"), ("BM1:A", "payload.dangling"),
    ("BM1:abc", "payload.not_base45"),
    ("BM1:" + base45_encode(b"\x01" + bytes(120)), "payload.unknown_type"),
    ("BM1:" + base45_encode(b"\xc1" + bytes(10)), "payload.too_short"),
])
def test_malformed_payloads_say_what_is_wrong(text, problem):
    with pytest.raises(PayloadError) as refused:
        decode_payload(text)
    assert refused.value.problem.code == problem


def test_trailing_bytes_are_refused():
    data = raw(SIGNED)
    with pytest.raises(PayloadError):
        decode_payload(wrap(data[:-64] + b"x" + data[-64:]))


def test_worst_case_payload_stays_compact():
    """All text fields at their limits in 3-byte CJK characters: still under 400 bytes."""
    worst = PayloadContent(number="X" * 40, uscc="9" * 18, holder="长" * 200, product="品" * 200,
                           standard="标" * 200, issued_on=dt.date(2026, 1, 1), expires_on=dt.date(2029, 1, 1))
    signed = sign_payload(worst, KEY)
    assert len(raw(signed)) < 400
    decoded = decode_payload(signed)
    assert decoded.verify(KEY.public_key())
    assert len(decoded.content.holder) == MAX_HOLDER and decoded.content.holder.endswith("…")


def test_typical_payload_text_is_short_and_qr_alphanumeric():
    assert len(SIGNED) < 300
    assert set(SIGNED) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")


def test_pasted_line_breaks_are_ignored():
    broken = SIGNED[:30] + "\r\n" + SIGNED[30:] + "\n"
    assert decode_payload(broken).verify(KEY.public_key())


def test_payload_refuses_numbers_that_are_not_plain_ascii():
    with pytest.raises(PayloadError) as refused:
        sign_payload(PayloadContent(**{**CONTENT.__dict__, "number": "证书-1"}), KEY)
    assert refused.value.problem.code == "payload.bad_number"


def test_the_documented_layout_and_verifier_match_the_code():
    """docs/certificate-payload.md is what third parties implement: its example and snippet must hold."""
    import re
    from pathlib import Path

    from cryptography.hazmat.primitives import serialization

    doc = (Path(__file__).resolve().parent.parent / "docs" / "certificate-payload.md").read_text(encoding="utf-8")
    data = raw(SIGNED)
    assert data[0] == 0xC1 and data[1:9].hex() == key_id(KEY.public_key())
    example = re.search(r"8-byte key id \| (.+?)`", doc).group(1)
    hex_groups = [bytes.fromhex(h.replace(" ", "")) for h in re.findall(r"((?:[0-9A-F]{2} ?)+)(?:…| \()", example)]
    expected = b"".join(hex_groups[:2])
    assert data[9:13] == expected, "issued/expires bytes in the doc's example"
    assert data[13:17] == hex_groups[2] and data[31:35] == hex_groups[3] and data[49:53] == hex_groups[4]
    snippet = re.search(r"```python\n(.+?)```", doc, re.S).group(1)
    namespace = {"base45_decode": base45_decode}
    exec(snippet, namespace)  # noqa: S102 — our own documentation
    pem = KEY.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    other = OTHER_KEY.public_key().public_bytes(serialization.Encoding.PEM,
                                                serialization.PublicFormat.SubjectPublicKeyInfo)
    assert namespace["is_genuine"](SIGNED, pem)
    assert not namespace["is_genuine"](SIGNED, other)
    assert not namespace["is_genuine"](SIGNED[:-3] + ("AAA" if SIGNED[-3:] != "AAA" else "BBB"), pem)
