"""The first-start page: what brandmark is for, and two ways to begin.

Shown instead of the applicant register while the database has no applicant. Loading
the demo data runs off the GUI thread with a progress bar (``context.run_operation``).

>>> welcome = QtWelcomePage(context)                       # doctest: +SKIP
>>> welcome.create_applicant_requested.connect(add_first)  # doctest: +SKIP
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class QtWelcomePage(QWidget):
    create_applicant_requested = Signal()
    demo_loaded = Signal(object)          # load_demo's result: {"applicants": [...], "assessments": [...]}

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        title = QLabel(self.tr("Welcome to brandmark"))
        title.setObjectName("welcomeTitle")
        purpose = QLabel(self.tr(
            "brandmark supports the 品字标 (“standard plus certification”) brand of Zhejiang: assessors "
            "walk a scheme's criteria with an applicant, the results are scored on this computer, a "
            "person who did not assess makes the decision, and certificates and brand-value estimates "
            "are printed. Everything is kept in one local database file; no network is needed."))
        purpose.setWordWrap(True)
        database = QLabel(self.tr("Database: {0}").format(context.db_path or self.tr("in memory")))
        database.setObjectName("welcomeDatabase")
        database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        database.setWordWrap(True)
        start = QLabel(self.tr("The database has no applicant yet. How would you like to begin?"))
        start.setWordWrap(True)

        self.create_button = QPushButton(self.tr("Register the first applicant…"))
        self.create_button.setObjectName("primaryButton")
        self.demo_button = QPushButton(self.tr("Load the demo data"))
        self.create_button.clicked.connect(self.create_applicant_requested.emit)
        self.demo_button.clicked.connect(self.load_demo)
        demo_note = QLabel(self.tr(
            "The demo data are invented enterprises marked 【演示】, with finished and open assessments "
            "against the reference packs. They are clearly labelled as demo everywhere."))
        demo_note.setWordWrap(True)
        demo_note.setObjectName("welcomeNote")

        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)

        card = QFrame()
        card.setObjectName("welcomeCard")
        card.setMaximumWidth(760)
        inner = QVBoxLayout(card)
        inner.setSpacing(14)
        for widget in (title, purpose, database, start):
            inner.addWidget(widget)
        inner.addLayout(buttons)
        inner.addWidget(demo_note)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def load_demo(self) -> None:
        """Load the demo data set in the background, then announce it."""
        from brandmark.demo import load_demo

        self.demo_button.setEnabled(False)

        def finished(result) -> None:
            self.demo_button.setEnabled(True)
            self.context.notify("all")
            self.demo_loaded.emit(result)

        def failed(exc: Exception) -> None:
            self.demo_button.setEnabled(True)
            self.context.show_refusal(self, self.tr("Load the demo data"), exc)

        self.context.run_operation(self, self.tr("Loading the demo data"),
                                   lambda store, progress: load_demo(store, progress),
                                   on_done=finished, on_error=failed)
