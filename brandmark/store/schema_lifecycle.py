"""Schema step 8: a certificate's life after issue (surveillance visits, recertification, scope).

Every assessment gets a ``kind``: ``initial`` (every assessment made before this step, and
every new one made from an application), ``surveillance`` (a visit, answering the pack's
surveyed items), ``recertification`` (a full assessment before expiry) or ``scope`` (the
test items of a scope extension). The three later kinds name their ``certificate_number``.
A recertification keeps the body's choice of when its certificate replaces the old one
(``replace_at``: at the old one's expiry or at once); a scope change keeps the models the
new certificate will name (``scope_models``).

A surveillance row (step 2) is a due visit; it now also says why it is due (``reason``:
scheduled, or sooner after a substantiated complaint or a failed sampling, with a note),
which assessment carries it out and who decided its result, when. Rows recorded before
this step keep their one-word ``result`` and read as scheduled visits without an assessment.
"""

V8_LIFECYCLE = """
ALTER TABLE assessments ADD COLUMN kind TEXT NOT NULL DEFAULT 'initial'
    CHECK (kind IN ('initial', 'surveillance', 'recertification', 'scope'));
ALTER TABLE assessments ADD COLUMN certificate_number TEXT REFERENCES certificates(number);
ALTER TABLE assessments ADD COLUMN replace_at TEXT CHECK (replace_at IN ('expiry', 'now'));
ALTER TABLE assessments ADD COLUMN scope_models TEXT;
CREATE INDEX assessments_certificate ON assessments(certificate_number) WHERE certificate_number IS NOT NULL;

ALTER TABLE surveillance ADD COLUMN reason TEXT NOT NULL DEFAULT 'scheduled'
    CHECK (reason IN ('scheduled', 'complaint', 'failed_sampling'));
ALTER TABLE surveillance ADD COLUMN reason_note TEXT NOT NULL DEFAULT '';
ALTER TABLE surveillance ADD COLUMN assessment_id INTEGER REFERENCES assessments(id);
ALTER TABLE surveillance ADD COLUMN recorded_by_id INTEGER REFERENCES people(id);
ALTER TABLE surveillance ADD COLUMN decided_at TEXT;
CREATE UNIQUE INDEX surveillance_assessment ON surveillance(assessment_id) WHERE assessment_id IS NOT NULL;
"""
