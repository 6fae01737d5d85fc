"""Chart geometry shared by the window's charts and the PDF reports: axis ticks, axis
numbers, and marker labels that never collide. Pure arithmetic, no Qt, no reportlab.

>>> nice_ticks(0, 10, 5)
[0.0, 2.5, 5.0, 7.5, 10.0]
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """About ``count`` round values covering [low, high] (the report's and the window's axes).

    >>> nice_ticks(0, 10, 5)
    [0.0, 2.5, 5.0, 7.5, 10.0]
    """
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        return [low] if math.isfinite(low) else []
    raw = (high - low) / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    value = math.ceil(low / step) * step
    ticks = []
    while value <= high + step * 1e-9:
        ticks.append(float(value))
        value += step
    return ticks


def nice_top(high: float, count: int = 5) -> float:
    """The round value a bar chart's scale ends at: the first tick of ``nice_ticks(0, high)``
    at or above ``high``, so the longest bar never runs past the axis (1.0 for nothing).

    >>> nice_top(34), nice_top(118), nice_top(30), nice_top(0)
    (40.0, 150.0, 30.0, 1.0)
    """
    if not math.isfinite(high) or high <= 0:
        return 1.0
    ticks = nice_ticks(0, high, count)
    if len(ticks) < 2:
        return float(high)
    step = ticks[1] - ticks[0]
    top = ticks[-1]
    while top < high - step * 1e-9:
        top += step
    return float(top)


def compact_number(value: float) -> str:
    """A number for an axis or a bar end: no decimals once it is large.

    >>> compact_number(4832.67), compact_number(0.0123456), compact_number(float("nan"))
    ('4,833', '0.01235', '—')
    """
    if not math.isfinite(value):
        return "—"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.4g}"


LABEL_GAP = 4      # between a marker's line and its label
LABEL_PAD = 6      # the least clear space around a label, for other labels and lines
ROW_GAP = 3        # between label rows
MAX_SIDE_SEARCH = 6   # markers whose label sides are searched (3**6 tries); the chart has four


@dataclass(frozen=True)
class MarkerLabel:
    """Where a marker's label goes: ``row`` 0 is just above the plot; ``left``/``right`` its span.
    The marker's line runs from its own row down to the axis."""
    name: str
    x: float
    row: int
    left: float
    right: float


def place_marker_labels(markers: list[tuple[str, float, float]], width: float) -> list[MarkerLabel]:
    """Labels for vertical markers that never overlap one another and no line crosses.

    ``markers`` is ``(name, x, label width)``; ``width`` the room there is. Each label sits
    beside the top of its line like a flag (to the right; to the left where the right has no
    room). A label another marker's line would cross goes on a higher row than that marker's
    label, so the line stops below it; labels that would touch go on different rows. Markers
    far apart share the bottom row.

    >>> [(m.name, m.row) for m in place_marker_labels([("P50", 200, 24), ("确定值", 201, 36)], 480)]
    [('P50', 1), ('确定值', 0)]
    >>> [(m.name, m.row) for m in place_marker_labels([("P10", 50, 24), ("P90", 400, 24)], 480)]
    [('P10', 0), ('P90', 0)]
    """
    def span(x: float, label: float, side: str) -> tuple[float, float]:
        if side == "right":
            return x + LABEL_GAP, x + LABEL_GAP + label
        if side == "left":
            return x - LABEL_GAP - label, x - LABEL_GAP
        left = min(max(x - label / 2, 0.0), max(width - label, 0.0))     # no room either side
        return left, left + label

    def fits(x: float, label: float, side: str) -> bool:
        left, right = span(x, label, side)
        return left >= 0 and right <= width

    count = len(markers)

    def crossings(sides: tuple[str, ...], pad: float) -> dict[int, set[int]]:
        """For each marker, the markers whose lines pass within ``pad`` of its label (through it, for 0)."""
        spans = [span(x, label, side) for (_name, x, label), side in zip(markers, sides)]

        def near(m: int, n: int) -> bool:
            left, right, x = spans[m][0] - pad, spans[m][1] + pad, markers[n][1]
            return left < x < right if pad == 0 else left <= x <= right

        return {m: {n for n in range(count) if n != m and near(m, n)} for m in range(count)}

    def acyclic(below: dict[int, set[int]]) -> bool:
        placed: set[int] = set()
        while len(placed) < count:
            ready = {m for m in range(count) if m not in placed and below[m] <= placed}
            if not ready:
                return False
            placed |= ready
        return True

    # Each flag faces right, else left, else is centred. Two flags facing each other across
    # both lines cannot stand one above the other, so turn as few flags as needed (to the
    # other side, or centred on the line) until every label can go above the lines crossing it;
    # only when no such choice exists may a label stick out of the room.
    preferred = [[side for side in ("right", "left") if fits(x, label, side)] + ["centre"]
                 + [side for side in ("right", "left") if not fits(x, label, side)]
                 for _name, x, label in markers]

    def cost(sides: tuple[str, ...]) -> tuple[int, int]:
        outside = sum(side != "centre" and not fits(x, label, side) for (_n, x, label), side in zip(markers, sides))
        return outside, sum(side != p[0] for side, p in zip(sides, preferred))

    choices = sorted(itertools.product(*preferred) if count <= MAX_SIDE_SEARCH else [tuple(p[0] for p in preferred)],
                     key=cost)
    sides, below = choices[0], crossings(choices[0], LABEL_PAD / 2)
    for pad in (LABEL_PAD / 2, 0.0):     # with the clear space if possible, else without
        found = next((s for s in choices if acyclic(crossings(s, pad))), None)
        if found is not None:
            sides, below = found, crossings(found, pad)
            break
    rows: dict[int, int] = {}
    spans = [span(x, label, side) for (_name, x, label), side in zip(markers, sides)]
    while len(rows) < count:
        ready = [m for m in range(count) if m not in rows and below[m] <= rows.keys()]
        if not ready:            # a cycle left over (no room to turn): stack the rest in order
            ready = [m for m in range(count) if m not in rows]
            for m in ready:
                below[m] &= rows.keys()
        for m in sorted(ready, key=lambda m: markers[m][1]):
            row = max((rows[n] + 1 for n in below[m]), default=0)
            left, right = spans[m]
            while any(rows[n] == row and spans[n][0] < right + LABEL_PAD and left < spans[n][1] + LABEL_PAD
                      for n in rows):
                row += 1
            rows[m] = row
    return [MarkerLabel(name, x, rows[m], *spans[m]) for m, (name, x, _label) in enumerate(markers)]
