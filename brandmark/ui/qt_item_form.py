"""The form of the current item: its text, the assessor's guidance, the input, note and evidence.

Answers and notes leave as signals (the page saves them with undo); evidence files
and findings are saved here directly, since they are not undoable answer edits.
Files are attached with the picker or dropped anywhere on the form.

>>> form = QtItemForm(context)                                    # doctest: +SKIP
>>> form.show_item(assessment_id, item, answer_row, read_only=False, actor="张三")  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication, QFrame, QHBoxLayout, QLabel, QListWidget, QPlainTextEdit, QPushButton, QVBoxLayout,
    QWidget,
)

from brandmark.errors import RefusedInput
from brandmark.packs.model import CONFORMITY, POINTS, TEST, VETO, Item
from brandmark.formatting import format_size, local_moment
from brandmark.ui import qt_file_dialogs
from brandmark.ui.qt_finding_form import QtFindingForm
from brandmark.ui.qt_i18n import localized_message
from brandmark.ui.qt_item_editors import COLOURS, QtItemEditor, QtTestEditor, localized, make_editor

SHORT_HASH = 12   # hex digits of the SHA-256 shown beside a file name


class QtItemForm(QWidget):
    answered = Signal(str, object, int)     # item id, value (None clears), merge session (0: none)
    note_edited = Signal(str, str)          # item id, note
    finding_changed = Signal(str)           # item id

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.assessment_id: int | None = None
        self.item: Item | None = None
        self.editor: QtItemEditor | None = None
        self.read_only = False
        self.actor = ""
        self._saved_note = ""
        self.setAcceptDrops(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.meta = QLabel(self)
        self.meta.setObjectName("item-meta")
        self.meta.setStyleSheet("color: #616161")
        self.meta.setWordWrap(True)
        self.title = QLabel(self)
        self.title.setObjectName("item-title")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel(self)
        self.text.setObjectName("item-text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.meta)
        layout.addWidget(self.title)
        layout.addWidget(self.text)

        self.guidance_box = QFrame(self)
        self.guidance_box.setFrameShape(QFrame.Shape.StyledPanel)
        guidance_layout = QVBoxLayout(self.guidance_box)
        guidance_layout.setContentsMargins(8, 6, 8, 6)
        self.guidance_title = QLabel(self.tr("Guidance for the assessor"), self.guidance_box)
        bold = self.guidance_title.font()
        bold.setBold(True)
        self.guidance_title.setFont(bold)
        self.guidance = QLabel(self.guidance_box)
        self.guidance.setObjectName("item-guidance")
        self.guidance.setWordWrap(True)
        self.guidance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.typical_evidence = QLabel(self.guidance_box)
        self.typical_evidence.setObjectName("item-typical-evidence")
        self.typical_evidence.setWordWrap(True)
        guidance_layout.addWidget(self.guidance_title)
        guidance_layout.addWidget(self.guidance)
        guidance_layout.addWidget(self.typical_evidence)
        layout.addWidget(self.guidance_box)

        # The answer area: the one place single-key answers (P, F, N, digits…) act, and only
        # while it has the focus; it is framed then and names the item the keys change, so
        # stray typing elsewhere on the page (a path meant for a dialog) changes nothing.
        self.answer_area = QFrame(self)
        self.answer_area.setObjectName("answer-area")
        area_layout = QVBoxLayout(self.answer_area)
        area_layout.setContentsMargins(6, 4, 6, 6)
        title_row = QHBoxLayout()
        self.answer_title = QLabel(self.tr("Answer"), self.answer_area)
        self.answer_title.setFont(bold)
        self.key_hint = QLabel(self.answer_area)
        self.key_hint.setObjectName("answer-key-hint")
        self.key_hint.setWordWrap(True)
        title_row.addWidget(self.answer_title)
        title_row.addWidget(self.key_hint, 1)
        area_layout.addLayout(title_row)
        self.editor_slot = QVBoxLayout()
        area_layout.addLayout(self.editor_slot)
        layout.addWidget(self.answer_area)
        # Every change of this item's answer, from the event log: who, when, old → new.
        self.history_title = QLabel(self.tr("Changes"), self)
        self.history_title.setFont(bold)
        self.item_history = QLabel(self)
        self.item_history.setObjectName("item-history")
        self.item_history.setWordWrap(True)
        self.item_history.setTextFormat(Qt.TextFormat.PlainText)
        self.item_history.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.history_title)
        layout.addWidget(self.item_history)
        self._answer_focused = False
        self._show_answer_focus(False)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self.findings = QtFindingForm(context, self)
        self.findings.changed.connect(lambda: self.finding_changed.emit(self.item.id if self.item else ""))
        layout.addWidget(self.findings)

        note_title = QLabel(self.tr("Assessor's note"), self)
        note_title.setFont(bold)
        layout.addWidget(note_title)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("item-note")
        self.note.setPlaceholderText(self.tr("Observations, sample numbers, people interviewed…"))
        self.note.setFixedHeight(64)
        self.note.setTabChangesFocus(True)     # a tab character in a note is never wanted; leaving is
        self.note.installEventFilter(self)
        layout.addWidget(self.note)

        evidence_title = QLabel(self.tr("Evidence files"), self)
        evidence_title.setFont(bold)
        layout.addWidget(evidence_title)
        self.evidence_list = QListWidget(self)
        self.evidence_list.setObjectName("evidence")
        self.evidence_list.setMaximumHeight(90)
        layout.addWidget(self.evidence_list)
        evidence_row = QHBoxLayout()
        self.attach_button = QPushButton(self.tr("Attach files…"), self)
        self.attach_button.setToolTip(self.tr("Attach evidence files (Ctrl+Shift+E), or drop files on this form. "
                                              "Each file is stored with its SHA-256."))
        self.attach_button.clicked.connect(self.pick_evidence)
        self.evidence_message = QLabel(self.tr("or drop files here"), self)
        self.evidence_message.setWordWrap(True)
        evidence_row.addWidget(self.attach_button)
        evidence_row.addWidget(self.evidence_message, 1)
        layout.addLayout(evidence_row)
        layout.addStretch(1)

    # -- showing --------------------------------------------------------------
    def kind_name(self, kind: str) -> str:
        return {VETO: self.tr("veto item"), CONFORMITY: self.tr("conformity item"),
                POINTS: self.tr("points item"), TEST: self.tr("test item")}.get(kind, kind)

    def show_item(self, assessment_id: int, item: Item, answer: dict | None, *, read_only: bool,
                  actor: str, language: str = "zh_CN") -> None:
        """Show ``item`` with its stored ``answer`` row (or None)."""
        self.commit()
        self.assessment_id, self.item, self.read_only, self.actor = assessment_id, item, read_only, actor
        meta = [item.id, self.kind_name(item.kind)]
        if item.clause:
            meta.append(self.tr("clause {0}").format(item.clause))
        if item.kind != VETO:
            meta.append(self.tr("weight {0:g}").format(item.weight))
        if item.kind == POINTS and item.target is not None:
            meta.append(self.tr("target level {0}").format(item.target))
        meta.append(self.tr("required") if item.required else self.tr("optional"))
        self.meta.setText(" · ".join(meta))
        self.title.setText(localized(item.title, item.title_en, language))
        text = localized(item.text, item.text_en, language)
        self.text.setText(text)
        self.text.setVisible(bool(text))
        guidance = localized(item.guidance, item.guidance_en, language)
        self.guidance.setText(guidance)
        self.guidance.setVisible(bool(guidance))
        # Pack evidence entries are bilingual ("营业执照 / business licence"): show one half.
        evidence = [localized_message(entry, "zh_CN" if language.startswith("zh") else "en")
                    for entry in item.evidence]
        self.typical_evidence.setText(self.tr("Typical evidence: {0}").format("; ".join(evidence))
                                      if item.evidence else "")
        self.typical_evidence.setVisible(bool(item.evidence))
        self.guidance_box.setVisible(bool(guidance or item.evidence))

        if self.editor is not None:
            self.editor.answered.disconnect()
            self.editor_slot.removeWidget(self.editor)
            self.editor.hide()            # deleteLater waits for the event loop; hide it now
            self.editor.setParent(None)
            self.editor.deleteLater()
        self.editor = make_editor(item, language, self.answer_area)
        self.editor.set_value(answer["value"] if answer else None)
        self.editor.set_read_only(read_only)
        self.editor.answered.connect(self._editor_answered)
        self.editor_slot.addWidget(self.editor)
        self._show_answer_focus(self.answer_has_focus())
        self.editor.show()    # now, not on the layout's next turn: a key may already be on its way

        self._saved_note = (answer or {}).get("note") or ""
        self.note.setPlainText(self._saved_note)
        self.note.setReadOnly(read_only)
        self.attach_button.setEnabled(not read_only)
        self.setAcceptDrops(not read_only)
        self.evidence_message.setText(self.tr("or drop files here") if not read_only else "")
        self.evidence_message.setStyleSheet("")
        self.reload_evidence()
        self.reload_history()
        self.findings.show_item(assessment_id, item.id, read_only=read_only, actor=actor)
        self.findings.setVisible(item.kind == CONFORMITY and self.findings.isVisibleTo(self))

    def focus_chain(self) -> list[QWidget]:
        """The form's inputs in the order Tab should visit them: the answer, the finding,
        the note, the evidence. A new editor joins the end of the window's focus chain, so
        the page re-links this chain after the item list each time an item is shown."""
        editor = self.editor.focus_widgets() if self.editor is not None else []
        return [*editor, *self.findings.focus_widgets(), self.note, self.evidence_list, self.attach_button]

    # -- the answer area's focus ----------------------------------------------
    def answer_has_focus(self) -> bool:
        """Whether the keyboard focus is in the answer area (where answer keys act)."""
        focused = QApplication.focusWidget()
        return focused is not None and (focused is self.answer_area or self.answer_area.isAncestorOf(focused))

    def _focus_changed(self, _old, _new) -> None:
        if not shiboken6.isValid(self) or not shiboken6.isValid(self.answer_area):
            return
        focused = self.answer_has_focus()
        if focused != self._answer_focused:
            self._show_answer_focus(focused)

    def _show_answer_focus(self, focused: bool) -> None:
        """Framed and naming the item while the keys act here; a quiet pointer otherwise."""
        self._answer_focused = focused
        if focused and self.item is not None and not self.read_only:
            self.answer_area.setStyleSheet(
                "QFrame#answer-area { border: 2px solid #1565c0; border-radius: 4px; background: #f3f7fd; }")
            title = self.title.text()
            self.key_hint.setText(self.tr("Keys answer {0} {1}").format(self.item.id, title))
            self.key_hint.setStyleSheet("color: #1565c0")
        else:
            self.answer_area.setStyleSheet(
                "QFrame#answer-area { border: 1px solid #d0d0d0; border-radius: 4px; }")
            self.key_hint.setText(self.tr("Click an answer or press Enter in the item list; "
                                          "answer keys act only here") if not self.read_only else "")
            self.key_hint.setStyleSheet("color: #757575")

    def focus_answer(self) -> bool:
        """Put the keyboard focus on the answer's first input; False when there is none."""
        widgets = [w for w in (self.editor.focus_widgets() if self.editor is not None else []) if w.isEnabled()]
        if not widgets:
            return False
        checked = [w for w in widgets if getattr(w, "isChecked", lambda: False)()]
        (checked or widgets)[0].setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def show_value(self, answer: dict | None) -> None:
        """Show a value written elsewhere (undo, redo) without rebuilding the form."""
        if self.editor is not None:
            self.editor.set_value(answer["value"] if answer else None)
        self._saved_note = (answer or {}).get("note") or ""
        self.note.setPlainText(self._saved_note)
        self.reload_findings()

    def reload_findings(self) -> None:
        if self.item is None:
            return
        self.findings.reload()
        self.findings.setVisible(self.item.kind == CONFORMITY and self.findings.isVisibleTo(self))

    def reload_history(self) -> None:
        """The item's changes, newest first (a retest of a failed test says so)."""
        if self.assessment_id is None or self.item is None:
            return
        store = self.context.store
        changes = store.assessments.history(self.assessment_id, self.item.id)
        zone = store.time_zone()
        lines = []
        for change in reversed(changes):
            moment = local_moment(change["at"], zone)
            line = self.tr("{0} {1}: {2} → {3}").format(moment, change["by"], self._value_text(change["old"]),
                                                       self._value_text(change["new"]))
            if change["retest"]:
                line += "  " + self.tr("(retest after a failed result)")
            elif change["correction"]:
                line += "  " + self.tr("(corrected while typing)")
            lines.append(line)
        self.item_history.setText("\n".join(lines))
        self.history_title.setVisible(bool(lines))
        self.item_history.setVisible(bool(lines))

    def _value_text(self, value) -> str:
        if value is None:
            return self.tr("no answer")
        if isinstance(value, list):
            return "; ".join("—" if sample is None else str(sample) for sample in value)
        words = {"na": self.tr("not applicable"), "pass": self.tr("pass"), "fail": self.tr("fail"),
                 "conform": self.tr("conforms"), "minor": self.tr("minor NC"), "major": self.tr("major NC")}
        return words.get(value, str(value)) if isinstance(value, str) else str(value)

    def reload_evidence(self) -> None:
        self.evidence_list.clear()
        if self.assessment_id is None or self.item is None:
            return
        zone = self.context.store.time_zone()
        for row in self.context.store.assessments.evidence(self.assessment_id, self.item.id):
            self.evidence_list.addItem(self.tr("{0} · SHA-256 {1}… · {2} · {3}").format(
                row["file_name"], row["sha256"][:SHORT_HASH], format_size(row["size"]), row["added_by"]))
            self.evidence_list.item(self.evidence_list.count() - 1).setToolTip(
                f"SHA-256 {row['sha256']}\n{local_moment(row['added_at'], zone)}")

    # -- answers and notes ----------------------------------------------------
    def _editor_answered(self, value) -> None:
        if self.item is None:
            return
        session = self.editor.merge_session if isinstance(self.editor, QtTestEditor) else 0
        self.answered.emit(self.item.id, value, session)

    def commit(self) -> None:
        """Save whatever is still only on screen: a pending test value, the note, the finding."""
        if self.item is None:
            return
        if isinstance(self.editor, QtTestEditor):
            self.editor.flush()
        self._commit_note()
        self.findings.commit()

    def _commit_note(self) -> None:
        if self.item is None or self.read_only:
            return
        text = self.note.toPlainText()
        if text != self._saved_note:
            self._saved_note = text
            self.note_edited.emit(self.item.id, text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 — Qt's name
        if watched is self.note and event.type() == QEvent.Type.FocusOut:
            self._commit_note()
        return super().eventFilter(watched, event)

    # -- evidence -------------------------------------------------------------
    def pick_evidence(self) -> None:
        if self.read_only or self.item is None:
            return
        paths, _filter = qt_file_dialogs.open_file_names(self, self.tr("Attach evidence to {0}").format(self.item.id))
        if paths:
            self.attach(paths)

    def attach(self, paths: list[str]) -> int:
        """Store each file with its SHA-256; returns how many were stored. Refusals are shown."""
        if self.read_only or self.item is None or self.assessment_id is None:
            return 0
        stored, problems = 0, []
        for path in paths:
            try:
                self.context.store.assessments.add_evidence(self.assessment_id, self.item.id, path, by=self.actor)
                stored += 1
            except RefusedInput as exc:
                # Name the file: some core messages carry the name in one language only.
                problems.append(f"{Path(str(path)).name}: {localized_message(exc, self.context.language)}")
        self.reload_evidence()
        if problems:
            self.evidence_message.setText("\n".join(problems))
            self.evidence_message.setStyleSheet(f"color: {COLOURS['fail']}")
        else:
            self.evidence_message.setText(self.tr("{0} file(s) attached.").format(stored))
            self.evidence_message.setStyleSheet(f"color: {COLOURS['pass']}")
        return stored

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 — Qt's name
        if not self.read_only and self.item is not None and event.mimeData().hasUrls() and any(
                url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 — Qt's name
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        paths = [p for p in paths if Path(p).is_file()]
        if paths and not self.read_only:
            event.acceptProposedAction()
            self.attach(paths)
        else:
            event.ignore()


