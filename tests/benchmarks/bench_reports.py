"""Assessment and self-assessment report PDFs against a bare platypus document.

    python tests/benchmarks/bench_reports.py [--repeat 9]

Set-up (not timed): the demo data set in a temporary database; the zhejiang-made
certification assessment (59 items, the largest bundled pack) and its self-assessment.
Then, in the same run and taking turns, the median of ``repeat`` runs of:

* **assessment report**: ``write_assessment_report`` — reading the record, scoring, the
  particulars, section table and radar, every item in its table, findings, evidence;
* **self report**: ``write_self_report`` — readiness, sections, radar, gap list;
* **bare table**: every item's id, titles, clause, answer and note as plain Paragraphs in
  one reportlab Table, same font and CJK wrapping — no markup, no section tables, no chart,
  no header or footer: about the least a tabular PDF of this record costs.

CJK line breaking (reportlab measures mixed-style text glyph by glyph) and font subsetting
dominate. The report prints far more (section tables, radar, findings, sign-off) on more
pages, so the goal is per page: the assessment report at most 2 times the bare table's
cost per page, and the whole report under one second on the 2-core CI machine (the window
exports it behind a progress dialog; it must not feel stuck).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def bare_document(store, assessment_id: int, path: Path) -> None:
    """Every item's id, titles, answer and note in one plain table: no markup, no furniture."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    from brandmark.fonts import register_pdf_fonts

    font = register_pdf_fonts()
    style = ParagraphStyle("plain", fontName=font, fontSize=8.5, leading=11.5, wordWrap="CJK")
    pack = store.assessments.pack_for(assessment_id)
    answers = store.assessments.answers(assessment_id)
    rows = []
    for item in pack.items():
        answer = answers.get(item.id) or {}
        rows.append([Paragraph(escape(f"{item.id} {item.title} {item.title_en} {item.clause}"), style),
                     Paragraph(escape(str(answer.get("value"))), style),
                     Paragraph(escape(answer.get("note") or ""), style)])
    table = Table(rows, colWidths=[230, 120, 120], repeatRows=0)
    SimpleDocTemplate(str(path), pagesize=A4, initialFontName=font).build([table])


def interleaved_medians(actions: dict, repeat: int) -> dict:
    """Median seconds per action, the actions taking turns so machine noise hits all alike."""
    times = {name: [] for name in actions}
    for _ in range(repeat):
        for name, action in actions.items():
            start = time.perf_counter()
            action()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()

    from pypdf import PdfReader

    from brandmark.demo import load_demo
    from brandmark.reports import write_assessment_report, write_self_report
    from brandmark.store import Store

    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        os.environ["BRANDMARK_DATA_DIR"] = str(folder / "userdata")
        store = Store(folder / "bench.db", clock=lambda: dt.datetime(2026, 3, 1, 9, tzinfo=dt.timezone.utc))
        load_demo(store)
        rows = [r for r in store.assessments.list() if r["scheme_id"] == "zhejiang-made"]
        certification = next(r["id"] for r in rows if r["mode"] == "certification")
        self_assessment = next(r["id"] for r in rows if r["mode"] == "self")
        outputs = {name: folder / f"{name}.pdf" for name in ("assessment", "self", "bare")}

        # One untimed run each, so font loading and first imports are not counted.
        write_assessment_report(store, certification, outputs["assessment"])
        write_self_report(store, self_assessment, outputs["self"])
        bare_document(store, certification, outputs["bare"])

        timings = interleaved_medians({
            "assessment": lambda: write_assessment_report(store, certification, outputs["assessment"]),
            "self": lambda: write_self_report(store, self_assessment, outputs["self"]),
            "bare": lambda: bare_document(store, certification, outputs["bare"]),
        }, args.repeat)
        pages = {name: len(PdfReader(str(pdf)).pages) for name, pdf in outputs.items()}
        per_page = {name: timings[name] / pages[name] for name in timings}
        for name, seconds in timings.items():
            print(f"{name:<11} {seconds * 1000:8.1f} ms  {pages[name]:3d} pages  "
                  f"{outputs[name].stat().st_size / 1024:7.1f} KB  {timings[name] / timings['bare']:5.2f}x bare  "
                  f"{per_page[name] * 1000:6.1f} ms/page  {per_page[name] / per_page['bare']:5.2f}x bare per page")
        ratio = per_page["assessment"] / per_page["bare"]
        verdict = "OK" if ratio <= 2 and timings["assessment"] < 1.0 else "SLOW"
        print(f"assessment report: {ratio:.2f}x the bare table per page, {timings['assessment']:.2f} s — {verdict}")
        store.close()


if __name__ == "__main__":
    main()
