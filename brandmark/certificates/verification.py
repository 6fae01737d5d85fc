"""Is a certificate payload genuine, and what is its status today?

The register (``store.certificates.verify``) gathers what this needs — the keys it
trusts, where the status comes from, today's date — and this module decides, so the
rules of checking live in one place, apart from the register's SQL:

* not a payload, an unknown key, a signature that does not match, or a key not to be
  believed on the signing date → not genuine, status ``unknown``;
* a signed status list of the same key decides the status, unless it is past its next
  update or older than one already seen;
* otherwise the register decides, for the body's own (and demo) keys; another body's
  certificate without its status list has status ``unknown``.

>>> from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
>>> from brandmark.certificates.keys import KnownKey, key_id
>>> from brandmark.certificates.payload import PayloadContent, sign_payload
>>> key = Ed25519PrivateKey.generate()
>>> text = sign_payload(PayloadContent("BM-1", "91330101DM00000131", "西溪电器", "电水壶",
...     "T/ZZB 0001—2026", dt.date(2026, 5, 1), dt.date(2029, 4, 30)), key)
>>> known = {key_id(key.public_key()): KnownKey(key_id(key.public_key()), key.public_key(), "body")}
>>> moment = dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)
>>> result = verify_payload(text, known_keys=known, register_status=lambda number, uscc: "valid",
...                         today=moment.date(), now=moment, time_zone=dt.timezone.utc)
>>> result["genuine"], result["status"], result["source"]
(True, 'valid', 'register')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from brandmark.certificates.keys import KnownKey
from brandmark.certificates.payload import PayloadError, decode_payload
from brandmark.certificates.status_list import StatusList
from brandmark.certificates.statuses import STATUS_NAMES
from brandmark.errors import Problem

# number, credit code → the register's effective status, or None when it holds no such certificate
RegisterStatus = Callable[[str, str], "str | None"]


def empty_result() -> dict[str, Any]:
    """A verification result that says nothing yet: not genuine, status unknown."""
    return {"genuine": False, "reason": "", "status": "unknown", "number": None, "holder": None,
            "uscc": None, "product": None, "standard": None, "issued_on": None, "valid_until": None,
            "key_id": None, "source": None}


def verify_payload(payload_text: str, *, known_keys: Mapping[str, KnownKey], register_status: RegisterStatus,
                   today: dt.date, now: dt.datetime, time_zone: dt.tzinfo, status_list: StatusList | None = None,
                   highest_seen: Callable[[str], int] = lambda kid: 0) -> dict[str, Any]:
    """Check ``payload_text``; returns ``{"genuine", "reason", "status", "number", "holder", "uscc",
    "product", "standard", "issued_on", "valid_until", "key_id", "source"}``.

    ``highest_seen(key_id)`` is the highest sequence of that key's status lists already read.
    """
    result = empty_result()
    try:
        decoded = decode_payload(payload_text or "")
    except PayloadError as exc:
        result["reason"] = Problem("payload.invalid", (), {"why": {
            "zh_CN": exc.problem.message("zh_CN"), "en": exc.problem.message("en")}}).message()
        return result
    content = decoded.content
    result.update(number=content.number, holder=content.holder, uscc=content.uscc, product=content.product,
                  standard=content.standard, issued_on=content.issued_on.isoformat(),
                  valid_until=content.expires_on.isoformat(), key_id=decoded.key_id)
    known = known_keys.get(decoded.key_id)
    if known is None:
        result["reason"] = (f"签名密钥 {decoded.key_id} 未被信任 / signed with unknown key {decoded.key_id} "
                            "(import the issuing body's public key to trust it)")
        return result
    if not decoded.verify(known.public_key):
        result["reason"] = "签名不符，内容被篡改或伪造 / the signature does not match: altered or forged"
        return result
    distrust = known.distrust(content.issued_on)
    if distrust is not None:
        result["reason"] = distrust.message("bilingual")
        return result
    result["genuine"] = True
    if status_list is not None and status_list.key_id == decoded.key_id:
        result["source"] = f"status list {status_list.sequence} of {status_list.as_of.isoformat()}"
        seen = highest_seen(status_list.key_id)
        if status_list.expired(now):
            # A list without a next update (only one not read from a file) is expired from the start.
            on = (status_list.next_update.astimezone(time_zone).strftime("%Y-%m-%d %H:%M %z")
                  if status_list.next_update is not None else "—")
            result["reason"] = Problem("status_list.expired", (), {"on": on}).message()
            return result
        if status_list.sequence < seen:
            result["reason"] = Problem("status_list.superseded", (), {
                "sequence": status_list.sequence, "seen": seen}).message()
            return result
        result["status"] = status_list.status_of(content.number, today)
        result["reason"] = (f"签名有效；状态取自 {status_list.as_of} 的状态清单 / genuine; status from the "
                            f"signed status list of {status_list.as_of}")
        return result
    if known.owner == "other":
        result["reason"] = ("签名有效（其他机构的密钥），本登记簿无其状态 / genuine (another body's key); its "
                            "status is not in this register (use that body's status list)")
        return result
    status = register_status(content.number, content.uscc)
    if status is None:
        result["reason"] = ("签名有效，但本登记簿中没有该证书 / genuine, but this certificate is not in this "
                            "register")
        return result
    result["status"] = status
    result["source"] = "register"
    # The Chinese half ends in Chinese (not "有效 valid"), so a reader can split the two halves.
    result["reason"] = (f"签名有效；登记状态：{STATUS_NAMES.get(status, status)} / genuine; "
                        f"register status: {status}")
    if known.owner == "demo":
        result["reason"] = (f"签名有效，但这是演示证书（演示数据，非真实证书）；登记状态："
                            f"{STATUS_NAMES.get(status, status)} / genuine, but a DEMO "
                            f"certificate (demo data set, not a real certificate); register status: "
                            f"{status}")
    return result


def verify_pdf(path: str | Path, verify: Callable[[str], dict[str, Any]]) -> dict[str, Any]:
    """``verify`` on the one payload a certificate PDF carries (no camera needed).

    A PDF with no payload, or with copies that disagree, is not genuine.
    """
    from brandmark.certificates.pdf import payloads_in_pdf
    found = payloads_in_pdf(Path(path))
    if len(found) == 1:
        return verify(found[0])
    result = verify("")
    result["reason"] = (f"文件中没有证书载荷 / {path} carries no brandmark certificate payload" if not found else
                        f"文件中的两份载荷不一致，已被改动 / {path} carries {len(found)} different payloads: "
                        "it was altered")
    return result
