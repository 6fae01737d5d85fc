"""Schema step: what travelled between registers in exchange bundles (``.bmx``).

``exchange_assignments`` holds each assignment, under the id it has in both registers:
at the body (``direction = 'sent'``) it records whom the assessment was given to and
``base``, the answers the two registers last agreed on (item → ``{"value", "note"}``),
which tells an assessor's change from the body's own when work comes back, and
``previous`` (for surveillance or recertification: the last certificate and its findings); on the laptop
(``'received'``) it links the assessment made there to the body's. ``exchange_imports``
records every bundle that changed something; ``exchange_conflicts`` every item changed
on both sides since they last agreed, kept open until someone chooses which answer
stands. ``applicant_attachments`` holds enterprises' self-assessments: never answers of a
certification assessment, only the applicant's file.
"""

V12_EXCHANGE = """
CREATE TABLE exchange_assignments (
    id TEXT PRIMARY KEY,
    direction TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
    assessment_id INTEGER NOT NULL REFERENCES assessments(id),
    body_assessment_id INTEGER NOT NULL,
    assessor_id INTEGER NOT NULL REFERENCES people(id),
    body_key_id TEXT NOT NULL,
    scheme_hash TEXT NOT NULL,
    base TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(base)),
    previous TEXT NOT NULL DEFAULT 'null' CHECK (json_valid(previous)),
    bundle_id TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX exchange_assignments_assessment ON exchange_assignments(assessment_id);

CREATE TABLE exchange_imports (
    id INTEGER PRIMARY KEY,
    assignment_id TEXT REFERENCES exchange_assignments(id),
    kind TEXT NOT NULL,
    bundle_id TEXT NOT NULL,
    signer_key_id TEXT NOT NULL,
    signer_id INTEGER REFERENCES people(id),
    counts TEXT NOT NULL CHECK (json_valid(counts)),
    imported_at TEXT NOT NULL
);
CREATE INDEX exchange_imports_assignment ON exchange_imports(assignment_id);

CREATE TABLE exchange_conflicts (
    id INTEGER PRIMARY KEY,
    import_id INTEGER NOT NULL REFERENCES exchange_imports(id),
    assessment_id INTEGER NOT NULL REFERENCES assessments(id),
    item_id TEXT NOT NULL,
    register_answer TEXT NOT NULL CHECK (json_valid(register_answer)),
    bundle_answer TEXT NOT NULL CHECK (json_valid(bundle_answer)),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'kept', 'taken')),
    resolved_by TEXT,
    resolved_by_id INTEGER REFERENCES people(id),
    resolved_at TEXT
);
CREATE INDEX exchange_conflicts_assessment ON exchange_conflicts(assessment_id, status);

CREATE TABLE applicant_attachments (
    id INTEGER PRIMARY KEY,
    applicant_id INTEGER NOT NULL REFERENCES applicants(id),
    kind TEXT NOT NULL CHECK (kind IN ('self-assessment')),
    bundle_id TEXT NOT NULL,
    scheme_id TEXT NOT NULL,
    scheme_version TEXT NOT NULL,
    scheme_hash TEXT NOT NULL,
    declared_by TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL CHECK (json_valid(content)),
    imported_by TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    UNIQUE (applicant_id, bundle_id)
);
"""
