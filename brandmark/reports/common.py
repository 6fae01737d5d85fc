"""What the assessment report and the self-assessment report share: the record as
read from the store, the particulars table, the section-score table with its radar,
and the kind-appropriate rendering of one answer.

Every number comes from the scorer's ``ScoreResult``; nothing here scores.
"""

from __future__ import annotations

from dataclasses import dataclass
import datetime as dt
from typing import TYPE_CHECKING, Any, cast

from brandmark.packs.model import CONFORMITY, POINTS, TEST, VETO, Item, Pack
from brandmark.regions import region_label
from brandmark.reports import labels
from brandmark.reports.layout import (
    BAD, GOOD, MUTED, WARN, DocumentMeta, bilingual, coloured, data_table, escape, field_table,
    notice_box, paragraph, spacer, stacked, text,
)
from brandmark.reports.radar import radar_from_sections
from brandmark.scoring.encoding import is_incomplete
from brandmark.scoring.item_status import target_level
from brandmark.scoring.scorer import ScoreResult, TestVerdict

if TYPE_CHECKING:
    from brandmark.store import Store

HASH_SHOWN = 12         # characters of a SHA-256 shown in print (enough to tell versions apart)


@dataclass(frozen=True)
class Record:
    """One assessment with everything a report prints, read once from the store."""

    assessment: dict[str, Any]
    applicant: dict[str, Any]
    product: dict[str, Any] | None
    pack: Pack
    answers: dict[str, dict[str, Any]]
    findings: list[dict[str, Any]]
    evidence: list[dict[str, Any]]
    decision: dict[str, Any] | None
    result: ScoreResult
    generated_at: str
    time_zone: str = ""         # the body's IANA zone: every date and time is printed in it
    retests: tuple[dict[str, Any], ...] = ()   # store.assessments.retests: each failed test measured again

    @property
    def id(self) -> int:
        return cast(int, self.assessment["id"])

    def test_verdict(self, item_id: str) -> TestVerdict | None:
        return next((t for t in self.result.tests if t.item == item_id), None)

    def value(self, item_id: str) -> Any:
        answer = self.answers.get(item_id)
        return None if answer is None else answer["value"]

    def note(self, item_id: str) -> str:
        answer = self.answers.get(item_id)
        return (answer or {}).get("note") or ""

    def evidence_for(self, item_id: str) -> list[dict[str, Any]]:
        return [e for e in self.evidence if e["item_id"] == item_id]


def load_record(store: Store, assessment_id: int, result: ScoreResult | None = None) -> Record:
    """Read one assessment and its score (``store.assessments.score`` unless given)."""
    manager = store.assessments
    assessment = manager.get(assessment_id)
    product = (store.applicants.product(assessment["product_id"])
               if assessment.get("product_id") is not None else None)
    if product is not None:
        # The models this assessment certified, not the product row a later scope change rewrote.
        product = {**product, "models": store.assessments.models_assessed(assessment_id)}
    return Record(
        assessment=assessment,
        applicant=store.applicants.get(assessment["applicant_id"]),
        product=product,
        pack=manager.pack_for(assessment_id),
        answers=manager.answers(assessment_id),
        findings=manager.findings(assessment_id),
        evidence=manager.evidence(assessment_id),
        decision=manager.decision(assessment_id),
        result=result if result is not None else manager.score(assessment_id),
        generated_at=store.now(),
        time_zone=store.time_zone().key,
        retests=tuple(manager.retests(assessment_id)),
    )


# -- small formatters --------------------------------------------------------------

