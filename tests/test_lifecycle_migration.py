"""The lifecycle schema step keeps what the register held: old assessments read as initial, a surveillance
result recorded as one word before visits were assessments still reads."""

from __future__ import annotations

from brandmark.store import Store
from brandmark.store.migrations import MIGRATIONS, migrate
from brandmark.store.schema_lifecycle import V8_LIFECYCLE
from test_migrations import build_at, connect

LIFECYCLE_STEP = next(i for i, step in enumerate(MIGRATIONS, start=1)
                      if getattr(step, "__closure__", None)
                      and any(cell.cell_contents == V8_LIFECYCLE for cell in step.__closure__))


def test_an_old_one_word_surveillance_result_reads_after_the_step(tmp_path):
    path = tmp_path / "before.db"
    build_at(path, LIFECYCLE_STEP - 1)
    conn = connect(path)
    conn.execute("UPDATE surveillance SET done_on = '2026-02-01', result = 'maintain', recorded_by = '李四', "
                 "note = '现场监督正常'")
    number, = conn.execute("SELECT number FROM surveillance").fetchone()
    migrate(conn)
    conn.close()
    with Store(path, load_bundled_packs=False) as store:
        visit, = store.db.query("SELECT * FROM surveillance")
        assert (visit["result"], visit["recorded_by"], visit["note"]) == ("maintain", "李四", "现场监督正常")
        assert (visit["reason"], visit["assessment_id"], visit["decided_at"]) == ("scheduled", None, None)
        assert store.assessments.get(1)["kind"] == "initial"
        assert store.assessments.get(1)["certificate_number"] is None
        assert number
