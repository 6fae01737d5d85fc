"""Reading, checking and importing applicant and product rows (see the package docstring)."""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from brandmark.errors import Problem, RefusedInput
from brandmark.regions import normalise_region, region_from_uscc
from brandmark.standards import normalise_standard
from brandmark.text import clean_text
from brandmark.uscc import validate_uscc
from brandmark.workbooks import Table, column_letter, read_table, write_table

if TYPE_CHECKING:
    from brandmark.store import Store

# ``progress(done, total, message)``; what it returns is not looked at.
Progress = Callable[[int, int, str], object]
_Checked = TypeVar("_Checked")


class _Report(Protocol):
    def __call__(self, done: int, final: bool = False) -> None: ...

# field → the headers that name it (compared after NFKC, case folding, without spaces or '*').
APPLICANT_COLUMNS = {
    "name": ("企业名称", "名称", "企业名", "申请企业", "申请人", "单位名称", "公司名称",
             "name", "company", "companyname", "enterprise", "enterprisename"),
    "uscc": ("统一社会信用代码", "社会信用代码", "信用代码", "uscc", "creditcode",
             "unifiedsocialcreditcode"),
    "region": ("地区", "所在地区", "地市", "城市", "region", "city"),
    "address": ("地址", "企业地址", "注册地址", "address"),
    "industry": ("行业", "所属行业", "industry"),
    "contact": ("联系人", "contact", "contactperson"),
}
APPLICANT_REQUIRED = ("name", "uscc")

PRODUCT_COLUMNS = {
    "uscc": APPLICANT_COLUMNS["uscc"],
    "product_name": ("产品名称", "产品", "product", "productname"),
    "models": ("型号", "规格型号", "models", "model"),
    "standard": ("标准编号", "标准", "standard", "standardnumber"),
    "implementation_rule": ("实施细则", "implementationrule"),
    "factory_address": ("生产地址", "工厂地址", "factoryaddress"),
}
PRODUCT_REQUIRED = ("uscc", "product_name")

PREVIEW_ROWS = 20           # data rows kept in ``ImportResult.preview`` (the window shows them)
PROGRESS_EVERY = 2000       # rows checked between two progress calls

# Columns where a number (or a date stored as one) is never meant: a name typed as 45293
# is a date Excel turned into its serial number, a code typed as a number lost digits.
_TEXT_ONLY = frozenset({"name", "uscc", "region", "product_name", "standard"})

MAX_NAME = 200
_TEXT_LIMITS = {"name": MAX_NAME, "product_name": 200, "models": 1000, "implementation_rule": 100}
# What clean_text refuses, found in one pass; a value that matches goes to clean_text for
# the exact problem (the fast path keeps 100,000 rows in seconds).
_SUSPECT = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def header_key(text: object) -> str:
    return re.sub(r"[\s*＊:：]", "", unicodedata.normalize("NFKC", str(text or ""))).casefold()


@dataclass
class ImportResult:
    kind: str                               # "applicants" or "products"
    path: str
    sha256: str
    rows: int = 0                           # data rows read (blank rows not counted)
    imported: int = 0
    skipped: int = 0
    dry_run: bool = False
    columns: dict[str, str] = field(default_factory=dict)      # field → header as in the file
    unknown_columns: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    error_file: str | None = None
    event_id: int | None = None
    headers: list[str] = field(default_factory=list)           # the file's header row, as written
    preview: list[tuple[int, list[Any]]] = field(default_factory=list)   # the first data rows (row number, cells)
    encoding: str = ""                                          # a CSV's; "" for a workbook

    def errors(self, language: str = "bilingual") -> list[dict[str, Any]]:
        """``[{"row", "column", "field", "code", "message"}]`` (row and column None for the file)."""
        out = []
        for problem in self.problems:
            row = problem.field[1] if problem.field[:1] == ("row",) and len(problem.field) > 1 else None
            name = problem.field[2] if row is not None and len(problem.field) > 2 else None
            column = self.columns.get(name, name) if isinstance(name, str) else name
            out.append({"row": row, "column": column, "field": name,
                        "code": problem.code, "message": problem.message(language)})
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"imported": self.imported, "skipped": self.skipped, "errors": self.errors(),
                "rows": self.rows, "dry_run": self.dry_run, "file": self.path, "sha256": self.sha256,
                "columns": self.columns, "unknown_columns": self.unknown_columns,
                "error_file": self.error_file, "event_id": self.event_id}


