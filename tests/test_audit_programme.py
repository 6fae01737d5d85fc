"""Who audits what (issue 16 §3 leftover): the plan's person-days shared over its team by role and
load, one contiguous run of items each, laid over the days; the CLI and the plan PDF show it."""

from __future__ import annotations

import json

from brandmark.audit_programme import assign, loads
from test_audits import clock, made  # noqa: F401

LEADER = {"id": 1, "name": "张三", "role": "leader"}
MEMBER = {"id": 2, "name": "王五", "role": "member"}
THIRD = {"id": 3, "name": "王敏", "role": "member"}


def items(rows):
    return [item for row in rows for item in row.item_ids]


def test_every_item_is_audited_once_in_pack_order_one_run_per_member():
    sections = [("qa", tuple(f"qa-{n}" for n in range(1, 11))), ("basic", ("b-1", "b-2", "b-3", "b-4")),
                ("commitment", ("c-1", "c-2", "c-3"))]
    days = ["2026-09-28", "2026-09-29", "2026-09-30"]
    rows = assign([LEADER, MEMBER], days, sections, person_days=6.0)
    every = [i for _s, ids in sections for i in ids]
    by_member = {m: [i for r in rows if r.person_id == m for i in r.item_ids] for m in (1, 2)}
    assert sorted(by_member[1] + by_member[2]) == sorted(every)
    # The leader starts with the first sections; each member's items are one contiguous run.
    assert every[:len(by_member[1])] == by_member[1] and every[len(by_member[1]):] == by_member[2]
    # The leader holds the team meeting too, so audits fewer items.
    assert len(by_member[1]) < len(by_member[2])
    # Each member's days run in order and every day is used.
    for member in (1, 2):
        member_days = [r.day for r in rows if r.person_id == member]
        assert member_days == sorted(member_days) and set(member_days) == set(days)


def test_the_loads_add_up_to_the_plans_person_days():
    sections = [("qa", tuple(f"qa-{n}" for n in range(1, 11))), ("basic", ("b-1", "b-2", "b-3"))]
    days = ["2026-09-28", "2026-09-29"]
    team = [LEADER, MEMBER, THIRD]
    rows = assign(team, days, sections, person_days=6.0)
    figures = loads(team, days, rows)
    assert round(sum(f["person_days"] for f in figures), 1) == 6.0
    assert [f["meeting_days"] for f in figures] == [0.75, 0.5, 0.5]
    # Items are whole: nobody carries more than the days on site by more than one item's share.
    per_item = (6.0 - 1.75) / 13
    assert all(f["person_days"] <= len(days) + per_item for f in figures)


def test_a_single_day_audit_and_an_empty_pack():
    rows = assign([LEADER, MEMBER], ["2026-09-28"], [("qa", ("qa-1", "qa-2", "qa-3"))], person_days=2.0)
    assert {r.day for r in rows} == {"2026-09-28"} and len(items(rows)) == 3
    assert assign([LEADER], ["2026-09-28"], [], person_days=2.0) == []


def test_the_stored_plan_carries_its_programme(made):
    plan = made.audits.plan(made.assessment_id, employees=320, sites=2)
    pack = made.assessments.pack_for(made.assessment_id)
    audited = [i.id for s in pack.sections if s.stage in ("audit", "characteristics") for i in s.items]
    assert sorted(i for a in plan["programme"] for i in a["item_ids"]) == sorted(audited)
    assert {a["name"] for a in plan["programme"]} == {m["name"] for m in plan["team"]}
    assert round(sum(load["person_days"] for load in plan["loads"]), 1) == plan["person_days"]
    assert made.audits.latest(made.assessment_id)["programme"] == plan["programme"]


def test_the_cli_and_the_pdf_say_who_audits_what(made, tmp_path, capsys):
    from pypdf import PdfReader

    from brandmark.cli import main
    from brandmark.reports.audit_plan import write_audit_plan

    plan = made.audits.plan(made.assessment_id, employees=320, sites=2)
    target = tmp_path / "plan.pdf"
    write_audit_plan(made, made.assessment_id, target)
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Programme: who audits what" in text and "Team meeting (leader)" in text
    first = plan["programme"][0]
    assert first["item_ids"][0] in text and first["name"] in text
    db = made.path
    made.close()
    assert main(["--db", str(db), "audits", "show", "1", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["programme"] == plan["programme"] and shown["loads"] == plan["loads"]
    assert main(["--db", str(db), "audits", "show", "1"]) == 0
    out = capsys.readouterr().out
    assert f"{first['day']}  {first['name']}" in out and "meetings" in out
