"""Exporting an assessment's PDF report from the window: ask where, write it, say where it went.

Three reports exist (``brandmark.reports``): the certification assessment report, the
self-assessment report, which for a certification assessment is its gap list, and a
surveillance visit's report (监督报告), the report a visit's assessment calls for. The user
picks a file in the native save dialog (a name like ``评审报告-#12-企业名.pdf`` proposed);
the PDF is written off the GUI thread through ``context.run_operation`` (progress, Cancel;
a refusal is shown as a message and leaves no file); a message box and the status bar
then say where the file went, with buttons to open it or its folder.

The report an assessment's mode calls for, then a certification's gap list to a given file:

>>> exporter = QtReportExporter(context, page)              # doctest: +SKIP
>>> exporter.export(12)                                     # doctest: +SKIP
>>> exporter.export(12, SELF_REPORT, path="/tmp/gaps.pdf")  # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from brandmark.errors import RefusedInput
from brandmark.ui import qt_file_dialogs
from brandmark.ui.qt_saved import announce_saved

ASSESSMENT_REPORT = "assessment"   # 认证评审报告: certification assessments only
SELF_REPORT = "self"               # 企业自我评价报告: a self-assessment's report, a certification's gap list
SURVEILLANCE_REPORT = "surveillance"   # 监督报告: a surveillance visit's assessment only

# Refused by Windows in file names (and "/" everywhere), plus control characters.
_ILLEGAL = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
_LONGEST_NAME = 60        # characters of the applicant's name kept: 3 bytes each in UTF-8, under 255


def report_kind_for(mode: str, kind: str | None = None) -> str:
    """The report an assessment of ``mode`` (and of ``kind``: initial, surveillance…) naturally prints.

    >>> report_kind_for("certification", "surveillance"), report_kind_for("self")
    ('surveillance', 'self')
    """
    from brandmark.scoring.scorer import SELF

    if mode == SELF:
        return SELF_REPORT
    return SURVEILLANCE_REPORT if kind == "surveillance" else ASSESSMENT_REPORT


def safe_file_name(text: str, longest: int = _LONGEST_NAME) -> str:
    """``text`` usable as (part of) a file name on Windows, macOS and Linux.

    >>> safe_file_name('A/B: "电器"*公司. ')
    'A_B_ _电器_公司'
    """
    cleaned = re.sub(r"\s+", " ", _ILLEGAL.sub("_", text)).strip()[:longest]
    return cleaned.rstrip(" .")        # Windows drops trailing dots and spaces


class QtReportExporter(QObject):
    """Exports assessment reports for one page (``parent``): dialogs are its children."""

    def __init__(self, context, parent: QWidget):
        super().__init__(parent)
        self.context = context
        self.parent_widget = parent

    def kind_title(self, kind: str, mode: str) -> str:
        from brandmark.scoring.scorer import SELF

        if kind == ASSESSMENT_REPORT:
            return self.tr("Assessment report")
        if kind == SURVEILLANCE_REPORT:
            return self.tr("Surveillance report")
        return self.tr("Gap list") if mode != SELF else self.tr("Self-assessment report")

    def proposed_name(self, assessment: dict, kind: str) -> str:
        """``评审报告-#12-企业名.pdf``: what the report is, its number, whose it is."""
        title = self.kind_title(kind, assessment["mode"])
        owner = safe_file_name(assessment.get("applicant_name") or "")
        parts = [safe_file_name(title), f"#{assessment['id']}"] + ([owner] if owner else [])
        return "-".join(parts) + ".pdf"

    def _ask_path(self, assessment: dict, kind: str) -> str | None:
        # The dialog starts where the last report went (kept in the settings), else in Documents.
        chosen, _filter = qt_file_dialogs.save_file_name(
            self.parent_widget, self.tr("Export report: {0}").format(self.kind_title(kind, assessment["mode"])),
            self.proposed_name(assessment, kind), self.tr("PDF files (*.pdf)"), purpose="reports")
        if not chosen:
            return None
        return chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf"

    def export(self, assessment_id: int, kind: str | None = None, path: str | Path | None = None,
               on_done: Callable[[Path], None] | None = None) -> bool:
        """Write one report; ``kind`` None picks the one the assessment's mode calls for.

        Asks for the file when ``path`` is None; returns False when nothing was started
        (the user cancelled the dialog, or the assessment is gone).
        """
        try:
            assessment = self.context.store.assessments.get(assessment_id)
        except RefusedInput as exc:
            self.context.show_refusal(self.parent_widget, self.tr("Export report"), exc)
            return False
        kind = kind or report_kind_for(assessment["mode"], assessment.get("kind"))
        if path is None:
            path = self._ask_path(assessment, kind)
            if path is None:
                return False
        target = Path(path)
        title = self.kind_title(kind, assessment["mode"])

        def work(store, progress) -> Path:
            from brandmark.reports import write_assessment_report, write_self_report   # reportlab: on first use
            from brandmark.reports.surveillance_report import write_surveillance_report

            writer = {ASSESSMENT_REPORT: write_assessment_report, SURVEILLANCE_REPORT: write_surveillance_report}.get(
                kind, write_self_report)
            writer(store, assessment_id, target, progress=progress)
            return target

        def done(written: Path) -> None:
            self.report_written(written, title)
            if on_done:
                on_done(written)

        self.context.run_operation(self.parent_widget, self.tr("Writing the report"), work, on_done=done)
        return True

    def report_written(self, path: Path, title: str) -> None:
        """Say where the file went, as every save does (``qt_saved``)."""
        announce_saved(self.parent_widget, self.tr("Export report: {0}").format(title), [path])
