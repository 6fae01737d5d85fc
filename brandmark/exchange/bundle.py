"""The exchange bundle (``.bmx``): a zip file that travels by USB stick or e-mail.

Layout (docs/exchange.md states it for other tools)::

    manifest.json          what the bundle is, the SHA-256 and size of every other entry
    content.json           the content: canonical JSON (keys sorted, no spaces, UTF-8)
    evidence/<sha256>      evidence files, named by the lower-case hex SHA-256 of their bytes
    signature.json         {"key_id", "algorithm": "ed25519", "signature": base64url}
                           over b"BMX1\\n" + the manifest's exact bytes (absent when self-declared)

Because the manifest holds every other entry's hash, the one signature covers them all.

Reading assumes the file is hostile: only the four kinds of names above are accepted (so
``../x``, ``/etc/passwd``, ``C:\\x`` or a backslash never reach a file system: nothing in a
bundle is ever written to disk), a name may appear once, every entry's declared size, the
total and the compression ratio are bounded before a byte is inflated, the bytes actually
inflated are counted against the declared size, JSON is size- and depth-checked before it
is parsed, and evidence is read in chunks (``iter_evidence``), hashed on the way. Each
refusal is a code of the ``[exchange]`` table of the message catalogues.

>>> import io, hashlib
>>> from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
>>> key = Ed25519PrivateKey.generate()
>>> photo = b"not really a photo"
>>> digest = hashlib.sha256(photo).hexdigest()
>>> out = io.BytesIO()
>>> _ = write_bundle(out, kind="work", content={"answers": {"C1": "conform"}},
...                  evidence=[EvidenceSource(digest, len(photo), lambda: [photo])],
...                  signer=Signer("person", "k1", key.sign), created_at="2026-03-01T09:30:00+00:00")
>>> bundle = read_bundle(io.BytesIO(out.getvalue()))
>>> bundle.verify_signature(key.public_key())
>>> bundle.content, b"".join(bundle.iter_evidence(digest)) == photo
({'answers': {'C1': 'conform'}}, True)
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import struct
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, BinaryIO, NoReturn, cast

from brandmark.errors import Cancelled, RefusedInput

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

FORMAT = "brandmark-exchange"
VERSION = 1
DOMAIN = b"BMX1\n"
MANIFEST = "manifest.json"
CONTENT = "content.json"
SIGNATURE = "signature.json"
EVIDENCE_PREFIX = "evidence/"
KINDS = ("assignment", "work", "self-assessment")
SIGNER_KINDS = ("body", "person", "self-declared")

# Limits a reader holds before inflating anything (docs/exchange.md lists them).
MAX_ENTRIES = 2_000
MAX_JSON_BYTES = 16 * 1024 * 1024
MAX_JSON_DEPTH = 32
MAX_EVIDENCE_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024
MAX_RATIO = 200            # declared size / compressed size of one entry
CHUNK = 1024 * 1024

_EVIDENCE_NAME = re.compile(r"evidence/[0-9a-f]{64}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def canonical_bytes(value: object) -> bytes:
    """The canonical JSON of ``value``: keys sorted, no spaces, non-ASCII as itself, UTF-8."""
    return _CANONICAL.encode(value).encode("utf-8")


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64url(text: str) -> bytes:
    if not isinstance(text, str) or not re.fullmatch(r"[A-Za-z0-9_-]*", text):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class Signer:
    """Who signs a bundle: ``kind`` ("body" or "person"), the key id, and a function
    signing bytes with the private key (``Ed25519PrivateKey.sign``)."""

    kind: str
    key_id: str
    sign: Callable[[bytes], bytes] | None = None
    name: str = ""


@dataclass(frozen=True)
class EvidenceSource:
    """One evidence file to write: its SHA-256, size and a function giving its bytes in chunks."""

    sha256: str
    size: int
    chunks: Callable[[], Iterable[bytes]]


def write_bundle(out: BinaryIO, *, kind: str, content: dict[str, Any], evidence: Iterable[EvidenceSource] = (),
                 signer: Signer, created_at: str,
                 progress: Callable[[int, int], object] | None = None) -> dict[str, Any]:
    """Write a bundle to the binary file ``out``; returns the manifest (as a dict).

    JSON entries are deflated, evidence is stored (evidence is mostly already compressed:
    a PDF, a photo), so reading it back costs a copy and a hash, no inflating. Each
    evidence source's bytes are hashed as they are written and must match its SHA-256.
    ``progress(done_bytes, total_bytes)`` is called after each evidence chunk; returning
    False stops with ``Cancelled`` (the caller's atomic write then leaves no file).
    """
    if kind not in KINDS or signer.kind not in SIGNER_KINDS:
        raise ValueError(f"kind {kind!r} / signer {signer.kind!r}")
    content_bytes = canonical_bytes(content)
    entries = [{"name": CONTENT, "sha256": hashlib.sha256(content_bytes).hexdigest(), "size": len(content_bytes)}]
    sources: dict[str, EvidenceSource] = {}
    for source in evidence:
        if not _HEX64.fullmatch(source.sha256):
            raise ValueError(source.sha256)
        if source.sha256 not in sources:
            sources[source.sha256] = source
            entries.append({"name": EVIDENCE_PREFIX + source.sha256, "sha256": source.sha256, "size": source.size})
    manifest = {"format": FORMAT, "version": VERSION, "kind": kind, "created_at": created_at,
                "signer": {"kind": signer.kind, "key_id": signer.key_id, "name": signer.name},
                "entries": entries}
    manifest_bytes = canonical_bytes(manifest)
    total, done = sum(source.size for source in sources.values()), 0
    with zipfile.ZipFile(out, "w", allowZip64=True) as archive:
        archive.writestr(_info(MANIFEST, zipfile.ZIP_DEFLATED), manifest_bytes)
        archive.writestr(_info(CONTENT, zipfile.ZIP_DEFLATED), content_bytes)
        for source in sources.values():
            digest, written = hashlib.sha256(), 0
            with archive.open(_info(EVIDENCE_PREFIX + source.sha256, zipfile.ZIP_STORED), "w",
                              force_zip64=source.size > 2 ** 31) as entry:
                for chunk in source.chunks():
                    digest.update(chunk)
                    written += len(chunk)
                    entry.write(chunk)
                    done += len(chunk)
                    if progress is not None and progress(done, total) is False:
                        raise Cancelled(done, total)
            if digest.hexdigest() != source.sha256 or written != source.size:
                raise RefusedInput.of("exchange.evidence_changed", sha256=source.sha256)
        if signer.kind != "self-declared":
            if signer.sign is None:
                raise ValueError("a signed bundle needs a signing function")
            signature = {"algorithm": "ed25519", "key_id": signer.key_id,
                         "signature": b64url(signer.sign(DOMAIN + manifest_bytes))}
            archive.writestr(_info(SIGNATURE, zipfile.ZIP_DEFLATED), canonical_bytes(signature))
    return manifest


def _info(name: str, compression: int) -> zipfile.ZipInfo:
    # A fixed date: the same content gives the same bytes whatever the clock says.
    info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
    info.compress_type = compression
    info.external_attr = 0o644 << 16
    return info


# -- reading ---------------------------------------------------------------------------

@dataclass
class EvidenceEntry:
    sha256: str
    size: int


@dataclass
class Bundle:
    """A bundle whose structure, sizes, JSON and content hash were checked (not yet who
    signed it: ``verify_signature`` with the key the reader trusts)."""

    path: Any                 # a path, or a seekable binary file object
    manifest: dict[str, Any]
    manifest_bytes: bytes
    content: dict[str, Any]
    signature: dict[str, Any] | None
    evidence: dict[str, EvidenceEntry] = field(default_factory=dict)
    file_sha256: str = ""

    @property
    def kind(self) -> str:
        return cast(str, self.manifest["kind"])

    @property
    def signer(self) -> dict[str, Any]:
        return cast("dict[str, Any]", self.manifest["signer"])

    @property
    def evidence_bytes(self) -> int:
        return sum(e.size for e in self.evidence.values())

    def verify_signature(self, public_key: Ed25519PublicKey) -> None:
        """Refuse (``exchange.bad_signature``) unless ``public_key`` signed this manifest."""
        if self.signature is None:
            raise RefusedInput.of("exchange.unsigned")
        _verify(public_key, self.signature, self.manifest_bytes)

    def iter_evidence(self, sha256: str, chunk_size: int = CHUNK, *, verify: bool = True) -> Iterator[bytes]:
        """The evidence file's bytes in chunks, counted (never past the manifest's size) and,
        with ``verify``, hashed while read: a file whose bytes differ from its name's hash is
        refused (``exchange.evidence_hash``) after its last chunk, so a caller writing the
        chunks inside a transaction rolls them back. (``verify=False`` is for a caller that
        hashes what it writes itself, as ``store.exchange`` does.)"""
        entry = self.evidence[sha256]
        digest, read = hashlib.sha256(), 0
        with zipfile.ZipFile(self.path) as archive:
            info = archive.getinfo(EVIDENCE_PREFIX + sha256)
            with _evidence_reader(archive, info) as source:
                while True:
                    try:
                        chunk = source.read(min(chunk_size, entry.size + 1 - read))
                    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
                        raise RefusedInput.of("exchange.malformed",
                                              why=f"{EVIDENCE_PREFIX}{sha256[:12]}…: {exc}") from None
                    if not chunk:
                        break
                    read += len(chunk)
                    if read > entry.size:
                        raise RefusedInput.of("exchange.entry_too_large", name=EVIDENCE_PREFIX + sha256,
                                              size=f">{entry.size}", limit=entry.size)
                    if verify:
                        digest.update(chunk)
                    yield chunk
        if read != entry.size or (verify and digest.hexdigest() != sha256):
            raise RefusedInput.of("exchange.evidence_hash", sha256=sha256, found=digest.hexdigest())


class _StoredEntry:
    """A stored (uncompressed) zip entry's bytes read straight from the file, without the
    zip's CRC-32: the entry is named by its SHA-256, which its reader checks anyway, so the
    CRC pass over the bytes (an eighth of a 50 MB import) added nothing. At most the entry's
    compressed size is read; a local header that is not one is refused as malformed."""

    LOCAL_HEADER = struct.Struct("<4s22xHH")        # signature … file name length, extra length

    def __init__(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo):
        fp = archive.fp
        if fp is None:
            raise ValueError("the zip file is closed")
        self.file = fp
        self.file.seek(info.header_offset)
        raw = self.file.read(self.LOCAL_HEADER.size)
        if len(raw) != self.LOCAL_HEADER.size:
            raise zipfile.BadZipFile("truncated local header")
        signature, name_length, extra_length = self.LOCAL_HEADER.unpack(raw)
        if signature != b"PK\x03\x04":
            raise zipfile.BadZipFile("bad local header")
        self.file.seek(info.header_offset + self.LOCAL_HEADER.size + name_length + extra_length)
        self.left = info.compress_size

    def read(self, size: int) -> bytes:
        chunk = self.file.read(max(0, min(size, self.left)))
        self.left -= len(chunk)
        return chunk

    def __enter__(self) -> _StoredEntry:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _evidence_reader(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> _StoredEntry | IO[bytes]:
    """How an evidence entry is read: straight from the file when stored (as brandmark writes
    it), else through ``zipfile`` (a deflated one, which another writer may make)."""
    if info.compress_type == zipfile.ZIP_STORED and not info.flag_bits & 0x1:
        try:
            return _StoredEntry(archive, info)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise RefusedInput.of("exchange.malformed", why=f"{info.filename[:21]}…: {exc}") from None
    return archive.open(info)


def read_bundle(path: str | os.PathLike[str] | IO[bytes],
                key_for: Callable[[str], Ed25519PublicKey] | None = None) -> Bundle:
    """Open and check the bundle at ``path`` (a path or a binary file object).

    ``key_for(key_id)`` gives the public key the reader trusts for a signing key id (or
    refuses it); the signature is then checked over the manifest's raw bytes before they
    are parsed (``exchange.bad_signature``). Without it the signature is left to
    ``Bundle.verify_signature``.

    Checks, in order, each refused with its code: a zip at all (``exchange.not_a_bundle``),
    entry names (``exchange.unsafe_name``, ``exchange.unexpected_entry``,
    ``exchange.duplicate_entry``), counts and sizes (``exchange.too_many_entries``,
    ``exchange.entry_too_large``, ``exchange.too_large``, ``exchange.compression_ratio``),
    compression methods and encryption (``exchange.unsupported_entry``), the manifest's JSON
    (``exchange.json_too_deep``, ``exchange.malformed``), its format and version
    (``exchange.unknown_format``, ``exchange.unknown_version``), the entries it lists
    against those present (``exchange.missing_entry``, ``exchange.unlisted_entry``), and the
    content's hash (``exchange.content_hash``). Evidence hashes are checked while it is read.
    """
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise RefusedInput.of("exchange.not_a_bundle", why=str(exc)) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise RefusedInput.of("exchange.too_many_entries", count=len(infos), limit=MAX_ENTRIES)
        by_name: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            name = info.filename
            _check_name(name)
            if name in by_name:
                raise RefusedInput.of("exchange.duplicate_entry", name=name)
            by_name[name] = info
            if info.flag_bits & 0x1:
                raise RefusedInput.of("exchange.unsupported_entry", name=name, why="encrypted")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise RefusedInput.of("exchange.unsupported_entry", name=name,
                                      why=f"compression method {info.compress_type}")
            limit = MAX_EVIDENCE_BYTES if name.startswith(EVIDENCE_PREFIX) else MAX_JSON_BYTES
            if info.file_size > limit:
                raise RefusedInput.of("exchange.entry_too_large", name=name, size=info.file_size, limit=limit)
            if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise RefusedInput.of("exchange.compression_ratio", name=name,
                                      ratio=info.file_size // max(info.compress_size, 1), limit=MAX_RATIO)
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise RefusedInput.of("exchange.too_large", size=total, limit=MAX_TOTAL_BYTES)
        for required in (MANIFEST, CONTENT):
            if required not in by_name:
                raise RefusedInput.of("exchange.missing_entry", name=required)
        manifest_bytes = _read_small(archive, by_name[MANIFEST])
        signature = None
        if SIGNATURE in by_name:
            signature = _parse_json(_read_small(archive, by_name[SIGNATURE]), SIGNATURE)
            if (not isinstance(signature, dict) or signature.get("algorithm") != "ed25519"
                    or not isinstance(signature.get("signature"), str) or not isinstance(signature.get("key_id"), str)):
                raise RefusedInput.of("exchange.bad_signature", key_id=str(signature.get("key_id"))[:40]
                                      if isinstance(signature, dict) else "?")
            if key_for is not None:
                # Before the manifest is even parsed: a changed byte anywhere in it is a
                # signature that does not verify, whatever else it would break.
                _verify(key_for(signature["key_id"]), signature, manifest_bytes)
        manifest = _parse_json(manifest_bytes, MANIFEST)
        _check_manifest(manifest)
        listed = {entry["name"]: entry for entry in manifest["entries"]}
        present = set(by_name) - {MANIFEST, SIGNATURE}
        for name in sorted(set(listed) - present):
            raise RefusedInput.of("exchange.missing_entry", name=name)
        for name in sorted(present - set(listed)):
            raise RefusedInput.of("exchange.unlisted_entry", name=name)
        for name, entry in listed.items():
            if by_name[name].file_size != entry["size"]:
                raise RefusedInput.of("exchange.size_mismatch", name=name, size=by_name[name].file_size,
                                      listed=entry["size"])
        content_bytes = _read_small(archive, by_name[CONTENT])
        if hashlib.sha256(content_bytes).hexdigest() != listed[CONTENT]["sha256"]:
            raise RefusedInput.of("exchange.content_hash")
        content = _parse_json(content_bytes, CONTENT)
        if not isinstance(content, dict):
            raise RefusedInput.of("exchange.malformed", why="content.json is not an object")
        if manifest["signer"]["kind"] != "self-declared":
            if signature is None:
                raise RefusedInput.of("exchange.unsigned")
            if signature["key_id"] != manifest["signer"]["key_id"]:
                raise RefusedInput.of("exchange.bad_signature", key_id=signature["key_id"])
        elif SIGNATURE in by_name:
            raise RefusedInput.of("exchange.malformed", why="a self-declared bundle carries a signature")
        evidence = {entry["sha256"]: EvidenceEntry(entry["sha256"], entry["size"])
                    for name, entry in listed.items() if name.startswith(EVIDENCE_PREFIX)}
    return Bundle(path=path, manifest=manifest, manifest_bytes=manifest_bytes, content=content,
                  signature=signature, evidence=evidence)


def _verify(public_key: Ed25519PublicKey, signature: dict[str, Any], manifest_bytes: bytes) -> None:
    from cryptography.exceptions import InvalidSignature
    try:
        public_key.verify(unb64url(signature["signature"]), DOMAIN + manifest_bytes)
    except (InvalidSignature, ValueError):
        raise RefusedInput.of("exchange.bad_signature", key_id=signature["key_id"]) from None


def _check_name(name: str) -> None:
    if (not name or name.startswith(("/", "\\")) or "\\" in name or "\x00" in name or re.match(r"[A-Za-z]:", name)
            or any(part in ("..", ".", "") for part in name.split("/"))):
        raise RefusedInput.of("exchange.unsafe_name", name=name.encode("unicode_escape").decode("ascii")[:200])
    if name not in (MANIFEST, CONTENT, SIGNATURE) and not _EVIDENCE_NAME.fullmatch(name):
        raise RefusedInput.of("exchange.unexpected_entry", name=name[:200])


def _read_small(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """An entry's bytes, never more than its declared size (checked against the limit)."""
    try:
        with archive.open(info) as source:
            data = source.read(info.file_size + 1)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError) as exc:
        raise RefusedInput.of("exchange.malformed", why=f"{info.filename}: {exc}") from None
    if len(data) != info.file_size:
        raise RefusedInput.of("exchange.malformed", why=f"{info.filename}: not its declared size")
    return data


