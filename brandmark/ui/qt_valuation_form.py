"""The brand value form: the input of one estimate, as the engine reads it.

Every number can be a plain value or, through its "±" button, a distribution
(``QtQuantityField``, ``QtDistributionDialog``). ``form_data()`` is the engine's input
dict and ``set_form(data)`` fills the form from one; ``prepare()`` has the engine validate
it (``parse_inputs``), lists each refusal under the form in the form's own words and marks
its field. The brand strength can come from the applicant's latest assessment: the page
sets ``assessment_strength`` and the form says where the value in use comes from.
``edited`` is emitted when the user changes anything (not while the form is being filled).

The brand value page (``qt_valuation_page``) composes this form with the result
(``qt_valuation_results``) and the saved estimates (``qt_valuation_history``).

>>> form = QtValuationForm(context)                          # doctest: +SKIP
>>> form.set_form({"method": "relief-from-royalty", "revenues": [100, 110]})  # doctest: +SKIP
>>> form.prepare() is None, [problem.code for problem in form.problems][-2:]   # doctest: +SKIP
(True, ['valuation.discount_required', 'valuation.tax_required'])
"""

from __future__ import annotations

import math
import unicodedata
from typing import Any

from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QButtonGroup, QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox,
    QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QRadioButton, QSpinBox, QTableWidget, QTableWidgetItem, QToolButton, QVBoxLayout, QWidget,
)

from brandmark.errors import FieldPath, Problem
from brandmark.messages import describe_field
from brandmark.scoring.valuation import (
    EXCESS_EARNINGS, RELIEF_FROM_ROYALTY, ValuationInputError, ValuationInputs, parse_inputs,
)
from brandmark.scoring.valuation.distributions import format_number, parse_quantity
from brandmark.scoring.valuation.errors import input_field
from brandmark.scoring.valuation.inputs import ASSET_KEYS, MAX_FORECAST_YEARS
from brandmark.scoring.valuation.montecarlo import DEFAULT_SEED, DEFAULT_TRIALS, MAX_TRIALS
from brandmark.scoring.valuation.strength import format_score
from brandmark.ui.qt_i18n import problem_message, window_language
from brandmark.ui.qt_valuation_messages import distribution_name

DEFAULT_YEARS = 5


def parse_number_text(text: str) -> float | str | None:
    """What a number field holds: None when empty, a float, or the text itself (the engine refuses it).

    Thousands separators and full-width digits are accepted.

    >>> parse_number_text(" 12,000 "), parse_number_text("０．２５"), parse_number_text("abc"), parse_number_text("")
    (12000.0, 0.25, 'abc', None)
    """
    cleaned = unicodedata.normalize("NFKC", text).strip().replace(",", "").replace(" ", "")
    if not cleaned:
        return None
    try:
        return float(cleaned)
    except ValueError:
        return text.strip()


# -- one uncertain number ------------------------------------------------------------------

