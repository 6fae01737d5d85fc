"""PDF reports: the certification assessment report and the enterprise self-assessment report.

Both read the record from the store and its score from the one scoring function, and lay
it out with the shared page template (``brandmark.reports.layout``), which the valuation
report uses too.

>>> pages = write_assessment_report(store, 3, "assessment-3.pdf")  # doctest: +SKIP
>>> pages = write_self_report(store, 4, "self-4.pdf")              # doctest: +SKIP
"""

from brandmark.reports.assessment_report import write_assessment_report
from brandmark.reports.self_report import write_self_report

__all__ = ["write_assessment_report", "write_self_report"]
