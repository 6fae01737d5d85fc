"""Schema step 2: the certificate register (owned by the certificates work).

A certificate row is never deleted (its number is never reused) and the status
history is append-only; triggers enforce both whatever the caller. ``status`` holds
the last decided status; *expired* is computed from ``expires_on`` and the date.
A reissued certificate gets a new number and names the one it replaces in ``replaces``.
"""

V2_CERTIFICATES = """
CREATE TABLE certificates (
    number TEXT PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments(id),
    applicant_id INTEGER NOT NULL REFERENCES applicants(id),
    holder_name TEXT NOT NULL,
    holder_address TEXT NOT NULL DEFAULT '',
    holder_uscc TEXT NOT NULL,
    product TEXT NOT NULL,
    models TEXT NOT NULL DEFAULT '',
    scope TEXT NOT NULL DEFAULT '',
    standard TEXT NOT NULL DEFAULT '',
    implementation_rule TEXT NOT NULL DEFAULT '',
    factory_address TEXT NOT NULL DEFAULT '',
    scheme_id TEXT NOT NULL,
    scheme_version TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    expires_on TEXT NOT NULL,
    issuing_body TEXT NOT NULL,
    issuing_body_en TEXT NOT NULL DEFAULT '',
    body_code TEXT NOT NULL DEFAULT '',
    authorised_by TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'valid'
        CHECK (status IN ('valid', 'suspended', 'withdrawn', 'cancelled')),
    replaces TEXT REFERENCES certificates(number),
    payload TEXT NOT NULL DEFAULT '',
    key_id TEXT NOT NULL DEFAULT '',
    surveillance_months INTEGER NOT NULL DEFAULT 12,
    created_at TEXT NOT NULL
);
CREATE INDEX certificates_assessment ON certificates(assessment_id);
CREATE INDEX certificates_applicant ON certificates(applicant_id);
CREATE INDEX certificates_status ON certificates(status, expires_on);
CREATE TRIGGER certificates_never_deleted BEFORE DELETE ON certificates
BEGIN SELECT RAISE(ABORT, 'a certificate is never deleted: its number must not be reused'); END;

CREATE TABLE certificate_status_changes (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL REFERENCES certificates(number),
    action TEXT NOT NULL,
    previous_status TEXT,
    status TEXT NOT NULL,
    reason TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL
);
CREATE INDEX certificate_status_changes_number ON certificate_status_changes(number);
CREATE TRIGGER certificate_status_changes_append_only_update BEFORE UPDATE ON certificate_status_changes
BEGIN SELECT RAISE(ABORT, 'the status history is append-only'); END;
CREATE TRIGGER certificate_status_changes_append_only_delete BEFORE DELETE ON certificate_status_changes
BEGIN SELECT RAISE(ABORT, 'the status history is append-only'); END;

CREATE TABLE certificate_sequences (
    prefix TEXT PRIMARY KEY,
    last INTEGER NOT NULL
);

CREATE TABLE surveillance (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL REFERENCES certificates(number),
    due_on TEXT NOT NULL,
    done_on TEXT,
    result TEXT,
    recorded_by TEXT,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX surveillance_number ON surveillance(number);
CREATE INDEX surveillance_due ON surveillance(due_on) WHERE done_on IS NULL;
"""
