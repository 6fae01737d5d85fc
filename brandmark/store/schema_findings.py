"""Schema step 9: nonconformities numbered within their assessment, and their verification.

``number`` is the finding's place in its own assessment (the first of an audit is #1,
whatever the findings of other audits): given at creation, never reused, so a number
once handed to the applicant keeps meaning the same finding. Existing rows are numbered
in the order they were made (by id), withdrawn ones included, as creation would have.

Closing a finding records what the verifier checked and the evidence they saw
(``verification_checked``, ``verification_evidence``); rows closed before this step
keep NULL there, shown as not recorded.
"""

V9_FINDINGS = """
ALTER TABLE findings ADD COLUMN number INTEGER;
UPDATE findings SET number = (SELECT count(*) FROM findings AS earlier
                              WHERE earlier.assessment_id = findings.assessment_id AND earlier.id <= findings.id);
CREATE UNIQUE INDEX findings_number ON findings(assessment_id, number);
ALTER TABLE findings ADD COLUMN verification_checked TEXT;
ALTER TABLE findings ADD COLUMN verification_evidence TEXT;
"""
