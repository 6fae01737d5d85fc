"""Schema step: the certificate an exchange assignment names.

``exchange_assignments.certificate_number`` is the number of the certificate a surveillance
visit, recertification or scope change is about, as the body holds it. On the laptop that
certificate is not in the register (``assessments.certificate_number`` refers to this
register's own certificates and stays empty there), so the received assignment keeps its
number: the assessor sees which certificate the visit is for, and the work carries it back,
where the body checks it against the assessment's own. No foreign key: on the laptop the
number names a certificate of another register.
"""

V16_ASSIGNMENT_CERTIFICATE = """
ALTER TABLE exchange_assignments ADD COLUMN certificate_number TEXT;
"""