class ImportRefused(RefusedInput):
    """Nothing was imported: the file has problems (all of them in ``problems``) and
    ``skip_invalid`` was not asked for. ``result`` says what was found."""

    def __init__(self, result: ImportResult):
        self.result = result
        super().__init__(problems=result.problems)


def _map_columns(table: Table, known: Mapping[str, tuple[str, ...]],
                 required: tuple[str, ...]) -> tuple[dict[str, int], list[str], list[Problem]]:
    lookup = {header_key(alias): name for name, aliases in known.items() for alias in aliases}
    mapping: dict[str, int] = {}
    unknown: list[str] = []
    problems: list[Problem] = []
    for index, header in enumerate(table.headers):
        if not str(header).strip():
            continue
        name = lookup.get(header_key(header))
        if name is None:
            unknown.append(str(header))
        elif name in mapping:
            problems.append(Problem("imports.duplicate_column", ("file",), {
                "header": str(header), "first": table.headers[mapping[name]],
                "column": column_letter(index)}))
        else:
            mapping[name] = index
    for name in required:
        if name not in mapping:
            problems.append(Problem("imports.missing_column", ("file",), {
                "column": {"zh_CN": known[name][0], "en": _english(known[name])}}))
    return mapping, unknown, problems


def _english(aliases: tuple[str, ...]) -> str:
    return next(a for a in aliases if a.isascii())


def _cell_text(table: Table, number: int, index: int, value: object, name: str, problems: list[Problem],
               *, text_only: bool = False) -> str | None:
    """The cell as text, or None with a problem for what cannot be taken as text."""
    where = ("row", number, name)
    if (number, index) in table.merged:
        problems.append(Problem("imports.merged", where, {"range": table.merged[(number, index)]}))
        return None
    formula = table.formulas.get((number, index))
    if formula is not None and (value is None or value == "" or value == 0):
        # xlsxwriter and many scripts save 0 (or nothing) as a formula's value: no
        # spreadsheet program computed it, and we will not.
        problems.append(Problem("imports.formula", where, {"formula": formula}))
        return None
    if value is None:
        return ""
    if isinstance(value, bool):
        problems.append(Problem("imports.not_text", where, {"value": str(value).upper()}))
        return None
    if isinstance(value, (dt.date, dt.datetime, dt.time, dt.timedelta)):
        problems.append(Problem("imports.date_in_text", where, {"value": str(value)}))
        return None
    if isinstance(value, float):
        if text_only or not value.is_integer():
            # A credit code typed into a number cell: Excel keeps 15 digits of 18.
            problems.append(Problem("imports.number_for_text", where,
                                    {"value": f"{value:.0f}" if value.is_integer() else f"{value:.15g}"}))
            return None
        return str(int(value))
    if isinstance(value, int):
        if text_only:
            problems.append(Problem("imports.number_for_text", where, {"value": str(value)}))
            return None
        return str(value)
    return str(value)


def _text(table: Table, plain: bool, number: int, index: int, cells: list[Any], name: str,
          problems: list[Problem]) -> str | None:
    """``_cell_text`` of the row's cell at ``index`` (None past the row's end); without a call
    there for a text or empty cell of a table with no merged or formula cells (``plain``),
    the nearly every cell of a large file."""
    value = cells[index] if index < len(cells) else None
    if plain:
        if value.__class__ is str:
            text: str = value
            return text
        if value is None:
            return ""
    return _cell_text(table, number, index, value, name, problems, text_only=name in _TEXT_ONLY)


def _clean(value: str, name: str, number: int, problems: list[Problem], *, required: bool = False) -> str | None:
    limit = _TEXT_LIMITS.get(name, 500)
    text = value.strip()
    if (len(text) <= limit and (text or not required) and _SUSPECT.search(text) is None
            and unicodedata.is_normalized("NFC", text)):
        return text
    try:
        return clean_text(value, (name,), required=required, max_length=limit)
    except RefusedInput as exc:
        problems.extend(_in_row(exc, number))
        return None


