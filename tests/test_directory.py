"""The public certificate directory (issue 10 §6): ``directory export`` and ``directory serve``.

The last test starts the real Datasette on a loopback port, as a subprocess of the real
``brandmark-cli``, and reads a certificate through its JSON API and the canned query.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sqlite3
import stat
import subprocess
import sys
import time
import types
import urllib.error
import urllib.request

import pytest

from brandmark.certificates.status_list import verify_status_list
from brandmark.certificates.trust_list import verify_trust_list
from brandmark.cli import main
from brandmark.errors import RefusedInput
from brandmark.store import Store
from brandmark.store.directory import PUBLIC_COLUMNS
from support import FIXED_NOW, REPO, STAFF
from test_certificates_support import BODY_PASSPHRASE, issued

HOLDER_ADDRESS = "杭州市西湖区文三路 1 号"
FACTORY_ADDRESS = "杭州市余杭区 工厂路 2 号"
PUBLIC_TABLE_COLUMNS = set(PUBLIC_COLUMNS)
# Column names that would mean personal data or the assessment itself had leaked.
PRIVATE_WORDS = ("authoris", "assessor", "decider", "person", "contact", "address", "finding", "answer",
                 "payload", "key_id", "passphrase", "evidence", "note")


@pytest.fixture
def register(tmp_path, clock, monkeypatch, passphrase):
    """A register with three real certificates, one of them suspended."""
    monkeypatch.setenv("BRANDMARK_BODY_PASSPHRASE", BODY_PASSPHRASE)
    path = tmp_path / "register.db"
    with Store(path, clock=clock) as store:
        first = issued(store, name="杭州名录电器有限公司", address=HOLDER_ADDRESS)
        second = issued(store, name="宁波名录厨具有限公司", address=HOLDER_ADDRESS)
        third = issued(store, name="温州名录五金有限公司", address=HOLDER_ADDRESS)
        store.certificates.suspend(second["number"], reason="监督抽样不合格 private reason", by="李四")
    return path, [first["number"], second["number"], third["number"]]


def run(capsys, db, *args):
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def export(capsys, db, folder, *extra):
    code, out, err = run(capsys, db, "directory", "export", "-o", str(folder), "--json", *extra)
    assert code == 0, err
    return json.loads(out)


def all_text(database) -> str:
    """Every table's every cell of ``database``, as one text."""
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return "\n".join(str(value) for table in tables for row in conn.execute(f"SELECT * FROM {table}")
                         for value in row)
    finally:
        conn.close()


