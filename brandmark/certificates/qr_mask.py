"""The QR data mask chosen by the ISO/IEC 18004 penalty rule, with numpy.

segno tries all eight masks in pure Python (about 80 % of a certificate's QR time); the
choice is the same work over whole arrays here. The rule is the one segno applies
(ISO/IEC 18004:2015 7.8.3.1, evaluated before format and version information are
written, exactly as segno does), so the symbol is the one segno itself would make:
``tests/test_qr_mask.py`` compares both, module by module, over many random payloads.

Only segno's encoder produces the codewords: ``segno.make(..., mask=0)`` skips segno's
evaluation, and its data region is unmasked and re-masked here.

>>> matrix_with_best_mask("BM1:ABC") == [list(map(bool, row)) for row in
...     __import__("segno").make("BM1:ABC", error="m", micro=False, boost_error=False).matrix]
True
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import segno
from segno import consts, encoder

_FINDER_LIKE = np.array([1, 0, 1, 1, 1, 0, 1], dtype=np.uint8)


@lru_cache(maxsize=8)
def _layout(width: int):
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


def _run_penalty(lines: np.ndarray) -> np.ndarray:
    """N1 for each candidate: every run of 5 + i same-coloured modules costs 3 + i.

    ``lines`` has shape (candidates, lines, width).
    """
    candidates, count, width = lines.shape
    changes = np.ones((candidates, count, width + 1), dtype=bool)
    changes[:, :, 1:width] = lines[:, :, 1:] != lines[:, :, :-1]
    starts = np.flatnonzero(changes.ravel())
    lengths = np.diff(starts)
    owner = starts[:-1] // (count * (width + 1))
    keep = (lengths >= 5) & (starts[:-1] % (width + 1) != width)
    return np.bincount(owner[keep], weights=lengths[keep] - 2, minlength=candidates).astype(np.int64)


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


def _all_finder_like_penalties(lines: np.ndarray) -> np.ndarray:
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
    score = 40 * qualified.sum(axis=(1, 2))
    # Where matches overlap (4 or 6 apart), the left-to-right scan can skip one: count those
    # lines the slow way.
    overlapping = (matches[:, :, :-4] & matches[:, :, 4:]).any(axis=2) | (matches[:, :, :-6] & matches[:, :, 6:]).any(axis=2)
    for candidate, line_no in zip(*np.nonzero(overlapping)):
        score[candidate] += (_finder_like_penalty(lines[candidate, line_no].tobytes())
                             - 40 * int(qualified[candidate, line_no].sum()))
    return score


def _penalties(candidates: np.ndarray) -> np.ndarray:
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


def matrix_with_best_mask(text: str, error: str = "m") -> list[list[bool]]:
    """The QR code for ``text`` (no micro QR, no error boost), mask chosen by the penalty rule."""
    code = segno.make(text, error=error, micro=False, boost_error=False, mask=0)
    final = np.array([list(row) for row in code.matrix], dtype=np.uint8)
    width = final.shape[0]
    region, reserved, patterns = _layout(width)
    data = final ^ patterns[0]
    candidates = np.where(region, data[None] ^ patterns, reserved[None])
    best = int(np.argmin(_penalties(candidates)))     # the first of equal scores, as segno
    if best:
        rows = tuple(bytearray(row) for row in np.where(region, data ^ patterns[best], final).tolist())
        encoder.add_format_info(rows, code.version, consts.ERROR_MAPPING[error.upper()], best)
        final = np.array([list(row) for row in rows], dtype=np.uint8)
    return final.astype(bool).tolist()
