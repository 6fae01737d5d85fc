"""The applicant register (申请企业) and their products."""

from __future__ import annotations

import unicodedata

from brandmark.errors import NotFound, RefusedInput
from brandmark.regions import normalise_region
from brandmark.standards import normalise_standard
from brandmark.uscc import normalise_uscc, validate_uscc

MAX_NAME = 200
# Bidirectional embedding, override and isolate controls reorder how the text *looks*
# without changing what it is: "ABC\u202eDEF" can display as another company's name on a
# certificate or in a verification result. No Chinese or English text needs them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_EDITABLE = ("name", "uscc", "region", "address", "industry", "contact")


def clean_text(value, field: str, *, required: bool = False, max_length: int = 500,
               multiline: bool = False) -> str:
    """Trim, NFC-normalise and refuse control characters (bidi overrides included); quotes,
    ``<`` and ``&`` are fine.

    ``multiline`` texts (notes, findings) keep their line breaks, as ``\n``.
    """
    text = unicodedata.normalize("NFC", "" if value is None else str(value)).strip()
    zh, en = _field_names(field)
    allowed = "\t"
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        allowed = "\t\n"
    if required and not text:
        raise RefusedInput(f"{zh}不能为空 / {en} must not be empty")
    if len(text) > max_length:
        raise RefusedInput(f"{zh}过长（{len(text)}字，最多{max_length}）/ {en} is too long "
                           f"({len(text)} characters, at most {max_length})")
    for ch in text:
        if ch in BIDI_CONTROLS:
            raise RefusedInput(f"{zh}含有文字方向控制字符 U+{ord(ch):04X} / {en} contains the text-direction "
                               f"control character U+{ord(ch):04X}, which changes how the text looks")
        if unicodedata.category(ch) in ("Cc", "Cs") and ch not in allowed:
            raise RefusedInput(f"{zh}含有控制字符 U+{ord(ch):04X} / {en} contains the control "
                               f"character U+{ord(ch):04X}")
    return text


def _field_names(field: str) -> tuple[str, str]:
    """A label "操作人 by" names the field in each half of a message: ("操作人", "by").

    Before this the whole label went into both halves ("操作人 by不能为空 / 操作人 by must
    not be empty"). A label in one language only is used in both.

    >>> _field_names("企业名称 name"), _field_names("file name")
    (('企业名称', 'name'), ('file name', 'file name'))
    """
    chinese, _, english = field.partition(" ")
    if english and any("\u3400" <= c <= "\u9fff" for c in chinese) \
            and not any("\u3400" <= c <= "\u9fff" for c in english):
        return chinese, english
    return field, field


class Applicants:
    def __init__(self, store):
        self.store = store

    def _check(self, fields: dict) -> dict:
        out = {}
        if "name" in fields:
            out["name"] = clean_text(fields["name"], "企业名称 name", required=True, max_length=MAX_NAME)
        if "uscc" in fields:
            out["uscc"] = validate_uscc(fields["uscc"])
        if "region" in fields:
            out["region"] = normalise_region(fields["region"])
        for key in ("address", "industry", "contact"):
            if key in fields:
                out[key] = clean_text(fields[key], key)
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
            raise RefusedInput(f"信用代码 {uscc} 已登记为 #{existing[0]} {existing[1]} / credit code "
                               f"{uscc} is already registered as applicant #{existing[0]} {existing[1]}")

    def update(self, applicant_id: int, *, actor: str = "", **fields) -> dict:
        unknown = set(fields) - set(_EDITABLE)
        if unknown:
            raise RefusedInput(f"cannot change {', '.join(sorted(unknown))} of an applicant")
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
            raise NotFound(f"没有申请企业 #{applicant_id} / no applicant #{applicant_id}")
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
        like = "%" + fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        if not code:
            # The fragment was only separators ('-', '_', spaces) that codes never contain:
            # an empty code pattern would match every row.
            return " WHERE name LIKE ? ESCAPE '\\'", [like]
        code_like = "%" + code.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return (" WHERE name LIKE ? ESCAPE '\\' OR uscc LIKE ? ESCAPE '\\'", [like, code_like])

    def list(self, search: str | None = None, *, limit: int = 200, offset: int = 0,
             order_by: str = "id", descending: bool = False) -> list[dict]:
        """A page of the register, optionally filtered by a name or code fragment."""
        if order_by not in self._ORDER:
            raise RefusedInput(f"cannot sort applicants by '{order_by}'")
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
            "name": clean_text(name, "产品名称 product name", required=True, max_length=200),
            "models": clean_text(models, "型号 models", max_length=1000),
            "standard": normalise_standard(standard),
            "implementation_rule": clean_text(implementation_rule, "实施细则 implementation rule", max_length=100),
            "factory_address": clean_text(factory_address, "生产地址 factory address"),
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
            raise NotFound(f"没有产品 #{product_id} / no product #{product_id}")
        return rows[0]
