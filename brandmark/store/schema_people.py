"""Schema step: the personnel register, the people behind each act, personal signatures.

``people`` holds who may do what (roles, the schemes each is competent for, active since
when); ``person_keys`` every public key a person has had (the private half sealed with
their passphrase; a replaced key keeps its public half so old signatures still verify);
``signatures`` what a person signed (append-only).

The text columns that named people (``assessments.assessor``, ``answers.answered_by``...)
stay, holding the name as registered; the new ``*_id`` columns say *who*. An existing
register's free text becomes people here: one person per look-alike key
(``brandmark.people_names.lookalike_key``), flagged ``review = 1`` with every role the
name acted in, and each old row linked to them. Self-assessments are not linked: their
people are self-declared and never become personnel. The step writes no events: the
people it makes say where they came from (``review_note``), and the event log stays
exactly as the older register wrote it.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

PEOPLE = """
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    lookalike_key TEXT NOT NULL,
    case_skeleton TEXT NOT NULL,
    roles TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(roles)),
    schemes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(schemes)),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    since TEXT NOT NULL,
    review INTEGER NOT NULL DEFAULT 0 CHECK (review IN (0, 1)),
    review_note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX people_lookalike ON people(lookalike_key);
CREATE INDEX people_case_skeleton ON people(case_skeleton);

CREATE TABLE person_keys (
    key_id TEXT PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    public_key TEXT NOT NULL,
    sealed_private TEXT,
    created_at TEXT NOT NULL,
    retired_at TEXT
);
CREATE INDEX person_keys_person ON person_keys(person_id);
CREATE TRIGGER person_keys_never_deleted BEFORE DELETE ON person_keys
BEGIN SELECT RAISE(ABORT, 'a person''s public key is kept: old signatures must still verify'); END;

CREATE TABLE signatures (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id),
    key_id TEXT NOT NULL REFERENCES person_keys(key_id),
    content TEXT NOT NULL,
    signature TEXT NOT NULL,
    signed_at TEXT NOT NULL
);
CREATE INDEX signatures_entity ON signatures(entity, entity_id);
CREATE TRIGGER signatures_append_only_update BEFORE UPDATE ON signatures
BEGIN SELECT RAISE(ABORT, 'signatures are append-only'); END;
CREATE TRIGGER signatures_append_only_delete BEFORE DELETE ON signatures
BEGIN SELECT RAISE(ABORT, 'signatures are append-only'); END;

ALTER TABLE assessments ADD COLUMN assessor_id INTEGER REFERENCES people(id);
ALTER TABLE answers ADD COLUMN answered_by_id INTEGER REFERENCES people(id);
ALTER TABLE findings ADD COLUMN created_by_id INTEGER REFERENCES people(id);
ALTER TABLE findings ADD COLUMN closed_by_id INTEGER REFERENCES people(id);
ALTER TABLE evidence ADD COLUMN added_by_id INTEGER REFERENCES people(id);
ALTER TABLE decisions ADD COLUMN decided_by_id INTEGER REFERENCES people(id);
ALTER TABLE certificates ADD COLUMN authorised_by_id INTEGER REFERENCES people(id);
"""

# (table, text column, id column, role the name acted in, key column); certification rows only.
_ACTORS = (
    ("assessments", "assessor", "assessor_id", "assessor", "id"),
    ("answers", "answered_by", "answered_by_id", None, "assessment_id"),
    ("findings", "created_by", "created_by_id", None, "assessment_id"),
    ("findings", "closed_by", "closed_by_id", None, "assessment_id"),
    ("evidence", "added_by", "added_by_id", None, "assessment_id"),
    ("decisions", "decided_by", "decided_by_id", "decider", "assessment_id"),
)

REVIEW_NOTE = "由旧登记簿的自由文本姓名生成，请核对 / made from free text in an earlier register; please review"


def link_existing_people(conn: sqlite3.Connection) -> None:
    """Turn the free-text names of certification work into people and link the rows."""
    from brandmark.people_names import case_skeleton, lookalike_key, normalised

    now = conn.execute("SELECT strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')").fetchone()[0]
    people: dict[str, dict[str, Any]] = {}     # look-alike key → {"name", "roles", "schemes", "spellings"}

    def person_for(name: str, role: str | None, scheme: str) -> str | None:
        shown = normalised(name)
        if not shown:
            return None
        key = lookalike_key(shown)
        entry = people.setdefault(key, {"name": shown, "roles": set(), "schemes": set(), "spellings": set()})
        entry["spellings"].add(shown)
        if role:
            entry["roles"].add(role)
            entry["schemes"].add(scheme)
        return key

    rows_to_link = []
    for table, text_column, id_column, role, key_column in _ACTORS:
        join = "" if table == "assessments" else " JOIN assessments a ON a.id = t.assessment_id"
        scheme_column = "t.scheme_id" if table == "assessments" else "a.scheme_id"
        mode_column = "t.mode" if table == "assessments" else "a.mode"
        for rowid, name, scheme in conn.execute(
                f"SELECT t.rowid, t.{text_column}, {scheme_column} FROM {table} t{join} "
                f"WHERE {mode_column} = 'certification' AND t.{text_column} IS NOT NULL"):
            key = person_for(name, role, scheme)
            if key is not None:
                rows_to_link.append((table, id_column, rowid, key))
    for rowid, name in conn.execute("SELECT rowid, authorised_by FROM certificates"):
        key = person_for(name, "authoriser", "")
        if key is not None:
            rows_to_link.append(("certificates", "authorised_by_id", rowid, key))

    ids = {}
    for key, entry in people.items():
        note = REVIEW_NOTE
        if len(entry["spellings"]) > 1:
            note += " (" + " / ".join(sorted(entry["spellings"])) + ")"
        ids[key] = conn.execute(
            "INSERT INTO people (name, lookalike_key, case_skeleton, roles, schemes, active, since, review, "
            "review_note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, 1, ?, ?, ?)",
            [entry["name"], key, case_skeleton(entry["name"]), json.dumps(sorted(entry["roles"])),
             json.dumps(sorted(s for s in entry["schemes"] if s)), now, note, now, now]).lastrowid
    for table, id_column, rowid, key in rows_to_link:
        conn.execute(f"UPDATE {table} SET {id_column} = ? WHERE rowid = ?", [ids[key], rowid])


def people_step(conn: sqlite3.Connection) -> None:
    from brandmark.store.migrations import _split

    for statement in _split(PEOPLE):
        conn.execute(statement)
    link_existing_people(conn)
