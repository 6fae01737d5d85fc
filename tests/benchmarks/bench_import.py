"""Benchmark: importing 100,000 applicants from .xlsx and from .csv.

Run on demand (not collected by pytest):

    PYTHONPATH=. python tests/benchmarks/bench_import.py [--n 100000] [--rounds 3]

Writes the same ``--n`` applicants to a workbook (xlsxwriter) and a CSV, then times, in
interleaved rounds (median of each), ``import_applicants`` into a fresh on-disk store
against a floor measured in the same run: reading the same file with the library alone
(python-calamine, or csv) plus one bare ``sqlite3`` ``executemany`` of the same rows into
the same table in one transaction. Goal: the import at most 2 times the floor.

Two floors are printed. The issue's floor is the bare insert into the applicants table
*without* the search index (schema step 14's FTS5 table and its triggers), which is
brandmark's own part; the table's ordinary indexes (code, name, region, industry, time) are
there, its pinyin key column is left empty. The floor *with* the index adds the index the
simplest way its schema offers, one ``INSERT … SELECT`` of every row's pieces
(``schema_search.fill_search_index``) in the same transaction: what the import adds beyond
keeping the register searchable. The load average is printed before and after.

It also times the pinyin sort key every imported row gets (``brandmark.name_keys``), alone,
on the file's names and on 100,000 varied, realistic names (city + two characters +
industry + legal form, nearly all distinct), interleaved with the same loop doing nothing
but reading the names: the part of the import the key costs.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import xlsxwriter  # noqa: E402

from _bench import report  # noqa: E402
from brandmark.imports import import_applicants  # noqa: E402
from brandmark.regions import REGIONS  # noqa: E402
from brandmark.store import Store  # noqa: E402
from brandmark.store.schema_search import fill_search_index  # noqa: E402
from brandmark.uscc import make_uscc  # noqa: E402

HEADERS = ["统一社会信用代码", "企业名称", "地区", "地址", "行业", "联系人"]
ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def make_rows(n: int, rng: random.Random) -> list[list[str]]:
    regions = [zh for zh, _, _ in REGIONS.values()][:11]
    rows, seen = [], set()
    while len(rows) < n:
        body = "".join(rng.choice(ORG_CHARS) for _ in range(8))
        code = make_uscc(org_body=body)
        if code in seen:
            continue
        seen.add(code)
        i = len(rows)
        rows.append([code, f"浙江测试{i}号电器有限公司", rng.choice(regions), f"某路{i}号", "电器", f"联系人{i % 97}"])
    return rows


def write_files(folder: Path, rows) -> tuple[Path, Path]:
    xlsx, csv_path = folder / "applicants.xlsx", folder / "applicants.csv"
    book = xlsxwriter.Workbook(str(xlsx), {"constant_memory": True})
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, HEADERS)
    for r, row in enumerate(rows, start=1):
        sheet.write_row(r, 0, row)
    book.close()
    with open(csv_path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADERS)
        writer.writerows(rows)
    return xlsx, csv_path


def floor(path: Path, db: Path, *, search_index: bool = False) -> float:
    """The library's read plus one bare executemany (and, with ``search_index``, the index's
    own one-statement fill): what no import can beat."""
    start = time.perf_counter()
    if path.suffix == ".xlsx":
        from python_calamine import CalamineWorkbook
        values = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()[1:]
    else:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            values = list(csv.reader(handle))[1:]
    conn = sqlite3.connect(str(db), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("INSERT INTO applicants (uscc, name, region, address, industry, contact, created_at, "
                     "updated_at) VALUES (?, ?, ?, ?, ?, ?, 'now', 'now')", values)
    if search_index:
        fill_search_index(conn)
    conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - start


def fresh_store(folder: Path, name: str, *, search_index: bool = True) -> Path:
    db = folder / name
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    Store(db, load_bundled_packs=False).close()          # the schema, as the app makes it
    if not search_index:
        conn = sqlite3.connect(str(db))
        triggers = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'applicants' "
            "AND name LIKE 'applicants_grams%'")]
        for trigger in triggers:
            conn.execute(f'DROP TRIGGER "{trigger}"')
        conn.commit()
        conn.close()
    return db


def varied_names(n: int, rng: random.Random) -> list[str]:
    cities = "杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 义乌 慈溪 余姚 乐清 瑞安".split()
    middle = "恒丰华鑫达泰瑞祥顺隆盛兴宏伟长重行乐朝阳明光美新永安正德信诚和鼎天海金银"
    trades = "电器 机械 科技 实业 制造 纺织 服装 食品 化工 塑料 五金 建材 包装 印刷 汽配 家居".split()
    forms = "有限公司 股份有限公司 集团有限公司 厂".split()
    return [rng.choice(cities) + rng.choice(middle) + rng.choice(middle) + rng.choice(trades) + rng.choice(forms)
            for _ in range(n)]


def key_cost(names: list[str], rounds: int) -> tuple[float, float]:
    """Median seconds of computing every name's sort key, and of the same loop without it."""
    from brandmark.name_keys import name_sort_key

    keyed, bare = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        for name in names:
            name_sort_key(name)
        keyed.append(time.perf_counter() - start)
        start = time.perf_counter()
        for name in names:
            len(name)
        bare.append(time.perf_counter() - start)
    return statistics.median(keyed), statistics.median(bare)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(f"load average at the start: {os.getloadavg()[0]:.2f}")
    folder = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        run(args, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)        # 100,000 rows leave some 160 MB


def run(args: argparse.Namespace, folder: Path) -> None:
    rows = make_rows(args.n, random.Random(12))
    files = write_files(folder, rows)
    times: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        for path in files:
            kind = path.suffix
            db = fresh_store(folder, "floor.db", search_index=False)
            times.setdefault(f"floor {kind}", []).append(floor(path, db))
            db = fresh_store(folder, "floor-indexed.db", search_index=False)
            times.setdefault(f"indexed floor {kind}", []).append(floor(path, db, search_index=True))
            db = fresh_store(folder, "import.db")
            with Store(db, load_bundled_packs=False) as store:
                start = time.perf_counter()
                result = import_applicants(store, path)
                times.setdefault(f"import {kind}", []).append(time.perf_counter() - start)
                assert result.imported == args.n
    print(f"{args.n:,} applicants, {args.rounds} interleaved rounds, medians "
          f"(load average at the end: {os.getloadavg()[0]:.2f}):")
    for kind in (".xlsx", ".csv"):
        ours, base = statistics.median(times[f"import {kind}"]), statistics.median(times[f"floor {kind}"])
        report("import", f"import {args.n:,} applicants from {kind}", ours,
               "the library's read + one bare executemany (no search index)", base, goal=2,
               runs=args.rounds, unit="s")
        indexed = statistics.median(times[f"indexed floor {kind}"])
        report("import", f"import {args.n:,} applicants from {kind}", ours,
               "the same + the search index's one-statement fill", indexed, goal=None, runs=args.rounds,
               unit="s")
    for label, names in (("the file's names", [row[1] for row in rows]),
                         ("varied names", varied_names(args.n, random.Random(13)))):
        keyed, bare = key_cost(names, args.rounds)
        print(f"  pinyin sort key, {label}: {keyed - bare:5.2f} s for {len(names):,} "
              f"({(keyed - bare) / len(names) * 1e6:4.1f} µs a name)")


if __name__ == "__main__":
    main()
