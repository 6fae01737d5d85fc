"""The applicant dialog (申请企业): add or edit one enterprise.

The credit code is checked as it is typed (``validate_uscc``) and the reason shows under
the field, once: saving a wrong code marks the field and leaves the reason there, rather
than repeating it above the buttons. Saving calls the store; any other refusal (duplicate,
empty name...) shows above the buttons, the dialog stays open, and nothing is written.

Until the user picks a region, a valid code fills it from its administrative-division
digits (``region_from_uscc``: 330106 → 杭州市); picking one, even "(not given)", keeps it.

>>> dialog = QtApplicantDialog(context, parent)     # doctest: +SKIP
>>> if dialog.exec(): print(dialog.applicant_id)     # doctest: +SKIP
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from brandmark.errors import RefusedInput
from brandmark.regions import REGIONS, region_from_uscc
from brandmark.ui.qt_field_check import error_label, show_field_check
from brandmark.ui.qt_i18n import localized_message
from brandmark.uscc import validate_uscc


class QtApplicantDialog(QDialog):
    """Edits ``applicant_id`` when given, otherwise registers a new applicant."""

    def __init__(self, context, parent: QWidget | None = None, applicant_id: int | None = None):
        super().__init__(parent)
        self.context = context
        self.applicant_id = applicant_id
        self.setWindowTitle(self.tr("Edit applicant") if applicant_id else self.tr("New applicant"))
        self.setMinimumWidth(560)
        self.setStyleSheet('*[invalid="true"] { border: 1px solid #c62828; background: #fff3f2; }')

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.name_edit.setPlaceholderText(self.tr("Registered name, e.g. 杭州某某电器有限公司"))
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("18 characters, e.g. 91330100MA2XXXXXXX"))
        self.code_edit.setMaxLength(40)   # pasted codes may carry spaces or dashes
        self.code_message = QLabel()
        self.code_message.setWordWrap(True)
        self.code_message.setObjectName("codeMessage")
        self.region_combo = QComboBox()
        self.region_chosen = False          # by the user; until then the code's digits fill it
        self.region_note = QLabel()
        self.region_note.setObjectName("regionNote")
        self.region_note.setStyleSheet("color: #5f6368;")
        self.region_note.hide()
        english = context.language != "zh_CN"
        self.region_combo.addItem(self.tr("(not given)"), None)
        for region_id, (zh, en, _) in REGIONS.items():
            self.region_combo.addItem(en if english else zh, region_id)
        self.address_edit = QLineEdit()
        self.industry_edit = QLineEdit()
        self.industry_edit.setPlaceholderText(self.tr("e.g. household appliances"))
        self.contact_edit = QLineEdit()
        self.contact_edit.setPlaceholderText(self.tr("person and telephone"))

        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Credit code"), self.code_edit)
        form.addRow("", self.code_message)
        form.addRow(self.tr("&Region"), self.region_combo)
        form.addRow("", self.region_note)
        form.addRow(self.tr("&Address"), self.address_edit)
        form.addRow(self.tr("&Industry"), self.industry_edit)
        form.addRow(self.tr("C&ontact"), self.contact_edit)

        self.error_label = error_label()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.code_edit.textChanged.connect(self.check_code)
        # A refusal is about what was submitted: once the user changes anything it is stale
        # (a corrected code must not sit above "code is wrong").
        for edit in (self.name_edit, self.code_edit, self.address_edit, self.industry_edit, self.contact_edit):
            edit.textEdited.connect(self._clear_error)
        self.region_combo.currentIndexChanged.connect(self._clear_error)
        self.region_combo.activated.connect(self._region_picked)
        if applicant_id:
            self._load(applicant_id)
        self.check_code(self.code_edit.text())

    def _load(self, applicant_id: int) -> None:
        row = self.context.store.applicants.get(applicant_id)
        self.name_edit.setText(row["name"])
        self.code_edit.setText(row["uscc"])
        self.region_combo.setCurrentIndex(max(0, self.region_combo.findData(row["region"])))
        self.region_chosen = row["region"] is not None
        self.address_edit.setText(row["address"] or "")
        self.industry_edit.setText(row["industry"] or "")
        self.contact_edit.setText(row["contact"] or "")

    # -- live check of the credit code --------------------------------------------------
    def check_code(self, text: str) -> bool:
        """Show under the field whether the code is valid; returns whether it is."""
        valid = show_field_check(self.code_message, text, validate_uscc, self.context.language,
                                 hint=self.tr("The unified social credit code has 18 characters."),
                                 valid=self.tr("Valid code: {0}"), empty_ok=False)
        if not self.region_chosen:
            self._region_from_code(validate_uscc(text) if valid else None)
        return valid

    def _region_from_code(self, code: str | None) -> None:
        region = region_from_uscc(code)
        self.region_combo.blockSignals(True)
        self.region_combo.setCurrentIndex(max(0, self.region_combo.findData(region)))
        self.region_combo.blockSignals(False)
        if region is None:
            self.region_note.hide()
        else:
            self.region_note.setText(self.tr("From the credit code's division digits ({0}); you can change it.")
                                     .format(code[2:8]))
            self.region_note.show()

    def _region_picked(self, _index: int) -> None:
        self.region_chosen = True
        self.region_note.hide()

    # -- saving ---------------------------------------------------------------------
    def fields(self) -> dict:
        return {"name": self.name_edit.text(), "uscc": self.code_edit.text(),
                "region": self.region_combo.currentData(), "address": self.address_edit.text(),
                "industry": self.industry_edit.text(), "contact": self.contact_edit.text()}

    def save(self) -> None:
        """Ask the store to save; stay open with the reason when it refuses."""
        actor = self.context.user_name
        try:
            if self.applicant_id:
                self.context.store.applicants.update(self.applicant_id, actor=actor, **self.fields())
            else:
                self.applicant_id = self.context.store.applicants.add(actor=actor, **self.fields())
        except RefusedInput as exc:
            self.show_error(exc)
            return
        self.context.notify("applicants")
        self.accept()

    def _clear_error(self, *_args) -> None:
        self.error_label.hide()
        self.error_label.clear()
        for widget in self._field_widgets().values():
            _mark(widget, False)

    def _field_widgets(self) -> dict[str, QWidget]:
        """The widget of each field a refusal may name (``problem.field[0]``)."""
        return {"name": self.name_edit, "uscc": self.code_edit, "region": self.region_combo,
                "address": self.address_edit, "industry": self.industry_edit, "contact": self.contact_edit}

    def show_error(self, message: str | RefusedInput) -> None:
        """The reason in the window's language; the field it names is marked and takes the focus.

        A wrong code's reason is already under the code field (the live check): it is not
        said a second time above the buttons."""
        problems = list(getattr(message, "problems", []))
        named = [problem.field[0] for problem in problems if problem.field]
        shown_under_code = [p for p in problems if p.field[:1] == ("uscc",) and p.code.startswith("uscc.")]
        rest = [p for p in problems if p not in shown_under_code]
        if problems and not rest:
            self.error_label.hide()
        else:
            text = message if not shown_under_code else RefusedInput(problems=rest)
            self.error_label.setText(localized_message(text, self.context.language))
            self.error_label.setToolTip(str(text))
            self.error_label.show()
        widgets = self._field_widgets()
        for key, widget in widgets.items():
            _mark(widget, key in named)
        first = next((widgets[key] for key in named if key in widgets), None)
        if first is not None:
            first.setFocus()


def _mark(widget: QWidget, invalid: bool) -> None:
    widget.setProperty("invalid", bool(invalid))
    widget.style().unpolish(widget)
    widget.style().polish(widget)
