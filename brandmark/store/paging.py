"""Keyset paging: the next page of a register starts after the last row of this one.

``LIMIT n OFFSET k`` makes SQLite step over the ``k`` rows before the page, so walking a
register page by page costs the square of its length (1,000,000 applicants: 110 s). A
page here starts from the previous page's last row instead: its sort value and id (the id
breaks ties, so every row has one place), found through the order's ``(key, id)`` index.
Walking every page is then linear, and each page costs the same wherever it is.

A key is ``(value, id)``. A page fetched *before* a key (scrolling up, or from the end) is
asked in the opposite order and turned round, so both directions are index walks.

NULL sorts first in SQLite's ascending order and last in descending order; the conditions
below follow that, so a nullable column pages exactly as its ``ORDER BY`` sorts.

>>> after_condition("name_sort", "id", ("li", 7), descending=False)
('(name_sort, id) > (?, ?)', ['li', 7])
>>> after_condition("region", "id", (None, 7), descending=False, nullable=True)
('((region IS NULL AND id > ?) OR region IS NOT NULL)', [7])
>>> after_condition("id", "id", (12, 12), descending=True)
('id < ?', [12])
>>> named(*after_condition("c.number", "c.rowid", ("BM-1", 3), descending=True))
('(c.number, c.rowid) < (:edge0, :edge1)', {'edge0': 'BM-1', 'edge1': 3})
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Key = tuple[Any, int]           # (the sort column's value, the row's id)


class Page(list[dict[str, Any]]):
    """A page of rows (dicts) in the order asked, with the keys of its first and last rows
    (None when the page is empty)."""

    def __init__(self, rows: list[dict[str, Any]], first: Key | None = None, last: Key | None = None):
        super().__init__(rows)
        self.first, self.last = first, last


def after_condition(key_sql: str, id_sql: str, after: Key, *, descending: bool,
                    nullable: bool = False) -> tuple[str, list[Any]]:
    """The SQL condition (and parameters) for the rows that come after ``after`` in the order
    ``ORDER BY key_sql, id_sql`` (both ascending, or both descending)."""
    value, row_id = after
    if key_sql == id_sql:
        return (f"{id_sql} < ?" if descending else f"{id_sql} > ?"), [row_id]
    if not descending:
        if value is None:                       # NULLs come first: the rest of them, then all others
            return f"(({key_sql} IS NULL AND {id_sql} > ?) OR {key_sql} IS NOT NULL)", [row_id]
        return f"({key_sql}, {id_sql}) > (?, ?)", [value, row_id]
    if value is None:                           # NULLs come last: only the rest of them
        return f"({key_sql} IS NULL AND {id_sql} < ?)", [row_id]
    if nullable:
        return f"(({key_sql}, {id_sql}) < (?, ?) OR {key_sql} IS NULL)", [value, row_id]
    return f"({key_sql}, {id_sql}) < (?, ?)", [value, row_id]


def after_parts(key_sql: str, id_sql: str, after: Key, *, descending: bool,
                nullable: bool = False) -> list[tuple[str, list[Any]]]:
    """``after_condition`` as one or two conditions, each an index walk on ``(key, id)``, whose
    rows come one part after the other in the order: where the single condition would be an
    ``OR`` (the NULLs' side and the others'), SQLite cannot walk the index for it and sorts
    every match instead, so a page reads the first part and, when it is not full, the next.

    >>> after_parts("p", "id", ("茶", 7), descending=True, nullable=True)
    [('(p, id) < (?, ?)', ['茶', 7]), ('p IS NULL', [])]
    >>> after_parts("p", "id", (None, 7), descending=False, nullable=True)
    [('(p IS NULL AND id > ?)', [7]), ('p IS NOT NULL', [])]
    """
    value, row_id = after
    if not nullable or key_sql == id_sql:
        return [after_condition(key_sql, id_sql, after, descending=descending, nullable=nullable)]
    if not descending and value is None:
        return [(f"({key_sql} IS NULL AND {id_sql} > ?)", [row_id]), (f"{key_sql} IS NOT NULL", [])]
    if descending and value is not None:
        return [(f"({key_sql}, {id_sql}) < (?, ?)", [value, row_id]), (f"{key_sql} IS NULL", [])]
    return [after_condition(key_sql, id_sql, after, descending=descending, nullable=nullable)]


def read_in_parts(read: Callable[[str | None, list[Any], int, int], list[Any]],
                  parts: list[tuple[str, list[Any]]] | None, limit: int, offset: int) -> list[Any]:
    """The page ``read(condition, values, limit, offset)`` gives for the parts' conditions taken
    one after the other (``after_parts``; ``None``: no condition, the register's start)."""
    if not parts or len(parts) == 1:
        condition, values = parts[0] if parts else (None, [])
        return read(condition, values, limit, offset)
    rows: list[Any] = []
    wanted = limit + offset
    for condition, values in parts:
        rows += read(condition, values, wanted - len(rows), 0)
        if len(rows) >= wanted:
            break
    return rows[offset:offset + limit]


def named(condition: str, values: list[Any], prefix: str = "edge") -> tuple[str, dict[str, Any]]:
    """``after_condition``'s output for a query with named parameters (``:edge0``, ``:edge1``)."""
    parts = condition.split("?")
    names = [f"{prefix}{i}" for i in range(len(parts) - 1)]
    text = parts[0] + "".join(f":{name}{part}" for name, part in zip(names, parts[1:]))
    return text, dict(zip(names, values))


def make_page(rows: list[dict[str, Any]], *, key_column: str = "sort_key", id_column: str = "id",
              reverse: bool = False, hidden_id: bool = False) -> Page:
    """A ``Page`` of rows that carry their sort value in ``key_column`` (removed here);
    ``reverse``: the rows were read in the opposite order and are turned round;
    ``hidden_id``: ``id_column`` is there only for the key (a rowid) and is removed too."""
    if reverse:
        rows = rows[::-1]
    keys = [(row.pop(key_column), row.pop(id_column) if hidden_id else row[id_column]) for row in rows]
    return Page(rows, keys[0] if keys else None, keys[-1] if keys else None)