def test_export_writes_only_the_public_fields(capsys, register, tmp_path):
    db, (first, suspended, third) = register
    folder = tmp_path / "public"
    data = export(capsys, db, folder)
    assert data["certificates"] == 3 and data["by_status"] == {"valid": 2, "suspended": 1}
    assert sorted(p.name for p in folder.iterdir()) == ["certificates.db", "metadata.json", "status-list.json",
                                                        "trust-list.json"]
    database = folder / "certificates.db"
    assert not os.stat(database).st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)

    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert tables == {"certificates", "directory_info"}
        columns = {r[1] for r in conn.execute("PRAGMA table_info(certificates)")}
        assert columns == PUBLIC_TABLE_COLUMNS
        rows = {r["number"]: dict(r) for r in conn.execute("SELECT * FROM certificates")}
        info = dict(conn.execute("SELECT key, value FROM directory_info").fetchall())
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()
    assert set(rows) == {first, suspended, third}
    row = rows[suspended]
    assert (row["holder"], row["status"], row["status_zh"], row["region"], row["region_en"]) == (
        "宁波名录厨具有限公司", "suspended", "暂停", "杭州市", "Hangzhou")
    # (the register's clock is the fixture's; the export ran on today's)
    assert row["status_since"] == FIXED_NOW.date().isoformat() and row["credit_code"].startswith("91330100")
    assert (row["product"], row["models"], row["standard"], row["scheme"]) == ("电水壶", "K-1, K-2", "T/ZZB 0001—2026",
                                                                              "mini")
    assert row["issuing_body"] and row["scheme_title"] and row["issued_on"] < row["expires_on"]
    assert info["as_of"] == data["as_of"] and info["certificates"] == "3"

    # No person, address, reason or finding anywhere in the file, in any table.
    text = all_text(database)
    for name, _ in STAFF:
        assert name not in text
    for secret in (HOLDER_ADDRESS, FACTORY_ADDRESS, "private reason", "监督抽样"):
        assert secret not in text

    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    table = metadata["databases"]["certificates"]["tables"]["certificates"]
    assert table["facets"] == ["scheme_title", "region", "status"]
    assert set(table["columns"]) == PUBLIC_TABLE_COLUMNS
    assert table["columns"]["number"].startswith("证书编号 / Certificate number")
    assert metadata["license"] and metadata["license_url"].startswith("https://")
    assert "证书名录" in metadata["title"] and "certificate directory" in metadata["title"]
    verify = metadata["databases"]["certificates"]["queries"]["verify"]
    assert "Verify by certificate number" in verify["title"] and ":number" in verify["sql"]

    # The lists beside it verify: the trust list by itself, the status list by the trust list's keys.
    trust = verify_trust_list((folder / "trust-list.json").read_text(encoding="utf-8"))
    keys = {k["key_id"]: trust.public_key(k["key_id"]) for k in trust.keys}
    listing = verify_status_list((folder / "status-list.json").read_text(encoding="utf-8"), keys)
    assert listing.sequence == data["status_list_sequence"]
    assert listing.entries[suspended][0] == "suspended" and listing.entries[first][0] == "valid"

    with Store(db) as store:
        events = [e for e in store.events.list(entity="directory") if e["action"] == "directory.export"]
    assert len(events) == 1 and events[0]["details"]["certificates"] == 3


def test_a_second_export_replaces_the_first_with_todays_statuses(capsys, register, tmp_path):
    db, (first, _, _) = register
    folder = tmp_path / "public"
    before = export(capsys, db, folder)
    code, _, err = run(capsys, db, "certificates", "withdraw", first, "--reason", "r", "--by", "李四")
    assert code == 0, err
    after = export(capsys, db, folder, "--licence", "ODC-By-1.0", "--licence-url", "https://opendatacommons.org/")
    assert after["status_list_sequence"] == before["status_list_sequence"] + 1
    conn = sqlite3.connect(f"file:{folder / 'certificates.db'}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT status FROM certificates WHERE number = ?", [first]).fetchone()[0] == "withdrawn"
    finally:
        conn.close()
    assert json.loads((folder / "metadata.json").read_text(encoding="utf-8"))["license"] == "ODC-By-1.0"
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]     # no temporary file left


def test_a_folder_holding_other_files_is_refused_untouched(capsys, register, tmp_path):
    db, _ = register
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    (folder / "metadata.json").write_text("{}", encoding="utf-8")
    with Store(db) as store, pytest.raises(RefusedInput) as refused:
        from brandmark.exports.directory import export_directory
        export_directory(store, folder, body_passphrase=BODY_PASSPHRASE)
    assert refused.value.problems[0].code == "directory.folder_not_empty"
    code, _, err = run(capsys, db, "directory", "export", "-o", str(folder))
    assert code == 2 and "notes.txt" in err
    assert sorted(p.name for p in folder.iterdir()) == ["metadata.json", "notes.txt"]
    assert (folder / "metadata.json").read_text(encoding="utf-8") == "{}"

    # A certificates.db that is not a directory (a register, say) is not replaced either.
    other = tmp_path / "other"
    other.mkdir()
    sqlite3.connect(other / "certificates.db").execute("CREATE TABLE t (x)").connection.close()
    code, _, err = run(capsys, db, "directory", "export", "-o", str(other))
    assert code == 2 and "certificates.db" in err


def test_a_wrong_body_passphrase_writes_nothing(capsys, register, tmp_path, monkeypatch):
    db, _ = register
    monkeypatch.setenv("BRANDMARK_BODY_PASSPHRASE", "not the body's passphrase")
    folder = tmp_path / "public"
    code, _, err = run(capsys, db, "directory", "export", "-o", str(folder))
    assert code == 2 and err
    assert not folder.exists() or not list(folder.iterdir())
    with Store(db) as store:
        assert not [e for e in store.events.list(entity="directory") if e["action"] == "directory.export"]


