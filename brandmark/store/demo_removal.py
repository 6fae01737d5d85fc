"""Removing the demo data set: every demo record and only those, in one transaction.

A demo record is a demo applicant (``applicants.demo``) with everything hanging on it
(products, assessments and their answers, findings, evidence, decisions, certificates with
their status history and surveillance, brand-value estimates), the demo people
(``people.demo``) with their keys, every signature by them or on demo work, and the demo
body key. Nothing else is touched.

Refused (``demo.referenced``) when a record that stays refers to one that would go: a real
assessment whose assessor, answers or decision are credited to a demo person, a real
certificate replacing a demo one, and so on. The check reads every foreign key of the
schema, so a table added later is covered without being listed here; only the deletion
plan below must know it when its rows can themselves be demo work.

The event log keeps everything: its hash chain is append-only, so the demo's events stay
where they are, still verifiable, and one ``demo.remove`` event records what went (counts,
applicant, assessment and person ids, certificate numbers, evidence ids). ``db verify``
reads that event so removed demo evidence is not reported missing.

>>> from brandmark.demo import load_demo
>>> from brandmark.store import Store
>>> store = Store(":memory:")
>>> _ = load_demo(store)
>>> removed = remove_demo(store, by="管理员")
>>> removed["applicants"], store.applicants.list()
(11, [])
"""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING

from brandmark.errors import Problem, RefusedInput

if TYPE_CHECKING:
    from brandmark.store import Store

_APPLICANTS = "SELECT id FROM applicants WHERE demo = 1"
_ASSESSMENTS = f"SELECT id FROM assessments WHERE applicant_id IN ({_APPLICANTS})"
_PEOPLE = "SELECT id FROM people WHERE demo = 1"
_CERTIFICATES = f"SELECT number FROM certificates WHERE applicant_id IN ({_APPLICANTS})"
_FINDINGS = f"SELECT id FROM findings WHERE assessment_id IN ({_ASSESSMENTS})"
_APPLICATIONS = (f"SELECT id FROM applications WHERE applicant_id IN ({_APPLICANTS}) "
                 f"OR assessment_id IN ({_ASSESSMENTS})")
_APPLICATION_DECISIONS = f"SELECT id FROM application_decisions WHERE application_id IN ({_APPLICATIONS})"
_VISITS = f"SELECT id FROM surveillance WHERE number IN ({_CERTIFICATES})"

# (table, which of its rows are demo work), in an order that deletes children before parents.
# The keep-forever triggers (schema step 11) let exactly these rows go.
PLAN: tuple[tuple[str, str], ...] = (
    ("signatures", f"person_id IN ({_PEOPLE}) "
                   f"OR (entity = 'decision' AND CAST(entity_id AS INTEGER) IN ({_ASSESSMENTS})) "
                   f"OR (entity = 'finding' AND CAST(entity_id AS INTEGER) IN ({_FINDINGS})) "
                   f"OR (entity = 'certificate' AND entity_id IN ({_CERTIFICATES})) "
                   f"OR (entity = 'surveillance' AND CAST(entity_id AS INTEGER) IN ({_VISITS})) "
                   f"OR (entity = 'application_decision' AND CAST(entity_id AS INTEGER) IN ({_APPLICATION_DECISIONS}))"),
    ("audit_plans", f"assessment_id IN ({_ASSESSMENTS})"),
    ("application_items", f"application_id IN ({_APPLICATIONS})"),
    ("application_decisions", f"application_id IN ({_APPLICATIONS})"),
    ("applications", f"id IN ({_APPLICATIONS})"),
    ("consultancies", f"applicant_id IN ({_APPLICANTS})"),
    ("surveillance", f"number IN ({_CERTIFICATES})"),
    ("certificate_status_changes", f"number IN ({_CERTIFICATES})"),
    ("mark_use", f"number IN ({_CERTIFICATES})"),
    ("certificates", f"number IN ({_CERTIFICATES})"),
    ("brand_value_estimates", f"applicant_id IN ({_APPLICANTS}) OR assessment_id IN ({_ASSESSMENTS})"),
    ("exchange_conflicts", f"assessment_id IN ({_ASSESSMENTS})"),
    ("exchange_imports", f"assignment_id IN (SELECT id FROM exchange_assignments WHERE assessment_id IN "
                         f"({_ASSESSMENTS})) OR signer_id IN ({_PEOPLE})"),
    ("exchange_assignments", f"assessment_id IN ({_ASSESSMENTS}) OR assessor_id IN ({_PEOPLE})"),
    ("applicant_attachment_evidence", f"attachment_id IN (SELECT id FROM applicant_attachments WHERE applicant_id IN "
                                      f"({_APPLICANTS}))"),
    ("applicant_attachments", f"applicant_id IN ({_APPLICANTS})"),
    ("evidence", f"assessment_id IN ({_ASSESSMENTS})"),
    ("findings", f"assessment_id IN ({_ASSESSMENTS})"),
    ("answers", f"assessment_id IN ({_ASSESSMENTS})"),
    ("decisions", f"assessment_id IN ({_ASSESSMENTS})"),
    ("assessments", f"applicant_id IN ({_APPLICANTS})"),
    ("products", f"applicant_id IN ({_APPLICANTS})"),
    ("applicants", "demo = 1"),
    ("person_keys", f"person_id IN ({_PEOPLE})"),
    ("people", "demo = 1"),
    ("body_keys", "purpose = 'demo'"),
)


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]


