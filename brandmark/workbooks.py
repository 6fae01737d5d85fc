"""Tables in and out of spreadsheets: ``.xlsx`` (python-calamine reads, xlsxwriter writes)
and ``.csv`` (UTF-8 with or without BOM, or GB18030, which Chinese Excel writes).

Reading gives a ``Table``: the header row and the data rows with their row numbers as the
spreadsheet shows them (the header is row 1), the file's SHA-256, and what the reader
cannot take at face value — cells inside merged ranges and formula cells — so an import
can refuse them by row and column instead of guessing.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
>>> _ = path.write_bytes("企业名称,地区\\n示例公司,杭州\\n".encode("gb18030"))
>>> table = read_table(path)
>>> table.encoding, table.headers, table.rows
('gb18030', ['企业名称', '地区'], [(2, ['示例公司', '杭州'])])
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
import re
import tempfile
import zipfile
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from posixpath import join as zip_join
from typing import TYPE_CHECKING, Any

from brandmark.errors import RefusedInput

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from xlsxwriter import Workbook

    from brandmark.errors import FieldPath

    # A sheet's rows as written: each a sequence of cells (None and "" leave the cell empty).
    Rows = Iterable[Sequence[object]]

SUFFIXES = (".xlsx", ".csv")


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[Any]]]       # (row number as shown, cells)
    sha256: str
    encoding: str = ""                      # a CSV's; "" for a workbook
    # Cells covered by a merged range but not its top-left one: (row, column index) →
    # the range as Excel writes it ("A3:A5"). Their value is the range's, which the
    # reader does not copy: which rows a merged cell means is a guess.
    merged: dict[tuple[int, int], str] = field(default_factory=dict)
    # Formula cells: (row, column index) → the formula text; the value read is the one
    # the spreadsheet program computed and saved with the file.
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)


def file_kind(path: str | os.PathLike[str], field_path: FieldPath = ("file",)) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise RefusedInput.of("imports.file_type", field_path, path=str(path), suffix=suffix or "''")
    return suffix


def read_table(path: str | os.PathLike[str]) -> Table:
    """The first sheet of an ``.xlsx`` or a ``.csv`` file as a ``Table`` (refused when it
    cannot be read or has no header row)."""
    path = Path(path)
    kind = file_kind(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RefusedInput.of("imports.unreadable", ("file",), path=str(path),
                              why=str(exc.strerror or exc)) from None
    digest = hashlib.sha256(data).hexdigest()
    table = _read_csv(data, path) if kind == ".csv" else _read_xlsx(data, path)
    table.sha256 = digest
    if not table.headers or not any(str(h).strip() for h in table.headers):
        raise RefusedInput.of("imports.no_header", ("file",), path=str(path))
    return table


def decode_csv(data: bytes, path: str | os.PathLike[str]) -> tuple[str, str]:
    """The text and the encoding: a UTF-8 BOM, else UTF-8 if it decodes, else GB18030
    (every byte string that is not UTF-8 and came from Chinese Excel)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise RefusedInput.of("imports.encoding", ("file",), path=str(path), position=exc.start) from None


def _read_csv(data: bytes, path: Path) -> Table:
    try:
        text, encoding = decode_csv(data, path)
    except UnicodeDecodeError as exc:        # a BOM followed by bytes that are not UTF-8
        raise RefusedInput.of("imports.encoding", ("file",), path=str(path), position=exc.start) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        headers = next(reader, [])
        rows = list(enumerate(reader, start=2))
    except csv.Error as exc:
        raise RefusedInput.of("imports.csv", ("file",), path=str(path), why=str(exc)) from None
    return Table(headers=[h.strip() for h in headers], rows=rows, sha256="", encoding=encoding)


def _read_xlsx(data: bytes, path: Path) -> Table:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheet = book.get_sheet_by_index(0)
        values = sheet.to_python(skip_empty_area=False)
        merged_ranges = sheet.merged_cell_ranges or []
    except Exception as exc:  # noqa: BLE001 — calamine raises its own kinds for every broken file
        raise RefusedInput.of("imports.not_workbook", ("file",), path=str(path), why=str(exc)) from None
    if not values:
        return Table(headers=[], rows=[], sha256="")
    headers = [_header_text(cell) for cell in values[0]]
    rows = list(enumerate(values[1:], start=2))           # calamine's rows are lists already
    merged: dict[tuple[int, int], str] = {}
    for (top, left), (bottom, right) in merged_ranges:
        label = f"{column_letter(left)}{top + 1}:{column_letter(right)}{bottom + 1}"
        for r in range(top, bottom + 1):
            for c in range(left, right + 1):
                if (r, c) != (top, left):
                    merged[(r + 1, c)] = label
    return Table(headers=headers, rows=rows, sha256="", merged=merged, formulas=_formulas(data))


def _header_text(cell: object) -> str:
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell).strip() if cell is not None else ""


_CELL_WITH_FORMULA = re.compile(rb'<c r="([A-Z]+)([0-9]+)"[^>]*>\s*<f(?:\s[^>]*)?>([^<]*)</f>|'
                                rb'<c r="([A-Z]+)([0-9]+)"[^>]*>\s*<f\s[^>]*/>')


