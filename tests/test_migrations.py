"""Stepped migrations: from an empty database, and from EACH earlier version with data in it."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3

import pytest

from brandmark.store import Store
from brandmark.store import migrations
from brandmark.store.events import append as append_event
from brandmark.store.migrations import LATEST, MIGRATIONS, current_version, migrate
from brandmark.store.schema_search import SEARCH_TABLES
from brandmark.store.verify import CHAIN_SCHEMA_VERSION, VERIFIERS, verify
from support import MINI_GRANT, MINI_PACK, evidence_bytes

MINI_TEXT = MINI_PACK.read_text(encoding="utf-8")
MINI_HASH = hashlib.sha256(MINI_PACK.read_bytes()).hexdigest()
NOW = "2026-03-01T09:30:00+00:00"


def connect(path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.isolation_level = None       # migrate() manages its own transactions
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def tables(conn) -> list[str]:
    """The tables that hold records: not the search index (step 14), which is derived from
    them, its FTS5 shadow tables or its positions (rows there are not the tests' to make)."""
    return [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if r[0] not in SEARCH_TABLES]


def _order(conn, table: str, width: int | None = None) -> str:
    """A table's stored order: its rowid, or for a WITHOUT ROWID table (step 23's pack_items) its
    ``width`` first selected columns (default all)."""
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
    if "WITHOUT ROWID" not in sql.upper():
        return "rowid"
    return ", ".join(str(i + 1) for i in range(width or len(columns(conn, table))))


def dump(conn) -> dict[str, list[tuple]]:
    return {t: conn.execute(f"SELECT * FROM {t} ORDER BY {_order(conn, t)}").fetchall() for t in tables(conn)}


def columns(conn, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def dump_as(conn, table: str, names: list[str]) -> list[tuple]:
    """A table's rows in the columns an earlier version had (later steps may add columns)."""
    return conn.execute(f"SELECT {', '.join(names)} FROM {table} ORDER BY {_order(conn, table, len(names))}").fetchall()


# Representative v1 rows: a real pack, an applicant with a product, an assessment with
# answers (one minor NC, verified), evidence, a decision, events and a setting.
CORE_ROWS = [
    ("schemes", dict(id="mini", version="1", hash=MINI_HASH, family="mini", title="最小测试方案", reference=0,
                     content=MINI_TEXT, source="mini.toml", imported_at=NOW)),
    ("applicants", dict(id=1, name="杭州测试电器有限公司 & <联合体>", uscc="91350100M000100Y43", region="hangzhou",
                        address="杭州市", industry="电器", contact="", demo=0, created_at=NOW, updated_at=NOW)),
    ("products", dict(id=1, applicant_id=1, name="电水壶", models="K1", standard="T/ZZB 0123—2024",
                      implementation_rule="", factory_address="", created_at=NOW)),
    ("assessments", dict(id=1, applicant_id=1, product_id=1, scheme_id="mini", scheme_version="1",
                         scheme_hash=MINI_HASH, mode="certification", assessor="张三", stage="summary",
                         status="decided", created_at=NOW, updated_at=NOW)),
    *[("answers", dict(assessment_id=1, item_id=item, value=json.dumps("minor" if item == "C1" else value,
                                                                        ensure_ascii=False),
                       code={"V1": 2, "T1": 2, "T2": 2, "C1": 3, "C2": 2, "P1": 5, "P2": 4}[item],
                       note="", answered_by="张三", answered_at=NOW)) for item, value in MINI_GRANT.items()],
    ("findings", dict(id=1, assessment_id=1, item_id="C1", grade="minor", clause="4.2", description="记录不全",
                      corrective_action="补全", deadline="2026-03-31", status="closed", closed_by="张三",
                      closed_at=NOW, created_by="张三", created_at=NOW)),
    ("evidence", dict(id=1, assessment_id=1, item_id="C1", file_name="照片.jpg",
                      sha256=hashlib.sha256(b"\x00\xff").hexdigest(), size=2, content=b"\x00\xff",
                      added_by="张三", added_at=NOW)),
    ("decisions", dict(id=1, assessment_id=1, decision="grant", decided_by="李四", decided_at=NOW,
                       verdict="grant", total=90.0, reasons="[]", note="")),
    ("events", dict(id=1, at=NOW, actor="张三", action="assessment.new", entity="assessment", entity_id="1",
                    details="{}")),
    ("settings", dict(key="body", value="浙江认证中心")),
]


def insert(conn, table: str, row: dict) -> None:
    if table == "events" and current_version(conn) >= CHAIN_SCHEMA_VERSION:
        # From the chain step on an event must extend the chain (the insert trigger says so).
        append_event(conn, {k: v for k, v in row.items() if k != "id"})
        return
    columns = ", ".join(row)
    conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values()))


