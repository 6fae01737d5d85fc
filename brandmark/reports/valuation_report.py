"""The brand-value estimate report (品牌价值估算报告): a PDF, Chinese first with English beside.

It states what an honest estimate needs (ISO 10668 / GB/T 29187): purpose, valuation
date, what brand is valued, the method and why, every input with its source, the
assumptions, the deterministic value, the Monte Carlo range (P10 / P50 / P90, mean) with a
histogram, the sensitivity (tornado), rejected draws and the seed to repeat the run, and a
plain statement that the figure is an estimate, not a certified value.

A saved estimate of an applicant's brand, and its report:

>>> import tempfile
>>> from pathlib import Path
>>> from brandmark.scoring.valuation import parse_inputs, run_monte_carlo
>>> from brandmark.store import Store
>>> store = Store(":memory:", load_bundled_packs=False)
>>> applicant = store.applicants.add(name="湖州太湖茶业合作社", uscc="93330523MA2B7K0Q6Q", actor="管理员")
>>> inputs = parse_inputs({"method": "relief-from-royalty", "revenues": [1200, 1300, 1400],
...                        "royalty_rate": {"dist": "triangular", "low": 0.02, "mode": 0.03, "high": 0.04},
...                        "tax_rate": 0.25, "discount_rate": 0.12})
>>> estimate_id = store.valuations.save(applicant, inputs, run_monte_carlo(inputs, trials=2_000, seed=7), by="赵六")
>>> report = ValuationReport.from_estimate(store, estimate_id)
>>> folder = tempfile.TemporaryDirectory()
>>> write_valuation_report(Path(folder.name) / "estimate.pdf", report) >= 3
True
>>> folder.cleanup()

The numbers come from the engine (``brandmark.scoring.valuation``) and the store; this
module only lays them out. Every text from the database or the input file is escaped.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from brandmark.chart_layout import compact_number, nice_ticks, place_marker_labels
from brandmark.errors import RefusedInput
from brandmark.reports.common import when
from brandmark.reports.layout import (
    ACCENT, CONTENT_WIDTH, INK, MUTED, RULE, DocumentMeta, Progress, bilingual, build_document,
    data_table, escape, field_table, notice_box, paragraph, spacer, text,
)
from brandmark.messages import catalogue, describe_field
from brandmark.scoring.valuation import RELIEF_FROM_ROYALTY, ValuationInputs, parse_inputs
from brandmark.scoring.valuation.distributions import (  # noqa: F401 — format_amount is also read from here
    Fixed, LogNormal, Normal, Triangular, Uniform, format_amount, format_number,
)
from brandmark.scoring.valuation.errors import input_field
from brandmark.scoring.valuation.strength import format_score

if TYPE_CHECKING:
    from collections.abc import Callable

    from reportlab.graphics.shapes import Drawing
    from reportlab.platypus import Paragraph, Table

    from brandmark.scoring.valuation import MonteCarloResult
    from brandmark.scoring.valuation.distributions import Quantity
    from brandmark.store import Store
    from brandmark.valuation_prefill import BrandStrength

ESTIMATE_NOTICE_ZH = "本报告为估算，非认证价值。"
ESTIMATE_NOTICE_EN = "This report is an estimate, not a certified value."
TORNADO_BARS = 10          # the chart shows the widest swings; the table lists every input
LOW_COLOUR = "#2f6f9f"     # an input at its P10
HIGH_COLOUR = "#c07a1a"    # an input at its P90

_RATE_PATHS = re.compile(r"^(royalty_rate(_range\.(low|high))?|tax_rate|discount_rate|terminal_growth|"
                         r"contributory_assets\[\d+\]\.return)$")

METHOD_NAMES = {
    RELIEF_FROM_ROYALTY: ("提成率节省法", "Relief from royalty"),
    "excess-earnings": ("多期超额收益法", "Multi-period excess earnings"),
}


# -- labels and formatting ---------------------------------------------------------------

def input_label(path: str, inputs: ValuationInputs | None = None) -> tuple[str, str]:
    """A model input's path (as the engine names it) as a Chinese and an English label.

    The report's words for the inputs are the catalogue's ``[valuation_inputs]``; the path
    reads by the one field grammar (``brandmark.messages.describe_field``).

    >>> input_label("revenues[2]")
    ('第3年收入', 'Revenue, year 3')
    >>> input_label("royalty_rate_range.low")
    ('行业提成率区间下限', 'Industry royalty range, low')
    """
    field = input_field(path)
    items = {("contributory_assets", index): asset.name
             for index, asset in enumerate(inputs.contributory_assets if inputs is not None else ())}
    zh, en = (describe_field(field, language, catalogue(language).get("valuation_inputs", {}), items)
              for language in ("zh_CN", "en"))
    return zh, en


def format_input_value(path: str, value: float, significant: int | None = None) -> str:
    """A rate as a percentage, anything else as the number the user wrote.

    ``significant`` rounds a computed value (a tornado quantile) to that many digits;
    without it every digit the user typed is shown.

    >>> format_input_value("discount_rate", 0.125), format_input_value("revenues[0]", 12000)
    ('12.5%', '12,000')
    >>> format_input_value("discount_rate", 0.117253404195, significant=4)
    '11.73%'
    """
    if significant is not None and value != 0 and math.isfinite(value):
        value = round(value, significant - 1 - math.floor(math.log10(abs(value))))
    if _RATE_PATHS.match(path):
        return f"{format_number(round(value * 100, 10))}%"
    if path == "brand_strength":
        return format_number(round(value, 6))
    return f"{value:,.10g}" if abs(value) < 1e15 else format_number(value)


def describe_quantity(path: str, quantity: Quantity) -> tuple[str, str]:
    """(中文, English) for a quantity: the number, or the distribution and its parameters."""
    f: Callable[[float], str] = lambda x: format_input_value(path, x)  # noqa: E731 — a local shorthand
    if isinstance(quantity, Fixed):
        shown = f(quantity.value)
        return shown, shown
    if isinstance(quantity, Triangular):
        params = f"{f(quantity.low)} / {f(quantity.mode)} / {f(quantity.high)}"
        return f"三角分布 {params}（低/众数/高）", f"triangular {params} (low / mode / high)"
    if isinstance(quantity, Uniform):
        params = f"{f(quantity.low)} – {f(quantity.high)}"
        return f"均匀分布 {params}", f"uniform {params}"
    if isinstance(quantity, (Normal, LogNormal)):
        name_zh, name_en = ("正态分布", "normal") if isinstance(quantity, Normal) else ("对数正态分布", "lognormal")
        params = f"{f(quantity.mean)} ± {f(quantity.sd)}"
        bounds = ""
        if quantity.minimum is not None or quantity.maximum is not None:
            low = f(quantity.minimum) if quantity.minimum is not None else "−∞"
            high = f(quantity.maximum) if quantity.maximum is not None else "∞"
            bounds = f" [{low}, {high}]"
        return (f"{name_zh} 均值 {params}（标准差）{bounds}",
                f"{name_en} mean {params} (sd){bounds}")
    shown = str(quantity.to_json())
    return shown, shown


# -- what the report shows ---------------------------------------------------------------

@dataclass(frozen=True)
class ValuationReport:
    """Everything one report prints. Build it with ``from_estimate`` or ``from_run``.

    ``result`` is ``MonteCarloResult.to_json()``; ``strength`` is ``BrandStrength.to_json()``
    when the brand strength was read from an assessment, and ``strength_titles`` the titles
    of its pack and sections (a reader is shown titles, never ids); ``certified_product``
    names the applicant's 品字标 certified product (from its latest granted assessment), if any.
    """

    inputs: ValuationInputs
    result: dict[str, Any]
    applicant: dict[str, Any] | None = None
    strength: dict[str, Any] | None = None
    certified_product: dict[str, Any] | None = None
    estimate_id: int | None = None
    created_by: str = ""
    created_at: str = ""
    generated_at: str = ""
    time_zone: str = ""         # the body's zone; empty without a store (then UTC is printed, named)
    strength_titles: dict[str, Any] | None = None    # {"scheme": (中文, English), "sections": {id: (中文, English)}}

    @classmethod
    def from_estimate(cls, store: Store, estimate_id: int) -> ValuationReport:
        """The report of a saved estimate."""
        row = store.valuations.get(estimate_id)
        return cls(inputs=parse_inputs(row["inputs"]), result=row["result"],
                   applicant=store.applicants.get(row["applicant_id"]), strength=row["strength"],
                   certified_product=certified_product(store, row["applicant_id"]), estimate_id=row["id"],
                   created_by=row["created_by"], created_at=row["created_at"], generated_at=store.now(),
                   time_zone=store.time_zone().key, strength_titles=strength_titles(store, row["strength"]))

    @classmethod
    def from_run(cls, store: Store | None, inputs: ValuationInputs, result: MonteCarloResult | dict[str, Any], *,
                 applicant_id: int | None = None, strength: BrandStrength | dict[str, Any] | None = None,
                 ) -> ValuationReport:
        """The report of a run not (yet) saved; ``store`` may be None without an applicant."""
        # (``hasattr`` tells a BrandStrength from its JSON, which mypy does not narrow on.)
        strength_json = (cast("BrandStrength", strength).to_json() if hasattr(strength, "to_json")
                         else cast("dict[str, Any] | None", strength))
        result_json = result.to_json() if hasattr(result, "to_json") else dict(result)
        if applicant_id is None or store is None:
            now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
            return cls(inputs=inputs, result=result_json, strength=strength_json,
                       generated_at=store.now() if store is not None else now,
                       time_zone=store.time_zone().key if store is not None else "")
        return cls(inputs=inputs, result=result_json, applicant=store.applicants.get(applicant_id),
                   strength=strength_json, certified_product=certified_product(store, applicant_id),
                   generated_at=store.now(), time_zone=store.time_zone().key,
                   strength_titles=strength_titles(store, strength_json))


def strength_titles(store: Store, strength: dict[str, Any] | None) -> dict[str, Any] | None:
    """The titles of the pack and the sections a brand strength was read from."""
    if not strength:
        return None
    try:
        pack = store.schemes.get(strength["scheme_id"], strength["scheme_version"])
    except RefusedInput:      # a pack no longer readable: the report falls back to the ids
        return None
    return {"scheme": (pack.title, pack.title_en or pack.title),
            "sections": {s.id: (s.title, s.title_en or s.title) for s in pack.sections}}


def certified_product(store: Store, applicant_id: int) -> dict[str, Any] | None:
    """The product of the applicant's latest granted (or conditionally granted) assessment."""
    for row in store.assessments.list(applicant_id=applicant_id, status="decided", limit=10_000):
        if row["decision"] in ("grant", "conditional"):
            assessment = store.assessments.get(row["id"])
            scheme = store.schemes.get(assessment["scheme_id"], assessment["scheme_version"])
            return {"assessment_id": assessment["id"], "product": assessment.get("product_name") or "",
                    "models": assessment.get("product_models") or "",
                    "standard": assessment.get("product_standard") or "",
                    "scheme_id": scheme.id, "scheme_title": scheme.title, "decision": row["decision"]}
    return None


