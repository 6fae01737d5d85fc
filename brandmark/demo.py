"""A clearly marked demo data set: applicants and one finished assessment per pack.

Each certification assessment starts as the register requires, from an application whose
materials were all received (small demo files) and which the demo decider accepted.

Every demo applicant's name starts with 【演示】 and carries ``demo = 1``, so a
demo record can never be mistaken for a real one.

The demo's certification work is done by two registered people, the assessor
``演示评审员 王敏`` and the decider and authoriser ``演示决定人 陈立``, both competent for
every bundled scheme and both with the passphrase ``DEMO_PASSPHRASE`` (published here and
in docs/trust.md: the demo's signatures prove nothing, they only show how signing works).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from brandmark.atomic_files import write_bytes, write_text
from brandmark.errors import RefusedInput
from brandmark.packs.model import CONFORMITY, POINTS, VETO, Item, Pack
from brandmark.scoring.gbt8170 import parse_limit
from brandmark.uscc import make_uscc

if TYPE_CHECKING:
    from brandmark.certificates.pdf import CertificateDocument
    from brandmark.store import Store

DEMO_PREFIX = "【演示】"
ASSESSOR, DECIDER = "演示评审员 王敏", "演示决定人 陈立"
DEMO_PASSPHRASE = "demo-passphrase 演示口令"

_COMPANIES = [
    ("杭州", "hangzhou", "杭州西溪电器有限公司", "电器制造", "杭州市西湖区文三路 100 号"),
    ("宁波", "ningbo", "宁波甬江智能家电股份有限公司", "家用电器", "宁波市鄞州区 中河路 8 号"),
    ("温州", "wenzhou", "温州瓯越泵阀有限公司", "泵阀", "温州市龙湾区 永强大道 1 号"),
    ("嘉兴", "jiaxing", "嘉兴南湖精密电机有限公司", "电机", "嘉兴市南湖区 科技路 66 号"),
    ("湖州", "huzhou", "湖州太湖茶业合作社", "茶叶", "湖州市安吉县 溪龙乡"),
    ("绍兴", "shaoxing", "绍兴鉴湖纺织有限公司", "纺织", "绍兴市柯桥区 轻纺城大道 9 号"),
    ("金华", "jinhua", "金华义乌五金工具有限公司", "五金工具", "金华市义乌市 稠州北路 2 号"),
    ("衢州", "quzhou", "衢州柑橘产业有限公司", "水果", "衢州市柯城区 橘乡路 3 号"),
    ("舟山", "zhoushan", "舟山海鲜冷链物流有限公司", "物流服务", "舟山市定海区 港城路 5 号"),
    ("台州", "taizhou", "台州 “天台山” 不锈钢制品有限公司", "日用金属制品", "台州市天台县 工业园区 7 号"),
    ("丽水", "lishui", "丽水山耕农业服务有限公司 & 合作社 <联合体>", "农业服务", "丽水市莲都区 括苍路 11 号"),
]


def demo_value(item: Item, rng_step: int = 0) -> str | int | list[str]:
    """A plausible passing answer for an item (conformity items stay conform)."""
    if item.kind == VETO:
        return "pass"
    if item.kind == CONFORMITY:
        return "conform"
    if item.kind == POINTS:
        return item.target if item.target is not None else item.max_level
    limit = parse_limit(item.limit)
    step = Decimal(1).scaleb(-(limit.decimals + 1))
    if limit.low is not None and limit.high is not None:
        value = (limit.low + limit.high) / 2 + step * (rng_step % 3)
    elif limit.low is not None:
        value = limit.low + step * (3 + rng_step % 5)
    else:
        assert limit.high is not None       # parse_limit gives every limit a bound
        value = limit.high - step * (3 + rng_step % 5)
    value = value.quantize(step)
    return [str(value)] * item.samples if item.samples > 1 else str(value)


# Which demo companies suit which family: (certified applicant, self-assessing applicant),
# as indices into _COMPANIES.
_FAMILY_COMPANIES = {"zhejiang-made": (1, 3), "zhejiang-agri": (4, 7), "zhejiang-service": (8, 10)}


def _first_of(pack: Pack, kind: str) -> Item | None:
    return next((i for i in pack.items() if i.kind == kind), None)


def _receive_materials(store: Store, application_id: int, material: Path) -> None:
    """Every material the pack asks for, received as the one small demo file (the intake reads
    files, as it does the user's)."""
    for item in store.applications.get(application_id)["items"]:
        store.applications.receive(application_id, item["id"], material, by=DECIDER)


def example_certificate_document() -> CertificateDocument:
    """A certificate's document with every field filled by hand and a stand-in payload (what
    ``store.certificates`` fills from the register), for the certificates' docstring examples.

    >>> example_certificate_document().number
    'BM-ZJA-2026-00001'
    """
    import datetime as dt

    from brandmark.certificates.pdf import CertificateDocument   # reportlab: loaded when used

    return CertificateDocument(
        number="BM-ZJA-2026-00001", holder_name="湖州太湖茶业合作社", holder_address="湖州市安吉县溪龙乡",
        holder_uscc="93330523MA2B7K0Q6Q", product="安吉白茶", models="一级", scope="安吉白茶的生产",
        standard="T/ZZB 0001—2026", implementation_rule="ZJA-001-2026", factory_address="湖州市安吉县溪龙乡",
        issued_on=dt.date(2026, 3, 2), expires_on=dt.date(2029, 3, 1), issuing_body="浙江示例认证有限公司",
        issuing_body_en="Zhejiang Example Certification Co., Ltd.", body_code="DEMO", authorised_by="李四",
        payload="BM1:EXAMPLE-PAYLOAD", key_id="example-key")


def example_assessment() -> tuple[Store, int]:
    """A register in memory holding one started certification assessment, for the core's
    docstring examples: 张三 (assessor) and 李四 (decider, authoriser) registered for the
    agricultural scheme and signed in, the body's key made and open, and 湖州太湖茶业合作社's
    application (安吉白茶) received and accepted. Returns ``(store, assessment_id)``.

    >>> store, assessment_id = example_assessment()
    >>> store.assessments.get(assessment_id)["scheme_id"]
    'zhejiang-agri'
    """
    from brandmark.store import Store

    store = Store(":memory:")
    for name, roles in (("张三", ["assessor"]), ("李四", ["decider", "authoriser"])):
        person = store.people.add(name=name, roles=roles, schemes=["zhejiang-agri"],
                                  passphrase=f"{name}的口令 passphrase", by="管理员")
        store.people.unlock(person["id"], f"{name}的口令 passphrase")
    store.body_keys.init("the body's passphrase 机构口令", by="管理员")
    applicant = store.applicants.add(name="湖州太湖茶业合作社", uscc="93330523MA2B7K0Q6Q",
                                     address="湖州市安吉县溪龙乡", actor="管理员")
    application = store.applications.new(applicant_id=applicant, scheme_id="zhejiang-agri", product="安吉白茶",
                                         factory_address="湖州市安吉县溪龙乡", by="前台")
    # The intake copies a received file into the register, so the folder can go at once.
    with tempfile.TemporaryDirectory() as folder:
        material = Path(folder) / "材料.pdf"
        write_bytes(material, b"%PDF-1.4 application material")
        for item in store.applications.get(application)["items"]:
            if item["required"]:
                store.applications.receive(application, item["id"], material, by="前台")
    store.applications.decide(application, "accept", by="李四")
    return store, store.applications.start_assessment(application, assessor="张三")


def example_certificate() -> tuple[Store, str]:
    """``example_assessment``'s assessment answered with ``demo_value``, granted by 李四 and its
    certificate issued, for the core's docstring examples. Returns ``(store, number)``.

    >>> store, number = example_certificate()
    >>> store.certificates.get(number)["status"]
    'valid'
    """
    store, assessment_id = example_assessment()
    answers = {item.id: demo_value(item) for item in store.assessments.pack_for(assessment_id).items()}
    store.assessments.answer_many(assessment_id, answers, by="张三")
    store.assessments.decide(assessment_id, "grant", by="李四")
    return store, store.certificates.issue(assessment_id)["number"]


def example_failed_visit() -> tuple[Store, str, int]:
    """``example_certificate``'s first surveillance visit, its lead sample failing (2.6 mg/kg
    where the limit is 2.0), decided ``suspend`` by 李四: the steps of ``store.surveillance``'s
    example. Returns ``(store, number, the visit's assessment id)``.

    >>> store, number, visit_id = example_failed_visit()
    >>> store.certificates.get(number)["status"], store.assessments.get(visit_id)["kind"]
    ('suspended', 'surveillance')
    """
    store, number = example_certificate()
    visit_id: int = store.surveillance.open_visit(number, assessor="张三")["assessment_id"]
    surveyed = store.assessments.pack_for(visit_id).items()
    answers = {item.id: demo_value(item) for item in surveyed} | {"ag-lead": "2.6"}
    store.assessments.answer_many(visit_id, answers, by="张三")
    store.surveillance.decide(visit_id, "suspend", by="李四", reason="抽样不合格：铅超标")
    return store, number, visit_id


def load_demo(store: Store, progress: Callable[[int, int, str], object] | None = None) -> dict[str, list[int]]:
    """Load the demo data set in one transaction; refuses if it is already loaded.

    ``progress(done, total, message)`` is called as work proceeds (the window shows it).
    """
    if store.applicants.demo_loaded():
        raise RefusedInput.of("demo.loaded")
    packs = [store.schemes.get(row["id"], row["version"]) for row in store.schemes.list() if row["latest"]]
    total = len(_COMPANIES) + 2 * len(packs)
    done = 0

    def tick(message: str) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, total, message)

    created: dict[str, list[int]] = {"applicants": [], "assessments": [], "people": []}
    with tempfile.TemporaryDirectory(prefix="brandmark-demo-") as folder, store.atomic():
        materials = write_text(Path(folder) / f"{DEMO_PREFIX}申请资料.txt",
                               "【演示】申请资料：仅用于演示，不是真实文件。\n(demo) application material, not a real document.\n")
        schemes = sorted({pack.id for pack in packs})
        for name, roles in ((ASSESSOR, ["assessor"]), (DECIDER, ["decider", "authoriser"])):
            person = store.people.add(name=name, roles=roles, schemes=schemes, passphrase=DEMO_PASSPHRASE,
                                      by="demo", demo=True)
            store.people.unlock(person["id"], DEMO_PASSPHRASE)
            created["people"].append(person["id"])
        applicant_ids: list[int] = []
        for index, (_, region, name, industry, address) in enumerate(_COMPANIES, start=1):
            applicant_id = store.applicants.add(
                name=DEMO_PREFIX + name, uscc=make_uscc("91", "3301" + f"{index:02d}", f"DM{index:06d}"),
                region=region, address=address, industry=industry, contact="演示联系人 0571-00000000",
                actor="demo", demo=True)
            applicant_ids.append(applicant_id)
            created["applicants"].append(applicant_id)
            tick(name)
        for pack_index, pack in enumerate(packs):
            certified, self_assessing = _FAMILY_COMPANIES.get(pack.family, (pack_index, pack_index + 3))
            applicant_id = applicant_ids[certified % len(applicant_ids)]
            # A finished certification assessment, from an accepted application: one minor NC,
            # corrected and verified, granted.
            application_id = store.applications.new(
                applicant_id=applicant_id, scheme_id=pack.id, scheme_version=pack.version,
                product=f"演示产品（{pack.title}）", models="DEMO-1, DEMO-2",
                standard=pack.standard if pack.standard.startswith("T/ZZB") and "示例" not in pack.standard else None,
                factory_address="演示地址", by=DECIDER)
            _receive_materials(store, application_id, materials)
            store.applications.decide(application_id, "accept", by=DECIDER)
            assessment_id = store.applications.start_assessment(application_id, assessor=ASSESSOR)
            answers: dict[str, object] = {item.id: demo_value(item, step) for step, item in enumerate(pack.items())}
            minor_item = _first_of(pack, CONFORMITY)
            if minor_item:
                answers[minor_item.id] = {"value": "minor", "note": "演示：记录不完整 / demo: incomplete records"}
            store.assessments.answer_many(assessment_id, answers, by=ASSESSOR)
            for finding in store.assessments.findings(assessment_id):
                store.assessments.update_finding(finding["id"], by=ASSESSOR,
                                                 corrective_action="演示：补全记录并培训 / demo: records completed")
                store.assessments.close_finding(
                    finding["id"], by=ASSESSOR, checked="演示：复核补全的记录 / demo: completed records checked",
                    evidence="演示：补全后的记录 / demo: the completed records")
            store.assessments.set_stage(assessment_id, "summary")
            if store.assessments.score(assessment_id).verdict == "grant":
                store.assessments.decide(assessment_id, "grant", by=DECIDER, note="演示 / demo")
            created["assessments"].append(assessment_id)
            tick(pack.title)
            # An enterprise self-assessment with gaps, left open.
            self_id = store.assessments.new(
                applicant_id=applicant_ids[self_assessing % len(applicant_ids)], scheme_id=pack.id,
                scheme_version=pack.version, assessor="演示企业自评人", mode="self")
            gaps: dict[str, object] = {}
            for step, item in enumerate(pack.items()):
                value = demo_value(item, step)
                if item.kind == POINTS and step % 2 == 0 and isinstance(value, int) and value > 0:
                    value -= 1
                gaps[item.id] = value
            store.assessments.answer_many(self_id, gaps, by="演示企业自评人")
            created["assessments"].append(self_id)
            tick(pack.title)
    return created
