"""Schema step: the body's keys and the public keys it trusts, kept in the register.

``body_keys`` holds this register's own Ed25519 keys, newest last: the private half
sealed with the body's passphrase (``brandmark.certificates.keys.seal_private_key``), the
public half, and the dates the key may sign on (``valid_until`` is NULL for the current
key). A key is never deleted: certificates signed with it must keep verifying. Revocation
marks from which date on its signatures are not to be believed. The ``demo`` key signs
certificates of the marked demo data set only, under its own body code.

``trusted_keys`` holds other bodies' public keys (imported one by one, or from their
signed trust list); ``trust_lists`` records each trust list imported, so an older one is
refused.
"""

V4_KEYS = """
CREATE TABLE body_keys (
    key_id TEXT PRIMARY KEY,
    purpose TEXT NOT NULL DEFAULT 'body' CHECK (purpose IN ('body', 'demo')),
    public_key TEXT NOT NULL,
    sealed_private_key TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_until TEXT,
    revoked_since TEXT,
    revoked_reason TEXT,
    revoked_by TEXT,
    revoked_at TEXT,
    origin TEXT NOT NULL DEFAULT 'generated',
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX body_keys_one_current ON body_keys(purpose) WHERE valid_until IS NULL;
CREATE TRIGGER body_keys_never_deleted BEFORE DELETE ON body_keys
BEGIN SELECT RAISE(ABORT, 'a body key is never deleted: certificates signed with it must keep verifying'); END;

CREATE TABLE trusted_keys (
    key_id TEXT PRIMARY KEY,
    public_key TEXT NOT NULL,
    body_code TEXT NOT NULL DEFAULT '',
    body_name TEXT NOT NULL DEFAULT '',
    valid_from TEXT,
    valid_until TEXT,
    revoked_since TEXT,
    revoked_reason TEXT,
    source TEXT NOT NULL,
    imported_at TEXT NOT NULL
);

CREATE TABLE trust_lists (
    id INTEGER PRIMARY KEY,
    body_code TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    issued_at TEXT NOT NULL,
    signed_by TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE INDEX trust_lists_body ON trust_lists(body_code, sequence);
"""
