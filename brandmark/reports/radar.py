"""The section-score radar chart (reportlab graphics), drawn on a fixed 0-100 % scale.

Each spoke is one scored section; its value is the section's score as a percentage of
the section's maximum, so sections of different weight compare fairly. The numbers
come from the scorer (``ScoreResult.sections``); this module only draws them. The
drawing is a flowable, or None when fewer than three sections carry score.

>>> from brandmark.demo import demo_value
>>> from brandmark.packs import bundled_pack_paths, load_pack
>>> from brandmark.scoring.scorer import score_assessment
>>> pack = next(load_pack(path) for path in bundled_pack_paths() if path.stem == "zhejiang-agri")
>>> result = score_assessment(pack, {item.id: demo_value(item) for item in pack.items()})
>>> drawing = radar_from_sections(result.sections)       # a flowable: story.append(drawing)
>>> type(drawing).__name__, drawing.width > 0
('Drawing', True)
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from brandmark.fonts import register_pdf_fonts
from brandmark.reports.layout import ACCENT, INK, MUTED, RULE

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing


class ScoredSection(Protocol):
    """What a spoke is read from: a ScoreResult's SectionScore, or anything shaped like it."""

    @property
    def title(self) -> str: ...
    @property
    def score(self) -> float: ...
    @property
    def max(self) -> float: ...


MIN_SPOKES = 3        # fewer sections make a line, not a shape; the table says it all then
RINGS = (20, 40, 60, 80, 100)


@dataclass(frozen=True)
class Spoke:
    label: str
    percent: float     # 0..100


def short_label(title: str, limit: int = 10) -> str:
    """A section title without its parenthesised aside, cut to ``limit`` characters.

    >>> short_label("产品检验（示例产品：电水壶）")
    '产品检验'
    """
    bare = re.sub(r"[（(][^）)]*[）)]", "", title).strip() or title.strip()
    return bare if len(bare) <= limit else bare[: limit - 1] + "…"


def spokes_from_sections(sections: Sequence[ScoredSection]) -> list[Spoke]:
    """One spoke per section that carries score (gate sections with max 0 are skipped).

    >>> from types import SimpleNamespace as Section
    >>> spokes_from_sections([Section(title="申请条件", score=0, max=0),
    ...                       Section(title="质量管理（含追溯）", score=18, max=20)])
    [Spoke(label='质量管理', percent=90.0)]
    """
    spokes: list[Spoke] = []
    for section in sections:
        maximum = float(section.max)
        if maximum <= 0:
            continue
        percent = max(0.0, min(100.0, float(section.score) / maximum * 100.0))
        spokes.append(Spoke(short_label(section.title), percent))
    return spokes


def radar_chart(spokes: Sequence[Spoke], *, width: float = 420, height: float = 250) -> Drawing | None:
    """A ``Drawing`` with rings at 20 % steps, the score polygon and labelled spokes.

    Returns None when there are fewer than ``MIN_SPOKES`` spokes.

    >>> drawing = radar_chart([Spoke("检验", 50.0), Spoke("审核", 83.3), Spoke("特征", 50.0)])
    >>> drawing.width, drawing.height
    (420, 250)
    >>> radar_chart([Spoke("检验", 50.0)]) is None
    True
    """
    if len(spokes) < MIN_SPOKES:
        return None
    from reportlab.graphics.charts.spider import SpiderChart
    from reportlab.graphics.shapes import Drawing, Polygon, String
    from reportlab.lib import colors

    font = register_pdf_fonts()

    class PercentSpider(SpiderChart):
        """SpiderChart scales to its largest value; a score chart needs a fixed 100 % rim."""

        def normalizeData(self, outer: float = 0.0) -> list[list[float]]:  # noqa: N802 — reportlab's name
            self._norm = 100.0
            return [[value / 100.0 for value in row] for row in self.data]

    drawing = Drawing(width, height)
    drawing.initialFontName = font          # else the drawing references Helvetica
    radius = min(width / 2 - 80, height / 2 - 30)    # room for two-line labels round the rim
    cx, cy = width / 2, height / 2
    n = len(spokes)
    angles = [math.pi / 2 - 2 * math.pi * i / n for i in range(n)]   # clockwise from the top
    for ring in RINGS:
        r = radius * ring / 100
        points = []
        for angle in angles:
            points += [cx + r * math.cos(angle), cy + r * math.sin(angle)]
        drawing.add(Polygon(points, fillColor=None, strokeColor=colors.HexColor(RULE),
                            strokeWidth=0.5 if ring < 100 else 0.8))

    chart = PercentSpider()
    chart.x, chart.y = cx - radius, cy - radius
    chart.width = chart.height = 2 * radius
    chart.data = [[s.percent for s in spokes]]
    chart.labels = None
    chart.startAngle = 90
    chart.direction = "clockwise"
    chart.strands[0].strokeColor = colors.HexColor(ACCENT)
    chart.strands[0].strokeWidth = 1.4
    chart.strands[0].fillColor = colors.Color(0.54, 0.11, 0.11, alpha=0.18)
    chart.strands[0].symbol = "FilledCircle"
    chart.strands[0].symbolSize = 3.5
    chart.spokes.strokeColor = colors.HexColor(RULE)
    chart.spokes.strokeWidth = 0.5
    drawing.add(chart)

    # Ring values along the first (top) spoke, small and grey, over the polygon.
    for ring in RINGS[:-1]:
        drawing.add(String(cx + 2, cy + radius * ring / 100 + 1, f"{ring}", fontName=font, fontSize=5.5,
                           fillColor=colors.HexColor(MUTED)))
    # Labels placed by hand: SpiderChart centres them on the spoke end, so they overlap the rim.
    for spoke, angle in zip(spokes, angles):
        cos, sin = math.cos(angle), math.sin(angle)
        x, y = cx + (radius + 8) * cos, cy + (radius + 8) * sin
        anchor = "start" if cos > 0.2 else "end" if cos < -0.2 else "middle"
        # Two lines (title, percent), ~18 pt tall: above the point on the upper half,
        # below it on the lower half, centred on it at the sides.
        first = y + 11 if sin > 0.2 else y - 8 if sin < -0.2 else y + 2
        drawing.add(String(x, first, spoke.label, fontName=font, fontSize=7.5, textAnchor=anchor,
                           fillColor=colors.HexColor(INK)))
        drawing.add(String(x, first - 9, f"{spoke.percent:.0f}%", fontName=font, fontSize=7.5,
                           textAnchor=anchor, fillColor=colors.HexColor(ACCENT)))
    drawing.hAlign = "CENTER"
    return drawing


def radar_from_sections(sections: Sequence[ScoredSection], **size: float) -> Drawing | None:
    """``radar_chart`` for a ScoreResult's sections (None if fewer than three are scored)."""
    return radar_chart(spokes_from_sections(sections), **size)
