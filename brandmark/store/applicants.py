"""The applicant register (申请企业) and their products."""

from __future__ import annotations

import builtins
import sqlite3
from typing import TYPE_CHECKING, Any, cast

from brandmark.errors import NotFound, RefusedInput
from brandmark.name_keys import name_sort_key
from brandmark.regions import normalise_region, region_from_uscc
from brandmark.standards import normalise_standard
from brandmark.store.paging import Key, Page, after_condition, make_page
from brandmark.store.bulk_insert import TOO_LONG, insert_applicants
from brandmark.store.schema_search import rebuild_search_index
from brandmark.store.search_index import match_expression, match_parts, pair_term
from brandmark.text import LIKE_ESCAPE, clean_text, contains_pattern
from brandmark.uscc import normalise_uscc, validate_uscc

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from brandmark.store import Store

MAX_NAME = 200
_EDITABLE = ("name", "uscc", "region", "address", "industry", "contact")


class Applicants:
    def __init__(self, store: Store):
        self.store = store

    def _check(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if "name" in fields:
            out["name"] = clean_text(fields["name"], ("name",), required=True, max_length=MAX_NAME)
        if "uscc" in fields:
            out["uscc"] = validate_uscc(fields["uscc"])
        if "region" in fields:
            out["region"] = normalise_region(fields["region"])
        for key in ("address", "industry", "contact"):
            if key in fields:
                out[key] = clean_text(fields[key], (key,))
        return out

    def add(self, *, name: str, uscc: str, region: str | None = None, address: str = "",
            industry: str = "", contact: str = "", actor: str = "", demo: bool = False) -> int:
        """Register an applicant; returns its id. A wrong or already registered code is refused.
        With no region given, the code's administrative-division digits give it (330106 → 杭州市)."""
        row = self._check(dict(name=name, uscc=uscc, region=region, address=address,
                               industry=industry, contact=contact))
        if row["region"] is None:
            row["region"] = region_from_uscc(row["uscc"])
        with self.store.atomic():
            self._refuse_duplicate(row["uscc"])
            now = self.store.now()
            # A plain INSERT: sqlite-utils' insert reads the schema first, a query per add.
            # A plain INSERT always sets lastrowid (None is only for other statements).
            applicant_id = cast(int, self.store.conn.execute(
                "INSERT INTO applicants (name, name_sort, uscc, region, address, industry, contact, demo, created_at, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [row["name"], name_sort_key(row["name"]), row["uscc"], row["region"], row["address"], row["industry"],
                 row["contact"], int(demo), now, now]).lastrowid)
            self.store.events.record(actor, "applicant.add", "applicant", applicant_id, row)
        return applicant_id

    def registered_usccs(self, codes: Iterable[str]) -> dict[str, tuple[int, str]]:
        """Which of ``codes`` are registered already: code → (id, name)."""
        wanted = list(dict.fromkeys(codes))
        found: dict[str, tuple[int, str]] = {}
        for start in range(0, len(wanted), 900):          # SQLite's bound-parameter limit
            chunk = wanted[start:start + 900]
            marks = ",".join("?" * len(chunk))
            for uscc, applicant_id, name in self.store.conn.execute(
                    f"SELECT uscc, id, name FROM applicants WHERE uscc IN ({marks})", chunk):
                found[uscc] = (applicant_id, name)
        return found

    def add_many(self, rows: Iterable[Mapping[str, Any]], *, actor: str = "",
                 details: Mapping[str, Any] | None = None) -> int:
        """Register checked rows (``_check``'s output: name, uscc, region, address, industry,
        contact) in one transaction with one ``applicant.import`` event (``details``:
        the file's name, SHA-256 and counts); returns the event's id. A code registered
        meanwhile refuses the whole import (the UNIQUE index)."""
        now = self.store.now()
        values = [(r["name"], name_sort_key(r["name"]), r["uscc"], r.get("region"), r.get("address", ""),
                   r.get("industry", ""), r.get("contact", ""), now, now) for r in rows]
        with self.store.atomic():
            try:
                insert_applicants(self.store.conn, values)
            except sqlite3.IntegrityError as exc:
                if str(exc) == TOO_LONG:
                    raise
                raise RefusedInput.of("imports.registered_meanwhile") from None
            return self.store.events.record(actor, "applicant.import", "applicant", "",
                                            {**(details or {}), "count": len(values)})

    def product_keys(self, applicant_ids: Iterable[int]) -> set[tuple[int, str, str]]:
        """(applicant id, product name, models) of the products these applicants have."""
        ids = list(applicant_ids)
        keys: set[tuple[int, str, str]] = set()
        for start in range(0, len(ids), 900):
            chunk = ids[start:start + 900]
            marks = ",".join("?" * len(chunk))
            keys.update(self.store.conn.execute(
                f"SELECT applicant_id, name, models FROM products WHERE applicant_id IN ({marks})", chunk))
        return keys

    def add_products_many(self, rows: Iterable[Mapping[str, Any]], *, actor: str = "",
                          details: Mapping[str, Any] | None = None) -> int:
        """Add checked product rows in one transaction with one ``product.import`` event."""
        now = self.store.now()
        values = [(r["applicant_id"], r["name"], r.get("models", ""), r.get("standard"),
                   r.get("implementation_rule", ""), r.get("factory_address", ""), now) for r in rows]
        with self.store.atomic():
            self.store.conn.executemany(
                "INSERT INTO products (applicant_id, name, models, standard, implementation_rule, "
                "factory_address, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", values)
            return self.store.events.record(actor, "product.import", "product", "",
                                            {**(details or {}), "count": len(values)})

    def _refuse_duplicate(self, uscc: str, other_than: int | None = None) -> None:
        existing = self.store.db.execute("SELECT id, name FROM applicants WHERE uscc = ?", [uscc]).fetchone()
        if existing and existing[0] != other_than:
            raise RefusedInput.of("applicant.duplicate_uscc", ("uscc",), uscc=uscc, id=existing[0],
                                  name=existing[1])

    def update(self, applicant_id: int, *, actor: str = "", **fields: Any) -> dict[str, Any]:
        unknown = set(fields) - set(_EDITABLE)
        if unknown:
            raise RefusedInput.of("applicant.not_editable", names=", ".join(sorted(unknown)))
        before = self.get(applicant_id)
        row = self._check(fields)
        with self.store.atomic():
            if "uscc" in row:
                self._refuse_duplicate(row["uscc"], other_than=applicant_id)
            stored = {**row, "updated_at": self.store.now()}
            if "name" in row:
                stored["name_sort"] = name_sort_key(row["name"])
            self.store.db.table("applicants").update(applicant_id, stored)
            self.store.events.record(actor, "applicant.update", "applicant", applicant_id,
                                     {k: [before[k], v] for k, v in row.items() if before[k] != v})
        return self.get(applicant_id)

    def get(self, applicant_id: int) -> dict[str, Any]:
        row = self.store.db.execute("SELECT * FROM applicants WHERE id = ?", [applicant_id]).fetchone()
        if not row:
            raise NotFound.of("applicant.not_found", id=applicant_id)
        columns = [c[0] for c in self.store.db.execute("SELECT * FROM applicants LIMIT 0").description]
        applicant = dict(zip(columns, row))
        applicant.pop("name_sort", None)          # the register's own ordering, not a fact about the applicant
        return applicant

    # -- the register ---------------------------------------------------------
    # By name is by pinyin (``name_sort``, indexed), whoever asks: window, CLI, export.
    _ORDER = {"id": "id", "name": "name_sort", "uscc": "uscc", "region": "region",
              "industry": "industry", "created_at": "created_at"}
    # Each order's index: (key, id), so a page in that order is an index walk (step 14).
    _ORDER_INDEX = {"name": "applicants_name_sort", "uscc": "sqlite_autoindex_applicants_1",
                    "region": "applicants_region", "industry": "applicants_industry",
                    "created_at": "applicants_created_at"}
    _COLUMNS = "id, name, uscc, region, address, industry, contact, demo, created_at"
    # A search with at most this many matches sorts them; with more it walks the order's index,
    # keeping the rows that match, until the page is full (both cost about the same here).
    _SORT_MATCHES_UP_TO = 5000

    def _search(self, search: str | None) -> tuple[str, builtins.list[object], str | None]:
        """The ``LIKE`` predicate of a search (its SQL, its parameters) and the index's MATCH
        text that answers the same rows (None: scan with the predicate)."""
        if not search or not search.strip():
            return "", [], None
        fragment = search.strip()
        code = normalise_uscc(fragment)
        like = contains_pattern(fragment)
        if not code:
            # The fragment was only separators ('-', '_', spaces) that codes never contain:
            # an empty code pattern would match every row.
            return f"name LIKE ? {LIKE_ESCAPE}", [like], match_expression(fragment, "")
        return (f"(name LIKE ? {LIKE_ESCAPE} OR uscc LIKE ? {LIKE_ESCAPE})", [like, contains_pattern(code)],
                match_expression(fragment, code))

    def list(self, search: str | None = None, *, limit: int = 200, offset: int = 0,
             order_by: str = "id", descending: bool = False, after: Key | None = None,
             before: Key | None = None, from_end: bool = False) -> Page:
        """A page of the register in ``order_by`` order, optionally filtered by a name or code
        fragment: the rows after the key ``after`` (a page's ``last``: keyset paging, see
        ``store.paging``), or those just before ``before`` (a page's ``first``), or the last
        ones (``from_end``), each time skipping ``offset`` rows first (from the start, without
        a key). The result is a list of row dicts with the keys of its first and last rows."""
        if order_by not in self._ORDER:
            raise RefusedInput.of("applicant.sort", order_by=order_by)
        backward = before is not None or from_end
        rows = self._read(search, limit, offset, order_by, descending != backward, before if backward else after)
        return make_page(rows, reverse=backward)

    def key_of(self, applicant_id: int, order_by: str = "id") -> Key:
        """The paging key of a registered applicant in ``order_by`` order (``list(after=…)``)."""
        if order_by not in self._ORDER:
            raise RefusedInput.of("applicant.sort", order_by=order_by)
        row = self.store.db.execute(f"SELECT {self._ORDER[order_by]}, id FROM applicants WHERE id = ?",
                                    [applicant_id]).fetchone()
        if row is None:
            raise NotFound.of("applicant.not_found", id=applicant_id)
        return row[0], row[1]

    def _read(self, search: str | None, limit: int, offset: int, order_by: str, descending: bool,
              after: Key | None) -> builtins.list[dict[str, Any]]:
        predicate, params, match = self._search(search)
        key = self._ORDER[order_by]
        direction = "DESC" if descending else "ASC"
        order = f"ORDER BY {key} {direction}" + (f", id {direction}" if order_by != "id" else "")
        conditions: builtins.list[str] = []
        condition_params: builtins.list[object] = []
        if after is not None:
            condition, condition_params = after_condition(key, "id", after, descending=descending,
                                                          nullable=order_by == "region")
            conditions.append(condition)
        if match is None:
            where = " AND ".join(([predicate] if predicate else []) + conditions)
            where = f" WHERE {where}" if where else ""
            if not offset:
                # A page from a key (or the first): one walk of the order's (key, id) index.
                return self._rows(f"SELECT {self._COLUMNS}, {key} AS sort_key FROM applicants{where} {order} LIMIT ?",
                                  params + condition_params + [limit])
            # Skipping rows (a jump): their ids are stepped over on the (key, id) index alone,
            # where SQLite can, then the page's rows are read.
            ids = f"SELECT id FROM applicants{where} {order} LIMIT ? OFFSET ?"
            ids_params = params + condition_params + [limit, offset]
        elif order_by == "id":
            # The index gives its matches in id order: only the page's are read.
            after_rowid = "" if after is None else " AND " + after_condition(
                "rowid", "rowid", after, descending=descending)[0]
            ids = (f"SELECT rowid FROM applicants_grams WHERE applicants_grams MATCH ?{after_rowid} "
                   f"ORDER BY rowid {direction} LIMIT ? OFFSET ?")
            ids_params = [match] + condition_params + [limit, offset]
        else:
            few = self._count_matches(match, self._SORT_MATCHES_UP_TO + 1) <= self._SORT_MATCHES_UP_TO
            source = "NOT INDEXED" if few else f"INDEXED BY {self._ORDER_INDEX[order_by]}"
            where = " AND ".join(["id IN (SELECT rowid FROM applicants_grams WHERE applicants_grams MATCH ?)"]
                                 + conditions)
            ids = f"SELECT id FROM applicants {source} WHERE {where} {order} LIMIT ? OFFSET ?"
            ids_params = [match] + condition_params + [limit, offset]
        return self._rows(f"SELECT {self._COLUMNS}, {key} AS sort_key FROM applicants NOT INDEXED "
                          f"WHERE id IN ({ids}) {order}", ids_params)

    def _rows(self, sql: str, params: builtins.list[object]) -> builtins.list[dict[str, Any]]:
        cursor = self.store.conn.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row)) for row in cursor]

    def _count_matches(self, match: str, up_to: int | None = None) -> int:
        matches = "SELECT rowid FROM applicants_grams WHERE applicants_grams MATCH ?"
        if up_to is None:
            count: int = self.store.db.execute(f"SELECT count(*) FROM ({matches})", [match]).fetchone()[0]
        else:
            count = self.store.db.execute(f"SELECT count(*) FROM ({matches} LIMIT ?)", [match, up_to]).fetchone()[0]
        return count

    def count(self, search: str | None = None) -> int:
        predicate, params, match = self._search(search)
        if match is not None:
            one_pair = self._count_one_pair(search.strip()) if search else None
            return self._count_matches(match) if one_pair is None else one_pair
        where = f" WHERE {predicate}" if predicate else ""
        count: int = self.store.db.execute(f"SELECT count(*) FROM applicants{where}", params).fetchone()[0]
        return count

    def rebuild_search_index(self) -> int:
        """Make the search index again from every applicant, in one transaction (``db check``
        found it stale or damaged: it is derived, nothing recorded changes); returns how many."""
        with self.store.atomic():
            rebuild_search_index(self.store.conn)
            count: int = self.store.conn.execute("SELECT count(*) FROM applicants").fetchone()[0]
            return count

    # The index's own term statistics (``fts5vocab``): per term and column, how many rows hold it.
    _TERMS = "temp.applicants_grams_terms"

    def _count_one_pair(self, fragment: str) -> int | None:
        """The count of a two-character fragment that no code contains, or None (count the matches).

        Its name side is one term, and the rows whose name holds a term are what the index's
        term statistics count, read in one pass over the term's doclist inside FTS5 (54,610
        rows: about 2 ms where counting the MATCH rows one by one takes 3-5). Whether any code
        holds the fragment is one probe of the code side's own terms (marked, step 18).
        """
        term = pair_term(fragment)
        parts = match_parts(fragment, normalise_uscc(fragment)) if term is not None else None
        if parts is None or not self._term_statistics():
            return None
        code_side = parts[1]
        if code_side and self.store.conn.execute(
                "SELECT 1 FROM applicants_grams WHERE applicants_grams MATCH ? LIMIT 1", [code_side]).fetchone():
            return None
        row = self.store.conn.execute(f"SELECT doc FROM {self._TERMS} WHERE term = ? AND col = 'name_grams'",
                                      [term]).fetchone()
        return 0 if row is None else row[0]

    def _term_statistics(self) -> bool:
        """Whether this connection has the index's term statistics table (made on first use, in
        the connection's own temp schema: nothing is written to the register)."""
        if getattr(self, "_terms_ready", None) is None:
            try:
                self.store.conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {self._TERMS} "
                                        "USING fts5vocab(main, applicants_grams, col)")
                self._terms_ready = True
            except sqlite3.OperationalError:        # a read-only open (query_only): count the matches
                self._terms_ready = False
        return self._terms_ready

    def demo_loaded(self) -> bool:
        """Whether the marked demo data set is in this register."""
        return self.store.db.execute("SELECT 1 FROM applicants WHERE demo = 1 LIMIT 1").fetchone() is not None

    # -- products -------------------------------------------------------------
    def add_product(self, applicant_id: int, *, name: str, models: str = "", standard: str | None = None,
                    implementation_rule: str = "", factory_address: str = "", actor: str = "") -> int:
        self.get(applicant_id)
        row = {
            "applicant_id": applicant_id,
            "name": clean_text(name, ("product_name",), required=True, max_length=200),
            "models": clean_text(models, ("models",), max_length=1000),
            "standard": normalise_standard(standard),
            "implementation_rule": clean_text(implementation_rule, ("implementation_rule",), max_length=100),
            "factory_address": clean_text(factory_address, ("factory_address",)),
            "created_at": self.store.now(),
        }
        with self.store.atomic():
            product_id = cast(int, self.store.db.table("products").insert(row).last_pk)  # set by every insert
            self.store.events.record(actor, "product.add", "product", product_id, row)
        return product_id

    def products(self, applicant_id: int) -> builtins.list[dict[str, Any]]:
        return list(self.store.db.query("SELECT * FROM products WHERE applicant_id = ? ORDER BY id",
                                        [applicant_id]))

    def product(self, product_id: int) -> dict[str, Any]:
        rows = list(self.store.db.query("SELECT * FROM products WHERE id = ?", [product_id]))
        if not rows:
            raise NotFound.of("applicant.no_product", id=product_id)
        return rows[0]
