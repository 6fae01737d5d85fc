"""A register of many stored assessments, filled with bare SQL, for the scoring benchmarks.

The answers are those ``bench_scoring.random_answers`` draws (mostly good, some NCs,
failed tests, NA and gaps), stored as the store stores them: the normalised value as
JSON and its code from ``encode``; a minor NC gets an open finding half the time.
Filling through the store's own API would take minutes at 10,000 assessments and is not
what is measured.
"""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

from bench_scoring import random_answers
from brandmark.scoring.encoding import encode
from brandmark.store import Store
from brandmark.uscc import make_uscc

PACK = "zhejiang-made"
STAMP = "2026-06-01T08:00:00+00:00"


def fill(path: Path, n_assessments: int, seed: int = 1) -> None:
    """A new register at ``path`` with ``n_assessments`` answered zhejiang-made assessments."""
    Store(path).close()
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    version, content_hash = conn.execute("SELECT version, hash FROM schemes WHERE id = ? ORDER BY imported_at DESC", [PACK]).fetchone()
    with Store(path) as store:
        pack = store.schemes.get(PACK, version)
    items = {item.id: item for item in pack.items()}
    rng = random.Random(seed)
    n_applicants = max(1, n_assessments // 2)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO applicants (id, name, name_sort, uscc, region, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(i, f"企业{i}", f"qiye{i:08d}", make_uscc(org_body=f"{i:08d}"), "杭州", STAMP, STAMP)
         for i in range(1, n_applicants + 1)])
    assessments, answers, findings = [], [], []
    for a in range(1, n_assessments + 1):
        assessments.append((a, rng.randint(1, n_applicants), PACK, version, content_hash, "certification",
                            "评审员", STAMP, STAMP))
        chosen, open_items = random_answers(pack, rng)
        for item_id, value in chosen.items():
            encoded = encode(items[item_id], value)
            answers.append((a, item_id, json.dumps(encoded.value, ensure_ascii=False), encoded.code, "评审员", STAMP))
            if value == "minor":
                findings.append((a, item_id, "minor", "open" if item_id in open_items else "closed", "评审员", STAMP))
    conn.executemany("INSERT INTO assessments (id, applicant_id, scheme_id, scheme_version, scheme_hash, mode, "
                     "assessor, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", assessments)
    conn.executemany("INSERT INTO answers (assessment_id, item_id, value, code, answered_by, answered_at) "
                     "VALUES (?, ?, ?, ?, ?, ?)", answers)
    conn.executemany("INSERT INTO findings (assessment_id, item_id, grade, status, created_by, created_at) "
                     "VALUES (?, ?, ?, ?, ?, ?)", findings)
    conn.execute("COMMIT")
    conn.close()