def _kept_as_is(rows: list[list[Any]], index: int, name: str, *, required: bool = False) -> bool:
    """Whether every cell at ``index`` of ``rows`` (a plain table's non-blank rows) is text that
    ``_clean`` keeps as it is once stripped (a row too short has ""), checked over the whole
    column at once: its longest cell, an empty one, and one search of the cells joined by a
    tab. A tab is no problem itself, and nothing composes or reorders across it, so the joined
    text is NFC exactly when every cell is. A column that fails goes cell by cell."""
    try:
        cells = [(row[index] if index < len(row) else "").strip() for row in rows]
    except AttributeError:                   # not all text: numbers, dates, empty workbook cells
        return False
    joined = "\t".join(cells)
    return (max(map(len, cells), default=0) <= _TEXT_LIMITS.get(name, 500) and (not required or all(cells))
            and _SUSPECT.search(joined) is None and unicodedata.is_normalized("NFC", joined))


def _in_row(exc: RefusedInput, number: int) -> list[Problem]:
    return [Problem(p.code, ("row", number) + tuple(p.field), p.params) for p in exc.problems]


def _checked(fn: Callable[[str], _Checked], value: str, number: int,
             problems: list[Problem]) -> tuple[bool, _Checked | None]:
    try:
        return True, fn(value)
    except RefusedInput as exc:
        problems.extend(_in_row(exc, number))
        return False, None


def _read(path: str | os.PathLike[str]) -> Table:
    from brandmark.store.guard import refuse_if_register_file

    refuse_if_register_file(path)
    return read_table(path)


def _blank(cells: list[Any]) -> bool:
    try:
        # All text (a CSV's rows, most of a workbook's): blank when the joined cells are.
        return not "".join(cells).strip()
    except TypeError:
        return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


# -- what both imports share --------------------------------------------------------

def _open_table(path: str | os.PathLike[str], kind: str, columns: Mapping[str, tuple[str, ...]],
                required: tuple[str, ...], dry_run: bool) -> tuple[Table, ImportResult, dict[str, int]]:
    """The file read and its columns found; refused whole when a column problem stands."""
    table = _read(path)
    result = ImportResult(kind, str(path), table.sha256, dry_run=dry_run, headers=list(table.headers),
                          encoding=table.encoding,
                          preview=[(number, [_plain(c) for c in cells])
                                   for number, cells in table.rows[:PREVIEW_ROWS] if not _blank(cells)])
    mapping, result.unknown_columns, file_problems = _map_columns(table, columns, required)
    result.columns = {name: table.headers[index] for name, index in mapping.items()}
    if file_problems:
        result.problems = file_problems
        raise ImportRefused(result)
    return table, result, mapping


def _settle(result: ImportResult, path: str | os.PathLike[str], table: Table, raw: dict[int, list[Any]],
            bad: dict[int, list[Problem]],
            skip_invalid: bool, importable: int) -> None:
    """Every problem in row order; refused whole unless ``skip_invalid``, which writes the
    rejected rows beside the file (not on a dry run)."""
    result.problems = [p for number in sorted(bad) for p in bad[number]]
    result.skipped = len(bad)
    if bad and not skip_invalid:
        result.skipped = 0
        raise ImportRefused(result)
    if bad and not result.dry_run:
        result.error_file = str(_write_rejected(path, table, raw, bad))
    result.imported = importable


def _event_details(result: ImportResult, path: str | os.PathLike[str], table: Table) -> dict[str, Any]:
    """What the one import event records: the file, its SHA-256 and the counts."""
    return {"file": Path(path).name, "sha256": table.sha256, "rows": result.rows,
            "imported": result.imported, "skipped": result.skipped}


def _progress_reporter(progress: Progress | None, total: int) -> _Report:
    """``report(done)``: calls ``progress`` every ``PROGRESS_EVERY`` rows (and when ``final``)."""
    def report(done: int, final: bool = False) -> None:
        if progress is not None and (final or done % PROGRESS_EVERY == 0):
            progress(done, total, "")
    return report


# -- applicants ---------------------------------------------------------------

