"""The public certificate directory: a folder Datasette serves or publishes as it is.

``export_directory(store, folder, body_passphrase=...)`` writes into ``folder``:

* ``certificates.db``: the public fields of every real certificate, statuses as of the
  body's today (``brandmark.store.directory``); read-only (mode 0444, served immutable);
* ``metadata.json``: Datasette's metadata: titles and column descriptions in Chinese and
  English, the licence, facets by scheme, region and status, and the canned query
  ``verify`` (verify by certificate number);
* ``status-list.json``: the body's signed status list of the same day
  (``certificates status-list``), for offices that check offline;
* ``trust-list.json``: the body's signed trust list (``keys export-trust-list``), the
  public keys a verifier needs for both the status list and the certificates' QR codes.

Every file is written whole or not at all (``brandmark.atomic_files``). The folder must be
new, empty or an earlier directory: files of anything else in it are refused, so an export
never overwrites what it did not write and ``directory serve`` never publishes it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brandmark import __version__
from brandmark.atomic_files import atomic_path, write_text
from brandmark.errors import RefusedInput
from brandmark.store import directory as public

if TYPE_CHECKING:
    from brandmark.store import Store

DATABASE = "certificates.db"
METADATA = "metadata.json"
STATUS_LIST = "status-list.json"
TRUST_LIST = "trust-list.json"
FILES = (DATABASE, METADATA, STATUS_LIST, TRUST_LIST)
# Where ``directory serve`` mounts the folder's signed lists: /lists/status-list.json.
STATIC_MOUNT = "lists"
DEFAULT_LICENCE = "CC BY 4.0"
DEFAULT_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
VERIFY_QUERY_NAME = "verify"


def check_folder(folder: str | os.PathLike[str], *, for_export: bool) -> Path:
    """``folder`` as a Path when it can hold (export) or holds (serve) a directory."""
    from brandmark.store.guard import refuse_if_register_file

    path = Path(folder).expanduser()
    refuse_if_register_file(path, ("output",) if for_export else ())
    if path.exists() and not path.is_dir():
        raise RefusedInput.of("directory.not_a_folder", field=("output",) if for_export else (), path=str(path))
    if not for_export:
        if not (path / DATABASE).is_file() or not public.is_directory_database(path / DATABASE) \
                or not (path / METADATA).is_file():
            raise RefusedInput.of("directory.not_a_directory", path=str(path))
        return path
    if path.is_dir():
        foreign = sorted(entry.name for entry in path.iterdir()
                         if entry.name not in FILES and not entry.name.startswith("."))
        if foreign:
            raise RefusedInput.of("directory.folder_not_empty", field=("output",), path=str(path),
                                  files=", ".join(foreign[:5]) + (" …" if len(foreign) > 5 else ""))
        database = path / DATABASE
        if database.exists() and not public.is_directory_database(database):
            raise RefusedInput.of("directory.folder_not_empty", field=("output",), path=str(path), files=DATABASE)
    return path


def metadata(body: dict[str, Any], *, as_of: str, licence: str, licence_url: str) -> dict[str, Any]:
    """Datasette's metadata for the directory (Datasette shows one language: both are given)."""
    name, name_en = body.get("name") or "", body.get("name_en") or ""
    columns = {column: f"{zh} / {en}: {about}" for column, (zh, en, about) in public.PUBLIC_COLUMNS.items()}
    info_columns = {"key": "项目 / Item: " + "; ".join(f"{key} = {zh} / {en}"
                                                   for key, (zh, en) in public.INFO_KEYS.items()),
                    "value": "值 / Value"}
    return {
        "title": f"{name} 品字标认证证书名录 / {name_en or name} certificate directory".strip(),
        "description": (f"{name}颁发的品字标（浙江制造）认证证书的公开信息，状态截至 {as_of}。"
                        f"可按证书编号核验（“按证书编号核验”）；离线核验请用同目录下签名的状态列表和信任列表。 / "
                        f"Public facts of the 品字标 (Zhejiang Made) certificates issued by {name_en or name}, "
                        f"statuses as of {as_of}. Verify a certificate by its number (\"verify by certificate "
                        f"number\"); to check offline, use the signed status list and trust list beside it "
                        f"(/{STATIC_MOUNT}/{STATUS_LIST}, /{STATIC_MOUNT}/{TRUST_LIST})."),
        "license": licence,
        "license_url": licence_url,
        "source": f"{name} / {name_en or name}".strip(" /"),
        "databases": {
            Path(DATABASE).stem: {
                "title": "证书名录 / Certificate directory",
                "description": f"状态截至 {as_of} / statuses as of {as_of}",
                "tables": {
                    public.TABLE: {
                        "title": "证书 / Certificates",
                        "description": (f"每张证书一行，状态为 {as_of} 当日状态；不含任何个人信息或评审发现。 / One row "
                                        f"per certificate, its status on {as_of}; no personal data, no findings."),
                        "columns": columns,
                        "facets": ["scheme_title", "region", "status"],
                        "sort": "number",
                        "label_column": "holder",
                    },
                    public.INFO_TABLE: {
                        "title": "名录信息 / About this directory",
                        "description": "本名录的日期、机构与状态列表。 / The directory's date, body and status list.",
                        "columns": info_columns,
                    },
                },
                "queries": {
                    VERIFY_QUERY_NAME: {
                        "title": "按证书编号核验 / Verify by certificate number",
                        "description": ("输入证书上印的编号，查看其当前状态。查无结果表示本机构未颁发该编号的证书。 / "
                                        "Type the number printed on the certificate to see its status. No row means "
                                        "this body issued no certificate with that number."),
                        "sql": public.VERIFY_QUERY,
                        "hide_sql": True,
                    },
                },
            },
        },
    }


