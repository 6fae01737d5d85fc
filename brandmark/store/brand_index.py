"""The brand development index (品牌发展指数) per region and per scheme, counted by SQLite.

One figure from 0 to 100 per group of the body's brand holders, documented with its
reasoning in ``docs/statistics.md``::

    index = 0.5 × S + 0.5 × V

- A *holder* is an applicant with a certificate in force on the day (issued on or before
  it, not expired, its status that day *valid*: a suspended, withdrawn or cancelled
  certificate does not carry the mark). Per scheme, a holder counts once per scheme it
  holds; per region and overall, once.
- ``S`` (strength) is the mean, over the holders, of the total score (0–100) of the
  decision behind the holder's most recently issued certificate in force: the score the
  body decided on, frozen with the decision.
- ``V`` (value) is the mean, over the holders whose latest saved brand-value estimate can be
  used, of that estimate's P50 on a log scale: 1 万元 or less scores 0, 100 亿元 (10⁶ 万元)
  or more scores 100, each tenfold adds 16⅔ points. An estimate is used when it is dated on
  or before the day, is in CNY with a unit of 元, 千元, 万元, 百万元 or 亿元, and (when a
  maximum age is given) is not older than that age.
- Coverage is counted, never filled in: ``valued`` holders with a usable estimate, ``stale``
  (too old), ``not_comparable`` (another currency or an unknown unit) and ``no_estimate``.
  A group without a usable estimate, or without holders, has no index (None).
"""

from __future__ import annotations

import datetime as dt
import math
import sqlite3
from typing import TYPE_CHECKING, Any

from brandmark.regions import REGIONS

if TYPE_CHECKING:
    from brandmark.store import Store

STRENGTH_WEIGHT = 0.5
VALUE_WEIGHT = 0.5
# The value scale, in 万元: VALUE_FLOOR scores 0, VALUE_CEILING scores 100, log10 between.
VALUE_FLOOR_WAN = 1.0
VALUE_CEILING_WAN = 1_000_000.0
# How many 万元 one unit of an estimate is (CNY only; any other currency is not comparable).
UNIT_IN_WAN: dict[str, float] = {"元": 1e-4, "千元": 1e-1, "万元": 1.0, "百万元": 1e2, "亿元": 1e4}

FORMULA = "index = 0.5 × S + 0.5 × V"

_UNIT_CASE = "CASE e.unit " + " ".join(f"WHEN '{unit}' THEN {factor!r}" for unit, factor in UNIT_IN_WAN.items()) + " END"
_SPAN = math.log10(VALUE_CEILING_WAN / VALUE_FLOOR_WAN)

_MEMBERS = """
WITH in_force AS (
    SELECT c.number, c.applicant_id, c.scheme_id, c.issued_on, c.assessment_id FROM certificates c
    WHERE c.issued_on <= :as_of AND c.expires_on >= :as_of
      AND (:scheme IS NULL OR c.scheme_id = :scheme)
      AND coalesce((SELECT h.status FROM certificate_status_changes h WHERE h.number = c.number
                    AND julianday(h.changed_at) < julianday(:cutoff) ORDER BY h.id DESC LIMIT 1), 'valid') = 'valid'
), member AS MATERIALIZED (
    -- Each certificate in force, marked as its holder's latest and as its holder's latest in its scheme.
    SELECT f.applicant_id, coalesce(ap.region, '') AS region, f.scheme_id, d.total AS strength,
           row_number() OVER (PARTITION BY f.applicant_id ORDER BY f.issued_on DESC, f.number DESC) = 1 AS latest,
           row_number() OVER (PARTITION BY f.applicant_id, f.scheme_id ORDER BY f.issued_on DESC, f.number DESC) = 1
               AS latest_in_scheme
    FROM in_force f JOIN applicants ap ON ap.id = f.applicant_id
    LEFT JOIN decisions d ON d.assessment_id = f.assessment_id
), estimate AS (
    -- Each holder's latest estimate on the day, found through the (applicant, date) index.
    SELECT m.applicant_id, coalesce(e.valuation_date < :stale_before, 0) AS stale,
           CASE WHEN e.currency = 'CNY' THEN e.p50 * {unit_case} END AS wan
    FROM (SELECT DISTINCT applicant_id FROM member) m
    JOIN brand_value_estimates e ON e.id = (
        SELECT x.id FROM brand_value_estimates x WHERE x.applicant_id = m.applicant_id AND x.valuation_date <= :as_of
        ORDER BY x.valuation_date DESC, x.id DESC LIMIT 1)
), scored AS MATERIALIZED (
    SELECT m.region, m.scheme_id, m.latest, m.latest_in_scheme, m.strength,
           e.applicant_id IS NOT NULL AS has_estimate, coalesce(e.stale, 0) AS stale,
           CASE WHEN e.wan IS NULL OR e.stale THEN NULL WHEN e.wan <= :floor THEN 0.0 WHEN e.wan >= :ceiling THEN 100.0
                ELSE 100.0 * log10(e.wan / :floor) / :span END AS value_score
    FROM member m LEFT JOIN estimate e ON e.applicant_id = m.applicant_id WHERE m.latest OR m.latest_in_scheme
)
{groupings}
"""

