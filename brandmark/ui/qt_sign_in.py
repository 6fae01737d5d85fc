"""Who is working: the sign-in screen and the session that locks when left idle.

Whoever works in the window signs in as a registered person with their passphrase
(``store.people.unlock``); what they decide, verify or authorise is signed with their key.
This screen is the one place that changes who is working: the status bar always shows
who it is, and after ``idle_minutes`` without a key press or a click the session locks
(the key is forgotten) and the screen asks again.

>>> session = QtSession(context, idle_minutes=10)          # doctest: +SKIP
>>> QtSignInDialog(context, parent=window).open()          # doctest: +SKIP
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QVBoxLayout, QWidget,
)

from brandmark.errors import RefusedInput
from brandmark.ui.qt_i18n import localized_message

DEFAULT_IDLE_MINUTES = 10
_USER_INPUT = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel)


class QtSession(QObject):
    """The working person of a context, and the idle timer that locks the session.

    ``changed`` is emitted with the person (a ``store.people`` row) or ``None``;
    ``locked`` when the idle time ran out.
    """

    changed = Signal(object)
    locked = Signal()

    def __init__(self, context, idle_minutes: int = DEFAULT_IDLE_MINUTES, parent: QObject | None = None):
        super().__init__(parent)
        self.context = context
        self.person: dict | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_idle_minutes(idle_minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_idle_minutes(self, minutes: int) -> None:
        self.idle_minutes = max(1, int(minutes))
        self.timer.setInterval(self.idle_minutes * 60_000)
        if self.person is not None:
            self.timer.start()

    def sign_in(self, person_id: int, passphrase: str) -> dict:
        """Unlock ``person_id`` with ``passphrase``; everyone else is signed out first."""
        store = self.context.store
        person = store.people.unlock(person_id, passphrase)     # a wrong passphrase changes nothing
        for other in store.people.unlocked():
            if other != person["id"]:
                store.people.lock(other)
        self.person = person
        self.context.user_name = person["name"]
        self.context.person = person
        self.timer.start()
        self.changed.emit(person)
        return person

    def sign_out(self) -> None:
        self.context.store.people.lock()
        self.person = None
        self.context.person = None
        self.context.user_name = ""
        self.timer.stop()
        self.changed.emit(None)

    def lock(self) -> None:
        """The idle time ran out: forget the key, and say so."""
        if self.person is None:
            return
        self.sign_out()
        self.locked.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 — Qt API
        if self.person is not None and event.type() in _USER_INPUT:
            self.timer.start()
        return False


class QtSignInDialog(QDialog):
    """Lists the active people; the one chosen signs in with their passphrase."""

    def __init__(self, session: QtSession, *, reason: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Sign in"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        intro = QLabel(reason or self.tr("Choose who you are and enter your passphrase. What you decide, "
                                         "verify or authorise is signed with your key."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.people = QListWidget(self)
        self.people.setObjectName("sign-in-people")
        role_names = {"assessor": self.tr("assessor"), "decider": self.tr("decider"),
                      "authoriser": self.tr("authoriser"), "admin": self.tr("administrator")}
        active = session.context.store.people.list(active=True)
        for person in active:
            roles = self.tr(", ").join(role_names.get(role, role) for role in person["roles"])
            item = QListWidgetItem(f"{person['name']}  ·  {roles}", self.people)
            item.setData(256, person["id"])       # Qt.ItemDataRole.UserRole
        layout.addWidget(self.people)
        if not active:
            empty = QLabel(self.tr("Nobody is registered yet. Register the body's people with "
                                   "brandmark-cli people add; until then only self-assessments can be recorded."),
                           self)
            empty.setWordWrap(True)
            layout.addWidget(empty)
        form = QFormLayout()
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("sign-in-passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        layout.addLayout(form)
        self.warning = QLabel(self)
        self.warning.setObjectName("sign-in-warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b3261e")
        layout.addWidget(self.warning)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Sign in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Continue without signing in"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        current = session.person["id"] if session.person else None
        for row in range(self.people.count()):
            if self.people.item(row).data(256) == current:
                self.people.setCurrentRow(row)
        if self.people.currentRow() < 0 and self.people.count():
            self.people.setCurrentRow(0)
        self.passphrase.setFocus()

    def chosen_id(self) -> int | None:
        item = self.people.currentItem()
        return item.data(256) if item is not None else None

    def accept(self) -> None:
        person_id = self.chosen_id()
        if person_id is None:
            self.warning.setText(self.tr("Choose who you are."))
            return
        try:
            self.session.sign_in(person_id, self.passphrase.text())
        except RefusedInput as exc:
            self.passphrase.clear()
            self.warning.setText(localized_message(exc, self.session.context.language))
            return
        self.passphrase.clear()
        super().accept()
