"""The compact signed payload printed as the certificate's QR code (format in docs/certificate-payload.md).

Byte layout (version 1), signed with Ed25519, sent as ``"BM1:" + base45(bytes)`` so a QR
code can use its compact alphanumeric mode::

    0xC1 | key id (8) | issued (2) | expires (2) | USCC (18) | number | holder | product | standard | signature (64)

>>> from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
>>> key = Ed25519PrivateKey.generate()
>>> content = PayloadContent(number="BM-ZJM-2026-00001", uscc="91330101DM00000131",
...     holder="杭州西溪电器有限公司", product="电水壶", standard="T/ZZB 0001—2026",
...     issued_on=dt.date(2026, 5, 1), expires_on=dt.date(2029, 4, 30))
>>> text = sign_payload(content, key)
>>> text.startswith("BM1:")
True
>>> decoded = decode_payload(text)
>>> decoded.content == content and decoded.verify(key.public_key())
True
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from brandmark.certificates.keys import KEY_ID_BYTES, key_id_bytes
from brandmark.errors import Problem

PREFIX = "BM1:"
TYPE_CERTIFICATE_V1 = 0xC1     # never a valid UTF-8 lead byte, so no text can be mistaken for it
EPOCH = dt.date(2000, 1, 1)
SIGNATURE_BYTES = 64
USCC_BYTES = 18
MAX_NUMBER = 40
# Text fields are cut to these many characters (the last one "…") to keep the QR small;
# the register and the printed certificate keep the full text.
MAX_HOLDER = 40
MAX_PRODUCT = 24
MAX_STANDARD = 20
ELLIPSIS = "…"

BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_BASE45_INDEX = {ch: i for i, ch in enumerate(BASE45)}
_NUMBER_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class PayloadError(ValueError):
    """The text is not a well-formed brandmark payload; ``problem`` says which part is wrong
    (a code of the catalogue's ``[payload]`` table). ``str()`` is the English text."""

    def __init__(self, problem: Problem):
        self.problem = problem
        self.problems = [problem]
        super().__init__(problem.message("en"))

    @classmethod
    def of(cls, code: str, /, **params: object) -> PayloadError:
        return cls(Problem(code, (), params))


# The payload's text fields, as a message parameter in each language.
_FIELD_NAMES = {"number": {"zh_CN": "证书编号", "en": "number"}, "holder": {"zh_CN": "持证人", "en": "holder"},
                "product": {"zh_CN": "产品", "en": "product"}, "standard": {"zh_CN": "标准", "en": "standard"}}


# -- base45 (RFC 9285) --------------------------------------------------------
def base45_encode(data: bytes) -> str:
    out = []
    for i in range(0, len(data) - 1, 2):
        n = data[i] * 256 + data[i + 1]
        n, c = divmod(n, 45)
        e, d = divmod(n, 45)
        out += [BASE45[c], BASE45[d], BASE45[e]]
    if len(data) % 2:
        d, c = divmod(data[-1], 45)
        out += [BASE45[c], BASE45[d]]
    return "".join(out)


def base45_decode(text: str) -> bytes:
    try:
        values = [_BASE45_INDEX[ch] for ch in text]
    except KeyError as exc:
        raise PayloadError.of("payload.not_base45", character=repr(exc.args[0])) from None
    if len(values) % 3 == 1:
        raise PayloadError.of("payload.dangling")
    out = bytearray()
    for i in range(0, len(values), 3):
        chunk = values[i:i + 3]
        if len(chunk) == 3:
            n = chunk[0] + chunk[1] * 45 + chunk[2] * 2025
            if n > 0xFFFF:
                raise PayloadError.of("payload.triple_out_of_range")
            out += n.to_bytes(2, "big")
        else:
            n = chunk[0] + chunk[1] * 45
            if n > 0xFF:
                raise PayloadError.of("payload.pair_out_of_range")
            out.append(n)
    return bytes(out)


# -- content ------------------------------------------------------------------
def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, ending in "…" when it was cut."""
    return text if len(text) <= limit else text[:limit - 1] + ELLIPSIS


@dataclass(frozen=True)
class PayloadContent:
    number: str
    uscc: str
    holder: str
    product: str
    standard: str
    issued_on: dt.date
    expires_on: dt.date

    def fitted(self) -> PayloadContent:
        """The same content with text fields cut to the payload's limits."""
        return PayloadContent(self.number, self.uscc, shorten(self.holder, MAX_HOLDER),
                              shorten(self.product, MAX_PRODUCT), shorten(self.standard, MAX_STANDARD),
                              self.issued_on, self.expires_on)


@dataclass(frozen=True)
class DecodedPayload:
    content: PayloadContent
    key_id: str              # 16 hex digits
    signed_bytes: bytes      # everything before the signature
    signature: bytes

    def verify(self, public_key: Ed25519PublicKey) -> bool:
        """True when ``signature`` is ``public_key``'s Ed25519 signature over ``signed_bytes``."""
        try:
            public_key.verify(self.signature, self.signed_bytes)
        except InvalidSignature:
            return False
        return True


def _days(date: dt.date) -> bytes:
    days = (date - EPOCH).days
    if not 0 <= days <= 0xFFFF:
        raise PayloadError.of("payload.date_out_of_range", date=date.isoformat())
    return days.to_bytes(2, "big")


def _field(text: str, what: str) -> bytes:
    data = text.encode("utf-8")
    if len(data) > 255:
        raise PayloadError.of("payload.field_too_long", what=_FIELD_NAMES[what])
    return bytes([len(data)]) + data


def encode_unsigned(content: PayloadContent, kid: bytes) -> bytes:
    """The bytes that get signed (content already fitted)."""
    if not _NUMBER_RE.match(content.number) or len(content.number) > MAX_NUMBER:
        raise PayloadError.of("payload.bad_number", number=repr(content.number), maximum=MAX_NUMBER)
    uscc = content.uscc.encode("utf-8")
    if len(uscc) != USCC_BYTES or not content.uscc.isascii():
        raise PayloadError.of("payload.bad_uscc", uscc=repr(content.uscc), length=USCC_BYTES)
    if len(kid) != KEY_ID_BYTES:
        raise PayloadError.of("payload.bad_key_id", length=KEY_ID_BYTES)
    return (bytes([TYPE_CERTIFICATE_V1]) + kid + _days(content.issued_on) + _days(content.expires_on) + uscc
            + _field(content.number, "number") + _field(content.holder, "holder")
            + _field(content.product, "product") + _field(content.standard, "standard"))


def sign_payload(content: PayloadContent, private_key: Ed25519PrivateKey) -> str:
    """The QR text for ``content`` signed by ``private_key`` (text fields fitted first)."""
    unsigned = encode_unsigned(content.fitted(), key_id_bytes(private_key.public_key()))
    return PREFIX + base45_encode(unsigned + private_key.sign(unsigned))


def clean_payload_text(text: str) -> str:
    """Drop line breaks, tabs and leading spaces a paste may add (base45 itself uses spaces)."""
    return re.sub(r"[\r\n\t]", "", text).lstrip(" ")


def decode_payload(text: str) -> DecodedPayload:
    """Parse a payload text; raises ``PayloadError`` naming what is malformed. Does not verify."""
    text = clean_payload_text(text)
    if not text.startswith(PREFIX):
        raise PayloadError.of("payload.prefix", prefix=repr(PREFIX))
    data = base45_decode(text[len(PREFIX):])
    if len(data) < 1 + KEY_ID_BYTES + 4 + USCC_BYTES + 4 + SIGNATURE_BYTES:
        raise PayloadError.of("payload.too_short")
    if data[0] != TYPE_CERTIFICATE_V1:
        raise PayloadError.of("payload.unknown_type", type=f"0x{data[0]:02X}")
    signed, signature = data[:-SIGNATURE_BYTES], data[-SIGNATURE_BYTES:]
    pos = 1
    kid = signed[pos:pos + KEY_ID_BYTES]
    pos += KEY_ID_BYTES
    issued = EPOCH + dt.timedelta(days=int.from_bytes(signed[pos:pos + 2], "big"))
    expires = EPOCH + dt.timedelta(days=int.from_bytes(signed[pos + 2:pos + 4], "big"))
    pos += 4
    try:
        uscc = signed[pos:pos + USCC_BYTES].decode("ascii")
    except UnicodeDecodeError:
        raise PayloadError.of("payload.uscc_not_ascii") from None
    pos += USCC_BYTES
    fields = []
    for what in ("number", "holder", "product", "standard"):
        if pos >= len(signed):
            raise PayloadError.of("payload.ends_before", what=_FIELD_NAMES[what])
        length = signed[pos]
        chunk = signed[pos + 1:pos + 1 + length]
        if len(chunk) != length:
            raise PayloadError.of("payload.ends_inside", what=_FIELD_NAMES[what])
        try:
            fields.append(chunk.decode("utf-8"))
        except UnicodeDecodeError:
            raise PayloadError.of("payload.not_utf8", what=_FIELD_NAMES[what]) from None
        pos += 1 + length
    if pos != len(signed):
        raise PayloadError.of("payload.trailing_bytes", count=len(signed) - pos)
    number, holder, product, standard = fields
    if not _NUMBER_RE.match(number):
        raise PayloadError.of("payload.strange_number", number=repr(number))
    if expires < issued:
        raise PayloadError.of("payload.expiry_before_issue")
    content = PayloadContent(number, uscc, holder, product, standard, issued, expires)
    return DecodedPayload(content, kid.hex(), signed, signature)
