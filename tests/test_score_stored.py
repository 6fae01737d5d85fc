"""Scoring one stored assessment (``store.assessments.score``) reads the stored answer codes,
as the register's batch scorer does. On many stored assessments it must give exactly what
scoring the answers themselves gives (the whole result) and exactly the batch scorer's
total and verdict, in both modes, also after findings are closed."""

from __future__ import annotations

import random

from brandmark.demo import demo_value
from brandmark.scoring.scorer import MODES, score_assessment
from support import new_certification_assessment

ASSESSOR = "张三"
SCHEME = "zhejiang-made"


def random_answers(pack, rng: random.Random) -> dict:
    """Mostly good answers, with NCs, failed and oddly written measurements, NA, gaps and
    partly typed multi-sample measurements."""
    answers = {}
    for item in pack.items():
        roll = rng.random()
        if roll < 0.05:
            continue
        if roll < 0.1:
            answers[item.id] = "na"
        elif item.kind == "veto":
            answers[item.id] = "fail" if rng.random() < 0.05 else "pass"
        elif item.kind == "conformity":
            answers[item.id] = rng.choices(["conform", "minor", "major"], [0.8, 0.15, 0.05])[0]
        elif item.kind == "points":
            answers[item.id] = rng.randint(0, item.max_level)
        else:
            value = demo_value(item, rng.randint(0, 9))
            twist = rng.random()
            if twist < 0.1:
                value = ["-999999"] * item.samples if item.samples > 1 else "-999999"
            elif twist < 0.2 and item.samples > 1:
                value = [value[0]] + [None] * (item.samples - 1)         # partly typed
            elif twist < 0.3:
                value = [v.lstrip("+").replace("-", "\u2212") for v in value] if isinstance(value, list) else f" {value} "
            answers[item.id] = value
    return answers


def test_single_scores_of_stored_assessments_equal_the_answers_scores_and_the_batch(store):
    rng = random.Random(13)
    applicant = store.applicants.add(name="杭州评分测试电器有限公司", uscc="91350100M000100Y43", region="杭州",
                                     actor="tester")
    ids = []
    for _ in range(24):
        assessment_id = new_certification_assessment(store, applicant, SCHEME, assessor=ASSESSOR)
        store.assessments.answer_many(assessment_id, random_answers(store.assessments.pack_for(assessment_id), rng),
                                      by=ASSESSOR)
        ids.append(assessment_id)
    closed = 0
    for assessment_id in ids[::3]:
        for finding in store.assessments.findings(assessment_id):
            if finding["grade"] == "minor" and finding["status"] == "open":
                store.assessments.close_finding(finding["id"], by=ASSESSOR, corrective_action="补全",
                                                checked="复核记录", evidence="整改后的记录")
                closed += 1
                break
    assert closed, "the draw should close some corrective actions"

    batch = {row["id"]: row for row in store.assessments.list(limit=1000)}
    verdicts, failed_tests = set(), 0
    for assessment_id in ids:
        pack = store.assessments.pack_for(assessment_id)
        answers = {k: v["value"] for k, v in store.assessments.answers(assessment_id).items() if v["value"] is not None}
        open_items = store.assessments.open_corrective_actions(assessment_id)
        for mode in MODES:
            single = store.assessments.score(assessment_id, mode=mode)
            assert single == score_assessment(pack, answers, open_corrective_actions=open_items, mode=mode)
        single = store.assessments.score(assessment_id)
        assert (batch[assessment_id]["total"], batch[assessment_id]["verdict"]) == (single.total, single.verdict)
        verdicts.add(single.verdict)
        failed_tests += sum(t.verdict == "fail" for t in single.tests)
    assert failed_tests and len(verdicts) >= 2, verdicts