def import_applicants(store: Store, path: str | os.PathLike[str], *, dry_run: bool = False,
                      skip_invalid: bool = False, actor: str = "", progress: Progress | None = None) -> ImportResult:
    """Import the applicants of ``path``; one transaction and one ``applicant.import`` event.

    Raises ``ImportRefused`` (nothing written) when any row has a problem, unless
    ``skip_invalid``: then the good rows are imported and the others written, with their
    reasons, to ``NAME.errors.xlsx`` beside the file.

    ``progress(done, total, message)`` is called while the rows are checked and once more
    before anything is written; whatever it raises (the window's Cancel) leaves nothing
    written, no rows and no error workbook.
    """
    table, result, mapping = _open_table(path, "applicants", APPLICANT_COLUMNS, APPLICANT_REQUIRED, dry_run)

    good: list[tuple[int, dict[str, Any]]] = []
    bad: dict[int, list[Problem]] = {}
    first_row: dict[str, int] = {}
    raw: dict[int, list[Any]] = {}
    regions_seen: dict[str, tuple[str | None, RefusedInput | None]] = {}
    report = _progress_reporter(progress, len(table.rows))
    plain = not table.merged and not table.formulas
    present = [(name, mapping[name]) for name in APPLICANT_COLUMNS if name in mapping]
    # A column the file does not have reads as empty cells: "" (no region: the code's).
    absent = {name: None if name == "region" else "" for name in APPLICANT_COLUMNS if name not in mapping}
    blank = [_blank(cells) for _, cells in table.rows]
    if plain:
        # Text columns whose every cell is kept as it is (nearly always): stripped, no more checks.
        kept = [cells for (_, cells), empty in zip(table.rows, blank) if not empty]
        as_is = {name for name, index in present if name not in ("uscc", "region")
                 and _kept_as_is(kept, index, name, required=name in APPLICANT_REQUIRED)}
        kept.clear()
    else:
        as_is = set()
    for position, (number, cells) in enumerate(table.rows):
        if progress is not None:
            report(position)
        if blank[position]:
            continue
        result.rows += 1
        raw[number] = cells
        problems: list[Problem] = []
        record: dict[str, Any] = dict(absent)
        for name, index in present:
            if name in as_is:
                record[name] = cells[index].strip() if index < len(cells) else ""
                continue
            text = _text(table, plain, number, index, cells, name, problems)
            if text is None:
                continue
            if name == "uscc":
                try:
                    record["uscc"] = validate_uscc(text)
                except RefusedInput as exc:
                    problems.extend(_in_row(exc, number))
            elif name == "region":
                # A file names a dozen regions 100,000 times: each spelling is checked once.
                if text not in regions_seen:
                    try:
                        regions_seen[text] = (normalise_region(unicodedata.normalize("NFKC", text)), None)
                    except RefusedInput as exc:
                        regions_seen[text] = (None, exc)
                region, refused = regions_seen[text]
                if refused is not None:
                    problems.extend(_in_row(refused, number))
                else:
                    record["region"] = region
            else:
                cleaned = _clean(text, name, number, problems, required=(name == "name"))
                if cleaned is not None:
                    record[name] = cleaned
        code = record.get("uscc")
        if code is not None and record.get("region") is None:
            # No region in the file (no column, or an empty cell): the code's division digits.
            record["region"] = region_from_uscc(code)
        if code is not None:
            if code in first_row:
                problems.append(Problem("imports.duplicate_in_file", ("row", number, "uscc"),
                                        {"uscc": code, "first": first_row[code]}))
            else:
                first_row[code] = number
        if problems:
            bad[number] = problems
        else:
            good.append((number, record))

    registered = store.applicants.registered_usccs([record["uscc"] for _, record in good])
    still_good = []
    for number, record in good:
        known = registered.get(record["uscc"])
        if known:
            bad[number] = [Problem("applicant.duplicate_uscc", ("row", number, "uscc"),
                                   {"uscc": record["uscc"], "id": known[0], "name": known[1]})]
        else:
            still_good.append((number, record))
    rows = [record for _, record in still_good]
    report(len(table.rows), final=True)
    _settle(result, path, table, raw, bad, skip_invalid, len(rows))
    if not dry_run:
        result.event_id = store.applicants.add_many(rows, actor=actor, details=_event_details(result, path, table))
    return result


# -- products -----------------------------------------------------------------

