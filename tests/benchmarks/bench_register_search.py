"""Benchmark: searching a register of applicants by a name or code fragment.

Run on demand (not collected by pytest):

    PYTHONPATH=. python tests/benchmarks/bench_register_search.py [--n 100000] [--runs 7]

Builds a temporary database (WAL, like the app) with ``--n`` applicants, then for common,
rare, code and missing fragments times the register's first page plus its count
(``store.applicants.list(search, limit=200)`` + ``count(search)``), interleaved with, on a
bare sqlite3 connection to the same file: the same LIKE query and count (the store's
overhead; goal at most 1.2x), and an exact-code lookup through the uscc index (what an
index costs; the distance a full-text index must close). Medians. Goal: every search,
count included, under 5 ms at 1,000,000 applicants (``--n 1000000``).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import sqlite3
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import interleaved, medians, report  # noqa: E402
from brandmark.regions import REGIONS  # noqa: E402
from brandmark.store import Store  # noqa: E402
from brandmark.text import LIKE_ESCAPE, contains_pattern  # noqa: E402
from brandmark.uscc import make_uscc, normalise_uscc  # noqa: E402

PLACES = ["西溪", "甬江", "瓯越", "南湖", "太湖", "鉴湖", "义乌", "柯城", "定海", "天台", "括苍", "钱塘", "之江",
          "富春", "雁荡", "千岛", "东阳", "永康", "乐清", "海宁"]
TRADES = ["电器", "泵阀", "电机", "茶业", "纺织", "五金工具", "水果", "物流", "不锈钢制品", "农业服务", "汽车零部件",
          "服装", "家具", "轴承", "塑料", "包装", "照明", "化工", "食品", "眼镜"]
FORMS = ["有限公司", "股份有限公司", "合作社", "有限责任公司", "集团有限公司"]
ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def build(store: Store, n: int, rng: random.Random) -> list[tuple]:
    regions = [r for r in REGIONS if r != "outside"]
    rows, seen = [], set()
    now = store.now()
    while len(rows) < n:
        region = rng.choice(regions)
        code = make_uscc("91", REGIONS[region][2] + f"{rng.randint(0, 99):02d}",
                         "".join(rng.choice(ORG_CHARS) for _ in range(8)))
        if code in seen:
            continue
        seen.add(code)
        name = f"{REGIONS[region][0][:-1]}{rng.choice(PLACES)}{rng.choice(TRADES)}{rng.choice(FORMS)}"
        if len(rows) == n // 2:
            name = "浙江独一无二精密仪器有限公司"          # the rare fragment: exactly one
        rows.append((name, code, region, "", "", "", 0, now, now))
    with store.atomic():
        store.conn.executemany(
            "INSERT INTO applicants (name, uscc, region, address, industry, contact, demo, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return [(i + 1, name, code) for i, (name, code, *_) in enumerate(rows)]


def bare_query(conn: sqlite3.Connection, fragment: str, limit: int = 200) -> tuple[list, int]:
    """The same LIKE query and count as the store's, on a bare sqlite3 connection."""
    code = normalise_uscc(fragment)
    where = f"name LIKE ? {LIKE_ESCAPE}" + (f" OR uscc LIKE ? {LIKE_ESCAPE}" if code else "")
    params = [contains_pattern(fragment)] + ([contains_pattern(code)] if code else [])
    rows = conn.execute("SELECT id, name, uscc, region, address, industry, contact, demo, created_at "
                        f"FROM applicants WHERE {where} ORDER BY id LIMIT ?", params + [limit]).fetchall()
    return rows, conn.execute(f"SELECT count(*) FROM applicants WHERE {where}", params).fetchone()[0]


def index_lookup(conn: sqlite3.Connection, code: str) -> tuple[list, int]:
    """What an index gives: the row of one exact code and its count, through the uscc index."""
    rows = conn.execute("SELECT id, name, uscc, region, address, industry, contact, demo, created_at "
                        "FROM applicants WHERE uscc = ?", [code]).fetchall()
    return rows, conn.execute("SELECT count(*) FROM applicants WHERE uscc = ?", [code]).fetchone()[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "register.db", load_bundled_packs=False)
        start = time.perf_counter()
        rows = build(store, args.n, rng)
        print(f"built a register of {store.applicants.count():,} applicants in {time.perf_counter() - start:.1f} s")
        code_fragment = rows[12345 % len(rows)][2][8:14].lower()
        exact_code = rows[12345 % len(rows)][2]
        fragments = [("common name", "电器"), ("city + trade", "杭州西溪电器"), ("rare name", "独一无二"),
                     ("code fragment", code_fragment), ("no match", "不存在的企业")]
        bare = sqlite3.connect(Path(folder) / "register.db")
        worst = 0.0
        for label, fragment in fragments:
            outcome = {}
            times = medians(interleaved({
                "store": lambda: outcome.__setitem__(
                    "store", (store.applicants.list(fragment, limit=200), store.applicants.count(fragment))),
                "bare": lambda: outcome.__setitem__("bare", bare_query(bare, fragment)),
                "index": lambda: outcome.__setitem__("index", index_lookup(bare, exact_code)),
            }, args.runs))
            (page, total), (bare_page, bare_total) = outcome["store"], outcome["bare"]
            assert total == bare_total and [r["id"] for r in page] == [r[0] for r in bare_page], label
            worst = max(worst, times["store"])
            figure = f"search {label} {fragment!r} ({total:,} matches), first page + count"
            report("register_search", figure, times["store"], "the same LIKE query on bare sqlite3",
                   times["bare"], goal=1.2, runs=args.runs)
            report("register_search", figure, times["store"], "an exact-code index lookup + count",
                   times["index"], goal=None, runs=args.runs)
        bare.close()
        store.close()
    print(f"slowest search (first page + count): {worst * 1000:.1f} ms at {args.n:,} applicants "
          f"(goal < 5 ms at 1,000,000) — " + ("met" if worst < 0.005 else "MISSED"))
    return 0 if worst < 0.005 else 1


if __name__ == "__main__":
    sys.exit(main())
