"""Single pages of the assessments and certificates registers, every order, against bare sqlite3.

    PYTHONPATH=. python tests/benchmarks/bench_register_pages.py [--n 100000] [--runs 5] [--keep DB | --register DB]

Builds a register of ``n`` assessments and ``n`` certificates (copied in bulk from the demo's:
``n // 4`` applicants, every assessment answered like its demo original, two in five decided,
one in five without a product, a third of the certificates with an open visit), then for every
order the window offers, both ways, times three pages: the first, one in the middle reached
from a key (``after=``) and the last (``from_end``). The floor is the same page on bare sqlite3:
the store's own SQL statement (caught with a trace callback), run on a plain connection with its
parameters, so the floor does the same query without anything Python adds around it (for an
assessment page: the stage and score worked out from the page's answers, one more query).
Each order's slowest page is printed with its floor; the goal is every page under 10 ms.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import interleaved, medians, report  # noqa: E402
from _register import remove_database  # noqa: E402
from brandmark.store import Store  # noqa: E402
from brandmark.store.assessments import Assessments  # noqa: E402
from brandmark.store.certificates import Certificates  # noqa: E402

BENCH = "register_pages"
PAGE = 200


def _columns(conn, table: str) -> list[str]:
    return [c[1] for c in conn.execute(f"PRAGMA table_info({table})")]


def build(path: Path, n: int) -> None:
    """``n`` assessments and ``n`` certificates beside the demo's (see the module's text)."""
    from brandmark.demo import load_demo
    from brandmark.name_keys import name_sort_key

    remove_database(path)
    with Store(path) as store:
        load_demo(store)
        conn = store.conn
        names = [c for c in _columns(conn, "assessments") if c != "id"]
        bases = [dict(zip(["id", *names], row)) for row in
                 conn.execute(f"SELECT id, {', '.join(names)} FROM assessments ORDER BY id")]
        decision_names = [c for c in _columns(conn, "decisions") if c not in ("id", "assessment_id")]
        decision = conn.execute(f"SELECT {', '.join(decision_names)} FROM decisions LIMIT 1").fetchone()
        stems = ["杭州", "宁波", "温州", "嘉兴", "湖州", "绍兴", "金华", "衢州"]
        trades = ["恒丰", "华联", "宏达", "鑫源", "盛泰", "永安", "金山", "瑞祥", "德信", "中天"]
        kinds = ["电器", "泵阀", "电机", "茶业", "纺织"]
        keys = {}
        with store.atomic():
            first_applicant = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM applicants").fetchone()[0]
            applicant_rows = []
            for i in range(max(1, n // 4)):
                name = f"{stems[i % 8]}{trades[(i // 8) % 10]}{kinds[(i // 80) % 5]}{i:06d}有限公司"
                stem = name[:-10]
                if stem not in keys:
                    keys[stem] = name_sort_key(stem).split("\x1f")[0]
                applicant_rows.append((name, f"{keys[stem]} {i:06d}\x1f{name}", f"91330100X{i:08d}L"[:18], "hangzhou",
                                       "2026-01-01T08:00:00+00:00", "2026-01-01T08:00:00+00:00"))
            conn.executemany("INSERT INTO applicants (name, name_sort, uscc, region, created_at, updated_at) "
                             "VALUES (?, ?, ?, ?, ?, ?)", applicant_rows)
            conn.execute("CREATE TEMP TABLE copied (id INTEGER PRIMARY KEY, base INTEGER)")
            rows, base_of = [], []
            for i in range(n):
                base = bases[i % len(bases)]
                row = {**base, "applicant_id": first_applicant + i % len(applicant_rows),
                       "product_id": None if i % 5 == 0 else base["product_id"],
                       "assessor": f"评审员{i % 40:02d}", "status": "decided" if i % 5 < 2 else "open",
                       "created_at": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T08:00:00+00:00",
                       "updated_at": f"2026-{1 + i % 12:02d}-{1 + (i * 7) % 28:02d}T09:00:00+00:00"}
                rows.append([row[k] for k in names])
                base_of.append(base["id"])
            start = conn.execute("SELECT max(id) FROM assessments").fetchone()[0] + 1
            conn.executemany(f"INSERT INTO assessments ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                             rows)
            conn.executemany("INSERT INTO copied (id, base) VALUES (?, ?)",
                             [(start + i, base_of[i]) for i in range(n)])
            answer_names = [c for c in _columns(conn, "answers") if c != "assessment_id"]
            listed = ", ".join(answer_names)
            copied = ", ".join("x." + a for a in answer_names)
            conn.execute(f"INSERT INTO answers (assessment_id, {listed}) SELECT c.id, {copied} "
                         "FROM copied c JOIN answers x ON x.assessment_id = c.base")
            conn.executemany(
                f"INSERT INTO decisions (assessment_id, {', '.join(decision_names)}) "
                f"VALUES (?, {', '.join('?' * len(decision_names))})",
                [(start + i, *[{"decision": ["grant", "conditional", "refuse"][i % 3],
                                "decided_at": f"2026-{1 + i % 12:02d}-{1 + i % 27:02d}"}.get(k, v)
                               for k, v in zip(decision_names, decision)])
                 for i in range(n) if i % 5 < 2])
            first = conn.execute("SELECT id, applicant_id, scheme_id, scheme_version FROM assessments "
                                 "ORDER BY id DESC LIMIT 1").fetchone()
            conn.executemany(
                "INSERT INTO certificates (number, assessment_id, applicant_id, holder_name, holder_uscc, product, "
                "scheme_id, scheme_version, issued_on, expires_on, issuing_body, authorised_by, status, created_at) "
                "VALUES (?, ?, ?, ?, '91330106MA2B3C4D5E', ?, ?, ?, ?, ?, '测试机构', '李四', ?, ?)",
                [(f"BM-B-2026-{i:07d}", first[0], first[1], f"持证企业{i % 500:03d}", f"产品{i % 30:02d}", first[2],
                  first[3], f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}",
                  f"{2025 + i % 5}-{1 + i % 12:02d}-01", ["valid", "valid", "suspended", "withdrawn"][i % 4],
                  f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T10:00:00+00:00") for i in range(n)])
            conn.executemany("INSERT INTO surveillance (number, due_on) VALUES (?, ?)",
                             [(f"BM-B-2026-{i:07d}", f"2027-{1 + i % 12:02d}-01") for i in range(0, n, 3)])
            conn.execute("DROP TABLE temp.copied")
        conn.execute("ANALYZE")


class Caught:
    """The SQL statements (with their parameters, by expansion) a call makes on the store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __call__(self, call) -> list[str]:
        statements: list[str] = []
        self.store.conn.set_trace_callback(statements.append)
        try:
            call()
        finally:
            self.store.conn.set_trace_callback(None)
        return [s for s in statements if s.lstrip().upper().startswith("SELECT")]


