"""How long an answer takes in the walk-through, against the store doing the same work alone.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_qt_assessment.py [--rounds 200]

Set-up (not timed): a fresh database with the bundled zhejiang-made pack (59 items) and
two assessments. Then, in the same run:

* **page**: ``page.save_answer(item, value)`` on the walk-through page — the store write,
  the undo step, the item's icon, the stage counts, the finding form and a re-score shown
  in the score panel (bars and radar repainted on the next paint);
* **store only**: ``store.assessments.answer`` then ``store.assessments.score`` — the
  same transaction and the same scoring, no window.

Also timed: opening an assessment on the page (``open_assessment``). Goal: an answer in
the window, repaint of the score panel included, under 50 ms (it follows a key press).
The ratio to the store alone shows what the window adds (bookkeeping and painting).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def keep_none_alive() -> None:
    """PySide6 6.12.0 on Python < 3.12 drops one reference to ``None`` per call of a void
    method (``label.setText``…); 6.11.3 does not. A few hundred answers would then abort
    the process ("deallocating None"). Give None the headroom Python 3.12 gives it by
    making it immortal, so the benchmark measures instead of crashing."""
    if sys.version_info < (3, 12):
        import ctypes
        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args(argv)
    keep_none_alive()

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["bench"])
    from brandmark.store import Store
    from brandmark.ui.qt_assessment_page import QtAssessmentPage
    from brandmark.ui.qt_context import QtAppContext

    folder = Path(tempfile.mkdtemp(prefix="bench-assessment-"))
    os.environ["BRANDMARK_DATA_DIR"] = str(folder / "userdata")
    store = Store(folder / "bench.db")
    # Every certification actor is a registered person, signed in (as the window's sign-in does).
    assessor = store.people.add(name="张三", roles=["assessor"], schemes=["zhejiang-made"],
                                passphrase="bench passphrase 基准口令", by="bench")
    store.people.unlock(assessor["id"], "bench passphrase 基准口令")
    applicant = store.applicants.add(name="基准测试电器有限公司", uscc="91350100M000100Y43", region="杭州")
    sys.path.insert(0, str(ROOT / "tests"))
    from support import new_certification_assessment
    page_id = new_certification_assessment(store, applicant, "zhejiang-made", assessor="张三", accepted_by="张三")
    bare_id = new_certification_assessment(store, applicant, "zhejiang-made", assessor="张三", accepted_by="张三")
    pack = store.assessments.pack_for(page_id)
    conformity = [i.id for i in pack.items() if i.kind == "conformity"]
    values = ("conform", "minor", "major", "na")

    context = QtAppContext(store)
    context.user_name = "张三"
    context.person = assessor
    page = QtAssessmentPage(context)
    page.resize(1280, 800)
    page.show()

    opening = []
    for _ in range(10):
        start = time.perf_counter()
        page.open_assessment(page_id)
        app.processEvents()
        opening.append(time.perf_counter() - start)
    page.go_to_item(conformity[0])

    paint_times = []

    def round_trip_page(n: int) -> float:
        item = conformity[n % len(conformity)]
        start = time.perf_counter()
        page.save_answer(item, values[n % len(values)])
        saved = time.perf_counter()
        page.score_panel.repaint()          # the bars and radar as the user sees them
        end = time.perf_counter()
        paint_times.append(end - saved)
        return end - start

    def round_trip_store(n: int) -> float:
        item = conformity[n % len(conformity)]
        start = time.perf_counter()
        store.assessments.answer(bare_id, item, values[n % len(values)], by="张三")
        store.assessments.score(bare_id)
        return time.perf_counter() - start

    page_times, store_times = [], []
    for n in range(args.rounds):          # interleaved, so both see the same machine state
        page_times.append(round_trip_page(n))
        store_times.append(round_trip_store(n))
    page_ms = statistics.median(page_times) * 1000
    store_ms = statistics.median(store_times) * 1000
    print(f"open_assessment (59 items): median {statistics.median(opening) * 1000:.1f} ms")
    print(f"answer in the page: median {page_ms:.1f} ms, p95 {sorted(page_times)[int(len(page_times) * 0.95)] * 1000:.1f} ms")
    print(f"  of which repainting the score panel: median {statistics.median(paint_times) * 1000:.1f} ms")
    print(f"store only (answer + score): median {store_ms:.1f} ms")
    print(f"ratio page / store: {page_ms / store_ms:.2f} (goal: the page under 50 ms: "
          f"{'met' if page_ms < 50 else 'NOT met'})")
    page.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
