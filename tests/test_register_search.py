"""The applicant register's search through the pair index (schema step 14) answers exactly what
the ``LIKE`` scan it replaced answered: same rows, same order, same count (issue 13 §3)."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brandmark.store.search_index import match_expression
from brandmark.uscc import normalise_uscc

# Characters that make fragments hit and miss: a few Chinese ones (so pairs repeat), ASCII in
# both cases, full-width forms (folded for codes, not for names), letters whose case only
# Unicode folds (LIKE does not), LIKE's own metacharacters, separators and spaces.
NAME_CHARS = "杭州恒丰电器有限公司浙江宁波aAbBzZ09ＡａＢ１ÄäßΣσ%_\\-& \u3000·"
CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXYabxy-Ａ１"
ORDERS = ["id", "name", "uscc", "region", "industry", "created_at"]


def like_reference(conn: sqlite3.Connection, search: str | None, order_by: str, descending: bool) -> list[int]:
    """The register's search before the index, written out: ``name LIKE`` or ``uscc LIKE``."""
    column = {"name": "name_sort"}.get(order_by, order_by)
    direction = "DESC" if descending else "ASC"
    where, params = "", []
    if search and search.strip():
        fragment = search.strip()
        escaped = "%" + fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        code = normalise_uscc(fragment)
        where, params = " WHERE name LIKE ? ESCAPE '\\'", [escaped]
        if code:
            code_pattern = "%" + code.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            where += " OR uscc LIKE ? ESCAPE '\\'"
            params.append(code_pattern)
    rows = conn.execute(f"SELECT id FROM applicants{where} ORDER BY {column} {direction}, id {direction}",
                        params).fetchall()
    return [r[0] for r in rows]


def insert_rows(store, rows: list[tuple[str, str, str | None, str]]) -> None:
    """Raw rows (name, code, region, industry) with one ``executemany``, as an import does;
    the triggers index them whoever writes."""
    with store.atomic():
        store.conn.executemany(
            "INSERT INTO applicants (name, name_sort, uscc, region, industry, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(name, name[::-1], code, region, industry, f"2026-01-{1 + i % 28:02d}", "x")
             for i, (name, code, region, industry) in enumerate(rows)])


registers = st.lists(
    st.tuples(st.text(NAME_CHARS, min_size=1, max_size=14), st.text(CODE_CHARS, min_size=1, max_size=18),
              st.sampled_from([None, "hangzhou", "ningbo", ""]), st.sampled_from(["", "电器", "茶"])),
    min_size=1, max_size=25, unique_by=lambda row: row[1])


@st.composite
def fragments(draw, rows):
    """Mostly a piece of a stored name or code (so it hits), changed in case or padded;
    sometimes free text; length 1 to 6."""
    kind = draw(st.sampled_from(["name", "code", "free"]))
    if kind == "free":
        text = draw(st.text(NAME_CHARS + CODE_CHARS, min_size=1, max_size=6))
    else:
        source = draw(st.sampled_from(rows))[0 if kind == "name" else 1]
        start = draw(st.integers(0, len(source) - 1))
        text = source[start:start + draw(st.integers(1, 6))]
        if draw(st.booleans()):
            text = text.swapcase()
    return draw(st.sampled_from(["", " ", "\u3000"])) + text + draw(st.sampled_from(["", " "]))


@settings(max_examples=120)
@given(data=st.data(), rows=registers)
def test_the_index_answers_what_like_answers(bare_store, data, rows):
    bare_store.conn.execute("DELETE FROM applicants")
    insert_rows(bare_store, rows)
    # Edits and deletions after indexing: the triggers keep the index in step. Fragments are
    # drawn from every text ever stored, so what was renamed or deleted is looked for too.
    stored = list(rows)
    for _ in range(data.draw(st.integers(0, 3))):
        ids = [r[0] for r in bare_store.conn.execute("SELECT id FROM applicants")]
        if not ids:
            break
        target = data.draw(st.sampled_from(ids))
        action = data.draw(st.sampled_from(["rename", "recode", "delete"]))
        if action == "rename":
            bare_store.conn.execute("UPDATE applicants SET name = ? WHERE id = ?",
                                    [data.draw(st.text(NAME_CHARS, min_size=1, max_size=14)), target])
        elif action == "recode":
            bare_store.conn.execute("UPDATE applicants SET uscc = ? || uscc WHERE id = ?",
                                    [data.draw(st.text(CODE_CHARS, min_size=1, max_size=3)), target])
        else:
            bare_store.conn.execute("DELETE FROM applicants WHERE id = ?", [target])
        stored += [(name, code, None, "") for name, code in bare_store.conn.execute("SELECT name, uscc FROM applicants")]
    for _ in range(5):
        fragment = data.draw(fragments(stored))
        order_by = data.draw(st.sampled_from(ORDERS))
        descending = data.draw(st.booleans())
        expected = like_reference(bare_store.conn, fragment, order_by, descending)
        found = bare_store.applicants.list(fragment, limit=1000, order_by=order_by, descending=descending)
        assert [r["id"] for r in found] == expected, (fragment, order_by, descending)
        assert bare_store.applicants.count(fragment) == len(expected), fragment


