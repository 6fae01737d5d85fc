"""Changing one certificate from the certificates page: reissue, scope change, recertification.

The same four acts as the CLI, each one store call:

* **Recertification** (``store.renewals.start_recertification``): a full assessment before
  expiry; the body chooses whether its certificate takes over at the old one's expiry or
  at once. The certificate is issued from it later, like any (Issue…).
* **Scope extension** (``start_scope_change``): the new model list; a reduced assessment of
  the test items, issued like any once decided.
* **Scope reduction** (``store.renewals.reduce_scope``) and **reissue**
  (``store.certificates.reissue``) replace the certificate at once: signed by the person
  signed in (role authoriser), with the body's key.

A new assessment opens in the walk-through when the page sits in the main window.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox,
    QPlainTextEdit, QRadioButton, QStackedWidget, QVBoxLayout, QWidget,
)

from brandmark.errors import RefusedInput
from brandmark.ui.qt_surveillance_dialog import acting_person, open_walkthrough

ACTIONS = ("recertify", "extend", "reduce", "reissue")


class QtRenewDialog(QDialog):
    """Pick what changes for one valid certificate, fill in its few fields, apply on OK."""

    def __init__(self, page, number: str):
        super().__init__(page)
        self.page, self.context, self.number = page, page.context, number
        store = self.context.store
        self.certificate = store.certificates.get(number)
        self.result: object = None
        self.setWindowTitle(self.tr("Change certificate {0}").format(number))
        self.choice = QButtonGroup(self)
        self.radios = {
            "recertify": QRadioButton(self.tr("Recertification before expiry (a full assessment)")),
            "extend": QRadioButton(self.tr("Scope extension: new models (their test items are assessed)")),
            "reduce": QRadioButton(self.tr("Scope reduction: fewer models (reissued at once)")),
            "reissue": QRadioButton(self.tr("Reissue after a change of the holder's data (reissued at once)")),
        }
        for index, action in enumerate(ACTIONS):
            self.choice.addButton(self.radios[action], index)
        self.stack = QStackedWidget()

        assessors = [p for p in store.people.list(active=True, role="assessor")
                     if self.certificate["scheme_id"] in p["schemes"]]
        self.recert_assessor = QComboBox()
        self.extend_assessor = QComboBox()
        for combo in (self.recert_assessor, self.extend_assessor):
            for person in assessors:
                combo.addItem(f"{person['name']} (#{person['id']})", person["id"])
        self.replace_combo = QComboBox()
        self.replace_combo.addItem(self.tr("When the old certificate expires ({0})")
                                   .format(self.certificate["expires_on"]), "expiry")
        self.replace_combo.addItem(self.tr("At once (the old one is cancelled as superseded)"), "now")
        self.extend_models = QLineEdit(self.certificate["models"])
        self.extend_models.setPlaceholderText(self.tr("Every model the new certificate names, comma-separated"))
        self.reduce_models = QLineEdit(self.certificate["models"])
        self.reduce_models.setPlaceholderText(self.tr("The models it keeps, comma-separated"))
        self.reduce_reason = QPlainTextEdit()
        self.reduce_reason.setTabChangesFocus(True)
        self.reissue_reason = QPlainTextEdit()
        self.reissue_reason.setTabChangesFocus(True)
        self.reissue_reason.setPlaceholderText(self.tr("What changed (kept in the register)"))

        pages = {
            "recertify": ((self.tr("Assessor"), self.recert_assessor), (self.tr("New certificate takes over"),
                                                                        self.replace_combo)),
            "extend": ((self.tr("Models"), self.extend_models), (self.tr("Assessor"), self.extend_assessor)),
            "reduce": ((self.tr("Models kept"), self.reduce_models), (self.tr("Reason"), self.reduce_reason)),
            "reissue": ((self.tr("Reason"), self.reissue_reason),),
        }
        for action in ACTIONS:
            holder = QWidget()
            form = QFormLayout(holder)
            for label, widget in pages[action]:
                form.addRow(label, widget)
            self.stack.addWidget(holder)
        self.choice.idToggled.connect(lambda index, on: on and self.stack.setCurrentIndex(index))
        self.radios["recertify"].setChecked(True)
        self.stack.setCurrentIndex(0)

        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setPlaceholderText(self.tr("Opens the body's signing key for this session"))
        heading = QLabel(self.tr("{0} — {1}, models: {2}; valid until {3}").format(
            number, self.certificate["holder_name"], self.certificate["models"] or "—", self.certificate["expires_on"]))
        heading.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        for action in ACTIONS:
            layout.addWidget(self.radios[action])
        layout.addWidget(self.stack)
        if page.body_key_locked():
            body = QFormLayout()
            body.addRow(self.tr("Body's passphrase"), self.passphrase_edit)
            layout.addLayout(body)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def chosen(self) -> str:
        return ACTIONS[self.choice.checkedId()]

    # -- the acts (one store call each) --------------------------------------------------
    def start_recertification(self, assessor, replace_at: str) -> int:
        assessment_id = self.context.store.renewals.start_recertification(self.number, assessor=assessor,
                                                                          replace_at=replace_at)
        self.context.notify("assessments")
        return assessment_id

    def start_scope_change(self, models: str, assessor) -> int:
        assessment_id = self.context.store.renewals.start_scope_change(self.number, models=models, assessor=assessor)
        self.context.notify("assessments")
        return assessment_id

    def _unlock(self) -> None:
        if self.passphrase_edit.text():
            self.page.unlock_body_key(self.passphrase_edit.text())

    def reduce_scope(self, models: str, reason: str) -> dict:
        self._unlock()
        person = acting_person(self.context)
        cert = self.context.store.renewals.reduce_scope(self.number, models=models, reason=reason, by=person,
                                                        authorised_by=person)
        self._replaced(cert)
        return cert

    def reissue(self, reason: str) -> dict:
        self._unlock()
        person = acting_person(self.context)
        cert = self.context.store.certificates.reissue(self.number, reason=reason, by=self.context.user_name,
                                                       authorised_by=person)
        self._replaced(cert)
        return cert

    def _replaced(self, cert: dict) -> None:
        self.context.notify("certificates")
        self.page.refresh()
        self.page.select_number(cert["number"])

    def accept(self) -> None:
        action = self.chosen()
        try:
            if action == "recertify":
                self.result = self.start_recertification(self.recert_assessor.currentData(),
                                                         self.replace_combo.currentData())
            elif action == "extend":
                self.result = self.start_scope_change(self.extend_models.text(), self.extend_assessor.currentData())
            elif action == "reduce":
                self.result = self.reduce_scope(self.reduce_models.text(), self.reduce_reason.toPlainText())
            else:
                self.result = self.reissue(self.reissue_reason.toPlainText())
        except RefusedInput as exc:
            self.context.show_refusal(self, self.windowTitle(), exc)
            return
        super().accept()
        if isinstance(self.result, int):
            question = self.tr("Assessment #{0} started. Open its walk-through now?").format(self.result)
            if QMessageBox.question(self.page, self.windowTitle(), question) == QMessageBox.StandardButton.Yes:
                open_walkthrough(self.page, self.result)
