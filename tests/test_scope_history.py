"""A scope change keeps history: each assessment's report names the models it certified, the
certificate its current scope, and the product row's change is an event with what it replaced."""

from __future__ import annotations

import json

from support import MINI_GRANT
from test_certificates_support import DECIDER, decided_assessment
from test_reports_support import page_texts, squeezed
from test_surveillance import VISITOR, Clock, register  # noqa: F401 — the fixtures

import pytest

clock = pytest.fixture(lambda: Clock())


def extended(store) -> tuple[dict, int, dict]:
    old = store.certificates.issue(decided_assessment(store))
    change = store.renewals.start_scope_change(old["number"], models="K-1, K-2, K-3", assessor=VISITOR)
    store.assessments.answer_many(change, {k: v for k, v in MINI_GRANT.items() if k.startswith("T")}, by=VISITOR)
    store.assessments.decide(change, "grant", by=DECIDER)
    return old, change, store.certificates.issue(change)


def test_each_assessment_keeps_the_models_it_certified(register):
    store = register
    old, change, new = extended(store)
    initial = old["assessment_id"]
    assert new["models"] == "K-1, K-2, K-3"
    assert store.assessments.models_assessed(initial) == "K-1, K-2"
    assert store.assessments.models_assessed(change) == "K-1, K-2, K-3"
    # A reduction reissues under the scope assessment: the certificate shrinks, the history stays.
    reduced = store.renewals.reduce_scope(new["number"], models="K-2, K-3", reason="K-1 停产", by=DECIDER)
    assert reduced["models"] == "K-2, K-3"
    assert store.assessments.models_assessed(initial) == "K-1, K-2"
    assert store.assessments.models_assessed(change) == "K-1, K-2, K-3"
    # The product row is the product as now certified; each change says what it replaced.
    product_id = store.assessments.get(initial)["product_id"]
    assert store.applicants.product(product_id)["models"] == "K-2, K-3"
    changes = [json.loads(e["details"]) if isinstance(e["details"], str) else e["details"]
               for e in sorted(store.events.list("product", product_id), key=lambda e: e["id"])
               if e["action"] == "product.models"]
    assert [(c["previous"], c["models"]) for c in changes] == [("K-1, K-2", "K-1, K-2, K-3"),
                                                              ("K-1, K-2, K-3", "K-2, K-3")]


def test_the_initial_report_shows_its_own_models_after_the_extension(register, tmp_path):
    from brandmark.reports import write_assessment_report
    store = register
    old, change, _new = extended(store)
    initial_pdf = tmp_path / "initial.pdf"
    write_assessment_report(store, old["assessment_id"], initial_pdf)
    text = squeezed("".join(page_texts(initial_pdf)))
    assert squeezed("models: K-1, K-2）") in text and "K-3" not in text
    scope_pdf = tmp_path / "scope.pdf"
    write_assessment_report(store, change, scope_pdf)
    assert squeezed("models: K-1, K-2, K-3）") in squeezed("".join(page_texts(scope_pdf)))


def test_an_open_assessment_reports_the_product_as_it_stands(register):
    store = register
    open_id = decided_assessment(store, decision=None)
    product_id = store.assessments.get(open_id)["product_id"]
    store.db["products"].update(product_id, {"models": "X-9"})
    assert store.assessments.models_assessed(open_id) == "X-9"