class QtDistributionDialog(QDialog):
    """Choose a plain number or a distribution for one input; validated by the engine on OK."""

    KINDS = ("", "triangular", "uniform", "normal", "lognormal")
    FIELDS = {"": ("value",), "triangular": ("low", "mode", "high"), "uniform": ("low", "high"),
              "normal": ("mean", "sd", "min", "max"), "lognormal": ("mean", "sd", "min", "max")}

    def __init__(self, path: str, label: str, value: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(self.tr("Distribution of {0}").format(label))
        self.kind = QComboBox()
        names = {"": self.tr("Plain number"), "triangular": self.tr("Triangular (low, mode, high)"),
                 "uniform": self.tr("Uniform (low, high)"),
                 "normal": self.tr("Normal (mean, sd; optional min, max)"),
                 "lognormal": self.tr("Lognormal (mean, sd of the value; optional min, max)")}
        for kind in self.KINDS:
            self.kind.addItem(names[kind], kind)
        self.edits: dict[str, QLineEdit] = {}
        captions = {"value": self.tr("Value"), "low": self.tr("Low"), "mode": self.tr("Most likely"),
                    "high": self.tr("High"), "mean": self.tr("Mean"), "sd": self.tr("Standard deviation"),
                    "min": self.tr("Minimum (optional)"), "max": self.tr("Maximum (optional)")}
        self.form = QFormLayout()
        self.form.addRow(self.tr("Kind"), self.kind)
        for key in ("value", "low", "mode", "high", "mean", "sd", "min", "max"):
            edit = QLineEdit()
            edit.setObjectName(f"distribution_{key}")
            self.edits[key] = edit
            self.form.addRow(captions[key], edit)
        self.problems = QLabel()
        self.problems.setObjectName("valuationProblems")
        self.problems.setWordWrap(True)
        self.problems.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._show_fields)
        self._load(value)

    def _load(self, value: Any) -> None:
        if isinstance(value, dict) and value.get("dist") in self.KINDS:
            self.kind.setCurrentIndex(self.KINDS.index(value["dist"]))
            for key, edit in self.edits.items():
                if value.get(key) is not None:
                    edit.setText(format_number(float(value[key])))
        else:
            number = value if isinstance(value, float) and math.isfinite(value) else None
            if number is not None:
                # A plain number opens as a triangular ±10 % around it: the usual first guess.
                self.edits["value"].setText(format_number(number))
                spread = abs(number) * 0.1
                for key, x in (("low", number - spread), ("mode", number), ("high", number + spread),
                               ("mean", number), ("sd", spread / 2 if spread else 0)):
                    self.edits[key].setText(format_number(round(x, 12)))
                self.kind.setCurrentIndex(self.KINDS.index("triangular"))
            else:
                self.kind.setCurrentIndex(self.KINDS.index("triangular"))
        self._show_fields()

    def _show_fields(self) -> None:
        shown = self.FIELDS[self.kind.currentData()]
        for key, edit in self.edits.items():
            self.form.setRowVisible(edit, key in shown)

    def quantity(self) -> Any:
        """The chosen value as the engine reads it (a float, a distribution dict, text, None)."""
        kind = self.kind.currentData()
        if kind == "":
            return parse_number_text(self.edits["value"].text())
        out: dict[str, Any] = {"dist": kind}
        for key in self.FIELDS[kind]:
            value = parse_number_text(self.edits[key].text())
            if value is not None or key not in ("min", "max"):
                out[key] = value
        return out

    def problems_found(self) -> list[str]:
        """The engine's objections to the chosen distribution (its own rules; bounds come later),
        in the window's language, without the field: the dialog is about one field."""
        value = self.quantity()
        if value is None:
            return [self.tr("Give a value.")]
        problems: list[Problem] = []
        parse_quantity(value, input_field(self.path), problems)
        return [problem_message(problem, window_language()) for problem in problems]

    def accept(self) -> None:
        problems = self.problems_found()
        if problems:
            self.problems.setText("\n".join(problems))
            self.problems.show()
            return
        super().accept()


def _tab_through_cell_widgets(table: QTableWidget) -> None:
    """Tab moves from one field in the table to the next, and the table scrolls to it.

    A table's own Tab navigation moves its current cell and leaves the focus in the field,
    so under Xvfb five revenues typed with Tab between them all landed in year 1
    ("12000130001400015000016000").
    """
    table.setTabKeyNavigation(False)
    _QtFocusFollower(table)


class _QtFocusFollower(QObject):
    """Scrolls a table to the cell whose widget takes the focus (a child of the table, so
    the connection ends with it)."""

    def __init__(self, table: QTableWidget):
        super().__init__(table)
        self.table = table
        QApplication.instance().focusChanged.connect(self.follow)

    def follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or not self.table.isAncestorOf(new):
            return
        for row in range(self.table.rowCount()):
            for column in range(self.table.columnCount()):
                cell = self.table.cellWidget(row, column)
                if cell is not None and (cell is new or cell.isAncestorOf(new)):
                    self.table.scrollTo(self.table.model().index(row, column))
                    return


