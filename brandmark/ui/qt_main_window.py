"""The main window: a sidebar of pages, a stack showing one, menus, persisted geometry.

The window paints before the database opens: ``app.main`` shows it, then calls
``attach(context)`` on the next turn of the event loop. Pages are built the first time
they are shown; pages written elsewhere (assessment walk-through, certificates, brand
value) are imported lazily and guarded, so a page that is missing or broken shows
"not available yet" instead of taking the window down.

>>> window = QtMainWindow(QtPreferences())   # doctest: +SKIP
>>> window.show(); window.attach(context)    # doctest: +SKIP
>>> window.show_page("schemes")              # doctest: +SKIP
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

# Only what the window needs before its first paint is imported here. PySide6 builds each
# class's Python side on first use, and the ``Qt`` namespace's enums alone cost tens of
# milliseconds, so the rest is imported inside the methods that need it.
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QVBoxLayout, QWidget,
)

from brandmark.paths import icons_dir
from brandmark.ui import qt_file_dialogs
from brandmark.ui.qt_i18n import LANGUAGE_NAMES, LANGUAGES
from brandmark.ui.qt_settings import QtPreferences

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent, QIcon, QPaintEvent


class PageSpec(NamedTuple):
    key: str
    title: str          # English source; translated in the "QtMainWindow" context
    module: str         # imported when the page is first shown
    class_name: str


# The sidebar's pages, in order; Ctrl+1..8 follow this order.
PAGES = (
    PageSpec("applicants", QT_TRANSLATE_NOOP("QtMainWindow", "Applicants"),
             "brandmark.ui.qt_applicants_page", "QtApplicantsPage"),
    PageSpec("assessments", QT_TRANSLATE_NOOP("QtMainWindow", "Assessments"),
             "brandmark.ui.qt_assessments_page", "QtAssessmentsPage"),
    PageSpec("certificates", QT_TRANSLATE_NOOP("QtMainWindow", "Certificates"),
             "brandmark.ui.qt_certificates_page", "QtCertificatesPage"),
    PageSpec("valuation", QT_TRANSLATE_NOOP("QtMainWindow", "Brand value"),
             "brandmark.ui.qt_valuation_page", "QtValuationPage"),
    PageSpec("schemes", QT_TRANSLATE_NOOP("QtMainWindow", "Schemes"),
             "brandmark.ui.qt_schemes_page", "QtSchemesPage"),
    PageSpec("deadlines", QT_TRANSLATE_NOOP("QtMainWindow", "Deadlines"),
             "brandmark.ui.qt_deadlines_page", "QtDeadlinesPage"),
    PageSpec("applications", QT_TRANSLATE_NOOP("QtMainWindow", "Applications"),
             "brandmark.ui.qt_applications_page", "QtApplicationsPage"),
    PageSpec("statistics", QT_TRANSLATE_NOOP("QtMainWindow", "Statistics"),
             "brandmark.ui.qt_statistics_page", "QtStatisticsPage"),
)
# Reached from the assessments register, not from the sidebar.
ASSESSMENT_PAGE = PageSpec("assessment", QT_TRANSLATE_NOOP("QtMainWindow", "Assessment"),
                           "brandmark.ui.qt_assessment_page", "QtAssessmentPage")

STYLE = """
QListWidget#sidebar { background: #f3f1ec; border: none; border-right: 1px solid #d9d4c7; font-size: 15px;
                      outline: 0; }
QListWidget#sidebar::item { padding: 10px 14px; }
QListWidget#sidebar::item:selected { background: #b22a2a; color: white; }
QLabel#loading { qproperty-alignment: AlignCenter; color: #666; }
QLabel#pageTitle { font-size: 20px; font-weight: bold; padding: 4px 0 8px 0; }
QLabel#welcomeTitle { font-size: 26px; font-weight: bold; color: #b22a2a; }
QFrame#welcomeCard { background: white; border: 1px solid #d9d4c7; border-radius: 8px; padding: 18px; }
QLabel#welcomeNote, QLabel#welcomeDatabase, QLabel#placeholderDetail { color: #666; }
QPushButton#primaryButton { background: #b22a2a; color: white; padding: 6px 16px; border-radius: 4px; }
QLabel#registerWarning { background: #fdecea; color: #8a1c1c; border: 1px solid #e3a5a0; border-radius: 3px;
                         padding: 6px 10px; }
