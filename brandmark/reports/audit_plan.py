"""The audit plan for the enterprise (审核计划): dates, team, scope and the items to be audited,
in Chinese with English beside it, fonts embedded like the other reports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from brandmark.audit_programme import AUDITED_STAGES
from brandmark.packs.model import Pack
from brandmark.regions import region_label
from brandmark.reports.common import reference_notice, short_hash, when
from brandmark.reports.layout import (
    MUTED, DocumentMeta, Progress, bilingual, build_document, coloured, data_table, escape, field_table, notice_box,
    paragraph, spacer, stacked, text,
)

if TYPE_CHECKING:
    from brandmark.store import Store

REPORT_ZH, REPORT_EN = "审核计划", "Audit plan"
ROLE = {"leader": ("审核组长", "Team leader"), "member": ("审核员", "Assessor")}


def write_audit_plan(store: Store, assessment_id: int, path: str | Path, progress: Progress | None = None) -> int:
    """Write the latest audit plan of ``assessment_id`` to ``path``; returns the page count.

    >>> import tempfile
    >>> from pathlib import Path
    >>> from brandmark.demo import example_assessment
    >>> store, assessment = example_assessment()    # 张三 assessor, 李四 decider; an accepted application
    >>> _ = store.people.add(name="王五", roles=["assessor"], schemes=["zhejiang-agri"],
    ...                      passphrase="王五的口令 passphrase", by="管理员")   # the team needs two
    >>> # A fixed start in a year the bundled holiday calendar covers, so the dates do not move.
    >>> plan = store.audits.plan(assessment, employees=80, starts_on="2026-03-02", by="李四")
    >>> plan["starts_on"], plan["ends_on"], [member["name"] for member in plan["team"]]
    ('2026-03-02', '2026-03-02', ['张三', '王五'])
    >>> folder = tempfile.TemporaryDirectory()
    >>> path = Path(folder.name) / "audit-plan.pdf"
    >>> write_audit_plan(store, assessment, path), path.read_bytes()[:5]
    (3, b'%PDF-')
    >>> folder.cleanup()
    """
    plan = store.audits.require_plan(assessment_id)
    assessment = store.assessments.get(assessment_id)
    applicant = store.applicants.get(assessment["applicant_id"])
    product = (store.applicants.product(assessment["product_id"])
               if assessment.get("product_id") is not None else None)
    if product is not None:
        product = {**product, "models": store.assessments.models_assessed(assessment_id)}
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
    return build_document(path, f"{REPORT_ZH} {REPORT_EN} #{assessment_id}", story, meta, progress)


def build_story(plan: dict[str, Any], assessment: dict[str, Any], applicant: dict[str, Any],
                product: dict[str, Any] | None, pack: Pack, body: str = "") -> list[Any]:
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
    roles = {m["id"]: ROLE.get(m["role"], (m["role"], m["role"])) for m in plan["team"]}

    def who(person_id: int, name: str) -> str:
        zh, en = roles.get(person_id, ("", ""))
        return f"<b>{escape(name)}</b>" + (coloured(escape(f"（{zh} {en}）"), MUTED) if zh else "")

    day_rows = [[paragraph(stacked("日期", "Date"), "cell_head"), paragraph(stacked("安排", "Programme"), "cell_head")]]
    programme = plan.get("programme", [])
    for index, day in enumerate(plan["days"]):
        lines = []
        if index == 0:
            lines.append(paragraph(bilingual("首次会议（全体）", "Opening meeting (whole team)"), "cell"))
        for member in plan["team"]:
            todays = [a for a in programme if a["day"] == day and a["person_id"] == member["id"]]
            for a in todays:
                s = sections[a["section_id"]]
                lines.append(paragraph(who(a["person_id"], a["name"]) + "：" + bilingual(s.title, s.title_en)
                                       + coloured(escape(" · " + ", ".join(a["item_ids"])), MUTED), "cell"))
        if index == len(plan["days"]) - 1:
            lines.append(paragraph(bilingual("审核组内部会议（组长）；末次会议（全体）",
                                             "Team meeting (leader); closing meeting (whole team)"), "cell"))
        day_rows.append([text(day, "cell"), lines])
    load_rows = [[paragraph(stacked("审核员", "Assessor"), "cell_head"),
                  paragraph(stacked("审核人日", "Auditing"), "cell_head"),
                  paragraph(stacked("会议人日", "Meetings"), "cell_head"),
                  paragraph(stacked("合计人日", "Person-days"), "cell_head")]]
    for load in plan.get("loads", []):
        load_rows.append([paragraph(who(load["id"], load["name"]), "cell"), text(f"{load['audit_days']:g}", "cell"),
                          text(f"{load['meeting_days']:g}", "cell"), text(f"{load['person_days']:g}", "cell")])
    story += [paragraph(bilingual("四、日程与分工", "Programme: who audits what, when"), "h1"),
              data_table(day_rows, [0.2, 0.8]), spacer(1), data_table(load_rows, [0.4, 0.2, 0.2, 0.2]),
              spacer(1), paragraph(bilingual(
                  "人日按审核组职务和人日分配：全体参加首次、末次会议（各 0.25 人日），组长另主持审核组内部会议"
                  "（0.25 人日）；其余人日按评价项平均分配，按评价包顺序每人连续承担一段，组长在先。",
                  "Shared by role and person-days: everyone attends the opening and closing meetings (0.25 "
                  "person-day each), the leader also holds the team meeting (0.25); the rest is shared equally "
                  "per item, each member taking one run of items in pack order, the leader first."), "muted")]

    assessor_of = {item_id: (a["person_id"], a["name"]) for a in programme for item_id in a["item_ids"]}
    item_rows = [[paragraph(stacked("编号", "Item"), "cell_head"),
                  paragraph(stacked("审核内容", "To be audited"), "cell_head"),
                  paragraph(stacked("条款", "Clause"), "cell_head"),
                  paragraph(stacked("审核员", "Assessor"), "cell_head")]]
    for section in pack.sections:
        if section.stage not in AUDITED_STAGES:
            continue
        item_rows.append(["", paragraph("<b>" + bilingual(section.title, section.title_en) + "</b>", "cell"), "", ""])
        for item in section.items:
            assessor = assessor_of.get(item.id)
            item_rows.append([text(item.id, "cell_id"), paragraph(bilingual(item.title, item.title_en), "cell"),
                              text(item.clause or "—", "cell_small"), text(assessor[1] if assessor else "—", "cell")])
    story += [paragraph(bilingual("五、审核内容", "Items to be audited"), "h1"),
              paragraph(bilingual("按认证方案的工厂审核和“浙江制造”特性要求逐项审核：",
                                  "Each item of the scheme's factory audit and characteristics:"), "lead"),
              data_table(item_rows, [0.2, 0.5, 0.15, 0.15])]
    return story