def when(timestamp: str | None, *, zone: str = "", date_only: bool = False) -> str:
    """A stored moment as the body reads it: in ``zone`` (the body's time zone), with its offset.

    >>> when("2025-12-31T23:30:00+00:00", zone="Asia/Shanghai")
    '2026-01-01 07:30 +08:00'
    >>> when("2025-12-31T23:30:00+00:00", zone="Asia/Shanghai", date_only=True)
    '2026-01-01'
    >>> when("2026-11-28T18:25:10+00:00")
    '2026-11-28 18:25 UTC'
    """
    if not timestamp:
        return ""
    try:
        moment = dt.datetime.fromisoformat(str(timestamp))
    except ValueError:
        return str(timestamp)
    if zone and moment.tzinfo is not None:
        from brandmark.store.settings import body_zone
        moment = moment.astimezone(body_zone(zone))
        if date_only:
            return moment.date().isoformat()
        # The offset names the zone at that moment and fits a page footer ("Asia/Shanghai" does not).
        offset = moment.strftime("%z")
        return moment.strftime("%Y-%m-%d %H:%M") + f" {offset[:3]}:{offset[3:]}"
    if date_only:
        return moment.date().isoformat()
    text = moment.strftime("%Y-%m-%d %H:%M")
    if moment.utcoffset() == dt.timedelta(0):
        return text + " UTC"
    if moment.tzinfo is not None:
        return text + " " + moment.strftime("%z")
    return text


def short_hash(digest: str | None, length: int = HASH_SHOWN) -> str:
    return (digest or "")[:length]


def pair(code_pair: labels.Pair, colour: str | None = None) -> str:
    """Markup for a (中文, English) label, optionally coloured."""
    markup = bilingual(*code_pair, en_size=7.5)
    return coloured(markup, colour) if colour else markup


def number(value: float, decimals: int = 2) -> str:
    return f"{value:.{decimals}f}"


def limit_text(item: Item, limit: str | None = None) -> str:
    """``≤0.25 mA`` style: the limit as written in the pack (or ``limit``), with its unit."""
    written = (item.limit if limit is None else limit or "").replace(">=", "≥").replace("<=", "≤")
    return f"{written} {item.unit}".strip()



def level_cell(item: Item, level: object, *, show_target: bool = False) -> list[Any]:
    """"3 / 4 级 Level" (and the target), then the level's descriptor, Chinese and English."""
    if not isinstance(level, int) or isinstance(level, bool):
        return [text(level, "cell")]
    head = f"{level} / {item.max_level} 级 " + coloured("Level", MUTED)
    if show_target:
        head += coloured(escape(f" · 目标 target {target_level(item)}"), MUTED)
    cell = [paragraph(head, "cell")]
    found = next((lv for lv in item.levels if lv.level == level), None)
    if found is not None:
        cell.append(text(found.text, "cell"))
        if found.text_en:
            cell.append(text(found.text_en, "cell_muted"))
    return cell


def answer_cell(item: Item, value: Any, verdict: TestVerdict | None = None, *, show_target: bool = True) -> list[Any]:
    """A table cell with the kind-appropriate rendering of one answer (never the raw code).

    Points show the level, its descriptor and (``show_target``) the item's target level;
    tests the measured values with their unit and, given the scorer's verdict, pass or fail.
    """
    if value is None:
        return [paragraph(pair(labels.UNANSWERED, WARN), "cell")]
    if value == "na":
        return [paragraph(pair(labels.NOT_APPLICABLE, MUTED), "cell")]
    if item.kind == VETO:
        return [paragraph(pair(labels.label(labels.VETO_ANSWERS, value),
                               {"pass": GOOD, "fail": BAD}.get(value)), "cell")]
    if item.kind == CONFORMITY:
        return [paragraph(pair(labels.label(labels.CONFORMITY_ANSWERS, value),
                               {"conform": GOOD, "minor": WARN, "major": BAD}.get(value)), "cell")]
    if item.kind == POINTS:
        return level_cell(item, value, show_target=show_target)
    if item.kind == TEST and is_incomplete(item, value):
        return [*incomplete_cell(item, value)]
    if item.kind == TEST:
        measured = value if isinstance(value, list) else [value]
        cell = [text("; ".join(str(m) for m in measured) + (f" {item.unit}" if item.unit else ""), "cell")]
        if verdict is not None:
            cell.append(paragraph(verdict_markup(verdict), "cell"))
        return cell
    return [text(value, "cell")]


