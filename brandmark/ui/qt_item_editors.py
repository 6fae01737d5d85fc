"""One input widget per item kind: veto, conformity, points, test.

Editors only show and collect a value: they emit ``answered(value)`` (``None``
clears the answer) and the page saves it through the store. ``set_value`` shows a
stored value without emitting. ``press_key(key)`` answers from a keyboard shortcut.

>>> editor = make_editor(item, language="zh_CN")     # doctest: +SKIP
>>> editor.answered.connect(lambda value: print(value))  # doctest: +SKIP
"""

from __future__ import annotations

import itertools
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton, QButtonGroup, QCheckBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from brandmark.errors import RefusedInput
from brandmark.packs.model import CONFORMITY, POINTS, TEST, VETO, Item
from brandmark.scoring.gbt8170 import FULL, ROUNDED, judge, parse_limit
from brandmark.scoring.item_status import target_level
from brandmark.ui.qt_i18n import localized

# One palette for answers everywhere (item list icons, buttons, verdicts).
COLOURS = {
    "pass": "#2e7d32",        # green: pass, conform, at or above target
    "nc": "#e08a00",          # amber: minor nonconformity
    "below": "#1565c0",       # blue: points below the target level
    "fail": "#c62828",        # red: veto fail, major NC, failed test
    "na": "#757575",          # grey: not applicable
    "unanswered": "#9e9e9e",
    "incomplete": "#e08a00",   # amber outline, half filled: some samples typed, not all
}
TEST_DEBOUNCE_MS = 800        # a measured value is saved this long after the last keystroke
NUMBER_KEYS = tuple("0123456789") + ("-", ".")   # keys that start typing a measured value
_merge_sessions = itertools.count(1)


def qcolor(status: str) -> QColor:
    return QColor(COLOURS.get(status, COLOURS["unanswered"]))


def _button_style(colour: str) -> str:
    return (f"QPushButton {{ padding: 6px 14px; }} "
            f"QPushButton:checked {{ background: {colour}; color: white; border: 1px solid {colour}; "
            f"border-radius: 3px; font-weight: bold; }}")


class QtItemEditor(QWidget):
    """The common interface of the four editors."""

    answered = Signal(object)

    def __init__(self, item: Item, language: str = "zh_CN", parent: QWidget | None = None):
        super().__init__(parent)
        self.item, self.language = item, language
        self.read_only = False
        self._value = None

    def set_value(self, value) -> None:
        raise NotImplementedError

    def value(self):
        """The answer shown (``None``: unanswered)."""
        return self._value

    def _choose(self, value) -> None:
        """A button picked ``value``: show it and, if it changed, emit it (a read-only editor
        puts its stored value back instead)."""
        if self.read_only:
            self.set_value(self._value)
            return
        changed = value != self._value
        self.set_value(value)
        if changed:
            self._emit(value)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for child in self.findChildren(QAbstractButton) + self.findChildren(QLineEdit):
            child.setEnabled(not read_only)

    def press_key(self, key: str) -> bool:
        """Answer from a shortcut key (``"P"``, ``"3"``…); False when the key means nothing here."""
        return False

    def focus_widgets(self) -> list[QWidget]:
        """The editor's inputs in tab order (the form puts them first in its own)."""
        return [w for w in self.findChildren(QAbstractButton) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]

    def _emit(self, value) -> None:
        if not self.read_only:
            self.answered.emit(value)


class QtChoiceEditor(QtItemEditor):
    """Veto (pass / fail / N/A) and conformity (conform / minor / major / N/A) items."""

    def __init__(self, item: Item, language: str = "zh_CN", parent: QWidget | None = None):
        super().__init__(item, language, parent)
        if item.kind == VETO:
            # (value, label, keys, colour)
            self.choices = [
                ("pass", self.tr("Pass"), ("P", "1"), COLOURS["pass"]),
                ("fail", self.tr("Fail"), ("F", "2"), COLOURS["fail"]),
                ("na", self.tr("Not applicable"), ("N", "3"), COLOURS["na"]),
            ]
        else:
            self.choices = [
                ("conform", self.tr("Conforms"), ("C", "1"), COLOURS["pass"]),
                ("minor", self.tr("Minor NC"), ("M", "2"), COLOURS["nc"]),
                ("major", self.tr("Major NC"), ("J", "3"), COLOURS["fail"]),
                ("na", self.tr("Not applicable"), ("N", "4"), COLOURS["na"]),
            ]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QPushButton] = {}
        for value, label, keys, colour in self.choices:
            button = QPushButton(label, self)
            button.setCheckable(True)
            button.setStyleSheet(_button_style(colour))
            button.setToolTip(self.tr("{0} (shortcut: {1})").format(label, " / ".join(keys)))
            button.setObjectName(f"choice-{value}")
            button.clicked.connect(lambda _checked=False, v=value: self._choose(v))
            self.group.addButton(button)
            self.buttons[value] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.setToolTip(self.tr("Remove this answer"))
        self.clear_button.clicked.connect(lambda: self._choose(None))
        layout.addWidget(self.clear_button)

    def set_value(self, value) -> None:
        self._value = value
        self.group.setExclusive(False)
        for choice, button in self.buttons.items():
            button.setChecked(choice == value)
        self.group.setExclusive(True)

    def press_key(self, key: str) -> bool:
        for value, _label, keys, _colour in self.choices:
            if key.upper() in keys:
                self._choose(value)
                return True
        return False


