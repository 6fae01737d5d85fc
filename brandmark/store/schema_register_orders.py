"""Schema step 19: indexes for the orders the assessments and certificates registers page in.

The two registers page by key (``store.paging``): the next page starts after the last row
of this one, found through an index on the order's column with the row's id after it, so a
page costs the same anywhere in the register and walking all of it is linear. The id order
of assessments and the number order of certificates had their index already (the primary
key); these are the other columns of each table the window sorts by. An index on one column
holds the rowid after it, so ``(created_at)`` on certificates serves ``ORDER BY created_at,
rowid`` (the certificates' tie-break). Orders by a joined table's column (the applicant's
name, the scheme's title, the product, the decision) and by a computed value (the effective
status, the next visit) still sort the register's matching rows for each page.
"""

V19_REGISTER_ORDERS = """
CREATE INDEX assessments_created_at ON assessments(created_at, id);
CREATE INDEX assessments_updated_at ON assessments(updated_at, id);
CREATE INDEX assessments_mode ON assessments(mode, id);
CREATE INDEX assessments_assessor ON assessments(assessor, id);
CREATE INDEX assessments_status ON assessments(status, id);
CREATE INDEX certificates_created_at ON certificates(created_at);
CREATE INDEX certificates_holder_name ON certificates(holder_name);
CREATE INDEX certificates_product ON certificates(product);
CREATE INDEX certificates_issued_on ON certificates(issued_on);
CREATE INDEX certificates_expires_on ON certificates(expires_on);
"""
