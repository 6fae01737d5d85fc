"""The database schema, as numbered steps. ``PRAGMA user_version`` records the last applied.

Each step runs in its own transaction; a database is brought from any earlier
version to the current one by applying the missing steps in order. Never edit a
step that has shipped: add a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from brandmark.errors import RefusedInput
from brandmark.store import (
    schema_applications, schema_assignment_certificate, schema_attachment_evidence, schema_certificates,
    schema_chain, schema_demo, schema_evidence_files, schema_exchange, schema_findings, schema_key_rotation,
    schema_keys, schema_lifecycle, schema_mark_use, schema_name_sort, schema_pack_items, schema_people,
    schema_register_keys, schema_register_orders, schema_replacements, schema_search, schema_stats, schema_valuations,
)

V1_CORE = """
CREATE TABLE schemes (
    id TEXT NOT NULL,
    version TEXT NOT NULL,
    hash TEXT NOT NULL,
    family TEXT NOT NULL,
    title TEXT NOT NULL,
    reference INTEGER NOT NULL DEFAULT 0,
    content TEXT NOT NULL,
    source TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (id, version)
);

CREATE TABLE applicants (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    uscc TEXT NOT NULL UNIQUE,
    region TEXT,
    address TEXT NOT NULL DEFAULT '',
    industry TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    demo INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX applicants_name ON applicants(name);

CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    applicant_id INTEGER NOT NULL REFERENCES applicants(id),
    name TEXT NOT NULL,
    models TEXT NOT NULL DEFAULT '',
    standard TEXT,
    implementation_rule TEXT NOT NULL DEFAULT '',
    factory_address TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX products_applicant ON products(applicant_id);

CREATE TABLE assessments (
    id INTEGER PRIMARY KEY,
    applicant_id INTEGER NOT NULL REFERENCES applicants(id),
    product_id INTEGER REFERENCES products(id),
    scheme_id TEXT NOT NULL,
    scheme_version TEXT NOT NULL,
    scheme_hash TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('certification', 'self')),
    assessor TEXT NOT NULL,
    stage TEXT NOT NULL DEFAULT 'application',
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'decided')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    FOREIGN KEY (scheme_id, scheme_version) REFERENCES schemes(id, version)
);
CREATE INDEX assessments_applicant ON assessments(applicant_id);

CREATE TABLE answers (
    assessment_id INTEGER NOT NULL REFERENCES assessments(id),
    item_id TEXT NOT NULL,
    value TEXT,
    code INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    answered_by TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (assessment_id, item_id)
);

CREATE TABLE findings (
    id INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments(id),
    item_id TEXT NOT NULL,
    grade TEXT NOT NULL CHECK (grade IN ('minor', 'major')),
    clause TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    corrective_action TEXT NOT NULL DEFAULT '',
    deadline TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'withdrawn')),
    closed_by TEXT,
    closed_at TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX findings_assessment ON findings(assessment_id);

CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments(id),
    item_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL,
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE INDEX evidence_assessment ON evidence(assessment_id, item_id);

CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL UNIQUE REFERENCES assessments(id),
    decision TEXT NOT NULL CHECK (decision IN ('grant', 'conditional', 'refuse')),
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    verdict TEXT NOT NULL,
    total REAL NOT NULL,
    reasons TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_entity ON events(entity, entity_id);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def apply(conn: sqlite3.Connection) -> None:
        for statement in _split(sql):
            conn.execute(statement)
    return apply


def _split(sql: str) -> list[str]:
    """Split a script into statements, keeping trigger bodies whole."""
    statements, current = [], []
    for line in sql.strip().splitlines():
        current.append(line)
        joined = "\n".join(current).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            statements.append(joined)
            current = []
    if "\n".join(current).strip():
        statements.append("\n".join(current))
    return statements


def chain_step(conn: sqlite3.Connection) -> None:
    from brandmark.store.events import start_chain

    _script(schema_chain.V6_CHAIN)(conn)
    start_chain(conn)


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _script(V1_CORE),
    _script(schema_certificates.V2_CERTIFICATES),
    _script(schema_valuations.V3_VALUATIONS),
    _script(schema_keys.V4_KEYS),
    schema_people.people_step,
    chain_step,
    schema_name_sort.name_sort_step,
    _script(schema_lifecycle.V8_LIFECYCLE),
    _script(schema_findings.V9_FINDINGS),
    schema_applications.applications_step,
    _script(schema_demo.V11_DEMO),
    _script(schema_exchange.V12_EXCHANGE),
    _script(schema_key_rotation.V13_KEY_ROTATION),
    schema_search.search_step,
    _script(schema_replacements.REPLACES_INDEX),
    _script(schema_assignment_certificate.V16_ASSIGNMENT_CERTIFICATE),
    _script(schema_stats.V17_STATS),
    schema_search.marked_codes_step,
    _script(schema_register_orders.V19_REGISTER_ORDERS),
    _script(schema_evidence_files.V20_EVIDENCE_FILES),
    _script(schema_attachment_evidence.V21_ATTACHMENT_EVIDENCE),
    _script(schema_mark_use.V22_MARK_USE),
    schema_pack_items.pack_items_step,
    _script(schema_register_keys.V24_REGISTER_KEYS),
]
LATEST = len(MIGRATIONS)


def current_version(conn: sqlite3.Connection) -> int:
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    return version


def refuse_if_newer(conn: sqlite3.Connection, where: object = "this database") -> int:
    """The schema version, or ``RefusedInput`` when the database is newer than this code."""
    version = current_version(conn)
    if version > LATEST:
        raise RefusedInput.of("db.newer_schema", where=str(where), version=version, latest=LATEST)
    return version


def migrate(conn: sqlite3.Connection, target: int = LATEST) -> int:
    """Apply the missing steps up to ``target``, each in its own transaction."""
    version = refuse_if_newer(conn)
    while version < target:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Read again under the write lock: another process may have applied this step
            # while we waited for it.
            version = refuse_if_newer(conn)
            if version < target:
                MIGRATIONS[version](conn)
                conn.execute(f"PRAGMA user_version = {version + 1}")
                version += 1
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return version
