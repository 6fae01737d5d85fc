"""The packs' process tables (issue 16 §6): [application], [deadlines], [audit]; checked like
the rest of a pack, optional, and the person-days read from the table."""

from __future__ import annotations

import pytest
from support import MINI_PACK

from brandmark.errors import PackError
from brandmark.packs import load_pack, parse_pack
from brandmark.packs.loader import bundled_pack_paths

BASE = MINI_PACK.read_text(encoding="utf-8")


def with_tables(text: str):
    return parse_pack(BASE + "\n" + text, source="p.toml")


def codes(text: str) -> list[str]:
    with pytest.raises(PackError) as refused:
        with_tables(text)
    return [p.code for p in refused.value.problems]


def test_a_pack_without_the_tables_loads_with_an_empty_process():
    pack = load_pack(MINI_PACK)
    assert pack.process.application_items == () and pack.process.time_limits == ()
    assert pack.process.audit is None and pack.process.time_limit("decision") is None


def test_every_bundled_pack_carries_the_process():
    for path in bundled_pack_paths():
        pack = load_pack(path)
        assert pack.process.application_items, path.name
        assert pack.process.time_limit("acceptance").days == 5
        assert pack.process.time_limit("decision").days == 90
        assert pack.process.time_limit("decision").unit == "working"
        assert pack.process.audit.person_days(10) >= pack.process.audit.minimum


def test_audit_person_days_from_the_made_table():
    audit = load_pack(next(p for p in bundled_pack_paths() if p.name == "zhejiang-made.toml")).process.audit
    assert [audit.person_days(n) for n in (1, 50, 51, 150, 151, 300, 1000, 1001, 20000)] == \
        [2.0, 2.0, 3.0, 3.0, 4.0, 4.0, 5.0, 6.0, 6.0]
    assert audit.person_days(120, sites=3) == 5.0            # 3 + 2 extra sites × 1.0
    assert audit.person_days(120, products=3) == 4.0         # 3 + 2 extra units × 0.5
    assert audit.team_minimum == 2


TABLES = '''
[application]
[[application.items]]
id = "licence"
title = "营业执照"
[[application.items]]
id = "report"
title = "检验报告"
required = false

[deadlines]
acceptance = { days = 5 }
decision = { days = 60, unit = "calendar", clause = "4.4.2" }

[audit]
per_extra_site = 0.5
person_days = [{ employees_up_to = 100, person_days = 2 }, { person_days = 3.5 }]
'''


def test_the_tables_read():
    process = with_tables(TABLES).process
    assert [(i.id, i.required) for i in process.application_items] == [("licence", True), ("report", False)]
    assert process.time_limit("acceptance").unit == "working"
    assert (process.time_limit("decision").days, process.time_limit("decision").unit) == (60, "calendar")
    assert process.audit.person_days(101, sites=2) == 4.0


@pytest.mark.parametrize("text, code", [
    ('[application]\nlist = 1', "pack.unknown_key"),
    ('[[application.items]]\nid = "a b"\ntitle = "x"', "pack.bad_id"),
    ('[[application.items]]\nid = "a"\ntitle = "x"\n[[application.items]]\nid = "a"\ntitle = "y"', "pack.duplicate_item"),
    ('[[application.items]]\nid = "a"', "pack.missing"),
    ('[[application.items]]\nid = "a"\ntitle = "x"\nrequired = "yes"', "pack.not_boolean"),
    ('[deadlines]\nsurveillance = { days = 3 }', "pack.unknown_key"),
    ('[deadlines]\nacceptance = { days = 0 }', "pack.out_of_range"),
    ('[deadlines]\nacceptance = { days = 5, unit = "hours" }', "pack.choice"),
    ('[deadlines]\nacceptance = { unit = "working" }', "pack.missing"),
    ('[audit]\nper_extra_site = 1', "pack.audit_rows"),
    ('[audit]\nperson_days = [{ employees_up_to = 100, person_days = 2 }]', "pack.audit_rows"),
    ('[audit]\nperson_days = [{ employees_up_to = 100, person_days = 2 }, '
     '{ employees_up_to = 50, person_days = 3 }, { person_days = 4 }]', "pack.audit_rows"),
    ('[audit]\nperson_days = [{ person_days = 0 }]', "pack.out_of_range"),
])
def test_bad_tables_are_refused_with_a_code(text, code):
    assert code in codes(text)