class _LevelRow(QFrame):
    """A level button and its descriptor; a click anywhere on the row picks the level."""

    def __init__(self, button: QPushButton, descriptor: QLabel, parent: QWidget | None = None):
        super().__init__(parent)
        self.button = button
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(descriptor, 1)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 — Qt's name
        if event.button() == Qt.MouseButton.LeftButton and self.button.isEnabled():
            self.button.click()
        super().mouseReleaseEvent(event)


class QtPointsEditor(QtItemEditor):
    """Points items: one button per level, each beside its descriptor; the target is marked."""

    def __init__(self, item: Item, language: str = "zh_CN", parent: QWidget | None = None):
        super().__init__(item, language, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        target = target_level(item)
        self.group = QButtonGroup(self)
        self.buttons: list[QPushButton] = []
        self.rows: list[_LevelRow] = []
        for level in item.levels:
            descriptor = localized(level.text, level.text_en, language)
            button = QPushButton(str(level.level), self)
            button.setCheckable(True)
            button.setFixedWidth(44)
            colour = COLOURS["pass"] if level.level >= target else COLOURS["below"]
            button.setStyleSheet(_button_style(colour))
            button.setObjectName(f"level-{level.level}")
            button.setToolTip(self.tr("Level {0}: {1} (shortcut: {0})").format(level.level, descriptor))
            button.setAccessibleName(self.tr("Level {0}").format(level.level))
            button.clicked.connect(lambda _checked=False, v=level.level: self._choose(v))
            text = descriptor
            if level.level == target:
                text += "  " + self.tr("(target)")
            label = QLabel(text, self)
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            row = _LevelRow(button, label, self)
            self.group.addButton(button)
            self.buttons.append(button)
            self.rows.append(row)
            layout.addWidget(row)
        bottom = QHBoxLayout()
        self.na_button = QPushButton(self.tr("Not applicable"), self)
        self.na_button.setCheckable(True)
        self.na_button.setStyleSheet(_button_style(COLOURS["na"]))
        self.na_button.setToolTip(self.tr("Not applicable (shortcut: N)"))
        self.na_button.clicked.connect(lambda: self._choose("na"))
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.setToolTip(self.tr("Remove this answer"))
        self.clear_button.clicked.connect(lambda: self._choose(None))
        bottom.addWidget(self.na_button)
        bottom.addStretch(1)
        bottom.addWidget(self.clear_button)
        layout.addLayout(bottom)

    def set_value(self, value) -> None:
        self._value = value
        self.group.setExclusive(False)
        for level, button in enumerate(self.buttons):
            button.setChecked(value == level)
            self.rows[level].setFrameShape(QFrame.Shape.StyledPanel if value == level else QFrame.Shape.NoFrame)
        self.group.setExclusive(True)
        self.na_button.setChecked(value == "na")

    def press_key(self, key: str) -> bool:
        if key.isdigit() and int(key) <= self.item.max_level:
            self._choose(int(key))
            return True
        if key.upper() == "N":
            self._choose("na")
            return True
        return False


class QtTestEditor(QtItemEditor):
    """Test items: one field per sample, the limit, and a live GB/T 8170 verdict as you type.

    A value is saved ``TEST_DEBOUNCE_MS`` after the last keystroke and when the field
    loses focus or Enter is pressed; an invalid number is never saved. Some samples of
    several typed is saved as incomplete (kept, scored as unanswered).
    """

    def __init__(self, item: Item, language: str = "zh_CN", parent: QWidget | None = None):
        super().__init__(item, language, parent)
        self.merge_session = next(_merge_sessions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        facts = QGridLayout()
        facts.setColumnStretch(1, 1)
        method_name = {FULL: self.tr("full-value comparison (全数值比较法)"),
                       ROUNDED: self.tr("rounded-value comparison (修约值比较法)")}.get(item.method, item.method)
        if item.method == ROUNDED:
            places = item.decimals if item.decimals is not None else parse_limit(item.limit).decimals
            method_name += " · " + self.tr("rounded to {0} decimal(s)").format(places)
        rows = [(self.tr("Quantity"), item.quantity or localized(item.title, item.title_en, language)),
                (self.tr("Limit"), f"{item.limit} {item.unit}".strip()),
                (self.tr("Judgement (GB/T 8170)"), method_name)]
        if item.national_limit:
            rows.append((self.tr("National limit"), f"{item.national_limit} {item.unit}".strip()))
        if item.test_method:
            rows.append((self.tr("Test method"), item.test_method))
        for row, (name, text) in enumerate(rows):
            name_label = QLabel(name + ":", self)
            value_label = QLabel(text, self)
            value_label.setWordWrap(True)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            facts.addWidget(name_label, row, 0, Qt.AlignmentFlag.AlignTop)
            facts.addWidget(value_label, row, 1)
        layout.addLayout(facts)

        grid = QGridLayout()
        grid.setColumnStretch(3, 1)
        self.fields: list[QLineEdit] = []
        self.sample_verdicts: list[QLabel] = []
        for index in range(max(1, item.samples)):
            name = (self.tr("Measured value") if item.samples <= 1
                    else self.tr("Sample {0}").format(index + 1))
            field = QLineEdit(self)
            field.setObjectName(f"sample-{index}")
            field.setPlaceholderText(self.tr("e.g. {0}").format(_example(item.limit)))
            field.setMaximumWidth(160)
            field.setToolTip(self.tr("Type the measured value; it is judged as you type and saved "
                                     "when you pause, press Enter or leave the field."))
            field.textEdited.connect(self._edited)
            field.editingFinished.connect(self._finish)
            unit = QLabel(item.unit, self)
            verdict = QLabel(self)
            verdict.setTextFormat(Qt.TextFormat.PlainText)
            self.fields.append(field)
            self.sample_verdicts.append(verdict)
            grid.addWidget(QLabel(name + ":", self), index, 0)
            grid.addWidget(field, index, 1)
            grid.addWidget(unit, index, 2)
            grid.addWidget(verdict, index, 3)
        layout.addLayout(grid)
        self.verdict_label = QLabel(self)
        self.verdict_label.setObjectName("test-verdict")
        self.verdict_label.setWordWrap(True)      # a long verdict must not widen the form into a side scroll
        font = self.verdict_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.verdict_label.setFont(font)
        layout.addWidget(self.verdict_label)
        bottom = QHBoxLayout()
        self.na_box = QCheckBox(self.tr("Not applicable"), self)
        self.na_box.setToolTip(self.tr("This test does not apply to the product (shortcut: N)"))
        self.na_box.toggled.connect(self._na_toggled)
        bottom.addWidget(self.na_box)
        bottom.addStretch(1)
        layout.addLayout(bottom)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TEST_DEBOUNCE_MS)
        self._timer.timeout.connect(self._save)
        self._loading = False
        self._show_verdicts()

    # -- showing --------------------------------------------------------------
    def set_value(self, value) -> None:
        self._loading = True
        self._timer.stop()
        self._value = value
        self.merge_session = next(_merge_sessions)
        self.na_box.setChecked(value == "na")
        samples = value if isinstance(value, list) else ([] if value in (None, "na") else [value])
        for index, field in enumerate(self.fields):
            # An incomplete measurement keeps None for the samples not yet typed.
            field.setText(str(samples[index]) if index < len(samples) and samples[index] is not None else "")
            field.setEnabled(value != "na" and not self.read_only)
        self._loading = False
        self._show_verdicts()

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.na_box.setEnabled(not read_only)
        for field in self.fields:
            field.setEnabled(not read_only and self._value != "na")

    def judgements(self) -> list:
        """Per field: ``None`` (empty), a ``Judgement``, or the ``RefusedInput`` explaining why not."""
        out = []
        for field in self.fields:
            text = field.text().strip()
            if not text:
                out.append(None)
                continue
            try:
                out.append(judge(self.item.limit, text, self.item.method, self.item.decimals))
            except RefusedInput as exc:
                out.append(exc)
        return out

    def _show_verdicts(self) -> None:
        if self.na_box.isChecked():
            for label in self.sample_verdicts:
                label.clear()
            self._set_verdict(self.tr("Not applicable"), COLOURS["na"])
            return
        results = self.judgements()
        for label, result in zip(self.sample_verdicts, results):
            if result is None:
                label.clear()
            elif isinstance(result, RefusedInput):
                label.setText(self.tr("not a number"))
                label.setStyleSheet(f"color: {COLOURS['fail']}")
            else:
                shown = self.tr("compared {0} {1}").format(result.compared, self.item.unit).strip()
                label.setText(shown + " → " + (self.tr("pass") if result.passed else self.tr("fail")))
                label.setStyleSheet(f"color: {COLOURS['pass' if result.passed else 'fail']}")
        if any(isinstance(r, RefusedInput) for r in results):
            self._set_verdict(self.tr("Not saved: enter numbers such as {0}").format(_example(self.item.limit)),
                              COLOURS["fail"])
        elif all(r is None for r in results):
            self._set_verdict(self.tr("No measured value yet"), COLOURS["unanswered"])
        elif any(r is None for r in results):
            missing = sum(1 for r in results if r is None)
            self._set_verdict(self.tr("Incomplete: {0} of {1} samples missing. What is typed is kept; "
                                      "the test counts as unanswered until every sample is in.")
                              .format(missing, len(results)), COLOURS["nc"])
        elif all(r.passed for r in results):
            self._set_verdict(self.tr("PASS: within the limit {0}").format(f"{self.item.limit} {self.item.unit}".strip()),
                              COLOURS["pass"])
        else:
            self._set_verdict(self.tr("FAIL: outside the limit {0}").format(f"{self.item.limit} {self.item.unit}".strip()),
                              COLOURS["fail"])

    def _set_verdict(self, text: str, colour: str) -> None:
        self.verdict_label.setText(text)
        self.verdict_label.setStyleSheet(f"color: {colour}")

    # -- saving ---------------------------------------------------------------
    def _edited(self, _text: str) -> None:
        self._show_verdicts()
        if not self._loading and not self.read_only:
            self._timer.start()

    def _finish(self) -> None:
        self._timer.stop()
        self._save()
        # A later edit of this item is a new undo step.
        self.merge_session = next(_merge_sessions)

    def pending_value(self):
        """What the fields say now: a value to save, ``None`` (all empty), or ``...`` (not savable:
        a field holds something that is not a number). Some samples typed and others still
        empty is saved as an incomplete measurement (``None`` in the empty places), so moving
        on never loses what was typed; the store scores it as unanswered."""
        if self.na_box.isChecked():
            return "na"
        results = self.judgements()
        if all(r is None for r in results):
            return None
        if any(isinstance(r, RefusedInput) for r in results):
            return ...
        texts = [field.text().strip() or None for field in self.fields]
        return texts if self.item.samples > 1 else texts[0]

    def _save(self) -> None:
        if self._loading or self.read_only:
            return
        value = self.pending_value()
        if value is ... or value == self._value:
            return
        self._value = value
        self._emit(value)

    def flush(self) -> None:
        """Save a value still waiting for its debounce timer (the page calls this on leaving)."""
        if self._timer.isActive():
            self._timer.stop()
            self._save()

    def _na_toggled(self, checked: bool) -> None:
        if self._loading:
            return
        for field in self.fields:
            field.setEnabled(not checked and not self.read_only)
        self._show_verdicts()
        self._save()

    def press_key(self, key: str) -> bool:
        """N toggles not applicable; a digit, minus sign or decimal point starts typing the
        value in the first empty field (the assessor need not reach for the mouse)."""
        if key.upper() == "N":
            self.na_box.setChecked(not self.na_box.isChecked())
            return True
        if key in NUMBER_KEYS and not self.read_only and not self.na_box.isChecked():
            field = next((f for f in self.fields if not f.text().strip()), self.fields[0])
            field.setFocus(Qt.FocusReason.ShortcutFocusReason)
            if field.text().strip():
                field.selectAll()          # every field filled: retype the first one
            field.insert(key)
            self._edited(field.text())
            return True
        return False

    def focus_widgets(self) -> list[QWidget]:
        return [*self.fields, self.na_box]


def _example(limit: str) -> str:
    """A plausible number to show as an example: the limit's own number."""
    try:
        parsed = parse_limit(limit)
    except RefusedInput:
        return "1.0"
    number = parsed.low if parsed.low is not None else parsed.high
    return str(number if number is not None else Decimal("1.0"))


def make_editor(item: Item, language: str = "zh_CN", parent: QWidget | None = None) -> QtItemEditor:
    """The editor for ``item``'s kind."""
    if item.kind in (VETO, CONFORMITY):
        return QtChoiceEditor(item, language, parent)
    if item.kind == POINTS:
        return QtPointsEditor(item, language, parent)
    if item.kind == TEST:
        return QtTestEditor(item, language, parent)
    raise ValueError(f"no editor for item kind {item.kind!r}")
