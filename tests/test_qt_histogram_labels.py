"""The histogram's marker labels never overlap one another and no marker's line crosses a
label: "确定值" sat on "P50" (its red line through the text), "Deterministic value" touched
"P10", and P10/P50/P90 bunched at one end printed as "P1P5P90"."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("PySide6")
pytestmark = pytest.mark.gui

from PySide6.QtCore import QRectF  # noqa: E402

from brandmark.chart_layout import LABEL_GAP, place_marker_labels  # noqa: E402
from brandmark.ui.qt_charts import QtHistogramChart  # noqa: E402

CHINESE, ENGLISH = "确定值", "Deterministic value"
ACCEPTANCE = {"P10": 5916.38, "P50": 6364.37, "P90": 6884.43}        # the Xvfb walk's run


def bell(lo: float = 5600, hi: float = 7400, mean: float = 6380, sd: float = 380, bins: int = 40):
    edges = [lo + (hi - lo) * i / bins for i in range(bins + 1)]
    counts = [int(1000 * math.exp(-(((a + b) / 2 - mean) / sd) ** 2 / 2)) for a, b in zip(edges, edges[1:])]
    return counts, edges


def chart(qtbot, markers: dict[str, float], width: int, emphasised: str, data=None) -> QtHistogramChart:
    widget = QtHistogramChart()
    qtbot.addWidget(widget)
    widget.resize(width, 220)
    counts, edges = data or bell()
    widget.set_data(counts, edges, markers, emphasised=emphasised)
    return widget


def problems(widget: QtHistogramChart) -> list[str]:
    """Every overlap of two labels, every line through a label, every label off the widget."""
    rects = widget.label_rects()
    plot = widget._plot_rect()
    labels = {label.name: label for label in widget.marker_labels()}
    found = []
    names = sorted(rects)
    for position, a in enumerate(names):
        rect = rects[a]
        if rect.left() < 0 or rect.right() > widget.width() or rect.top() < 0 or rect.bottom() > plot.top():
            found.append(f"{a} outside the room above the plot: {rect}")
        for b in names[position + 1:]:
            if rect.intersects(rects[b]):
                found.append(f"{a} overlaps {b}")
        for b in names:
            if b == a:
                continue
            line = QRectF(labels[b].x - 0.5, rects[b].top(), 1.0, plot.bottom() - rects[b].top())
            if rect.intersects(line):
                found.append(f"the line of {b} crosses the label {a}")
    return found


def beside_its_line(widget: QtHistogramChart) -> bool:
    return all(abs(label.left - LABEL_GAP - label.x) < 1 or abs(label.right + LABEL_GAP - label.x) < 1
               or label.left <= label.x <= label.right for label in widget.marker_labels())


@pytest.mark.parametrize("width", [260, 300, 420, 480, 640])
@pytest.mark.parametrize(("deterministic", "value"), [
    (CHINESE, 6365.07),         # one unit above P50: the reported overlap
    (ENGLISH, 6365.07),
    (ENGLISH, 5990.0),          # just above P10: "Deterministic value" touched "P10"
    (CHINESE, 5916.38),         # exactly on P10
    (ENGLISH, 6884.43),         # exactly on P90, near the right edge
])
def test_no_label_overlaps_another_or_is_crossed_by_a_line(qtbot, width, deterministic, value):
    widget = chart(qtbot, {**ACCEPTANCE, deterministic: value}, width, deterministic)
    assert problems(widget) == []
    assert beside_its_line(widget)
    assert set(widget.label_rects()) == {"P10", "P50", "P90", deterministic}


def test_markers_bunched_at_the_right_edge_stay_legible(qtbot):
    widget = chart(qtbot, {"P10": 93.0, "P50": 96.0, "P90": 99.0, ENGLISH: 100.0}, 300, ENGLISH,
                   data=bell(0, 100, 60, 10))
    assert problems(widget) == []
    assert all(rect.right() <= widget.width() for rect in widget.label_rects().values())


def test_markers_far_apart_share_one_row_and_leave_the_plot_its_height(qtbot):
    spread = chart(qtbot, {"P10": 5700.0, "P50": 6300.0, "P90": 7300.0}, 640, "")
    assert {label.row for label in spread.marker_labels()} == {0}
    crowded = chart(qtbot, {**ACCEPTANCE, CHINESE: 6365.07}, 640, CHINESE)
    assert max(label.row for label in crowded.marker_labels()) >= 1
    assert spread._plot_rect().height() > crowded._plot_rect().height()


def test_the_bars_stay_below_the_labels(qtbot):
    widget = chart(qtbot, {**ACCEPTANCE, CHINESE: 6365.07}, 300, CHINESE)
    lowest_label = max(rect.bottom() for rect in widget.label_rects().values())
    assert all(bar.top() >= lowest_label for bar in widget.bar_rects())


@given(values=st.lists(st.floats(0, 1000), min_size=1, max_size=5),
       widths=st.lists(st.integers(14, 130), min_size=5, max_size=5),
       room=st.integers(300, 900))
def test_placed_labels_never_collide(values, widths, room):
    """Any values, any label widths: labels apart, and no line through another's label."""
    markers = [(f"m{i}", 10 + value / 1000 * (room - 20), widths[i]) for i, value in enumerate(values)]
    placed = place_marker_labels(markers, room)
    for a in placed:
        assert a.right - a.left == pytest.approx(dict((n, w) for n, _x, w in markers)[a.name])
        for b in placed:
            if a is b:
                continue
            if a.row == b.row:
                assert a.right <= b.left or b.right <= a.left, (a, b)
            if b.row >= a.row:                  # b's line runs down through a's row
                assert not a.left < b.x < a.right, (a, b)
