"""Importing applicants and products from real .xlsx files (written by xlsxwriter) and
CSVs in each encoding: columns by header, every kind of bad row by row and column,
all-or-nothing by default, --skip-invalid with its error workbook, one event per import."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
import xlsxwriter
from python_calamine import CalamineWorkbook

from brandmark.cli import main
from brandmark.errors import RefusedInput
from brandmark.imports import ImportRefused, import_applicants, import_products
from brandmark.uscc import make_uscc

HEADERS_ZH = ["统一社会信用代码", "企业名称", "地区", "地址", "行业", "联系人"]


def code(n: int) -> str:
    return make_uscc(org_body=f"{n:08d}")


def write_xlsx(path, headers, rows, build=None):
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, headers)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    if build:
        build(sheet)
    book.close()
    return path


def write_csv(path, headers, rows, encoding):
    lines = [",".join(headers)] + [",".join("" if v is None else str(v) for v in row) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def event_count(store, action):
    return store.conn.execute("SELECT count(*) FROM events WHERE action = ?", [action]).fetchone()[0]


def applicant_count(store):
    return store.conn.execute("SELECT count(*) FROM applicants").fetchone()[0]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_in_each_encoding_imports_every_row_with_one_event(bare_store, tmp_path, encoding):
    rows = [[code(1), "杭州甲电器有限公司", "杭州", "西湖区1号", "电器", "张三"],
            [code(2), "宁波乙（集团）有限公司", "宁波市", "", "", ""]]
    path = write_csv(tmp_path / "a.csv", HEADERS_ZH, rows, encoding)

    result = import_applicants(bare_store, path, actor="李四")

    assert (result.imported, result.skipped) == (2, 0)
    registered = {r["uscc"]: r for r in bare_store.applicants.list()}
    assert registered[code(2)]["name"] == "宁波乙（集团）有限公司"      # full-width brackets kept
    assert registered[code(1)]["region"] == "hangzhou"
    events = bare_store.events.list(entity="applicant")
    assert [e["action"] for e in events] == ["applicant.import"]
    assert events[0]["details"]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert events[0]["details"]["imported"] == 2 and events[0]["actor"] == "李四"


def test_english_headers_in_any_order_and_unknown_columns_named(bare_store, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", ["Remarks", "Name", "Region", "USCC"],
                      [["vip", "  Acme Ltd  ", "Ningbo", f"  {code(3).lower()} "]])
    result = import_applicants(bare_store, path)
    assert result.unknown_columns == ["Remarks"]
    assert result.columns == {"name": "Name", "region": "Region", "uscc": "USCC"}
    (row,) = bare_store.applicants.list()
    assert (row["name"], row["uscc"], row["region"]) == ("Acme Ltd", code(3), "ningbo")


def test_full_width_code_and_region_are_folded(bare_store, tmp_path):
    full_width = code(4).translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789ABCDEFGHJKLMNPQRTUWXY"})
    path = write_xlsx(tmp_path / "a.xlsx", HEADERS_ZH, [[full_width, "\u3000温州丙公司\u3000", "ｗｅｎｚｈｏｕ"]])
    import_applicants(bare_store, path)
    (row,) = bare_store.applicants.list()
    assert (row["uscc"], row["name"], row["region"]) == (code(4), "温州丙公司", "wenzhou")


def every_bad_row(sheet):
    """Rows 2-11 of a workbook, one problem each (row 2 is good)."""
    sheet.write_row(1, 0, [code(10), "好公司", "杭州"])
    sheet.write_row(2, 0, [code(11)[:-1] + ("0" if code(11)[-1] != "0" else "1"), "校验位错", "杭州"])
    sheet.write_row(3, 0, [code(10), "重复公司", "杭州"])                   # same code as row 2
    sheet.write_number(4, 0, 913301000000000000)                          # a code typed as a number
    sheet.write(4, 1, "数字代码")
    sheet.write_row(5, 0, [code(14), "火星公司", "火星"])
    sheet.merge_range(6, 1, 7, 1, "合并公司")                              # B7:B8
    sheet.write(6, 0, code(15))
    sheet.write(7, 0, code(16))
    sheet.write(8, 0, code(17))
    sheet.write_formula(8, 1, "=A1")                                      # no saved value
    sheet.write(9, 0, code(18))
    sheet.write_datetime(9, 1, dt.datetime(2024, 1, 2), sheet_date_format[0])
    sheet.write_row(10, 0, [code(19), "", "杭州"])                          # no name
    sheet.write_row(11, 0, [code(20), "控制\x07字符"])
    sheet.write(12, 0, code(21))
    sheet.write_number(12, 1, 45293)                                       # a date as a number


sheet_date_format: list = []


def bad_workbook(path):
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet_date_format[:] = [book.add_format({"num_format": "yyyy-mm-dd"})]
    sheet.write_row(0, 0, HEADERS_ZH[:3])
    every_bad_row(sheet)
    sheet.write_formula(13, 1, '="己"&"公司"', None, "己公司")              # a formula with its value: fine
    sheet.write(13, 0, code(22))
    book.close()
    return path


EXPECTED = [(3, "uscc", "uscc.check"), (4, "uscc", "imports.duplicate_in_file"),
            (5, "uscc", "imports.number_for_text"), (6, "region", "region.unknown"),
            (8, "name", "imports.merged"), (9, "name", "imports.formula"),
            (10, "name", "imports.date_in_text"), (11, "name", "text.required"),
            (12, "name", "text.control"), (13, "name", "imports.number_for_text")]


def test_every_kind_of_bad_row_is_named_and_nothing_is_imported(bare_store, tmp_path):
    path = bad_workbook(tmp_path / "bad.xlsx")
    with pytest.raises(ImportRefused) as caught:
        import_applicants(bare_store, path)
    found = [(p.field[1], p.field[2], p.code) for p in caught.value.problems]
    assert found == EXPECTED
    assert applicant_count(bare_store) == 0 and event_count(bare_store, "applicant.import") == 0
    assert not (tmp_path / "bad.errors.xlsx").exists()
    first = caught.value.problems[0]
    assert first.message("zh_CN").startswith("第 3 行 统一社会信用代码：校验位错误")
    assert first.message("en").startswith("row 3, uscc: check character wrong")


def test_skip_invalid_imports_the_good_rows_and_writes_the_rejected_ones(bare_store, tmp_path):
    path = bad_workbook(tmp_path / "bad.xlsx")
    result = import_applicants(bare_store, path, skip_invalid=True)
    assert (result.imported, result.skipped) == (3, len(EXPECTED))
    names = sorted(r["name"] for r in bare_store.applicants.list())
    assert names == sorted(["好公司", "合并公司", "己公司"])
    rejected = CalamineWorkbook.from_path(str(tmp_path / "bad.errors.xlsx")).get_sheet_by_index(0).to_python()
    assert rejected[0][-1] == "问题 problems"
    assert [int(row[0]) for row in rejected[1:]] == [row for row, _, _ in EXPECTED]
    assert "row 3, uscc" in rejected[1][-1]
    assert list(tmp_path.glob(".brandmark-*")) == []          # the temporary file was renamed


def test_duplicates_against_the_register_and_dry_run(bare_store, tmp_path):
    bare_store.applicants.add(name="已登记", uscc=code(30))
    path = write_xlsx(tmp_path / "a.xlsx", HEADERS_ZH, [[code(30), "又一家"], [code(31), "新公司"]])
    with pytest.raises(ImportRefused) as caught:
        import_applicants(bare_store, path)
    assert [(p.field, p.code) for p in caught.value.problems] == [(("row", 2, "uscc"), "applicant.duplicate_uscc")]
    result = import_applicants(bare_store, path, skip_invalid=True, dry_run=True)
    assert (result.imported, result.skipped, result.error_file) == (1, 1, None)
    assert applicant_count(bare_store) == 1


def test_a_missing_column_refuses_the_file(bare_store, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", ["企业名称", "地区"], [["甲", "杭州"]])
    with pytest.raises(ImportRefused) as caught:
        import_applicants(bare_store, path)
    assert [p.code for p in caught.value.problems] == ["imports.missing_column"]
    assert "统一社会信用代码" in caught.value.problems[0].message("zh_CN")


def test_a_file_not_utf8_nor_gb18030_is_refused(bare_store, tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes("企业名称,统一社会信用代码\n".encode("gb18030") + b"\xff\xff\xff,x\n")
    with pytest.raises(RefusedInput) as caught:
        import_applicants(bare_store, path)
    assert caught.value.problems[0].code == "imports.encoding"


def test_products_import_by_the_applicants_code(bare_store, tmp_path):
    applicant = bare_store.applicants.add(name="甲", uscc=code(40))
    path = write_xlsx(tmp_path / "p.xlsx", ["统一社会信用代码", "产品名称", "型号", "标准编号"], [
        [code(40), "电热水器", "DSZF-60", "t/zzb 0123-2024"],
        [code(41), "无主产品", "", ""],
        [code(40), "电热水器", "DSZF-60", ""],
        [code(40), "燃气灶", "", "GB 1"]])
    with pytest.raises(ImportRefused) as caught:
        import_products(bare_store, path)
    assert [(p.field[1], p.code) for p in caught.value.problems] == [
        (3, "imports.unknown_applicant"), (4, "imports.duplicate_product"), (5, "standard.format")]
    result = import_products(bare_store, path, skip_invalid=True)
    assert result.imported == 1
    (product,) = bare_store.applicants.products(applicant)
    assert (product["name"], product["models"], product["standard"]) == ("电热水器", "DSZF-60", "T/ZZB 0123—2024")
    assert event_count(bare_store, "product.import") == 1
    with pytest.raises(ImportRefused) as again:
        import_products(bare_store, write_xlsx(tmp_path / "p2.xlsx", ["uscc", "product", "models"],
                                               [[code(40), "电热水器", "DSZF-60"]]))
    assert again.value.problems[0].code == "imports.product_registered"


def test_cli_exit_2_lists_every_problem_and_json_has_the_counts(tmp_path, capsys):
    path = bad_workbook(tmp_path / "bad.xlsx")
    db = tmp_path / "cli.db"
    assert main(["--db", str(db), "applicants", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n第 ") + err.startswith("第 ") >= len(EXPECTED)
    assert "row 13, name" in err

    assert main(["--db", str(db), "applicants", "import", str(path), "--json"]) == 2
    refused = json.loads(capsys.readouterr().out)
    assert refused["imported"] == 0 and len(refused["errors"]) == len(EXPECTED)
    assert refused["errors"][0] | {"message": ""} == {"row": 3, "column": "统一社会信用代码", "field": "uscc",
                                                       "code": "uscc.check", "message": ""}

    assert main(["--db", str(db), "applicants", "import", str(path), "--skip-invalid", "--json"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert (done["imported"], done["skipped"]) == (3, len(EXPECTED))
    assert done["error_file"].endswith("bad.errors.xlsx")


def test_a_large_file_is_one_transaction_and_one_event(bare_store, tmp_path):
    rows = [[code(1000 + n), f"企业{n}", "杭州"] for n in range(5000)]
    path = write_csv(tmp_path / "big.csv", HEADERS_ZH[:3], rows, "utf-8")
    result = import_applicants(bare_store, path)
    assert result.imported == 5000 and applicant_count(bare_store) == 5000
    assert event_count(bare_store, "applicant.import") == 1
    assert event_count(bare_store, "applicant.add") == 0


def test_every_kind_of_bad_text_in_a_plain_csv_is_named_cell_by_cell(bare_store, tmp_path):
    # A plain file's text columns are checked whole at once; a column with one bad cell is
    # checked cell by cell, with every problem's row, column and code as before.
    rows = [[code(1), " 甲公司 ", "杭州", "某路1号", "电器", "张三"],
            [code(2), "控制\x07字符", "杭州", "某路2号", "电器", "李四"],
            [code(3), "乙公司", "杭州", "某路\u202e3号", "电器", "王五"],
            [code(4), "丙公司", "杭州", "某路4号", "Cafe\u0301", "赵六"],
            [code(5), "丁公司", "杭州", "某路5号", "电器", "长" * 501],
            [code(6), "", "杭州", "某路6号", "电器", "孙七"],
            [code(7), "戊" * 201, "杭州", "某路7号", "电器", "周八"]]
    path = write_csv(tmp_path / "bad.csv", HEADERS_ZH, rows, "utf-8")
    with pytest.raises(ImportRefused) as caught:
        import_applicants(bare_store, path)
    assert [(p.field[1], p.field[2], p.code) for p in caught.value.problems] == [
        (3, "name", "text.control"), (4, "address", "text.direction_control"), (6, "contact", "text.over_length"),
        (7, "name", "text.required"), (8, "name", "text.over_length")]
    result = import_applicants(bare_store, path, skip_invalid=True)
    assert result.imported == 2
    stored = {r["uscc"]: r for r in bare_store.applicants.list(order_by="id")}
    assert stored[code(1)]["name"] == "甲公司"                       # stripped
    assert stored[code(4)]["industry"] == "Café"                     # made NFC, not kept as it was


KEPT_CHARS = ["a", "杭", " ", "\t", "e", "\u0301", "\u0338", "=", "A\u030a", "\u1100", "\u1161", "\u11a8",
              "\x07", "\u202e", "\u3000", "\u00c5", "\ufb01"]


@settings(max_examples=300, deadline=None)
@example(column=["e", "\u0301"], name="address")             # é when joined without the tab
@example(column=["\u1100", "\u1161"], name="address")        # 가 when joined without the tab
@given(column=st.lists(st.lists(st.sampled_from(KEPT_CHARS), max_size=4).map("".join), min_size=1, max_size=8),
       name=st.sampled_from(["name", "address"]))
def test_a_column_is_kept_as_it_is_exactly_when_each_cell_alone_is(column, name):
    # The column's cells are searched and NFC-checked joined by a tab: that must say what each
    # cell alone says (a combining mark or a Hangul vowel after a tab composes with nothing), and
    # a cell so kept is what the cell-by-cell check keeps, without a problem.
    from brandmark.imports.core import _clean, _kept_as_is

    rows = [[cell] for cell in column]
    required = name == "name"
    assert _kept_as_is(rows, 0, name, required=required) == all(
        _kept_as_is([row], 0, name, required=required) for row in rows)
    for cell in column:
        if _kept_as_is([[cell]], 0, name, required=required):
            problems: list = []
            assert _clean(cell, name, 2, problems, required=required) == cell.strip() and not problems