def filler_row(conn, table: str) -> dict:
    """One valid row for a table this test does not know (a later step's table): every
    NOT NULL column without a default gets a value its type and CHECK accept, foreign keys
    point at row 1 of the referenced table (or its key text)."""
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
    foreign = {fk[3]: (fk[2], fk[4]) for fk in conn.execute(f"PRAGMA foreign_key_list({table})")}
    row = {}
    info = conn.execute(f"PRAGMA table_info({table})").fetchall()
    single_key = sum(1 for column in info if column[5]) == 1     # an INTEGER PRIMARY KEY alone is the rowid
    for _, name, declared, notnull, default, pk in info:
        if pk and declared.upper() == "INTEGER" and single_key:
            continue
        if name in foreign:
            ref_table, ref_column = foreign[name]
            ref = conn.execute(f"SELECT {ref_column or 'rowid'} FROM {ref_table} LIMIT 1").fetchone()
            if ref is None:
                if notnull:
                    raise AssertionError(f"{table}.{name} needs a row in {ref_table} first")
                continue
            row[name] = ref[0]
            continue
        if not notnull and not pk:
            continue
        if default is not None:
            continue
        allowed = re.search(rf"\b{name}\b[^,]*CHECK\s*\(\s*{name}\s+IN\s*\(\s*'([^']*)'", sql)
        if allowed:
            row[name] = allowed.group(1)
        elif re.search(rf"json_valid\(\s*{name}\s*\)", sql):
            row[name] = "{}"
        elif declared.upper() in ("INTEGER", "REAL"):
            row[name] = 1
        elif declared.upper() == "BLOB":
            row[name] = b"\x01"
        else:
            row[name] = f"{table}.{name}"
    if {"content", "sha256", "size"} <= set(row):
        # Stored bytes with their SHA-256 and size agree, as the evidence checks expect.
        row.update(content=b"\x01", size=1, sha256=hashlib.sha256(b"\x01").hexdigest())
    return row


def build_at(path, version: int) -> dict[str, list[tuple]]:
    """A database at ``version`` holding representative rows in every table it has."""
    conn = connect(path)
    assert migrate(conn, target=version) == version
    if version:
        conn.execute("BEGIN")
        for table, row in CORE_ROWS:
            insert(conn, table, row)
        done = {t for t, _ in CORE_ROWS}
        pending = [t for t in tables(conn) if t not in done]
        while pending:   # referenced tables first
            ready = [t for t in pending
                     if {fk[2] for fk in conn.execute(f"PRAGMA foreign_key_list({t})")} - {t} <= done]
            assert ready, f"foreign keys between {pending} form a cycle"
            for table in ready:
                insert(conn, table, filler_row(conn, table))
                done.add(table)
                pending.remove(table)
        conn.execute("COMMIT")
    rows = dump(conn)
    conn.close()
    return rows


