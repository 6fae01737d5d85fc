"""The applicant register (申请企业) and their products."""

from __future__ import annotations

from brandmark.errors import NotFound, RefusedInput
from brandmark.regions import normalise_region
from brandmark.standards import normalise_standard
from brandmark.text import BIDI_CONTROLS, LIKE_ESCAPE, clean_text, contains_pattern  # noqa: F401 — BIDI_CONTROLS, clean_text: old home
from brandmark.uscc import normalise_uscc, validate_uscc

MAX_NAME = 200
_EDITABLE = ("name", "uscc", "region", "address", "industry", "contact")


class Applicants:
    def __init__(self, store):
        self.store = store

    def _check(self, fields: dict) -> dict:
        out = {}
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
        """Register an applicant; returns its id. A wrong or already registered code is refused."""
        row = self._check(dict(name=name, uscc=uscc, region=region, address=address,
                               industry=industry, contact=contact))
        with self.store.atomic():
            self._refuse_duplicate(row["uscc"])
            now = self.store.now()
            applicant_id = self.store.db["applicants"].insert(
                {**row, "demo": int(demo), "created_at": now, "updated_at": now}).last_pk
            self.store.events.record(actor, "applicant.add", "applicant", applicant_id, row)
        return applicant_id

    def _refuse_duplicate(self, uscc: str, other_than: int | None = None) -> None:
        existing = self.store.db.execute("SELECT id, name FROM applicants WHERE uscc = ?", [uscc]).fetchone()
        if existing and existing[0] != other_than:
            raise RefusedInput.of("applicant.duplicate_uscc", ("uscc",), uscc=uscc, id=existing[0],
                                  name=existing[1])

    def update(self, applicant_id: int, *, actor: str = "", **fields) -> dict:
        unknown = set(fields) - set(_EDITABLE)
        if unknown:
            raise RefusedInput.of("applicant.not_editable", names=", ".join(sorted(unknown)))
        before = self.get(applicant_id)
        row = self._check(fields)
        with self.store.atomic():
            if "uscc" in row:
                self._refuse_duplicate(row["uscc"], other_than=applicant_id)
            self.store.db["applicants"].update(applicant_id, {**row, "updated_at": self.store.now()})
            self.store.events.record(actor, "applicant.update", "applicant", applicant_id,
                                     {k: [before[k], v] for k, v in row.items() if before[k] != v})
        return self.get(applicant_id)

    def get(self, applicant_id: int) -> dict:
        row = self.store.db.execute("SELECT * FROM applicants WHERE id = ?", [applicant_id]).fetchone()
        if not row:
            raise NotFound.of("applicant.not_found", id=applicant_id)
        columns = [c[0] for c in self.store.db.execute("SELECT * FROM applicants LIMIT 0").description]
        return dict(zip(columns, row))

    # -- the register ---------------------------------------------------------
    _ORDER = {"id": "id", "name": "name", "uscc": "uscc", "region": "region",
              "industry": "industry", "created_at": "created_at"}

    def _where(self, search: str | None) -> tuple[str, list]:
        if not search or not search.strip():
            return "", []
        fragment = search.strip()
        code = normalise_uscc(fragment)
        like = contains_pattern(fragment)
        if not code:
            # The fragment was only separators ('-', '_', spaces) that codes never contain:
            # an empty code pattern would match every row.
            return f" WHERE name LIKE ? {LIKE_ESCAPE}", [like]
        return (f" WHERE name LIKE ? {LIKE_ESCAPE} OR uscc LIKE ? {LIKE_ESCAPE}", [like, contains_pattern(code)])

    def list(self, search: str | None = None, *, limit: int = 200, offset: int = 0,
             order_by: str = "id", descending: bool = False) -> list[dict]:
        """A page of the register, optionally filtered by a name or code fragment."""
        if order_by not in self._ORDER:
            raise RefusedInput.of("applicant.sort", order_by=order_by)
        where, params = self._where(search)
        direction = "DESC" if descending else "ASC"
        sql = (f"SELECT id, name, uscc, region, address, industry, contact, demo, created_at "
               f"FROM applicants{where} ORDER BY {self._ORDER[order_by]} {direction}, id {direction} "
               f"LIMIT ? OFFSET ?")
        return list(self.store.db.query(sql, params + [limit, offset]))

    def count(self, search: str | None = None) -> int:
        where, params = self._where(search)
        return self.store.db.execute(f"SELECT count(*) FROM applicants{where}", params).fetchone()[0]

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
            product_id = self.store.db["products"].insert(row).last_pk
            self.store.events.record(actor, "product.add", "product", product_id, row)
        return product_id

    def products(self, applicant_id: int) -> list[dict]:
        return list(self.store.db.query("SELECT * FROM products WHERE applicant_id = ? ORDER BY id",
                                        [applicant_id]))

    def product(self, product_id: int) -> dict:
        rows = list(self.store.db.query("SELECT * FROM products WHERE id = ?", [product_id]))
        if not rows:
            raise NotFound.of("applicant.no_product", id=product_id)
        return rows[0]
