"""Schema step: certificates found by the one they replace.

A certificate's ``replaced_by`` (``Certificates.get``), its reading as cancelled once a
certificate that replaces it at expiry takes over (``_EFFECTIVE``) and the day's settling
of such replacements (``Renewals.settle_replacements``) all look certificates up by
``replaces``; without an index each lookup read the whole register. Only replacing
certificates carry ``replaces``, so the index holds those alone.
"""

REPLACES_INDEX = """
CREATE INDEX certificates_replaces ON certificates(replaces) WHERE replaces IS NOT NULL;
"""
