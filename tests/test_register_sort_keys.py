"""Schema step 24 (``schema_register_keys``): the registers' joined sort values kept on the rows.

The assessments register sorts by the applicant's pinyin key, the scheme's title, the product's
name and the decision through copies on the assessment row, and the certificates register by
the next open visit through a copy on the certificate, each with an index (a page is an index
walk, not a sort of every match). These copies must equal the joined values after every kind of
write to any table they come from, and after the step on a register that had rows before it.
"""

from __future__ import annotations

import re
import sqlite3

import pytest

from brandmark.store.migrations import MIGRATIONS, migrate
from brandmark.store.schema_register_keys import V24_REGISTER_KEYS
from test_certificates_support import decided_assessment, issued

# Rows whose copy differs from the joined value (``IS NOT``: NULL equals NULL).
_ASSESSMENTS_WRONG = """
SELECT a.id FROM assessments a
LEFT JOIN applicants ap ON ap.id = a.applicant_id
LEFT JOIN schemes s ON s.id = a.scheme_id AND s.version = a.scheme_version
LEFT JOIN products p ON p.id = a.product_id
LEFT JOIN decisions d ON d.assessment_id = a.id
WHERE a.sort_applicant IS NOT ap.name_sort OR a.sort_scheme IS NOT s.title OR a.sort_product IS NOT p.name
   OR a.sort_decision IS NOT d.decision OR a.sort_decided_at IS NOT d.decided_at
"""
_CERTIFICATES_WRONG = """
SELECT c.number FROM certificates c
WHERE c.sort_next_surveillance IS NOT
      (SELECT min(s.due_on) FROM surveillance s WHERE s.number = c.number AND s.done_on IS NULL)
"""


def wrong(conn) -> tuple[list, list]:
    return ([r[0] for r in conn.execute(_ASSESSMENTS_WRONG)], [r[0] for r in conn.execute(_CERTIFICATES_WRONG)])


def _counted(conn, sql: str) -> int:
    return conn.execute(sql).fetchone()[0]


@pytest.fixture
def register(mini_store):
    """Two decided assessments (one with a certificate and its visits) and an open one."""
    first = issued(mini_store)
    decided_assessment(mini_store, name="宁波第二电器有限公司")
    decided_assessment(mini_store, name="温州未决电器有限公司", decision=None)
    assert wrong(mini_store.conn) == ([], [])
    assert _counted(mini_store.conn, "SELECT count(*) FROM assessments WHERE sort_decision IS NOT NULL") == 2
    assert _counted(mini_store.conn, "SELECT count(*) FROM certificates WHERE sort_next_surveillance IS NOT NULL") == 1
    mini_store.first_number = first["number"]
    return mini_store


def test_every_write_keeps_the_assessments_copies_equal_to_the_joined_values(register):
    conn = register.conn
    writes = [
        "UPDATE applicants SET name_sort = 'aaa\x1f' || name WHERE id = (SELECT min(id) FROM applicants)",
        "UPDATE products SET name = '改名的电水壶' WHERE id = (SELECT min(id) FROM products)",
        "UPDATE schemes SET title = '改名的方案' WHERE id = 'mini'",
        "UPDATE assessments SET product_id = NULL WHERE id = (SELECT max(id) FROM assessments)",
        "UPDATE assessments SET applicant_id = (SELECT max(id) FROM applicants), "
        "product_id = (SELECT max(id) FROM products) WHERE id = (SELECT min(id) FROM assessments)",
        "UPDATE decisions SET decision = 'refuse', decided_at = '2026-06-30' "
        "WHERE id = (SELECT min(id) FROM decisions)",
        "UPDATE decisions SET assessment_id = (SELECT max(id) FROM assessments) "
        "WHERE id = (SELECT max(id) FROM decisions)",
        "DELETE FROM decisions WHERE id = (SELECT min(id) FROM decisions)",
        # A copy of a row (as the paging tests make them) gets its own values, not its source's.
        "INSERT INTO assessments (applicant_id, product_id, scheme_id, scheme_version, scheme_hash, mode, assessor, "
        "created_at, updated_at, sort_applicant, sort_decision) SELECT applicant_id, NULL, scheme_id, scheme_version, "
        "scheme_hash, mode, assessor, created_at, updated_at, 'stale', 'grant' FROM assessments LIMIT 1",
    ]
    for sql in writes:
        with register.atomic():
            conn.execute(sql)
        assert wrong(conn) == ([], []), sql
    conn.execute("PRAGMA foreign_keys = OFF")         # a product gone under its assessments
    with register.atomic():
        conn.execute("DELETE FROM products WHERE id = (SELECT min(id) FROM products)")
    conn.execute("PRAGMA foreign_keys = ON")
    assert wrong(conn) == ([], [])
    assert _counted(conn, "SELECT count(*) FROM assessments WHERE sort_product = '改名的电水壶'") == 0


