"""Schema step 22: mark use (标志使用), what holders report about the 品字标 mark per certificate and year.

One row per certificate, year and kind of use (on the product, its packaging, in advertising,
other): how many marks were printed or applied, with a note, who recorded it and when
(``brandmark/store/mark_use.py``). The annual report and ``stats`` count these rows, by year.
"""

V22_MARK_USE = """
CREATE TABLE mark_use (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL REFERENCES certificates(number),
    year INTEGER NOT NULL,
    used_on TEXT NOT NULL CHECK (used_on IN ('product', 'packaging', 'advertising', 'other')),
    marks INTEGER NOT NULL CHECK (marks >= 0),
    note TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (number, year, used_on)
);
CREATE INDEX mark_use_year ON mark_use(year, number);
"""