def json_depth(data: bytes, chunk_size: int = 1 << 20) -> int:
    """How deeply ``data``'s arrays and objects nest, counted without parsing it.

    Brackets inside strings do not count; a quote after an odd run of backslashes is
    escaped. Vectorised a megabyte at a time (numpy), carrying the state across chunks, so
    a 16 MiB entry costs well under a second and bounded memory.

    >>> json_depth(b'{"a": [1, {"b": "[[["}]}')
    3
    """
    import numpy as np

    depth = deepest = 0
    in_string = False
    backslashes = 0                     # the run of backslashes ending the previous chunk
    for start in range(0, len(data), chunk_size):
        chunk = data[start:start + chunk_size]
        if b'"' not in chunk and (in_string or not any(bracket in chunk for bracket in (b"[", b"]", b"{", b"}"))):
            # Nothing here changes the state but a trailing run of backslashes.
            kept = chunk.rstrip(b"\\")
            backslashes = len(chunk) - len(kept) + (backslashes if not kept else 0)
            continue
        codes = np.frombuffer(data, dtype=np.uint8, count=min(chunk_size, len(data) - start), offset=start)
        is_backslash = codes == 0x5C
        positions = np.arange(codes.size, dtype=np.int64)
        last_other = np.maximum.accumulate(np.where(is_backslash, -1, positions))
        run_before = np.empty(codes.size, dtype=np.int64)   # backslashes just before each byte
        run_before[0] = backslashes
        if codes.size > 1:
            run_here = positions[:-1] - last_other[:-1]
            run_before[1:] = np.where(last_other[:-1] < 0, run_here + backslashes, run_here)
        quotes = (codes == 0x22) & (run_before % 2 == 0)
        parity = (np.cumsum(quotes, dtype=np.int64) + int(in_string)) % 2
        outside = parity == 0
        steps = np.zeros(codes.size, dtype=np.int64)
        steps[((codes == 0x5B) | (codes == 0x7B)) & outside] = 1
        steps[((codes == 0x5D) | (codes == 0x7D)) & outside] = -1
        if steps.any():
            running = np.cumsum(steps) + depth
            deepest = max(deepest, int(running.max()))
            depth = int(running[-1])
        in_string = bool(parity[-1])
        backslashes = int(codes.size - 1 - last_other[-1]) + (backslashes if last_other[-1] < 0 else 0)
    return deepest