QLabel#damageBanner { background: #fde8e8; color: #8a1c1c; border: 1px solid #d88; border-radius: 4px;
                      padding: 8px 10px; margin-bottom: 8px; }
QLabel#demoBadge { background: #fff3c4; color: #7a5c00; border: 1px solid #e0c060; border-radius: 3px;
                   padding: 1px 6px; }
"""


def app_icon() -> QIcon:
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for name in ("brandmark.svg", "brandmark-256.png", "brandmark-48.png"):
        path = icons_dir() / name
        if path.is_file():
            icon.addFile(str(path))
    return icon


# How long attach waits for the first page's paint before doing what follows it anyway.
AFTER_FIRST_PAGE_WAIT_MS = 500


class QtPlaceholderPage(QWidget):
    """Stands in for a page that is not installed (yet) or failed to start."""

    def __init__(self, title: str, detail: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        message = QLabel(self.tr("This page is not available yet."))
        message.setObjectName("placeholderMessage")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(message)
        if detail:
            note = QLabel(detail)
            note.setObjectName("placeholderDetail")
            note.setWordWrap(True)
            from PySide6.QtCore import Qt

            note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(note)
        layout.addStretch(1)


class QtAssessmentHost(QWidget):
    """The assessment walk-through page with a way back to the register."""

    def __init__(self, page: QWidget, back: Callable[[], None], parent: QWidget | None = None):
        from PySide6.QtWidgets import QPushButton

        super().__init__(parent)
        self.page = page
        back_button = QPushButton(self.tr("← Back to the assessments register"))
        back_button.setFlat(True)
        back_button.clicked.connect(back)
        bar = QHBoxLayout()
        bar.addWidget(back_button)
        bar.addStretch(1)
        self.clock = None
        if getattr(page, "context", None) is not None:
            from brandmark.ui.qt_deadlines_page import QtAssessmentClock
            self.clock = QtAssessmentClock(page.context, self)
            bar.addWidget(self.clock)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(page, 1)


class QtMainWindow(QMainWindow):
    first_painted = Signal()      # once, after the window first reached the screen

    def __init__(self, preferences: QtPreferences | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.preferences = preferences or QtPreferences()
        qt_file_dialogs.use_settings(self.preferences.settings)     # file dialogs' folders, per purpose
        self.context = None
        self.import_dialog = None       # File → Import applicants…/products… (qt_import_dialog)
        self.pages: dict[str, QWidget] = {}
        self.page_errors: dict[str, str] = {}
        self.current_key = ""
        self._painted = False
        self.register_check = None     # the background db verify, started once the first page painted
        self._after_first_page: list[Callable[[], None]] | None = []     # after_first_page's waiting work
        self.exchange = None           # File → Export for the register… / Import… (_fill_menus)
        self.setAcceptDrops(True)      # a .bmx bundle dropped anywhere on the window is imported
        self.setWindowTitle(self.tr("brandmark — 品字标 certification"))
        self.setStyleSheet(STYLE)
        self.resize(1280, 800)

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(160)
        for spec in PAGES:
            self.sidebar.addItem(QListWidgetItem(QCoreApplication.translate("QtMainWindow", spec.title)))
        self.sidebar.currentRowChanged.connect(self._sidebar_changed)
        self.stack = QStackedWidget()
        self.loading = QLabel(self.tr("Opening the database…"))
        self.loading.setObjectName("loading")
        self.stack.addWidget(self.loading)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(16, 10, 16, 6)
        self.register_warning = QLabel()
        self.register_warning.setObjectName("registerWarning")
        self.register_warning.setWordWrap(True)
        self.register_warning.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.register_warning.hide()
        content_layout.addWidget(self.register_warning)
        # Shown when the register failed its check at open and is read-only (attach).
        self.damage_banner = QLabel()
        self.damage_banner.setObjectName("damageBanner")
        self.damage_banner.setWordWrap(True)
        self.damage_banner.hide()
        content_layout.addWidget(self.damage_banner)
        content_layout.addWidget(self.stack)
        layout.addWidget(content, 1)
        self.setCentralWidget(central)

        self.database_label = QLabel()
        self.database_label.setObjectName("databasePath")
        self.demo_badge = QLabel(self.tr("Demo data loaded"))
        self.demo_badge.setObjectName("demoBadge")
        self.demo_badge.hide()
        self.working_label = QLabel()
        self.working_label.setObjectName("workingPerson")
        self.session = None
        self.statusBar().addWidget(self.database_label, 1)
        self.statusBar().addPermanentWidget(self.demo_badge)
        self.statusBar().addPermanentWidget(self.working_label)
        self._build_menus()
        self.sidebar.setEnabled(False)
        geometry = self.preferences.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)

    # -- menus ------------------------------------------------------------------------
    def _build_menus(self) -> None:
        """The menu titles now; their actions once the window is on screen (``_fill_menus``):
        PySide6 builds the Python side of QAction, QIcon and Qt's key enums on first use,
        tens of milliseconds that the first paint need not wait for."""
        self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.page_actions: dict[str, QAction] = {}
        self.language_actions: dict[str, QAction] = {}
        self.first_painted.connect(self._fill_menus)

    def _fill_menus(self) -> None:
        if self.page_actions:
            return
        from PySide6.QtGui import QKeySequence

        self.demo_action = self.file_menu.addAction(self.tr("Load the &demo data"))
        self.demo_action.triggered.connect(self.load_demo)
        self.remove_demo_action = self.file_menu.addAction(self.tr("&Remove the demo data…"))
        self.remove_demo_action.triggered.connect(lambda: self.remove_demo())
        self.remove_demo_action.setEnabled(False)
        self.file_menu.addSeparator()
        from brandmark.ui.qt_backup import QtBackupActions

        self.backups = QtBackupActions(self)
        self.backups.add_to(self.file_menu)
        self.file_menu.addSeparator()
        from brandmark.ui.qt_exchange import QtExchangeActions

        self.exchange = QtExchangeActions(self)
        self.exchange.add_to(self.file_menu)
        self.file_menu.addSeparator()
        # Many applicants or products at once from a spreadsheet (qt_import_dialog).
        self.import_applicants_action = self.file_menu.addAction(self.tr("Import a&pplicants…"))
        self.import_applicants_action.setObjectName("importApplicants")
        self.import_applicants_action.triggered.connect(lambda: self.open_import("applicants"))
        self.import_products_action = self.file_menu.addAction(self.tr("Import produc&ts…"))
        self.import_products_action.setObjectName("importProducts")
        self.import_products_action.triggered.connect(lambda: self.open_import("products"))
        for action in (self.import_applicants_action, self.import_products_action):
            action.setEnabled(self.context is not None)
        self.file_menu.addSeparator()
        self.quit_action = self.file_menu.addAction(self.tr("&Quit"))
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)

        group = QActionGroup(self)
        for number, spec in enumerate(PAGES, start=1):
            action = self.view_menu.addAction(QCoreApplication.translate("QtMainWindow", spec.title))
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, key=spec.key: self.show_page(key))
            group.addAction(action)
            self.page_actions[spec.key] = action
        if self.current_key in self.page_actions:
            self.page_actions[self.current_key].setChecked(True)

        language_menu = self.settings_menu.addMenu(self.tr("&Language"))
        language_group = QActionGroup(self)
        for language in LANGUAGES:
            action = language_menu.addAction(LANGUAGE_NAMES[language])
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, lang=language: self.choose_language(lang))
            language_group.addAction(action)
            self.language_actions[language] = action
        if self.context is not None:
            self.language_actions.get(self.context.language, self.language_actions["zh_CN"]).setChecked(True)
        self.sign_in_action = self.settings_menu.addAction(self.tr("&Sign in…"))
        self.sign_in_action.triggered.connect(lambda: self.ask_sign_in())
        idle_action = self.settings_menu.addAction(self.tr("&Lock after idle time…"))
        idle_action.triggered.connect(self.ask_idle_minutes)

        self.guide_action = self.help_menu.addAction(self.tr("&User guide"))
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(self.show_guide)
        about = self.help_menu.addAction(self.tr("&About brandmark"))
        about.triggered.connect(self.show_about)

    def open_import(self, kind: str = "applicants"):
        """File → Import applicants… / Import products…: the import dialog (non-modal, one at a time)."""
        if self.context is None:
            return None
        from brandmark.ui.qt_import_dialog import QtImportDialog

        if self.import_dialog is not None and self.import_dialog.isVisible():
            self.import_dialog.raise_()
            return self.import_dialog
        self.import_dialog = QtImportDialog(self.context, self, kind=kind)
        self.import_dialog.open()
        return self.import_dialog

    # -- the database ------------------------------------------------------------------
    def attach(self, context) -> None:
        """Connect the window to an open database and show the first page."""
        self.context = context
        self.setWindowIcon(app_icon())      # here, not at start: the image plugin loads late
        self._fill_menus()
        self.language_actions.get(context.language, self.language_actions["zh_CN"]).setChecked(True)
        from brandmark.ui.qt_sign_in import QtSession

        self.session = QtSession(context, self.preferences.idle_lock_minutes, parent=self)
        context.session = self.session
        self.session.changed.connect(lambda _person: self._update_working_label())
        self.session.locked.connect(self._on_locked)
        self._update_working_label()
        self.database_label.setText(self.tr("Database: {0}").format(context.db_path or self.tr("in memory")))
        context.changed.connect(self._on_changed)
        self.sidebar.setEnabled(True)
        self._show_damage(context.store)
        self._update_demo_badge()
        self.backups.attach()
        self.exchange.attach()
        for action in (self.import_applicants_action, self.import_products_action):
            action.setEnabled(True)
        saved = self.preferences.current_page
        self.show_page(saved if saved in {spec.key for spec in PAGES} else "applicants")
        state = self.preferences.window_state()
        if state is not None:
            self.restoreState(state)
        self.after_first_page(self._check_register)
        # A window that never paints (hidden, minimised) still does its start-up work.
        QTimer.singleShot(AFTER_FIRST_PAGE_WAIT_MS, self._run_after_first_page)

    def after_first_page(self, work: Callable[[], None]) -> None:
        """Run ``work`` once the page ``attach`` showed has painted (what a user waits for at
        start-up), or ``AFTER_FIRST_PAGE_WAIT_MS`` after attach if the window never paints; at
        once when that moment has passed. Background work started before that paint (the
        register check, the day's backup) would take the interpreter from the first page."""
        if self._after_first_page is None:
            work()
        else:
            self._after_first_page.append(work)

    def _run_after_first_page(self) -> None:
        waiting, self._after_first_page = self._after_first_page, None
        for work in waiting or ():
            work()

    def _check_register(self) -> None:
        """Verify the event chain and evidence in the background; warn, never block."""
        if self.context.db_path is None:
            return
        from brandmark.ui.qt_register_check import QtRegisterCheck

        self.register_check = QtRegisterCheck(self._register_checked, self)
        self.register_check.start(self.context.db_path)

    def _register_checked(self, result) -> None:
        broken = result.first_broken
        if broken is None:
            self.register_warning.hide()
            return
        language = "zh_CN" if self.context.language.startswith("zh") else "en"
        self.register_warning.setText(self.tr(
            "The register's records were changed outside brandmark: {0}. Run “brandmark-cli db verify” "
            "for details, and restore a backup if nobody here made this change.").format(broken.message(language)))
        self.register_warning.show()

    def _show_damage(self, store) -> None:
        if not store.damage:
            self.damage_banner.hide()
            return
        found = store.damage[0] + (self.tr(" (and {0} more)").format(len(store.damage) - 1)
                                   if len(store.damage) > 1 else "")
        self.damage_banner.setText(self.tr(
            "This register is damaged and was opened read-only: you can look at everything, but nothing can be "
            "saved. Restore a backup with {0} (the backups are in the data folder's backups folder). The check "
            "found: {1}").format(store.damage_problem().params["restore"], found))
        self.damage_banner.show()

    def has_applicants(self) -> bool:
        return self.context is not None and self.context.store.applicants.count() > 0

    def _update_demo_badge(self) -> None:
        loaded = self.context.store.applicants.demo_loaded()
        self.demo_badge.setVisible(loaded)
        if hasattr(self, "remove_demo_action"):
            self.remove_demo_action.setEnabled(loaded)

    def _on_changed(self, topic: str) -> None:
        if topic in ("applicants", "all"):
            self._update_demo_badge()
            if self.current_key == "applicants" and self.stack.currentWidget() is self.pages.get("welcome") \
                    and self.has_applicants():
                self.show_page("applicants")

    # -- pages --------------------------------------------------------------------------
    def show_page(self, key: str) -> QWidget | None:
        """Show a sidebar page (building it on first use); the applicants page shows the
        welcome while the database has no applicant."""
        if self.context is None:
            return None
        if key == "applicants" and not self.has_applicants():
            widget = self._welcome()
        else:
            spec = next(spec for spec in PAGES if spec.key == key)
            widget = self._page(spec)
        self.current_key = key
        self.stack.setCurrentWidget(widget)
        position = [spec.key for spec in PAGES].index(key)
        if self.sidebar.currentRow() != position:
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(position)
            self.sidebar.blockSignals(False)
        if key in self.page_actions:
            self.page_actions[key].setChecked(True)
        return widget

    def _sidebar_changed(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self.show_page(PAGES[row].key)

    def _welcome(self) -> QWidget:
        if "welcome" not in self.pages:
            from brandmark.ui.qt_welcome import QtWelcomePage

            welcome = QtWelcomePage(self.context, self)
            welcome.create_applicant_requested.connect(self.add_first_applicant)
            welcome.demo_loaded.connect(lambda _result: self.show_page("applicants"))
            self._add(welcome, "welcome")
        return self.pages["welcome"]

    def _page(self, spec: PageSpec) -> QWidget:
        if spec.key not in self.pages:
            self._add(self._build_page(spec), spec.key)
        return self.pages[spec.key]

    def _add(self, widget: QWidget, key: str) -> None:
        self.pages[key] = widget
        self.stack.addWidget(widget)

    def _build_page(self, spec: PageSpec) -> QWidget:
        """Import and construct a page; a missing or failing page becomes a placeholder."""
        title = QCoreApplication.translate("QtMainWindow", spec.title)
        try:
            module = importlib.import_module(spec.module)
            page_class = getattr(module, spec.class_name)
            if spec.key == "schemes":
                page = page_class(self.context, self, preferences=self.preferences)
            else:
                page = page_class(self.context, self)
        except ModuleNotFoundError as exc:
            if exc.name != spec.module:        # the page exists but something it needs is missing
                return self._placeholder(spec, title, exc)
            self.page_errors[spec.key] = f"{spec.module} is not installed"
            return QtPlaceholderPage(title, parent=self)
        except Exception as exc:  # noqa: BLE001 — one broken page must not take the window down
            return self._placeholder(spec, title, exc)
        if spec.key == "applicants":
            page.new_assessment_requested.connect(self.new_assessment)
        if spec.key == "assessments":
            page.open_requested.connect(self.open_assessment)
            page.assign_requested.connect(lambda assessment_id: self.exchange.assign_to_assessor(assessment_id))
        if spec.key == "deadlines":
            page.open_assessment_requested.connect(self.open_assessment)
        if spec.key == "applications":
            page.new_assessment_requested.connect(self.new_assessment)
        return page

    def _placeholder(self, spec: PageSpec, title: str, exc: Exception) -> QWidget:
        detail = f"{type(exc).__name__}: {exc}"
        self.page_errors[spec.key] = detail
        print(f"brandmark: page {spec.key} failed to start: {detail}", file=sys.stderr)
        return QtPlaceholderPage(title, detail, parent=self)

    # -- actions across pages -----------------------------------------------------------
    def add_first_applicant(self) -> None:
        from brandmark.ui.qt_applicant_dialog import QtApplicantDialog

        dialog = QtApplicantDialog(self.context, self)
        if dialog.exec():
            self.show_page("applicants")

    def new_assessment(self, applicant_id: int | None = None) -> None:
        page = self.show_page("assessments")
        if hasattr(page, "new_assessment"):
            page.new_assessment(applicant_id)

    def open_assessment(self, assessment_id: int) -> QWidget | None:
        """Show the walk-through page for one assessment."""
        if ASSESSMENT_PAGE.key not in self.pages:
            page = self._build_page(ASSESSMENT_PAGE)
            self._add(QtAssessmentHost(page, lambda: self.show_page("assessments"), self), ASSESSMENT_PAGE.key)
            self._add_assessment_menu(page)
        host = self.pages[ASSESSMENT_PAGE.key]
        page = host.page
        if hasattr(page, "open_assessment"):
            page.open_assessment(assessment_id)
        if host.clock is not None:
            host.clock.show_for(assessment_id)
        self.stack.setCurrentWidget(host)
        self.current_key = "assessments"
        return page

    def _add_assessment_menu(self, page: QWidget) -> None:
        """The walk-through's own actions (navigation, undo, decision...) in a menu of their
        own, shown while the walk-through is."""
        actions = list(getattr(page, "menu_actions", []) or [])
        if not actions:
            return
        self.assessment_menu_action = self.menuBar().insertMenu(self.settings_menu.menuAction(),
                                                         _new_menu(self.tr("&Assessment"), self))
        self.assessment_menu_widget = self.assessment_menu_action.menu()
        self.assessment_menu_widget.addActions(actions)
        self.stack.currentChanged.connect(self._update_assessment_menu)
        self._update_assessment_menu()

    def _update_assessment_menu(self, *_args) -> None:
        host = self.pages.get(ASSESSMENT_PAGE.key)
        self.assessment_menu_action.setVisible(host is not None and self.stack.currentWidget() is host)

    def load_demo(self) -> None:
        self.show_page("applicants")
        from brandmark.ui.qt_welcome import QtWelcomePage

        welcome = self.pages.get("welcome")
        if not isinstance(welcome, QtWelcomePage):
            welcome = self._welcome()
        welcome.load_demo()

    def show_guide(self):
        """The user guide beside the window (not modal: it is read while working)."""
        from brandmark.ui.qt_guide import QtGuideDialog

        if getattr(self, "guide", None) is None:
            self.guide = QtGuideDialog(self)
        self.guide.show()
        self.guide.raise_()
        return self.guide

    def remove_demo(self, confirm: bool = True) -> dict | None:
        """Delete every demo record (and only those) after asking; a refusal names the real
        work that still refers to the demo. The event log keeps the demo's events."""
        from PySide6.QtWidgets import QMessageBox

        from brandmark.errors import RefusedInput
        from brandmark.store.demo_removal import remove_demo

        title = self.tr("Remove the demo data")
        if confirm and QMessageBox.question(
                self, title, self.tr("Delete every demo record (names starting with 【演示】, the two demo people "
                                     "and certificates under body code DEMO)? Real records are not touched; the "
                                     "event log keeps a record of the removal.")) != QMessageBox.StandardButton.Yes:
            return None
        try:
            removed = remove_demo(self.context.store, by=self.context.user_name or "window")
        except RefusedInput as exc:
            self.context.show_refusal(self, title, exc)
            return None
        self.context.notify("all")
        self.statusBar().showMessage(self.tr("Demo data removed: {0} applicants, {1} assessments, {2} certificates")
                                     .format(removed["applicants"], removed["assessments"], removed["certificates"]),
                                     10_000)
        return removed

    # -- settings -------------------------------------------------------------------------
    def choose_language(self, language: str) -> None:
        """Remember the language; it applies on the next start (offers to restart now)."""
        from PySide6.QtWidgets import QMessageBox

        self.preferences.language = language
        if self.context is not None and language == self.context.language:
            return
        answer = QMessageBox.question(
            self, self.tr("Language"),
            self.tr("The language changes the next time brandmark starts. Restart now?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.restart()

    def restart(self) -> None:
        from PySide6.QtCore import QProcess

        arguments = [argument for argument in sys.argv[1:]]
        if "--lang" in arguments:             # the explicit option would override the new choice
            position = arguments.index("--lang")
            del arguments[position:position + 2]
        if getattr(sys, "frozen", False):
            QProcess.startDetached(sys.executable, arguments)
        else:
            QProcess.startDetached(sys.executable, ["-m", "brandmark.ui.app", *arguments])
        QTimer.singleShot(0, self.close)

    # -- who is working ----------------------------------------------------------------
    def _update_working_label(self) -> None:
        person = self.session.person if self.session is not None else None
        working = (self.tr("Working: {0}").format(person["name"]) if person
                   else self.tr("Nobody signed in"))
        self.working_label.setText(working)
        # The title too: who is credited stays in view when the status bar is hidden or covered.
        self.setWindowTitle(self.tr("brandmark — 品字标 certification") + " — " + working)

    def ask_sign_in(self, reason: str = ""):
        """The sign-in screen (non-blocking); the one place that changes who is working."""
        if self.session is None or not self.isVisible():
            return None         # a closed window asks nobody (a dialog would keep the app running)
        from brandmark.ui.qt_sign_in import QtSignInDialog

        self.sign_in_dialog = QtSignInDialog(self.session, reason=reason, parent=self)
        self.sign_in_dialog.finished.connect(lambda _result: self._update_working_label())
        self.sign_in_dialog.open()
        return self.sign_in_dialog

    def _on_locked(self) -> None:
        self.ask_sign_in(self.tr("The session locked after {0} minutes without input. Sign in again to go on.")
                         .format(self.session.idle_minutes))

    def ask_idle_minutes(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        minutes, ok = QInputDialog.getInt(self, self.tr("Lock after idle time"),
                                          self.tr("Lock the session after this many minutes without input:"),
                                          self.preferences.idle_lock_minutes, 1, 240)
        if ok:
            self.preferences.idle_lock_minutes = minutes
            if self.session is not None:
                self.session.set_idle_minutes(minutes)

    def about_text(self) -> str:
        """What Help → About says: the version, then where this installation keeps its data
        (what an IT person asks for first) and the key id certificates are signed with."""
        import html

        from brandmark.about import installation

        facts = installation(self.context.store if self.context is not None else None)
        database = str(facts.database) if facts.database is not None else self.tr("in memory")
        return self.tr(
            "<b>brandmark {0}</b><p>Assessment, scoring, certificates and brand-value estimates for the "
            "Zhejiang 品字标 brand (standard plus certification).</p><p>The reference scheme packs are "
            "brandmark's own modelling, not official text.</p><p>Fonts: LXGW WenKai (OFL), "
            "Droid Sans Fallback (Apache-2.0).</p>").format(facts.version) + self.tr(
            "<p>Database: {0}<br>Data folder: {1}<br>Signing key id: {2}</p>").format(
            html.escape(database), html.escape(str(facts.data_folder)),
            facts.key_id or self.tr("none yet (brandmark-cli keys init makes it)"))

    def show_about(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("About brandmark"), self.about_text(),
                          QMessageBox.StandardButton.Ok, self)
        box.setIconPixmap(app_icon().pixmap(64, 64))
        # The paths and the key id are there to be copied into a mail to IT.
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()

    # -- a bundle dropped onto the window ------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802 — Qt API
        from brandmark.ui.qt_exchange import bundle_paths

        if self.exchange is not None and self.context is not None and bundle_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802 — Qt API
        from brandmark.ui.qt_exchange import bundle_paths

        if self.exchange is not None and self.context is not None and bundle_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 — Qt API
        from brandmark.ui.qt_exchange import bundle_paths

        paths = bundle_paths(event.mimeData()) if self.exchange is not None and self.context is not None else []
        if not paths:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.exchange.import_files(paths)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 — Qt API
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)
        elif self.context is not None and self._after_first_page:
            # The window paints under its pages: this is the first page's paint, which then follows.
            QTimer.singleShot(0, self._run_after_first_page)

    # -- closing ---------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 — Qt API
        self.preferences.save_window(self.saveGeometry(), self.saveState())
        if self.current_key:
            self.preferences.current_page = self.current_key
        self.preferences.sync()
        super().closeEvent(event)


def _new_menu(title: str, parent: QWidget):
    from PySide6.QtWidgets import QMenu

    return QMenu(title, parent)
