"""Schema step 21: the evidence files an enterprise's self-assessment carries.

A self-assessment imported at the body is an attachment of its applicant
(``applicant_attachments``), never answers of a certification assessment; its evidence files
are the attachment's too, each with its item, name, SHA-256, size, who added it and when, as
the enterprise recorded them. Its bytes are kept as an assessment's evidence is:
``stored = 'database'`` (in ``content``) or ``'file'`` (the register's evidence folder,
``brandmark.store.evidence_files``).
"""

V21_ATTACHMENT_EVIDENCE = """
CREATE TABLE applicant_attachment_evidence (
    id INTEGER PRIMARY KEY,
    attachment_id INTEGER NOT NULL REFERENCES applicant_attachments(id),
    item_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL,
    stored TEXT NOT NULL DEFAULT 'database' CHECK (stored IN ('database', 'file')),
    added_by TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL
);
CREATE INDEX applicant_attachment_evidence_attachment ON applicant_attachment_evidence(attachment_id);
"""