@pytest.mark.parametrize("order_by", ORDERS)
def test_a_sorted_search_with_many_matches_walks_the_order_and_agrees(bare_store, monkeypatch, order_by):
    """Past ``_SORT_MATCHES_UP_TO`` matches the page is found by walking the order's index;
    pages then still follow each other exactly."""
    monkeypatch.setattr(type(bare_store.applicants), "_SORT_MATCHES_UP_TO", 3)
    insert_rows(bare_store, [(f"杭州{i % 7}恒丰{'有限公司' if i % 3 else '厂'}", f"9133{i:06d}X", ["ningbo", None][i % 2],
                              ["电器", "", "茶"][i % 3]) for i in range(60)])
    for descending in (False, True):
        expected = like_reference(bare_store.conn, "恒丰有限", order_by, descending)
        assert len(expected) == 40
        pages = [bare_store.applicants.list("恒丰有限", limit=7, offset=start, order_by=order_by,
                                            descending=descending) for start in range(0, 42, 7)]
        assert [r["id"] for page in pages for r in page] == expected


def test_two_characters_are_answered_by_the_index_one_character_by_a_scan(bare_store):
    insert_rows(bare_store, [("杭州恒丰电器有限公司", "91330106MA2B3C4D5E", "hangzhou", ""),
                             ("宁波恒达茶业合作社", "91330201MA2B3C4D6F", "ningbo", "")])
    statements: list[str] = []
    bare_store.conn.set_trace_callback(statements.append)
    try:
        assert [r["name"] for r in bare_store.applicants.list("恒丰")] == ["杭州恒丰电器有限公司"]
        assert bare_store.applicants.count("恒丰") == 1
        assert [r["name"] for r in bare_store.applicants.list("b3c4d6")] == ["宁波恒达茶业合作社"]
        searched = [s for s in statements if "applicants" in s and not s.startswith("--")]   # not FTS5's own
        index = ("applicants_grams MATCH", "applicants_grams_terms")        # its rows, its term statistics
        assert searched and all(any(i in s for i in index) and "LIKE" not in s for s in searched), "\n".join(searched)
        statements.clear()
        assert bare_store.applicants.count("恒") == 2
        assert any("LIKE" in s for s in statements)
    finally:
        bare_store.conn.set_trace_callback(None)


def test_a_two_character_count_reads_the_term_statistics_unless_a_code_holds_the_pair(bare_store):
    """杭州 is counted from the index's per-term row counts, not by counting its matches; a
    pair that some code also holds (AB) is counted from the matches, name and code together."""
    insert_rows(bare_store, [("杭州恒丰电器有限公司", "91330106MA2B3C4D5E", None, ""),
                             ("杭州杭州茶业", "91330106MA2B3C4D6F", None, ""),
                             ("AB电器", "91330106MA2B3C4D7G", None, ""),
                             ("宁波电器", "ABC", None, "")])
    statements: list[str] = []
    bare_store.conn.set_trace_callback(statements.append)
    try:
        assert bare_store.applicants.count("杭州") == 2 and bare_store.applicants.count("电器") == 3
        assert any("applicants_grams_terms" in s for s in statements)
        assert not any("count(*)" in s for s in statements), statements
        statements.clear()
        assert bare_store.applicants.count("ab") == 2
        assert any("count(*)" in s and "applicants_grams MATCH" in s for s in statements)
    finally:
        bare_store.conn.set_trace_callback(None)