def test_from_an_empty_database(tmp_path):
    conn = connect(tmp_path / "empty.db")
    assert current_version(conn) == 0
    assert migrate(conn) == LATEST == len(MIGRATIONS)
    assert current_version(conn) == LATEST
    assert {"schemes", "applicants", "assessments", "answers", "findings", "evidence", "decisions",
            "events", "settings", "certificates"} <= set(tables(conn))
    assert migrate(conn) == LATEST      # a second run does nothing
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.parametrize("version", range(1, LATEST))
def test_from_each_earlier_version_rows_survive(tmp_path, version):
    path = tmp_path / f"v{version}.db"
    before = build_at(path, version)
    assert sum(len(rows) for rows in before.values()) > 0
    conn = connect(path)
    old_columns = {table: columns(conn, table) for table in before}
    assert migrate(conn) == LATEST
    for table, rows in before.items():
        kept = dump_as(conn, table, old_columns[table])
        if table == "events" and version < CHAIN_SCHEMA_VERSION:
            # The chain step records its start event after the earlier ones.
            assert [row[3] for row in kept[len(rows):]] == ["chain.start"]
            kept = kept[:len(rows)]
        assert kept == rows, f"rows of {table} changed when migrating from v{version}"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The chain covers what was there before: intact, the old events counted in its start.
    # (Not the signatures: the filler rows of later tables are not real signatures.)
    chain_and_evidence = [v for v in VERIFIERS if v.name in ("events", "evidence")]
    assert verify(conn, chain_and_evidence).intact, verify(conn, chain_and_evidence).to_dict("en")["first_broken"]
    conn.close()
    # The migrated database works: the frozen assessment scores against its own pack.
    with Store(path, load_bundled_packs=False) as store:
        assert store.schema_version == LATEST
        assert store.assessments.pack_for(1).content_hash == MINI_HASH
        assert store.assessments.score(1).verdict == "grant"
        assert store.assessments.decision(1)["decided_by"] == "李四"
        assert evidence_bytes(store, 1) == b"\x00\xff"


@pytest.mark.parametrize("version", range(1, LATEST))
def test_store_opens_and_upgrades_each_earlier_version(tmp_path, version):
    path = tmp_path / f"open-v{version}.db"
    build_at(path, version)
    with Store(path) as store:
        assert store.schema_version == LATEST
        assert {r["id"] for r in store.schemes.list()} >= {"zhejiang-made"}


def test_store_refuses_a_version_0_file_instead_of_making_it_a_register(tmp_path):
    """Version 0 is an empty SQLite file: not a register (issue 8 §3); Store creates
    registers only where no file is (tests/test_store_open.py)."""
    from brandmark.errors import RefusedInput

    path = tmp_path / "open-v0.db"
    build_at(path, 0)
    with pytest.raises(RefusedInput) as refused:
        Store(path)
    assert refused.value.problems[0].code in ("db.empty_file", "db.not_brandmark")


def test_each_step_is_one_transaction(tmp_path, monkeypatch):
    def half_done(conn):
        conn.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("step failed half-way")

    monkeypatch.setattr(migrations, "MIGRATIONS", MIGRATIONS + [half_done])
    conn = connect(tmp_path / "fail.db")
    with pytest.raises(sqlite3.OperationalError, match="half-way"):
        migrate(conn, target=LATEST + 1)
    assert current_version(conn) == LATEST          # the good steps stay applied
    assert "half_done" not in tables(conn)          # the failed one left nothing
    assert not conn.in_transaction


def test_a_newer_database_is_refused_by_migrate(tmp_path):
    from brandmark.errors import RefusedInput

    conn = connect(tmp_path / "new.db")
    conn.execute(f"PRAGMA user_version = {LATEST + 3}")
    with pytest.raises(RefusedInput, match=f"version {LATEST + 3}"):
        migrate(conn)
    assert tables(conn) == []


def test_the_event_log_is_append_only_after_migration(tmp_path):
    path = tmp_path / "log.db"
    build_at(path, 1)
    conn = connect(path)
    migrate(conn)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE events SET actor = 'someone else'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM events")


APPLICATIONS_SCHEMA_VERSION = MIGRATIONS.index(migrations.schema_applications.applications_step) + 1