def input_rows(report: ValuationReport) -> list[dict[str, Any]]:
    """One row per number the method uses: path, labels, value text, source (中文, English)."""
    rows = []
    strength = report.strength
    for path, model_input in report.inputs.model_inputs().items():
        label_zh, label_en = input_label(path, report.inputs)
        value_zh, value_en = describe_quantity(path, model_input.quantity)
        if path == "brand_strength" and strength:
            source = (f"来自评审 #{strength['assessment_id']}", f"from assessment #{strength['assessment_id']}")
        elif model_input.quantity.uncertain:
            source = ("用户给定的分布", "distribution given by the user")
        else:
            source = ("用户给定", "user-given")
        rows.append({"path": path, "label": (label_zh, label_en), "value": (value_zh, value_en),
                     "source": source, "uncertain": model_input.quantity.uncertain})
    return rows


def assumptions(report: ValuationReport) -> list[tuple[str, str]]:
    """The assumptions of this estimate, each (中文, English)."""
    inputs = report.inputs
    out = [
        ("各输入相互独立抽样，年份之间、输入之间不设相关性。",
         "Inputs are drawn independently: no correlation between years or between inputs."),
        (f"所有金额以 {inputs.unit}（{inputs.currency}）计。", f"All amounts are in {inputs.unit} ({inputs.currency})."),
    ]
    if inputs.mid_year:
        out.append(("年中折现：第 t 年现金流按 t − 0.5 年折现。",
                    "Mid-year discounting: year t's cash flow is discounted over t − 0.5 years."))
    else:
        out.append(("年末折现：第 t 年现金流按 t 年折现。", "Year-end discounting: year t is discounted over t years."))
    if inputs.terminal_growth is not None:
        out.append(("预测期后按永续增长（戈登模型）计算终值，需折现率高于增长率。",
                    "After the forecast a Gordon-growth terminal value; it needs the discount rate above growth."))
    else:
        out.append(("不计预测期后的终值：品牌价值仅含预测期。",
                    "No terminal value: the value covers the forecast years only."))
    if inputs.tax_amortisation_years is not None:
        out.append((f"计入税收摊销收益（按 {inputs.tax_amortisation_years} 年直线摊销，年末年金）。",
                    f"Tax amortisation benefit included ({inputs.tax_amortisation_years}-year straight line, "
                    "year-end annuity)."))
    else:
        out.append(("不计税收摊销收益。", "No tax amortisation benefit."))
    if inputs.method == RELIEF_FROM_ROYALTY and inputs.royalty_rate_range is not None:
        out.append(("提成率 = 区间下限 + 品牌强度/100 × (上限 − 下限)。",
                    "Royalty rate = low + brand strength / 100 × (high − low)."))
    if report.strength:
        out.append(("品牌强度由评审各章节得分映射到品牌价值要素（GB/T 29186 有形、质量、创新、服务、无形要素及"
                    "DB33/T 944 产业协同、社会责任）后加权得出；映射与权重为 brandmark 的建模选择，应由认证机构复核。",
                    "Brand strength is the weighted average of the assessment's section scores mapped onto "
                    "brand-value elements (GB/T 29186 tangible, quality, innovation, service, intangible; "
                    "DB33/T 944 synergy, responsibility); the mapping and weights are brandmark's modelling "
                    "choice, to be reviewed by the certification body."))
    if inputs.method != RELIEF_FROM_ROYALTY:
        out.append(("贡献资产回报每年相同（金额 × 回报率）。",
                    "Contributory asset charges are the same every year (amount × return)."))
    out.append(("不可能的抽样（增长率不低于折现率、输入超出允许范围）被剔除并计数，不参与统计。",
                "Impossible draws (growth at or above the discount rate, an input outside its bounds) are "
                "rejected, counted, and left out of every statistic."))
    for warning in inputs.warnings:
        out.append(("提示：" + warning, "Note: " + warning))
    return out


