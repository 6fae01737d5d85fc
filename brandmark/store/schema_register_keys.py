"""Schema step 24: the registers' joined and computed sort values, stored with an index.

Step 19 gave the assessments' and certificates' own columns an index, so a page in those
orders is an index walk from its key (``store.paging``). The other orders sorted by a value
from another table: the applicant's pinyin key, the scheme's title, the product's name, the
decision and its date (assessments), the next open surveillance visit (certificates). For
those every page sorted all the register's rows (tens of milliseconds at 100,000). Here each
of those values is kept on the row itself, beside an index on ``(value, id)``, and triggers on
every table it comes from keep it equal to the joined value, so the order, the keys and the
rows of every page are the same as the join's.

The certificates' effective status stays computed (it depends on today's date); the index on
the stored status alone (rowid after it) lets a page read each effective status in turn from the stored ones it comes
from, in rowid order (``Certificates._by_status``), instead of sorting every certificate.
"""

_APPLICANT = "(SELECT name_sort FROM applicants WHERE id = {row}.applicant_id)"
_SCHEME = "(SELECT title FROM schemes WHERE id = {row}.scheme_id AND version = {row}.scheme_version)"
_PRODUCT = "(SELECT name FROM products WHERE id = {row}.product_id)"
_NEXT_VISIT = "(SELECT min(due_on) FROM surveillance WHERE number = {row}.number AND done_on IS NULL)"


def _own_values(row: str) -> str:
    return (f"sort_applicant = {_APPLICANT.format(row=row)}, sort_scheme = {_SCHEME.format(row=row)}, "
            f"sort_product = {_PRODUCT.format(row=row)}")


V24_REGISTER_KEYS = f"""
ALTER TABLE assessments ADD COLUMN sort_applicant TEXT;
ALTER TABLE assessments ADD COLUMN sort_scheme TEXT;
ALTER TABLE assessments ADD COLUMN sort_product TEXT;
ALTER TABLE assessments ADD COLUMN sort_decision TEXT;
ALTER TABLE assessments ADD COLUMN sort_decided_at TEXT;
ALTER TABLE certificates ADD COLUMN sort_next_surveillance TEXT;

UPDATE assessments SET {_own_values('assessments')},
    sort_decision = (SELECT decision FROM decisions WHERE assessment_id = assessments.id),
    sort_decided_at = (SELECT decided_at FROM decisions WHERE assessment_id = assessments.id);
UPDATE certificates SET sort_next_surveillance = {_NEXT_VISIT.format(row='certificates')};

CREATE INDEX assessments_sort_applicant ON assessments(sort_applicant, id);
CREATE INDEX assessments_sort_scheme ON assessments(sort_scheme, id);
CREATE INDEX assessments_sort_product ON assessments(sort_product, id);
CREATE INDEX assessments_sort_decision ON assessments(sort_decision, id);
CREATE INDEX assessments_sort_decided_at ON assessments(sort_decided_at, id);
CREATE INDEX assessments_product ON assessments(product_id);
CREATE INDEX certificates_sort_next_surveillance ON certificates(sort_next_surveillance);
CREATE INDEX certificates_status_rowid ON certificates(status);

CREATE TRIGGER assessments_sort_keys_insert AFTER INSERT ON assessments BEGIN
    UPDATE assessments SET {_own_values('NEW')},
        sort_decision = (SELECT decision FROM decisions WHERE assessment_id = NEW.id),
        sort_decided_at = (SELECT decided_at FROM decisions WHERE assessment_id = NEW.id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER assessments_sort_keys_update
AFTER UPDATE OF id, applicant_id, product_id, scheme_id, scheme_version ON assessments BEGIN
    UPDATE assessments SET {_own_values('NEW')},
        sort_decision = (SELECT decision FROM decisions WHERE assessment_id = NEW.id),
        sort_decided_at = (SELECT decided_at FROM decisions WHERE assessment_id = NEW.id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER applicants_sort_key_update AFTER UPDATE OF name_sort ON applicants BEGIN
    UPDATE assessments SET sort_applicant = NEW.name_sort WHERE applicant_id = NEW.id;
END;
CREATE TRIGGER schemes_sort_key_insert AFTER INSERT ON schemes BEGIN
    UPDATE assessments SET sort_scheme = NEW.title WHERE scheme_id = NEW.id AND scheme_version = NEW.version;
END;
CREATE TRIGGER schemes_sort_key_update AFTER UPDATE OF title ON schemes BEGIN
    UPDATE assessments SET sort_scheme = NEW.title WHERE scheme_id = NEW.id AND scheme_version = NEW.version;
END;
CREATE TRIGGER products_sort_key_insert AFTER INSERT ON products BEGIN
    UPDATE assessments SET sort_product = NEW.name WHERE product_id = NEW.id;
END;
CREATE TRIGGER products_sort_key_update AFTER UPDATE OF name ON products BEGIN
    UPDATE assessments SET sort_product = NEW.name WHERE product_id = NEW.id;
END;
CREATE TRIGGER products_sort_key_delete AFTER DELETE ON products BEGIN
    UPDATE assessments SET sort_product = NULL WHERE product_id = OLD.id;
END;
CREATE TRIGGER decisions_sort_keys_insert AFTER INSERT ON decisions BEGIN
    UPDATE assessments SET sort_decision = NEW.decision, sort_decided_at = NEW.decided_at WHERE id = NEW.assessment_id;
END;
CREATE TRIGGER decisions_sort_keys_update AFTER UPDATE OF assessment_id, decision, decided_at ON decisions BEGIN
    UPDATE assessments SET sort_decision = NULL, sort_decided_at = NULL WHERE id = OLD.assessment_id;
    UPDATE assessments SET sort_decision = NEW.decision, sort_decided_at = NEW.decided_at WHERE id = NEW.assessment_id;
END;
CREATE TRIGGER decisions_sort_keys_delete AFTER DELETE ON decisions BEGIN
    UPDATE assessments SET sort_decision = NULL, sort_decided_at = NULL WHERE id = OLD.assessment_id;
END;
CREATE TRIGGER certificates_sort_key_insert AFTER INSERT ON certificates BEGIN
    UPDATE certificates SET sort_next_surveillance = {_NEXT_VISIT.format(row='NEW')} WHERE number = NEW.number;
END;
CREATE TRIGGER certificates_sort_key_update AFTER UPDATE OF number ON certificates BEGIN
    UPDATE certificates SET sort_next_surveillance = {_NEXT_VISIT.format(row='NEW')} WHERE number = NEW.number;
END;
CREATE TRIGGER surveillance_sort_key_insert AFTER INSERT ON surveillance BEGIN
    UPDATE certificates SET sort_next_surveillance = {_NEXT_VISIT.format(row='NEW')} WHERE number = NEW.number;
END;
CREATE TRIGGER surveillance_sort_key_update AFTER UPDATE OF number, due_on, done_on ON surveillance BEGIN
    UPDATE certificates SET sort_next_surveillance = {_NEXT_VISIT.format(row='OLD')} WHERE number = OLD.number;
    UPDATE certificates SET sort_next_surveillance = {_NEXT_VISIT.format(row='NEW')} WHERE number = NEW.number;
END;
CREATE TRIGGER surveillance_sort_key_delete AFTER DELETE ON surveillance BEGIN
    UPDATE certificates SET sort_next_surveillance = {_NEXT_VISIT.format(row='OLD')} WHERE number = OLD.number;
END;
"""