class QtQuantityField(QWidget):
    """A number, or (through "±") a distribution; ``value()`` is what the engine reads."""

    changed = Signal()

    def __init__(self, path: str, label: str, placeholder: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.path, self.label = path, label
        self._distribution: dict | None = None
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.button = QToolButton()
        self.button.setObjectName("distributionButton")
        self.button.setText("±")
        self.button.setCheckable(True)
        self.button.setToolTip(self.tr("Give a distribution instead of a single number"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.edit.textEdited.connect(lambda _text: self.changed.emit())
        self.button.clicked.connect(self.edit_distribution)

    def value(self) -> Any:
        if self._distribution is not None:
            return dict(self._distribution)
        return parse_number_text(self.edit.text())

    def set_value(self, value: Any) -> None:
        if isinstance(value, dict):
            self._distribution = dict(value)
            self.edit.setText(describe_distribution(value))
            self.edit.setReadOnly(True)
            self.edit.setToolTip(self.edit.text())
        else:
            self._distribution = None
            self.edit.setReadOnly(False)
            self.edit.setToolTip("")
            self.edit.setText("" if value is None else (format_number(float(value)) if isinstance(value, (int, float))
                                                        and not isinstance(value, bool) else str(value)))
        self.button.setChecked(self._distribution is not None)

    def edit_distribution(self) -> None:
        dialog = QtDistributionDialog(self.path, self.label, self.value(), self)
        if dialog.exec():
            self.set_value(dialog.quantity())
            self.changed.emit()
        else:
            self.button.setChecked(self._distribution is not None)

    def set_invalid(self, invalid: bool) -> None:
        _mark(self.edit, invalid)


def describe_distribution(value: dict) -> str:
    """A distribution as one short line for a read-only field.

    >>> describe_distribution({"dist": "triangular", "low": 1, "mode": 2, "high": 4})
    'triangular 1 / 2 / 4'
    """
    def f(key: str) -> str:
        x = value.get(key)
        return format_number(float(x)) if isinstance(x, (int, float)) and not isinstance(x, bool) else str(x)

    kind = value.get("dist")
    name = distribution_name(kind) if isinstance(kind, str) else ""    # "三角" in a Chinese window
    if kind == "triangular":
        return f"{name} {f('low')} / {f('mode')} / {f('high')}"
    if kind == "uniform":
        return f"{name} {f('low')} – {f('high')}"
    if kind in ("normal", "lognormal"):
        bounds = ""
        if value.get("min") is not None or value.get("max") is not None:
            bounds = f" [{f('min') if value.get('min') is not None else '−∞'}, " \
                     f"{f('max') if value.get('max') is not None else '∞'}]"
        return f"{name} {f('mean')} ± {f('sd')}{bounds}"
    return str(value)


def _mark(widget: QWidget, invalid: bool) -> None:
    widget.setProperty("invalid", bool(invalid))
    widget.style().unpolish(widget)
    widget.style().polish(widget)


# -- the form ------------------------------------------------------------------------------

class QtValuationForm(QWidget):
    """``edited`` after the user changes the input (never while ``set_form`` fills it)."""

    edited = Signal()

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.assessment_strength = None          # BrandStrength of the applicant's latest assessment
        self.prefilled_strength: float | None = None   # the strength value read from it into the form
        self.applicant_chosen = False            # whether "no assessment to read it from" is worth saying
        self.problems: list[Problem] = []
        self._loading = False
        self._currency = "CNY"

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        basics = QGroupBox(self.tr("Estimate"))
        grid = QFormLayout(basics)
        self.method_combo = QComboBox()
        self.method_combo.addItem(self.tr("Relief from royalty"), RELIEF_FROM_ROYALTY)
        self.method_combo.addItem(self.tr("Multi-period excess earnings"), EXCESS_EARNINGS)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.brand_edit = QLineEdit()
        self.brand_edit.setPlaceholderText(self.tr("The brand valued (default: the applicant's name)"))
        self.unit_edit = QLineEdit()
        self.unit_edit.setMaximumWidth(90)
        self.notes_edit = QLineEdit()
        self.notes_edit.setPlaceholderText(self.tr("Purpose or remarks, printed in the report"))
        grid.addRow(self.tr("Method"), self.method_combo)
        grid.addRow(self.tr("Valuation date"), self.date_edit)
        grid.addRow(self.tr("Brand"), self.brand_edit)
        grid.addRow(self.tr("Unit of amounts"), self.unit_edit)
        grid.addRow(self.tr("Notes"), self.notes_edit)
        layout.addWidget(basics)

        forecast = QGroupBox(self.tr("Forecast"))
        box = QVBoxLayout(forecast)
        years_row = QHBoxLayout()
        self.years_spin = QSpinBox()
        self.years_spin.setRange(1, MAX_FORECAST_YEARS)
        years_row.addWidget(QLabel(self.tr("Forecast years")))
        years_row.addWidget(self.years_spin)
        years_row.addStretch(1)
        box.addLayout(years_row)
        self.years_table = QTableWidget(0, 2)
        self.years_table.setHorizontalHeaderLabels([self.tr("Brand revenue"), self.tr("After-tax profit")])
        self.years_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.years_table.verticalHeader().setDefaultSectionSize(30)
        self.years_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.years_table.setMinimumHeight(150)
        _tab_through_cell_widgets(self.years_table)
        box.addWidget(self.years_table)
        self.revenue_fields: list[QtQuantityField] = []
        self.profit_fields: list[QtQuantityField] = []
        layout.addWidget(forecast)

        self.royalty_group = QGroupBox(self.tr("Royalty rate"))
        royalty = QGridLayout(self.royalty_group)
        self.rate_radio = QRadioButton(self.tr("Rate"))
        self.range_radio = QRadioButton(self.tr("Industry range placed by brand strength"))
        self.royalty_mode = QButtonGroup(self)
        self.royalty_mode.addButton(self.rate_radio)
        self.royalty_mode.addButton(self.range_radio)
        self.royalty_field = QtQuantityField("royalty_rate", self.tr("Royalty rate"), self.tr("e.g. 0.04"))
        self.range_low_field = QtQuantityField("royalty_rate_range.low", self.tr("Royalty range, low"),
                                               self.tr("e.g. 0.02"))
        self.range_high_field = QtQuantityField("royalty_rate_range.high", self.tr("Royalty range, high"),
                                                self.tr("e.g. 0.06"))
        self.strength_field = QtQuantityField("brand_strength", self.tr("Brand strength"), self.tr("0-100"))
        self.strength_source = QLabel()
        self.strength_source.setObjectName("valuationMuted")
        self.strength_source.setWordWrap(True)
        self.strength_button = QPushButton(self.tr("From assessment"))
        self.strength_button.setToolTip(self.tr("Read the brand strength from the applicant's latest assessment"))
        royalty.addWidget(self.rate_radio, 0, 0)
        royalty.addWidget(self.royalty_field, 0, 1, 1, 2)
        royalty.addWidget(self.range_radio, 1, 0, 1, 3)
        royalty.addWidget(QLabel(self.tr("Low")), 2, 0)
        royalty.addWidget(self.range_low_field, 2, 1, 1, 2)
        royalty.addWidget(QLabel(self.tr("High")), 3, 0)
        royalty.addWidget(self.range_high_field, 3, 1, 1, 2)
        royalty.addWidget(QLabel(self.tr("Brand strength (0-100)")), 4, 0)
        royalty.addWidget(self.strength_field, 4, 1)
        royalty.addWidget(self.strength_button, 4, 2)
        royalty.addWidget(self.strength_source, 5, 0, 1, 3)
        layout.addWidget(self.royalty_group)

        self.assets_group = QGroupBox(self.tr("Contributory assets"))
        assets = QVBoxLayout(self.assets_group)
        self.assets_table = QTableWidget(0, 3)
        self.assets_table.setHorizontalHeaderLabels([self.tr("Asset"), self.tr("Amount"), self.tr("Required return")])
        self.assets_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.assets_table.verticalHeader().setDefaultSectionSize(30)
        self.assets_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.assets_table.setMinimumHeight(110)
        _tab_through_cell_widgets(self.assets_table)
        asset_buttons = QHBoxLayout()
        self.add_asset_button = QPushButton(self.tr("Add asset"))
        self.remove_asset_button = QPushButton(self.tr("Remove asset"))
        asset_buttons.addWidget(self.add_asset_button)
        asset_buttons.addWidget(self.remove_asset_button)
        asset_buttons.addStretch(1)
        assets.addWidget(self.assets_table)
        assets.addLayout(asset_buttons)
        self.asset_rows: list[tuple[QLineEdit, QtQuantityField, QtQuantityField]] = []
        layout.addWidget(self.assets_group)

        rates = QGroupBox(self.tr("Rates and discounting"))
        form = QFormLayout(rates)
        self.tax_field = QtQuantityField("tax_rate", self.tr("Tax rate"), self.tr("e.g. 0.25"))
        self.discount_field = QtQuantityField("discount_rate", self.tr("Discount rate"), self.tr("e.g. 0.12"))
        self.growth_check = QCheckBox(self.tr("Terminal value (Gordon growth)"))
        self.growth_field = QtQuantityField("terminal_growth", self.tr("Terminal growth"), self.tr("e.g. 0.02"))
        self.mid_year_check = QCheckBox(self.tr("Mid-year discounting"))
        self.tab_check = QCheckBox(self.tr("Tax amortisation benefit over"))
        self.tab_spin = QSpinBox()
        self.tab_spin.setRange(1, MAX_FORECAST_YEARS)
        self.tab_spin.setSuffix(self.tr(" years"))
        tab_row = QHBoxLayout()
        tab_row.addWidget(self.tab_check)
        tab_row.addWidget(self.tab_spin)
        tab_row.addStretch(1)
        self.tax_label = QLabel(self.tr("Tax rate"))
        form.addRow(self.tax_label, self.tax_field)
        form.addRow(self.tr("Discount rate"), self.discount_field)
        form.addRow(self.growth_check, self.growth_field)
        # The two switches span the form's width: beside the "Terminal value (Gordon growth)"
        # label the amortisation row made the English page wider than 1280 px.
        form.addRow(self.mid_year_check)
        form.addRow(tab_row)
        layout.addWidget(rates)

        run_box = QGroupBox(self.tr("Monte Carlo"))
        run_form = QFormLayout(run_box)
        self.trials_spin = QSpinBox()
        self.trials_spin.setRange(1, MAX_TRIALS)
        self.trials_spin.setSingleStep(10_000)
        self.trials_spin.setGroupSeparatorShown(True)
        self.trials_spin.setValue(DEFAULT_TRIALS)
        self.seed_edit = QLineEdit(str(DEFAULT_SEED))
        self.seed_edit.setToolTip(self.tr("The same seed and input give the same result"))
        run_form.addRow(self.tr("Trials"), self.trials_spin)
        run_form.addRow(self.tr("Seed"), self.seed_edit)
        layout.addWidget(run_box)

        self.problems_label = QLabel()
        self.problems_label.setObjectName("valuationProblems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_label.hide()
        layout.addWidget(self.problems_label)

        self.method_combo.currentIndexChanged.connect(self._method_changed)
        self.years_spin.valueChanged.connect(self._set_years)
        self.rate_radio.toggled.connect(self._royalty_mode_changed)
        self.growth_check.toggled.connect(self._toggles_changed)
        self.tab_check.toggled.connect(self._toggles_changed)
        self.mid_year_check.toggled.connect(self._changed)
        self.tab_spin.valueChanged.connect(self._changed)
        self.date_edit.dateChanged.connect(self._changed)
        for edit in (self.brand_edit, self.unit_edit, self.notes_edit):
            edit.textEdited.connect(self._changed)
        for field in (self.royalty_field, self.range_low_field, self.range_high_field, self.strength_field,
                      self.tax_field, self.discount_field, self.growth_field):
            field.changed.connect(self._changed)
        self.strength_field.changed.connect(self.show_strength_source)
        self.strength_button.clicked.connect(self.use_assessment_strength)
        self.add_asset_button.clicked.connect(lambda: self.add_asset())
        self.remove_asset_button.clicked.connect(self.remove_selected_asset)

    # -- the brand strength --------------------------------------------------------------------
    def use_assessment_strength(self) -> None:
        """Put the brand strength of the applicant's latest assessment into the form."""
        if self.assessment_strength is None:
            return
        self.range_radio.setChecked(True)
        self.strength_field.set_value(round(self.assessment_strength.value, 2))
        self.prefilled_strength = round(self.assessment_strength.value, 2)
        self.show_strength_source()
        self._changed()

    def strength_in_use(self):
        """The assessment's BrandStrength when the form's strength is still the one read from it."""
        if (self.assessment_strength is None or not self.range_radio.isChecked()
                or self.method_combo.currentData() != RELIEF_FROM_ROYALTY):
            return None
        return self.assessment_strength if self.strength_field.value() == self.prefilled_strength else None

    def show_strength_source(self) -> None:
        """Say where the brand strength comes from (the assessment, or the user)."""
        strength = self.assessment_strength
        self.strength_button.setEnabled(strength is not None)
        if strength is None:
            self.strength_source.setText(self.tr("No assessment of this applicant to read the brand strength from.")
                                         if self.applicant_chosen else "")
            return
        basis = (self.tr("section scores mapped onto brand-value elements") if strength.basis == "elements"
                 else self.tr("the assessment's total score"))
        if self.strength_in_use() is not None:
            text = self.tr("From assessment #{0} ({1} {2}): {3}.").format(
                strength.assessment_id, strength.scheme_id, strength.scheme_version, basis)
        else:
            text = self.tr("Given by you; assessment #{0} gives {1}.").format(
                strength.assessment_id, format_score(strength.value))
        if not strength.decided:
            text += " " + self.tr("That assessment is not decided yet.")
        self.strength_source.setText(text)

    # -- the input -----------------------------------------------------------------------------
    def _set_years(self, years: int) -> None:
        while len(self.revenue_fields) < years:
            year = len(self.revenue_fields)
            self.revenue_fields.append(QtQuantityField(f"revenues[{year}]", self.path_label(f"revenues[{year}]")))
            self.profit_fields.append(QtQuantityField(f"after_tax_profits[{year}]",
                                                      self.path_label(f"after_tax_profits[{year}]")))
            self.revenue_fields[-1].changed.connect(self._changed)
            self.profit_fields[-1].changed.connect(self._changed)
        # Rows past the forecast are hidden, not removed: removing a row deletes its cell
        # widgets, and the fields keep what the user typed should the years grow again.
        if self.years_table.rowCount() < len(self.revenue_fields):
            first_new = self.years_table.rowCount()
            self.years_table.setRowCount(len(self.revenue_fields))
            for year in range(first_new, len(self.revenue_fields)):
                self.years_table.setCellWidget(year, 0, self.revenue_fields[year])
                self.years_table.setCellWidget(year, 1, self.profit_fields[year])
                self.years_table.setVerticalHeaderItem(year, QTableWidgetItem(self.tr("Year {0}").format(year + 1)))
        for year in range(self.years_table.rowCount()):
            self.years_table.setRowHidden(year, year >= years)
        self._changed()

    def _method_changed(self) -> None:
        royalty = self.method_combo.currentData() == RELIEF_FROM_ROYALTY
        self.royalty_group.setVisible(royalty)
        self.assets_group.setVisible(not royalty)
        self.years_table.setColumnHidden(0, not royalty)
        self.years_table.setColumnHidden(1, royalty)
        self._toggles_changed()

    def _royalty_mode_changed(self) -> None:
        by_rate = self.rate_radio.isChecked()
        self.royalty_field.setEnabled(by_rate)
        for field in (self.range_low_field, self.range_high_field, self.strength_field):
            field.setEnabled(not by_rate)
        self.strength_button.setEnabled(not by_rate and self.assessment_strength is not None)
        self.show_strength_source()
        self._changed()

    def _toggles_changed(self) -> None:
        self.growth_field.setEnabled(self.growth_check.isChecked())
        self.tab_spin.setEnabled(self.tab_check.isChecked())
        # Tax matters for relief from royalty, and for the amortisation benefit of either method.
        needs_tax = self.method_combo.currentData() == RELIEF_FROM_ROYALTY or self.tab_check.isChecked()
        self.tax_field.setEnabled(needs_tax)
        self.tax_label.setEnabled(needs_tax)
        self._changed()

    def add_asset(self, name: str = "", amount: Any = None, required_return: Any = None) -> None:
        row = len(self.asset_rows)
        name_edit = QLineEdit(name)
        name_edit.setPlaceholderText(self.tr("e.g. working capital"))
        amount_field = QtQuantityField(f"contributory_assets[{row}].amount", self.tr("Amount"))
        return_field = QtQuantityField(f"contributory_assets[{row}].return", self.tr("Required return"),
                                       self.tr("e.g. 0.05"))
        amount_field.set_value(amount)
        return_field.set_value(required_return)
        for widget in (amount_field, return_field):
            widget.changed.connect(self._changed)
        name_edit.textEdited.connect(self._changed)
        self.asset_rows.append((name_edit, amount_field, return_field))
        self.assets_table.setRowCount(len(self.asset_rows))
        self.assets_table.setCellWidget(row, 0, name_edit)
        self.assets_table.setCellWidget(row, 1, amount_field)
        self.assets_table.setCellWidget(row, 2, return_field)
        self._changed()

    def remove_selected_asset(self) -> None:
        rows = sorted({index.row() for index in self.assets_table.selectedIndexes()}, reverse=True)
        if not rows and self.asset_rows:
            rows = [len(self.asset_rows) - 1]
        values = [(n.text(), a.value(), r.value()) for i, (n, a, r) in enumerate(self.asset_rows) if i not in rows]
        self._set_assets(values)
        self._changed()

    def _set_assets(self, assets: list[tuple[str, Any, Any]]) -> None:
        self.assets_table.setRowCount(0)
        self.asset_rows = []
        for name, amount, required_return in assets:
            self.add_asset(name, amount, required_return)

    def set_form(self, data: dict[str, Any]) -> None:
        """Fill the form from a valuation input dict (keys as ``parse_inputs`` reads them)."""
        self._loading = True
        try:
            method = data.get("method", RELIEF_FROM_ROYALTY)
            self.method_combo.setCurrentIndex(max(self.method_combo.findData(method), 0))
            date = QDate.fromString(str(data.get("valuation_date") or ""), "yyyy-MM-dd")
            self.date_edit.setDate(date if date.isValid() else QDate.fromString(
                self.context.store.today().isoformat(), "yyyy-MM-dd"))
            self.brand_edit.setText(data.get("brand") or "")
            self.unit_edit.setText(data.get("unit") or "万元")
            self.notes_edit.setText(data.get("notes") or "")
            self._currency = data.get("currency") or "CNY"
            revenues = list(data.get("revenues") or [])
            profits = list(data.get("after_tax_profits") or [])
            years = max(len(revenues), len(profits)) or DEFAULT_YEARS
            self.years_spin.setValue(min(years, MAX_FORECAST_YEARS))
            self._set_years(self.years_spin.value())
            for year in range(len(self.revenue_fields)):
                self.revenue_fields[year].set_value(revenues[year] if year < len(revenues) else None)
                self.profit_fields[year].set_value(profits[year] if year < len(profits) else None)
            rate_given = data.get("royalty_rate") is not None
            (self.rate_radio if rate_given else self.range_radio).setChecked(True)
            self.royalty_field.set_value(data.get("royalty_rate"))
            ranges = data.get("royalty_rate_range") or {}
            self.range_low_field.set_value(ranges.get("low") if isinstance(ranges, dict) else None)
            self.range_high_field.set_value(ranges.get("high") if isinstance(ranges, dict) else None)
            self.strength_field.set_value(data.get("brand_strength"))
            self.tax_field.set_value(data.get("tax_rate"))
            self.discount_field.set_value(data.get("discount_rate"))
            self.growth_check.setChecked(data.get("terminal_growth") is not None)
            self.growth_field.set_value(data.get("terminal_growth"))
            self.mid_year_check.setChecked(bool(data.get("mid_year")))
            years_tab = data.get("tax_amortisation_years")
            self.tab_check.setChecked(years_tab is not None)
            self.tab_spin.setValue(years_tab if isinstance(years_tab, int) and years_tab >= 1 else 15)
            self._set_assets([(a.get("name", ""), a.get("amount"), a.get("return"))
                              for a in data.get("contributory_assets") or [] if isinstance(a, dict)])
            self._method_changed()
            self._royalty_mode_changed()
        finally:
            self._loading = False
        self.mark_problems([])

    def form_data(self) -> dict[str, Any]:
        """The form as a valuation input dict; the engine validates it."""
        method = self.method_combo.currentData()
        years = self.years_spin.value()
        data: dict[str, Any] = {"method": method,
                                "valuation_date": self.date_edit.date().toString("yyyy-MM-dd")}
        if method == RELIEF_FROM_ROYALTY:
            data["revenues"] = [field.value() for field in self.revenue_fields[:years]]
            if self.rate_radio.isChecked():
                data["royalty_rate"] = self.royalty_field.value()
            else:
                data["royalty_rate_range"] = {"low": self.range_low_field.value(),
                                              "high": self.range_high_field.value()}
                data["brand_strength"] = self.strength_field.value()
        else:
            data["after_tax_profits"] = [field.value() for field in self.profit_fields[:years]]
            data["contributory_assets"] = [{"name": name.text().strip(), "amount": amount.value(),
                                            "return": required.value()}
                                           for name, amount, required in self.asset_rows]
        if self.tax_field.isEnabled():
            data["tax_rate"] = self.tax_field.value()
        data["discount_rate"] = self.discount_field.value()
        data["terminal_growth"] = self.growth_field.value() if self.growth_check.isChecked() else None
        data["mid_year"] = self.mid_year_check.isChecked()
        data["tax_amortisation_years"] = self.tab_spin.value() if self.tab_check.isChecked() else None
        data["currency"] = self._currency
        data["unit"] = self.unit_edit.text().strip() or "万元"
        for key, edit in (("brand", self.brand_edit), ("notes", self.notes_edit)):
            if edit.text().strip():
                data[key] = edit.text().strip()
        return data

    def _changed(self, *_args) -> None:
        if not self._loading:
            self.edited.emit()

    # -- validation ------------------------------------------------------------------------------
    def field_names(self) -> dict[str, str]:
        """The form's own words for the engine's input paths, for ``describe_field``."""
        # "{0}" of the translated label becomes the grammar's placeholder (the year, the asset).
        return {"method": self.tr("Method"), "royalty_rate": self.tr("Royalty rate"),
                "royalty_rate_range": self.tr("Royalty range"),
                "royalty_rate_range.low": self.tr("Royalty range, low"),
                "royalty_rate_range.high": self.tr("Royalty range, high"),
                "brand_strength": self.tr("Brand strength"), "tax_rate": self.tr("Tax rate"),
                "discount_rate": self.tr("Discount rate"), "terminal_growth": self.tr("Terminal growth"),
                "revenues": self.tr("Brand revenue"), "after_tax_profits": self.tr("After-tax profit"),
                "revenues[]": self.tr("Brand revenue, year {0}").format("{ordinal}"),
                "after_tax_profits[]": self.tr("After-tax profit, year {0}").format("{ordinal}"),
                "contributory_assets": self.tr("Contributory assets"), "contributory_assets[]": "{item}",
                "contributory_assets[].name": "{item} " + self.tr("name"),
                "contributory_assets[].amount": "{item} " + self.tr("amount"),
                "contributory_assets[].return": "{item} " + self.tr("required return"),
                "valuation_date": self.tr("Valuation date"),
                "tax_amortisation_years": self.tr("Tax amortisation years"), "brand": self.tr("Brand"),
                "unit": self.tr("Unit of amounts"), "notes": self.tr("Notes"), "trials": self.tr("Trials"),
                "seed": self.tr("Seed")}

    def field_label(self, field: FieldPath) -> str:
        """An engine field (``("revenues", 2)``) as the form names it ("Brand revenue, year 3")."""
        rows = getattr(self, "asset_rows", [])
        items = {("contributory_assets", index): row[0].text().strip() or self.tr("asset {0}").format(index + 1)
                 for index, row in enumerate(rows)}
        return describe_field(field, self._language(), self.field_names(), items)

    def path_label(self, path: str) -> str:
        """An engine input path (``revenues[2]``, a tornado bar's input) as the form names it."""
        return self.field_label(input_field(path))

    def _language(self) -> str:
        return self.context.language or window_language()

    def _widget_for(self, field: FieldPath) -> QWidget | None:
        fields = {("royalty_rate",): self.royalty_field, ("royalty_rate_range",): self.range_low_field,
                  ("royalty_rate_range", "low"): self.range_low_field,
                  ("royalty_rate_range", "high"): self.range_high_field,
                  ("brand_strength",): self.strength_field, ("tax_rate",): self.tax_field,
                  ("discount_rate",): self.discount_field, ("terminal_growth",): self.growth_field,
                  ("trials",): self.trials_spin, ("seed",): self.seed_edit, ("brand",): self.brand_edit,
                  ("unit",): self.unit_edit, ("notes",): self.notes_edit, ("revenues",): self.years_table,
                  ("after_tax_profits",): self.years_table, ("contributory_assets",): self.assets_table,
                  ("tax_amortisation_years",): self.tab_spin}
        field = tuple(field)
        if field in fields:
            return fields[field]
        if len(field) == 2 and field[0] in ("revenues", "after_tax_profits") and isinstance(field[1], int):
            fields_list = self.revenue_fields if field[0] == "revenues" else self.profit_fields
            return fields_list[field[1]] if field[1] < len(fields_list) else None
        if len(field) == 3 and field[0] == "contributory_assets" and isinstance(field[1], int) \
                and field[2] in ASSET_KEYS and field[1] < len(self.asset_rows):
            return self.asset_rows[field[1]][ASSET_KEYS.index(field[2])]
        return None

    def mark_problems(self, problems: list[Problem]) -> None:
        """List the problems under the form (each with its field's label) and mark those fields."""
        self.problems = list(problems)
        marked: set[int] = set()
        all_widgets = [self.royalty_field, self.range_low_field, self.range_high_field, self.strength_field,
                       self.tax_field, self.discount_field, self.growth_field, self.trials_spin, self.seed_edit,
                       self.brand_edit, self.unit_edit, self.notes_edit, self.years_table, self.assets_table,
                       self.tab_spin, *self.revenue_fields, *self.profit_fields,
                       *(w for row in self.asset_rows for w in row)]
        lines = []
        for problem in problems:
            widget = self._widget_for(problem.field)
            if widget is not None:
                marked.add(id(widget))
            message = self.problem_text(problem)
            lines.append(f"• {self.field_label(problem.field)}: {message}" if problem.field else f"• {message}")
        for widget in all_widgets:
            if isinstance(widget, QtQuantityField):
                widget.set_invalid(id(widget) in marked)
            else:
                _mark(widget, id(widget) in marked)
        if lines:
            self.problems_label.setText(self.tr("The estimate was refused:") + "\n" + "\n".join(lines))
            self.problems_label.show()
        else:
            self.problems_label.hide()

    def problem_text(self, problem: Problem) -> str:
        """What is wrong, in the window's language; an empty or non-numeric field in the form's words."""
        if problem.code == "valuation.number_missing":
            return self.tr("is empty: give a number (or a distribution with ±)")
        if problem.code == "valuation.not_a_quantity":
            return self.tr("{0} is not a number").format(problem.params.get("got", ""))
        return problem_message(problem, self._language())

    def run_settings(self, problems: list[Problem]) -> tuple[int | None, int | None]:
        """The run's trials and seed; a seed that is not a whole number is added to ``problems``."""
        trials = self.trials_spin.value()
        seed_text = unicodedata.normalize("NFKC", self.seed_edit.text()).strip()
        seed = None
        if not seed_text.isdigit():
            problems.append(Problem("valuation.seed", ("seed",), {"got": seed_text or "—"}))
        else:
            seed = int(seed_text)
        return trials, seed

    def prepare(self) -> ValuationInputs | None:
        """The form validated by the engine, or None with every problem listed and marked."""
        problems: list[Problem] = []
        self.run_settings(problems)
        try:
            inputs = parse_inputs(self.form_data())
        except ValuationInputError as exc:
            problems.extend(exc.problems)
            inputs = None
        self.mark_problems(problems)
        return None if problems else inputs