# -- charts (reportlab graphics) -----------------------------------------------------------

def histogram_drawing(result: dict[str, Any], width: float = CONTENT_WIDTH, height: float = 190) -> Drawing | None:
    """The Monte Carlo histogram with P10 / P50 / P90 and the deterministic value marked.

    Returns None when the result has no histogram counts.
    """
    from reportlab.graphics.shapes import Drawing, Line, Rect, String
    from reportlab.lib import colors

    counts: list[float] = list(result.get("histogram", {}).get("counts", []))
    edges: list[float] = list(result.get("histogram", {}).get("edges", []))
    if not counts or len(edges) != len(counts) + 1 or sum(counts) == 0:
        return None
    drawing = Drawing(width, height)
    from brandmark.fonts import PDF_FONT
    drawing.initialFontName = PDF_FONT
    left, right, bottom, top = 46, 10, 30, 38
    plot_w, plot_h = width - left - right, height - bottom - top
    lo, hi = edges[0], edges[-1]
    markers = [result.get(k) for k in ("value", "p10", "p50", "p90", "mean")]
    finite: list[float] = [m for m in markers if m is not None and math.isfinite(m)]
    lo, hi = min([lo] + finite), max([hi] + finite)
    if hi <= lo:
        hi = lo + 1.0
    total = sum(counts)
    peak = max(counts) / total * 100.0

    def x_of(v: float) -> float:
        return left + (v - lo) / (hi - lo) * plot_w

    def y_of(share: float) -> float:
        return bottom + share / (peak * 1.08) * plot_h

    grey = colors.HexColor(RULE)
    for tick in nice_ticks(0, peak, 4):
        y = y_of(tick)
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=grey, strokeWidth=0.3))
        drawing.add(String(left - 4, y - 2.5, f"{tick:g}%", fontName=PDF_FONT, fontSize=6.5, textAnchor="end",
                           fillColor=colors.HexColor(MUTED)))
    bar_fill = colors.Color(0.54, 0.11, 0.11, alpha=0.35)
    for count, a, b in zip(counts, edges[:-1], edges[1:]):
        if count:
            drawing.add(Rect(x_of(a), bottom, max(x_of(b) - x_of(a) - 0.4, 0.3), y_of(count / total * 100) - bottom,
                             fillColor=bar_fill, strokeColor=None))
    drawing.add(Line(left, bottom, left + plot_w, bottom, strokeColor=colors.HexColor(INK), strokeWidth=0.6))
    for tick in nice_ticks(lo, hi, 6):
        x = x_of(tick)
        drawing.add(Line(x, bottom, x, bottom - 3, strokeColor=colors.HexColor(INK), strokeWidth=0.5))
        drawing.add(String(x, bottom - 12, compact_number(tick), fontName=PDF_FONT, fontSize=6.5, textAnchor="middle",
                           fillColor=colors.HexColor(INK)))
    drawing.add(String(left + plot_w / 2, 3, f"品牌价值 Brand value（{result.get('unit', '')}）",
                       fontName=PDF_FONT, fontSize=7.5, textAnchor="middle", fillColor=colors.HexColor(MUTED)))
    drawing.add(String(4, height - 10, "占比 Share of draws", fontName=PDF_FONT, fontSize=7,
                       fillColor=colors.HexColor(MUTED)))
    # Markers: percentiles dashed, the deterministic value solid. Their labels are placed by
    # the same rule as the window's chart: flags that never overlap and no line crosses.
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font_size, row_height = 6.5, 8
    marks = [(key, label, colour, dash) for key, label, colour, dash in (
        ("p10", "P10", MUTED, (2, 2)), ("p50", "P50", INK, (2, 2)), ("p90", "P90", MUTED, (2, 2)),
        ("value", "确定性 Deterministic", ACCENT, None))
        if result.get(key) is not None and math.isfinite(result[key])]
    placed = place_marker_labels(
        [(label, x_of(result[key]) - left, stringWidth(label, PDF_FONT, font_size)) for key, label, _c, _d in marks],
        plot_w)
    for (key, label, colour, dash), flag in zip(marks, placed):
        x, text_y = left + flag.x, bottom + plot_h + 4 + row_height * flag.row
        drawing.add(Line(x, bottom, x, text_y + font_size, strokeColor=colors.HexColor(colour),
                         strokeWidth=1.0 if dash is None else 0.7, strokeDashArray=dash))
        drawing.add(String(left + flag.left, text_y, label, fontName=PDF_FONT, fontSize=font_size,
                           fillColor=colors.HexColor(colour)))
    drawing.hAlign = "CENTER"
    return drawing


