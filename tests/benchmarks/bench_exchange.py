"""Benchmark: importing an assessor's bundle (60 answers, 50 MB of evidence) at the body.

Run on demand (not collected by pytest):

    PYTHONPATH=. python tests/benchmarks/bench_exchange.py [--runs 5] [--mb 50] [--files 10]

Builds a body and a laptop register in a temporary folder (a generated pack of 60
conformity items, the assessor registered from their card, the body's key, the trust
list), assigns, answers all 60 items on the laptop, attaches ``--files`` evidence files of
random (incompressible) bytes adding up to ``--mb`` MB, and exports the signed bundle.

Then, interleaved run by run (medians of ``--runs``):

- ``exchange.import_bundle`` into a fresh copy of the body's register (the copy and the
  store's open are outside the timing; the import is everything it does: reading and
  checking the zip, the signature, the three-way merge, streaming the evidence into the
  register with its hash, the events, the commit);
- the floor: copying the same bundle file's bytes to a new file in the same folder and
  hashing them once (SHA-256), in 1 MiB chunks;
- a second floor, to show what SQLite itself costs: each evidence file read from the zip,
  hashed once and inserted as one BLOB into a bare table of a fresh WAL database
  (synchronous=NORMAL, as the register), one transaction.

Goal: at most 1.5 times the (first) floor.
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
        print(f"bundle: {bundle.stat().st_size / 1e6:.1f} MB, {ITEMS} answers, {args.files} evidence files")
        counter = iter(range(10 ** 6))
        pending: dict[str, Store] = {}

        def fresh_body() -> Store:
            target = folder / f"body-{next(counter)}.db"
            shutil.copyfile(body_db, target)
            return Store(target, clock=lambda: FIXED_NOW, load_bundled_packs=False, auto_backup=False)

        def import_once() -> None:
            store = pending.pop("store")
            result = exchange.import_bundle(store, bundle)
            assert result["imported"]["answers"] == ITEMS and result["imported"]["evidence"] == args.files
            pending["done"] = store

        def copy_and_hash() -> None:
            digest = hashlib.sha256()
            with open(bundle, "rb") as source, open(folder / "copy.bin", "wb") as target:
                while chunk := source.read(1024 * 1024):
                    digest.update(chunk)
                    target.write(chunk)
            digest.hexdigest()

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

        times: dict[str, list[float]] = {"import": [], "floor": [], "sqlite": []}
        for _ in range(args.runs):
            # Untimed: a fresh copy of the body's register, opened, for the next import.
            pending["store"] = fresh_body()
            bare_path = fresh_bare()
            run = interleaved({"import": timed_import, "floor": copy_and_hash, "sqlite": bare_sqlite}, 1)
            for name in times:
                times[name] += run[name]
            done = pending.pop("done")
            path = done.path
            done.close()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
                Path(f"{bare_path}{suffix}").unlink(missing_ok=True)
        result = medians(times)
        report("exchange", f"import a bundle ({ITEMS} answers, {args.mb} MB evidence)", result["import"],
               "copy the bundle's bytes and hash them once", result["floor"], goal=1.5, runs=args.runs)
        report("exchange-sqlite", f"import a bundle ({ITEMS} answers, {args.mb} MB evidence)", result["import"],
               "the evidence as bare SQLite BLOBs, hashed once", result["sqlite"], goal=None, runs=args.runs)


if __name__ == "__main__":
    main()
