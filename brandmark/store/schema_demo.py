"""Schema step 11: demo records can be removed, and only demo records.

The demo data set (``brandmark.demo``) signs decisions and closed findings with two demo
people's keys, and a certificate issued from a demo assessment is signed with the demo key
(body code ``DEMO``). The keep-forever triggers of steps 2, 4 and 5 (certificates, their
status history, body keys, person keys, signatures) refused every delete, so the demo could
never leave a register. Each trigger now lets a row go only when it is demo work:

- a certificate under body code ``DEMO``, its status history;
- the body key whose purpose is ``demo``;
- a person marked ``demo`` (new column ``people.demo``; the two demo people are found by
  their ``person.add`` event, recorded by the actor ``demo``), their keys;
- a signature by a demo person, or on a decision, closed finding, certificate, surveillance
  visit or application decision of a demo applicant.

Everything else stays refused as before. The event log's triggers are untouched: events
are never deleted, demo or not (``store/demo_removal.py`` records the removal as an event).
"""

_DEMO_CERTIFICATE = "(SELECT body_code FROM certificates WHERE number = OLD.number) IS 'DEMO'"

V11_DEMO = f"""
ALTER TABLE people ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));
UPDATE people SET demo = 1 WHERE id IN (
    SELECT CAST(entity_id AS INTEGER) FROM events WHERE action = 'person.add' AND actor = 'demo');
DROP TRIGGER certificates_never_deleted;
CREATE TRIGGER certificates_never_deleted BEFORE DELETE ON certificates
WHEN OLD.body_code IS NOT 'DEMO'
BEGIN SELECT RAISE(ABORT, 'a certificate is never deleted: its number must not be reused'); END;
DROP TRIGGER certificate_status_changes_append_only_delete;
CREATE TRIGGER certificate_status_changes_append_only_delete BEFORE DELETE ON certificate_status_changes
WHEN NOT {_DEMO_CERTIFICATE}
BEGIN SELECT RAISE(ABORT, 'the status history is append-only'); END;
DROP TRIGGER body_keys_never_deleted;
CREATE TRIGGER body_keys_never_deleted BEFORE DELETE ON body_keys
WHEN OLD.purpose IS NOT 'demo'
BEGIN SELECT RAISE(ABORT, 'a body key is never deleted: certificates signed with it must keep verifying'); END;
DROP TRIGGER person_keys_never_deleted;
CREATE TRIGGER person_keys_never_deleted BEFORE DELETE ON person_keys
WHEN (SELECT demo FROM people WHERE id = OLD.person_id) IS NOT 1
BEGIN SELECT RAISE(ABORT, 'a person''s public key is kept: old signatures must still verify'); END;
DROP TRIGGER signatures_append_only_delete;
CREATE TRIGGER signatures_append_only_delete BEFORE DELETE ON signatures
WHEN (SELECT demo FROM people WHERE id = OLD.person_id) IS NOT 1
  AND NOT (OLD.entity = 'decision' AND (SELECT ap.demo FROM assessments a JOIN applicants ap
                                        ON ap.id = a.applicant_id WHERE a.id = CAST(OLD.entity_id AS INTEGER)) IS 1)
  AND NOT (OLD.entity = 'finding' AND (SELECT ap.demo FROM findings f JOIN assessments a ON a.id = f.assessment_id
                                       JOIN applicants ap ON ap.id = a.applicant_id
                                       WHERE f.id = CAST(OLD.entity_id AS INTEGER)) IS 1)
  AND NOT (OLD.entity = 'certificate' AND (SELECT body_code FROM certificates WHERE number = OLD.entity_id) IS 'DEMO')
  AND NOT (OLD.entity = 'surveillance' AND (SELECT c.body_code FROM surveillance s JOIN certificates c
                                            ON c.number = s.number WHERE s.id = CAST(OLD.entity_id AS INTEGER)) IS 'DEMO')
  AND NOT (OLD.entity = 'application_decision' AND (SELECT ap.demo FROM application_decisions d
                                                    JOIN applications a ON a.id = d.application_id
                                                    JOIN applicants ap ON ap.id = a.applicant_id
                                                    WHERE d.id = CAST(OLD.entity_id AS INTEGER)) IS 1)
BEGIN SELECT RAISE(ABORT, 'signatures are append-only'); END;
"""
