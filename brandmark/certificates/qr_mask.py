"""The QR data mask chosen by the ISO/IEC 18004 penalty rule, with numpy.

segno tries all eight masks in pure Python (about 80 % of a certificate's QR time); the
choice is the same work over whole arrays here. The rule is the one segno applies
(ISO/IEC 18004:2015 7.8.3.1, evaluated before format and version information are
written, exactly as segno does), so the symbol is the one segno itself would make:
``tests/test_qr_mask.py`` compares both, module by module, over many random payloads.

Only segno's encoder produces the codewords (its segments, version, padding and
Reed-Solomon blocks); placing them in the symbol and masking it, pure-Python loops over
every module in segno, are array operations here.

>>> matrix_with_best_mask("BM1:ABC") == [list(map(bool, row)) for row in
...     __import__("segno").make("BM1:ABC", error="m", micro=False, boost_error=False).matrix]
True
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
import segno
from numpy.typing import NDArray
from segno import consts
from segno import encoder as _segno_encoder

# segno's version tables (untyped): capacity in bits and the error-correction blocks, by
# version and error level.
_SYMBOL_CAPACITY: Any = consts.SYMBOL_CAPACITY
_ECC: Any = consts.ECC
# segno's encoder functions are untyped too: called through a name typed Any.
encoder: Any = _segno_encoder

_FINDER_LIKE = np.array([1, 0, 1, 1, 1, 0, 1], dtype=np.uint8)


@lru_cache(maxsize=8)
def _layout(width: int) -> tuple[NDArray[np.bool_], NDArray[np.uint8], NDArray[np.uint8]]:
    """For a symbol of this width: the data region and the eight mask patterns over it."""
    function_matrix = encoder.make_matrix(width, width)
    encoder.add_finder_patterns(function_matrix, width, width)
    encoder.add_alignment_patterns(function_matrix, width, width)
    # While masks are evaluated, the function patterns are drawn and the format and version
    # areas (the dark module's place included) hold 0.
    functions = np.array([list(row) for row in function_matrix], dtype=np.uint8)
    function_matrix[-8][8] = 0x1          # the dark module is not data
    region = np.array([list(row) for row in function_matrix], dtype=np.uint8) > 1
    reserved = np.where(region, 0, functions).astype(np.uint8)
    rows, cols = np.indices((width, width))
    patterns = np.stack([np.asarray(fn(rows, cols), dtype=bool) & region
                         for fn in encoder.get_data_mask_functions(False)]).astype(np.uint8)
    return region, reserved, patterns


def _run_penalty(lines: NDArray[np.uint8]) -> NDArray[np.int64]:
    """N1 for each candidate: every run of 5 + i same-coloured modules costs 3 + i.

    ``lines`` has shape (candidates, lines, width). A run of L >= 5 holds L - 4 windows of
    five equal modules, and its first window starts it, so its cost L - 2 is the count of
    its windows plus twice the count of its starts.
    """
    same = lines[:, :, 1:] == lines[:, :, :-1]
    five = same[:, :, :-3] & same[:, :, 1:-2] & same[:, :, 2:-1] & same[:, :, 3:]
    starts = five.copy()
    starts[:, :, 1:] &= ~same[:, :, :five.shape[2] - 1]
    penalty: NDArray[np.int64] = five.sum(axis=(1, 2), dtype=np.int64) + 2 * starts.sum(axis=(1, 2), dtype=np.int64)
    return penalty


_FINDER_LIKE_BYTES = _FINDER_LIKE.tobytes()


def _finder_like_penalty(line: bytes) -> int:
    """N3 along one line, scanning left to right as segno does.

    A counted match at ``idx`` moves the scan to ``idx + 7`` (so a match overlapping it at
    ``idx + 4`` or ``idx + 6`` is not counted); one without the light area moves it to
    ``idx + 4``.
    """
    size = len(line)
    score = 0
    idx = line.find(_FINDER_LIKE_BYTES)
    while idx != -1:
        after = idx + 7
        if idx in (0, size - 7) or not any(line[max(idx - 4, 0):idx]) or not any(line[after:after + 4]):
            score += 40
        else:
            after = idx + 4
        idx = line.find(_FINDER_LIKE_BYTES, after)
    return score


def _all_finder_like_penalties(lines: NDArray[np.uint8]) -> NDArray[np.int64]:
    """N3 for each candidate; ``lines`` has shape (candidates, lines, width)."""
    candidates, count, width = lines.shape
    dark = lines.astype(bool)
    positions = width - 6
    matches = np.ones((candidates, count, positions), dtype=bool)
    for offset, module in enumerate(_FINDER_LIKE):
        shifted = dark[:, :, offset:offset + positions]
        matches &= shifted if module else ~shifted
    # Four light modules before or after (fewer at the symbol's edge, which the quiet zone
    # continues), or the match touching the edge.
    padded = np.pad(dark, ((0, 0), (0, 0), (4, 4)))
    dark_runs = padded[:, :, :-3] | padded[:, :, 1:-2] | padded[:, :, 2:-1] | padded[:, :, 3:]
    light_before = ~dark_runs[:, :, :width - 6]
    light_after = ~dark_runs[:, :, 11:width + 5]
    qualified = matches & (light_before | light_after)
    qualified[:, :, 0] |= matches[:, :, 0]
    qualified[:, :, width - 7] |= matches[:, :, width - 7]
    score: NDArray[np.int64] = 40 * qualified.sum(axis=(1, 2))
    # Where matches overlap (4 or 6 apart), the left-to-right scan can skip one: count those
    # lines the slow way.
    overlapping = (matches[:, :, :-4] & matches[:, :, 4:]).any(axis=2) | (matches[:, :, :-6] & matches[:, :, 6:]).any(axis=2)
    owners, line_numbers = np.nonzero(overlapping)
    if len(owners):
        counted = qualified[owners, line_numbers].sum(axis=1)
        score -= 40 * np.bincount(owners, weights=counted, minlength=candidates).astype(np.int64)
        for candidate, line in zip(owners.tolist(), lines[owners, line_numbers]):
            score[candidate] += _finder_like_penalty(line.tobytes())
    return score


def _penalties(candidates: NDArray[np.uint8]) -> NDArray[np.int64]:
    """The penalty score (N1 + N2 + N3 + N4) of each candidate symbol."""
    width = candidates.shape[1]
    both_ways = np.concatenate([candidates, candidates.transpose(0, 2, 1)], axis=1)
    score = _run_penalty(both_ways)
    top_left = candidates[:, :-1, :-1]
    blocks = ((top_left == candidates[:, 1:, :-1]) & (top_left == candidates[:, :-1, 1:])
              & (top_left == candidates[:, 1:, 1:]))
    score += 3 * blocks.sum(axis=(1, 2))
    score += _all_finder_like_penalties(both_ways)
    dark = candidates.sum(axis=(1, 2)) / (width * width)
    score += 10 * (np.abs(dark * 100 - 50) / 5).astype(np.int64)
    return score


@lru_cache(maxsize=8)
def _placement(version: int) -> tuple[NDArray[np.intp], NDArray[np.uint8]]:
    """For a version: the flat positions of the data region in codeword order (ISO/IEC 18004
    7.7.3, two-module columns alternately upwards and downwards from the right, as segno's
    ``add_codewords`` walks them), and the function patterns with the version information."""
    width = encoder.calc_matrix_size(version)
    region = _layout(width)[0]
    order = []
    for right in range(width - 1, 0, -2):
        if right <= 6:
            right -= 1
        for vertical in range(width):
            for z in (0, 1):
                j = right - z
                upwards = ((right & 2) == 0) ^ (j < 6)
                i = (width - 1 - vertical) if upwards else vertical
                if region[i, j]:
                    order.append(i * width + j)
    fixed = encoder.make_matrix(width, width)
    encoder.add_finder_patterns(fixed, width, width)
    encoder.add_alignment_patterns(fixed, width, width)
    encoder.add_version_info(fixed, version)
    return np.array(order, dtype=np.intp), np.array([list(row) for row in fixed], dtype=np.uint8)


def _final_message(text: str, error: int) -> tuple[int, NDArray[np.uint8]]:
    """The version and the final message's bits (data and error codewords interleaved, then
    the remainder bits), by segno's own encoder steps for ``segno.make(text, error=...,
    micro=False, boost_error=False)`` up to its codeword placement."""
    segments = encoder.prepare_data(text, None, None)
    version = encoder.find_version(segments, error, eci=False, micro=False)
    buff = encoder.Buffer()
    version_range = encoder.version_range(version)
    for segment in segments:
        encoder.write_segment(buff, segment, None, version_range, False)
    capacity = _SYMBOL_CAPACITY[version][error]
    encoder.write_terminator(buff, capacity, None, len(buff))
    encoder.write_padding_bits(buff, version, len(buff))
    encoder.write_pad_codewords(buff, version, capacity, len(buff))
    data_blocks, error_blocks = encoder.make_blocks(_ECC[version][error], buff)
    codewords = bytearray()
    for blocks in (data_blocks, error_blocks):
        longest = max(len(block) for block in blocks)
        for position in range(longest):
            codewords.extend(block[position] for block in blocks if position < len(block))
    return version, np.unpackbits(np.frombuffer(bytes(codewords), dtype=np.uint8))


def matrix_with_best_mask(text: str, error: str = "m") -> list[list[bool]]:
    """The QR code for ``text`` (no micro QR, no error boost), mask chosen by the penalty rule."""
    level = consts.ERROR_MAPPING[error.upper()]
    version, bits = _final_message(text, level)
    order, fixed = _placement(version)
    width = fixed.shape[0]
    region, reserved, patterns = _layout(width)
    data = np.zeros(width * width, dtype=np.uint8)
    data[order[:len(bits)]] = bits           # the remainder bits, if any, stay 0 (light)
    data = data.reshape(width, width)
    candidates = np.where(region, data[None] ^ patterns, reserved[None])
    best = int(np.argmin(_penalties(candidates)))     # the first of equal scores, as segno
    rows = tuple(bytearray(row) for row in np.where(region, data ^ patterns[best], fixed).tolist())
    encoder.add_format_info(rows, version, level, best)
    return np.frombuffer(b"".join(rows), dtype=np.uint8).reshape(width, width).astype(bool).tolist()
