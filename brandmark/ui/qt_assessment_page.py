"""The assessment walk-through: stages, the item list, the item form and the live score.

Stages follow the pack: application review → product testing → factory audit →
characteristics → summary. Every answer is saved through the store the moment it
is made (one transaction each), with undo and redo; a decided assessment opens
read-only. The page writes no SQL and scores nothing itself.

>>> page = QtAssessmentPage(context)        # doctest: +SKIP
>>> page.open_assessment(assessment_id)     # doctest: +SKIP
>>> menu.addActions(page.menu_actions)      # doctest: +SKIP
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFontMetrics, QIcon, QKeySequence, QPainter, QPainterPath, QPen, QPixmap, QUndoStack
from PySide6.QtWidgets import (
    QLabel, QListWidget, QListWidgetItem, QMessageBox, QScrollArea, QSplitter, QStackedWidget, QTabBar,
    QVBoxLayout, QWidget,
)

from brandmark.errors import RefusedInput
from brandmark.formatting import local_date
from brandmark.packs.model import SUMMARY_STAGE, WALK_STAGES, Item, Pack
from brandmark.scoring.encoding import UNANSWERED, is_incomplete
from brandmark.scoring.item_status import UNANSWERED_STATUS, item_status
from brandmark.scoring.scorer import SELF, ScoreResult
from brandmark.ui.qt_assessment_summary import QtAssessmentSummary, assessment_purpose
from brandmark.ui.qt_decision_dialog import QtDecisionDialog
from brandmark.ui.qt_earlier_findings import QtEarlierFindings
from brandmark.ui.qt_item_editors import localized, qcolor
from brandmark.ui.qt_item_form import QtItemForm
from brandmark.ui.qt_radar import wrap_label
from brandmark.ui.qt_report_export import SELF_REPORT, QtReportExporter, report_kind_for
from brandmark.ui.qt_register_export import QtRegisterExporter
from brandmark.ui.qt_score_panel import QtScorePanel, verdict_name
from brandmark.ui.qt_undo import record_answer

SUMMARY = SUMMARY_STAGE
ITEM_ROLE = Qt.ItemDataRole.UserRole
HEADER_ROLE = Qt.ItemDataRole.UserRole + 1     # a section header's whole title (its text is wrapped)
# "-" and "." start typing a measured value on a test item, as digits do.
ANSWER_KEYS = tuple("0123456789") + ("P", "F", "N", "C", "M", "J", "-", ".")


INCOMPLETE_STATUS = "incomplete"     # a multi-sample test with some samples typed: unanswered, but not empty


def row_status(item: Item, row: dict | None) -> str:
    """The item's status (``scoring.item_status``) from its stored answer row (None: no answer);
    an incomplete measurement is ``incomplete`` (it counts as unanswered)."""
    if row and row["code"] == UNANSWERED and is_incomplete(item, row["value"]):
        return INCOMPLETE_STATUS
    return item_status(item, row["code"] if row else UNANSWERED)


_icons: dict[str, QIcon] = {}


def status_icon(status: str) -> QIcon:
    """A small painted mark per status: shape and colour both differ (colour-blind safe)."""
    if status in _icons:
        return _icons[status]
    size = 16
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = qcolor(status)
    box = QRectF(2, 2, size - 4, size - 4)
    white = QPen(QColor("white"), 2)
    if status == "unanswered":
        painter.setPen(QPen(colour, 1.5))
        painter.drawEllipse(box)
    elif status == INCOMPLETE_STATUS:
        painter.setPen(QPen(colour, 1.5))
        painter.drawEllipse(box)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPie(box, 90 * 16, 180 * 16)      # the left half filled: partly measured
    elif status == "fail":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRect(box)
        painter.setPen(white)
        painter.drawLine(QPointF(5, 5), QPointF(11, 11))
        painter.drawLine(QPointF(11, 5), QPointF(5, 11))
    elif status == "nc":
        path = QPainterPath()
        path.moveTo(8, 1.5)
        path.lineTo(15, 14.5)
        path.lineTo(1, 14.5)
        path.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPath(path)
        painter.setPen(white)
        painter.drawLine(QPointF(8, 6), QPointF(8, 10))
        painter.drawPoint(QPointF(8, 12.5))
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(box)
        painter.setPen(white)
        if status == "pass":
            painter.drawPolyline([QPointF(4.5, 8.5), QPointF(7, 11), QPointF(11.5, 5.5)])
        elif status == "below":
            painter.drawLine(QPointF(8, 4.5), QPointF(8, 11.5))
            painter.drawLine(QPointF(5, 8.5), QPointF(8, 11.5))
            painter.drawLine(QPointF(11, 8.5), QPointF(8, 11.5))
        else:  # na
            painter.drawLine(QPointF(4.5, 8), QPointF(11.5, 8))
    painter.end()
    _icons[status] = QIcon(pixmap)
    return _icons[status]


class QtAssessmentPage(QWidget):
    """Walks one assessment; ``open_assessment(id)`` loads it.

    ``menu_actions`` lists the actions worth a menu (navigation, undo, redo, evidence,
    decision); ``actions()`` also holds the answer keys (0-9, P F N C M J).
    """

    assessment_changed = Signal(int)    # after an answer, a stage change or the decision

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.store = context.store
        self.assessment_id: int | None = None
        self.assessment: dict | None = None
        self.pack: Pack | None = None
        self.answers: dict[str, dict] = {}
        self.result: ScoreResult | None = None
        self.read_only = False
        self.stage = WALK_STAGES[0]
        self.current_item_id: str | None = None
        self.decision_dialog: QtDecisionDialog | None = None
        self._last_item_in_stage: dict[str, str] = {}
        self._notifying = False
        self._replaying = False
        self._typing_session: tuple[str, int] | None = None   # (item, merge session) of the last measured save
        self.undo_stack = QUndoStack(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.header = QLabel(self)
        self.header.setObjectName("assessment-header")
        self.header.setWordWrap(True)
        font = self.header.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setBold(True)
        self.header.setFont(font)
        self.banner = QLabel(self)
        self.banner.setObjectName("read-only-banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3cd; color: #5d4300; padding: 4px; border-radius: 3px;")
        self.banner.hide()
        layout.addWidget(self.header)
        layout.addWidget(self.banner)

        self.stage_bar = QTabBar(self)
        self.stage_bar.setObjectName("stage-bar")
        self.stage_bar.setExpanding(False)
        self.stage_bar.setDrawBase(True)
        for _stage in WALK_STAGES:
            self.stage_bar.addTab("")
        self.stage_bar.currentChanged.connect(self._stage_tab_changed)
        layout.addWidget(self.stage_bar)
        # A visit, a recertification or a scope change: what earlier assessments found.
        self.earlier_findings = QtEarlierFindings(self)
        self.earlier_findings.item_requested.connect(lambda item_id: self.go_to_item(item_id, focus_answer=True))
        self.earlier_findings.hide()
        self.earlier_findings_exporter = QtRegisterExporter(context, self, "findings",
                                                            lambda: {"earlier_of": self.assessment_id})
        self.earlier_findings.export_requested.connect(lambda: self.earlier_findings_exporter.export())
        layout.addWidget(self.earlier_findings)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.item_list = QListWidget(self.splitter)
        self.item_list.setObjectName("item-list")
        # Not uniform: section headers wrap to as many lines as they need (English titles are long).
        self.item_list.setUniformItemSizes(False)
        self.item_list.viewport().installEventFilter(self)
        self.item_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        # No sideways scrolling: a long title ends in "…" (its tooltip has it whole) instead of
        # being cut at the edge above a scroll bar, as English titles were under Xvfb.
        self.item_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.item_list.currentItemChanged.connect(self._list_selection_changed)
        # Enter on an item puts the focus on its answer (a measured value's field, a choice).
        self.item_list.itemActivated.connect(lambda _entry: self.form.focus_answer())
        self.center = QStackedWidget(self.splitter)
        self.form = QtItemForm(context)
        self.form.answered.connect(self._form_answered)
        self.form.note_edited.connect(self._note_edited)
        self.form.finding_changed.connect(lambda _item: self._refresh_after_change(None))
        self.scroll = QScrollArea(self.center)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.form)
        self.summary = QtAssessmentSummary(self.center)
        self.summary.decide_requested.connect(self.decide)
        self.summary.item_requested.connect(self.go_to_item)
        self.summary.export_requested.connect(lambda kind: self.export_report(kind))
        self.findings_exporter = QtRegisterExporter(context, self, "findings",
                                                    lambda: {"assessment_id": self.assessment_id})
        self.summary.export_findings_requested.connect(lambda: self.findings_exporter.export())
        self.exporter = QtReportExporter(context, self)
        self.empty = QLabel(self.tr("This pack has no items in this stage."), self.center)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.center.addWidget(self.scroll)
        self.center.addWidget(self.summary)
        self.center.addWidget(self.empty)
        self.score_panel = QtScorePanel(self.splitter)
        self.score_panel.item_requested.connect(self.go_to_item)
        self.splitter.addWidget(self.item_list)
        self.splitter.addWidget(self.center)
        self.splitter.addWidget(self.score_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([300, 640, 320])
        layout.addWidget(self.splitter, 1)

        self._make_actions()
        self.undo_stack.canUndoChanged.connect(lambda _can: self._update_actions())
        self.undo_stack.canRedoChanged.connect(lambda _can: self._update_actions())
        self.undo_stack.indexChanged.connect(lambda _index: self._update_actions())
        context.changed.connect(self._context_changed)
        self._update_actions()

    # -- actions --------------------------------------------------------------
    def _action(self, text: str, shortcuts: list, slot, *, menu: bool = True,
                scope: QWidget | None = None) -> QAction:
        action = QAction(text, self)
        sequences: list[QKeySequence] = []
        for shortcut in shortcuts:    # a standard key may have several bindings (Redo: Ctrl+Y, Ctrl+Shift+Z)
            found = (QKeySequence.keyBindings(shortcut) if isinstance(shortcut, QKeySequence.StandardKey)
                     else [QKeySequence(shortcut)])
            sequences += [s for s in found if s not in sequences]
        action.setShortcuts(sequences)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        names = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences[:3])
        action.setToolTip(f"{text} ({names})" if names else text)
        action.triggered.connect(slot)
        (scope or self).addAction(action)
        if menu:
            self._menu_actions.append(action)
        return action

    def _make_actions(self) -> None:
        self._menu_actions: list[QAction] = []
        self.next_item_action = self._action(self.tr("Next item"), ["Ctrl+Down", "PgDown", "Alt+N"],
                                             self.next_item)
        self.previous_item_action = self._action(self.tr("Previous item"), ["Ctrl+Up", "PgUp", "Alt+P"],
                                                 self.previous_item)
        self.next_stage_action = self._action(self.tr("Next stage"), ["Ctrl+PgDown"], self.next_stage)
        self.previous_stage_action = self._action(self.tr("Previous stage"), ["Ctrl+PgUp"], self.previous_stage)
        self.undo_action = self._action(self.tr("Undo answer"), [QKeySequence.StandardKey.Undo], self.undo)
        self.redo_action = self._action(self.tr("Redo answer"), [QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y"],
                                        self.redo)
        self.attach_action = self._action(self.tr("Attach evidence…"), ["Ctrl+Shift+E"], self.attach_evidence)
        self.decide_action = self._action(self.tr("Decide…"), ["Ctrl+Shift+D"], self.decide)
        # Ctrl+Shift+R and Ctrl+Shift+G: free in this page, the menus and the text fields' own keys.
        self.export_action = self._action(self.tr("Export report…"), ["Ctrl+Shift+R"],
                                          lambda _checked=False: self.export_report())
        self.export_gaps_action = self._action(self.tr("Export gap list (self-assessment report)…"),
                                               ["Ctrl+Shift+G"],
                                               lambda _checked=False: self.export_report(SELF_REPORT))
        # Ctrl+Shift+L: free here as well (the plan, 审核计划).
        self.audit_plan_action = self._action(self.tr("Audit plan…"), ["Ctrl+Shift+L"],
                                              lambda _checked=False: self.open_audit_plan())
        # Answer keys belong to the answer area, not the page: they act only while it has the
        # focus (framed, naming the item), never from the item list, the stage tabs or the score.
        self.key_actions: dict[str, QAction] = {}
        for key in ANSWER_KEYS:
            self.key_actions[key] = self._action(self.tr("Answer key {0}").format(key), [key],
                                                 lambda _checked=False, k=key: self.press_answer_key(k),
                                                 menu=False, scope=self.form.answer_area)

    @property
    def menu_actions(self) -> list[QAction]:
        """The page's commands for the main window's menu (shortcuts shown there too)."""
        return list(self._menu_actions)

    def _update_actions(self) -> None:
        if not shiboken6.isValid(self.undo_stack) or not shiboken6.isValid(self.undo_action):
            return      # the page is being destroyed; its children go first
        opened = self.assessment is not None
        writable = opened and not self.read_only
        in_items = opened and self.stage != SUMMARY
        self.next_item_action.setEnabled(opened)
        self.previous_item_action.setEnabled(opened)
        self.next_stage_action.setEnabled(opened)
        self.previous_stage_action.setEnabled(opened)
        self.undo_action.setEnabled(writable and self.undo_stack.canUndo())
        self.redo_action.setEnabled(writable and self.undo_stack.canRedo())
        undo_text, redo_text = self.undo_stack.undoText(), self.undo_stack.redoText()
        self.undo_action.setText(self.tr("Undo {0}").format(undo_text) if undo_text else self.tr("Undo answer"))
        self.redo_action.setText(self.tr("Redo {0}").format(redo_text) if redo_text else self.tr("Redo answer"))
        self.attach_action.setEnabled(writable and in_items and self.current_item_id is not None)
        self.decide_action.setEnabled(
            writable and self.assessment["mode"] != SELF and self.result is not None
            and self.result.decision_possible)
        self.decide_action.setVisible(not opened or self.assessment["mode"] != SELF)
        self.export_action.setEnabled(opened)
        self.audit_plan_action.setEnabled(opened and self.assessment["mode"] != SELF)
        self.audit_plan_action.setVisible(not opened or self.assessment["mode"] != SELF)
        self.export_gaps_action.setEnabled(opened and self.assessment["mode"] != SELF)
        # A self-assessment's report is its gap list: one action says it all.
        self.export_gaps_action.setVisible(not opened or self.assessment["mode"] != SELF)
        for action in self.key_actions.values():
            action.setEnabled(writable and in_items)

    # -- opening --------------------------------------------------------------
    def open_assessment(self, assessment_id: int) -> None:
        """Load an assessment (a decided one read-only) at its saved stage."""
        if self.assessment is not None:
            self.form.commit()
        self.assessment = self.store.assessments.get(assessment_id)
        self.assessment_id = assessment_id
        self.pack = self.store.assessments.pack_for(assessment_id)
        self.read_only = self.assessment["status"] != "open"
        self.answers = self.store.assessments.answers(assessment_id)
        self.undo_stack.clear()
        self._last_item_in_stage.clear()
        self.current_item_id = None
        self._show_header()
        self._show_earlier_findings()
        self._rescore()
        stage = self.assessment["stage"] if self.assessment["stage"] in WALK_STAGES else WALK_STAGES[0]
        self._update_stage_tabs()
        self._go_to_stage(stage, persist=False)
        self._update_actions()

    def _actor(self) -> str:
        """Who the store credits: the person signed in. Only a self-assessment, whose people are
        self-declared, falls back to its named assessor; certification work with nobody signed
        in is refused by the store, never credited to the assessor behind their back."""
        signed_in = (self.context.user_name or "").strip()
        if signed_in or self.assessment["mode"] != SELF:
            return signed_in
        return self.assessment["assessor"]

    def _language(self) -> str:
        return self.context.language or "zh_CN"

    def _show_header(self) -> None:
        a, pack, language = self.assessment, self.pack, self._language()
        mode = assessment_purpose(a)
        parts = [self.tr("Assessment #{0}").format(a["id"]), a["applicant_name"]]
        if a.get("product_name"):
            parts.append(a["product_name"])
        parts += [f"{localized(pack.title, pack.title_en, language)} {pack.version}", mode,
                  self.tr("assessor {0}").format(a["assessor"])]
        self.header.setText(" · ".join(parts))
        if self.read_only:
            decision = self.store.assessments.decision(a["id"])
            if decision:
                # The stored code ("grant") in the window's words, as the summary shows it.
                self.banner.setText(self.tr("Decided ({0}) by {1} on {2}: this assessment is read-only.").format(
                    verdict_name(decision["decision"]), decision["decided_by"],
                    local_date(decision["decided_at"], self.store.time_zone())))
            else:
                self.banner.setText(self.tr("This assessment is {0}: read-only.").format(a["status"]))
            self.banner.show()
        else:
            self.banner.hide()

    def _show_earlier_findings(self) -> None:
        if not self.assessment.get("certificate_number"):
            self.earlier_findings.hide()
            return
        self.earlier_findings.show_findings(self.store.surveillance.earlier_findings(self.assessment_id),
                                            self._language())
        self.earlier_findings.show()

    # -- stages ---------------------------------------------------------------
    def stage_name(self, stage: str) -> str:
        return {"application": self.tr("Application review"), "testing": self.tr("Product testing"),
                "audit": self.tr("Factory audit"), "characteristics": self.tr("Characteristics"),
                SUMMARY: self.tr("Summary")}.get(stage, stage)

    def items_in_stage(self, stage: str) -> list[Item]:
        return [item for section in self.pack.sections if section.stage == stage for item in section.items]

    def _update_stage_tabs(self) -> None:
        for index, stage in enumerate(WALK_STAGES):
            if stage == SUMMARY:
                self.stage_bar.setTabText(index, f"{index + 1} {self.stage_name(stage)}")
                continue
            items = self.items_in_stage(stage)
            answered = sum(1 for item in items
                           if row_status(item, self.answers.get(item.id)) not in (UNANSWERED_STATUS, INCOMPLETE_STATUS))
            self.stage_bar.setTabText(index, f"{index + 1} {self.stage_name(stage)}  {answered}/{len(items)}")
            self.stage_bar.setTabEnabled(index, bool(items))
            self.stage_bar.setTabToolTip(index, self.tr("{0} of {1} items answered").format(answered, len(items))
                                         if items else self.tr("This pack has no items in this stage."))

    def _stage_tab_changed(self, index: int) -> None:
        if self.assessment is None or not 0 <= index < len(WALK_STAGES):
            return
        if WALK_STAGES[index] != self.stage:
            self._go_to_stage(WALK_STAGES[index], persist=True)

    def go_to_stage(self, stage: str) -> None:
        """Show a stage (saved as the assessment's current stage)."""
        self._go_to_stage(stage, persist=True)

    def _go_to_stage(self, stage: str, *, persist: bool, item_id: str | None = None) -> None:
        self.form.commit()
        if self.current_item_id and self.stage != SUMMARY:
            self._last_item_in_stage[self.stage] = self.current_item_id
        self.stage = stage
        index = WALK_STAGES.index(stage)
        if self.stage_bar.currentIndex() != index:
            self.stage_bar.blockSignals(True)
            self.stage_bar.setCurrentIndex(index)
            self.stage_bar.blockSignals(False)
        if persist and not self.read_only and self.assessment["stage"] != stage:
            try:
                self.store.assessments.set_stage(self.assessment_id, stage)
                self.assessment["stage"] = stage
                self._announce()
            except RefusedInput as exc:
                self.context.show_refusal(self, self.tr("Stage"), exc)
        if stage == SUMMARY:
            self.item_list.hide()
            self.current_item_id = None
            self._show_summary()
            self.center.setCurrentWidget(self.summary)
        else:
            self.item_list.show()
            items = self.items_in_stage(stage)
            self._fill_item_list(stage)
            if not items:
                self.current_item_id = None
                self.center.setCurrentWidget(self.empty)
            else:
                wanted = item_id or self._last_item_in_stage.get(stage) or next(
                    (i.id for i in items
                     if row_status(i, self.answers.get(i.id)) in (UNANSWERED_STATUS, INCOMPLETE_STATUS)), items[0].id)
                self._select_item(wanted)
        self._update_actions()

    def next_stage(self) -> None:
        index = WALK_STAGES.index(self.stage)
        for stage in WALK_STAGES[index + 1:]:
            if stage == SUMMARY or self.items_in_stage(stage):
                self.go_to_stage(stage)
                return

    def previous_stage(self) -> None:
        index = WALK_STAGES.index(self.stage)
        for stage in reversed(WALK_STAGES[:index]):
            if self.items_in_stage(stage):
                self.go_to_stage(stage)
                return

    # -- the item list --------------------------------------------------------
    def _fill_item_list(self, stage: str) -> None:
        language = self._language()
        self.item_list.blockSignals(True)
        self.item_list.clear()
        for section in self.pack.sections:
            if section.stage != stage:
                continue
            header = QListWidgetItem(localized(section.title, section.title_en, language))
            header.setData(HEADER_ROLE, header.text())
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)       # readable, never selected
            header.setBackground(QColor("#ece8df"))
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            header.setToolTip(header.text())
            self.item_list.addItem(header)
            for item in section.items:
                # Titles, not ids: pack ids are slugs ("qa-responsibilities"); the form shows the id.
                entry = QListWidgetItem(localized(item.title, item.title_en, language))
                entry.setData(ITEM_ROLE, item.id)
                self.item_list.addItem(entry)
                self._decorate(entry, item)
        self.item_list.blockSignals(False)
        self._wrap_section_headers()

    def _wrap_section_headers(self) -> None:
        """Section headers in the item list wrap to its width instead of ending in "…"."""
        width = self.item_list.viewport().width() - 12
        if width <= 0:
            return
        for row in range(self.item_list.count()):
            entry = self.item_list.item(row)
            title = entry.data(HEADER_ROLE)
            if title:
                metrics = QFontMetrics(entry.font())
                lines = wrap_label(title, width, metrics.horizontalAdvance, lines=4)
                entry.setText("\n".join(lines))
                entry.setSizeHint(QSize(width, metrics.height() * len(lines) + 8))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 — Qt's name
        if watched is self.item_list.viewport() and event.type() == QEvent.Type.Resize:
            self._wrap_section_headers()
        return super().eventFilter(watched, event)

    def _status_name(self, status: str) -> str:
        return {"unanswered": self.tr("unanswered"), INCOMPLETE_STATUS: self.tr("incomplete (counts as unanswered)"),
                "na": self.tr("not applicable"), "pass": self.tr("pass"),
                "nc": self.tr("minor nonconformity"), "below": self.tr("below target"),
                "fail": self.tr("fail")}.get(status, status)

    def _decorate(self, entry: QListWidgetItem, item: Item) -> None:
        status = row_status(item, self.answers.get(item.id))
        entry.setIcon(status_icon(status))
        entry.setToolTip(f"{item.id} {localized(item.title, item.title_en, self._language())}\n"
                         f"{self._status_name(status)}")
        entry.setData(Qt.ItemDataRole.AccessibleDescriptionRole, self._status_name(status))

    def _entry_for(self, item_id: str) -> QListWidgetItem | None:
        for row in range(self.item_list.count()):
            entry = self.item_list.item(row)
            if entry.data(ITEM_ROLE) == item_id:
                return entry
        return None

    def _select_item(self, item_id: str) -> None:
        entry = self._entry_for(item_id)
        if entry is None:
            return
        if self.item_list.currentItem() is entry:
            self._show_item(item_id)
        else:
            self.item_list.setCurrentItem(entry)   # → _list_selection_changed → _show_item
        self.item_list.scrollToItem(entry)

    def _list_selection_changed(self, current: QListWidgetItem | None, _previous) -> None:
        if current is not None and current.data(ITEM_ROLE):
            self._show_item(current.data(ITEM_ROLE))

    def _show_item(self, item_id: str) -> None:
        item = self.pack.item(item_id)
        self.current_item_id = item_id
        self.form.show_item(self.assessment_id, item, self.answers.get(item_id), read_only=self.read_only,
                            actor=self._actor(), language=self._language())
        chain = [self.item_list, *self.form.focus_chain()]
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)
        self.center.setCurrentWidget(self.scroll)
        self.scroll.verticalScrollBar().setValue(0)
        self._update_actions()

    def current_item(self) -> Item | None:
        return self.pack.item(self.current_item_id) if self.current_item_id and self.pack else None

    def go_to_item(self, item_id: str, *, focus_answer: bool = False) -> None:
        """Show an item wherever it is (from a reason, a gap, a summary row); the focus goes to
        the item list, or to the item's answer area with ``focus_answer``."""
        if self.pack is None:
            return
        try:
            item = self.pack.item(item_id)
        except KeyError:
            return
        stage = self.pack.section(item.section_id).stage
        if stage != self.stage:
            self._go_to_stage(stage, persist=True, item_id=item_id)
        else:
            self._select_item(item_id)
        if not (focus_answer and self.form.focus_answer()):
            self.item_list.setFocus()

    def _walk_order(self) -> list[str]:
        return [item.id for stage in WALK_STAGES if stage != SUMMARY for item in self.items_in_stage(stage)]

    def next_item(self) -> None:
        """The next item, across stages; after the last one, the summary."""
        if self.assessment is None or self.stage == SUMMARY:
            return
        order = self._walk_order()
        if self.current_item_id not in order:
            return
        index = order.index(self.current_item_id)
        if index + 1 < len(order):
            self.go_to_item(order[index + 1], focus_answer=self.form.answer_has_focus())
        else:
            self.go_to_stage(SUMMARY)

    def previous_item(self) -> None:
        if self.assessment is None:
            return
        order = self._walk_order()
        if not order:
            return
        if self.stage == SUMMARY:
            self.go_to_item(order[-1])
            return
        index = order.index(self.current_item_id) if self.current_item_id in order else 0
        if index > 0:
            self.go_to_item(order[index - 1], focus_answer=self.form.answer_has_focus())

    # -- answering ------------------------------------------------------------
    def press_answer_key(self, key: str) -> bool:
        """An answer key (0-9, P F N C M J) for the current item; False when it means nothing here:
        read-only, on the summary, or the focus is not in the current item's answer area."""
        if self.read_only or self.stage == SUMMARY or self.form.editor is None:
            return False
        if not self.form.answer_has_focus() or self.form.item is None or self.form.item.id != self.current_item_id:
            return False
        return self.form.editor.press_key(key)

    def _form_answered(self, item_id: str, value, merge_session: int) -> None:
        self.save_answer(item_id, value, merge_session=merge_session)

    def _note_edited(self, item_id: str, note: str) -> None:
        row = self.answers.get(item_id)
        self.save_answer(item_id, row["value"] if row else None, note=note)

    def save_answer(self, item_id: str, value, *, note: str | None = None, merge_session: int = 0) -> bool:
        """Save one answer now (one transaction) and make it undoable. False if the store refused it."""
        if self.read_only or self._replaying:
            return False
        item = self.pack.item(item_id)
        title = localized(item.title, item.title_en, self._language())
        # A measured value saved again in the same typing session is a correction of what was
        # still being typed (the debounce saves as you pause), not a retest of a failed result.
        correction = bool(merge_session) and self._typing_session == (item_id, merge_session)
        try:
            record_answer(self.undo_stack, self.store, self.assessment_id, item_id, value, by=self._actor(),
                          note=note, text=self.tr("answer to {0} {1}").format(item_id, title),
                          on_applied=self._replayed, on_error=self._replay_refused,
                          merge_session=merge_session, correction=correction)
        except RefusedInput as exc:
            self.context.show_refusal(self, self.tr("Answer not saved"), exc)
            if item_id == self.current_item_id:
                self.form.show_value(self.answers.get(item_id))
            return False
        self._typing_session = (item_id, merge_session) if merge_session else None
        self._refresh_after_change(item_id)
        return True

    def _refresh_after_change(self, item_id: str | None) -> None:
        """After any write: answers, the item's icon, stage counts, findings, the score."""
        self.answers = self.store.assessments.answers(self.assessment_id)
        if item_id is not None:
            entry = self._entry_for(item_id)
            if entry is not None:
                self._decorate(entry, self.pack.item(item_id))
            if item_id == self.current_item_id:
                self.form.reload_findings()
                self.form.reload_history()
        self._update_stage_tabs()
        self._rescore()
        if self.stage == SUMMARY:
            self._show_summary()
        self._announce()

    def _replayed(self, item_id: str) -> None:
        """An undo or redo wrote ``item_id``: show it where it is."""
        self.answers = self.store.assessments.answers(self.assessment_id)
        self._replaying = True
        try:
            if item_id == self.current_item_id:
                self.form.show_value(self.answers.get(item_id))
            else:
                self.go_to_item(item_id)
        finally:
            self._replaying = False
        self._refresh_after_change(item_id)

    def _replay_refused(self, exc: Exception) -> None:
        self.context.show_refusal(self, self.tr("Undo"), exc)

    def undo(self) -> None:
        if self.read_only:
            return
        self.form.commit()   # a value still being typed becomes its own step first
        self.undo_stack.undo()

    def redo(self) -> None:
        if self.read_only:
            return
        self.form.commit()
        self.undo_stack.redo()

    def attach_evidence(self) -> None:
        if not self.read_only and self.stage != SUMMARY and self.current_item_id:
            self.form.pick_evidence()

    # -- score and summary ----------------------------------------------------
    def _rescore(self) -> None:
        self.result = self.store.assessments.score(self.assessment_id)
        self.score_panel.show_result(self.result, self.pack, self._language())

    def _show_summary(self) -> None:
        self.assessment = self.store.assessments.get(self.assessment_id)
        self.summary.show_summary(
            self.assessment, self.result, self.pack, self.store.assessments.findings(self.assessment_id),
            decision=self.store.assessments.decision(self.assessment_id), read_only=self.read_only,
            language=self._language(), zone=self.store.time_zone())

    # -- deciding -------------------------------------------------------------
    def decide(self) -> None:
        """Open the decision dialog (certification mode, complete assessments only)."""
        if self.assessment is None or self.read_only or self.assessment["mode"] == SELF:
            return
        self.form.commit()
        self._rescore()
        if not self.result.decision_possible:
            QMessageBox.information(self, self.tr("Decision"), self.tr(
                "The assessment is incomplete: answer every required item before deciding."))
            return
        self.decision_dialog = QtDecisionDialog(self.store, self.assessment_id, self.result,
                                                decider=self.context.user_name,
                                                describe=self.score_panel.reason_text,
                                                language=self._language(), parent=self)
        self.decision_dialog.accepted.connect(self._decided)
        self.decision_dialog.open()

    def _decided(self) -> None:
        self.open_assessment(self.assessment_id)
        self._go_to_stage(SUMMARY, persist=False)
        self._announce()

    # -- reports --------------------------------------------------------------
    def export_report(self, kind: str | None = None, path=None) -> bool:
        """Export the open assessment's report: ``kind`` None is the one its mode calls for (the
        assessment report, or a self-assessment's own report); ``SELF_REPORT`` on a certification
        assessment is its gap list. Asks for the file when ``path`` is None."""
        if self.assessment is None:
            return False
        if not self.read_only:
            self.form.commit()      # a value still being typed belongs in the report
        return self.exporter.export(self.assessment_id, kind or report_kind_for(self.assessment["mode"], self.assessment.get("kind")),
                                    path)

    def open_audit_plan(self):
        """The audit plan dialog of the open certification assessment (returns it, or None)."""
        if self.assessment is None or self.assessment["mode"] == SELF:
            return None
        from brandmark.ui.qt_audit_plan_dialog import QtAuditPlanDialog

        self.audit_plan_dialog = QtAuditPlanDialog(self.context, self.assessment_id, parent=self)
        self.audit_plan_dialog.open()
        return self.audit_plan_dialog

    # -- keeping in step with the rest of the window --------------------------
    def _announce(self) -> None:
        self._notifying = True
        try:
            self.context.notify("assessments")
        finally:
            self._notifying = False
        self.assessment_changed.emit(self.assessment_id)

    def _context_changed(self, topic: str) -> None:
        if self._notifying or self.assessment_id is None or topic not in ("assessments", "all"):
            return
        try:
            fresh = self.store.assessments.get(self.assessment_id)
        except RefusedInput:
            return
        if fresh["status"] != self.assessment["status"]:
            self.open_assessment(self.assessment_id)   # decided elsewhere: now read-only
            return
        self.answers = self.store.assessments.answers(self.assessment_id)
        for row in range(self.item_list.count()):
            entry = self.item_list.item(row)
            if entry.data(ITEM_ROLE):
                self._decorate(entry, self.pack.item(entry.data(ITEM_ROLE)))
        self._update_stage_tabs()
        self._rescore()
        self._show_earlier_findings()      # an earlier finding may have been verified meanwhile

    def hideEvent(self, event) -> None:  # noqa: N802 — Qt's name
        # Leaving the page (another page, closing the window) saves what is still on screen.
        if self.assessment is not None and not self.read_only:
            self.form.commit()
        super().hideEvent(event)
