"""The register models: lazy (only the pages asked for are read), sorted and searched by
the store, first without a view, then under a real QTableView."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QModelIndex, Qt  # noqa: E402
from PySide6.QtWidgets import QTableView  # noqa: E402

from brandmark.name_keys import name_sort_key  # noqa: E402
from brandmark.store import Store  # noqa: E402
from brandmark.ui.qt_models import QtApplicantsModel, QtAssessmentsModel  # noqa: E402
from brandmark.uscc import make_uscc  # noqa: E402

pytestmark = pytest.mark.gui
ROWS = 1_000
CITIES = ["hangzhou", "ningbo", "wenzhou", None]


def _name(i: int) -> str:
    # Names that do not sort like their ids: reverse digit order plus a repeated word.
    return f"企业{str(i)[::-1]:>04}{'电器' if i % 7 == 0 else '纺织'}有限公司"


@pytest.fixture(scope="module")
def big_store():
    store = Store(":memory:", load_bundled_packs=False)
    rows = [{"name": _name(i), "name_sort": name_sort_key(_name(i)), "uscc": make_uscc("91", "330100", f"{i:08d}"), "region": CITIES[i % 4],
             "address": f"地址 {i}", "industry": "制造", "contact": "", "demo": 0,
             "created_at": "2026-01-01T00:00:00+00:00", "updated_at": "2026-01-01T00:00:00+00:00"}
            for i in range(1, ROWS + 1)]
    with store.atomic():
        store.db["applicants"].insert_all(rows)
    yield store
    store.close()


@pytest.fixture
def model(big_store, qapp):
    return QtApplicantsModel(big_store, page_size=100, max_pages=4)


def column(model, key: str) -> int:
    return [c.key for c in model.columns].index(key)


def test_row_count_comes_from_the_store_without_reading_rows(model):
    assert model.rowCount() == ROWS
    assert model.columnCount() == len(model.columns)
    assert model.fetched_pages == []
    assert model.rowCount(model.index(0, 0)) == 0     # a table: rows have no children


def test_reading_a_cell_fetches_only_its_page(model):
    assert model.data(model.index(0, column(model, "name"))) == _name(1)
    assert model.fetched_pages == [0]
    assert model.data(model.index(750, column(model, "id"))) == 751
    assert model.fetched_pages == [0, 7]
    model.data(model.index(760, 1))                    # same page again: served from the cache
    assert model.fetched_pages == [0, 7]


def test_cache_is_bounded_whatever_is_scrolled(model):
    for position in range(0, ROWS, 50):
        model.data(model.index(position, 1))
    assert model.cached_rows() <= model.page_size * model.max_pages
    assert len(model.fetched_pages) == ROWS // model.page_size


def test_past_the_end_and_invalid_indexes_give_nothing(model):
    assert model.data(QModelIndex()) is None
    assert model.row(ROWS) is None and model.row(-1) is None
    assert model.data(model.index(0, 99)) is None


def test_region_shows_the_city_name(model, big_store):
    assert model.data(model.index(0, column(model, "region"))) == "宁波市"        # applicant 1 → CITIES[1]
    english = QtApplicantsModel(big_store, language="en")
    assert english.data(english.index(0, column(english, "region"))) == "Ningbo"


def test_sorting_by_name_is_done_by_the_store(model):
    model.sort(column(model, "name"), Qt.SortOrder.DescendingOrder)
    expected = sorted((_name(i) for i in range(1, ROWS + 1)), key=name_sort_key, reverse=True)
    shown = [model.data(model.index(i, column(model, "name"))) for i in (0, 1, 2, 500, ROWS - 1)]
    assert shown == [expected[0], expected[1], expected[2], expected[500], expected[ROWS - 1]]
    model.sort(column(model, "id"), Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, column(model, "id"))) == 1


def test_sorting_resets_cache_and_view(model, qtbot):
    model.data(model.index(0, 1))
    with qtbot.waitSignal(model.modelReset):
        model.sort(column(model, "uscc"), Qt.SortOrder.AscendingOrder)
    assert model.fetched_pages == []


def test_search_by_name_fragment(model):
    model.set_search("电器")
    expected = [i for i in range(1, ROWS + 1) if "电器" in _name(i)]
    assert model.rowCount() == len(expected)
    assert all("电器" in model.data(model.index(i, 1)) for i in range(model.rowCount()))
    model.set_search("")
    assert model.rowCount() == ROWS


def test_search_by_code_fragment_ignores_case_and_spaces(model):
    code = make_uscc("91", "330100", f"{123:08d}")
    model.set_search(" " + code[8:14].lower() + " ")
    rows = [model.data(model.index(i, column(model, "uscc"))) for i in range(model.rowCount())]
    assert code in rows
    assert all(code[8:14] in row for row in rows)


def test_search_with_like_wildcards_is_literal(model):
    model.set_search("%")
    assert model.rowCount() == 0


def test_headers_are_translated_column_titles(model):
    assert model.headerData(column(model, "uscc"), Qt.Orientation.Horizontal) in ("Credit code", "统一社会信用代码")
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_a_view_reads_only_the_visible_page(model, qtbot):
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.setModel(model)
    view.show()
    qtbot.waitUntil(lambda: model.fetched_pages != [])
    qtbot.wait(20)
    assert model.fetched_pages == [0]
    view.scrollToBottom()
    last_page = (ROWS - 1) // model.page_size
    qtbot.waitUntil(lambda: model.fetched_pages[-1] == last_page)
    assert len(set(model.fetched_pages)) <= 3           # never the pages in between


def test_view_sorting_through_the_header_calls_the_store(model, qtbot):
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.sortByColumn(column(model, "name"), Qt.SortOrder.AscendingOrder)
    assert model.order_by == "name" and not model.descending
    assert model.data(model.index(0, 1)) == min(_name(i) for i in range(1, ROWS + 1))


@pytest.fixture(scope="module")
def demo_store():
    from brandmark.demo import load_demo

    store = Store(":memory:")
    load_demo(store)
    yield store
    store.close()


def test_assessments_model_lists_newest_first_and_searches(demo_store, qapp):
    model = QtAssessmentsModel(demo_store)
    total = len(demo_store.assessments.list())
    assert model.rowCount() == total
    ids = [model.row_id(i) for i in range(total)]
    assert ids == sorted(ids, reverse=True)
    model.set_search("自评")
    assert 0 < model.rowCount() < total
    assert all(model.row(i)["mode"] == "self" for i in range(model.rowCount()))


def test_assessments_model_sorts_by_applicant(demo_store, qapp):
    model = QtAssessmentsModel(demo_store)
    model.sort(column(model, "applicant"), Qt.SortOrder.AscendingOrder)
    names = [model.data(model.index(i, column(model, "applicant"))) for i in range(model.rowCount())]
    assert names == sorted(names, key=name_sort_key)          # by pinyin, as the applicants register


def test_pages_are_read_from_the_edge_keys_of_pages_already_read(big_store, qapp, monkeypatch):
    """Keyset paging in the window (issue 13 §2): the next page down starts after the last
    row read, the next page up before the first; a jump starts from the nearest known edge
    (the end for the last page), so no page asks SQLite to step over more rows than lie
    between it and a page already seen. Whatever the order of reading, every position holds
    the row the store's full ordered list has there."""
    calls: list[dict] = []
    real = big_store.applicants.list

    def recording(search=None, **asked):
        calls.append(asked)
        return real(search, **asked)

    monkeypatch.setattr(big_store.applicants, "list", recording)
    model = QtApplicantsModel(big_store, page_size=100, max_pages=3)
    model.sort(column(model, "name"), Qt.SortOrder.AscendingOrder)
    everything = [r["id"] for r in real(limit=ROWS, order_by="name")]
    calls.clear()
    assert model.row_id(ROWS - 1) == everything[-1]
    assert calls[-1]["from_end"] and calls[-1].get("offset") == 0
    assert model.row_id(ROWS - 150) == everything[ROWS - 150]          # the page above: before its first key
    assert "before" in calls[-1] and calls[-1].get("offset", 0) == 0
    assert model.row_id(0) == everything[0] and model.row_id(150) == everything[150]
    assert "after" in calls[-1] and calls[-1].get("offset", 0) == 0
    assert model.row_id(520) == everything[520]       # a jump: 2 pages above page 8, 3 below page 1
    assert calls[-1].get("offset") == 200 and "before" in calls[-1]
    for position in (999, 0, 433, 10, 877, 500, 299, 300, 650):
        assert model.row_id(position) == everything[position], position
    assert max(call.get("offset", 0) for call in calls) <= 400