def export_directory(store: Store, folder: str | os.PathLike[str], *, body_passphrase: str, by: str = "",
                     licence: str = DEFAULT_LICENCE, licence_url: str = DEFAULT_LICENCE_URL) -> dict[str, Any]:
    """Write the directory into ``folder`` (created if missing); returns what was written.

    The status list and trust list are signed with the body's key (``body_passphrase``);
    a wrong passphrase is refused before any file is written.
    """
    path = check_folder(folder, for_export=True)
    if not path.exists():
        path.mkdir(parents=True)
    store.body_keys.unlock(body_passphrase)
    with store.atomic():       # a directory that could not be written uses up no list numbers
        rows = public.public_certificates(store)
        status_list_text = store.certificates.export_status_list()
        trust_list_text = store.body_keys.build_trust_list(body_passphrase)
        signed = json.loads(json.loads(status_list_text)["payload"])
        body = store.certificates.body()
        as_of = signed["as_of"]
        info = {"as_of": as_of, "generated_at": signed["generated_at"], "body_code": body["code"],
                "body_name": body["name"], "body_name_en": body["name_en"], "certificates": len(rows),
                "status_list_sequence": signed["sequence"], "status_list_key_id": signed["key_id"],
                "brandmark_version": __version__}
        database = path / DATABASE
        if database.exists():
            # An earlier export left it read-only; Windows refuses to replace a read-only file.
            database.chmod(0o644)
        with atomic_path(database) as temp:
            public.write_public_database(temp, rows, info)
            temp.chmod(0o444)
        write_text(path / STATUS_LIST, status_list_text)
        write_text(path / TRUST_LIST, trust_list_text)
        write_text(path / METADATA, json.dumps(metadata(body, as_of=as_of, licence=licence, licence_url=licence_url),
                                               ensure_ascii=False, indent=2) + "\n")
        store.events.record(by or "directory", "directory.export", "directory", str(path),
                            {"certificates": len(rows), "as_of": as_of, "status_list_sequence": signed["sequence"]})
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["status"]] = counts.get(row["status"], 0) + 1
    return {"folder": str(path), "files": list(FILES), "certificates": len(rows), "by_status": counts,
            "as_of": as_of, "status_list_sequence": signed["sequence"], "status_list_key_id": signed["key_id"]}


def serve_arguments(folder: str | os.PathLike[str], *, port: int, host: str = "127.0.0.1") -> list[str]:
    """Datasette's command-line arguments that serve the directory in ``folder`` read-only."""
    path = check_folder(folder, for_export=False)
    return ["serve", "-i", str(path / DATABASE), "--metadata", str(path / METADATA),
            "--static", f"{STATIC_MOUNT}:{path}", "--host", host, "--port", str(port),
            "--setting", "default_allow_sql", "off"]