@pytest.mark.parametrize("version", range(1, APPLICATIONS_SCHEMA_VERSION))
def test_existing_assessments_get_an_application_accepted_on_their_creation_date(tmp_path, version):
    """Issue 16 §1: every certification assessment gets the acceptance its clock counts from,
    on its creation date where the body is (09:30 UTC is 17:30 in Hangzhou, same day)."""
    path = tmp_path / f"apps-v{version}.db"
    build_at(path, version)
    conn = connect(path)
    # A second assessment created late in the UTC evening: already the next day in Hangzhou;
    # and a self-assessment, which has no application.
    conn.execute("INSERT INTO assessments (id, applicant_id, scheme_id, scheme_version, scheme_hash, mode, assessor, "
                 "created_at, updated_at) VALUES (7, 1, 'mini', '1', ?, 'certification', '王五', "
                 "'2026-02-28T20:00:00+00:00', '2026-02-28T20:00:00+00:00')", [MINI_HASH])
    conn.execute("INSERT INTO assessments (id, applicant_id, scheme_id, scheme_version, scheme_hash, mode, assessor, "
                 "created_at, updated_at) VALUES (8, 1, 'mini', '1', ?, 'self', '企业', ?, ?)", [MINI_HASH, NOW, NOW])
    conn.commit()
    migrate(conn)
    rows = conn.execute("SELECT assessment_id, status, received_on, accepted_on, migrated, product_id "
                        "FROM applications WHERE assessment_id IS NOT NULL ORDER BY assessment_id").fetchall()
    assert rows[:1] == [(1, "accepted", "2026-03-01", "2026-03-01", 1, 1)]
    assert (7, "accepted", "2026-03-01", "2026-03-01", 1, None) in rows
    assert 8 not in [r[0] for r in rows]
    decisions = conn.execute("SELECT decision, decided_on, decided_by_id FROM application_decisions d "
                             "JOIN applications a ON a.id = d.application_id WHERE a.assessment_id = 1").fetchall()
    assert decisions == [("accept", "2026-03-01", None)]
    conn.close()
    with Store(path, load_bundled_packs=False) as store:
        assert store.applications.for_assessment(1)["status"] == "accepted"
        # The mini pack has no [deadlines]: no clock for the migrated applications.
        assert store.deadlines.list(kinds=("application", "assessment")) == []


def test_the_demo_step_marks_the_demo_people_and_lets_only_demo_rows_go(tmp_path):
    """Step 11: a register made before it knows its demo people by their ``person.add`` event
    (actor ``demo``); afterwards a demo person's key may be deleted, a real person's not."""
    from brandmark.store import schema_demo
    step = MIGRATIONS.index(next(m for m in MIGRATIONS if getattr(m, "__closure__", None)
                                 and schema_demo.V11_DEMO in [c.cell_contents for c in m.__closure__])) + 1
    conn = connect(tmp_path / "before-demo.db")
    migrate(conn, target=step - 1)
    conn.execute("BEGIN")
    for person_id, name, actor in ((1, "张三", "tests"), (2, "演示评审员 王敏", "demo")):
        conn.execute("INSERT INTO people (id, name, lookalike_key, case_skeleton, since, created_at, updated_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)", [person_id, name, name, name, NOW, NOW, NOW])
        conn.execute("INSERT INTO person_keys (key_id, person_id, public_key, created_at) VALUES (?, ?, 'pem', ?)",
                     [f"k{person_id}", person_id, NOW])
        append_event(conn, {"at": NOW, "actor": actor, "action": "person.add", "entity": "person",
                            "entity_id": str(person_id), "details": "{}"})
    conn.execute("COMMIT")
    assert migrate(conn) == LATEST
    assert conn.execute("SELECT id, demo FROM people ORDER BY id").fetchall() == [(1, 0), (2, 1)]
    conn.execute("DELETE FROM person_keys WHERE person_id = 2")
    with pytest.raises(sqlite3.IntegrityError, match="kept"):
        conn.execute("DELETE FROM person_keys WHERE person_id = 1")


