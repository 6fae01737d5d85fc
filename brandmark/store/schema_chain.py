"""Schema step 6: the event log becomes a hash chain.

Each event from this step on carries ``hash``, the SHA-256 of its canonical content
(``brandmark.store.events.canonical_event``), which includes ``prev_hash``, the hash of the
event before it. Events recorded before the step keep NULL in both columns; the step
records a ``chain.start`` event whose details hold their count and a digest over them, so
they are covered by the chain too.

The insert trigger keeps the chain from forking or gaining an unchained event, whoever
writes: a new event must carry a hash, the next id, and the current head's hash as its
``prev_hash`` (the genesis value when the log has no chained event yet). The trigger runs
inside the inserting statement, so inside the write transaction. The append-only
triggers of step 1 stay.
"""

GENESIS_HASH = "0" * 64

V6_CHAIN = f"""
ALTER TABLE events ADD COLUMN prev_hash TEXT;
ALTER TABLE events ADD COLUMN hash TEXT;
CREATE TRIGGER events_chain_link BEFORE INSERT ON events
WHEN NEW.hash IS NULL
  OR NEW.id IS NOT (SELECT coalesce(max(id), 0) + 1 FROM events)
  OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM events ORDER BY id DESC LIMIT 1), '{GENESIS_HASH}')
BEGIN SELECT RAISE(ABORT, 'an event must extend the hash chain (next id, hash, prev_hash = the head''s hash)'); END;
"""
