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
  and checking the zip, the signature, the three-way merge, each evidence file streamed into
  the register's evidence folder with its hash, fsync-ed, linked into place and its folder
  synced, the rows and events, the commit);
- the floor, with the same durability: the bundle file's bytes copied to a new file in the
  same folder in 1 MiB chunks, hashed once (SHA-256), flushed and ``os.fsync``-ed, with plain
  ``open``/``os``/``hashlib`` calls;
- ``files``: the evidence entries alone copied to one file each, hashed, each fsync-ed and
  its folder synced: the part of the import's durability the floor's single file does not
  pay (one sync per file instead of one in all);
- ``in database``: the import into a copy with every evidence file kept inside the database,
  as before schema step 20 (the threshold raised for that one store): what keeping large
  evidence outside is worth.

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
        print(f"bundle: {bundle.stat().st_size / 1e6:.1f} MB, {ITEMS} answers, {args.files} evidence files")
        counter = iter(range(10 ** 6))
        pending: dict[str, Store] = {}

        def fresh_body() -> Store:
            target = folder / f"body-{next(counter)}.db"
            shutil.copyfile(body_db, target)
            return Store(target, clock=lambda: FIXED_NOW, load_bundled_packs=False, auto_backup=False)

        def import_into(key: str) -> None:
            store = pending.pop(key)
            result = exchange.import_bundle(store, bundle)
            assert result["imported"]["answers"] == ITEMS and result["imported"]["evidence"] == args.files
            pending[key + " done"] = store

        def copy_and_hash() -> None:
            digest = hashlib.sha256()
            with open(bundle, "rb") as source, open(folder / "copy.bin", "wb") as target:
                while chunk := source.read(1024 * 1024):
                    digest.update(chunk)
                    target.write(chunk)
                target.flush()
                os.fsync(target.fileno())
            digest.hexdigest()

        def evidence_files_alone() -> None:
            import zipfile
            out = folder / f"files-{next(counter)}"
            out.mkdir()
            with zipfile.ZipFile(bundle) as archive:
                for info in archive.infolist():
                    if not info.filename.startswith("evidence/"):
                        continue
                    digest = hashlib.sha256()
                    with archive.open(info) as source, open(out / info.filename[9:], "wb") as target:
                        while chunk := source.read(1024 * 1024):
                            digest.update(chunk)
                            target.write(chunk)
                        target.flush()
                        os.fsync(target.fileno())
                    fd = os.open(out, os.O_RDONLY)
                    os.fsync(fd)
                    os.close(fd)
            shutil.rmtree(out)

        actions = {"import": lambda: import_into("store"), "floor": copy_and_hash, "files": evidence_files_alone,
                   "in database": lambda: import_into("inside")}
        times: dict[str, list[float]] = {name: [] for name in actions}
        for _ in range(args.runs):
            # Untimed: fresh copies of the body's register, opened, for this run's imports.
            pending["store"] = fresh_body()
            pending["inside"] = fresh_body()
            pending["inside"].evidence_files.threshold = 1 << 62
            run = interleaved(actions, 1)
            for name in times:
                times[name] += run[name]
            for key in ("store done", "inside done"):
                done = pending.pop(key)
                path = done.path
                done.close()
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
                shutil.rmtree(f"{path}.evidence", ignore_errors=True)
        result = medians(times)
        figure = f"import a bundle ({ITEMS} answers, {args.mb} MB evidence)"
        report("exchange", figure, result["import"], "copy the bundle's bytes, hash once, fsync", result["floor"],
               goal=1.5, runs=args.runs)
        report("exchange-files", "the evidence entries alone, one file each, hashed, fsync and folder sync each",
               result["files"], "the same floor", result["floor"], goal=None, runs=args.runs)
        report("exchange-in-database", "the import with the evidence kept inside the database (before step 20)",
               result["in database"], "the same floor", result["floor"], goal=None, runs=args.runs)


if __name__ == "__main__":
    main()
