"""The live score panel: verdict preview and its reasons, section bars, radar, NC counts.

It shows a ``ScoreResult`` from ``store.assessments.score`` and computes nothing
itself. Clicking a reason (or a gap, in self-assessment) emits ``item_requested``.

>>> panel = QtScorePanel()                                         # doctest: +SKIP
>>> panel.show_result(store.assessments.score(1), pack, "zh_CN")   # doctest: +SKIP
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QLabel, QListWidget, QListWidgetItem, QProgressBar, QVBoxLayout, QWidget,
)

from brandmark.packs.model import Pack
from brandmark.scoring.scorer import CONDITIONAL, GRANT, INCOMPLETE, REFUSE, SELF, Reason, ScoreResult
from brandmark.ui.qt_item_editors import COLOURS, localized
from brandmark.ui.qt_radar import QtRadarChart

VERDICT_COLOURS = {GRANT: COLOURS["pass"], CONDITIONAL: COLOURS["nc"], INCOMPLETE: COLOURS["unanswered"],
                   REFUSE: COLOURS["fail"]}
_VERDICT_NAMES = {GRANT: QT_TRANSLATE_NOOP("QtScorePanel", "Grant"),
                  CONDITIONAL: QT_TRANSLATE_NOOP("QtScorePanel", "Grant after corrective action"),
                  INCOMPLETE: QT_TRANSLATE_NOOP("QtScorePanel", "Incomplete"),
                  REFUSE: QT_TRANSLATE_NOOP("QtScorePanel", "Refuse")}
ITEM_ROLE = Qt.ItemDataRole.UserRole
BAR_LABEL_WIDTH = 130      # section names beside their bars wrap at this width (pixels)


def verdict_name(verdict: str) -> str:
    """A verdict or stored decision code ("grant", "conditional"...) in the window's language.

    >>> verdict_name("conditional")   # in an English window  # doctest: +SKIP
    'Grant after corrective action'
    """
    return QCoreApplication.translate("QtScorePanel", _VERDICT_NAMES[verdict]) if verdict in _VERDICT_NAMES \
        else verdict


class QtScorePanel(QWidget):
    item_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.result: ScoreResult | None = None
        self.pack: Pack | None = None
        self.language = "zh_CN"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)

        self.verdict_label = QLabel(self)
        self.verdict_label.setObjectName("verdict")
        self.verdict_label.setWordWrap(True)
        font = self.verdict_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.verdict_label.setFont(font)
        self.total_label = QLabel(self)
        self.total_label.setWordWrap(True)
        self.readiness_label = QLabel(self)
        self.readiness_label.setObjectName("readiness")
        self.readiness_label.setFont(font)
        self.nc_label = QLabel(self)
        self.nc_label.setObjectName("nc-counts")
        self.nc_label.setWordWrap(True)
        layout.addWidget(self.readiness_label)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.total_label)
        layout.addWidget(self.nc_label)

        self.reasons_title = QLabel(self.tr("Reasons (click to go to the item)"), self)
        self.reasons = QListWidget(self)
        self.reasons.setObjectName("reasons")
        self.reasons.setWordWrap(True)
        self.reasons.setMaximumHeight(150)
        self.reasons.itemActivated.connect(self._activated)
        self.reasons.itemClicked.connect(self._activated)
        layout.addWidget(self.reasons_title)
        layout.addWidget(self.reasons)

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)
        self.bars_box = QWidget(self)
        self.bars = QGridLayout(self.bars_box)
        self.bars.setContentsMargins(0, 0, 0, 0)
        self.bars.setColumnStretch(1, 1)
        layout.addWidget(self.bars_box)
        self.section_bars: dict[str, QProgressBar] = {}
        self.radar = QtRadarChart(self)
        layout.addWidget(self.radar, 1)

    # -- showing --------------------------------------------------------------
    def reason_text(self, reason: Reason) -> str:
        """A reason in the window's language, built from its rule and item."""
        result, pack = self.result, self.pack
        title = ""
        if reason.item and pack is not None:
            try:
                item = pack.item(reason.item)
                title = localized(item.title, item.title_en, self.language)
            except KeyError:
                title = reason.item
        if reason.rule == "veto":
            return self.tr("Veto item failed: {0}").format(title)
        if reason.rule == "major_nc":
            return self.tr("Major nonconformity: {0}").format(title)
        if reason.rule == "minor_nc":
            return self.tr("Minor nonconformity awaiting verified corrective action: {0}").format(title)
        if reason.rule == "test_fail":
            test = next((t for t in result.tests if t.item == reason.item), None) if result else None
            compared = ", ".join(test.compared) if test else ""
            return self.tr("Test failed: {0} ({1} {2} against {3})").format(
                title, compared, test.unit if test else "", test.limit if test else "")
        if reason.rule == "required":
            return self.tr("Required item unanswered: {0}").format(title)
        if reason.rule == "pass_score" and result and pack:
            return self.tr("Total {0:.2f} is below the pass score {1:g}").format(result.total, pack.rules.pass_score)
        if reason.rule == "max_minor_nc" and result and pack:
            return self.tr("{0} minor nonconformities exceed the limit of {1}").format(
                result.nonconformities.get("minor", 0), pack.rules.max_minor_nc)
        return reason.message

    def show_result(self, result: ScoreResult, pack: Pack, language: str = "zh_CN") -> None:
        self.result, self.pack, self.language = result, pack, language
        colour = VERDICT_COLOURS.get(result.verdict, COLOURS["unanswered"])
        if result.mode == SELF:
            self.readiness_label.setText(self.tr("Readiness {0:.0f} %").format(result.readiness))
            self.readiness_label.show()
            self.verdict_label.setText(self.tr("If certified now: {0}").format(verdict_name(result.verdict)))
        else:
            self.readiness_label.hide()
            self.verdict_label.setText(self.tr("Verdict preview: {0}").format(verdict_name(result.verdict)))
        _restyle(self.verdict_label, f"color: {colour}")
        self.total_label.setText(self.tr("Total {0:.1f} / 100 (pass score {1:g}) · answered {2} of {3}").format(
            result.total, pack.rules.pass_score, result.answered, result.items))
        nc = result.nonconformities
        self.nc_label.setText(self.tr("Nonconformities: major {0} · minor {1} · awaiting corrective action {2}")
                              .format(nc.get("major", 0), nc.get("minor", 0), nc.get("minor_open", 0)))
        _restyle(self.nc_label, f"color: {COLOURS['fail']}" if nc.get("major") else
                 (f"color: {COLOURS['nc']}" if nc.get("minor") else ""))
        self._show_reasons(result)
        self._show_sections(result)

    def _show_reasons(self, result: ScoreResult) -> None:
        self.reasons.clear()
        # Unanswered items are one line, not one reason each: the item list shows which.
        missing = [r for r in result.reasons if r.rule == "required"]
        for reason in result.reasons:
            if reason.rule == "required":
                continue
            entry = QListWidgetItem(self.reason_text(reason))
            entry.setData(ITEM_ROLE, reason.item)
            entry.setToolTip(f"{reason.item}: {reason.message}" if reason.item else reason.message)
            self.reasons.addItem(entry)
        if missing:
            entry = QListWidgetItem(self.tr("{0} required item(s) unanswered, first: {1}").format(
                len(missing), self.reason_text(missing[0]).split(": ", 1)[-1]))
            entry.setData(ITEM_ROLE, missing[0].item)
            self.reasons.addItem(entry)
        if not self.reasons.count():
            self.reasons.addItem(QListWidgetItem(self.tr("No reasons against granting.")))
        self.reasons_title.setVisible(True)

    def _show_sections(self, result: ScoreResult) -> None:
        scored = [s for s in result.sections if s.max > 0]
        if set(self.section_bars) != {s.id for s in scored}:
            while self.bars.count():
                widget = self.bars.takeAt(0).widget()
                if widget:
                    widget.deleteLater()
            self.section_bars.clear()
            for row, section in enumerate(scored):
                label = QLabel(self.bars_box)
                label.setObjectName(f"section-label-{section.id}")
                # Wrapped, not elided: "Factory quality-ass…" hid which section the bar was.
                label.setWordWrap(True)
                label.setFixedWidth(BAR_LABEL_WIDTH)
                bar = QProgressBar(self.bars_box)
                bar.setObjectName(f"section-{section.id}")
                bar.setRange(0, 1000)
                bar.setTextVisible(True)
                self.bars.addWidget(label, row, 0)
                self.bars.addWidget(bar, row, 1)
                self.section_bars[section.id] = bar
        axes = []
        # QProgressBar.setValue repaints at once; with updates off, one repaint follows later.
        self.bars_box.setUpdatesEnabled(False)
        for section in scored:
            title = localized(section.title, section.title_en, self.language)
            bar = self.section_bars[section.id]
            value, shown = round(section.score / section.max * 1000), f"{section.score:.1f} / {section.max:.1f}"
            if bar.value() != value or bar.format() != shown:
                bar.setValue(value)
                bar.setFormat(shown)
            bar.setToolTip(self.tr("{0}: {1:.1f} of {2:.1f}, {3} of {4} items answered").format(
                title, section.score, section.max, section.answered, section.items))
            label = self.bars_box.findChild(QLabel, f"section-label-{section.id}")
            if label is not None:
                label.setText(_short(title))
                label.setToolTip(title)
            axes.append((_short(title), section.score / section.max))
        self.bars_box.setUpdatesEnabled(True)
        marker = self.pack.rules.pass_score / 100 if self.pack else None
        self.radar.set_axes(axes, marker)

    def _activated(self, entry: QListWidgetItem) -> None:
        item_id = entry.data(ITEM_ROLE)
        if item_id:
            self.item_requested.emit(item_id)


def _restyle(widget: QWidget, style: str) -> None:
    """Set a style sheet only when it changes (each call re-polishes the widget)."""
    if widget.styleSheet() != style:
        widget.setStyleSheet(style)


def _short(title: str) -> str:
    """Section titles in a narrow panel: without a closing bracketed qualifier (the tooltip
    has it): "产品检验（示例产品：电水壶）" → "产品检验"; a bracket inside the title stays."""
    for opening, closing in (("（", "）"), (" (", ")")):
        if title.endswith(closing) and opening in title and title.rindex(opening) > 1:
            return title[:title.rindex(opening)]
    return title
