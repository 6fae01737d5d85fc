"""Free text: notes and findings keep line breaks; names and codes do not take them."""

import pytest

from brandmark.errors import RefusedInput
from support import new_certification_assessment


def test_notes_and_findings_keep_line_breaks(mini_store, applicant):
    store = mini_store
    aid = new_certification_assessment(store, applicant, "mini", assessor="张三")
    store.assessments.answer(aid, "C1", "minor", by="张三", note="第一行\r\n第二行")
    assert store.assessments.answers(aid)["C1"]["note"] == "第一行\n第二行"
    finding = store.assessments.findings(aid)[0]
    updated = store.assessments.update_finding(finding["id"], by="张三", description="现象：\n记录缺失",
                                               corrective_action="1. 补记录\r2. 培训")
    assert updated["description"] == "现象：\n记录缺失"
    assert updated["corrective_action"] == "1. 补记录\n2. 培训"


def test_names_refuse_line_breaks(mini_store):
    with pytest.raises(RefusedInput, match="U\\+000A"):
        mini_store.applicants.add(name="杭州\n公司", uscc="91350100M000100Y43")
    assert mini_store.applicants.count() == 0


@pytest.mark.parametrize("control", ["\u202e", "\u202d", "\u2066", "\u2069"])
def test_names_refuse_text_direction_controls(mini_store, control):
    # "\u202e" (right-to-left override) made a holder name display reversed on a certificate
    # and in a verification result; it used to be accepted.
    with pytest.raises(RefusedInput, match=f"U\\+{ord(control):04X}"):
        mini_store.applicants.add(name=f"杭州{control}电器公司", uscc="91350100M000100Y43")
    assert mini_store.applicants.count() == 0


def test_other_control_characters_stay_refused_in_notes(mini_store, applicant):
    aid = new_certification_assessment(mini_store, applicant, "mini", assessor="张三")
    with pytest.raises(RefusedInput, match="U\\+0007"):
        mini_store.assessments.answer(aid, "V1", "pass", by="张三", note="bell\x07")
    assert mini_store.assessments.answers(aid) == {}


def test_self_view_of_a_certification_assessment_lists_gaps(mini_store, applicant):
    aid = new_certification_assessment(mini_store, applicant, "mini", assessor="张三")
    mini_store.assessments.answer(aid, "P1", 1, by="张三")
    assert mini_store.assessments.score(aid).gaps == ()
    gaps = mini_store.assessments.score(aid, mode="self").gaps
    assert "P1" in [g.item for g in gaps]


def test_demo_loaded_tells_whether_the_marked_demo_set_is_there(store):
    from brandmark.demo import load_demo

    assert not store.applicants.demo_loaded()
    load_demo(store)
    assert store.applicants.demo_loaded()
