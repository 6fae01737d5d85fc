"""Keyset paging of the applicant register (issue 13 §2-3): walking page after page, forward
or backward, in every order the window offers, with or without a search, gives every row
exactly once in the order ``ORDER BY key, id`` gives; rows added or removed between pages
neither repeat nor hide the others; the window's model jumps and scrolls through keys."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from test_register_search import insert_rows, like_reference

ORDERS = ["id", "name", "uscc", "region", "industry", "created_at"]


def walk(applicants, search, order_by, descending, size, *, backward=False) -> list[int]:
    """Every page from one end to the other, each started from the previous page's edge key."""
    seen: list[int] = []
    page = applicants.list(search, limit=size, order_by=order_by, descending=descending, from_end=backward)
    while page:
        seen = [r["id"] for r in page] + seen if backward else seen + [r["id"] for r in page]
        edge = {"before": page.first} if backward else {"after": page.last}
        page = applicants.list(search, limit=size, order_by=order_by, descending=descending, **edge)
    return seen


registers = st.lists(
    st.tuples(st.text("杭州恒丰电器aAbB%_ ", min_size=1, max_size=6), st.text("0123ABC", min_size=2, max_size=6),
              st.sampled_from([None, "hangzhou", "ningbo", ""]), st.sampled_from(["", "电器", "茶"])),
    min_size=0, max_size=40, unique_by=lambda row: row[1])


@settings(max_examples=80)
@given(rows=registers, order_by=st.sampled_from(ORDERS), descending=st.booleans(), size=st.integers(1, 7),
       search=st.sampled_from([None, "杭州", "恒", "a", "0A", "AB1", "%"]), backward=st.booleans())
def test_walking_every_page_gives_every_row_once_in_order(bare_store, rows, order_by, descending, size, search,
                                                          backward):
    bare_store.conn.execute("DELETE FROM applicants")
    insert_rows(bare_store, rows)
    expected = like_reference(bare_store.conn, search, order_by, descending)
    assert walk(bare_store.applicants, search, order_by, descending, size, backward=backward) == expected


@pytest.mark.parametrize("order_by", ORDERS)
def test_rows_added_and_removed_between_pages(bare_store, order_by):
    """A row removed after its page was read, or before the next page, and a row added
    anywhere: the walk goes on from the last row it showed; no row it has not shown yet and
    that is still there is skipped, none is shown twice."""
    insert_rows(bare_store, [(f"恒丰{i:02d}", f"C{i:03d}", [None, "ningbo"][i % 2], ["", "茶"][i % 3 == 0])
                             for i in range(30)])
    shown: list[int] = []
    page = bare_store.applicants.list(limit=8, order_by=order_by)
    shown += [r["id"] for r in page]
    # The page's own last row goes, and one row not yet shown; a new row comes.
    not_yet = like_reference(bare_store.conn, None, order_by, False)[12]
    bare_store.conn.execute("DELETE FROM applicants WHERE id IN (?, ?)", [page[-1]["id"], not_yet])
    insert_rows(bare_store, [("恒丰新", "C999", "hangzhou", "电器")])
    while page:
        page = bare_store.applicants.list(limit=8, order_by=order_by, after=page.last)
        shown += [r["id"] for r in page]
    assert len(shown) == len(set(shown))
    still_there = like_reference(bare_store.conn, None, order_by, False)
    after_first_page = still_there[still_there.index(shown[8]):] if len(shown) > 8 else []
    assert shown[8:] == after_first_page                   # the rest, in order, the new row in its place
    assert not_yet not in shown


def test_offset_alone_still_pages_from_the_start(bare_store):
    """Exports and ``applicants list --offset`` ask without a key."""
    insert_rows(bare_store, [(f"名{i}", f"K{i}", None, "") for i in range(10)])
    assert [r["id"] for r in bare_store.applicants.list(limit=3, offset=4)] == [5, 6, 7]
    assert [r["id"] for r in bare_store.applicants.list(limit=3, offset=2, from_end=True)] == [6, 7, 8]


def test_a_page_is_found_through_the_order_index_not_by_counting_rows(bare_store):
    """The next page's query asks for the rows after a key with LIMIT alone (no OFFSET
    to step over), on the order's (key, id) index."""
    insert_rows(bare_store, [(f"名{i}", f"K{i:03d}", None, "") for i in range(50)])
    first = bare_store.applicants.list(limit=10, order_by="name")
    statements: list[str] = []
    bare_store.conn.set_trace_callback(statements.append)
    try:
        bare_store.applicants.list(limit=10, order_by="name", after=first.last)
    finally:
        bare_store.conn.set_trace_callback(None)
    (sql,) = [s for s in statements if "FROM applicants" in s]
    assert "(name_sort, id) > (" in sql and "OFFSET" not in sql
    plan = " ".join(str(row[3]) for row in bare_store.conn.execute("EXPLAIN QUERY PLAN " + sql))
    assert "applicants_name_sort (name_sort>?)" in plan and "TEMP B-TREE" not in plan, plan
