"""Shared fixtures for the core tests.

Every test runs with ``BRANDMARK_DATA_DIR`` and ``BRANDMARK_DB`` pointed into its own
temporary folder (autouse), so no test can read or write the real user data folder.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from support import FIXED_NOW, MINI_GRANT, MINI_PACK, TEST_PASSPHRASE, new_certification_assessment, register_staff

# Property tests: no per-example deadline (a 2-core CI machine is slow and noisy),
# few enough examples that the whole core suite stays well under a minute.
settings.register_profile(
    "brandmark", deadline=None, max_examples=60,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile("thorough", deadline=None, max_examples=1000,
                          suppress_health_check=[HealthCheck.function_scoped_fixture])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "brandmark"))


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """No test touches the real user data folder or default database."""
    home = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("BRANDMARK_DATA_DIR", str(home))
    monkeypatch.setenv("BRANDMARK_DB", str(home / "default.db"))
    return home


@pytest.fixture(autouse=True)
def cheap_passphrase_keys(monkeypatch):
    """Personal keys sealed with a small scrypt cost: hundreds of tests register people.
    The sealed form records its cost, and tests/test_people_keys.py checks the real one."""
    from brandmark import people_keys

    monkeypatch.setattr(people_keys, "SCRYPT_N", 2 ** 8)


@pytest.fixture
def passphrase(monkeypatch):
    """The staff's passphrase, where the CLI looks for it (BRANDMARK_PASSPHRASE)."""
    monkeypatch.setenv("BRANDMARK_PASSPHRASE", TEST_PASSPHRASE)
    return TEST_PASSPHRASE


@pytest.fixture
def clock():
    """A fixed clock so dates (deadlines, events) are predictable."""
    return lambda: FIXED_NOW


@pytest.fixture
def store(tmp_path, clock):
    """A fresh on-disk store (WAL, like the real app) with the bundled packs loaded."""
    from brandmark.store import Store

    with Store(tmp_path / "test.db", clock=clock) as opened:
        register_staff(opened)
        yield opened


@pytest.fixture
def bare_store(tmp_path, clock):
    """A fresh store without the bundled packs (fast; only what a test imports)."""
    from brandmark.store import Store

    with Store(tmp_path / "bare.db", clock=clock, load_bundled_packs=False) as opened:
        yield opened


@pytest.fixture
def mini_pack():
    from brandmark.packs import load_pack

    return load_pack(MINI_PACK)


@pytest.fixture
def mini_store(bare_store):
    """A store holding only the mini pack (id ``mini``, version ``1``)."""
    bare_store.schemes.import_file(MINI_PACK, actor="tester")
    register_staff(bare_store)
    return bare_store


@pytest.fixture
def applicant(mini_store):
    """One registered applicant in ``mini_store``; returns its id."""
    return mini_store.applicants.add(name="杭州测试电器有限公司", uscc="91350100M000100Y43",
                                     region="杭州", actor="tester")


ASSESSOR = "张三"      # the registered assessor who works through the window's walk-through tests


@pytest.fixture
def mini_assessment(mini_store, applicant):
    """An open certification assessment of the mini pack in ``mini_store``, by 张三 (from an
    accepted application, the only way in)."""
    return new_certification_assessment(mini_store, applicant, "mini", assessor=ASSESSOR, product="电水壶")


@pytest.fixture
def page_language():
    """The window's language for ``open_page``; a test module overrides this fixture."""
    return "zh_CN"


@pytest.fixture
def open_page(qtbot, page_language):
    """Opens an assessment's walk-through as the real, shown and active window (pytest-qt):
    ``page = open_page(store, assessment_id, user="王五")``; ``language`` for one page, else
    ``page_language``. Keys typed by the tests reach it as a person's would, which needs the
    page to be the active window."""
    from PySide6.QtWidgets import QApplication

    from brandmark.ui.qt_assessment_page import QtAssessmentPage
    from brandmark.ui.qt_context import QtAppContext

    def open_walk_through(store, assessment_id: int, *, user: str = ASSESSOR,
                          language: str | None = None) -> QtAssessmentPage:
        context = QtAppContext(store)
        context.user_name, context.language = user, language or page_language
        page = QtAssessmentPage(context)
        qtbot.addWidget(page)
        page.resize(1280, 800)
        page.show()
        qtbot.waitExposed(page)
        page.open_assessment(assessment_id)
        page.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
        return page

    return open_walk_through


@pytest.fixture
def mini_grant_answers():
    return dict(MINI_GRANT)
