"""Helpers the certificate tests share (no tests here): decided assessments in a mini-pack store."""

from __future__ import annotations

import itertools
import shutil
import subprocess
from pathlib import Path

from brandmark.uscc import make_uscc
from support import MINI_GRANT, MINI_PACK, register_staff, new_certification_assessment

ASSESSOR, DECIDER = "张三", "李四"
_serial = itertools.count(1)
STRANGE_NAME = ('“天台山”<不锈钢> & Sons 制品有限公司 "Quote" \'single\' <b>not bold</b> & '
                'AT&T 分公司（台州）长名称测试用字样甲乙丙丁')[:80].ljust(80, "长")


BODY_PASSPHRASE = "the body's test passphrase"


def ensure_body_key(store) -> None:
    """The register's key, made once and open (a cheap scrypt: tests make many registers)."""
    keys = store.body_keys
    if keys.current() is None:
        keys.init(BODY_PASSPHRASE, by="tester", work_factor=2 ** 10)
    elif not keys.is_unlocked():
        keys.unlock(BODY_PASSPHRASE)


def ensure_mini(store) -> None:
    """The mini pack loaded, and the test personnel registered, competent for it and signed in."""
    if not any(row["id"] == "mini" for row in store.schemes.list()):
        store.schemes.import_file(MINI_PACK, actor="tester")
    register_staff(store)


def decided_assessment(store, *, name: str = "杭州测试电器有限公司", address: str = "杭州市西湖区文三路 1 号",
                       decision: str = "grant", answers: dict | None = None, mode: str = "certification",
                       product: str = "电水壶", standard: str | None = "T/ZZB 0001—2026",
                       rule: str | None = "ZJM-006-0001-2026") -> int:
    """A mini-pack assessment answered to grant and decided (``decision=None`` leaves it open),
    in a register whose key is made and open."""
    ensure_mini(store)
    ensure_body_key(store)
    serial = next(_serial)
    applicant_id = store.applicants.add(name=name, uscc=make_uscc("91", "330100", f"T{serial:07d}"),
                                        region="杭州", address=address, actor="tester")
    assessment_id = new_certification_assessment(store, applicant_id, "mini", assessor=ASSESSOR,
                                                 mode=mode, product=product, models="K-1, K-2",
                                                 standard=standard, implementation_rule=rule,
                                                 factory_address="杭州市余杭区 工厂路 2 号")
    store.assessments.answer_many(assessment_id, answers or dict(MINI_GRANT), by=ASSESSOR)
    if decision and mode == "certification":
        store.assessments.decide(assessment_id, decision, by=DECIDER)
    return assessment_id


def issued(store, **kwargs) -> dict:
    return store.certificates.issue(decided_assessment(store, **kwargs))


def have(tool: str) -> bool:
    return shutil.which(tool) is not None


def pdf_to_png(pdf: Path, out_prefix: Path, dpi: int = 110) -> Path:
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(pdf), str(out_prefix)], check=True)
    return out_prefix.with_suffix(".png")