def incomplete_cell(item: Item, value: Any) -> list[Any]:
    """A partly measured multi-sample test: each sample or "—", then that it is incomplete."""
    done = sum(1 for sample in value if sample is not None)
    zh, en = labels.INCOMPLETE
    return [text("; ".join("—" if sample is None else str(sample) for sample in value)
                 + (f" {item.unit}" if item.unit else ""), "cell"),
            paragraph(pair((zh.format(done=done, samples=item.samples), en.format(done=done, samples=item.samples)),
                           WARN), "cell")]


def verdict_markup(verdict: TestVerdict) -> str:
    return pair(labels.label(labels.TEST_VERDICTS, verdict.verdict),
                {"pass": GOOD, "fail": BAD, "unanswered": WARN}.get(verdict.verdict))


def target_cell(item: Item) -> list[Any]:
    """What meeting the item means: a level with its descriptor, pass, conform or the limit."""
    if item.kind == POINTS:
        return level_cell(item, target_level(item))
    if item.kind == VETO:
        return [paragraph(pair(labels.VETO_ANSWERS["pass"]), "cell")]
    if item.kind == CONFORMITY:
        return [paragraph(pair(labels.CONFORMITY_ANSWERS["conform"]), "cell")]
    if item.kind == TEST:
        return [text(limit_text(item), "cell"), paragraph(pair(labels.label(labels.METHODS, item.method), MUTED),
                                                          "cell")]
    return []


def item_title_cell(item: Item, *, extra: tuple[Any, ...] = ()) -> list[Any]:
    """A table cell: the item's id, title, English title and clause, then ``extra`` lines
    (``(text, style)`` pairs, escaped here), each a one-style paragraph (fast to wrap)."""
    lines = [(item.id, "cell_id"), (item.title, "cell")]
    if item.title_en:
        lines.append((item.title_en, "cell_muted"))
    if item.clause:
        lines.append(("条款 Clause: " + item.clause, "cell_muted"))
    return [text(value, style) for value, style in lines + list(extra)]


# -- shared story pieces -----------------------------------------------------------

def meta_for(record: Record, report_zh: str, report_en: str) -> DocumentMeta:
    marker = "参考评价包 Reference pack" if record.pack.reference else f"{record.pack.id} {record.pack.version}"
    return DocumentMeta(
        header_right=f"{report_zh} {report_en} · #{record.id}",
        footer_left=f"生成 Generated {when(record.generated_at, zone=record.time_zone)}",
        footer_right=marker,
        subject=f"{report_en} #{record.id}: {record.applicant['name']}",
        keywords=("品字标", record.pack.id, record.pack.version),
    )


def title_block(record: Record, report_zh: str, report_en: str) -> list[Any]:
    story = [paragraph(escape(report_zh), "title"),
             paragraph(escape(f"{report_en} · 评审 Assessment #{record.id}"), "subtitle")]
    if record.applicant.get("demo"):
        story += [notice_box(bilingual("演示数据：本报告由演示数据生成，不对应真实企业。",
                                       "Demo data: this report was made from the demo data set and "
                                       "describes no real company.")), spacer(2)]
    return story


def reference_notice(pack: Pack) -> list[Any]:
    """A reference pack is the product's model, not official criteria: say so on the page."""
    if not pack.reference:
        return []
    zh = pack.notice or "本评价包为参考包，并非官方文本。"
    en = pack.notice_en or "This is a reference pack, not official text."
    return [notice_box([f"<b>{escape('参考评价包 Reference pack')}</b><br/>{escape(zh)}",
                        coloured(escape(en), MUTED)]), spacer(2)]


