"""Schema step 20: evidence kept outside the database.

``evidence.stored`` says where a file's bytes are: ``'database'`` (in ``content``, as every
row before this step) or ``'file'`` (in the register's evidence folder under its SHA-256,
``content`` empty; see ``brandmark.store.evidence_files``). Existing rows are not rewritten:
they read as they always did.
"""

V20_EVIDENCE_FILES = """
ALTER TABLE evidence ADD COLUMN stored TEXT NOT NULL DEFAULT 'database' CHECK (stored IN ('database', 'file'));
"""