def test_the_key_rotation_step_leaves_existing_keys_unvouched(tmp_path):
    """Keys made before the step carry no statement (``vouched`` NULL): a person's first key,
    or one whose change the register cannot vouch for; their next card needs an admin."""
    step = next(i for i, apply in enumerate(MIGRATIONS)
                if getattr(apply, "__closure__", None)
                and any("vouched" in str(cell.cell_contents) for cell in apply.__closure__))
    path = tmp_path / "keys.db"
    build_at(path, step)
    conn = connect(path)
    assert "vouched" not in columns(conn, "person_keys")
    before = conn.execute("SELECT count(*) FROM person_keys").fetchone()[0]
    assert before > 0
    migrate(conn)
    assert conn.execute("SELECT count(*) FROM person_keys WHERE vouched IS NULL").fetchone()[0] == before
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE person_keys SET vouched = 'not json'")
    conn.close()


SEARCH_SCHEMA_VERSION = MIGRATIONS.index(migrations.schema_search.search_step) + 1


def test_the_search_step_indexes_the_applicants_already_there(tmp_path):
    """Step 14 builds the pair index for a register's existing applicants: a two-character name
    fragment and a four-character code fragment are found through it, as LIKE found them."""
    path = tmp_path / "before-search.db"
    build_at(path, SEARCH_SCHEMA_VERSION - 1)
    conn = connect(path)
    conn.execute("INSERT INTO applicants (id, name, uscc, region, created_at, updated_at) "
                 "VALUES (2, '宁波恒丰茶业合作社', '91330201MA2B3C4F8M', 'ningbo', ?, ?)", [NOW, NOW])
    conn.commit()
    assert migrate(conn) == LATEST
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"applicants_region", "applicants_industry", "applicants_created_at"} <= indexes
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Store(path, load_bundled_packs=False) as store:
        statements: list[str] = []
        store.conn.set_trace_callback(statements.append)
        assert [r["id"] for r in store.applicants.list("恒丰")] == [2]
        assert [r["id"] for r in store.applicants.list("杭州")] == [1]
        assert [r["id"] for r in store.applicants.list("b3c4")] == [2] and store.applicants.count("0100") == 1
        store.conn.set_trace_callback(None)
        assert all("LIKE" not in s for s in statements if not s.startswith("--"))


def test_the_statistics_index_step_groups_the_applicants_without_sorting(tmp_path):
    """The statistics' step (schema_stats): the applicants are counted by region and industry
    from the (region, industry) index, with no sort of the whole register."""
    from brandmark.store import schema_stats
    step = MIGRATIONS.index(next(m for m in MIGRATIONS if getattr(m, "__closure__", None)
                                 and schema_stats.V17_STATS in [c.cell_contents for c in m.__closure__])) + 1
    conn = connect(tmp_path / "stats-index.db")
    migrate(conn, target=step - 1)
    plan = "SELECT region, industry, count(*) FROM applicants GROUP BY region, industry"
    assert "TEMP B-TREE" in " ".join(str(row) for row in conn.execute("EXPLAIN QUERY PLAN " + plan))
    migrate(conn, target=step)
    used = " ".join(str(row) for row in conn.execute("EXPLAIN QUERY PLAN " + plan))
    assert "applicants_region_industry" in used and "TEMP B-TREE" not in used
    conn.close()