def serve_context(folder, port=8001):
    return types.SimpleNamespace(args=argparse.Namespace(folder=str(folder), port=port))


def test_serve_refuses_without_datasette_and_for_a_folder_that_is_not_a_directory(capsys, register, tmp_path,
                                                                                   monkeypatch):
    from brandmark.cli import directory as directory_cli

    db, _ = register
    folder = tmp_path / "public"
    export(capsys, db, folder)
    with pytest.raises(RefusedInput) as refused:
        directory_cli.serve(serve_context(tmp_path))
    assert refused.value.problems[0].code == "directory.not_a_directory"
    with pytest.raises(RefusedInput) as refused:
        directory_cli.serve(serve_context(folder, port=70000))
    assert refused.value.problems[0].code == "directory.bad_port"

    # As if Datasette were not installed: importing it fails.
    monkeypatch.setitem(sys.modules, "datasette", None)
    monkeypatch.setitem(sys.modules, "datasette.cli", None)
    with pytest.raises(RefusedInput) as refused:
        directory_cli.serve(serve_context(folder))
    assert refused.value.problems[0].code == "directory.no_datasette"
    code, _, err = run(capsys, db, "directory", "serve", str(folder))
    assert code == 2 and "pip install 'brandmark[directory]'" in err


def free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read().decode("utf-8"))


def wait_until_ready(process, base: str, seconds: float = 120.0) -> None:
    """Poll Datasette until it answers; bounded, and failing at once if the server died."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server exited with {process.returncode}: {process.stdout.read()}")
        try:
            get_json(base + "/-/versions.json")
            return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.2)
    raise AssertionError(f"Datasette did not answer on {base} within {seconds} s")


def test_the_real_datasette_serves_a_certificate_by_number(capsys, register, tmp_path):
    pytest.importorskip("datasette")
    db, (first, suspended, _) = register
    folder = tmp_path / "public"
    export(capsys, db, folder)
    port = free_loopback_port()
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [sys.executable, "-c", "import sys; from brandmark.cli import main; sys.exit(main())",
         "directory", "serve", str(folder), "--port", str(port)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, stdin=subprocess.DEVNULL)
    try:
        wait_until_ready(process, base)

        # The row by its primary key, through Datasette's JSON API.
        rows = get_json(f"{base}/certificates/certificates/{first}.json?_shape=array")
        assert [r["number"] for r in rows] == [first] and rows[0]["status"] == "valid"
        assert rows[0]["holder"] == "杭州名录电器有限公司"

        # The canned query, typed as people type a number (lower case, spaces).
        found = get_json(f"{base}/certificates/verify.json?_shape=array&number="
                         + urllib.request.quote(f"  {suspended.lower()} "))
        assert [(r["number"], r["status"], r["status_zh"]) for r in found] == [(suspended, "suspended", "暂停")]
        assert get_json(f"{base}/certificates/verify.json?_shape=array&number=BM-NOPE-1") == []

        # The table's columns are the public ones and no more; the facets are there.
        table = get_json(f"{base}/certificates/certificates.json?_size=1")
        assert set(table["columns"]) == PUBLIC_TABLE_COLUMNS
        assert not [c for c in table["columns"] if any(word in c for word in PRIVATE_WORDS)]
        assert {"scheme_title", "region", "status"} <= set(table["facet_results"])
        tables = {t["name"] for t in get_json(f"{base}/certificates.json")["tables"]}
        assert tables == {"certificates", "directory_info"}

        # The signed lists are served beside it; arbitrary SQL is not.
        listing = get_json(f"{base}/lists/status-list.json")
        assert listing["format"] == "brandmark-status-list"
        with pytest.raises(urllib.error.HTTPError) as refused:
            get_json(f"{base}/certificates.json?sql=select+1")
        assert refused.value.code == 403
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)
        process.stdout.close()
    # The server wrote nothing into the directory.
    assert sorted(p.name for p in folder.iterdir()) == ["certificates.db", "metadata.json", "status-list.json",
                                                        "trust-list.json"]