def _formulas(data: bytes) -> dict[tuple[int, int], str]:
    """Formula cells of the first sheet, read from its XML (calamine gives only values)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read(_first_sheet_part(archive))
    except (KeyError, zipfile.BadZipFile, ValueError):
        return {}
    if b"<f" not in xml:
        # No formula element at all (a '<' in cell text is written '&lt;'): the regular
        # expression's walk over the whole sheet, a third of calamine's own read, is saved.
        return {}
    found: dict[tuple[int, int], str] = {}
    for match in _CELL_WITH_FORMULA.finditer(xml):
        letters, number, text = (match.group(1), match.group(2), match.group(3)) if match.group(1) \
            else (match.group(4), match.group(5), b"")
        found[(int(number), column_index(letters.decode()))] = "=" + text.decode("utf-8", "replace")
    return found


def _first_sheet_part(archive: zipfile.ZipFile) -> str:
    workbook = archive.read("xl/workbook.xml")
    rel_id = re.search(rb'<sheet\b[^>]*\br:id="([^"]+)"', workbook) or \
        re.search(rb'<sheet\b[^>]*\bid="([^"]+)"', workbook)
    rels = archive.read("xl/_rels/workbook.xml.rels")
    for rel in re.finditer(rb"<Relationship\b[^>]*>", rels):
        found = re.search(rb'Target="([^"]+)"', rel.group(0))
        if rel_id and found and f'Id="{rel_id.group(1).decode()}"'.encode() in rel.group(0):
            target = found.group(1).decode()
            return target.lstrip("/") if target.startswith("/") else zip_join("xl", target)
    raise ValueError("no first sheet")


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters: str) -> int:
    """A → 0, AA → 26."""
    value = 0
    for ch in letters:
        value = value * 26 + ord(ch) - 64
    return value - 1


# -- writing ------------------------------------------------------------------

def write_table(path: str | os.PathLike[str], headers: list[str], rows: Rows, *, sheet: str = "Sheet1",
                date_columns: AbstractSet[int] = frozenset(), number_formats: dict[int, str] | None = None) -> Path:
    """Write ``headers`` and ``rows`` to ``path`` (``.xlsx`` or ``.csv`` by its suffix) so
    that a reader never sees half a file: a temporary file beside it, then a rename.

    In a workbook ``datetime.date`` values are real dates (formatted ``yyyy-mm-dd``) and
    numbers numbers; a CSV is UTF-8 with a BOM, which Excel opens as Unicode.
    """
    path = Path(path)
    kind = file_kind(path, ("output",))
    handle, temp = tempfile.mkstemp(prefix=".brandmark-", suffix=kind, dir=str(path.parent))
    os.close(handle)
    try:
        if kind == ".csv":
            with open(temp, "w", encoding="utf-8-sig", newline="") as out:
                writer = csv.writer(out)
                writer.writerow(headers)
                for row in rows:
                    writer.writerow(["" if v is None else v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v
                                     for v in row])
        else:
            _write_xlsx(temp, headers, rows, sheet, number_formats or {})
        os.replace(temp, path)
    except OSError as exc:
        _remove(temp)
        raise RefusedInput.of("imports.unwritable", ("output",), path=str(path),
                              why=str(exc.strerror or exc)) from None
    except BaseException:
        _remove(temp)
        raise
    return path


def write_sheets(path: str | os.PathLike[str],
                 sheets: Iterable[tuple[str, Sequence[str], Rows, dict[int, str] | None]]) -> Path:
    """Several sheets in one ``.xlsx`` workbook, written like ``write_table`` (whole or not
    at all): ``sheets`` is ``[(name, headers, rows, number_formats or None), ...]``."""
    path = Path(path)
    if file_kind(path, ("output",)) != ".xlsx":
        raise RefusedInput.of("imports.file_type", ("output",), path=str(path), suffix=path.suffix)
    handle, temp = tempfile.mkstemp(prefix=".brandmark-", suffix=".xlsx", dir=str(path.parent))
    os.close(handle)
    try:
        book = _new_book(temp)
        try:
            for name, headers, rows, number_formats in sheets:
                _write_sheet(book, name, headers, rows, number_formats or {})
        finally:
            book.close()
        os.replace(temp, path)
    except OSError as exc:
        _remove(temp)
        raise RefusedInput.of("imports.unwritable", ("output",), path=str(path),
                              why=str(exc.strerror or exc)) from None
    except BaseException:
        _remove(temp)
        raise
    return path


def _new_book(temp: str) -> Workbook:
    import xlsxwriter

    return xlsxwriter.Workbook(temp, {"constant_memory": True, "strings_to_numbers": False,
                                      "strings_to_formulas": False, "strings_to_urls": False})


def _write_xlsx(temp: str, headers: Sequence[str], rows: Rows, sheet: str, number_formats: dict[int, str]) -> None:
    book = _new_book(temp)
    try:
        _write_sheet(book, sheet, headers, rows, number_formats)
    finally:
        book.close()


def _write_sheet(book: Workbook, sheet: str, headers: Sequence[str], rows: Rows,
                 number_formats: dict[int, str]) -> None:
    bold = book.add_format({"bold": True})
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    moment = book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    formats = {index: book.add_format({"num_format": text}) for index, text in number_formats.items()}
    ws = book.add_worksheet(sheet[:31])
    ws.write_row(0, 0, headers, bold)
    ws.freeze_panes(1, 0)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, dt.datetime):
                ws.write_datetime(r, c, value.replace(tzinfo=None), moment)
            elif isinstance(value, dt.date):
                ws.write_datetime(r, c, dt.datetime(value.year, value.month, value.day), date)
            elif isinstance(value, bool):
                ws.write_boolean(r, c, value)
            elif isinstance(value, (int, float)):
                ws.write_number(r, c, value, formats.get(c))
            else:
                ws.write_string(r, c, str(value))


def _remove(temp: str) -> None:
    try:
        os.unlink(temp)
    except OSError:
        pass
