"""``export`` takes the window's table view (search, sort, direction): the one core function
(``export_register``) the registers' Export buttons call, with the same options on the CLI."""

from __future__ import annotations

from python_calamine import CalamineWorkbook

from brandmark.cli import main
from brandmark.exports import export_register
from brandmark.store import Store
from brandmark.uscc import make_uscc
from test_certificates_support import issued

NAMES = ["杭州甲电器有限公司", "宁波乙电器有限公司", "杭州丙电器有限公司", "杭州阿尔法电器有限公司"]


def first_column(path, column=0):
    return [row[column] for row in CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()[1:]]


def test_applicants_by_pinyin_descending_from_the_command(tmp_path, clock, capsys):
    db = tmp_path / "v.db"
    with Store(db, clock=clock, load_bundled_packs=False) as store:
        for serial, name in enumerate(NAMES):
            store.applicants.add(name=name, uscc=make_uscc("91", "330100", f"W{serial:07d}"), actor="t")
    out = tmp_path / "a.xlsx"
    assert main(["--db", str(db), "export", "applicants", "-o", str(out), "--search", "杭州", "--sort", "name",
                 "--descending", "--lang", "zh_CN"]) == 0
    assert first_column(out, 1) == ["杭州甲电器有限公司", "杭州丙电器有限公司", "杭州阿尔法电器有限公司"]
    assert main(["--db", str(db), "export", "applicants", "-o", str(out), "--sort", "name"]) == 0
    assert first_column(out, 1) == ["杭州阿尔法电器有限公司", "杭州丙电器有限公司", "杭州甲电器有限公司", "宁波乙电器有限公司"]


def test_assessments_and_certificates_follow_the_register_order(store, tmp_path, capsys):
    certificates = [issued(store, name=name) for name in NAMES]
    path = tmp_path / "a.xlsx"
    export_register(store, "assessments", path, language="en")
    newest_first = first_column(path)
    assert newest_first == sorted(newest_first, reverse=True) and len(newest_first) == 4   # the window's default
    export_register(store, "assessments", path, language="en", search="宁波")
    assert len(first_column(path)) == 1
    export_register(store, "assessments", path, language="en", order_by="applicant", descending=False)
    assert first_column(path, 1) == ["杭州阿尔法电器有限公司", "杭州丙电器有限公司", "杭州甲电器有限公司", "宁波乙电器有限公司"]

    numbers = sorted(c["number"] for c in certificates)
    export_register(store, "certificates", path, language="en", order_by="number", descending=False)
    assert first_column(path) == numbers
    assert main(["--db", str(store.path), "export", "certificates", "-o", str(path), "--sort", "number"]) == 0
    assert first_column(path) == numbers[::-1]
    assert main(["--db", str(store.path), "export", "certificates", "-o", str(path), "--sort", "number",
                 "--ascending"]) == 0
    assert first_column(path) == numbers