def particulars(record: Record, *, include_product: bool = True) -> list[Any]:
    applicant, pack, a = record.applicant, record.pack, record.assessment
    region = applicant.get("region")
    region_text = " ".join(x for x in (region_label(region), region_label(region, english=True)) if x)
    fields = [
        ("申请企业", "Applicant", applicant["name"]),
        ("统一社会信用代码", "Credit code", applicant["uscc"]),
        ("地区", "Region", region_text),
        ("地址", "Address", applicant.get("address")),
    ]
    product = record.product
    if include_product:
        product_text = "—"
        if product:
            product_text = product["name"] + (f"（型号 models: {product['models']}）" if product.get("models") else "")
        fields += [
            ("产品", "Product", product_text),
            ("产品标准", "Standard", (product or {}).get("standard") or pack.standard),
            ("实施细则", "Implementation rule", (product or {}).get("implementation_rule") or pack.implementation_rule),
            ("生产场所", "Factory address", (product or {}).get("factory_address")),
        ]
    yes_no = labels.YES_NO[bool(pack.reference)]
    version_markup = paragraph(
        escape(f"{pack.id} @ {pack.version}") + " · "
        + coloured(escape("哈希 hash "), MUTED) + escape(short_hash(a["scheme_hash"]))
        + " · " + coloured(escape("参考包 reference: "), MUTED) + bilingual(*yes_no, en_size=7.5),
        "cell")
    fields += [
        ("评价方案", "Scheme", paragraph(bilingual(pack.title, pack.title_en, en_size=7.5), "cell")),
        ("评价包版本", "Pack version", version_markup),
        ("评价方式", "Mode", paragraph(pair(labels.label(labels.MODES, a["mode"])), "cell")),
        ("评审员", "Assessor", a["assessor"]) if a["mode"] != "self" else ("自评人", "Self-assessed by",
                                                                            a["assessor"]),
        ("开始日期", "Started", when(a["created_at"], zone=record.time_zone, date_only=True)),
    ]
    return [field_table(fields, label_width=0.22)]


def section_scores(record: Record) -> list[Any]:
    """The scorer's section scores as a table (pack order), the total, then the radar."""
    result = record.result
    rows = [[paragraph(stacked("部分", "Section"), "cell_head"),
             paragraph(stacked("阶段", "Stage"), "cell_head"),
             paragraph(stacked("得分", "Score"), "cell_right"),
             paragraph(stacked("满分", "Max"), "cell_right"),
             paragraph(stacked("得分率", "Rate"), "cell_right"),
             paragraph(stacked("已答", "Answered"), "cell_right")]]
    for section in result.sections:
        stage = record.pack.section(section.id).stage
        scored = section.max > 0
        rows.append([
            paragraph(bilingual(section.title, section.title_en, en_size=7.5), "cell"),
            paragraph(stacked(*labels.label(labels.STAGES, stage)), "cell"),
            paragraph(number(section.score) if scored else coloured("不计分", MUTED), "cell_right"),
            paragraph(number(section.max) if scored else coloured("gate", MUTED), "cell_right"),
            paragraph(f"{section.score / section.max * 100:.0f}%" if scored else "—", "cell_right"),
            paragraph(f"{section.answered} / {section.items}", "cell_right"),
        ])
    rows.append([paragraph("<b>" + bilingual("总分", "Total", en_size=7.5) + "</b>", "cell"), "",
                 paragraph(f"<b>{number(result.total)}</b>", "cell_right"),
                 paragraph("100.00", "cell_right"), "",
                 paragraph(f"{result.answered} / {result.items}", "cell_right")])
    table = data_table(rows, [0.44, 0.16, 0.1, 0.1, 0.09, 0.11],
                       extra_style=[("SPAN", (0, -1), (1, -1))])
    story = [table]
    radar = radar_from_sections(result.sections)
    if radar is not None:
        caption_zh, caption_en = "雷达图：各部分得分占该部分满分的百分比。", \
            "Radar: each section's score as a percentage of its maximum."
        if any(section.max <= 0 for section in result.sections):
            caption_zh += "不计分的部分（如基本条件）不显示。"
            caption_en += " Unscored sections (such as the basic conditions) are left out."
        story += [spacer(2), radar, spacer(2), paragraph(bilingual(caption_zh, caption_en), "muted")]
    return story