def has_long_tail(result: dict[str, Any]) -> bool:
    """True when the largest draw lies more than three P10–P90 widths above P90 (or below P10).

    >>> has_long_tail({"p10": 90, "p90": 110, "histogram": {"edges": [80, 95, 2000]}})
    True
    """
    edges = result.get("histogram", {}).get("edges") or []
    if not edges:
        return False
    width = max(result["p90"] - result["p10"], 0.0)
    return cast(bool, edges[-1] - result["p90"] > 3 * width or result["p10"] - edges[0] > 3 * width)


def tornado_drawing(report: ValuationReport, width: float = CONTENT_WIDTH, bar_height: float = 18) -> Drawing | None:
    """Each uncertain input's P10 and P90 effect on the value, widest first; None without bars."""
    from reportlab.graphics.shapes import Drawing, Line, Rect, String
    from reportlab.lib import colors

    from brandmark.fonts import PDF_FONT

    bars = list(report.result.get("tornado", []))[:TORNADO_BARS]
    if not bars:
        return None
    base: float = report.result["value"]
    label_w, value_w = 150, 52
    top_pad, bottom_pad = 24, 22
    height = top_pad + bottom_pad + bar_height * len(bars)
    drawing = Drawing(width, height)
    drawing.initialFontName = PDF_FONT
    plot_left, plot_right = label_w + value_w, width - value_w
    ends: list[float] = [base] + [v for bar in bars for v in (bar["low_value"], bar["high_value"]) if v is not None]
    lo, hi = min(ends), max(ends)
    span = max(hi - lo, abs(base) * 1e-6, 1e-9)
    lo, hi = lo - span * 0.02, hi + span * 0.02

    def x_of(v: float) -> float:
        return plot_left + (v - lo) / (hi - lo) * (plot_right - plot_left)

    for index, bar in enumerate(bars):
        y = height - top_pad - (index + 1) * bar_height
        label_zh, _label_en = input_label(bar["input"], report.inputs)
        drawing.add(String(label_w - 4 + value_w - 52, y + bar_height / 2 - 3, label_zh[:18], fontName=PDF_FONT,
                           fontSize=7.5, textAnchor="end", fillColor=colors.HexColor(INK)))
        text_y = y + bar_height / 2 - 3
        for key, colour in (("low_value", LOW_COLOUR), ("high_value", HIGH_COLOUR)):
            value = bar[key]
            other = bar["high_value" if key == "low_value" else "low_value"]
            if value is None:
                # An impossible point (e.g. growth reaching the discount rate): a dashed bar to the
                # edge on the side away from the other end, marked as such.
                if other is None:
                    continue
                right = other <= base
                edge = plot_right if right else plot_left
                drawing.add(Rect(min(x_of(base), edge), y + 3, abs(edge - x_of(base)), bar_height - 6,
                                 fillColor=colors.white, strokeColor=colors.HexColor(colour), strokeWidth=0.6,
                                 strokeDashArray=(2, 2)))
                drawing.add(String(edge + (3 if right else -3), text_y, "不可行 impossible", fontName=PDF_FONT,
                                   fontSize=6, textAnchor="start" if right else "end",
                                   fillColor=colors.HexColor(colour)))
                continue
            x0, x1 = sorted((x_of(base), x_of(value)))
            drawing.add(Rect(x0, y + 3, max(x1 - x0, 0.5), bar_height - 6, fillColor=colors.HexColor(colour),
                             strokeColor=None))
            # The value at the bar's outer end: left of a bar below base, right of one above.
            above = value > base or (value == base and key == "high_value")
            drawing.add(String(x_of(value) + (3 if above else -3), text_y, compact_number(value), fontName=PDF_FONT,
                               fontSize=6.5, textAnchor="start" if above else "end",
                               fillColor=colors.HexColor(MUTED)))
    x = x_of(base)
    drawing.add(Line(x, bottom_pad - 4, x, height - top_pad + 4, strokeColor=colors.HexColor(ACCENT), strokeWidth=0.9))
    drawing.add(String(x, bottom_pad - 14, f"确定性估值 Deterministic {compact_number(base)}", fontName=PDF_FONT,
                       fontSize=7, textAnchor="middle", fillColor=colors.HexColor(ACCENT)))
    # Legend.
    legend_y = height - 12
    for offset, (colour, label) in enumerate(((LOW_COLOUR, "输入取 P10 Input at P10"),
                                               (HIGH_COLOUR, "输入取 P90 Input at P90"))):
        lx = plot_left + offset * 130
        drawing.add(Rect(lx, legend_y, 9, 7, fillColor=colors.HexColor(colour), strokeColor=None))
        drawing.add(String(lx + 12, legend_y + 0.5, label, fontName=PDF_FONT, fontSize=7,
                           fillColor=colors.HexColor(INK)))
    drawing.hAlign = "CENTER"
    return drawing