def test_the_marked_codes_step_indexes_every_row_again_with_the_code_terms_apart(tmp_path):
    """Step 18 writes the code triples as ``x`` + hex, apart from the name pairs' hex: a register
    indexed by step 14 (and edited after it, through its triggers) is indexed again whole, and
    the new triggers keep it so; the searches answer as before."""
    from brandmark.store import schema_search

    step = MIGRATIONS.index(schema_search.marked_codes_step) + 1
    conn = connect(tmp_path / "marked.db")
    migrate(conn, target=step - 1)
    conn.executemany("INSERT INTO applicants (id, name, name_sort, uscc, region, created_at, updated_at) "
                     "VALUES (?, ?, ?, ?, 'ningbo', ?, ?)",
                     [(1, "杭州恒丰电器有限公司", "h", "91330106MA2B3C4D5E", NOW, NOW),
                      (2, "宁波恒达茶业", "n", "91330201MA2B3C4D6F", NOW, NOW)])
    conn.execute("UPDATE applicants SET name = '宁波永安茶业' WHERE id = 2")
    conn.execute("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, applicants_grams, col)")
    code_terms = "SELECT term FROM temp.terms WHERE col = 'code_triples'"
    assert all(not t.startswith("x") for (t,) in conn.execute(code_terms))
    migrate(conn, target=step)
    code = [t for (t,) in conn.execute(code_terms)]
    assert code and all(t.startswith("x") for t in code)
    assert "x6d6132" in code                        # 'ma2' of both codes
    conn.execute("INSERT INTO applicants (id, name, name_sort, uscc, region, created_at, updated_at) "
                 "VALUES (3, '温州恒丰阀门', 'w', '91330301MA2B3C4D7G', 'wenzhou', ?, ?)", [NOW, NOW])
    assert all(t.startswith("x") for (t,) in conn.execute(code_terms))
    conn.close()
    with Store(tmp_path / "marked.db", load_bundled_packs=False) as store:
        assert [r["id"] for r in store.applicants.list("恒丰")] == [1, 3]
        assert [r["id"] for r in store.applicants.list("恒达")] == []
        assert [r["id"] for r in store.applicants.list("b3c4d6")] == [2]
        assert store.applicants.count("ma") == 3 and store.applicants.count("永安") == 1


def test_the_mark_use_step_makes_its_table_with_its_checks(tmp_path):
    """Step 22 (schema_mark_use): one row per certificate, year and use; a negative count or an
    unknown use is refused by the schema itself, and the same certificate, year and use twice."""
    import sqlite3

    from brandmark.store import schema_mark_use
    step = MIGRATIONS.index(next(m for m in MIGRATIONS if getattr(m, "__closure__", None)
                                 and schema_mark_use.V22_MARK_USE in [c.cell_contents for c in m.__closure__])) + 1
    conn = connect(tmp_path / "mark-use.db")
    migrate(conn, target=step - 1)
    assert "mark_use" not in tables(conn)
    migrate(conn, target=step)
    assert columns(conn, "mark_use") == ["id", "number", "year", "used_on", "marks", "note", "recorded_by",
                                         "recorded_at"]
    conn.execute("PRAGMA foreign_keys = OFF")
    insert = ("INSERT INTO mark_use (number, year, used_on, marks, recorded_by, recorded_at) "
              "VALUES ('BM-1', 2026, ?, ?, 'x', 'x')")
    conn.execute(insert, ["product", 5])
    for used_on, marks in (("product", 6), ("product", -1), ("vehicle", 1)):
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(insert, [used_on, marks])
    conn.close()


@pytest.mark.parametrize("version", [1, 10, 23])
def test_the_register_keys_step_copies_the_joined_sort_values(tmp_path, version):
    """Step 24 (schema_register_keys): an assessment made before it gets its applicant's pinyin
    key, its scheme's title, its product's name and its decision copied onto the row, and a
    certificate its next open visit, equal to what the registers used to join."""
    from test_register_sort_keys import wrong

    path = tmp_path / f"keys-v{version}.db"
    build_at(path, version)
    conn = connect(path)
    assert migrate(conn) == LATEST
    assert wrong(conn) == ([], [])
    assert conn.execute("SELECT sort_applicant, sort_scheme FROM assessments").fetchall() == \
        conn.execute("SELECT ap.name_sort, s.title FROM assessments a JOIN applicants ap ON ap.id = a.applicant_id "
                     "JOIN schemes s ON s.id = a.scheme_id AND s.version = a.scheme_version").fetchall()
    assert conn.execute("SELECT count(*) FROM assessments WHERE sort_applicant IS NOT NULL").fetchone()[0] >= 1
    conn.close()
