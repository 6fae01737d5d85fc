"""The bundle reader against hostile files: each refused with its code, nothing written
anywhere, memory bounded (entries are never inflated past their declared size)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from brandmark.errors import RefusedInput
from brandmark.exchange import bundle as bmx

KEY = Ed25519PrivateKey.generate()


def good_bundle(evidence: bytes = b"evidence bytes") -> bytes:
    digest = hashlib.sha256(evidence).hexdigest()
    return bmx.bundle_bytes(kind="work", content={"answers": {}}, signer=bmx.Signer("person", "k1", KEY.sign),
                            created_at="2026-03-01T09:30:00+00:00",
                            evidence=[bmx.EvidenceSource(digest, len(evidence), lambda: [evidence])])


def zip_of(entries, compression=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in entries:
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=compression)
    return out.getvalue()


def code_of(data: bytes, **kwargs) -> str:
    with pytest.raises(RefusedInput) as caught:
        bundle = bmx.read_bundle(io.BytesIO(data), **kwargs)
        for sha in bundle.evidence:
            b"".join(bundle.iter_evidence(sha))
    return caught.value.problems[0].code


def test_a_good_bundle_reads_back_and_verifies():
    bundle = bmx.read_bundle(io.BytesIO(good_bundle()), key_for=lambda key_id: KEY.public_key())
    assert bundle.kind == "work" and bundle.signer["key_id"] == "k1"
    [sha] = bundle.evidence
    assert b"".join(bundle.iter_evidence(sha)) == b"evidence bytes"


def test_the_same_content_gives_the_same_bytes():
    assert good_bundle() == good_bundle()


def test_another_key_is_a_bad_signature():
    other = Ed25519PrivateKey.generate()
    assert code_of(good_bundle(), key_for=lambda key_id: other.public_key()) == "exchange.bad_signature"


@pytest.mark.parametrize("name", ["../escape.txt", "/etc/passwd", "evidence/../../x", "C:/windows/x", "a\\b",
                                  "evidence//x", "./manifest.json"])
def test_unsafe_names_are_refused(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = zip_of([("manifest.json", b"{}"), (name, b"owned")])
    assert code_of(data) == "exchange.unsafe_name"
    assert sorted(os.listdir(tmp_path)) == []


def test_an_unknown_entry_is_refused():
    assert code_of(zip_of([("manifest.json", b"{}"), ("run.sh", b"rm -rf /")])) == "exchange.unexpected_entry"


def test_duplicate_entries_are_refused():
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")             # zipfile warns about the duplicate name
        data = zip_of([("manifest.json", b"{}"), ("manifest.json", b"{}")])
    assert code_of(data) == "exchange.duplicate_entry"


def test_a_zip_bomb_is_refused_before_it_is_inflated():
    bomb = zip_of([("manifest.json", b"{}"), ("content.json", b"\0" * (10 * 1024 * 1024))])
    assert len(bomb) < 100_000
    assert code_of(bomb) == "exchange.compression_ratio"


def test_an_entry_over_its_limit_is_refused_by_its_declared_size(monkeypatch):
    monkeypatch.setattr(bmx, "MAX_JSON_BYTES", 1000)
    assert code_of(zip_of([("manifest.json", os.urandom(2000))], zipfile.ZIP_STORED)) == "exchange.entry_too_large"


def test_an_entry_that_lies_about_its_size_is_not_read_past_it():
    data = bytearray(good_bundle(b"A" * 5000))
    # Lower the evidence entry's declared size in the central directory and the local header.
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = next(i for i in archive.infolist() if i.filename.startswith("evidence/"))
    size = (5000).to_bytes(4, "little")
    smaller = (100).to_bytes(4, "little")
    patched = bytes(data).replace(size + size, smaller + smaller)
    assert patched != bytes(data)
    assert code_of(patched) in ("exchange.size_mismatch", "exchange.malformed", "exchange.not_a_bundle")
    assert info.file_size == 5000


def test_too_many_entries_are_refused(monkeypatch):
    monkeypatch.setattr(bmx, "MAX_ENTRIES", 3)
    entries = [("manifest.json", b"{}")] + [(f"evidence/{i:064x}", b"x") for i in range(4)]
    assert code_of(zip_of(entries)) == "exchange.too_many_entries"


def test_deeply_nested_json_is_refused_before_parsing():
    deep = b"[" * 100_000 + b"]" * 100_000
    assert code_of(zip_of([("manifest.json", deep), ("content.json", b"{}")])) == "exchange.json_too_deep"


def test_huge_json_is_refused(monkeypatch):
    monkeypatch.setattr(bmx, "MAX_JSON_BYTES", 10_000)
    big = b'{"a": "' + b"x" * 20_000 + b'"}'
    assert code_of(zip_of([("manifest.json", big), ("content.json", b"{}")], zipfile.ZIP_STORED)) == \
        "exchange.entry_too_large"


def test_an_unknown_version_and_format_are_refused():
    def manifest(**change):
        base = {"format": bmx.FORMAT, "version": bmx.VERSION, "kind": "work", "signer": {"kind": "person",
                "key_id": "k"}, "entries": []}
        return bmx.canonical_bytes({**base, **change})
    assert code_of(zip_of([("manifest.json", manifest(version=2)), ("content.json", b"{}")])) == \
        "exchange.unknown_version"
    assert code_of(zip_of([("manifest.json", manifest(format="zip")), ("content.json", b"{}")])) == \
        "exchange.unknown_format"


def test_not_a_zip_and_an_unlisted_entry_are_refused():
    assert code_of(b"PK\x03\x04 this is not a zip") == "exchange.not_a_bundle"
    data = good_bundle()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = [(i.filename, archive.read(i)) for i in archive.infolist()]
    entries.append(("evidence/" + "0" * 64, b"extra"))
    assert code_of(zip_of(entries)) == "exchange.unlisted_entry"


def test_json_depth_counts_only_structure():
    assert bmx.json_depth(b'{"a": "[[[[[[", "b": [[1]]}') == 3
    assert bmx.json_depth(b'"\\"[[["') == 0


def _nesting(value) -> int:
    if isinstance(value, dict):
        return 1 + max((_nesting(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_nesting(v) for v in value), default=0)
    return 0


_json_values = st.recursive(
    st.none() | st.integers() | st.text(alphabet='[]{}"\\ab:,'),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(alphabet='[]{}"\\k'), children,
                                                                      max_size=3),
    max_leaves=20)


@given(_json_values, st.sampled_from([1, 2, 3, 5, 1 << 20]))
def test_json_depth_agrees_with_the_parsed_nesting(value, chunk_size):
    data = json.dumps(value).encode("utf-8")
    assert bmx.json_depth(data, chunk_size) == _nesting(value)
