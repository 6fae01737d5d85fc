"""Schema step 2: the certificate register (owned by the certificates work)."""

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
    authorised_by TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'valid'
        CHECK (status IN ('valid', 'suspended', 'withdrawn', 'cancelled')),
    replaces TEXT REFERENCES certificates(number),
    payload TEXT NOT NULL DEFAULT '',
    key_id TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX certificates_assessment ON certificates(assessment_id);
CREATE INDEX certificates_applicant ON certificates(applicant_id);

CREATE TABLE certificate_status_changes (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL REFERENCES certificates(number),
    status TEXT NOT NULL,
    reason TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL
);
CREATE INDEX certificate_status_changes_number ON certificate_status_changes(number);

CREATE TABLE certificate_sequences (
    prefix TEXT PRIMARY KEY,
    last INTEGER NOT NULL
);

CREATE TABLE surveillance (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL REFERENCES certificates(number),
    due_on TEXT NOT NULL,
    done_on TEXT,
    result TEXT
);
CREATE INDEX surveillance_number ON surveillance(number);
"""
