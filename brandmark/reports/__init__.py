"""PDF reports: the certification assessment report and the enterprise self-assessment report.

Both read the record from the store and its score from the one scoring function, and lay
it out with the shared page template (``brandmark.reports.layout``), which the valuation
report uses too.

An enterprise's self-assessment prints as the self-assessment report; it has no verdict,
so the certification report refuses it:

>>> import tempfile
>>> from pathlib import Path
>>> from brandmark.demo import demo_value
>>> from brandmark.store import Store
>>> store = Store(":memory:")
>>> applicant = store.applicants.add(name="湖州太湖茶业合作社", uscc="93330523MA2B7K0Q6Q", actor="管理员")
>>> assessment = store.assessments.new(applicant_id=applicant, scheme_id="zhejiang-agri", mode="self",
...                                    assessor="企业自评人")
>>> answers = {item.id: demo_value(item) for item in store.assessments.pack_for(assessment).items()}
>>> saved = store.assessments.answer_many(assessment, answers, by="企业自评人")
>>> folder = tempfile.TemporaryDirectory()
>>> write_self_report(store, assessment, Path(folder.name) / "self.pdf") > 0
True
>>> from brandmark.errors import RefusedInput
>>> try:
...     write_assessment_report(store, assessment, Path(folder.name) / "assessment.pdf")
... except RefusedInput as refused:
...     print(refused.problems[0].code)
report.self_assessment
>>> folder.cleanup()
"""

from brandmark.reports.assessment_report import write_assessment_report
from brandmark.reports.self_report import write_self_report

__all__ = ["write_assessment_report", "write_self_report"]
