"""Benchmark: importing an assessor's bundle (60 answers, 50 MB of evidence) at the body.

Run on demand (not collected by pytest):

    PYTHONPATH=. python tests/benchmarks/bench_exchange.py [--runs 5] [--mb 50] [--files 10]

Builds a body and a laptop register in a temporary folder (a generated pack of 60
conformity items, the assessor registered from their card, the body's key, the trust
list), assigns, answers all 60 items on the laptop, attaches ``--files`` evidence files of
random (incompressible) bytes adding up to ``--mb`` MB, and exports the signed bundle.

Then, interleaved run by run (medians of ``--runs``; every figure is on the same disk, in
the same folder):

- ``import``: ``exchange.import_bundle`` into a fresh copy of the body's register (the copy
  and the store's open are outside the timing; the import is everything it does: reading
  and checking the zip, the signature, the three-way merge, streaming the evidence into the
  register with its hash, the events, the commit, and the checkpoint SQLite runs at that
  commit, which copies the write-ahead log into the database file and syncs both);
- the floor, with the same durability: the bundle file's bytes copied to a new file in the
  same folder in 1 MiB chunks, hashed once (SHA-256), flushed and ``os.fsync``-ed, with plain
  ``open``/``os``/``hashlib`` calls;
- what the import costs beyond the floor, split: ``to commit`` is the import with the
  register's write-ahead log synced at its commit (``synchronous=FULL``: as durable as the
  floor) and SQLite's automatic checkpoint held back, then ``checkpoint`` is that
  checkpoint run on its own (``PRAGMA wal_checkpoint(TRUNCATE)``);
- ``twice``: the floor's copy written twice (two files, each fsynced), hashed once: what any
  write-ahead design must at least do, the log then the database;
- ``sqlite``: each evidence file read from the zip, hashed once and inserted as one BLOB
  into a bare table of a fresh WAL database, one transaction;
- ``page 64K``: the import into a copy of the register rebuilt with 64 KiB pages (measured,
  not adopted: see docs/exchange.md);
- ``before``: the import as it was before the page cache was given room for one evidence file
  and before stored evidence was read without zipfile's CRC pass (both patched back for
  that one action), so the two changes are measured against it in the same run.

Goal: ``import`` at most 1.5 times the floor.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from _bench import interleaved, medians, report  # noqa: E402
from brandmark import exchange  # noqa: E402
from brandmark.store import Store  # noqa: E402
from support import FIXED_NOW, new_certification_assessment, pack_text  # noqa: E402

PASSPHRASE = "bench passphrase 口令"
BODY_PASSPHRASE = "bench body passphrase"
USCC = "91350100M000100Y43"
ITEMS = 60


def build(folder: Path, megabytes: int, files: int) -> tuple[Path, Path]:
    """The body's register before the import, and the bundle to import."""
    from brandmark import people_keys
    people_keys.SCRYPT_N = 2 ** 10                  # the scrypt cost of signing in is not what is measured
    pack = pack_text([{"weight": 100, "items": [{"id": f"C{n:02d}", "kind": "conformity"} for n in range(ITEMS)]}],
                     pack_id="bench", version="1")
    clock = lambda: FIXED_NOW  # noqa: E731
    body = Store(folder / "body.db", clock=clock, load_bundled_packs=False, auto_backup=False)
    laptop = Store(folder / "laptop.db", clock=clock, load_bundled_packs=False, auto_backup=False)
    for store in (body, laptop):
        store.schemes.import_text(pack, actor="bench")
    me = laptop.people.add(name="张三", roles=["assessor"], schemes=["bench"], passphrase=PASSPHRASE, by="bench")
    laptop.people.unlock(me["id"], PASSPHRASE)
    exchange.export_card(laptop, me["id"], folder / "card.json")
    admin = body.people.add(name="管理员", roles=["admin"], passphrase=PASSPHRASE, by="bench")
    zhang = exchange.import_card(body, folder / "card.json", roles="assessor", schemes="bench", by=admin["id"])
    body.body_keys.init(BODY_PASSPHRASE, by="bench", work_factor=2 ** 10)
    body.body_keys.export_trust_list(folder / "trust.json", BODY_PASSPHRASE)
    laptop.body_keys.import_trust_list(folder / "trust.json", by="bench")
    applicant = body.applicants.add(name="杭州测试电器有限公司", uscc=USCC, region="杭州", actor="bench")
    clerk = body.people.add(name="王五", roles=["assessor"], schemes=["bench"], passphrase=PASSPHRASE, by="bench")
    body.people.unlock(clerk["id"], PASSPHRASE)
    assessment = new_certification_assessment(body, applicant, "bench", assessor=zhang["id"], accepted_by=clerk["id"])
    exchange.assign(body, assessment, to=zhang["id"], path=folder / "assignment.bmx")
    laptop_id = exchange.import_bundle(laptop, folder / "assignment.bmx")["assessment"]
    laptop.assessments.answer_many(laptop_id, {f"C{n:02d}": "conform" for n in range(ITEMS)}, by=me["id"])
    size = megabytes * 1024 * 1024 // files
    for n in range(files):
        laptop.assessments.add_evidence(laptop_id, f"C{n:02d}", f"photo-{n}.jpg", os.urandom(size), by=me["id"])
    exchange.export_assessment(laptop, laptop_id, path=folder / "work.bmx", by=me["id"])
    body.close()
    laptop.close()
    return folder / "body.db", folder / "work.bmx"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--mb", type=int, default=50)
    parser.add_argument("--files", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-exchange-") as temp:
        folder = Path(temp)
        body_db, bundle = build(folder, args.mb, args.files)
        big_db = folder / "body-64k.db"
        shutil.copyfile(body_db, big_db)
        import sqlite3
        rebuild = sqlite3.connect(big_db, isolation_level=None)
        for statement in ("PRAGMA journal_mode = DELETE", "PRAGMA page_size = 65536", "VACUUM",
                          "PRAGMA journal_mode = WAL"):
            rebuild.execute(statement)
        rebuild.close()
        print(f"bundle: {bundle.stat().st_size / 1e6:.1f} MB, {ITEMS} answers, {args.files} evidence files")
        counter = iter(range(10 ** 6))
        pending: dict[str, Store] = {}

        def fresh_body(source: Path = body_db) -> Store:
            target = folder / f"body-{next(counter)}.db"
            shutil.copyfile(source, target)
            return Store(target, clock=lambda: FIXED_NOW, load_bundled_packs=False, auto_backup=False)

        def import_once() -> None:
            store = pending.pop("store")
            result = exchange.import_bundle(store, bundle)
            assert result["imported"]["answers"] == ITEMS and result["imported"]["evidence"] == args.files
            pending["done"] = store

        def copy_and_hash(copies: int = 1) -> None:
            digest = hashlib.sha256()
            targets = [open(folder / f"copy-{n}.bin", "wb") for n in range(copies)]
            try:
                with open(bundle, "rb") as source:
                    while chunk := source.read(1024 * 1024):
                        digest.update(chunk)
                        for target in targets:
                            target.write(chunk)
                for target in targets:
                    target.flush()
                    os.fsync(target.fileno())
            finally:
                for target in targets:
                    target.close()
            digest.hexdigest()

        def write_twice() -> None:
            copy_and_hash(2)

        def to_commit() -> None:
            store = pending.pop("held")
            store.conn.execute("PRAGMA wal_autocheckpoint = 0")
            store.conn.execute("PRAGMA synchronous = FULL")
            result = exchange.import_bundle(store, bundle)
            assert result["imported"]["evidence"] == args.files
            pending["held_done"] = store

        def checkpoint() -> None:
            store = pending["held_done"]
            busy, _, _ = store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            assert busy == 0

        def as_before() -> None:
            """The import without this session's two I/O changes (no room made in the page
            cache, evidence read through zipfile with its CRC pass): what they are worth."""
            import contextlib

            from brandmark.exchange import bundle as bundle_module
            from brandmark.store import exchange as exchange_module
            room, reader = exchange_module.Exchange._cache_room, bundle_module._evidence_reader
            exchange_module.Exchange._cache_room = lambda self, size: contextlib.nullcontext()
            bundle_module._evidence_reader = lambda archive, info: archive.open(info)
            try:
                store = pending.pop("before")
                result = exchange.import_bundle(store, bundle)
                assert result["imported"]["evidence"] == args.files
                pending["before_done"] = store
            finally:
                exchange_module.Exchange._cache_room, bundle_module._evidence_reader = room, reader

        def big_pages() -> None:
            store = pending.pop("big")
            result = exchange.import_bundle(store, bundle)
            assert result["imported"]["evidence"] == args.files
            pending["big_done"] = store

        def timed_import() -> None:
            import_once()

        def bare_sqlite() -> None:
            import sqlite3
            import zipfile
            conn = pending.pop("bare")
            conn.execute("BEGIN IMMEDIATE")
            with zipfile.ZipFile(bundle) as archive:
                for info in archive.infolist():
                    if info.filename.startswith("evidence/"):
                        data = archive.read(info)
                        hashlib.sha256(data).hexdigest()
                        conn.execute("INSERT INTO evidence (content) VALUES (?)", [sqlite3.Binary(data)])
            conn.execute("COMMIT")
            conn.close()

        def fresh_bare():
            import sqlite3
            path = folder / f"bare-{next(counter)}.db"
            conn = sqlite3.connect(path, isolation_level=None)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("CREATE TABLE evidence (id INTEGER PRIMARY KEY, content BLOB NOT NULL)")
            pending["bare"] = conn
            return path

        actions = {"import": timed_import, "floor": copy_and_hash, "to commit": to_commit, "checkpoint": checkpoint,
                   "twice": write_twice, "sqlite": bare_sqlite, "page 64K": big_pages, "before": as_before}
        times: dict[str, list[float]] = {name: [] for name in actions}
        for _ in range(args.runs):
            # Untimed: fresh copies of the body's register, opened, for this run's imports.
            pending["store"] = fresh_body()
            pending["held"] = fresh_body()
            pending["big"] = fresh_body(big_db)
            pending["before"] = fresh_body()
            bare_path = fresh_bare()
            run = interleaved(actions, 1)
            for name in times:
                times[name] += run[name]
            for key in ("done", "held_done", "big_done", "before_done"):
                done = pending.pop(key)
                path = done.path
                done.close()
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
            for suffix in ("", "-wal", "-shm"):
                Path(f"{bare_path}{suffix}").unlink(missing_ok=True)
        result = medians(times)
        figure = f"import a bundle ({ITEMS} answers, {args.mb} MB evidence)"
        report("exchange", figure, result["import"], "copy the bundle's bytes, hash once, fsync", result["floor"],
               goal=1.5, runs=args.runs)
        report("exchange-commit", "the import up to its durable commit (synchronous=FULL, checkpoint held back)",
               result["to commit"], "the same floor", result["floor"], goal=None, runs=args.runs)
        report("exchange-checkpoint", "then the checkpoint alone (WAL into the database file, both synced)",
               result["checkpoint"], "the same floor", result["floor"], goal=None, runs=args.runs)
        report("exchange-twice", "the floor's bytes written twice (log, then database), hashed once, fsync each",
               result["twice"], "the same floor", result["floor"], goal=None, runs=args.runs)
        report("exchange-sqlite", figure, result["import"], "the evidence as bare SQLite BLOBs, hashed once",
               result["sqlite"], goal=None, runs=args.runs)
        report("exchange-before", "the import without the page-cache room and with zipfile's CRC pass",
               result["before"], "the same floor", result["floor"], goal=None, runs=args.runs)
        report("exchange-64k", "the import into the register rebuilt with 64 KiB pages", result["page 64K"],
               "the same floor", result["floor"], goal=None, runs=args.runs)

if __name__ == "__main__":
    main()
