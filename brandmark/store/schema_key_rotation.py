"""Schema step: how a person's key came to be believed (key rotation and acceptance).

``person_keys.vouched`` is JSON, or NULL for a person's first key (made here by ``people
add``, or brought by their card with ``people import-card``). A later key says why it
replaced the one before:

- ``{"how": "rotation", "rotations": [{"statement", "signature"}, ...]}``: the person's
  previous key signed a statement naming this one (``people new-key --old-passphrase-file``
  on the laptop; at the body, the chain of such statements on the card that brought it);
- ``{"how": "admin", ...}``: an admin at the body accepted it (``people update-card
  --accept-new-key``) with no statement by the key it replaced;

plus, at the body, who accepted it and the card's date. Key rows are never deleted, so
what an old key signed still verifies.
"""

V13_KEY_ROTATION = """
ALTER TABLE person_keys ADD COLUMN vouched TEXT CHECK (vouched IS NULL OR json_valid(vouched));
"""
