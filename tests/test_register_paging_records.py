"""Keyset paging of the assessments and certificates registers (issue 13 §2): walking page after
page from either end, each page started from the previous page's edge key, gives every row once,
in exactly the order of one full query, for every order the window offers, with ties (the
same assessor, date, holder, scheme) and NULLs (no product, no decision, no open visit); the
next page's query is an index walk from the key for the orders that have an index; the CLI's
``--after`` pages the same way."""

from __future__ import annotations

import json

import pytest

from brandmark.cli import main
from brandmark.cli.certificates import CERTIFICATE_ORDERS
from brandmark.store import Store
from brandmark.store.assessments import Assessments
from brandmark.store.certificates import Certificates
from brandmark.uscc import make_uscc
from test_certificates_support import BODY_PASSPHRASE, decided_assessment, issued

ASSESSMENT_ORDERS = list(Assessments._REGISTER_ORDER)
ROWS = 23


def _insert_copy(conn, table: str, source: dict, **changes) -> int:
    row = {**source, **changes}
    names = ", ".join(row)
    marks = ", ".join("?" * len(row))
    return conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(row.values())).lastrowid


def _row(conn, table: str, key: str, value) -> dict:
    names = [c[1] for c in conn.execute(f"PRAGMA table_info({table})")]
    return dict(zip(names, conn.execute(f"SELECT * FROM {table} WHERE {key} = ?", [value]).fetchone()))


def fill_assessments(store) -> None:
    """``ROWS`` assessments beside a real decided one, copied from it with the ordered columns
    varied in few values (ties) and some left NULL (no product, not decided)."""
    base_id = decided_assessment(store)
    conn = store.conn
    base = _row(conn, "assessments", "id", base_id)
    decision = _row(conn, "decisions", "assessment_id", base_id)
    other = store.applicants.add(name="宁波另一家电器有限公司", uscc=make_uscc("91", "330201", "P0000001"), actor="tester")
    base.pop("id")
    decision.pop("id")
    with store.atomic():
        for i in range(ROWS):
            new_id = _insert_copy(conn, "assessments", base, applicant_id=[base["applicant_id"], other][i % 2],
                                  product_id=None if i % 4 == 0 else base["product_id"],
                                  mode=["certification", "self"][i % 3 == 0], assessor=["张三", "王五", "赵六"][i % 3],
                                  status="decided" if i % 5 < 2 else "open",
                                  created_at=f"2026-0{1 + i % 3}-01T08:00:00+00:00",
                                  updated_at=f"2026-0{1 + i % 4}-02T08:00:00+00:00")
            if i % 5 < 2:
                _insert_copy(conn, "decisions", decision, assessment_id=new_id,
                             decision=["grant", "refuse"][i % 2], decided_at=f"2026-05-0{1 + i % 2}")


def fill_certificates(store) -> None:
    """``ROWS`` certificates beside a real one, copied from it: holders, products and dates in few
    values (ties), some expired, suspended or cancelled (the effective status), some with an open visit."""
    first = issued(store)
    conn = store.conn
    base = _row(conn, "certificates", "number", first["number"])
    with store.atomic():
        for i in range(ROWS):
            number = f"BM-T-2026-{i:05d}"
            _insert_copy(conn, "certificates", base, number=number, holder_name=["甲公司", "乙公司", "丙公司"][i % 3],
                         product=["电水壶", "茶叶"][i % 2], issued_on=f"2026-0{1 + i % 3}-10",
                         expires_on=["2020-01-01", "2029-01-01", "2029-06-01"][i % 3],
                         status=["valid", "suspended", "withdrawn", "valid"][i % 4],
                         created_at=f"2026-0{1 + i % 2}-10T08:00:00+00:00")
            if i % 3 == 1:
                conn.execute("INSERT INTO surveillance (number, due_on) VALUES (?, ?)",
                             [number, f"2027-0{1 + i % 2}-01"])
        # Cancelled both ways: stored, and past its last day with a recertification replacing it.
        conn.execute("UPDATE certificates SET status = 'cancelled' WHERE number = 'BM-T-2026-00007'")
        conn.execute("UPDATE certificates SET replaces = 'BM-T-2026-00000' WHERE number = 'BM-T-2026-00005'")


