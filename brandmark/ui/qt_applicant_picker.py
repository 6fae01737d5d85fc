"""The applicant picker of the new-application and new-assessment dialogs: a search field,
the first matches in a combo box, and a short pause after typing before searching.

The register may hold 100,000 applicants, so only the first ``MATCHES_SHOWN`` matches of
the typed fragment (name or credit code, as ``store.applicants.list`` searches) are listed,
by name; the one chosen stays chosen while it still matches. The combo box is sized by a
fixed length, not by the longest name, and shows the full name as its tooltip.

>>> picker = QtApplicantPicker(context.store, dialog)            # doctest: +SKIP
>>> picker.combo.currentIndexChanged.connect(dialog.propose_scheme)  # doctest: +SKIP
>>> picker.fill(applicant_id)      # that applicant only, or None: the first matches  # doctest: +SKIP
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget

MATCHES_SHOWN = 50
SEARCH_DELAY_MS = 200       # typing pauses this long before the register is searched


class QtApplicantPicker(QWidget):
    """``search`` (the field typed in) above ``combo`` (the matches; ``applicant_id`` the one chosen)."""

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type part of the name or credit code"))
        self.search.setClearButtonEnabled(True)
        self.combo = QComboBox()
        self.combo.setMinimumContentsLength(30)
        # Sized by that length, not by the longest name (an 80-character name made the dialog
        # 900 px wide; a 200-character one would leave the screen); the full name is the tooltip.
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.currentIndexChanged.connect(lambda _index: self.combo.setToolTip(self.combo.currentText()))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.find)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.combo)
        # The form's label (&Applicant) and Tab land in the search field.
        self.setFocusProxy(self.search)

    def applicant_id(self) -> int | None:
        return self.combo.currentData()

    def fill(self, applicant_id: int | None = None) -> None:
        """List that applicant alone (a dialog opened for one), or, with None, the first matches."""
        if applicant_id is None:
            self.find()
            return
        row = self.store.applicants.get(applicant_id)
        self.combo.addItem(label(row), row["id"])

    def find(self) -> None:
        """List the first matches of the search text, keeping the one chosen if it still matches."""
        self._search_timer.stop()
        current = self.combo.currentData()
        rows = self.store.applicants.list(self.search.text() or None, limit=MATCHES_SHOWN, order_by="name")
        self.combo.clear()
        for row in rows:
            self.combo.addItem(label(row), row["id"])
        if current is not None:
            self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
        if not rows:
            self.combo.addItem(self.tr("(no applicant matches)"), None)


def label(row: dict) -> str:
    """An applicant as the picker lists it: name and credit code."""
    return f"{row['name']}  ({row['uscc']})"


class PicksAnApplicant:
    """For a dialog holding an ``applicant_picker``: its field and combo under the names its
    callers and tests use (``applicant_search``, ``applicant_combo``, ``find_applicants``)."""

    applicant_picker: QtApplicantPicker

    @property
    def applicant_search(self) -> QLineEdit:
        return self.applicant_picker.search

    @property
    def applicant_combo(self) -> QComboBox:
        return self.applicant_picker.combo

    def find_applicants(self) -> None:
        """List the first matches of the search text (the register may hold 100,000)."""
        self.applicant_picker.find()
