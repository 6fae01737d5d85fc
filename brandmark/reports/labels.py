"""The reports' bilingual vocabulary: (中文, English) for every coded value they print.

Codes come from the core (answer values, verdicts, decisions, stages, finding
status); this module only names them. ``label(TABLE, code)`` falls back to the raw
code so a value added to the core later still prints, just untranslated.

>>> label(VERDICTS, "grant")
('予以认证', 'Grant')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Pair = tuple[str, str]

VETO_ANSWERS: dict[str, Pair] = {
    "pass": ("通过", "Pass"),
    "fail": ("不通过", "Fail"),
    "na": ("不适用", "N/A"),
}
CONFORMITY_ANSWERS: dict[str, Pair] = {
    "conform": ("符合", "Conform"),
    "minor": ("一般不符合", "Minor NC"),
    "major": ("严重不符合", "Major NC"),
    "na": ("不适用", "N/A"),
}
TEST_VERDICTS: dict[str, Pair] = {
    "pass": ("合格", "Pass"),
    "fail": ("不合格", "Fail"),
    "na": ("不适用", "N/A"),
    "unanswered": ("未检验", "Not tested"),
}
UNANSWERED: Pair = ("未作答", "Unanswered")
INCOMPLETE: Pair = ("未完成（{done}/{samples} 个样品），按未作答计", "Incomplete ({done} of {samples} samples), counts as unanswered")
NOT_APPLICABLE: Pair = ("不适用", "N/A")

METHODS: dict[str, Pair] = {
    "full": ("全数值比较法", "full-value comparison"),
    "rounded": ("修约值比较法", "rounded-value comparison"),
}
VERDICTS: dict[str, Pair] = {
    "grant": ("予以认证", "Grant"),
    "conditional": ("纠正措施验证后予以认证", "Grant after verified corrective action"),
    "incomplete": ("评审未完成", "Incomplete"),
    "refuse": ("不予认证", "Refuse"),
}
DECISIONS: dict[str, Pair] = {
    "grant": ("批准认证", "Granted"),
    "conditional": ("纠正后批准认证", "Granted after corrective action"),
    "refuse": ("不予认证", "Refused"),
}
MODES: dict[str, Pair] = {
    "certification": ("认证评审", "Certification assessment"),
    "self": ("企业自我评价", "Enterprise self-assessment"),
}
STAGES: dict[str, Pair] = {
    "application": ("认证申请与受理", "Application"),
    "testing": ("产品检验", "Product testing"),
    "audit": ("工厂审核", "Factory audit"),
    "characteristics": ("特征评价", "Characteristics"),
}
STATUSES: dict[str, Pair] = {
    "open": ("进行中", "Open"),
    "decided": ("已决定", "Decided"),
}
FINDING_GRADES: dict[str, Pair] = {
    "minor": ("一般不符合", "Minor"),
    "major": ("严重不符合", "Major"),
}
FINDING_STATUSES: dict[str, Pair] = {
    "open": ("未关闭", "Open"),
    "closed": ("已验证关闭", "Closed, verified"),
    "withdrawn": ("已撤销", "Withdrawn"),
}
KINDS: dict[str, Pair] = {
    "veto": ("否决项", "veto"),
    "conformity": ("符合性", "conformity"),
    "points": ("评分项", "points"),
    "test": ("检验项", "test"),
}
YES_NO: dict[bool, Pair] = {True: ("是", "Yes"), False: ("否", "No")}


def label(table: Mapping[Any, Pair], code: object) -> Pair:
    """The (中文, English) pair for ``code``, or the code itself when the table lacks it."""
    if code in table:
        return table[code]
    text = "" if code is None else str(code)
    return (text, "")
