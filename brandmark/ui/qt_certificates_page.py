"""The certificates page (证书): the register with status filters, issue, print, status changes, verify.

Every action calls ``store.certificates``; printing runs off the GUI thread through
``context.run_operation`` with progress. The dialogs are thin: each collects input and
calls one page method, and those methods are what the tests drive.

>>> page = QtCertificatesPage(context)          # doctest: +SKIP
>>> page.issue(assessment_id)["number"]         # doctest: +SKIP
'BM-ZJM-2026-00001'
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QInputDialog,
    QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit, QPushButton,
    QTextBrowser, QVBoxLayout, QWidget,
)

from brandmark.errors import RefusedInput
from brandmark.certificates.statuses import STATUSES, allowed_actions
from brandmark.formatting import local_moment
from brandmark.ui import qt_file_dialogs
from brandmark.ui.qt_body_settings import QtBodySettingsDialog
from brandmark.ui.qt_certificate_printing import EACH, QtCertificatePrinting
from brandmark.ui.qt_i18n import localized_message
from brandmark.ui.qt_models import Column, QtWindowedTableModel
from brandmark.ui.qt_register_export import QtRegisterExporter, model_view
from brandmark.ui.qt_register_view import QtRegisterView
from brandmark.ui.qt_report_export import SURVEILLANCE_REPORT, QtReportExporter
from brandmark.ui.qt_saved import announce_saved
from brandmark.ui.qt_score_panel import verdict_name
from brandmark.ui.qt_surveillance_dialog import OVERDUE_COLOUR


class QtCertificatesModel(QtWindowedTableModel):
    """The certificate register (证书) over ``store.certificates.list/count``, a page at a time,
    for the status chosen in the page's filter."""

    columns = (
        Column("number", QT_TRANSLATE_NOOP("QtRegisterColumns", "Number")),
        Column("holder_name", QT_TRANSLATE_NOOP("QtRegisterColumns", "Holder")),
        Column("product", QT_TRANSLATE_NOOP("QtRegisterColumns", "Product")),
        Column("issued_on", QT_TRANSLATE_NOOP("QtRegisterColumns", "Issued")),
        Column("expires_on", QT_TRANSLATE_NOOP("QtRegisterColumns", "Valid until")),
        Column("status", QT_TRANSLATE_NOOP("QtRegisterColumns", "Status")),
        Column("next_surveillance", QT_TRANSLATE_NOOP("QtRegisterColumns", "Next surveillance")),
    )
    default_order = ("created_at", True)     # newest first, as the register lists them
    id_key = "number"
    keyset = True

    def __init__(self, store, labels: dict[str, str], **options):
        self.store, self.labels = store, labels
        self.status: str | None = None       # the filter: an effective status, or None for all
        certificates = store.certificates
        super().__init__(lambda search, **page: certificates.list(self.status, search, **page),
                         lambda search: certificates.count(self.status, search), **options)

    def set_status(self, status: str | None) -> None:
        if status != self.status:
            self.status = status
            self.refresh()

    def display(self, row: dict, key: str):
        if key == "status":
            return self.labels.get(row["status"], row["status"])
        return super().display(row, key)

    def style(self, row: dict, key: str, role: int):
        if role == Qt.ItemDataRole.ForegroundRole and key == "next_surveillance" and row.get(key) \
                and row[key] < self.store.today().isoformat() and row["status"] in ("valid", "suspended"):
            return OVERDUE_COLOUR      # a visit past its date (qt_surveillance_dialog lists them)
        return None


