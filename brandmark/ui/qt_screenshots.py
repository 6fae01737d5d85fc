"""Screenshots of each main screen, for reviewers and the docs (offscreen, 1280x800).

    QT_QPA_PLATFORM=offscreen python -m brandmark.ui.qt_screenshots docs/screenshots

writes ``<screen>-<lang>.png`` for both languages, on a fresh database in a temporary
folder (the welcome on an empty one, the rest on the demo data). Preferences go to a
temporary INI file, never the user's own.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

SIZE = (1280, 800)
SCREENS = ("welcome", "applicants", "applicant-dialog", "assessments", "new-assessment", "assessment",
           "certificates", "valuation", "schemes", "file-dialog")   # and any other sidebar page, by its key


def _settle(app, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def take(language: str, out_dir: Path) -> list[Path]:
    """Take every screen in one language (run once per process: translators are global)."""
    from PySide6.QtWidgets import QApplication

    from brandmark.demo import load_demo
    from brandmark.ui.app import open_context, register_fonts
    from brandmark.ui.qt_i18n import install_translators
    from brandmark.ui.qt_main_window import QtMainWindow
    from brandmark.ui.qt_settings import QtPreferences, open_settings

    app = QApplication.instance() or QApplication(["brandmark"])
    register_fonts()
    install_translators(app, language)
    out_dir.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    work = Path(tempfile.mkdtemp(prefix="brandmark-shots-"))

    def save(widget, screen: str) -> None:
        _settle(app)
        path = out_dir / f"{screen}-{language}.png"
        widget.grab().save(str(path))
        saved.append(path)

    def window_on(db_name: str):
        context = open_context(str(work / db_name), language, "王敏")
        window = QtMainWindow(QtPreferences(open_settings(work / f"{db_name}.ini")))
        window.resize(*SIZE)
        window.show()
        window.attach(context)
        return context, window

    context, window = window_on("empty.db")
    save(window, "welcome")
    window.close()

    context, window = window_on("demo.db")
    load_demo(context.store)
    # The demo's granted assessments get their (demo-key) certificates, so the certificates
    # page shows a register rather than an empty table.
    for row in context.store.assessments.list():
        if row["decision"] == "grant":
            context.store.certificates.issue(row["id"])
    context.notify("all")
    page = window.show_page("applicants")
    from PySide6.QtCore import Qt
    name_column = [column.key for column in page.model.columns].index("name")
    page.register.table.sortByColumn(name_column, Qt.SortOrder.AscendingOrder)   # by pinyin: 杭州 … 丽水 … 舟山
    page.register.table.selectRow(1)
    save(window, "applicants")

    from brandmark.ui.qt_applicant_dialog import QtApplicantDialog
    from brandmark.uscc import make_uscc
    dialog = QtApplicantDialog(context, window)
    dialog.name_edit.setText("杭州西湖智能厨电有限公司")
    dialog.code_edit.setText(make_uscc("91", "330106", "MA2B3C4D"))     # the region follows from its digits
    dialog.industry_edit.setText("家用电器" if language == "zh_CN" else "household appliances")
    dialog.show()
    save(dialog, "applicant-dialog")
    dialog.close()

    page = window.show_page("assessments")
    page.register.table.selectRow(0)
    save(window, "assessments")

    # An application accepted and waiting for its assessment, and one still open: the
    # new-assessment dialog and the applications page show both.
    from brandmark.demo import DECIDER
    material = work / "营业执照.pdf"
    material.write_bytes(b"%PDF-1.4\n")
    applications = context.store.applications
    waiting = applications.new(applicant_id=1, scheme_id="zhejiang-made", product="电热水瓶", models="RS-1701",
                               by="王敏")
    for item in applications.get(waiting)["items"]:
        applications.receive(waiting, item["id"], material, by="王敏")
    applications.decide(waiting, "accept", by=DECIDER)
    still_open = applications.new(applicant_id=2, scheme_id="zhejiang-made", product="智能电饭煲", by="王敏")
    applications.receive(still_open, "form", material, by="王敏")
    context.notify("all")

    from brandmark.ui.qt_new_assessment_dialog import QtNewAssessmentDialog
    dialog = QtNewAssessmentDialog(context, window, applicant_id=1)
    dialog.assessor_edit.setText("王敏")
    dialog.show()
    save(dialog, "new-assessment")
    dialog.close()

    window.open_assessment(page.model.row_id(0))
    save(window, "assessment")
    page = window.show_page("certificates")
    page.table.selectRow(1)                # its details below the register
    save(window, "certificates")
    page = window.show_page("valuation")
    _run_example_valuation(app, page)
    save(window, "valuation")
    window.show_page("schemes")
    save(window, "schemes")
    from brandmark.ui.qt_main_window import PAGES
    for spec in PAGES:                     # pages added since this list was written
        if spec.key not in SCREENS:
            window.show_page(spec.key)
            save(window, spec.key)

    from brandmark.ui.qt_file_dialogs import make_file_dialog
    folder = work / ("报告" if language == "zh_CN" else "reports")
    folder.mkdir()
    for name in ("评审报告-#1-湖州太湖茶业合作社.pdf", "评审报告-#3-宁波甬江智能家电股份有限公司.pdf"):
        (folder / name).write_bytes(b"%PDF-1.4\n")
    dialog = make_file_dialog(window, "导出报告" if language == "zh_CN" else "Export report",
                              str(folder / "report.pdf"), "PDF (*.pdf)",
                              purpose="reports")
    dialog.resize(860, 480)
    dialog.show()
    from PySide6.QtWidgets import QSplitter
    sidebar = dialog.findChild(QSplitter)
    if sidebar is not None:
        sidebar.setSizes([170, 690])       # the places list readable, not cut to "计…"
    save(dialog, "file-dialog")
    dialog.close()
    window.close()
    return saved


# An example relief-from-royalty estimate (the figures of tests/valuation_support.py), so the
# brand-value page shows a result rather than its empty form.
EXAMPLE_VALUATION = {
    "method": "relief-from-royalty",
    "revenues": [12000, 13200, {"dist": "triangular", "low": 13000, "mode": 14500, "high": 15500}],
    "royalty_rate_range": {"low": 0.02, "high": 0.06}, "brand_strength": 60, "tax_rate": 0.25,
    "discount_rate": {"dist": "normal", "mean": 0.13, "sd": 0.01, "min": 0.10, "max": 0.18},
    "terminal_growth": {"dist": "uniform", "low": 0.01, "high": 0.03}, "mid_year": True,
}


def _run_example_valuation(app, page, timeout: float = 120.0) -> None:
    import time

    page.select_applicant(2)               # a demo applicant with a granted assessment
    page.set_form(EXAMPLE_VALUATION)
    done: list = []
    if not page.run(trials=20_000, on_done=done.append):
        return
    deadline = time.monotonic() + timeout
    while not done and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out_dir = Path(argv[0] if argv else "docs/screenshots")
    if len(argv) > 1:                      # the child process for one language
        for path in take(argv[1], out_dir):
            print(path)
        return 0
    for language in ("zh_CN", "en"):
        subprocess.run([sys.executable, "-m", "brandmark.ui.qt_screenshots", str(out_dir), language], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
