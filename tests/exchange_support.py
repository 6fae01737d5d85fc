"""Three registers for the exchange tests: the body, an assessor's laptop, an enterprise.

``World`` builds them the way people would: the assessor registers on the laptop (their
key lives there) and hands the body their card; the body makes its key and hands the
laptop its trust list; the body registers the applicant and opens the assessment.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from brandmark import exchange
from brandmark.store import Store
from support import FIXED_NOW, MINI_PACK, TEST_PASSPHRASE, new_certification_assessment

BODY_PASSPHRASE = "the body's passphrase"
ASSESSOR = "张三"
USCC = "91350100M000100Y43"


@dataclass
class World:
    folder: Path
    body: Store
    laptop: Store
    enterprise: Store
    assessor_at_body: int
    assessor_on_laptop: int
    admin: int
    clerk: int              # a body person who can answer (for conflicts)
    applicant: int
    assessment: int

    def path(self, name: str) -> Path:
        return self.folder / name

    def assign(self, name: str = "assignment.bmx") -> Path:
        exchange.assign(self.body, self.assessment, to=self.assessor_at_body, path=self.path(name), by="管理员")
        return self.path(name)

    def receive(self, name: str = "assignment.bmx") -> int:
        return exchange.import_bundle(self.laptop, self.assign(name))["assessment"]

    def export_work(self, laptop_assessment: int, name: str = "work.bmx") -> Path:
        exchange.export_assessment(self.laptop, laptop_assessment, path=self.path(name), by=self.assessor_on_laptop)
        return self.path(name)

    def close(self):
        for store in (self.body, self.laptop, self.enterprise):
            store.close()


def make_world(folder: Path) -> World:
    clock = lambda: FIXED_NOW  # noqa: E731
    body = Store(folder / "body.db", clock=clock, load_bundled_packs=False)
    laptop = Store(folder / "laptop.db", clock=clock, load_bundled_packs=False)
    enterprise = Store(folder / "enterprise.db", clock=clock, load_bundled_packs=False)
    for store in (body, laptop, enterprise):
        store.schemes.import_file(MINI_PACK, actor="tests")
    # The assessor registers on their laptop, where their key lives, and makes their card.
    me = laptop.people.add(name=ASSESSOR, roles=["assessor"], schemes=["mini"], passphrase=TEST_PASSPHRASE, by="me")
    laptop.people.unlock(me["id"], TEST_PASSPHRASE)
    exchange.export_card(laptop, me["id"], folder / "zhang.card")
    # The body: an admin, a clerk, its key; it registers the assessor from the card.
    admin = body.people.add(name="管理员", roles=["admin"], passphrase=TEST_PASSPHRASE, by="setup")
    clerk = body.people.add(name="王五", roles=["assessor"], schemes=["mini"], passphrase=TEST_PASSPHRASE, by="setup")
    zhang = exchange.import_card(body, folder / "zhang.card", roles="assessor", schemes="mini", by=admin["id"])
    body.body_keys.init(BODY_PASSPHRASE, by="管理员", work_factor=2 ** 10)
    body.body_keys.export_trust_list(folder / "trust.json", BODY_PASSPHRASE)
    laptop.body_keys.import_trust_list(folder / "trust.json", by=ASSESSOR)
    applicant = body.applicants.add(name="杭州测试电器有限公司", uscc=USCC, region="杭州", address="杭州市西湖区文三路 1 号",
                                    actor="管理员")
    # The clerk accepts the application the assessment starts from, and signs out again.
    body.people.unlock(clerk["id"], TEST_PASSPHRASE)
    assessment = new_certification_assessment(body, applicant, "mini", assessor=zhang["id"],
                                              product="电热水壶", models="K-1", accepted_by=clerk["id"])
    body.people.lock(clerk["id"])
    return World(folder, body, laptop, enterprise, zhang["id"], me["id"], admin["id"], clerk["id"], applicant,
                 assessment)


def rewrite_zip(source: Path, target: Path, change) -> Path:
    """A copy of the zip ``source`` with ``change(name, data) -> data | None`` applied to each
    entry (None drops it); CRCs are recomputed, as a tamperer would."""
    with zipfile.ZipFile(source) as archive:
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info, data in entries:
            changed = change(info.filename, data)
            if changed is not None:
                archive.writestr(info, changed)
    target.write_bytes(out.getvalue())
    return target


def flip_byte(data: bytes, at: int | None = None) -> bytes:
    """``data`` with one byte changed (the middle one by default), kept printable ASCII when it was."""
    at = len(data) // 2 if at is None else at
    replacement = data[at] ^ 0x01
    if chr(data[at]) in '"{}[]:,\\':
        replacement = data[at]
        for i in range(at, len(data)):
            if chr(data[i]).isalnum():
                at, replacement = i, ord("b") if data[i] != ord("b") else ord("c")
                break
    return data[:at] + bytes([replacement]) + data[at + 1:]
