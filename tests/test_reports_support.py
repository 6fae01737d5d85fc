"""Helpers the report tests share (no tests here): mini-pack records and PDF reading."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from pypdf import PdfReader

from brandmark.uscc import make_uscc
from support import MINI_PACK, new_certification_assessment

ASSESSOR, DECIDER = "张三", "李四"
NASTY_NAME = ('“天台山” "Quote" \'single\' <b>not bold</b> & AT&T <联合体> 不锈钢制品有限公司'
              '（台州）长名称测试用字样甲乙丙丁戊己庚辛壬癸ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')
NOTE_WITH_NEWLINES = "第一行 line one\n第二行 <line two> & more\n\n第四行 line four"
_serial = itertools.count(1)

# Answers that exercise every rendering: a test passing only by the rounded method
# (96.96 → 97.0), a two-sample test failing by the full-value method (0.26 > 0.25),
# a minor nonconformity with a multi-line note, a level below target, an N/A item.
MIXED_ANSWERS = {
    "V1": "pass",
    "T1": "96.96",
    "T2": ["0.20", "0.26"],
    "C1": {"value": "minor", "note": "文件控制记录不完整"},
    "C2": "conform",
    "P1": 2,
    "P2": "na",
}


def ensure_mini(store) -> None:
    """The mini pack loaded, and the test personnel registered, competent for it and signed in."""
    from support import register_staff

    if not any(row["id"] == "mini" for row in store.schemes.list()):
        store.schemes.import_file(MINI_PACK, actor="tester")
    register_staff(store)


def new_applicant(store, name: str = "杭州测试电器有限公司", address: str = "杭州市西湖区文三路 1 号") -> int:
    serial = next(_serial)
    return store.applicants.add(name=name, uscc=make_uscc("91", "330100", f"R{serial:07d}"), region="杭州",
                                address=address, actor="tester")


def mixed_assessment(store, *, name: str = "杭州测试电器有限公司", decide: bool = True,
                     mode: str = "certification", evidence: bool = True) -> int:
    """A mini-pack assessment with ``MIXED_ANSWERS``, a finding with its corrective action,
    one evidence file, and (certification, ``decide``) a refusal by someone else."""
    ensure_mini(store)
    applicant_id = new_applicant(store, name=name)
    assessment_id = new_certification_assessment(store, applicant_id, "mini", assessor=ASSESSOR,
                                                 mode=mode, product="电水壶", models="K-1, K-2",
                                                 factory_address="杭州市余杭区 工厂路 2 号")
    store.assessments.answer_many(assessment_id, MIXED_ANSWERS, by=ASSESSOR)
    # The store's clean_text refuses newlines today, but a report must survive multi-line
    # text (older or imported records, a later relaxation): put it in behind the API.
    store.db["answers"].update((assessment_id, "C1"), {"note": NOTE_WITH_NEWLINES})
    for finding in store.assessments.findings(assessment_id):
        store.assessments.update_finding(finding["id"], by=ASSESSOR, corrective_action="补全文件控制记录并培训")
    if evidence:
        store.assessments.add_evidence(assessment_id, "C1", "文件控制记录 <2026> & 附件.pdf",
                                       b"evidence bytes", by=ASSESSOR)
    if decide and mode == "certification":
        store.assessments.decide(assessment_id, "refuse", by=DECIDER, note="检验不合格")
    return assessment_id


def page_texts(pdf: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(str(pdf)).pages]


def squeezed(text: str) -> str:
    """Text without whitespace: wrapped lines compare equal to the unwrapped original."""
    return re.sub(r"\s+", "", text)


def fonts(pdf: Path) -> list[dict]:
    """Every font dictionary the pages use (descendant fonts of Type0 fonts included)."""
    found = []
    for page in PdfReader(str(pdf)).pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            found.append(font)
            for descendant in font.get("/DescendantFonts") or []:
                found.append(descendant.get_object())
    return found