# -- the document ----------------------------------------------------------------------------

def _headline(result: dict[str, Any], unit: str) -> Table:
    """The deterministic value and the range, large, in one row."""
    cells = [("确定性估值", "Deterministic", result["value"]), ("P10", "", result["p10"]),
             ("P50", "", result["p50"]), ("P90", "", result["p90"]), ("均值", "Mean", result["mean"])]
    labels = [paragraph(bilingual(zh, en, en_size=7.5), "figure_label") for zh, en, _ in cells]
    figures = [paragraph(f'<font size="15">{escape(format_amount(v))}</font>', "figure") for *_, v in cells]
    units = [paragraph(escape(unit), "figure_label") for _ in cells]
    from reportlab.lib import colors
    return data_table([labels, figures, units], [0.24] + [0.19] * 4, header_rows=0, zebra=False, extra_style=[
        ("BOX", (0, 0), (0, -1), 1.0, colors.HexColor(ACCENT)),
        ("TOPPADDING", (0, 1), (-1, 1), 6), ("BOTTOMPADDING", (0, 1), (-1, 1), 2)])


def _section(number: int, zh: str, en: str) -> Paragraph:
    return paragraph(bilingual(f"{number}. {zh}", en), "h1")


def _bilingual_cell(pair: tuple[str, str], style: str = "cell") -> Paragraph:
    zh, en = pair
    if not en or zh == en:
        return text(zh, style)
    return paragraph(f'{escape(zh)}<br/><font color="{MUTED}" size="7.5">{escape(en)}</font>', style)


def build_story(report: ValuationReport) -> list[Any]:
    """The flowables of the report, in order (``write_valuation_report`` lays them out):
    the headline, then one function per numbered section."""
    story: list[Any] = []
    for part in (_opening, _purpose, _brand_valued, _method, _inputs_section,
                 _assumptions_section, _results, _sensitivity, _monte_carlo, _closing):
        story += part(report)
    return story


def _unit_text(inputs: ValuationInputs) -> str:
    return f"{inputs.unit}（{inputs.currency}）"


def _brand(report: ValuationReport) -> str:
    return report.inputs.brand or (report.applicant or {}).get("name") or "—"


