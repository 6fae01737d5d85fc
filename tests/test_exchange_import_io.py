"""How an import writes evidence (tests/benchmarks/bench_exchange.py measures it): the page
cache is made room for one evidence file while it is written and put back after, and a
stored evidence entry is read straight from the zip file, without the zip's CRC pass, but
never past its size, never from a broken local header, and always checked by its SHA-256."""

from __future__ import annotations

import zipfile

import pytest

from brandmark import exchange
from exchange_support import make_world
from support import MINI_GRANT, refused_with

SIZE = 3 * 1024 * 1024


@pytest.fixture
def world(tmp_path):
    made = make_world(tmp_path)
    yield made
    made.close()


def work_with_evidence(world, data: bytes = b"q" * SIZE):
    laptop_id = world.receive()
    world.laptop.assessments.answer_many(laptop_id, dict(MINI_GRANT), by=world.assessor_on_laptop)
    world.laptop.assessments.add_evidence(laptop_id, "V1", "big.jpg", data, by=world.assessor_on_laptop)
    return world.export_work(laptop_id)


def test_the_page_cache_holds_one_evidence_file_while_it_is_written_and_is_put_back(world, monkeypatch):
    """For evidence kept in the database: a register whose threshold keeps 3 MiB inside."""
    work = work_with_evidence(world)
    world.body.evidence_files.threshold = 1 << 40
    conn = world.body.conn
    before = conn.execute("PRAGMA cache_size").fetchone()[0]
    seen = []
    real = type(world.body.exchange)._write_evidence

    def watched(self, *args, **kwargs):
        seen.append(conn.execute("PRAGMA cache_size").fetchone()[0])
        return real(self, *args, **kwargs)

    monkeypatch.setattr(type(world.body.exchange), "_write_evidence", watched)
    exchange.import_bundle(world.body, work)
    assert seen and -seen[0] * 1024 >= SIZE          # KiB, negative: room for the whole file
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == before


def test_a_refused_import_puts_the_cache_back_too(world):
    work = work_with_evidence(world)
    conn = world.body.conn
    before = conn.execute("PRAGMA cache_size").fetchone()[0]
    data = bytearray(work.read_bytes())
    at = data.find(b"q" * 64) + 10                        # inside the stored evidence
    data[at] ^= 0x01
    work.write_bytes(bytes(data))
    with refused_with("exchange.evidence_hash"):
        exchange.import_bundle(world.body, work)
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == before
    assert world.body.conn.execute("SELECT count(*) FROM evidence").fetchone()[0] == 0


def test_a_broken_local_header_of_an_evidence_entry_is_refused(world):
    work = work_with_evidence(world)
    with zipfile.ZipFile(work) as archive:
        info = next(i for i in archive.infolist() if i.filename.startswith("evidence/"))
    data = bytearray(work.read_bytes())
    assert data[info.header_offset:info.header_offset + 4] == b"PK\x03\x04"
    data[info.header_offset + 3] = 0x09
    work.write_bytes(bytes(data))
    with refused_with("exchange.malformed"):
        exchange.import_bundle(world.body, work)
    assert world.body.conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 0


def test_the_evidence_is_stored_whole(world):
    data = bytes(range(256)) * (SIZE // 256)
    exchange.import_bundle(world.body, work_with_evidence(world, data))
    (evidence_id,) = world.body.conn.execute("SELECT id FROM evidence").fetchone()
    assert b"".join(world.body.assessments.evidence_chunks(evidence_id)) == data