def walk(fetch, size: int, *, backward: bool, **asked) -> list:
    seen: list = []
    page = fetch(limit=size, from_end=backward, **asked)
    while page:
        seen = list(page) + seen if backward else seen + list(page)
        page = fetch(limit=size, **({"before": page.first} if backward else {"after": page.last}), **asked)
    return seen


@pytest.fixture
def assessments_store(mini_store):
    fill_assessments(mini_store)
    return mini_store


@pytest.fixture
def certificates_store(mini_store):
    fill_certificates(mini_store)
    return mini_store


# Each order as the value it sorts by, read from where it comes from (the joined tables, the
# effective status computed): the register's own columns and walks must give this order.
_ASSESSMENT_VALUES = {"id": "a.id", "applicant": "ap.name_sort", "scheme": "s.title", "product": "p.name",
                      "mode": "a.mode", "assessor": "a.assessor", "status": "a.status", "decision": "d.decision",
                      "decided_at": "d.decided_at", "updated_at": "a.updated_at", "created_at": "a.created_at"}


def _assessments_in_order(store, order_by: str, descending: bool) -> list[int]:
    direction = "DESC" if descending else "ASC"
    return [r[0] for r in store.conn.execute(
        f"SELECT a.id{Assessments._REGISTER_FROM} "
        f"ORDER BY {_ASSESSMENT_VALUES[order_by]} {direction}, a.id {direction}")]


def _certificates_in_order(store, order_by: str, descending: bool, status: str | None) -> list[str]:
    from brandmark.store.certificates import _EFFECTIVE, _NEXT_SURVEILLANCE

    value = {"status": _EFFECTIVE, "next_surveillance": _NEXT_SURVEILLANCE}.get(order_by, f"c.{order_by}")
    direction = "DESC" if descending else "ASC"
    where = f" WHERE {_EFFECTIVE} = :status" if status else ""
    return [r[0] for r in store.conn.execute(
        f"SELECT c.number FROM certificates c{where} ORDER BY {value} {direction}, c.rowid {direction}",
        {"today": store.today().isoformat(), "status": status})]


def test_the_orders_tested_are_the_registers():
    assert set(_ASSESSMENT_VALUES) == set(ASSESSMENT_ORDERS)


@pytest.mark.parametrize("order_by", ASSESSMENT_ORDERS)
def test_walking_the_assessments_every_way_gives_the_full_query(assessments_store, order_by):
    register = assessments_store.assessments.register
    for search in (None, "电器"):
        for descending in (True, False):
            full = [r["id"] for r in register(search, limit=1000, order_by=order_by, descending=descending)]
            assert len(full) == ROWS + 1             # every one is of an applicant named …电器…
            assert full == _assessments_in_order(assessments_store, order_by, descending)
            for size in (1, 4, 7):
                for backward in (False, True):
                    walked = walk(register, size, backward=backward, search=search, order_by=order_by,
                                  descending=descending)
                    assert [r["id"] for r in walked] == full, (search, descending, size, backward)
    # A page read from a key carries the same worked-out columns as one read by offset.
    keyed = register(limit=3, order_by=order_by, after=register(limit=2, order_by=order_by).last)
    by_offset = register(limit=3, offset=2, order_by=order_by)
    assert list(keyed) == list(by_offset)


@pytest.mark.parametrize("order_by, status_sort_up_to",
                         [(order, 2000) for order in CERTIFICATE_ORDERS] + [("status", 0), ("status", 3)])
def test_walking_the_certificates_every_way_gives_the_full_query(certificates_store, order_by, status_sort_up_to,
                                                                 monkeypatch):
    # The status order sorts a stored status's few rows, or walks it in rowid order: both ways.
    monkeypatch.setattr(Certificates, "_STATUS_SORT_UP_TO", status_sort_up_to)
    certificates = certificates_store.certificates
    for status in (None, "valid"):
        for descending in (True, False):
            full = [r["number"] for r in certificates.list(status, None, limit=1000, order_by=order_by,
                                                           descending=descending)]
            assert full and (status or len(full) == ROWS + 1)
            assert full == _certificates_in_order(certificates_store, order_by, descending, status)
            for size in (1, 4, 7):
                for backward in (False, True):
                    walked = walk(lambda **asked: certificates.list(status, None, **asked), size, backward=backward,
                                  order_by=order_by, descending=descending)
                    assert [r["number"] for r in walked] == full, (status, descending, size, backward)
    keyed = certificates.list(limit=3, order_by=order_by, after=certificates.list(limit=2, order_by=order_by).last)
    assert list(keyed) == list(certificates.list(limit=3, offset=2, order_by=order_by))
    assert "sort_key" not in keyed[0] and "sort_rowid" not in keyed[0]


