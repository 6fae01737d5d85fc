"""A conflict settled by keeping the register's answer stays settled (issue 10 §3, §5).

Found through the window: after "keep the register's", importing the same bundle again
took the assessor's answer after all, because the agreed base held the register's answer
and the bundle's then looked like a fresh change by the assessor.
"""

from __future__ import annotations

import pytest

from brandmark import exchange
from exchange_support import make_world
from support import MINI_GRANT, TEST_PASSPHRASE


@pytest.fixture
def world(tmp_path):
    made = make_world(tmp_path)
    yield made
    made.close()


@pytest.mark.parametrize("choice, stands", [("register", 1), ("bundle", 2)])
def test_the_same_bundle_again_leaves_a_settled_conflict_as_chosen(world, choice, stands):
    laptop_id = world.receive()
    world.laptop.assessments.answer_many(laptop_id, dict(MINI_GRANT), by=world.assessor_on_laptop)
    exchange.import_bundle(world.body, world.export_work(laptop_id))
    world.body.people.unlock(world.clerk, TEST_PASSPHRASE)
    world.body.assessments.answer(world.assessment, "P1", 1, by=world.clerk)
    world.laptop.assessments.answer(laptop_id, "P1", 2, by=world.assessor_on_laptop)
    work = world.export_work(laptop_id, "conflict.bmx")
    [conflict] = exchange.import_bundle(world.body, work)["conflicts"]
    exchange.resolve_conflict(world.body, conflict["id"], choice, by=world.admin)

    again = exchange.import_bundle(world.body, work)
    assert again["unchanged"] is True and again["conflicts"] == []
    assert world.body.assessments.answers(world.assessment)["P1"]["value"] == stands

    # A later change by the assessor is a new conflict, not merged over the body's choice.
    world.laptop.assessments.answer(laptop_id, "P1", 3, by=world.assessor_on_laptop)
    later = exchange.import_bundle(world.body, world.export_work(laptop_id, "later.bmx"))
    if choice == "register":
        assert [(c["item"], c["register"]["value"], c["bundle"]["value"]) for c in later["conflicts"]] == [("P1", 1, 3)]
        assert world.body.assessments.answers(world.assessment)["P1"]["value"] == 1
    else:
        # The register took the assessor's 2 and has not changed it since: the 3 is simply newer.
        assert later["conflicts"] == [] and world.body.assessments.answers(world.assessment)["P1"]["value"] == 3