def test_the_match_text_of_a_fragment():
    assert match_expression("恒丰", "恒丰") == 'name_grams : "e68192e4b8b0" OR code_triples : "xe68192e4b8b0"*'
    assert match_expression("恒", "恒") is None
    assert match_expression("a\x00b", "A\x00B") is None        # SQLite's text functions stop at NUL
    assert match_expression("ab", "A") is None                 # the code side alone is one character
    assert match_expression("AB12", "AB12") == 'name_grams : "6162 6231 3132" OR code_triples : "x616231 x623132"'


def test_edits_deletes_and_the_api_keep_the_index_in_step(bare_store):
    first = bare_store.applicants.add(name="杭州恒丰电器有限公司", uscc="91330106MA2B3C4D11", actor="t")
    assert [r["id"] for r in bare_store.applicants.list("恒丰")] == [first]
    bare_store.applicants.update(first, name="杭州永安电器有限公司", actor="t")
    assert bare_store.applicants.count("恒丰") == 0 and bare_store.applicants.count("永安") == 1
    bare_store.conn.execute("DELETE FROM applicants WHERE id = ?", [first])
    assert bare_store.applicants.count("永安") == 0 and bare_store.applicants.count("3c4d") == 0


def test_a_name_longer_than_the_index_covers_is_refused_by_the_database(bare_store):
    from brandmark.store.schema_search import MAX_INDEXED_LENGTH

    with pytest.raises(sqlite3.IntegrityError, match="longer than the search index covers"):
        insert_rows(bare_store, [("长" * (MAX_INDEXED_LENGTH + 1), "X1", None, "")])
    assert bare_store.applicants.count() == 0


def _insert_trigger(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                       "AND name = 'applicants_grams_insert'").fetchone()
    return row[0] if row else None


@settings(max_examples=40, deadline=None)
@given(data=st.data(), before=registers, imported=registers)
def test_rows_imported_in_bulk_are_indexed_as_the_trigger_indexes_them(bare_store, data, before, imported):
    # An import indexes its rows in one statement at the end (indexed_at_the_end) instead of
    # through the insert trigger: the search must answer the same as LIKE afterwards, and
    # the trigger must be back, word for word, for the next single add.
    bare_store.conn.execute("DELETE FROM applicants")
    codes = {row[1] for row in before}
    imported = [row for row in imported if row[1] not in codes]
    insert_rows(bare_store, before)
    trigger = _insert_trigger(bare_store.conn)
    bare_store.applicants.add_many(
        [{"name": name, "uscc": code, "region": region, "industry": industry}
         for name, code, region, industry in imported], actor="t")
    assert _insert_trigger(bare_store.conn) == trigger
    for fragment in data.draw(st.lists(fragments(before + imported), min_size=1, max_size=4)):
        expected = like_reference(bare_store.conn, fragment, "id", False)
        assert [r["id"] for r in bare_store.applicants.list(fragment, order_by="id", limit=10_000)] == expected
        assert bare_store.applicants.count(fragment) == len(expected)


def test_a_refused_bulk_import_leaves_the_index_and_its_trigger_as_they_were(bare_store):
    from brandmark.errors import RefusedInput

    first = bare_store.applicants.add(name="杭州恒丰电器有限公司", uscc="91330106MA2B3C4D11", actor="t")
    trigger = _insert_trigger(bare_store.conn)
    rows = [{"name": "宁波恒丰机械有限公司", "uscc": "91330201MA2B3C4D22"},
            {"name": "重复的代码", "uscc": "91330106MA2B3C4D11"}]          # registered meanwhile
    with pytest.raises(RefusedInput):
        bare_store.applicants.add_many(rows, actor="t")
    assert _insert_trigger(bare_store.conn) == trigger
    assert [r["id"] for r in bare_store.applicants.list("恒丰")] == [first]
    from brandmark.uscc import check_character

    later = bare_store.applicants.add(name="温州恒丰阀门有限公司", uscc="91330301MA2B3C4D1" + check_character("91330301MA2B3C4D1"),
                                      actor="t")
    assert [r["id"] for r in bare_store.applicants.list("恒丰", order_by="id")] == [first, later]