def test_every_visit_written_keeps_the_certificates_copy_equal(register):
    conn = register.conn
    number = register.first_number
    writes = [
        f"INSERT INTO surveillance (number, due_on) VALUES ('{number}', '2026-01-02')",
        f"UPDATE surveillance SET due_on = '2025-12-31' WHERE number = '{number}' AND due_on = '2026-01-02'",
        f"UPDATE surveillance SET done_on = '2026-01-05' WHERE number = '{number}' AND due_on = '2025-12-31'",
        f"UPDATE surveillance SET done_on = '2026-01-06' WHERE number = '{number}'",
        f"UPDATE surveillance SET done_on = NULL WHERE id = (SELECT max(id) FROM surveillance)",
        f"DELETE FROM surveillance WHERE id = (SELECT max(id) FROM surveillance)",
    ]
    for sql in writes:
        with register.atomic():
            conn.execute(sql)
        assert wrong(conn) == ([], []), sql
    assert _counted(conn, f"SELECT count(*) FROM certificates WHERE number = '{number}' "
                          "AND sort_next_surveillance IS NULL") == 1       # every visit done
    second = issued(register, name="舟山第三电器有限公司")
    assert wrong(conn) == ([], [])
    assert register.certificates.key_of(second["number"], "next_surveillance")[0] is not None


def test_the_step_fills_the_copies_of_a_register_that_had_rows(register, tmp_path):
    """A register made before step 24 gets every copy on upgrade (the step's UPDATEs)."""
    step = MIGRATIONS.index(next(m for m in MIGRATIONS if getattr(m, "__closure__", None)
                                 and V24_REGISTER_KEYS in [c.cell_contents for c in m.__closure__])) + 1
    conn = register.conn
    with register.atomic():
        conn.execute("UPDATE assessments SET sort_applicant = NULL, sort_scheme = NULL, sort_product = NULL, "
                     "sort_decision = NULL, sort_decided_at = NULL")
        conn.execute("UPDATE certificates SET sort_next_surveillance = NULL")
    assert wrong(conn) != ([], [])
    path = tmp_path / "before.db"
    conn.execute("VACUUM INTO ?", [str(path)])
    old = sqlite3.connect(path)
    old.isolation_level = None
    # Back to the version before the step: its columns, indexes and triggers gone.
    for kind, name in re.findall(r"CREATE (INDEX|TRIGGER) (\w+)", V24_REGISTER_KEYS):
        old.execute(f"DROP {kind} {name}")
    for table, column in re.findall(r"ALTER TABLE (\w+) ADD COLUMN (\w+)", V24_REGISTER_KEYS):
        old.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    old.execute(f"PRAGMA user_version = {step - 1}")
    assert migrate(old) >= step
    assert wrong(old) == ([], [])
    assert _counted(old, "SELECT count(*) FROM assessments WHERE sort_applicant IS NULL") == 0
    old.close()