class QtCertificatesPage(QWidget):
    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.status_labels = {"valid": self.tr("Valid"), "suspended": self.tr("Suspended"),
                              "withdrawn": self.tr("Withdrawn"), "cancelled": self.tr("Cancelled"),
                              "expired": self.tr("Expired"), "unknown": self.tr("Not in this register")}
        self.model = QtCertificatesModel(context.store, self.status_labels, language=context.language, parent=self)
        self.register = QtRegisterView(self.model, self.tr("Search by number, holder, credit code or product"))
        # Several certificates may be chosen at once, to print them together.
        self.register.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.register.set_column_widths({"number": 160, "product": 200, "issued_on": 95, "expires_on": 95,
                                         "status": 80, "next_surveillance": 120}, stretch="holder_name")
        self.table, self.search_edit, self.count_label = (self.register.table, self.register.search_edit,
                                                          self.register.count_label)

        title = QLabel(self.tr("Certificates"))
        title.setObjectName("pageTitle")
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("All statuses"), "")
        for status in STATUSES:
            self.status_combo.addItem(self.status_labels[status], status)
        self.register.tools.insertWidget(0, self.status_combo)

        self.details = QTextBrowser()
        self.details.setMaximumHeight(170)

        self.issue_button = QPushButton(self.tr("&Issue…"))
        self.print_button = QPushButton(self.tr("&Print…"))
        self.save_pdf_button = QPushButton(self.tr("Save a PDF &copy…"))
        self.print_all_button = QPushButton(self.tr("Prin&t all valid…"))
        self.suspend_button = QPushButton(self.tr("S&uspend…"))
        self.reinstate_button = QPushButton(self.tr("&Reinstate…"))
        self.withdraw_button = QPushButton(self.tr("&Withdraw…"))
        self.cancel_button = QPushButton(self.tr("Ca&ncel certificate…"))
        self.verify_button = QPushButton(self.tr("V&erify…"))
        self.status_list_button = QPushButton(self.tr("Export status &list…"))
        self.body_settings_button = QPushButton(self.tr("&Body settings…"))
        self.surveillance_button = QPushButton(self.tr("Surveillance &due…"))      # qt_surveillance_dialog
        self.renew_button = QPushButton(self.tr("Renew or change sc&ope…"))        # qt_recertify_dialog
        self.visit_report_button = QPushButton(self.tr("Surveill&ance report…"))
        self.mark_use_button = QPushButton(self.tr("&Mark use…"))                  # qt_mark_use_dialog
        self.mark_use_button.setToolTip(self.tr("The marks this certificate's holder reported printing or "
                                                "applying, year by year; record the next report"))
        self.report_exporter = QtReportExporter(context, self)
        self.visit_report_button.setToolTip(self.tr("Save the report of one of this certificate's surveillance "
                                                    "visits as a PDF"))
        # The rows shown (status filter, search, order) to a workbook: X, as on the applicants page.
        self.export_table_button = QPushButton(self.tr("E&xport table…"))
        self.export_table_button.setToolTip(self.tr("Save the rows the table shows (status filter, search and "
                                                    "order as they are) to an Excel workbook or a CSV file"))
        self.table_exporter = QtRegisterExporter(context, self, "certificates",
                                                 model_view(self.model, status=lambda: self.model.status))

        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.surveillance_button)
        header.addWidget(self.verify_button)
        header.addWidget(self.status_list_button)
        header.addWidget(self.export_table_button)
        header.addWidget(self.body_settings_button)
        # Two rows, so the page fits a 1280-pixel screen in English: the paper and its status
        # above, the certificate's later life (renewal, visits, mark use) below.
        actions = QVBoxLayout()
        paper, life = QHBoxLayout(), QHBoxLayout()
        for button in (self.issue_button, self.print_button, self.save_pdf_button, self.print_all_button):
            paper.addWidget(button)
        paper.addStretch(1)
        for button in (self.suspend_button, self.reinstate_button, self.withdraw_button, self.cancel_button):
            paper.addWidget(button)
        for button in (self.renew_button, self.visit_report_button, self.mark_use_button):
            life.addWidget(button)
        life.addStretch(1)
        actions.addLayout(paper)
        actions.addLayout(life)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.register, 1)
        layout.addLayout(actions)
        layout.addWidget(self.details)

        self.status_combo.currentIndexChanged.connect(lambda _: self.model.set_status(self.status_combo.currentData()
                                                                                     or None))
        self.register.selection_changed.connect(self._selection_changed)
        self.issue_button.clicked.connect(self.ask_issue)
        self.printing = QtCertificatePrinting(self)
        self.print_button.clicked.connect(lambda: self.printing.preview(self.selected_numbers()))
        self.save_pdf_button.clicked.connect(lambda: self.printing.ask_save_pdf(self.selected_numbers()))
        self.print_all_button.clicked.connect(self.printing.ask_print_all)
        self.status_buttons = {self.suspend_button: "suspend", self.reinstate_button: "reinstate",
                               self.withdraw_button: "withdraw", self.cancel_button: "cancel"}
        for button, action in self.status_buttons.items():
            button.clicked.connect(lambda _=False, a=action: self.ask_status_change(a))
        self.verify_button.clicked.connect(self.ask_verify)
        self.status_list_button.clicked.connect(self.ask_export_status_list)
        self.export_table_button.clicked.connect(lambda: self.table_exporter.export())
        self.body_settings_button.clicked.connect(lambda: QtBodySettingsDialog(self).exec())   # qt_body_settings
        self.surveillance_button.clicked.connect(self.ask_surveillance)
        self.renew_button.clicked.connect(self.ask_renew)
        self.visit_report_button.clicked.connect(self.ask_visit_report)
        self.mark_use_button.clicked.connect(self.ask_mark_use)
        context.changed.connect(self._on_changed)
        self.refresh()

    # -- the register ---------------------------------------------------------------
    def _on_changed(self, topic: str) -> None:
        if topic in ("certificates", "assessments", "applicants", "all"):
            self.refresh()

    def refresh(self) -> None:
        """Count and read again (after a change), keeping the chosen certificates chosen."""
        selected = self.selected_numbers()
        self.model.refresh()
        for number in selected:
            self.select_number(number, add=True)
        self._selection_changed()
        self.print_all_button.setEnabled(self.printing.valid_count() > 0)     # nothing to print: say so

    def set_status_filter(self, status: str) -> None:
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(status)))

    def set_search(self, text: str) -> None:
        """Search at once (typing in the box waits for a pause first)."""
        self.search_edit.setText(text)
        self.register.apply_search()

    def shown_numbers(self) -> list[str]:
        """The numbers of every row the filter and search let through, in the register's order."""
        return [self.model.row_id(position) for position in range(self.model.rowCount())]

    def selected_numbers(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [number for number in map(self.model.row_id, rows) if number is not None]

    def select_number(self, number: str, add: bool = False) -> bool:
        """Select the certificate's row if it is on a page already read (no full scan)."""
        if not add:
            return self.register.select_id(number)
        for position in range(min(self.model.rowCount(), self.model.page_size * self.model.max_pages)):
            if self.model.row_id(position) == number:
                self.table.selectionModel().select(
                    self.model.index(position, 0),
                    QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
                return True
        return False

    def _selection_changed(self) -> None:
        numbers = self.selected_numbers()
        one = self.context.store.certificates.get(numbers[0]) if len(numbers) == 1 else None
        # The register decides which changes apply (expiry included); the buttons only mirror it.
        allowed = allowed_actions(one) if one else ()
        self.print_button.setEnabled(bool(numbers))
        self.renew_button.setEnabled(bool(one) and one["status"] == "valid" and not one["replaced_by"])
        self.save_pdf_button.setEnabled(bool(numbers))
        self.visit_report_button.setEnabled(bool(one) and bool(self.reported_visits(one["number"])))
        self.mark_use_button.setEnabled(bool(one))
        for button, action in self.status_buttons.items():
            button.setEnabled(action in allowed)
        self.details.setHtml(self._details_html(one["number"]) if one else "")

    def _details_html(self, number: str) -> str:
        from html import escape
        store = self.context.store
        c = store.certificates.get(number)
        # The labels are translated outside the f-strings: lupdate does not look inside one.
        holder, product, standard = self.tr("Holder"), self.tr("Product"), self.tr("Standard")
        authorised, key = self.tr("Authorised by"), self.tr("Key")
        lines = [f"<b>{escape(c['number'])}</b> — {escape(self.status_labels.get(c['status'], c['status']))}",
                 f"{escape(holder)}: {escape(c['holder_name'])} ({escape(c['holder_uscc'])})",
                 f"{escape(product)}: {escape(c['product'])} {escape(c['models'])}",
                 f"{escape(standard)}: {escape(c['standard'])} · {escape(c['implementation_rule'])}",
                 f"{escape(authorised)}: {escape(c['authorised_by'])} · {escape(key)} {escape(c['key_id'])}"]
        if c["replaces"]:
            lines.append(escape(self.tr("Replaces {0}").format(c["replaces"])))
        if c["replaced_by"]:
            lines.append(escape(self.tr("Replaced by {0}").format(c["replaced_by"])))
        zone = store.time_zone()
        for change in store.certificates.history(number):
            lines.append(f"{escape(local_moment(change['changed_at'], zone))} · "
                         f"{escape(self.status_labels.get(change['status'], change['status']))} · "
                         f"{escape(change['changed_by'])}: "
                         # The register's own reasons are bilingual ("依评审 #7 发证 / issued from…").
                         f"{escape(localized_message(change['reason'], self.context.language))}")
        return "<br/>".join(lines)

    # -- actions the dialogs call (and the tests) -------------------------------------
    def body_key_locked(self) -> bool:
        """Whether signing needs the body's passphrase first (a key exists and is not open)."""
        keys = self.context.store.body_keys
        return keys.current() is not None and not keys.is_unlocked()

    def unlock_body_key(self, passphrase: str) -> None:
        """Open the body's key for the rest of this session (refused: wrong passphrase)."""
        self.context.store.body_keys.unlock(passphrase)

    def issue(self, assessment_id: int, authorised_by: str | None = None, passphrase: str = "") -> dict:
        """Issue from a decided assessment; refreshes and selects the new certificate."""
        if passphrase:
            self.unlock_body_key(passphrase)
        cert = self.context.store.certificates.issue(assessment_id, authorised_by=authorised_by or None,
                                                     by=self.context.user_name or None)
        self.context.notify("certificates")
        self.refresh()
        self.select_number(cert["number"])
        return cert

    def change_status(self, number: str, action: str, reason: str, by: str) -> dict:
        cert = self.context.store.certificates.change_status(number, action, reason=reason, by=by)
        self.context.notify("certificates")
        self.refresh()
        return cert

    def print_certificates(self, numbers: list[str] | None, directory: str | Path, on_done=None) -> None:
        """One PDF each for the numbers (None = every valid one) into ``directory``, off the GUI thread."""
        self.printing.print_batch(EACH, directory, numbers, on_done=on_done)

    def verify_text(self, text: str, status_list=None) -> dict:
        return self.context.store.certificates.verify(text, status_list=status_list)

    def verify_pdf(self, path: str | Path, status_list=None) -> dict:
        return self.context.store.certificates.verify_pdf(path, status_list=status_list)

    def verify_image(self, path: str | Path, status_list=None) -> dict:
        """Verify from a photo or scan: its QR code is read (refused: no certificate code in it)."""
        return self.context.store.certificates.verify_image(path, status_list=status_list)

    def load_status_list(self, path: str | Path):
        """Read and check another body's (or our own) signed status list for offline checks."""
        return self.context.store.certificates.load_status_list(path)

    def verification_headline(self, result: dict) -> str:
        """What a reader must see first: the status, not the signature (a suspended certificate
        is headlined suspended, though its signature is genuine)."""
        if not result["genuine"]:
            return self.tr("NOT GENUINE")
        return {"valid": self.tr("VALID"), "suspended": self.tr("SUSPENDED"), "withdrawn": self.tr("WITHDRAWN"),
                "cancelled": self.tr("CANCELLED"), "expired": self.tr("EXPIRED")}.get(
                    result["status"], self.tr("STATUS UNKNOWN"))

    def describe_verification(self, result: dict) -> str:
        """The verification result as a short translated text for the dialog, status first."""
        # The reason starts with the signature's verdict ("签名有效；…" / "genuine; …").
        lines = [self.verification_headline(result), localized_message(result["reason"], self.context.language)]
        if result["number"]:
            lines += [self.tr("Number: {0}").format(result["number"]),
                      self.tr("Holder: {0} ({1})").format(result["holder"], result["uscc"]),
                      self.tr("Product: {0}").format(result["product"]),
                      self.tr("Valid until: {0}").format(result["valid_until"])]
        return "\n".join(lines)

    # -- the dialogs ---------------------------------------------------------------
    def ask_issue(self) -> None:
        dialog = QtIssueDialog(self)
        dialog.exec()

    def ask_status_change(self, action: str) -> None:
        numbers = self.selected_numbers()
        if len(numbers) == 1:
            QtStatusChangeDialog(self, numbers[0], action).exec()

    def ask_surveillance(self) -> None:
        from brandmark.ui.qt_surveillance_dialog import QtSurveillanceDialog
        QtSurveillanceDialog(self).exec()

    def ask_renew(self) -> None:
        from brandmark.ui.qt_recertify_dialog import QtRenewDialog
        numbers = self.selected_numbers()
        if len(numbers) == 1:
            QtRenewDialog(self, numbers[0]).exec()

    def reported_visits(self, number: str) -> list[dict]:
        """The certificate's visits that were carried out as assessments (so have a report), latest first."""
        visits = self.context.store.surveillance.visits(number)
        return [v for v in reversed(visits) if v["assessment_id"]]

    def visit_label(self, visit: dict) -> str:
        done = visit["done_on"] or self.tr("open")
        return self.tr("Assessment #{0} · due {1} · done {2}").format(visit["assessment_id"], visit["due_on"], done)

    def ask_visit_report(self) -> None:
        numbers = self.selected_numbers()
        visits = self.reported_visits(numbers[0]) if len(numbers) == 1 else []
        if not visits:
            return
        visit = visits[0]
        if len(visits) > 1:
            labels = [self.visit_label(v) for v in visits]
            chosen, ok = QInputDialog.getItem(self, self.tr("Visit report"), self.tr("Which visit?"), labels, 0, False)
            if not ok:
                return
            visit = visits[labels.index(chosen)]
        self.report_exporter.export(visit["assessment_id"], SURVEILLANCE_REPORT)

    def ask_verify(self) -> None:
        QtVerifyDialog(self).exec()

    def ask_mark_use(self) -> None:
        from brandmark.ui.qt_mark_use_dialog import QtMarkUseDialog

        numbers = self.selected_numbers()
        if len(numbers) == 1:
            QtMarkUseDialog(self, numbers[0]).exec()

    def ask_body_passphrase(self, title: str) -> bool:
        """Ask for the body's passphrase when the key is locked; False when the user cancels."""
        if not self.body_key_locked():
            return True
        passphrase, ok = QInputDialog.getText(self, title, self.tr("The body's passphrase (opens its signing key "
                                                                  "for this session):"), QLineEdit.EchoMode.Password)
        if not ok:
            return False
        try:
            self.unlock_body_key(passphrase)
        except RefusedInput as exc:
            self.context.show_refusal(self, title, exc)
            return False
        return True

    def ask_export_status_list(self) -> None:
        path, _ = qt_file_dialogs.save_file_name(self, self.tr("Export status list"), "status-list.json",
                                              self.tr("Status lists (*.json)"))
        if not path or not self.ask_body_passphrase(self.tr("Export status list")):
            return
        try:
            self.context.store.certificates.export_status_list(path)
        except RefusedInput as exc:
            self.context.show_refusal(self, self.tr("Export status list"), exc)
            return
        announce_saved(self, self.tr("Export status list"), [Path(path)])


class QtIssueDialog(QDialog):
    """Pick a decided assessment and the authorising person; issues on OK."""

    def __init__(self, page: QtCertificatesPage):
        super().__init__(page)
        self.page = page
        self.issued: dict | None = None
        self.setWindowTitle(self.tr("Issue a certificate"))
        self.candidates = page.context.store.certificates.issuable()
        self.list = QListWidget()
        self.list.setWordWrap(True)      # a long holder name wraps instead of hiding the decision
        language = getattr(page.context, "language", "zh_CN")
        for row in self.candidates:
            decision = verdict_name(row["decision"])     # the stored code in the window's words
            text = f"#{row['id']}  {row['applicant_name']} — {row['product'] or '?'}  ({decision})"
            if row["blocker"]:
                text += "\n    " + localized_message(row["blocker"], language)
            item = QListWidgetItem(text)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.UserRole, row["id"])
            if row["blocker"]:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        self.empty_label = QLabel(self.tr("No decided assessment is waiting for a certificate."))
        self.empty_label.setVisible(not self.candidates)
        # The authoriser signs with their own key: that is the person signed in (qt_sign_in).
        self.authorised_edit = QLineEdit(page.context.user_name if getattr(page.context, "person", None) else "")
        self.authorised_edit.setReadOnly(bool(getattr(page.context, "person", None)))
        self.authorised_edit.setPlaceholderText(self.tr("Default: the person who decided"))
        # Asked only while the body's key is locked; once open it stays open for the session.
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setPlaceholderText(self.tr("Opens the body's signing key for this session"))
        form = QFormLayout()
        form.addRow(self.tr("Authorised by"), self.authorised_edit)
        if page.body_key_locked():
            form.addRow(self.tr("Body's passphrase"), self.passphrase_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Issue"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Decided certification assessments without a certificate:")))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(620, 380)
        for index in range(self.list.count()):
            if self.list.item(index).flags() & Qt.ItemFlag.ItemIsEnabled:
                self.list.setCurrentRow(index)
                break

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            QMessageBox.information(self, self.windowTitle(), self.tr("Choose an assessment first."))
            return
        try:
            self.issued = self.page.issue(item.data(Qt.ItemDataRole.UserRole), self.authorised_edit.text().strip(),
                                          passphrase=self.passphrase_edit.text())
        except RefusedInput as exc:
            self.page.context.show_refusal(self, self.windowTitle(), exc)
            return
        super().accept()


