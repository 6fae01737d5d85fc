"""The public certificate directory's database: the register's public part, as its own file.

The directory is a separate SQLite file that a public web server (Datasette) can serve as it
is. It holds one row per certificate with only what a certificate states publicly (ISO/IEC
17065 7.8, 4.6): number, holder, credit code, product, models, standard, scheme, issue and
expiry dates, the status in force on the day of the export and the date it took effect, and
the issuing body. Nothing about people (authoriser, assessor, contacts), addresses, findings
or assessments is read, so nothing of it can leak: the SELECT below names every column.

Demo certificates (signed with the register's demo key) are left out, as they are from the
signed status list.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from brandmark.regions import REGIONS
from brandmark.certificates.statuses import STATUS_NAMES
from brandmark.store.certificates import _EFFECTIVE

if TYPE_CHECKING:
    from brandmark.store import Store

# The public table: column → (Chinese label, English label, what it holds in English).
PUBLIC_COLUMNS = {
    "number": ("证书编号", "Certificate number", "The certificate's number as printed on it."),
    "holder": ("持证人", "Certificate holder", "The enterprise the certificate is issued to."),
    "credit_code": ("统一社会信用代码", "Unified social credit code",
                    "The holder's 18-character unified social credit code (GB 32100)."),
    "region": ("地区", "Region", "The holder's prefecture-level city in Zhejiang, or 浙江省外 (outside Zhejiang)."),
    "region_en": ("地区（英文）", "Region (English)", "The region's English name."),
    "product": ("产品", "Product", "The certified product or service."),
    "models": ("型号规格", "Models", "The certified models or specifications."),
    "standard": ("标准", "Standard", "The 浙江制造 (Zhejiang Made) group standard the product conforms to."),
    "scheme": ("认证方案", "Scheme", "The certification scheme's identifier."),
    "scheme_title": ("认证方案名称", "Scheme title", "The scheme's title in Chinese."),
    "scheme_title_en": ("认证方案名称（英文）", "Scheme title (English)", "The scheme's title in English."),
    "issued_on": ("发证日期", "Issued on", "The date the certificate was issued (YYYY-MM-DD)."),
    "expires_on": ("有效期至", "Valid until", "The last day the certificate is valid (YYYY-MM-DD)."),
    "status": ("状态", "Status", "The status on the directory's date: valid, suspended, withdrawn, "
                                 "cancelled or expired."),
    "status_zh": ("状态（中文）", "Status (Chinese)", "The status in Chinese: 有效, 暂停, 撤销, 注销 or 过期."),
    "status_since": ("状态日期", "Status since", "The date the status took effect (for expired: the day after "
                                                 "the last valid day)."),
    "issuing_body": ("发证机构", "Issuing body", "The certification body that issued the certificate."),
    "issuing_body_en": ("发证机构（英文）", "Issuing body (English)", "The issuing body's English name."),
}

# The facts of one export, one row each: key → (Chinese label, English label).
INFO_KEYS = {
    "as_of": ("名录日期", "Directory date (statuses as of)"),
    "generated_at": ("生成时间", "Generated at"),
    "body_code": ("机构代码", "Body code"),
    "body_name": ("机构名称", "Body name"),
    "body_name_en": ("机构名称（英文）", "Body name (English)"),
    "certificates": ("证书数", "Certificates"),
    "status_list_sequence": ("状态列表序号", "Status list sequence"),
    "status_list_key_id": ("状态列表签名密钥", "Status list signing key"),
    "brandmark_version": ("brandmark 版本", "brandmark version"),
}

TABLE = "certificates"
INFO_TABLE = "directory_info"
# Written into the file so a reader (and the next export) can tell it is a directory.
APPLICATION_ID = 0x424D4449          # "BMDI"
FORMAT_VERSION = 1

# The canned query the directory offers: one certificate by its number, typed loosely
# (spaces around it, lower case) as people do when they copy it from a paper.
VERIFY_QUERY = (
    f"SELECT number, holder, credit_code, product, models, standard, scheme_title, scheme_title_en, "
    f"issued_on, expires_on, status, status_zh, status_since, issuing_body, issuing_body_en, "
    f"(SELECT value FROM {INFO_TABLE} WHERE key = 'as_of') AS as_of "
    f"FROM {TABLE} WHERE number = upper(trim(:number))"
)


def _local_date(moment: str, zone: ZoneInfo) -> str:
    return dt.datetime.fromisoformat(moment).astimezone(zone).date().isoformat()


def public_certificates(store: Store) -> list[dict[str, Any]]:
    """Every real certificate's public fields, its status as of the body's today, ordered by number."""
    today = store.today()
    zone = store.time_zone()
    titles = {(row["id"], row["version"]): (row["title"], row.get("title_en") or "")
              for row in store.schemes.list()}
    latest_titles = {row["id"]: (row["title"], row.get("title_en") or "") for row in store.schemes.list()}
    rows = store.db.query(
        "SELECT c.number, c.holder_name, c.holder_uscc, a.region, c.product, c.models, c.standard, "
        "c.scheme_id, c.scheme_version, c.issued_on, c.expires_on, c.issuing_body, c.issuing_body_en, "
        f"{_EFFECTIVE} AS status, "
        "(SELECT max(h.changed_at) FROM certificate_status_changes h WHERE h.number = c.number) AS changed_at "
        "FROM certificates c JOIN applicants a ON a.id = c.applicant_id "
        "WHERE c.key_id NOT IN (SELECT key_id FROM body_keys WHERE purpose = 'demo') ORDER BY c.number",
        {"today": today.isoformat()})
    out = []
    for row in rows:
        region_zh, region_en, _ = REGIONS.get(row["region"] or "", ("", "", ""))
        title, title_en = titles.get((row["scheme_id"], row["scheme_version"]),
                                     latest_titles.get(row["scheme_id"], ("", "")))
        if row["status"] == "expired":
            since = (dt.date.fromisoformat(row["expires_on"]) + dt.timedelta(days=1)).isoformat()
        elif row["changed_at"]:
            since = _local_date(row["changed_at"], zone)
        else:
            since = row["issued_on"]
        out.append({
            "number": row["number"], "holder": row["holder_name"], "credit_code": row["holder_uscc"],
            "region": region_zh, "region_en": region_en, "product": row["product"], "models": row["models"],
            "standard": row["standard"], "scheme": row["scheme_id"], "scheme_title": title,
            "scheme_title_en": title_en, "issued_on": row["issued_on"], "expires_on": row["expires_on"],
            "status": row["status"], "status_zh": STATUS_NAMES.get(row["status"], row["status"]),
            "status_since": since, "issuing_body": row["issuing_body"], "issuing_body_en": row["issuing_body_en"],
        })
    return out


def write_public_database(path: str | Path, rows: list[dict[str, Any]], info: dict[str, object]) -> None:
    """Write the directory database to ``path`` (a new file: the caller's temporary one).

    One file, no WAL (Datasette serves it immutable, and ``datasette publish`` copies one file).
    """
    for row in rows:
        if set(row) != set(PUBLIC_COLUMNS):
            raise ValueError(f"a directory row holds exactly the public columns, not {sorted(row)}")
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
        with conn:
            columns = ",\n    ".join(
                f"{name} TEXT NOT NULL" + (" PRIMARY KEY" if name == "number" else "") for name in PUBLIC_COLUMNS)
            conn.execute(f"CREATE TABLE {TABLE} (\n    {columns}\n)")
            for column in ("holder", "credit_code", "scheme", "region", "status"):
                conn.execute(f"CREATE INDEX {TABLE}_{column} ON {TABLE}({column})")
            names = ", ".join(PUBLIC_COLUMNS)
            marks = ", ".join(f":{name}" for name in PUBLIC_COLUMNS)
            conn.executemany(f"INSERT INTO {TABLE} ({names}) VALUES ({marks})",
                             [{name: (row[name] or "") for name in PUBLIC_COLUMNS} for row in rows])
            conn.execute(f"CREATE TABLE {INFO_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            conn.executemany(f"INSERT INTO {INFO_TABLE} (key, value) VALUES (?, ?)",
                             [(key, str(value)) for key, value in info.items()])
        conn.execute("VACUUM")
    finally:
        conn.close()


def is_directory_database(path: str | Path) -> bool:
    """Whether ``path`` is a directory database this module wrote (its application id)."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError:
        return False
    return (len(header) == 100 and header.startswith(b"SQLite format 3\x00")
            and int.from_bytes(header[68:72], "big") == APPLICATION_ID)
