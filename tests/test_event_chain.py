"""The event log's hash chain and ``db verify``: every kind of tampering is caught."""

from __future__ import annotations

import doctest
import hashlib
import json
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from brandmark.store import Store
from brandmark.store import events as events_module
from brandmark.store.events import event_hash
from brandmark.store.migrations import migrate
from brandmark.store.schema_chain import GENESIS_HASH
from brandmark.store.verify import CHAIN_SCHEMA_VERSION, VERIFIERS, Break, Outcome, Verifier, verify, verify_file
from support import MINI_PACK, REPO, register_staff, new_certification_assessment

TRIGGERS = ("events_append_only_update", "events_append_only_delete", "events_chain_link")


def test_the_canonical_form_is_documented_by_a_working_example():
    assert doctest.testmod(events_module).failed == 0


def add_some_events(store, count=5):
    for n in range(count):
        store.events.record("tester", "thing.touch", "thing", n, {"n": n, "text": "改动 ✓"})


def tamper(path, *statements, params=()):
    """Raw SQL behind brandmark's back: drop the guarding triggers, then edit."""
    conn = sqlite3.connect(path, isolation_level=None)
    for trigger in TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for statement in statements:
        conn.execute(statement, params)
    conn.close()


def first_broken(path) -> dict | None:
    return verify_file(path).to_dict("en")["first_broken"]


@pytest.fixture
def chained(tmp_path, clock):
    path = tmp_path / "chain.db"
    with Store(path, clock=clock, load_bundled_packs=False) as store:
        add_some_events(store)
    return path


def test_a_new_register_starts_its_chain_and_every_event_links_to_the_one_before(chained):
    conn = sqlite3.connect(chained)
    rows = conn.execute("SELECT id, at, actor, action, entity, entity_id, details, prev_hash, hash "
                        "FROM events ORDER BY id").fetchall()
    names = ("id", "at", "actor", "action", "entity", "entity_id", "details", "prev_hash", "hash")
    events = [dict(zip(names, row)) for row in rows]
    assert events[0]["action"] == "chain.start" and events[0]["prev_hash"] == GENESIS_HASH
    assert json.loads(events[0]["details"])["legacy_events"] == 0
    for before, event in zip(events, events[1:]):
        assert event["prev_hash"] == before["hash"]
    for event in events:
        assert event["hash"] == event_hash(event, event["prev_hash"])
    report = verify_file(chained).to_dict()
    assert report["intact"] and report["first_broken"] is None
    assert report["checks"][0]["checked"] == 6
    assert report["checks"][0]["head"] == {"id": 6, "hash": events[-1]["hash"]}


def test_the_database_refuses_an_event_that_does_not_extend_the_chain(chained):
    conn = sqlite3.connect(chained, isolation_level=None)
    head_id, head_hash = conn.execute("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1").fetchone()
    row = ("2026-03-01", "x", "a", "e", "1", "{}")
    with pytest.raises(sqlite3.DatabaseError, match="hash chain"):
        conn.execute("INSERT INTO events (at, actor, action, entity, entity_id, details) VALUES (?,?,?,?,?,?)", row)
    with pytest.raises(sqlite3.DatabaseError, match="hash chain"):   # a fork: the head's predecessor
        conn.execute("INSERT INTO events (id, at, actor, action, entity, entity_id, details, prev_hash, hash) "
                     "VALUES (?,?,?,?,?,?,?,?,?)", (head_id + 1, *row, GENESIS_HASH, "f" * 64))
    with pytest.raises(sqlite3.DatabaseError, match="hash chain"):   # skipping an id
        conn.execute("INSERT INTO events (id, at, actor, action, entity, entity_id, details, prev_hash, hash) "
                     "VALUES (?,?,?,?,?,?,?,?,?)", (head_id + 2, *row, head_hash, "f" * 64))
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE events SET actor = 'someone else'")


def test_an_edited_event_is_named(chained):
    tamper(chained, "UPDATE events SET actor = '李四' WHERE id = 3")
    broken = first_broken(chained)
    assert broken["check"] == "events" and broken["kind"] == "content_changed" and broken["event_id"] == 3


def test_an_edited_event_with_its_hash_recomputed_breaks_the_next_link(chained):
    conn = sqlite3.connect(chained)
    names = ("id", "at", "actor", "action", "entity", "entity_id", "details", "prev_hash")
    event = dict(zip(names, conn.execute(f"SELECT {', '.join(names)} FROM events WHERE id = 3").fetchone()))
    conn.close()
    event["details"] = '{"n": 1, "text": "forged"}'
    tamper(chained, "UPDATE events SET details = ?, hash = ? WHERE id = 3",
           params=(event["details"], event_hash(event, event["prev_hash"])))
    broken = first_broken(chained)
    assert (broken["kind"], broken["event_id"], broken["previous_id"]) == ("link_broken", 4, 3)


