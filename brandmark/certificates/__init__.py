"""Certificates: numbers, the body's Ed25519 keys, the signed QR payload, the PDF, the status list.

The register itself (settings, numbering, issuing, status changes, surveillance) is
``brandmark.store.certificates.Certificates``, reached as ``store.certificates``; the
modules here are the parts that need no database, each doing one thing:

* ``numbering``   — certificate numbers from a pattern (``{body}-{scheme}-{year}-{seq:05d}``)
* ``keys``        — the signing key (created 0600 on first use) and trusted public keys
* ``payload``     — the compact signed payload (``BM1:`` + base45), see docs/certificate-payload.md
* ``qr``          — the QR code (segno) drawn as vector paths
* ``textlayout``  — line breaking for Chinese and Latin text without markup
* ``emblem``      — the neutral built-in emblem
* ``pdf``         — the A4 certificate PDF, and reading the payload back out of one
* ``printing``    — certificate PDFs as files (one, or a batch into a folder)
* ``statuses``    — the statuses and the changes between them
* ``verification`` — is a payload genuine, and where its status comes from
* ``status_list`` — the signed, dated status list for offline checks, and its files
* ``trust_list``  — the signed list of the keys a body trusts
"""
