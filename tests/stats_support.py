"""A register filled with raw rows of every kind the statistics count, drawn from a seed.

The statistics tests compare the store's SQL with plain Python over these same rows
(read back as dicts), and ``tests/benchmarks/bench_stats.py`` fills 100,000 applicants
with it. The rows are deliberately varied: applicants with and without a region,
self-assessments, refused and undecided work, certificates suspended, withdrawn,
cancelled or expired (and reinstated, some on the very day), estimates in other
currencies and units, old ones, withdrawn findings, veto and conformity answers coded
like a failed test (code 3), applications with and without acceptance, mark use reported
for some certificates and years (zero marks too).
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3

from brandmark.regions import REGIONS
from brandmark.uscc import make_uscc

TRADES = ["电器", "泵阀", "电机", "茶业", "纺织", "五金工具", "水果", "物流", "不锈钢制品", "农业服务", "汽车零部件",
          "服装", "家具", "轴承", "塑料", "包装", "照明", "化工", "食品", "眼镜"]
UNITS = ["万元"] * 6 + ["元", "千元", "百万元", "亿元", "美元单位"]
CLAUSES = [f"{major}.{minor}" for major in range(4, 10) for minor in range(1, 6)]
MARK_USES = ["product", "packaging", "advertising", "other"]


def _stamp(day: dt.date, hour: int = 2) -> str:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=dt.timezone.utc).isoformat()


def _day(rng: random.Random, start: dt.date, span_days: int) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(span_days))


def fill_register(conn: sqlite3.Connection, *, applicants: int, assessments: int, seed: int = 7,
                  today: dt.date = dt.date(2026, 3, 1)) -> None:
    """Insert the rows (one transaction) into a register whose schemes are already stored."""
    rng = random.Random(seed)
    schemes = conn.execute("SELECT id, version, content FROM schemes").fetchall()
    items = _items_by_scheme(schemes)
    regions = list(REGIONS) + [None]
    start = today - dt.timedelta(days=3 * 365)
    span = (today - start).days + 60          # some work dated after today (as an export of later work would be)

    applicant_rows = [(i, f"企业{i}", make_uscc(org_body=f"{i:08d}"), rng.choice(regions), rng.choice(TRADES),
                       "2023-01-01T00:00:00+00:00", "2023-01-01T00:00:00+00:00")
                      for i in range(1, applicants + 1)]
    assessment_rows, answer_rows, finding_rows, decision_rows = [], [], [], []
    certificate_rows, change_rows, surveillance_rows, application_rows = [], [], [], []
    for i in range(1, assessments + 1):
        scheme, version, _content = rng.choice(schemes)
        applicant = rng.randint(1, applicants)
        created = _day(rng, start, span)
        mode = "self" if rng.random() < 0.1 else "certification"
        decided = mode == "certification" and rng.random() < 0.6
        assessment_rows.append((i, applicant, scheme, version, "x", mode, "评审员", "decided" if decided else "open",
                                _stamp(created), _stamp(created)))
        for item_id, kind in rng.sample(items[(scheme, version)], k=min(6, len(items[(scheme, version)]))):
            code = rng.choice((0, 1, 2, 2, 3)) if kind != "points" else rng.randint(2, 5)
            answer_rows.append((i, item_id, None, code, "评审员", _stamp(created)))
        for _ in range(rng.choice((0, 0, 1, 2))):
            item_id, _kind = rng.choice(items[(scheme, version)])
            finding_rows.append((i, item_id, rng.choice(("minor", "major")), rng.choice(CLAUSES),
                                 rng.choice(("open", "closed", "withdrawn")), "评审员", _stamp(created)))
        if mode == "certification" and rng.random() < 0.5:
            received = created - dt.timedelta(days=rng.randint(0, 20))
            accepted = received + dt.timedelta(days=rng.randint(0, 5)) if rng.random() < 0.9 else None
            application_rows.append((applicant, scheme, version, "x", received.isoformat(),
                                     None if accepted is None else accepted.isoformat(),
                                     "accepted" if accepted else "open", i if accepted else None,
                                     "受理人", _stamp(created), _stamp(created)))
        if not decided:
            continue
        decided_on = created + dt.timedelta(days=rng.randint(0, 200))
        decision = rng.choice(("grant", "grant", "conditional", "refuse"))
        decision_rows.append((i, decision, "决定人", _stamp(decided_on, rng.choice((2, 20))), "v",
                              round(rng.uniform(40, 100), 2), "[]"))
        if decision == "refuse" or rng.random() < 0.15:
            continue
        number = f"BM-T-{i:06d}"
        issued = decided_on + dt.timedelta(days=rng.randint(0, 10))
        expires = issued + dt.timedelta(days=rng.choice((3 * 365, 400, 200)))
        status = rng.choice(("valid",) * 5 + ("suspended", "withdrawn", "cancelled"))
        certificate_rows.append((number, i, applicant, f"企业{applicant}", "x", "产品", scheme, version,
                                 issued.isoformat(), expires.isoformat(), "机构", "授权人", status, _stamp(issued)))
        change_rows.append((number, "issue", None, "valid", "发证", "授权人", _stamp(issued)))
        if status != "valid" or rng.random() < 0.2:
            changed = _day(rng, issued, max(1, (today - issued).days + 30))
            middle = status if status != "valid" else "suspended"
            change_rows.append((number, "change", "valid", middle, "原因", "决定人", _stamp(changed, rng.choice((2, 20)))))
            if status == "valid":       # suspended, then reinstated later (or the same day)
                back = changed + dt.timedelta(days=rng.choice((0, 0, 5, 40)))
                change_rows.append((number, "reinstate", middle, "valid", "恢复", "决定人", _stamp(back, 22)))
        for due_months in (12, 24):
            due = issued + dt.timedelta(days=30 * due_months)
            done = due.isoformat() if rng.random() < 0.3 else None
            surveillance_rows.append((number, due.isoformat(), done))

    estimate_rows = []
    for applicant in rng.sample(range(1, applicants + 1), k=max(1, applicants // 3)):
        for _ in range(rng.choice((1, 1, 2, 3))):
            valued = _day(rng, start, span)
            p50 = 10 ** rng.uniform(-1, 7.5)
            estimate_rows.append((applicant, valued.isoformat(), "relief-from-royalty", "{}", "{}", p50, p50,
                                  p50 * 0.7, p50, p50 * 1.4, rng.choice(("CNY",) * 9 + ("USD",)), rng.choice(UNITS),
                                  "1", 100, 0, "估算人", _stamp(valued)))

    # Mark use reported for some certificates and years of their term, from a generator of
    # its own: the rows above stay the same whatever is drawn here.
    use_rng = random.Random(seed + 1000)
    mark_use_rows = []
    for number, _i, _applicant, _name, _uscc, _product, _scheme, _version, issued_on, expires_on, *_rest in \
            certificate_rows:
        first, last = int(issued_on[:4]), min(int(expires_on[:4]), today.year)
        for year in range(first, last + 1):
            if use_rng.random() < 0.6:
                for used_on in use_rng.sample(MARK_USES, k=use_rng.randint(1, 3)):
                    mark_use_rows.append((number, year, used_on, use_rng.choice((0, 50, 1200, 30_000)),
                                          "", "记录人", _stamp(dt.date(year, 12, 30))))

    conn.execute("BEGIN")
    conn.executemany("INSERT INTO applicants (id, name, uscc, region, industry, created_at, updated_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)", applicant_rows)
    conn.executemany("INSERT INTO assessments (id, applicant_id, scheme_id, scheme_version, scheme_hash, mode, "
                     "assessor, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", assessment_rows)
    conn.executemany("INSERT INTO answers (assessment_id, item_id, value, code, answered_by, answered_at) "
                     "VALUES (?, ?, ?, ?, ?, ?)", answer_rows)
    conn.executemany("INSERT INTO findings (assessment_id, item_id, grade, clause, status, created_by, created_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)", finding_rows)
    conn.executemany("INSERT INTO decisions (assessment_id, decision, decided_by, decided_at, verdict, total, reasons) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)", decision_rows)
    conn.executemany("INSERT INTO certificates (number, assessment_id, applicant_id, holder_name, holder_uscc, product, "
                     "scheme_id, scheme_version, issued_on, expires_on, issuing_body, authorised_by, status, created_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", certificate_rows)
    conn.executemany("INSERT INTO certificate_status_changes (number, action, previous_status, status, reason, "
                     "changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)", change_rows)
    conn.executemany("INSERT INTO surveillance (number, due_on, done_on) VALUES (?, ?, ?)", surveillance_rows)
    conn.executemany("INSERT INTO applications (applicant_id, scheme_id, scheme_version, scheme_hash, received_on, "
                     "accepted_on, status, assessment_id, created_by, created_at, updated_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", application_rows)
    conn.executemany("INSERT INTO brand_value_estimates (applicant_id, valuation_date, method, inputs, result, value, "
                     "mean, p10, p50, p90, currency, unit, seed, trials, rejected, created_by, created_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", estimate_rows)
    conn.executemany("INSERT INTO mark_use (number, year, used_on, marks, note, recorded_by, recorded_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)", mark_use_rows)
    conn.execute("COMMIT")


def _items_by_scheme(schemes) -> dict[tuple[str, str], list[tuple[str, str]]]:
    from brandmark.packs import parse_pack

    out = {}
    for scheme, version, content in schemes:
        pack = parse_pack(content, check_limits=False)
        out[(scheme, version)] = [(item.id, item.kind) for item in pack.items()]
    return out


def rows(conn: sqlite3.Connection, table: str) -> list[dict]:
    """Every row of ``table`` as a dict: what the plain Python counts read."""
    cursor = conn.execute(f"SELECT * FROM {table}")
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor]