def _opening(report: ValuationReport) -> list[Any]:
    """The title, the estimate notice and the headline range."""
    result, unit_text, brand = report.result, _unit_text(report.inputs), _brand(report)
    story: list[Any] = [
        paragraph(bilingual("品牌价值估算报告", "Brand value estimate"), "title"),
        paragraph(escape(brand), "subtitle"),
        notice_box(f"<b>{escape(ESTIMATE_NOTICE_ZH)}</b> {escape(ESTIMATE_NOTICE_EN)} "
                   + escape("数字为按所列输入与假设得出的区间估计，随输入变化；不得作为认证、审计或交易价格使用。")
                   + f' <font color="{MUTED}">'
                   + escape("The figures are a range estimate from the inputs and assumptions listed here and "
                            "move with them; do not use them as a certified, audited or transaction price.")
                   + "</font>"),
        spacer(3),
        _headline(result, unit_text),
        spacer(2),
    ]
    accepted = result["trials"] - result["rejected"]
    story.append(paragraph(
        bilingual(f"区间来自 {result['trials']:,} 次蒙特卡洛抽样（剔除 {result['rejected']:,} 次，随机种子 {result['seed']}）。",
                  f"The range comes from {result['trials']:,} Monte Carlo draws ({result['rejected']:,} rejected, "
                  f"{accepted:,} used; seed {result['seed']})."), "muted"))
    return story


def _purpose(report: ValuationReport) -> list[Any]:
    """1. Purpose."""
    inputs = report.inputs
    story: list[Any] = []
    story += [
        _section(1, "估算目的", "Purpose"),
        paragraph(bilingual(
            "浙江省质量强省政策要求建立品牌价值测算指标体系和发布机制。本报告为品字标品牌管理提供品牌价值的参考估算，"
            "供企业与认证机构了解品牌价值的量级与不确定性。",
            "Zhejiang's quality policy asks for a brand-value measurement system. This report gives a reference "
            "estimate of the brand's value for 品字标 brand management, so that the enterprise and the "
            "certification body see its order of magnitude and its uncertainty.")),
    ]
    if inputs.notes:
        story.append(field_table([("说明", "Notes", inputs.notes)]))
    return story


def _brand_valued(report: ValuationReport) -> list[Any]:
    """2. The valuation date and the brand valued."""
    inputs = report.inputs
    applicant = report.applicant or {}
    brand = _brand(report)
    story: list[Any] = []
    story.append(_section(2, "估值日期与品牌定义", "Valuation date and the brand valued"))
    valuation_date = inputs.valuation_date or when(report.created_at or report.generated_at, zone=report.time_zone,
                                                   date_only=True)
    fields: list[tuple[str, str, object]] = [("估值日期", "Valuation date", valuation_date), ("品牌", "Brand", brand)]
    if applicant:
        fields += [("品牌所有者", "Owner", applicant.get("name")),
                   ("统一社会信用代码", "Credit code", applicant.get("uscc"))]
    product = report.certified_product
    if product:
        product_text = product["product"] + (f"（{product['models']}）" if product.get("models") else "")
        fields += [("品字标认证产品", "品字标 certified product", product_text or "—"),
                   ("认证方案", "Scheme", f"{product['scheme_title']}（评审 #{product['assessment_id']} / "
                                           f"assessment #{product['assessment_id']}）")]
        if product.get("standard"):
            fields.append(("产品标准", "Standard", product["standard"]))
    elif applicant:
        fields.append(("品字标认证产品", "品字标 certified product",
                       "brandmark 中暂无该企业的获证评审 / no granted assessment of this applicant in brandmark"))
    story.append(field_table(fields))
    story.append(spacer(1))
    story.append(paragraph(bilingual(
        "本估算所称品牌，指上述企业在其品字标认证产品上使用的品牌（名称、标识及其在市场中的声誉），不含其他有形资产。",
        "The brand is the owner's brand as used on its 品字标 certified product (name, marks and their reputation), "
        "excluding other assets."), "muted"))
    return story


def _method(report: ValuationReport) -> list[Any]:
    """3. The method and why."""
    inputs = report.inputs
    method_zh, method_en = METHOD_NAMES.get(report.inputs.method, (report.inputs.method,) * 2)
    story: list[Any] = []
    story.append(_section(3, "估值方法及理由", "Method and why"))
    story.append(field_table([("方法", "Method", f"{method_zh} {method_en}"),
                              ("依据", "Basis", "ISO 10668 / GB/T 29187 收益法 income approach"
                               + ("；GB/T 29188" if inputs.method != RELIEF_FROM_ROYALTY else ""))]))
    if inputs.method == RELIEF_FROM_ROYALTY:
        why = ("品牌所有者因拥有品牌而免于支付的许可提成，即品牌的收益。可比许可的行业提成率可以观察，品牌收入可以预测，"
               "因此适用于以品牌对外授权为常见做法的行业。",
               "The value is the royalty the owner is spared by owning the brand. Royalty rates of comparable "
               "licences are observable and brand revenue can be forecast, so the method suits industries where "
               "brands are commonly licensed.")
        formula = "CF_t = revenue_t × royalty_rate × (1 − tax);  value = Σ CF_t × d_t (+ TV × d_T)"
    else:
        why = ("品牌是企业利润的主要来源时，从税后利润中扣除各项贡献资产的合理回报，余下的超额收益归于品牌。",
               "When the brand is the main source of the business's profit, the brand earns what is left of the "
               "after-tax profit once every contributory asset has been paid a fair return.")
        formula = "CF_t = after_tax_profit_t − Σ amount_i × return_i;  value = Σ CF_t × d_t (+ TV × d_T)"
    story += [paragraph(bilingual(*why)), spacer(1), text(formula, "small")]
    return story