def _parse_json(data: bytes, name: str) -> Any:
    if len(data) > MAX_JSON_BYTES:
        raise RefusedInput.of("exchange.entry_too_large", name=name, size=len(data), limit=MAX_JSON_BYTES)
    depth = json_depth(data)
    if depth > MAX_JSON_DEPTH:
        raise RefusedInput.of("exchange.json_too_deep", name=name, depth=depth, limit=MAX_JSON_DEPTH)
    try:
        return json.loads(data.decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, json.JSONDecodeError, ValueError, RecursionError) as exc:
        raise RefusedInput.of("exchange.malformed", why=f"{name}: {type(exc).__name__}: {str(exc)[:200]}") from None


def _no_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not JSON")


def _check_manifest(manifest: object) -> None:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise RefusedInput.of("exchange.unknown_format")
    if manifest.get("version") != VERSION:
        raise RefusedInput.of("exchange.unknown_version", version=str(manifest.get("version"))[:40], known=VERSION)
    signer, entries = manifest.get("signer"), manifest.get("entries")
    if manifest.get("kind") not in KINDS or not isinstance(signer, dict) or signer.get("kind") not in SIGNER_KINDS \
            or not isinstance(signer.get("key_id"), str) or not isinstance(entries, list):
        raise RefusedInput.of("exchange.malformed", why="manifest: kind, signer or entries")
    seen: set[str] = set()
    for entry in entries:
        if (not isinstance(entry, dict) or not isinstance(entry.get("name"), str)
                or not isinstance(entry.get("sha256"), str) or not _HEX64.fullmatch(entry["sha256"])
                or not isinstance(entry.get("size"), int) or isinstance(entry.get("size"), bool)
                or entry["size"] < 0):
            raise RefusedInput.of("exchange.malformed", why="manifest: an entry")
        _check_name(entry["name"])
        if entry["name"] in seen or entry["name"] in (MANIFEST, SIGNATURE):
            raise RefusedInput.of("exchange.duplicate_entry", name=entry["name"])
        if entry["name"].startswith(EVIDENCE_PREFIX) and entry["name"] != EVIDENCE_PREFIX + entry["sha256"]:
            raise RefusedInput.of("exchange.malformed", why=f"manifest: {entry['name']} is not named by its hash")
        seen.add(entry["name"])


def bundle_bytes(**kwargs: Any) -> bytes:
    """``write_bundle`` into memory (tests, small bundles)."""
    out = io.BytesIO()
    write_bundle(out, **kwargs)
    return out.getvalue()
