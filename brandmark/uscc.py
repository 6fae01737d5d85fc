"""The unified social credit code (统一社会信用代码, GB 32100-2015).

18 characters from ``0123456789ABCDEFGHJKLMNPQRTUWXY``: registration authority (1),
organisation category (1), administrative division (6 digits), organisation code
(9, its last character a GB 11714 check) and a check character over the first 17.

>>> validate_uscc(' 91350100m000100y43 ')
'91350100M000100Y43'
"""

from __future__ import annotations

import re
from operator import mul

from brandmark.errors import RefusedInput

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

# GB 11714: the organisation code's characters count 0-9 then A=10 .. Z=35.
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ORG_VALUE = {ch: i for i, ch in enumerate(_ORG_CHARACTERS)}
# A code of the alphabet's characters with the division's six digits: the common case,
# checked in one match before the character-by-character search for what is wrong.
_WELL_FORMED = re.compile(f"[{ALPHABET}]{{2}}[0-9]{{6}}[{ALPHABET}]{{10}}")
# A well-formed code's characters as their values, one byte each, by ``bytes.translate`` (a loop
# in C): the alphabet's for the overall check, GB 11714's for the organisation check.
_VALUE_BYTES = bytes.maketrans(ALPHABET.encode(), bytes(range(len(ALPHABET))))
_ORG_VALUE_BYTES = bytes.maketrans(_ORG_CHARACTERS.encode(), bytes(range(len(_ORG_CHARACTERS))))
_ORG_CHECK = "?123456789X0"           # 11 - (sum mod 11), from 1 to 11

# Full-width forms and separators people paste from documents.
_TRANSLATE: dict[int, int | None] = {ord(c): None for c in " \t\r\n\u3000-_\u2014\u2013"}
_TRANSLATE.update({0xFF10 + i: ord("0") + i for i in range(10)})
_TRANSLATE.update({0xFF21 + i: ord("A") + i for i in range(26)})
_TRANSLATE.update({0xFF41 + i: ord("A") + i for i in range(26)})


# The field every refusal here names (the applicant's ``uscc``).
FIELD = ("uscc",)


class InvalidCreditCode(RefusedInput):
    """The code is not a valid unified social credit code; its problem says why (``uscc.*``)."""


def normalise_uscc(text: str) -> str:
    """Upper-case, drop spaces and dashes, fold full-width characters."""
    return str(text).translate(_TRANSLATE).upper()


def check_character(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters."""
    total = sum(map(mul, _WEIGHTS, map(_VALUE.__getitem__, first17)))
    return ALPHABET[(31 - total % 31) % 31]


def organisation_check(first8: str) -> str:
    """The GB 11714 check character for an organisation code's first 8 characters."""
    total = sum(map(mul, _ORG_WEIGHTS, map(_ORG_VALUE.__getitem__, first8)))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def validate_uscc(text: str) -> str:
    """Return the normalised code, or raise ``InvalidCreditCode`` saying what is wrong.

    >>> try:
    ...     validate_uscc("91350100M000100Y44")
    ... except InvalidCreditCode as exc:
    ...     print(exc.problems[0].code, dict(exc.problems[0].params))
    uscc.check {'expected': '3', 'actual': '4'}
    """
    if text.__class__ is str and _WELL_FORMED.fullmatch(text) is not None:
        # Already as normalise_uscc gives it (nothing to drop or fold): only the checks.
        return _checked_well_formed(text)
    if text is None or not str(text).strip():
        raise InvalidCreditCode.of("uscc.empty", FIELD)
    code = normalise_uscc(text)
    if len(code) != 18:
        raise InvalidCreditCode.of("uscc.length", FIELD, code=code, length=len(code))
    if _WELL_FORMED.fullmatch(code) is None:
        for position, ch in enumerate(code, start=1):
            if ch not in _VALUE:
                raise InvalidCreditCode.of("uscc.character", FIELD, position=position, character=ch)
        if not code[2:8].isdigit():
            raise InvalidCreditCode.of("uscc.division", FIELD, division=code[2:8])
    expected = check_character(code[:17])
    if code[17] != expected:
        raise InvalidCreditCode.of("uscc.check", FIELD, expected=expected, actual=code[17])
    org_expected = organisation_check(code[8:16])
    if code[16] != org_expected:
        raise InvalidCreditCode.of("uscc.organisation_check", FIELD, expected=org_expected, actual=code[16])
    return code


def _checked_well_formed(code: str) -> str:
    """``code`` (18 characters of the alphabet, its division digits) if both check characters
    are right, else the refusal ``validate_uscc`` gives; the checks of ``check_character`` and
    ``organisation_check`` over the characters' values as bytes."""
    data = code.encode("ascii")
    expected = ALPHABET[(31 - sum(map(mul, _WEIGHTS, data.translate(_VALUE_BYTES))) % 31) % 31]
    if code[17] != expected:
        raise InvalidCreditCode.of("uscc.check", FIELD, expected=expected, actual=code[17])
    org_expected = _ORG_CHECK[11 - sum(map(mul, _ORG_WEIGHTS, data[8:16].translate(_ORG_VALUE_BYTES))) % 11]
    if code[16] != org_expected:
        raise InvalidCreditCode.of("uscc.organisation_check", FIELD, expected=org_expected, actual=code[16])
    return code


def is_valid_uscc(text: str) -> bool:
    try:
        validate_uscc(text)
    except InvalidCreditCode:
        return False
    return True


def make_uscc(prefix: str = "91", division: str = "330100", org_body: str = "00000001") -> str:
    """Build a valid code from its parts (for demo data and tests)."""
    first16 = normalise_uscc(prefix + division + org_body)
    first16 += organisation_check(first16[8:16])
    return first16 + check_character(first16)
