"""Schema step 3: dated brand-value estimates kept with the applicant (history kept).

An estimate is never edited: a new run is a new row, so the history shows how the
estimate moved. ``inputs`` and ``result`` are the engine's JSON (``ValuationInputs.to_json``,
``MonteCarloResult.to_json``); the figures are copied into columns so the history lists
without decoding them. ``seed`` is text because a seed drawn from entropy exceeds 64 bits.
``strength`` holds how the brand strength was read from ``assessment_id`` (JSON), or NULL
when the user gave it.
"""

V3_VALUATIONS = """
CREATE TABLE brand_value_estimates (
    id INTEGER PRIMARY KEY,
    applicant_id INTEGER NOT NULL REFERENCES applicants(id),
    assessment_id INTEGER REFERENCES assessments(id),
    valuation_date TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('relief-from-royalty', 'excess-earnings')),
    brand TEXT NOT NULL DEFAULT '',
    inputs TEXT NOT NULL,
    result TEXT NOT NULL,
    strength TEXT,
    value REAL NOT NULL,
    mean REAL NOT NULL,
    p10 REAL NOT NULL,
    p50 REAL NOT NULL,
    p90 REAL NOT NULL,
    currency TEXT NOT NULL,
    unit TEXT NOT NULL,
    seed TEXT NOT NULL,
    trials INTEGER NOT NULL CHECK (trials > 0),
    rejected INTEGER NOT NULL CHECK (rejected >= 0),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX brand_value_estimates_applicant ON brand_value_estimates(applicant_id, valuation_date);
"""
