"""Schema step 3: dated brand-value estimates kept with the applicant (history kept)."""

V3_VALUATIONS = """
CREATE TABLE brand_value_estimates (
    id INTEGER PRIMARY KEY,
    applicant_id INTEGER NOT NULL REFERENCES applicants(id),
    assessment_id INTEGER REFERENCES assessments(id),
    valuation_date TEXT NOT NULL,
    method TEXT NOT NULL,
    inputs TEXT NOT NULL,
    result TEXT NOT NULL,
    value REAL NOT NULL,
    p10 REAL NOT NULL,
    p50 REAL NOT NULL,
    p90 REAL NOT NULL,
    currency TEXT NOT NULL,
    unit TEXT NOT NULL,
    seed INTEGER NOT NULL,
    trials INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX brand_value_estimates_applicant ON brand_value_estimates(applicant_id);
"""