def test_a_deleted_event_is_named_missing(chained):
    tamper(chained, "DELETE FROM events WHERE id IN (3, 4)")
    broken = first_broken(chained)
    assert (broken["kind"], broken["event_id"], broken["last_missing"]) == ("event_missing", 3, 4)
    assert "#3–#4" in broken["message"]


def test_an_event_added_outside_the_chain_is_named(chained):
    tamper(chained, "INSERT INTO events (id, at, actor, action, entity, entity_id, details) "
                    "VALUES (7, 'now', 'x', 'a', 'e', '1', '{}')")
    assert first_broken(chained)["kind"] == "unchained_event"


def test_a_removed_chain_start_is_named(chained):
    tamper(chained, "DELETE FROM events WHERE id = 1")
    assert first_broken(chained)["kind"] == "start_missing"


def test_a_replaced_event_with_a_fork_is_caught(chained):
    """Delete event 4 and put a different one in its place, hashed on event 3: the old
    event 5 no longer links to it."""
    conn = sqlite3.connect(chained)
    prev = conn.execute("SELECT hash FROM events WHERE id = 3").fetchone()[0]
    conn.close()
    forged = {"id": 4, "at": "2026-03-01T09:30:00+00:00", "actor": "x", "action": "forged", "entity": "e",
              "entity_id": "1", "details": "{}"}
    tamper(chained, "DELETE FROM events WHERE id = 4",
           "INSERT INTO events (id, at, actor, action, entity, entity_id, details, prev_hash, hash) "
           f"VALUES (4, '{forged['at']}', 'x', 'forged', 'e', '1', '{{}}', '{prev}', '{event_hash(forged, prev)}')")
    broken = first_broken(chained)
    assert (broken["kind"], broken["event_id"]) == ("link_broken", 5)


# -- a database from before the chain ------------------------------------------------------------

