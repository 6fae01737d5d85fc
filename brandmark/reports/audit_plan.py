"""The audit plan for the enterprise (审核计划): dates, team, scope and the items to be audited,
in Chinese with English beside it, fonts embedded like the other reports."""

from __future__ import annotations

from pathlib import Path

from brandmark.packs.model import Pack
from brandmark.regions import region_label
from brandmark.reports.common import reference_notice, short_hash, when
from brandmark.reports.layout import (
    MUTED, DocumentMeta, bilingual, build_document, coloured, data_table, escape, field_table, notice_box,
    paragraph, spacer, stacked, text,
)

REPORT_ZH, REPORT_EN = "审核计划", "Audit plan"
AUDITED_STAGES = ("audit", "characteristics")
ROLE = {"leader": ("审核组长", "Team leader"), "member": ("审核员", "Assessor")}


def write_audit_plan(store, assessment_id: int, path: str | Path) -> int:
    """Write the latest audit plan of ``assessment_id`` to ``path``; returns the page count.

    >>> write_audit_plan(store, 3, "/tmp/plan-3.pdf")  # doctest: +SKIP
    2
    """
    plan = store.audits.require_plan(assessment_id)
    assessment = store.assessments.get(assessment_id)
    applicant = store.applicants.get(assessment["applicant_id"])
    product = (store.applicants.product(assessment["product_id"])
               if assessment.get("product_id") is not None else None)
    pack = store.assessments.pack_for(assessment_id)
    zone = store.time_zone().key
    # The body's name as the certificates print it (``certificates settings --body``).
    body = store.settings.get("body.name") or ""
    story = build_story(plan, assessment, applicant, product, pack, body=body)
    meta = DocumentMeta(
        header_right=f"{REPORT_ZH} {REPORT_EN} · #{assessment_id}",
        footer_left=f"生成 Generated {when(store.now(), zone=zone)}",
        footer_right="参考评价包 Reference pack" if pack.reference else f"{pack.id} {pack.version}",
        subject=f"{REPORT_EN} #{assessment_id}: {applicant['name']}",
        keywords=("品字标", pack.id, pack.version, "audit plan"))
    return build_document(path, f"{REPORT_ZH} {REPORT_EN} #{assessment_id}", story, meta)