def _recording(monkeypatch, owner, name: str) -> list[dict]:
    calls: list[dict] = []
    real = getattr(owner, name)

    def recording(*args, **asked):
        calls.append(asked)
        return real(*args, **asked)

    monkeypatch.setattr(owner, name, recording)
    return calls


def _read_every_way(model, everything: list, calls: list[dict]) -> None:
    """The last row first (from the end), the page above it (before its first key), the first,
    the next down (after the last key), then anywhere: every position holds the full list's row."""
    total = len(everything)
    assert model.rowCount() == total
    assert model.row_id(total - 1) == everything[-1] and calls[-1]["from_end"]
    assert model.row_id(total - 1 - model.page_size) == everything[total - 1 - model.page_size]
    assert "before" in calls[-1] and not calls[-1].get("offset")
    assert model.row_id(0) == everything[0] and model.row_id(model.page_size) == everything[model.page_size]
    assert "after" in calls[-1] and not calls[-1].get("offset")
    for position in (total // 2, 1, total - 2, 7, total // 3):
        assert model.row_id(position) == everything[position], position


@pytest.mark.parametrize("order_by, descending", [("id", True), ("updated_at", False), ("product", True),
                                                  ("decision", False)])
def test_the_assessments_model_pages_from_edge_keys(mini_store, qapp, monkeypatch, order_by, descending):
    """Keyset paging in the window's assessments register: pages next to one already read start
    from its edge key, in every order (ties and NULLs included), and show the full query's rows."""
    from test_register_paging_records import fill_assessments

    fill_assessments(mini_store)
    everything = [r["id"] for r in mini_store.assessments.register(limit=1000, order_by=order_by,
                                                                   descending=descending)]
    calls = _recording(monkeypatch, mini_store.assessments, "register")
    model = QtAssessmentsModel(mini_store, page_size=4, max_pages=2)
    model.sort(column(model, order_by), Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
    calls.clear()
    _read_every_way(model, everything, calls)


@pytest.mark.parametrize("order_by, descending", [("created_at", True), ("holder_name", False), ("status", True),
                                                  ("next_surveillance", False)])
def test_the_certificates_model_pages_from_edge_keys(mini_store, qapp, monkeypatch, order_by, descending):
    from brandmark.ui.qt_certificates_page import QtCertificatesModel
    from test_register_paging_records import fill_certificates

    fill_certificates(mini_store)
    everything = [r["number"] for r in mini_store.certificates.list(limit=1000, order_by=order_by,
                                                                    descending=descending)]
    calls = _recording(monkeypatch, mini_store.certificates, "list")
    model = QtCertificatesModel(mini_store, {}, page_size=4, max_pages=2)
    if (order_by, descending) != model.default_order:          # newest first: no column of its own
        model.sort(column(model, order_by), Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
    calls.clear()
    _read_every_way(model, everything, calls)
    model.set_status("valid")
    valid = [r["number"] for r in mini_store.certificates.list("valid", limit=1000, order_by=order_by,
                                                               descending=descending)]
    assert [model.row_id(i) for i in range(model.rowCount())] == valid