# Each grouping: its key and which certificate of a holder counts (per region and overall the
# holder's latest, once; per scheme its latest in that scheme, once per scheme it holds).
_GROUPINGS = {
    "overall": ("''", "latest"),
    "by_region": ("region", "latest"),
    "by_scheme": ("scheme_id", "latest_in_scheme"),
}

_GROUPED = " UNION ALL ".join(
    f"SELECT * FROM (SELECT '{name}', {key}, count(*), avg(strength), count(strength), count(value_score), "
    f"avg(value_score), sum(stale), sum(has_estimate AND NOT stale AND value_score IS NULL) "
    f"FROM scored WHERE {which} GROUP BY 2)" for name, (key, which) in _GROUPINGS.items())


def _ensure_log10(conn: sqlite3.Connection) -> None:
    """SQLite's math functions are a compile-time option; give the connection log10 when its build lacks them."""
    try:
        conn.execute("SELECT log10(10)").fetchone()
    except sqlite3.OperationalError:
        conn.create_function("log10", 1, lambda x: None if x is None or x <= 0 else math.log10(x),
                             deterministic=True)


def combine(strength: float | None, value_score: float | None) -> float | None:
    """The index from its two components; None when either is missing (never guessed).

    >>> combine(80.0, 50.0), combine(80.0, None)
    (65.0, None)
    """
    if strength is None or value_score is None:
        return None
    return STRENGTH_WEIGHT * strength + VALUE_WEIGHT * value_score


def value_score(wan: float) -> float:
    """A P50 in 万元 on the index's log scale (the same rule the SQL applies).

    >>> value_score(1), value_score(100), value_score(10_000), value_score(5_000_000)
    (0.0, 33.333333333333336, 66.66666666666667, 100.0)
    """
    if wan <= VALUE_FLOOR_WAN:
        return 0.0
    if wan >= VALUE_CEILING_WAN:
        return 100.0
    return 100.0 * math.log10(wan / VALUE_FLOOR_WAN) / _SPAN


def _group(key: str, row: tuple[Any, ...] | None) -> dict[str, Any]:
    if row is None:
        row = (key, 0, None, 0, 0, None, 0, 0)
    _key, holders, strength, scored, valued, value, stale, not_comparable = row
    return {
        "key": key, "holders": holders, "scored": scored, "strength": strength, "valued": valued,
        "value_score": value, "stale": stale or 0, "not_comparable": not_comparable or 0,
        "no_estimate": holders - valued - (stale or 0) - (not_comparable or 0),
        "coverage": (valued / holders) if holders else None, "index": combine(strength, value),
    }


def brand_development_index(store: Store, *, as_of: dt.date | None = None, scheme: str | None = None,
                            max_estimate_age_days: int | None = None) -> dict[str, Any]:
    """The index overall, per region (the 11 cities and outside Zhejiang, always listed) and
    per scheme (every scheme in the register), on ``as_of`` (default the body's today).

    ``scheme`` limits the holders to that scheme's certificates; ``max_estimate_age_days``
    leaves out (and counts as ``stale``) estimates dated more than that many days before
    ``as_of``. Each group: ``holders``, ``strength`` (S), ``valued``, ``value_score`` (V),
    ``stale``, ``not_comparable``, ``no_estimate``, ``coverage`` (valued / holders) and
    ``index``; None where a mean has no input.
    """
    as_of = as_of or store.today()
    next_midnight = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time(), tzinfo=store.time_zone())
    params = {
        "as_of": as_of.isoformat(), "scheme": scheme or None,
        "cutoff": next_midnight.astimezone(dt.timezone.utc).isoformat(),
        "stale_before": (None if max_estimate_age_days is None
                         else (as_of - dt.timedelta(days=int(max_estimate_age_days))).isoformat()),
        "floor": VALUE_FLOOR_WAN, "ceiling": VALUE_CEILING_WAN, "span": _SPAN,
    }
    _ensure_log10(store.conn)
    rows: dict[str, dict[str, tuple[Any, ...]]] = {name: {} for name in _GROUPINGS}
    for name, *row in store.conn.execute(_MEMBERS.format(unit_case=_UNIT_CASE, groupings=_GROUPED), params):
        rows[name][row[0]] = tuple(row)
    regions = list(REGIONS) + sorted(set(rows["by_region"]) - set(REGIONS))
    schemes = [scheme] if scheme else sorted(
        {r[0] for r in store.conn.execute("SELECT DISTINCT id FROM schemes")} | set(rows["by_scheme"]))
    return {
        "formula": FORMULA, "as_of": as_of.isoformat(), "scheme": scheme or None,
        "max_estimate_age_days": max_estimate_age_days,
        "weights": {"strength": STRENGTH_WEIGHT, "value": VALUE_WEIGHT},
        "value_scale_wan": {"zero": VALUE_FLOOR_WAN, "hundred": VALUE_CEILING_WAN},
        "overall": _group("", rows["overall"].get("")),
        "by_region": [_group(key, rows["by_region"].get(key)) for key in regions],
        "by_scheme": [_group(key, rows["by_scheme"].get(key)) for key in schemes],
    }
