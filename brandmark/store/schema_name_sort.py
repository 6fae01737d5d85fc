"""Schema step 7: applicants sort by pinyin (``applicants.name_sort``, see ``brandmark.name_keys``).

The key is computed in Python (pypinyin), so the step fills it for the rows already there
and the store keeps it with every add, edit and import. The index makes sorting by name an
index walk, as sorting by code point on ``name`` was.
"""

from __future__ import annotations

import sqlite3

from brandmark.name_keys import name_sort_key

def name_sort_step(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE applicants ADD COLUMN name_sort TEXT NOT NULL DEFAULT ''")
    rows = conn.execute("SELECT id, name FROM applicants").fetchall()
    conn.executemany("UPDATE applicants SET name_sort = ? WHERE id = ?",
                     [(name_sort_key(name), applicant_id) for applicant_id, name in rows])
    conn.execute("CREATE INDEX applicants_name_sort ON applicants(name_sort, id)")