def _inputs_section(report: ValuationReport) -> list[Any]:
    """4. The inputs and their sources."""
    inputs = report.inputs
    unit_text = _unit_text(report.inputs)
    story: list[Any] = []
    story.append(_section(4, "输入及来源", "Inputs and their sources"))
    rows = [[paragraph(bilingual("输入", "Input", en_size=7.5), "cell_head"),
             paragraph(bilingual("取值", "Value", en_size=7.5), "cell_head"),
             paragraph(bilingual("来源", "Source", en_size=7.5), "cell_head")]]
    for row in input_rows(report):
        rows.append([_bilingual_cell(row["label"]), _bilingual_cell(row["value"]), _bilingual_cell(row["source"])])
    story.append(data_table(rows, [0.3, 0.45, 0.25]))
    story.append(spacer(1))
    story.append(field_table([
        ("折现时点", "Discounting", "年中 mid-year" if inputs.mid_year else "年末 year-end"),
        ("税收摊销年限", "Tax amortisation", f"{inputs.tax_amortisation_years} 年 years"
         if inputs.tax_amortisation_years else "不计 none"),
        ("单位", "Unit", unit_text)], label_width=0.2))
    if report.strength:
        story += _strength_block(report.strength, report.strength_titles)
    return story


def _assumptions_section(report: ValuationReport) -> list[Any]:
    """5. The assumptions."""
    story: list[Any] = []
    story.append(_section(5, "假设", "Assumptions"))
    for zh, en in assumptions(report):
        story.append(paragraph("• " + bilingual(zh, en), "body"))
    return story


def _results(report: ValuationReport) -> list[Any]:
    """6. The result: deterministic value, range, histogram."""
    result = report.result
    unit_text = _unit_text(report.inputs)
    story: list[Any] = []
    story.append(_section(6, "估算结果", "Result"))
    story.append(field_table([
        ("确定性估值", "Deterministic value", f"{format_amount(result['value'])} {unit_text}（各输入取基准值 / every input at its base value）"),
        ("P10 / P50 / P90", "Range", f"{format_amount(result['p10'])} / {format_amount(result['p50'])} / "
                                     f"{format_amount(result['p90'])} {unit_text}"),
        ("均值", "Mean", f"{format_amount(result['mean'])} {unit_text}"),
    ], label_width=0.22))
    story.append(spacer(1))
    story.append(paragraph(bilingual(
        "P10 / P90：十分之一的抽样低于 / 高于该值。确定性估值与均值不同：公式对折现率非线性，众数也不是均值。",
        "P10 / P90: one draw in ten falls below / above. The deterministic value differs from the mean: the "
        "formulas are not linear in the discount rate, and a mode is not a mean."), "muted"))
    histogram = histogram_drawing(result)
    if histogram is not None:
        story += [spacer(2), paragraph(bilingual("抽样分布", "Distribution of the draws"), "h3"), histogram]
        if has_long_tail(result):
            largest = format_amount(result["histogram"]["edges"][-1])
            story.append(paragraph(bilingual(
                f"分布有长尾：最大抽样值 {largest}，远在 P90 之上，直方图因此挤在左侧；请以 P10–P90 区间为主。"
                "长尾通常来自接近折现率的增长率。",
                f"A long tail: the largest draw is {largest}, far above P90, so the histogram crowds to the left; "
                "read the P10–P90 range first. A tail like this usually comes from growth close to the "
                "discount rate."), "muted"))
    return story


def _sensitivity(report: ValuationReport) -> list[Any]:
    """7. Sensitivity: the tornado and its table."""
    inputs = report.inputs
    result = report.result
    story: list[Any] = []
    tornado = tornado_drawing(report)
    if tornado is None:
        story.append(_section(7, "敏感性分析", "Sensitivity"))
        story.append(paragraph(bilingual("所有输入均为确定值，无敏感性可示。",
                                         "Every input is a plain number: there is no uncertainty to show.")))
    else:
        from reportlab.platypus import KeepTogether
        story.append(KeepTogether([_section(7, "敏感性分析", "Sensitivity"), paragraph(bilingual(
            "每次只让一个输入取其 P10 或 P90，其余取基准值，看品牌价值如何变化；按影响幅度从大到小排列。",
            "One input at a time at its P10 or P90, the others at base: how far the value moves. Widest first."),
            "muted"), spacer(1), tornado]))
        story.append(spacer(2))
        rows = [[paragraph(bilingual(zh, en, en_size=7.5), "cell_head") for zh, en in
                 (("输入", "Input"), ("P10 值", "Input at P10"), ("P90 值", "Input at P90"),
                  ("估值（P10）", "Value at P10"), ("估值（P90）", "Value at P90"))]]
        for bar in report.result["tornado"]:
            rows.append([_bilingual_cell(input_label(bar["input"], inputs)),
                         text(format_input_value(bar["input"], bar["low"], 4), "cell_right"),
                         text(format_input_value(bar["input"], bar["high"], 4), "cell_right"),
                         text(format_amount(bar["low_value"]) if bar["low_value"] is not None
                              else "不可行 impossible", "cell_right"),
                         text(format_amount(bar["high_value"]) if bar["high_value"] is not None
                              else "不可行 impossible", "cell_right")])
        story.append(data_table(rows, [0.32, 0.15, 0.15, 0.19, 0.19]))
    return story


