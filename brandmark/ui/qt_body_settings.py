"""The body's settings (机构设置), from the certificates page: everything a body sets once and
checks now and then, on four tabs.

* 机构 Body: names in Chinese and English, body code, logo, time zone, status-list validity;
* 证书编号 Numbers: the number pattern (with the next number it gives) and each scheme's code;
* 签名密钥 Signing key: the current key's id and dates, earlier keys, rotate, export the trust list;
* 备份 Backups: the last backup, whether one is due, the folder, back up now.

OK saves the first two tabs in one transaction (``store.certificates.configure``, only what
changed); the key and backup actions act at once, each asking what it needs.

>>> QtBodySettingsDialog(page).exec()     # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path
from zoneinfo import available_timezones

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QCompleter, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit,
    QListWidget, QMessageBox, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout,
    QWidget,
)

from brandmark.certificates import numbering
from brandmark.certificates.status_list import MAX_VALIDITY_DAYS
from brandmark.errors import RefusedInput
from brandmark.ui import qt_file_dialogs
from brandmark.ui.qt_i18n import localized_message
from brandmark.ui.qt_saved import announce_saved


class QtBodySettingsDialog(QDialog):
    """``page`` is the certificates page (its ``context`` and its passphrase prompt)."""

    def __init__(self, page):
        super().__init__(page)
        self.page, self.context = page, page.context
        self.store = self.context.store
        self.setWindowTitle(self.tr("Body settings"))
        self.body = self.store.certificates.body()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._body_tab(), self.tr("Body"))
        self.tabs.addTab(self._numbers_tab(), self.tr("Certificate numbers"))
        self.tabs.addTab(self._key_tab(), self.tr("Signing key"))
        self.tabs.addTab(self._backup_tab(), self.tr("Backups"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(680, 520)
        self.update_key_info()
        self.update_backup_info()

    # -- body ----------------------------------------------------------------------------
    def _body_tab(self) -> QWidget:
        body = self.body
        self.name_edit = QLineEdit(body["name"])
        self.name_en_edit = QLineEdit(body["name_en"])
        self.code_edit = QLineEdit(body["code"])
        self.code_edit.setMaxLength(10)
        self.logo_path = body["logo"]
        self.logo_preview = QLabel()
        self.logo_preview.setFixedSize(72, 72)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.logo_label = QLabel()
        self.logo_label.setWordWrap(True)
        self.choose_logo_button = QPushButton(self.tr("Choose…"))
        self.clear_logo_button = QPushButton(self.tr("Built-in emblem"))
        self.choose_logo_button.clicked.connect(self.ask_logo)
        self.clear_logo_button.clicked.connect(lambda: self.set_logo(""))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(self.logo_label, 1)
        logo_row.addWidget(self.choose_logo_button)
        logo_row.addWidget(self.clear_logo_button)
        self.time_zone_edit = QLineEdit(body["time_zone"])
        zones = QCompleter(sorted(available_timezones()), self)
        zones.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        zones.setFilterMode(Qt.MatchFlag.MatchContains)
        self.time_zone_edit.setCompleter(zones)
        self.status_list_days = QSpinBox()
        self.status_list_days.setRange(1, MAX_VALIDITY_DAYS)
        self.status_list_days.setValue(body["status_list_days"])
        self.status_list_days.setSuffix(self.tr(" days"))
        note = QLabel(self.tr("Issue and expiry dates, the year in certificate numbers, deadlines, surveillance "
                              "dates and report dates are in this time zone."))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Name (Chinese)"), self.name_edit)
        form.addRow(self.tr("Name (English)"), self.name_en_edit)
        form.addRow(self.tr("Body code"), self.code_edit)
        form.addRow(self.tr("Logo"), logo_row)
        form.addRow(self.tr("Time zone"), self.time_zone_edit)
        form.addRow("", note)
        form.addRow(self.tr("Status lists valid for"), self.status_list_days)
        self.set_logo(self.logo_path)
        tab = QWidget()
        tab.setLayout(form)
        return tab

    def set_logo(self, path: str) -> None:
        """Show the logo that certificates will carry ('' = the drawn emblem)."""
        self.logo_path = path
        picture = QPixmap(path) if path else QPixmap()
        if path and not picture.isNull():
            self.logo_preview.setPixmap(picture.scaled(72, 72, Qt.AspectRatioMode.KeepAspectRatio,
                                                       Qt.TransformationMode.SmoothTransformation))
        else:
            self.logo_preview.clear()
            self.logo_preview.setText("—")
        self.logo_label.setText(path or self.tr("The built-in emblem with the body code"))

    def ask_logo(self) -> None:
        path, _ = qt_file_dialogs.open_file_name(self, self.tr("Choose the body's logo"), "",
                                                 self.tr("Pictures (*.png *.jpg *.jpeg)"))
        if path:
            self.set_logo(path)

    # -- numbers ---------------------------------------------------------------------------
    def _numbers_tab(self) -> QWidget:
        self.pattern_edit = QLineEdit(self.store.certificates.number_pattern())
        self.pattern_example = QLabel()
        self.pattern_example.setWordWrap(True)
        fields = QLabel(self.tr("Fields: {body} body code, {scheme} scheme code, {year} year of issue, "
                                "{seq:05d} sequence (five digits); the sequence restarts for each prefix."))
        fields.setWordWrap(True)
        self.scheme_table = QTableWidget(0, 3)
        self.scheme_table.setHorizontalHeaderLabels([self.tr("Scheme"), self.tr("Title"), self.tr("Code")])
        self.scheme_table.verticalHeader().hide()
        self.scheme_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.scheme_codes: dict[str, str] = {}
        english = self.context.language != "zh_CN"
        for row in [r for r in self.store.schemes.list() if r["latest"]]:
            code = self.store.certificates.scheme_code(row["id"], row["family"])
            self.scheme_codes[row["id"]] = code
            position = self.scheme_table.rowCount()
            self.scheme_table.insertRow(position)
            for column, text in enumerate((row["id"], (english and row.get("title_en")) or row["title"], code)):
                item = QTableWidgetItem(text)
                if column < 2:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.scheme_table.setItem(position, column, item)
        self.scheme_table.resizeColumnToContents(0)
        self.pattern_edit.textChanged.connect(lambda _: self.update_example())
        self.code_edit.textChanged.connect(lambda _: self.update_example())
        self.scheme_table.itemChanged.connect(lambda _: self.update_example())
        form = QFormLayout()
        form.addRow(self.tr("Number pattern"), self.pattern_edit)
        form.addRow("", fields)
        form.addRow(self.tr("Next number, for example"), self.pattern_example)
        layout = QVBoxLayout()
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Scheme codes (in certificate numbers):")))
        layout.addWidget(self.scheme_table, 1)
        tab = QWidget()
        tab.setLayout(layout)
        self.update_example()
        return tab

    def table_codes(self) -> dict[str, str]:
        return {self.scheme_table.item(r, 0).text(): self.scheme_table.item(r, 2).text().strip()
                for r in range(self.scheme_table.rowCount())}

    def update_example(self) -> None:
        """The number the pattern gives, or why it cannot be used (the register's own check)."""
        codes = self.table_codes() if self.scheme_table.rowCount() else {"": "ZJM"}
        scheme = next(iter(codes.values()), "ZJM") or "?"
        try:
            pattern = numbering.check_pattern(self.pattern_edit.text())
            text = numbering.render_number(pattern, body=self.code_edit.text().strip() or "?", scheme=scheme,
                                           year=self.store.today().year, seq=1)
            self.pattern_example.setStyleSheet("")
        except RefusedInput as exc:
            text = localized_message(exc, self.context.language)
            self.pattern_example.setStyleSheet("color: #9e1b1b;")
        self.pattern_example.setText(text)

    # -- key -------------------------------------------------------------------------------
    def _key_tab(self) -> QWidget:
        self.key_label = QLabel()
        self.key_label.setWordWrap(True)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.earlier_keys = QListWidget()
        self.rotate_button = QPushButton(self.tr("&Rotate the key…"))
        self.trust_list_button = QPushButton(self.tr("Export the &trust list…"))
        self.rotate_button.clicked.connect(self.ask_rotate)
        self.trust_list_button.clicked.connect(self.ask_export_trust_list)
        explain = QLabel(self.tr("Certificates are signed with the current key. Rotating makes a new key; the old "
                                 "one keeps verifying what it signed. Offices that check certificates offline "
                                 "import the trust list (every key of the body, signed)."))
        explain.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.rotate_button)
        buttons.addWidget(self.trust_list_button)
        buttons.addStretch(1)
        layout = QVBoxLayout()
        layout.addWidget(self.key_label)
        layout.addWidget(QLabel(self.tr("All keys of this register:")))
        layout.addWidget(self.earlier_keys, 1)
        layout.addLayout(buttons)
        layout.addWidget(explain)
        tab = QWidget()
        tab.setLayout(layout)
        return tab

    def update_key_info(self) -> None:
        keys = self.store.body_keys
        current = keys.current()
        if current is None:
            self.key_label.setText(self.tr("No signing key yet: it is made with “brandmark-cli keys init” "
                                           "before the first certificate."))
        else:
            state = self.tr("open for this session") if keys.is_unlocked() else self.tr("locked (asks the "
                                                                                       "body's passphrase)")
            self.key_label.setText(self.tr("Current key {0}, in use since {1}; {2}.")
                                   .format(current["key_id"], current["valid_from"], state))
        self.rotate_button.setEnabled(current is not None)
        self.trust_list_button.setEnabled(current is not None)
        self.earlier_keys.clear()
        for row in keys.list():
            if row["purpose"] != "body":
                continue
            until = row["valid_until"] or self.tr("now")
            text = f"{row['key_id']}  {row['valid_from']} – {until}"
            if row["revoked_since"]:
                text += "  " + self.tr("revoked since {0}: {1}").format(row["revoked_since"], row["revoked_reason"])
            self.earlier_keys.addItem(text)

    def _passphrase(self, title: str) -> str | None:
        passphrase, ok = QInputDialog.getText(self, title, self.tr("The body's passphrase:"),
                                              QLineEdit.EchoMode.Password)
        return passphrase if ok else None

    def rotate_key(self, passphrase: str) -> dict | None:
        try:
            row = self.store.body_keys.rotate(passphrase, by=self.context.user_name or "window")
        except RefusedInput as exc:
            self.context.show_refusal(self, self.tr("Rotate the key"), exc)
            return None
        self.update_key_info()
        return row

    def ask_rotate(self) -> None:
        title = self.tr("Rotate the key")
        if QMessageBox.question(self, title, self.tr("Make a new signing key? Certificates issued from now on are "
                                                     "signed with it; offices need the new trust list.")) \
                != QMessageBox.StandardButton.Yes:
            return
        passphrase = self._passphrase(title)
        if passphrase is not None and self.rotate_key(passphrase):
            QMessageBox.information(self, title, self.tr("New key {0}. Export the trust list for the offices that "
                                                         "check certificates.").format(
                                                             self.store.body_keys.current()["key_id"]))

    def export_trust_list(self, path: str | Path, passphrase: str) -> dict | None:
        try:
            exported = self.store.body_keys.export_trust_list(path, passphrase)
        except RefusedInput as exc:
            self.context.show_refusal(self, self.tr("Export the trust list"), exc)
            return None
        announce_saved(self, self.tr("Export the trust list"), [Path(path)])
        return exported

    def ask_export_trust_list(self) -> None:
        title = self.tr("Export the trust list")
        path, _ = qt_file_dialogs.save_file_name(self, title, "trust-list.json", self.tr("Trust lists (*.json)"))
        if not path:
            return
        passphrase = self._passphrase(title)
        if passphrase is not None:
            self.export_trust_list(path, passphrase)

    # -- backups -----------------------------------------------------------------------------
    def _backup_tab(self) -> QWidget:
        self.backup_label = QLabel()
        self.backup_label.setWordWrap(True)
        self.backup_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.back_up_button = QPushButton(self.tr("&Back up now"))
        self.open_backups_button = QPushButton(self.tr("Open the backups folder"))
        self.back_up_button.clicked.connect(self.back_up_now)
        self.open_backups_button.clicked.connect(self._open_backups_folder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_up_button)
        buttons.addWidget(self.open_backups_button)
        buttons.addStretch(1)
        layout = QVBoxLayout()
        layout.addWidget(self.backup_label)
        layout.addLayout(buttons)
        layout.addStretch(1)
        tab = QWidget()
        tab.setLayout(layout)
        return tab

    def update_backup_info(self) -> None:
        from brandmark.store import backup

        if self.store.path is None:
            self.backup_label.setText(self.tr("This register is in memory: it has no backups."))
            self.back_up_button.setEnabled(False)
            self.open_backups_button.setEnabled(False)
            return
        late, last = backup.overdue(self.store)
        rules = backup.policy(self.store.conn)
        count = len(backup.list_backups(self.store.path, check=False))
        lines = []
        if last is None:
            lines.append(self.tr("No backup yet."))
        else:
            lines.append(self.tr("Last backup {0}: {1}").format(last.made_at.strftime("%Y-%m-%d %H:%M"), last.path))
        if late:
            lines.append(self.tr("A backup is due: the last one is more than a day old."))
        elif last is not None:
            lines.append(self.tr("Backups are up to date."))
        lines.append(self.tr("%n backup(s) kept in {0}", "", count).format(backup.backups_folder(self.store.path)))
        lines.append(self.tr("Kept: the last {0} days with a backup and the first of each of the last {1} months; "
                             "a backup is made before the first change of each day.")
                     .format(rules.keep_daily, rules.keep_monthly))
        self.backup_label.setText("\n".join(lines))
        self.backup_label.setStyleSheet("color: #9e1b1b;" if late else "")
        self.backup_status_late = late

    def back_up_now(self, on_done=None) -> None:
        from brandmark.store import backup

        def done(path: Path) -> None:
            self.update_backup_info()
            announce_saved(self, self.tr("Back up now"), [path])
            if on_done:
                on_done(path)

        self.context.run_operation(self, self.tr("Backing up the register…"),
                                   lambda store, _progress: backup.make_backup(store), on_done=done)

    def _open_backups_folder(self) -> None:
        from brandmark.store import backup
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(backup.backups_folder(self.store.path))))

    # -- saving ------------------------------------------------------------------------------
    def changes(self) -> dict:
        """What OK would change (``configure``'s keywords), nothing unchanged."""
        body, changed = self.body, {}
        for key, edit, value in (("body_name", self.name_edit, body["name"]),
                                 ("body_name_en", self.name_en_edit, body["name_en"]),
                                 ("body_code", self.code_edit, body["code"]),
                                 ("time_zone", self.time_zone_edit, body["time_zone"]),
                                 ("number_pattern", self.pattern_edit, self.store.certificates.number_pattern())):
            if edit.text().strip() != (value or "").strip():
                changed[key] = edit.text().strip()
        if self.logo_path != body["logo"]:
            changed["logo"] = self.logo_path
        if self.status_list_days.value() != body["status_list_days"]:
            changed["status_list_days"] = self.status_list_days.value()
        codes = {scheme: code for scheme, code in self.table_codes().items() if code != self.scheme_codes.get(scheme)}
        if codes:
            changed["scheme_codes"] = codes
        return changed

    def accept(self) -> None:
        changes = self.changes()
        if changes:
            try:
                self.store.certificates.configure(by=self.context.user_name or "", **changes)
            except RefusedInput as exc:
                self.context.show_refusal(self, self.windowTitle(), exc)
                return
            # The time zone is how every register shows its dates: every page reads it again.
            self.context.notify("all" if "time_zone" in changes else "certificates")
        super().accept()