def _primary_key(conn: sqlite3.Connection, table: str) -> str:
    keys = [row[1] for row in conn.execute(f"PRAGMA table_info({table})") if row[5]]
    return keys[0] if len(keys) == 1 else "rowid"


def references_into_demo(conn: sqlite3.Connection) -> list[Problem]:
    """Every foreign key from a row that stays to a row that would go, one problem per
    (table, column): the count and the first such row."""
    going = dict(PLAN)
    problems = []
    for table in _tables(conn):
        for fk in conn.execute(f"PRAGMA foreign_key_list({table})").fetchall():
            parent, column, target = fk[2], fk[3], fk[4]
            if parent not in going:
                continue
            target = target or _primary_key(conn, parent)
            stays = f" AND NOT ({going[table]})" if table in going else ""
            key = _primary_key(conn, table)
            rows = conn.execute(
                f"SELECT {key} FROM {table} WHERE {column} IN (SELECT {target} FROM {parent} WHERE {going[parent]})"
                f"{stays} ORDER BY {key}").fetchall()
            if rows:
                problems.append(Problem("demo.referenced", (table, column),
                                        {"table": table, "column": column, "count": len(rows),
                                         "first": rows[0][0], "parent": parent}))
    return problems


def remove_demo(store: Store, *, by: str) -> dict[str, int]:
    """Delete the demo data set in one transaction; returns the count removed per table
    plus the ``event`` id recording it. Refused: ``demo.not_loaded``, ``demo.referenced``."""
    conn = store.conn
    with store.atomic():
        applicants = [i for (i,) in conn.execute(_APPLICANTS + " ORDER BY id")]
        people = [i for (i,) in conn.execute(_PEOPLE + " ORDER BY id")]
        if not applicants and not people:
            raise RefusedInput.of("demo.not_loaded")
        problems = references_into_demo(conn)
        if problems:
            raise RefusedInput(problems=problems)
        removed_ids = {
            "applicants": applicants, "people": people,
            "assessments": [i for (i,) in conn.execute(_ASSESSMENTS + " ORDER BY id")],
            "certificates": [n for (n,) in conn.execute(_CERTIFICATES + " ORDER BY number")],
            "evidence": [i for (i,) in conn.execute(
                f"SELECT id FROM evidence WHERE assessment_id IN ({_ASSESSMENTS}) ORDER BY id")],
        }
        files = [sha256 for (sha256,) in conn.execute(
            f"SELECT sha256 FROM evidence WHERE stored = 'file' AND assessment_id IN ({_ASSESSMENTS}) "
            f"UNION SELECT sha256 FROM applicant_attachment_evidence WHERE stored = 'file' AND "
            f"({dict(PLAN)['applicant_attachment_evidence']})")]
        # Demo rows refer to each other both ways (a certificate to its assessment, a surveillance
        # visit's assessment to its certificate): the keys are checked once, at commit.
        conn.execute("PRAGMA defer_foreign_keys = ON")
        counts = {}
        for table, where in PLAN:
            counts[table] = conn.execute(f"DELETE FROM {table} WHERE {where}").rowcount
        event = store.events.record(by, "demo.remove", "demo", "all", {"removed": counts, **removed_ids})
    # After the commit: the demo's files in the evidence folder that no row names any more (a
    # crash before this leaves them as orphans, which db check lists).
    store.evidence_files.remove_orphans(only=files)
    return {**counts, "event": event}


def removed_evidence(conn: sqlite3.Connection) -> set[int]:
    """Evidence ids that a ``demo.remove`` event accounts for (gone on purpose, not missing)."""
    gone: set[int] = set()
    for (details,) in conn.execute("SELECT details FROM events WHERE action = 'demo.remove'"):
        try:
            gone.update(int(i) for i in json.loads(details).get("evidence", []))
        except (ValueError, TypeError, AttributeError):
            continue
    return gone