def pages(store: Store, register: str, order_by: str, descending: bool):
    """The three pages of one order, as calls: first, middle (from a key), last."""
    if register == "assessments":
        fetch = store.assessments.register
        ids = [r[0] for r in store.conn.execute("SELECT id FROM assessments ORDER BY id")]
        middle = store.assessments.register_key(ids[len(ids) // 2], order_by)
    else:
        def fetch(**asked):
            return store.certificates.list(**asked)
        numbers = [r[0] for r in store.conn.execute("SELECT number FROM certificates ORDER BY rowid")]
        middle = store.certificates.key_of(numbers[len(numbers) // 2], order_by)
    asked = {"limit": PAGE, "order_by": order_by, "descending": descending}
    return {"first": lambda: fetch(**asked), "middle": lambda: fetch(after=middle, **asked),
            "last": lambda: fetch(from_end=True, **asked)}


def measure(path: Path, runs: int) -> bool:
    store = Store(path, load_bundled_packs=False)
    store.assessments.register(limit=1)            # packs parsed and cached, as in a window already open
    bare = sqlite3.connect(path)
    caught = Caught(store)
    met = True
    worst: list[tuple[float, str]] = []
    orders = [("assessments", o) for o in Assessments._REGISTER_ORDER] + \
             [("certificates", o) for o in Certificates._ORDER]
    for register, order_by in orders:
        for descending in (True, False):
            calls = pages(store, register, order_by, descending)
            # The floor: each page's own statements, replayed on a plain connection.
            floors = {}
            for place, call in calls.items():
                statements = caught(call)
                floors[place] = (lambda statements=statements: [bare.execute(s).fetchall() for s in statements])
            actions = {**{f"store {p}": c for p, c in calls.items()}, **{f"bare {p}": f for p, f in floors.items()}}
            cpu: dict[str, list[float]] = {name: [] for name in actions}

            def timed(name, action):
                def run():
                    start = time.process_time()
                    action()
                    cpu[name].append(time.process_time() - start)
                return run
            times = medians(interleaved({name: timed(name, action) for name, action in actions.items()}, runs))
            cpu_times = medians(cpu)
            place = max(calls, key=lambda p: times[f"store {p}"])
            figure = (f"{register}, {order_by} {'descending' if descending else 'ascending'}: slowest page of "
                      f"first/middle/last ({place})")
            report(BENCH, figure, times[f"store {place}"], "the same statements on bare sqlite3",
                   times[f"bare {place}"], goal=None, runs=runs)
            # CPU time: what the page costs this process, whatever else the machine is running.
            print("  pages (wall; CPU): " + ", ".join(
                f"{p} {times[f'store {p}'] * 1000:.1f}; {cpu_times[f'store {p}'] * 1000:.1f} ms "
                f"(bare {times[f'bare {p}'] * 1000:.1f}; {cpu_times[f'bare {p}'] * 1000:.1f})" for p in calls))
            worst.append((times[f"store {place}"], figure))
            met &= times[f"store {place}"] < 0.010
    bare.close()
    store.close()
    seconds, figure = max(worst)
    print(f"slowest page of all: {seconds * 1000:.2f} ms ({figure}); every page under 10 ms: "
          f"{'met' if met else 'MISSED'}")
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, metavar="DB", help="build the register here and keep it")
    parser.add_argument("--register", type=Path, metavar="DB", help="measure on this register, built with --keep")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.register or args.keep or Path(folder) / "records.db"
        try:
            if not args.register:
                start = time.perf_counter()
                build(path, args.n)
                print(f"{args.n:,} assessments and {args.n:,} certificates built in "
                      f"{time.perf_counter() - start:.1f} s", flush=True)
            else:
                Store(path, load_bundled_packs=False).close()      # brought up to this schema
            measure(path, args.runs)
        finally:
            if not (args.register or args.keep):
                remove_database(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