def import_products(store: Store, path: str | os.PathLike[str], *, dry_run: bool = False,
                    skip_invalid: bool = False, actor: str = "", progress: Progress | None = None) -> ImportResult:
    """Import products (the applicant by its credit code), as ``import_applicants``."""
    table, result, mapping = _open_table(path, "products", PRODUCT_COLUMNS, PRODUCT_REQUIRED, dry_run)
    good: list[tuple[int, dict[str, Any]]] = []
    bad: dict[int, list[Problem]] = {}
    raw: dict[int, list[Any]] = {}
    first_row: dict[tuple[str, str, str], int] = {}
    report = _progress_reporter(progress, len(table.rows))
    plain = not table.merged and not table.formulas
    for position, (number, cells) in enumerate(table.rows):
        if progress is not None:
            report(position)
        if _blank(cells):
            continue
        result.rows += 1
        raw[number] = cells
        problems: list[Problem] = []
        record: dict[str, Any] = {}
        for name in PRODUCT_COLUMNS:
            index = mapping.get(name)
            text = _text(table, plain, number, index, cells, name, problems) if index is not None else ""
            if text is None:
                continue
            if name == "uscc":
                ok, code = _checked(validate_uscc, text, number, problems)
            elif name == "standard":
                ok, code = _checked(lambda t: normalise_standard(unicodedata.normalize("NFKC", t)),
                                    text, number, problems)
            else:
                code = _clean(text, name, number, problems, required=(name == "product_name"))
                ok = code is not None
            if ok:
                record[name] = code
        if "uscc" in record and "product_name" in record:
            key = (record["uscc"], record["product_name"], record.get("models", ""))
            if key in first_row:
                problems.append(Problem("imports.duplicate_product", ("row", number, "product_name"),
                                        {"first": first_row[key]}))
            else:
                first_row[key] = number
        if problems:
            bad[number] = problems
        else:
            good.append((number, record))
    registered = store.applicants.registered_usccs([record["uscc"] for _, record in good])
    existing = store.applicants.product_keys({registered[r["uscc"]][0] for _, r in good if r["uscc"] in registered})
    rows = []
    for number, record in good:
        known = registered.get(record["uscc"])
        if not known:
            bad[number] = [Problem("imports.unknown_applicant", ("row", number, "uscc"), {"uscc": record["uscc"]})]
            continue
        if (known[0], record["product_name"], record.get("models", "")) in existing:
            bad[number] = [Problem("imports.product_registered", ("row", number, "product_name"),
                                   {"name": record["product_name"], "id": known[0], "applicant": known[1]})]
            continue
        rows.append({"applicant_id": known[0], "name": record["product_name"],
                     "models": record.get("models", ""), "standard": record.get("standard"),
                     "implementation_rule": record.get("implementation_rule", ""),
                     "factory_address": record.get("factory_address", "")})
    report(len(table.rows), final=True)
    _settle(result, path, table, raw, bad, skip_invalid, len(rows))
    if not dry_run:
        result.event_id = store.applicants.add_products_many(rows, actor=actor,
                                                             details=_event_details(result, path, table))
    return result


# -- the rejected rows ------------------------------------------------------------

def error_file_path(path: str | os.PathLike[str]) -> Path:
    file = Path(path)
    return file.with_name(f"{file.stem}.errors.xlsx")


def _write_rejected(path: str | os.PathLike[str], table: Table, raw: dict[int, list[Any]],
                    bad: dict[int, list[Problem]]) -> Path:
    """The rejected rows as they were, with their row number and reasons, beside the input."""
    from brandmark.store.guard import refuse_if_register_file

    target = error_file_path(path)
    refuse_if_register_file(target, ("output",))
    headers = ["行号 row"] + [str(h) for h in table.headers] + ["问题 problems"]
    rows = []
    for number in sorted(bad):
        cells = [_plain(c) for c in raw[number]]
        cells += [""] * (len(table.headers) - len(cells))
        rows.append([number] + cells + ["\n".join(p.message("bilingual") for p in bad[number])])
    return write_table(target, headers, rows, sheet="rejected")


def _plain(value: object) -> object:
    if isinstance(value, dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return value


__all__ = ["APPLICANT_COLUMNS", "PRODUCT_COLUMNS", "ImportRefused", "ImportResult", "error_file_path",
           "header_key", "import_applicants", "import_products"]