class QtStatusChangeDialog(QDialog):
    """Reason and person for one status change; applies it on OK."""

    def __init__(self, page: QtCertificatesPage, number: str, action: str):
        super().__init__(page)
        self.page, self.number, self.action = page, number, action
        titles = {"suspend": self.tr("Suspend certificate {0}"), "reinstate": self.tr("Reinstate certificate {0}"),
                  "withdraw": self.tr("Withdraw certificate {0}"), "cancel": self.tr("Cancel certificate {0}")}
        self.setWindowTitle(titles[action].format(number))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)     # Tab goes on to "By", never into the reason
        self.reason_edit.setPlaceholderText(self.tr("Why (kept in the register and the event log)"))
        self.by_edit = QLineEdit(page.context.user_name)
        # The person signed in is who the change is credited to; typing another name here
        # would credit someone who did not do it.
        self.by_edit.setReadOnly(bool(getattr(page.context, "person", None)))
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason_edit)
        form.addRow(self.tr("By"), self.by_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if action in ("withdraw", "cancel"):
            warning = QLabel(self.tr("This is final: a withdrawn or cancelled certificate cannot be reinstated."))
            warning.setWordWrap(True)
            layout.addWidget(warning)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            self.page.change_status(self.number, self.action, self.reason_edit.toPlainText(), self.by_edit.text())
        except RefusedInput as exc:
            self.page.context.show_refusal(self, self.windowTitle(), exc)
            return
        super().accept()


class QtVerifyDialog(QDialog):
    """Paste a payload, open a PDF or a photo or scan; shows genuine or not, and the status today."""

    def __init__(self, page: QtCertificatesPage):
        super().__init__(page)
        self.page = page
        self.setWindowTitle(self.tr("Verify a certificate"))
        self.payload_edit = QPlainTextEdit()
        self.payload_edit.setTabChangesFocus(True)
        self.payload_edit.setPlaceholderText(self.tr("Paste the QR code's text (BM1:…), or open the certificate's "
                                                     "PDF or a photo of it"))
        self.check_button = QPushButton(self.tr("&Check"))
        self.open_button = QPushButton(self.tr("Open &PDF…"))
        self.open_image_button = QPushButton(self.tr("Open p&icture…"))
        self.open_image_button.setToolTip(self.tr("A photo or scan of the certificate (PNG, JPEG): its QR code is read"))
        self.status_list = None
        self.status_list_button = QPushButton(self.tr("&Status list…"))
        self.status_list_label = QLabel(self.tr("Status from this register (no status list loaded)"))
        self.status_list_label.setWordWrap(True)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.open_image_button)
        buttons.addWidget(self.status_list_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.payload_edit)
        layout.addLayout(buttons)
        layout.addWidget(self.status_list_label)
        layout.addWidget(self.result_label, 1)
        layout.addWidget(close)
        self.check_button.clicked.connect(lambda: self.show_result(
            page.verify_text(self.payload_edit.toPlainText(), status_list=self.status_list)))
        self.open_button.clicked.connect(self.open_pdf)
        self.open_image_button.clicked.connect(self.open_image)
        self.status_list_button.clicked.connect(self.open_status_list)
        self.resize(560, 360)

    def open_pdf(self) -> None:
        path, _ = qt_file_dialogs.open_file_name(self, self.tr("Open a certificate PDF"), "",
                                              self.tr("PDF files (*.pdf)"))
        if path:
            self.check_pdf(path)

    def open_image(self) -> None:
        path, _ = qt_file_dialogs.open_file_name(
            self, self.tr("Open a photo or scan of a certificate"), "",
            self.tr("Pictures (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)"))
        if path:
            self.check_image(path)

    def check_image(self, path: str) -> None:
        try:
            self.show_result(self.page.verify_image(path, status_list=self.status_list))
        except RefusedInput as exc:
            self.page.context.show_refusal(self, self.windowTitle(), exc)

    def open_status_list(self) -> None:
        path, _ = qt_file_dialogs.open_file_name(self, self.tr("Open a status list"), "",
                                                 self.tr("Status lists (*.json)"))
        if path:
            self.use_status_list(path)

    def use_status_list(self, path: str) -> None:
        """Check the list's signature now; its date and sequence are judged at every check."""
        try:
            self.status_list = self.page.load_status_list(path)
        except RefusedInput as exc:
            self.page.context.show_refusal(self, self.windowTitle(), exc)
            return
        listing = self.status_list
        self.status_list_label.setText(self.tr("Status list no. {0} of {1} (body {2}), to be relied on until {3}")
                                       .format(listing.sequence, listing.as_of.isoformat(),
                                               listing.body.get("code", "?"),
                                               listing.next_update.astimezone(self.page.context.store.time_zone())
                                               .strftime("%Y-%m-%d %H:%M")))

    def check_pdf(self, path: str) -> None:
        try:
            self.show_result(self.page.verify_pdf(path, status_list=self.status_list))
        except RefusedInput as exc:
            self.page.context.show_refusal(self, self.windowTitle(), exc)

    def show_result(self, result: dict) -> None:
        self.result = result
        colour = "#1b6e2a" if result["genuine"] and result["status"] == "valid" else "#9e1b1b"
        self.result_label.setStyleSheet(f"color: {colour};")
        self.result_label.setText(self.page.describe_verification(result))