def test_the_cli_orders_are_the_stores():
    assert set(CERTIFICATE_ORDERS) == set(Certificates._ORDER)


def _plan(store, sql_part: str, call) -> str:
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        call()
    finally:
        store.conn.set_trace_callback(None)
    # A nullable order's page may read in two parts (``paging.after_parts``): each is an index walk.
    queries = [s for s in statements if sql_part in s]
    assert 1 <= len(queries) <= 2, queries
    plans = []
    for sql in queries:
        assert "OFFSET 0" in sql or "OFFSET" not in sql
        plans.append(" ".join(str(row[3]) for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql)))
    return " | ".join(plans)


@pytest.mark.parametrize("order_by, index", [("id", "INTEGER PRIMARY KEY (rowid<?)"),
                                             ("created_at", "assessments_created_at (created_at<?)"),
                                             ("updated_at", "assessments_updated_at (updated_at<?)"),
                                             ("assessor", "assessments_assessor (assessor<?)"),
                                             ("applicant", "assessments_sort_applicant (sort_applicant<?)"),
                                             ("scheme", "assessments_sort_scheme (sort_scheme<?)"),
                                             ("product", "assessments_sort_product"),
                                             ("decision", "assessments_sort_decision"),
                                             ("decided_at", "assessments_sort_decided_at"),
                                             ("mode", "assessments_mode (mode<?)"),
                                             ("status", "assessments_status (status<?)")])
def test_the_next_assessments_page_is_an_index_walk_from_the_key(assessments_store, order_by, index):
    register = assessments_store.assessments.register
    first = register(limit=5, order_by=order_by)
    plan = _plan(assessments_store, "FROM assessments a", lambda: register(limit=5, order_by=order_by,
                                                                           after=first.last))
    assert index in plan and "TEMP B-TREE" not in plan, plan


@pytest.mark.parametrize("order_by, index", [("created_at", "certificates_created_at (created_at<?)"),
                                             ("number", "sqlite_autoindex_certificates_1 (number<?)"),
                                             ("expires_on", "certificates_expires_on (expires_on<?)"),
                                             ("holder_name", "certificates_holder_name (holder_name<?)"),
                                             ("next_surveillance", "certificates_sort_next_surveillance")])
def test_the_next_certificates_page_is_an_index_walk_from_the_key(certificates_store, order_by, index):
    certificates = certificates_store.certificates
    first = certificates.list(limit=5, order_by=order_by)
    plan = _plan(certificates_store, "FROM certificates c", lambda: certificates.list(limit=5, order_by=order_by,
                                                                                       after=first.last))
    assert index in plan and "TEMP B-TREE" not in plan, plan


def _cli(capsys, path, *args):
    code = main(["--db", str(path), *args, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def test_the_cli_lists_page_on_with_after(tmp_path, clock, capsys, monkeypatch, passphrase):
    monkeypatch.setenv("BRANDMARK_BODY_PASSPHRASE", BODY_PASSPHRASE)
    path = tmp_path / "cli.db"
    with Store(path, clock=clock, load_bundled_packs=False) as store:
        from test_certificates_support import ensure_mini

        ensure_mini(store)
        fill_certificates(store)
        fill_assessments(store)
    everything = [r["number"] for r in _cli(capsys, path, "certificates", "list", "--sort", "holder_name")]
    pages, after = [], None
    while True:
        page = _cli(capsys, path, "certificates", "list", "--sort", "holder_name", "--limit", "5",
                    *(["--after", after] if after else []))
        if not page:
            break
        pages += [r["number"] for r in page]
        after = page[-1]["number"]
    assert pages == everything and len(everything) > 5
    ids = [r["id"] for r in _cli(capsys, path, "assessments", "list")]
    walked, after = [], None
    while True:
        page = _cli(capsys, path, "assessments", "list", "--limit", "4", *(["--after", str(after)] if after else []))
        if not page:
            break
        walked += [r["id"] for r in page]
        after = page[-1]["id"]
    assert walked == ids and ids == sorted(ids, reverse=True) and len(ids) > 4
    code = main(["--db", str(path), "certificates", "list", "--limit", "5"])
    assert code == 0 and "next page: --after BM-" in capsys.readouterr().out