def _monte_carlo(report: ValuationReport) -> list[Any]:
    """8. The Monte Carlo run: trials, rejections, seed."""
    result = report.result
    story: list[Any] = []
    story.append(_section(8, "蒙特卡洛抽样", "Monte Carlo run"))
    share = result["rejected"] / result["trials"] if result["trials"] else 0.0
    story.append(field_table([
        ("抽样次数", "Trials", f"{result['trials']:,}"),
        ("剔除次数", "Rejected draws", f"{result['rejected']:,}（{share:.2%}）"),
        ("随机种子", "Seed", str(result["seed"])),
    ], label_width=0.2))
    story.append(spacer(1))
    story.append(paragraph(bilingual(
        "以相同的输入和相同的随机种子再次估算，结果完全相同。",
        "The same inputs with the same seed give the same results, draw for draw."), "muted"))
    return story


def _closing(report: ValuationReport) -> list[Any]:
    """The closing statement and who made the estimate."""
    story: list[Any] = []
    story += [spacer(4), notice_box(f"<b>{escape(ESTIMATE_NOTICE_ZH)}</b> {escape(ESTIMATE_NOTICE_EN)}")]
    made = []
    if report.estimate_id is not None:
        made.append(f"估算 #{report.estimate_id} / estimate #{report.estimate_id}")
    if report.created_by:
        made.append(f"估算人 Prepared by: {report.created_by}")
    if report.created_at:
        made.append(f"保存于 Saved at: {when(report.created_at, zone=report.time_zone)}")
    if made:
        story += [spacer(2), text(" · ".join(made), "muted")]
    return story


def _strength_block(strength: dict[str, Any], titles: dict[str, Any] | None = None) -> list[Any]:
    """How the brand strength was read from the assessment: elements, sections, weights.

    Packs and sections show by their titles (``titles``; the ids only when the pack is gone)."""
    titles = titles or {}
    section_titles = titles.get("sections", {})
    scheme_zh, scheme_en = titles.get("scheme", (strength["scheme_id"], strength["scheme_id"]))
    out = [spacer(2), paragraph(bilingual(f"品牌强度：来自评审 #{strength['assessment_id']}",
                                          f"Brand strength: from assessment #{strength['assessment_id']}"), "h2")]
    basis_zh = ("各章节得分映射到品牌价值要素后加权平均" if strength["basis"] == "elements"
                else "评审总分（该评价包的章节未全部对应要素）")
    basis_en = ("section scores mapped onto brand-value elements, weighted average" if strength["basis"] == "elements"
                else "the assessment's total score (not every section of this pack maps onto an element)")
    out.append(field_table([
        ("评价方案", "Scheme", f"{scheme_zh}（{strength['scheme_version']} 版）"
                             + (f" / {scheme_en} (version {strength['scheme_version']})" if scheme_en != scheme_zh
                                else "")),
        ("方法", "Basis", f"{basis_zh} / {basis_en}"),
        ("品牌强度", "Brand strength", f"{format_score(strength['value'])}（评审总分 {format_score(strength['total'])}"
                                       f" / total score {format_score(strength['total'])}）"),
    ], label_width=0.2))
    if strength.get("elements"):
        rows = [[paragraph(bilingual(zh, en, en_size=7.5), "cell_head") for zh, en in
                 (("要素", "Element"), ("权重", "Weight"), ("得分", "Score"), ("评审章节", "Sections"))]]
        for element in strength["elements"]:
            named = [section_titles.get(section, (section, section)) for section in element["sections"]]
            rows.append([_bilingual_cell((element["title"], element["title_en"])),
                         text(f"{element['weight']:.2f}", "cell_right"),
                         text(format_score(element["score"]), "cell_right"),
                         _bilingual_cell(("、".join(zh for zh, _ in named), "; ".join(en for _, en in named)),
                                         "cell_small")])
        out += [spacer(1), data_table(rows, [0.3, 0.12, 0.12, 0.46])]
    for note in strength.get("notes", []):
        out.append(text(note, "muted"))
    return out


def write_valuation_report(path: str | Path, report: ValuationReport, progress: Progress | None = None) -> int:
    """Write the report PDF (complete or not at all); returns the page count.

    The module's example writes one.
    """
    record = f" #{report.estimate_id}" if report.estimate_id is not None else ""
    owner = (report.applicant or {}).get("name") or report.inputs.brand or ""
    meta = DocumentMeta(
        header_right=f"品牌价值估算 Brand value estimate{record}",
        footer_left=when(report.generated_at, zone=report.time_zone),
        footer_right="估算，非认证价值 Estimate, not certified",
        subject=f"品牌价值估算 Brand value estimate {owner}".strip(),
        keywords=("品字标", "brand value", "estimate"))
    return build_document(path, f"品牌价值估算报告 Brand value estimate{record}", build_story(report), meta,
                          progress=progress)


__all__ = [
    "ESTIMATE_NOTICE_EN", "ESTIMATE_NOTICE_ZH", "ValuationReport", "assumptions", "build_story",
    "certified_product", "describe_quantity", "format_amount", "format_input_value",
    "has_long_tail", "histogram_drawing",
    "input_label", "input_rows", "tornado_drawing", "write_valuation_report",
]
