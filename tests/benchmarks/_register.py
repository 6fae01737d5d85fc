"""A large applicant register for the search and paging benchmarks, built with one bulk insert.

Names are made the way Zhejiang enterprises are named: often a city (杭州, 宁波 …), a
two-character trade name from a pool (恒丰 among them), an industry and a legal form.
Codes are valid credit codes with the region's division digits. The rows go in with one
``executemany`` in one transaction (not the per-row API) at the schema step before the
search index, and step 13 then indexes them all at once, as it does for a register that
existed before it (``import_with_and_without_index`` times the triggers on an import).

The pinyin sort key is put together from the pinyin of the name's parts (each part's key
made once) rather than ``name_sort_key`` on every whole name: 1,000,000 calls at about
0.2 ms each would take minutes, and the benchmarks time ordering by the key, not making it.
"""

from __future__ import annotations

import random
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from brandmark.name_keys import name_sort_key
from brandmark.regions import REGIONS
from brandmark.store import Store, schema_search
from brandmark.store.migrations import MIGRATIONS, migrate
from brandmark.uscc import make_uscc

TRADE_CHARS = "恒丰华联宏达鑫源盛泰永安金山瑞祥德信中天新力龙腾海宇东方明光凯越佳和顺昌兴隆正大万通锦绣博远通"
TRADES = ["电器", "泵阀", "电机", "茶业", "纺织", "五金工具", "水果", "物流", "不锈钢制品", "农业服务", "汽车零部件",
          "服装", "家具", "轴承", "塑料", "包装", "照明", "化工", "食品", "眼镜"]
FORMS = ["有限公司", "股份有限公司", "合作社", "有限责任公司", "集团有限公司"]
ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def _pinyin(part: str, cache: dict[str, str]) -> str:
    if part not in cache:
        cache[part] = name_sort_key(part).split("\x1f")[0]
    return cache[part]


def applicant_rows(n: int, seed: int = 1, now: str = "2026-12-01T08:00:00+00:00") -> list[tuple]:
    """``n`` rows of (name, name_sort, uscc, region, created_at, updated_at), codes unique."""
    rng = random.Random(seed)
    regions = [r for r in REGIONS if r != "outside"]
    cache: dict[str, str] = {}
    rows, seen = [], set()
    while len(rows) < n:
        region = rng.choice(regions)
        code = make_uscc("91", REGIONS[region][2] + f"{rng.randint(0, 99):02d}",
                         "".join(rng.choice(ORG_CHARS) for _ in range(8)))
        if code in seen:
            continue
        seen.add(code)
        parts = [REGIONS[region][0][:-1]] if rng.random() < 0.6 else []
        parts += [rng.choice(TRADE_CHARS) + rng.choice(TRADE_CHARS), rng.choice(TRADES), rng.choice(FORMS)]
        name = "".join(parts)
        key = " ".join(_pinyin(part, cache) for part in parts) + "\x1f" + name
        rows.append((name, key, code, region, now, now))
    return rows


@dataclass
class Built:
    rows: list[tuple]
    insert_seconds: float        # the bulk insert, before the search index existed
    index_seconds: float         # schema step 13 indexing those rows (what an upgrade costs)


def build_register(path: Path, n: int, seed: int = 1) -> Built:
    """A register at ``path`` with ``n`` applicants: made at the schema step before the search
    index, filled with one ``executemany``, then brought up to date, as an existing register
    is when this brandmark first opens it."""
    search_step = MIGRATIONS.index(schema_search.search_step) + 1
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA cache_size = -262144")       # 256 MiB: the bulk build, not the app
    migrate(conn, target=search_step - 1)
    rows = applicant_rows(n, seed)
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO applicants (name, name_sort, uscc, region, created_at, updated_at) "
                     "VALUES (?, ?, ?, ?, ?, ?)", rows)
    conn.execute("COMMIT")
    inserted = time.perf_counter()
    migrate(conn)
    indexed = time.perf_counter()
    conn.close()
    Store(path, load_bundled_packs=False).close()
    return Built(rows, inserted - start, indexed - inserted)


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def stored_rows(path: Path) -> list[tuple]:
    """The rows of a register built before (``bench_scale_1m.py --keep``), as ``applicant_rows`` gives them."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT name, name_sort, uscc, region, created_at, updated_at FROM applicants "
                            "ORDER BY id").fetchall()
    finally:
        conn.close()