def schedule(plan: dict, pack: Pack) -> list[tuple[str, list[str]]]:
    """What each audit day covers: the opening meeting first, the sections to be audited
    spread over the days in pack order, the closing meeting last.

    Returns ``[(day, [section id, ...]), ...]``; the meetings are added when printed."""
    days = plan["days"]
    sections = [s for s in pack.sections if s.stage in AUDITED_STAGES]
    per_day = -(-len(sections) // len(days)) if sections else 0
    return [(day, [s.id for s in sections[n * per_day:(n + 1) * per_day]]) for n, day in enumerate(days)]


def build_story(plan: dict, assessment: dict, applicant: dict, product: dict | None, pack: Pack,
                body: str = "") -> list:
    story = [paragraph(escape(REPORT_ZH), "title"),
             paragraph(escape(f"{REPORT_EN} · 评审 Assessment #{assessment['id']}"), "subtitle")]
    if applicant.get("demo"):
        story += [notice_box(bilingual("演示数据：本计划由演示数据生成，不对应真实企业。",
                                       "Demo data: this plan was made from the demo data set and describes no "
                                       "real company.")), spacer(2)]
    story += reference_notice(pack)
    story += [notice_box([escape(f"致 {applicant['name']}：{body or '本认证机构'}拟按本计划对贵单位实施现场审核。"
                                 "请在收到后 3 个工作日内确认日期；如认为审核组成员与贵单位存在利益冲突，"
                                 "可说明理由申请更换。"),
                          coloured(escape(f"To {applicant['name']}: {body or 'the certification body'} plans "
                                          "the on-site audit as below. Please confirm the dates within 3 working "
                                          "days of receiving this plan; if a member of the team has a conflict of "
                                          "interest with you, you may ask, with reasons, for a replacement."),
                                   MUTED)]), spacer(2)]

    region = applicant.get("region")
    story += [paragraph(bilingual("一、受审核方与范围", "Auditee and scope"), "h1"), field_table([
        ("受审核方", "Auditee", applicant["name"]),
        ("统一社会信用代码", "Credit code", applicant["uscc"]),
        ("地址", "Address", " ".join(x for x in (region_label(region), applicant.get("address") or "") if x)),
        ("认证方案", "Scheme", f"{pack.title} · {pack.title_en}" if pack.title_en else pack.title),
        ("评价包版本", "Pack version", f"{pack.id} {pack.version} · {short_hash(pack.content_hash)}"),
        ("实施规则", "Implementation rule", (product or {}).get("implementation_rule") or pack.implementation_rule),
        ("产品", "Product", (product or {}).get("name") or "—"),
        ("型号", "Models", (product or {}).get("models") or "—"),
        ("标准", "Standard", (product or {}).get("standard") or pack.standard),
        ("生产场所", "Production site", (product or {}).get("factory_address") or "—"),
    ])]

    story += [paragraph(bilingual("二、审核日期与人日", "Dates and person-days"), "h1"), field_table([
        ("开始日期", "From", plan["starts_on"]), ("结束日期", "To", plan["ends_on"]),
        ("审核人日", "Person-days", f"{plan['person_days']:g}"), ("现场天数", "Days on site", str(len(plan["days"]))),
        ("员工人数", "Employees", str(plan["employees"])), ("生产场所数", "Production sites", str(plan["sites"])),
        ("认证单元数", "Product units", str(plan["products"])), ("依据", "Per", plan.get("clause") or "—"),
    ], columns=2), spacer(1), paragraph(bilingual(
        "人日数按评价包的人日表确定（员工人数、生产场所、认证范围）；现场天数 = 人日 ÷ 审核组人数，向上取整，按工作日安排。",
        "Person-days follow the pack's person-day table (employees, production sites, scope); days on site = "
        "person-days ÷ team size, rounded up, on working days."), "muted")]

    team_rows = [[paragraph(stacked("序", "No."), "cell_head"), paragraph(stacked("姓名", "Name"), "cell_head"),
                  paragraph(stacked("审核组职务", "Role in the team"), "cell_head"),
                  paragraph(stacked("人员编号", "Person id"), "cell_head")]]
    for number, member in enumerate(plan["team"], start=1):
        zh, en = ROLE.get(member["role"], (member["role"], member["role"]))
        team_rows.append([text(number, "cell"), text(member["name"], "cell"),
                          paragraph(bilingual(zh, en), "cell"), text(f"#{member['id']}", "cell")])
    story += [paragraph(bilingual("三、审核组", "Audit team"), "h1"),
              data_table(team_rows, [0.08, 0.37, 0.35, 0.20]), spacer(1), paragraph(bilingual(
                  "审核组成员均为本机构注册的审核员，具备该认证方案的能力，且未向受审核方提供过咨询。",
                  "Every member is an assessor registered with the body, competent for this scheme, who has "
                  "not given consultancy to the auditee."), "muted")]

    sections = {s.id: s for s in pack.sections}
    day_rows = [[paragraph(stacked("日期", "Date"), "cell_head"), paragraph(stacked("安排", "Programme"), "cell_head")]]
    plan_days = schedule(plan, pack)
    for index, (day, section_ids) in enumerate(plan_days):
        lines = []
        if index == 0:
            lines.append(paragraph(bilingual("首次会议", "Opening meeting"), "cell"))
        for section_id in section_ids:
            s = sections[section_id]
            lines.append(paragraph(bilingual(s.title, s.title_en), "cell"))
        if index == len(plan_days) - 1:
            lines.append(paragraph(bilingual("审核组内部会议；末次会议", "Team meeting; closing meeting"), "cell"))
        day_rows.append([text(day, "cell"), lines])
    story += [paragraph(bilingual("四、日程", "Programme"), "h1"), data_table(day_rows, [0.2, 0.8])]

    item_rows = [[paragraph(stacked("编号", "Item"), "cell_head"),
                  paragraph(stacked("审核内容", "To be audited"), "cell_head"),
                  paragraph(stacked("条款", "Clause"), "cell_head")]]
    for section in pack.sections:
        if section.stage not in AUDITED_STAGES:
            continue
        item_rows.append(["", paragraph("<b>" + bilingual(section.title, section.title_en) + "</b>", "cell"), ""])
        for item in section.items:
            item_rows.append([text(item.id, "cell_id"), paragraph(bilingual(item.title, item.title_en), "cell"),
                              text(item.clause or "—", "cell_small")])
    story += [paragraph(bilingual("五、审核内容", "Items to be audited"), "h1"),
              paragraph(bilingual("按认证方案的工厂审核和“浙江制造”特性要求逐项审核：",
                                  "Each item of the scheme's factory audit and characteristics:"), "lead"),
              data_table(item_rows, [0.21, 0.58, 0.21])]
    return story
