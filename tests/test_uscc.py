"""The unified social credit code (GB 32100-2015) and its organisation-code check (GB 11714)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brandmark.uscc import (
    ALPHABET, InvalidCreditCode, check_character, is_valid_uscc, make_uscc, normalise_uscc,
    organisation_check, validate_uscc,
)

PUBLISHED = "91350100M000100Y43"   # the example printed in GB 32100-2015


def _with_check(first17: str) -> str:
    """A code whose overall check character is right, whatever its organisation check."""
    return first17 + check_character(first17)


def test_published_example_is_valid():
    assert validate_uscc(PUBLISHED) == PUBLISHED
    assert is_valid_uscc(PUBLISHED)


def test_check_character_by_hand():
    # Weighted sum of the published example's first 17 characters, worked by hand:
    # 9*1+1*3+3*9+5*27+0*19+1*26+0*16+0*17+21*20+0*29+0*25+0*13+1*8+0*24+0*10+30*30+4*28 = 1640;
    # 1640 mod 31 = 28, 31 - 28 = 3.
    assert check_character(PUBLISHED[:17]) == "3"


def test_check_value_31_means_0():
    # Find a 17-character body whose weighted sum is a multiple of 31: check must be '0'.
    body = "9133010000000001"
    for ch in ALPHABET:
        first17 = body + ch
        total = sum(ALPHABET.index(c) * w for c, w in zip(first17, (1, 3, 9, 27, 19, 26, 16, 17, 20, 29,
                                                                     25, 13, 8, 24, 10, 30, 28)))
        if total % 31 == 0:
            assert check_character(first17) == "0"
            return
    pytest.fail("no body with a sum divisible by 31 found")


def test_organisation_check_by_hand():
    # M000100Y: M=22, Y=34 -> 22*3 + 1*5 + 34*2 = 139; 139 mod 11 = 7; 11 - 7 = 4.
    assert organisation_check("M000100Y") == "4"
    # Sum divisible by 11 -> 11 - 0 = 11 -> '0'; remainder 1 -> 10 -> 'X'.
    assert organisation_check("00000000") == "0"
    assert organisation_check("00000002") == "7"   # 2*2 = 4 -> 11 - 4 = 7
    assert organisation_check("00009000") == "X"   # 9*5 = 45, remainder 1 -> 10 -> X


@pytest.mark.parametrize("text", [
    " 91350100m000100y43 ",
    "91350100M000100Y43\n",
    "9135 0100 M000 100Y 43",
    "913501-00M000100Y43",
    "９１３５０１００Ｍ０００１００Ｙ４３",       # full-width digits and capitals
    "９１３５０１００ｍ０００１００ｙ４３",       # full-width lower case
    "\u300091350100M000100Y43\u3000",          # ideographic spaces
])
def test_normalisation(text):
    assert validate_uscc(text) == PUBLISHED
    assert normalise_uscc(text) == PUBLISHED


@pytest.mark.parametrize("text", ["", "   ", None])
def test_empty_is_refused(text):
    with pytest.raises(InvalidCreditCode, match="empty"):
        validate_uscc(text)


@pytest.mark.parametrize("text,count", [(PUBLISHED[:17], 17), (PUBLISHED + "0", 19), ("9135", 4)])
def test_wrong_length_is_refused(text, count):
    with pytest.raises(InvalidCreditCode, match=f"has {count}") as info:
        validate_uscc(text)
    assert "18" in str(info.value)


@pytest.mark.parametrize("letter", list("IOSVZ"))
def test_forbidden_letters_are_refused(letter):
    code = PUBLISHED[:8] + letter + PUBLISHED[9:]
    with pytest.raises(InvalidCreditCode) as info:
        validate_uscc(code)
    message = str(info.value)
    assert "character 9" in message and f"'{letter}'" in message


def test_non_ascii_character_is_refused_naming_position():
    with pytest.raises(InvalidCreditCode, match="character 3"):
        validate_uscc("91中50100M000100Y43")


def test_division_must_be_digits():
    first17 = "91" + "3301A0" + "M000100Y4"
    with pytest.raises(InvalidCreditCode, match="characters 3-8"):
        validate_uscc(_with_check(first17))


def test_wrong_check_character_is_refused():
    wrong = PUBLISHED[:17] + "4"
    with pytest.raises(InvalidCreditCode) as info:
        validate_uscc(wrong)
    assert "character 18 should be '3', got '4'" in str(info.value)


def test_wrong_organisation_check_is_refused_even_with_right_overall_check():
    # Position 17 changed from 4 to 5, and the overall check recomputed to match:
    # only the GB 11714 organisation check can catch it.
    first17 = PUBLISHED[:16] + "5"
    code = _with_check(first17)
    with pytest.raises(InvalidCreditCode) as info:
        validate_uscc(code)
    assert "organisation code" in str(info.value)
    assert "should be '4', got '5'" in str(info.value)


def test_messages_are_bilingual():
    with pytest.raises(InvalidCreditCode) as info:
        validate_uscc(PUBLISHED[:17] + "4")
    message = str(info.value)
    assert "校验位" in message and "check character" in message


def test_invalid_code_is_a_refused_input():
    from brandmark.errors import RefusedInput

    assert issubclass(InvalidCreditCode, RefusedInput)
    assert not is_valid_uscc("not a code")


_ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
bodies = st.tuples(
    st.sampled_from(["11", "12", "13", "19", "51", "52", "59", "91", "92", "93", "Y1"]),
    st.text("0123456789", min_size=6, max_size=6),
    st.text(_ORG_CHARS, min_size=8, max_size=8),
)


@given(bodies)
def test_make_uscc_round_trips(parts):
    prefix, division, org_body = parts
    code = make_uscc(prefix, division, org_body)
    assert len(code) == 18
    assert code.startswith(prefix + division + org_body)
    assert validate_uscc(code) == code
    assert validate_uscc(code.lower()) == code


@given(bodies, st.integers(0, 17), st.sampled_from(ALPHABET + "IOSVZ"))
def test_any_single_character_change_is_refused(parts, position, replacement):
    code = make_uscc(*parts)
    if code[position] == replacement:
        replacement = ALPHABET[(ALPHABET.index(replacement) + 1) % len(ALPHABET)]
    changed = code[:position] + replacement + code[position + 1:]
    assert changed != code
    with pytest.raises(InvalidCreditCode):
        validate_uscc(changed)


@given(bodies, st.integers(0, 16))
def test_swapping_two_neighbours_is_refused_when_they_differ(parts, position):
    code = make_uscc(*parts)
    a, b = code[position], code[position + 1]
    if a == b:
        return
    swapped = code[:position] + b + a + code[position + 2:]
    # The weights are distinct in 1..30 and 31 is prime, so (a - b) * (w_i - w_j) is never a
    # multiple of 31: a transposition inside the first 17 always changes the check; swapping
    # characters 17 and 18 would need 27 * (a - b) = 0 mod 31, i.e. a = b.
    assert not is_valid_uscc(swapped)


def _reference_problem(text: str) -> tuple[str, dict] | str:
    """GB 32100's checks in their order, written out character by character: the code, or
    the first problem's code and parameters."""
    code = normalise_uscc(text)
    if not text.strip():
        return "uscc.empty", {}
    if len(code) != 18:
        return "uscc.length", {"code": code, "length": len(code)}
    for position, ch in enumerate(code, start=1):
        if ch not in ALPHABET:
            return "uscc.character", {"position": position, "character": ch}
    if not code[2:8].isdigit():
        return "uscc.division", {"division": code[2:8]}
    total = sum(ALPHABET.index(c) * w for c, w in zip(code, (1, 3, 9, 27, 19, 26, 16, 17, 20, 29,
                                                             25, 13, 8, 24, 10, 30, 28)))
    if code[17] != ALPHABET[(31 - total % 31) % 31]:
        return "uscc.check", {"expected": ALPHABET[(31 - total % 31) % 31], "actual": code[17]}
    org = sum("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".index(c) * w
              for c, w in zip(code[8:16], (3, 7, 9, 10, 5, 8, 4, 2)))
    expected = {10: "X", 11: "0"}.get(11 - org % 11, str(11 - org % 11))
    if code[16] != expected:
        return "uscc.organisation_check", {"expected": expected, "actual": code[16]}
    return code


@given(st.one_of(
    st.text(ALPHABET + "IOSVZ", min_size=18, max_size=18),          # letters outside the alphabet
    st.builds(lambda body: _with_check(body), st.text(ALPHABET, min_size=17, max_size=17)),
    st.builds(make_uscc, st.just("91"), st.text("0123456789", min_size=6, max_size=6),
              st.text(ALPHABET, min_size=8, max_size=8)),
    st.text(ALPHABET + "a- ０Ａ\u3000", max_size=20)))
def test_validation_finds_what_the_checks_written_out_find(text):
    # validate_uscc takes a well-formed code in one match and its sums without a Python loop;
    # the problems and their order must stay those of the standard's checks one by one.
    expected = _reference_problem(text)
    try:
        got = validate_uscc(text)
    except InvalidCreditCode as exc:
        got = (exc.problems[0].code, dict(exc.problems[0].params))
    assert got == expected