def legacy_database(path) -> None:
    """A register from just before the chain step with three events, migrated to the chain."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=CHAIN_SCHEMA_VERSION - 1)
    for n in range(1, 4):
        conn.execute("INSERT INTO events (id, at, actor, action, entity, entity_id, details) "
                     "VALUES (?, '2026-01-01', '张三', 'old', 'thing', ?, '{}')", (n, str(n)))
    assert verify_file(path).to_dict()["first_broken"]["kind"] == "not_started"
    migrate(conn)
    conn.close()


def test_a_migrated_register_covers_its_earlier_events(tmp_path):
    path = tmp_path / "old.db"
    legacy_database(path)
    conn = sqlite3.connect(path)
    start = conn.execute("SELECT id, action, actor, details FROM events WHERE hash IS NOT NULL").fetchone()
    conn.close()
    assert start[:3] == (4, "chain.start", "brandmark")
    assert json.loads(start[3])["legacy_events"] == 3 and json.loads(start[3])["legacy_last_id"] == 3
    assert verify_file(path).intact
    with Store(path, load_bundled_packs=False) as store:
        add_some_events(store, 2)
    assert verify_file(path).intact


def test_an_edited_event_from_before_the_chain_is_caught(tmp_path):
    path = tmp_path / "old.db"
    legacy_database(path)
    tamper(path, "UPDATE events SET actor = '李四' WHERE id = 2")
    assert first_broken(path)["kind"] == "legacy_changed"


def test_a_deleted_event_from_before_the_chain_is_caught(tmp_path):
    path = tmp_path / "old.db"
    legacy_database(path)
    tamper(path, "DELETE FROM events WHERE id = 3")
    broken = first_broken(path)
    assert (broken["kind"], broken["recorded"], broken["found"]) == ("legacy_missing", 3, 2)


# -- evidence -----------------------------------------------------------------------------------

@pytest.fixture
def with_evidence(tmp_path, clock):
    path = tmp_path / "evidence.db"
    with Store(path, clock=clock, load_bundled_packs=False) as store:
        store.schemes.import_file(MINI_PACK, actor="tester")
        register_staff(store)
        applicant = store.applicants.add(name="杭州测试电器有限公司", uscc="91350100M000100Y43", actor="tester")
        assessment = new_certification_assessment(store, applicant, "mini", assessor="张三")
        for n in range(3):
            store.assessments.add_evidence(assessment, "C1", f"photo-{n}.jpg", f"bytes {n}".encode(), by="张三")
    return path


def test_evidence_re_hashes_clean(with_evidence):
    report = verify_file(with_evidence).to_dict()
    assert report["intact"]
    assert [c["checked"] for c in report["checks"] if c["name"] == "evidence"] == [3]


def test_a_changed_evidence_blob_is_named(with_evidence):
    tamper(with_evidence, "UPDATE evidence SET content = ? WHERE id = 2", params=(b"other bytes",))
    broken = first_broken(with_evidence)
    assert (broken["check"], broken["kind"], broken["evidence_id"]) == ("evidence", "changed", 2)


def test_a_blob_changed_with_its_hash_column_is_caught_by_the_event(with_evidence):
    forged = b"other bytes"
    tamper(with_evidence, "UPDATE evidence SET content = ?, sha256 = ?, size = ? WHERE id = 2",
           params=(forged, hashlib.sha256(forged).hexdigest(), len(forged)))
    assert first_broken(with_evidence)["evidence_id"] == 2


def test_deleted_evidence_is_named_missing(with_evidence):
    tamper(with_evidence, "DELETE FROM evidence WHERE id = 3")
    broken = first_broken(with_evidence)
    assert (broken["kind"], broken["evidence_id"]) == ("missing", 3)


def test_more_verifiers_can_join_the_walk(chained):
    def always_broken(conn):
        return Outcome("extra", checked=1, broken=Break("chain.content_changed", {"event_id": 99}))

    result = verify(sqlite3.connect(chained), [*VERIFIERS, Verifier("extra", always_broken)])
    assert not result.intact
    assert result.to_dict()["first_broken"]["check"] == "extra"


# -- the command ------------------------------------------------------------------------------------

@pytest.fixture
def cli(capsys):
    """``cli(*args)`` runs brandmark-cli in this process; returns (exit code, stdout, stderr)."""
    from brandmark.cli import main

    def run(*args):
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err
    return run


@pytest.fixture
def cli_json(cli):
    def run(*args):
        code, out, err = cli(*args, "--json")
        assert code == 0, err
        return json.loads(out)
    return run


def test_db_verify_exits_0_when_intact_and_3_naming_the_first_break(cli, cli_json, with_evidence):
    code, out, _ = cli("--db", str(with_evidence), "db", "verify")
    assert code == 0 and "intact" in out and "head: event #" in out
    report = cli_json("--db", str(with_evidence), "db", "verify")
    assert report["intact"] is True and report["first_broken"] is None
    tamper(with_evidence, "UPDATE events SET actor = 'x' WHERE id = 4")
    code, out, _ = cli("--db", str(with_evidence), "--json", "db", "verify")
    report = json.loads(out)
    assert code == 3 and report["intact"] is False
    assert report["first_broken"]["event_id"] == 4 and report["first_broken"]["kind"] == "content_changed"
    code, out, _ = cli("--db", str(with_evidence), "db", "verify")
    assert code == 3 and "event #4" in out


def test_db_verify_of_a_missing_database_refuses_and_creates_nothing(cli, tmp_path):
    missing = tmp_path / "nothing.db"
    code, _, err = cli("--db", str(missing), "db", "verify")
    assert code == 2 and "no database" in err
    assert not missing.exists()


# -- two writers -------------------------------------------------------------------------------------

WRITER = textwrap.dedent("""
    import sqlite3, sys
    from brandmark.store import Store
    store = Store(sys.argv[1], load_bundled_packs=False)
    written = 0
    while written < int(sys.argv[3]):
        try:
            with store.atomic():
                store.events.record(sys.argv[2], "thing.touch", "thing", written)
            written += 1
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc):
                raise
""")


def test_two_processes_appending_at_once_never_fork_the_chain(tmp_path):
    path = tmp_path / "two.db"
    Store(path, load_bundled_packs=False).close()
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, "60"], cwd=REPO)
               for name in ("first", "second")]
    for writer in writers:
        assert writer.wait(timeout=120) == 0
    assert verify_file(path).intact
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT actor, count(*) FROM events WHERE action = 'thing.touch' "
                        "GROUP BY actor ORDER BY actor").fetchall() == [("first", 60), ("second", 60)]


# -- personal signatures join the walk ---------------------------------------------------------

def test_a_decision_changed_after_it_was_signed_is_named(mini_store, applicant, mini_grant_answers):
    assessment = new_certification_assessment(mini_store, applicant, "mini", assessor="张三")
    mini_store.assessments.answer_many(assessment, mini_grant_answers, by="张三")
    mini_store.assessments.decide(assessment, "grant", by="李四")
    report = verify_file(mini_store.path).to_dict("en")
    assert report["intact"]
    # The acceptance of the application it started from, and the decision.
    assert [c["checked"] for c in report["checks"] if c["name"] == "signatures"] == [2]
    tamper(mini_store.path, "UPDATE decisions SET note = 'changed afterwards'")
    broken = first_broken(mini_store.path)
    assert (broken["check"], broken["kind"]) == ("signatures", "record_changed")
    assert broken["action"] == "assessment.decide"
