"""Schema step 10: applications and their acceptance, the body's working calendar, consultancy
links (impartiality) and audit plans (issue 16 §1-3).

Every initial certification assessment already in the register (``kind`` of step 8;
surveillance visits, recertifications and scope changes start from their certificate)
gets an application accepted on the assessment's creation date (marked ``migrated``, decided by nobody), so that each one
has the clock the deadlines count from.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from zoneinfo import ZoneInfo

V7_APPLICATIONS = """
CREATE TABLE applications (
    id INTEGER PRIMARY KEY,
    applicant_id INTEGER NOT NULL REFERENCES applicants(id),
    product_id INTEGER REFERENCES products(id),
    scheme_id TEXT NOT NULL,
    scheme_version TEXT NOT NULL,
    scheme_hash TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'returned', 'accepted', 'refused')),
    received_on TEXT NOT NULL,
    accepted_on TEXT,
    assessment_id INTEGER UNIQUE REFERENCES assessments(id),
    migrated INTEGER NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    FOREIGN KEY (scheme_id, scheme_version) REFERENCES schemes(id, version)
);
CREATE INDEX applications_applicant ON applications(applicant_id);
CREATE INDEX applications_status ON applications(status);

CREATE TABLE application_items (
    application_id INTEGER NOT NULL REFERENCES applications(id),
    item_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('received', 'na')),
    file_name TEXT,
    sha256 TEXT,
    size INTEGER,
    content BLOB,
    recorded_by TEXT NOT NULL,
    recorded_by_id INTEGER REFERENCES people(id),
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (application_id, item_id)
);

CREATE TABLE application_decisions (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications(id),
    decision TEXT NOT NULL CHECK (decision IN ('accept', 'return', 'refuse')),
    decided_on TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    decided_by_id INTEGER REFERENCES people(id),
    reason TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL
);
CREATE INDEX application_decisions_application ON application_decisions(application_id);

CREATE TABLE calendar_days (
    day TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('closure', 'holiday', 'workday')),
    note TEXT NOT NULL DEFAULT '',
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL
);

CREATE TABLE calendar_years (
    year INTEGER PRIMARY KEY,
    note TEXT NOT NULL DEFAULT '',
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL
);

CREATE TABLE consultancies (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    applicant_id INTEGER NOT NULL REFERENCES applicants(id),
    until TEXT,
    note TEXT NOT NULL DEFAULT '',
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE INDEX consultancies_applicant ON consultancies(applicant_id);

CREATE TABLE audit_plans (
    id INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments(id),
    employees INTEGER NOT NULL,
    sites INTEGER NOT NULL DEFAULT 1,
    products INTEGER NOT NULL DEFAULT 1,
    person_days REAL NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    team TEXT NOT NULL,
    planned_by TEXT NOT NULL,
    planned_at TEXT NOT NULL
);
CREATE INDEX audit_plans_assessment ON audit_plans(assessment_id);
"""


def _local_date(stamp: str, zone: ZoneInfo) -> str:
    moment = dt.datetime.fromisoformat(stamp)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(zone).date().isoformat()


def applications_step(conn: sqlite3.Connection) -> None:
    from brandmark.store.migrations import _script
    from brandmark.store.settings import SETTING_TIME_ZONE, body_zone

    _script(V7_APPLICATIONS)(conn)
    setting = conn.execute("SELECT value FROM settings WHERE key = ?", [SETTING_TIME_ZONE]).fetchone()
    zone = body_zone(setting[0] if setting else None)
    rows = conn.execute(
        "SELECT id, applicant_id, product_id, scheme_id, scheme_version, scheme_hash, assessor, created_at "
        "FROM assessments WHERE mode = 'certification' AND kind = 'initial' ORDER BY id").fetchall()
    for assessment_id, applicant_id, product_id, scheme, version, scheme_hash, assessor, created_at in rows:
        day = _local_date(created_at, zone)
        application_id = conn.execute(
            "INSERT INTO applications (applicant_id, product_id, scheme_id, scheme_version, scheme_hash, status, "
            "received_on, accepted_on, assessment_id, migrated, created_by, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, 'accepted', ?, ?, ?, 1, 'migration', ?, ?)",
            [applicant_id, product_id, scheme, version, scheme_hash, day, day, assessment_id, created_at,
             created_at]).lastrowid
        conn.execute(
            "INSERT INTO application_decisions (application_id, decision, decided_on, decided_by, reason, decided_at) "
            "VALUES (?, 'accept', ?, 'migration', ?, ?)",
            [application_id, day, "migrated: the assessment's creation date / 迁移：以评审创建日期为受理日期",
             created_at])
