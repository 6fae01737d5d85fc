"""The brand value page (品牌价值): pick an applicant, fill the estimate, run it, keep it.

The page composes three widgets: the form (``qt_valuation_form.QtValuationForm``, the
input as the engine reads it, validated by the engine with each refusal listed and its
field marked), the result (``qt_valuation_results``: figures, histogram, tornado) and the
saved estimates (``qt_valuation_history``). The form is prefilled from the applicant (its
latest saved estimate, or its name and assessed product) and its latest assessment (the
brand strength, read by ``brandmark.valuation_prefill``). The Monte Carlo run goes through
``context.run_operation`` (off the GUI thread, with progress, cancellable); "Save" keeps
it with the applicant (``store.valuations``), and "Export PDF" writes the report.

>>> page = QtValuationPage(context)            # doctest: +SKIP
>>> page.select_applicant(2)                   # doctest: +SKIP
>>> page.run(trials=20_000)                    # doctest: +SKIP
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QScrollArea, QSplitter,
    QVBoxLayout, QWidget,
)

from brandmark.errors import Problem, RefusedInput
from brandmark.scoring.valuation import RELIEF_FROM_ROYALTY, ValuationInputs, parse_inputs, run_monte_carlo
from brandmark.scoring.valuation.montecarlo import MAX_TRIALS
from brandmark.scoring.valuation.strength import format_score
from brandmark.ui import qt_file_dialogs
from brandmark.ui.qt_saved import announce_saved
from brandmark.ui.qt_register_export import QtRegisterExporter
# The distribution dialog and its one-line description stay importable from the page, where
# they were before the form became a widget of its own.
from brandmark.ui.qt_valuation_form import QtDistributionDialog, QtValuationForm, describe_distribution  # noqa: F401
from brandmark.ui.qt_valuation_history import QtValuationHistory
from brandmark.ui.qt_valuation_results import QtValuationResults
from brandmark.valuation_prefill import DEFAULT_TAX_RATE, form_defaults, latest_brand_strength

PROGRESS_STEPS = 20          # progress reports per run (results do not depend on the chunk size)

STYLE = """
QLabel#valuationFigure { font-size: 20px; font-weight: bold; color: #b22a2a; }
QLabel#valuationFigureLabel, QLabel#valuationMuted { color: #666; }
QLabel#valuationProblems { color: #b42318; background: #fdecea; border: 1px solid #f2b8b5; padding: 6px; }
QLabel#valuationNotice { color: #7a5c00; background: #fff7e0; border: 1px solid #e0c060; padding: 4px 6px; }
*[invalid="true"] { border: 1px solid #c62828; background: #fff3f2; }
QToolButton#distributionButton:checked { background: #b22a2a; color: white; font-weight: bold; }
"""

# What the page (and the tests that look at it) reaches in the form by its old names.
FORM_PARTS = (
    "method_combo", "date_edit", "brand_edit", "unit_edit", "notes_edit", "years_spin", "years_table",
    "revenue_fields", "profit_fields", "royalty_group", "rate_radio", "range_radio", "royalty_field",
    "range_low_field", "range_high_field", "strength_field", "strength_source", "strength_button",
    "assets_group", "assets_table", "tax_field", "discount_field", "growth_check", "growth_field",
    "mid_year_check", "tab_check", "tab_spin", "trials_spin", "seed_edit", "problems_label",
)


class QtValuationPage(QWidget):
    """``estimate_saved(id)`` after an estimate is kept with the applicant."""

    estimate_saved = Signal(int)

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.applicant_id: int | None = None
        self.last_inputs: ValuationInputs | None = None
        self.last_result = None                  # MonteCarloResult of the latest run (not saved yet)
        self.last_strength = None                # the BrandStrength that run used, if any
        self.shown_estimate_id: int | None = None
        self.shown_result: dict | None = None
        self.stale = False                       # the form changed after the shown run
        self.setStyleSheet(STYLE)

        title = QLabel(self.tr("Brand value"))
        title.setObjectName("pageTitle")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search applicants by name or credit code"))
        self.search.setClearButtonEnabled(True)
        self.applicant_combo = QComboBox()
        self.applicant_combo.setMinimumWidth(320)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(QLabel(self.tr("Applicant")))
        header.addWidget(self.search, 1)
        header.addWidget(self.applicant_combo, 2)

        form_panel = self._build_form()
        results_panel = self._build_results()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form_panel)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # As wide as the form needs, so nothing is cut off and no sideways scrolling is needed.
        scroll.setMinimumWidth(form_panel.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
                               + 4)
        splitter.addWidget(scroll)
        splitter.addWidget(results_panel)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 6)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        notice = QLabel(self.tr("An estimate, not a certified value: every figure comes with its range, "
                                "method and assumptions."))
        notice.setObjectName("valuationNotice")
        notice.setWordWrap(True)
        layout.addWidget(notice)
        layout.addWidget(splitter, 1)

        self.search.textChanged.connect(self.refresh_applicants)
        self.applicant_combo.currentIndexChanged.connect(self._applicant_chosen)
        context.changed.connect(self._on_changed)
        self.set_form({"method": RELIEF_FROM_ROYALTY, "tax_rate": DEFAULT_TAX_RATE, "valuation_date":
                       context.store.today().isoformat()})
        self.refresh_applicants()
        self._update_buttons()

    # -- building ------------------------------------------------------------------------------
    def _build_form(self) -> QWidget:
        """The form with the page's actions under it (they act on the page: run, save, export)."""
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 6, 0)
        self.form = QtValuationForm(self.context)
        for name in FORM_PARTS:
            setattr(self, name, getattr(self.form, name))
        layout.addWidget(self.form)

        buttons = QHBoxLayout()
        self.run_button = QPushButton(self.tr("&Run estimate"))
        self.run_button.setObjectName("primaryButton")
        self.save_button = QPushButton(self.tr("Save &with applicant"))
        self.export_button = QPushButton(self.tr("Export &PDF…"))
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self.form.edited.connect(self._form_edited)
        self.run_button.clicked.connect(lambda: self.run())
        self.save_button.clicked.connect(self.save_estimate)
        self.export_button.clicked.connect(lambda: self.export_pdf(on_done=self._report_written))
        return panel

    def _build_results(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(6, 0, 0, 0)
        self.results = QtValuationResults()
        # The page's own names for the parts it reads and tests look at.
        self.figure_labels, self.run_info = self.results.figure_labels, self.results.run_info
        self.histogram, self.tornado = self.results.histogram, self.results.tornado
        layout.addWidget(self.results, 6)
        self.history = QtValuationHistory()
        self.history_table = self.history.table
        self.history.estimate_chosen.connect(self.show_estimate)
        self.history_exporter = QtRegisterExporter(
            self.context, self, "valuations", lambda: {"applicant_id": self.applicant_id, "newest_first": True})
        self.history.export_requested.connect(lambda: self.history_exporter.export())
        layout.addWidget(self.history, 2)
        return panel

    # -- the form, as the page and its callers name it -------------------------------------------
    @property
    def problems(self) -> list[Problem]:
        """The refusals of the last validation (the form lists them and marks their fields)."""
        return self.form.problems

    def set_form(self, data: dict) -> None:
        self.form.set_form(data)

    def form_data(self) -> dict:
        return self.form.form_data()

    def prepare(self) -> ValuationInputs | None:
        return self.form.prepare()

    def path_label(self, path: str) -> str:
        return self.form.path_label(path)

    def use_assessment_strength(self) -> None:
        self.form.use_assessment_strength()

    def strength_in_use(self):
        return self.form.strength_in_use()

    def _form_edited(self) -> None:
        if self.shown_result is not None and self.shown_estimate_id is None and not self.stale:
            self.stale = True
            self.results.add_line(self.tr("The form changed after this run: run again before saving."))
        self._update_buttons()

    # -- applicants ------------------------------------------------------------------------------
    def refresh_applicants(self) -> None:
        """Fill the applicant list from the search (50 at most; type to narrow)."""
        rows = self.context.store.applicants.list(self.search.text() or None, limit=50)
        keep = self.applicant_id
        self.applicant_combo.blockSignals(True)
        self.applicant_combo.clear()
        self.applicant_combo.addItem(self.tr("— choose an applicant —"), None)
        for row in rows:
            self.applicant_combo.addItem(f"#{row['id']} {row['name']}", row["id"])
        index = self.applicant_combo.findData(keep) if keep is not None else 0
        if keep is not None and index < 0:      # keep the chosen applicant even when the search hides it
            self.applicant_combo.addItem(f"#{keep} {self.context.store.applicants.get(keep)['name']}", keep)
            index = self.applicant_combo.count() - 1
        self.applicant_combo.setCurrentIndex(max(index, 0))
        self.applicant_combo.blockSignals(False)

    def _applicant_chosen(self) -> None:
        applicant_id = self.applicant_combo.currentData()
        if applicant_id != self.applicant_id:
            self.select_applicant(applicant_id)

    def select_applicant(self, applicant_id: int | None) -> None:
        """Show an applicant: the form prefilled, its brand strength and its saved estimates."""
        self.applicant_id = applicant_id
        index = self.applicant_combo.findData(applicant_id)
        if index < 0 and applicant_id is not None:
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.refresh_applicants()
            index = self.applicant_combo.findData(applicant_id)
        self.applicant_combo.blockSignals(True)
        self.applicant_combo.setCurrentIndex(max(index, 0))
        self.applicant_combo.blockSignals(False)
        self.clear_result()
        self.form.applicant_chosen = applicant_id is not None
        if applicant_id is None:
            self.form.assessment_strength = None
            self.form.prefilled_strength = None
        else:
            data, strength = form_defaults(self.context.store, applicant_id)
            self.form.assessment_strength = strength
            self.form.prefilled_strength = round(strength.value, 2) if strength else None
            self.set_form(data)
        self.refresh_history()
        self.form.show_strength_source()
        self._update_buttons()

    # -- running ---------------------------------------------------------------------------
    def run(self, trials: int | None = None, on_done=None) -> bool:
        """Validate the form and start the Monte Carlo run in the background; False if refused."""
        if trials is not None:
            self.trials_spin.setValue(trials)
        inputs = self.prepare()
        if inputs is None:
            return False
        trials, seed = self.form.run_settings([])
        strength = self.strength_in_use()
        chunk = max(10_000, -(-trials // PROGRESS_STEPS))

        def work(_store, progress):
            # The engine calls back after each chunk; the context's progress raises once the
            # user presses Cancel, which stops the run between chunks.
            return run_monte_carlo(inputs, trials=trials, seed=seed, chunk=chunk,
                                   progress=lambda done, total: progress(done, total, ""))

        applicant_at_start = self.applicant_id

        def done(result) -> None:
            if self.applicant_id != applicant_at_start:
                return      # another applicant was chosen meanwhile: this run is not theirs to keep
            self.last_inputs, self.last_result, self.last_strength = inputs, result, strength
            self.show_result(result.to_json(), inputs, strength=strength.to_json() if strength else None)
            if on_done:
                on_done(result)

        def failed(exc: Exception) -> None:
            if isinstance(exc, RefusedInput):
                self.form.mark_problems(exc.problems)
            else:
                self.context.show_refusal(self, self.tr("Brand value"), exc)

        self.context.run_operation(self, self.tr("Running the Monte Carlo estimate"), work, on_done=done,
                                   on_error=failed)
        return True

    def clear_result(self) -> None:
        self.last_inputs = self.last_result = self.last_strength = None
        self.shown_result = None
        self.shown_estimate_id = None
        self.stale = False
        self.results.clear()
        self._update_buttons()

    def show_result(self, result: dict, inputs: ValuationInputs, *, estimate_id: int | None = None,
                    strength: dict | None = None, saved_by: str = "") -> None:
        """Show a result (``MonteCarloResult.to_json()``): figures, histogram, tornado."""
        self.shown_result, self.shown_estimate_id, self.stale = result, estimate_id, False
        share = result["rejected"] / result["trials"] if result["trials"] else 0.0
        lines = [self.tr("{0} · {1} trials, {2} rejected ({3}), seed {4}; amounts in {5}.").format(
            self.method_combo.itemText(max(self.method_combo.findData(result["method"]), 0)),
            f"{result['trials']:,}", f"{result['rejected']:,}", f"{share:.2%}", result["seed"], result["unit"])]
        if strength:
            lines.append(self.tr("Brand strength {0} from assessment #{1}.").format(
                format_score(strength["value"]), strength["assessment_id"]))
        if estimate_id is not None:
            lines.append(self.tr("Saved estimate #{0} by {1}.").format(estimate_id, saved_by))
        self.results.show_result(result, lines, warnings=inputs.warnings, bars=[
            (self.path_label(bar["input"]), bar["low_value"], bar["high_value"]) for bar in result["tornado"]])
        self._update_buttons()

    # -- saving, history, report ---------------------------------------------------------------
    def _user_name(self) -> str | None:
        """The person signed in, who the estimate and its event credit. Nobody signed in: say so
        and save nothing; a name typed here once changed who the event log credited for the
        rest of the session, behind the sign-in screen's back (issue 11 §1)."""
        if self.context.user_name.strip():
            return self.context.user_name
        QMessageBox.information(self, self.tr("Save estimate"), self.tr(
            "Nobody is signed in. Sign in (Settings → Sign in…) to save an estimate under your name."))
        return None

    def save_estimate(self) -> int | None:
        """Keep the latest run with the applicant, dated its valuation date; returns its id."""
        if self.last_result is None or self.applicant_id is None or self.stale or self.shown_estimate_id is not None:
            return None
        by = self._user_name()
        if by is None:
            return None
        try:
            estimate_id = self.context.store.valuations.save(self.applicant_id, self.last_inputs, self.last_result,
                                                             by=by, strength=self.last_strength)
        except RefusedInput as exc:
            self.context.show_refusal(self, self.tr("Save estimate"), exc)
            return None
        self.context.notify("valuations")
        self.refresh_history(select=estimate_id)
        self.estimate_saved.emit(estimate_id)
        return estimate_id

    def refresh_history(self, select: int | None = None) -> None:
        rows = self.context.store.valuations.history(self.applicant_id) if self.applicant_id is not None else []
        self.history.show_rows(rows, select)

    def history_ids(self) -> list[int]:
        return self.history.ids()

    def show_estimate(self, estimate_id: int) -> None:
        """Show a saved estimate: its input in the form and its result beside it."""
        row = self.context.store.valuations.get(estimate_id)
        inputs = parse_inputs(row["inputs"])
        self.set_form(row["inputs"])
        if row["strength"]:
            self.form.prefilled_strength = row["inputs"].get("brand_strength")
        self.last_inputs = self.last_result = self.last_strength = None
        self.seed_edit.setText(str(row["seed"]))
        self.trials_spin.setValue(min(row["trials"], MAX_TRIALS))
        self.show_result(row["result"], inputs, estimate_id=row["id"], strength=row["strength"],
                         saved_by=row["created_by"])
        self.form.show_strength_source()

    def report(self):
        """The ValuationReport of what is shown (a saved estimate, or the latest run)."""
        from brandmark.reports.valuation_report import ValuationReport

        store = self.context.store
        if self.shown_estimate_id is not None:
            return ValuationReport.from_estimate(store, self.shown_estimate_id)
        if self.last_result is None:
            return None
        return ValuationReport.from_run(store, self.last_inputs, self.last_result, applicant_id=self.applicant_id,
                                        strength=self.last_strength)

    def default_report_name(self) -> str:
        owner = ""
        if self.applicant_id is not None:
            owner = self.context.store.applicants.get(self.applicant_id)["name"]
        date = self.date_edit.date().toString("yyyy-MM-dd")
        name = re.sub(r'[\\/:*?"<>|\s]+', "_", f"品牌价值估算_{owner}_{date}").strip("_")
        return f"{name}.pdf"

    def export_pdf(self, path: str | Path | None = None, on_done=None) -> bool:
        """Write the report of what is shown; asks for a file name when ``path`` is None."""
        from brandmark.reports.valuation_report import write_valuation_report

        report = self.report()
        if report is None:
            return False
        if path is None:
            chosen, _ = qt_file_dialogs.save_file_name(self, self.tr("Export the brand value report"),
                                                    self.default_report_name(), self.tr("PDF files (*.pdf)"))
            if not chosen:
                return False
            path = chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf"

        def work(_store, progress):
            write_valuation_report(path, report, progress=progress)
            return Path(path)

        self.context.run_operation(self, self.tr("Writing the brand value report"), work, on_done=on_done)
        return True

    def _report_written(self, path: Path) -> None:
        """Say where the report went, as every save does (under Xvfb it used to finish without a word)."""
        announce_saved(self, self.tr("Export the brand value report"), [path])

    # -- state -------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        can_save = (self.last_result is not None and self.applicant_id is not None and not self.stale
                    and self.shown_estimate_id is None)
        self.save_button.setEnabled(can_save)
        if self.applicant_id is None:
            self.save_button.setToolTip(self.tr("Choose an applicant to keep estimates with it"))
        elif self.stale:
            self.save_button.setToolTip(self.tr("The form changed after this run: run again before saving"))
        else:
            self.save_button.setToolTip("")
        self.export_button.setEnabled(self.shown_result is not None)

    def _on_changed(self, topic: str) -> None:
        if topic in ("applicants", "all"):
            self.refresh_applicants()
        if topic in ("assessments", "all") and self.applicant_id is not None:
            self.form.assessment_strength = latest_brand_strength(self.context.store, self.applicant_id)
            self.form.show_strength_source()
        if topic in ("valuations", "all") and self.applicant_id is not None:
            self.refresh_history()
