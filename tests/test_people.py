"""The personnel register: names and look-alikes, roles and competence, impartiality by
identity, personal keys and signatures, the CLI, and the migration of free-text names."""

from __future__ import annotations

import json
import sqlite3

import pytest

from brandmark import people_keys
from brandmark.cli import main
from brandmark.errors import RefusedInput
from brandmark.people_names import clean_person_name, lookalike_key
from brandmark.store import Store
from support import MINI_GRANT, TEST_PASSPHRASE, new_certification_assessment
from test_certificates_support import BODY_PASSPHRASE, decided_assessment, ensure_mini
from test_store import counts

PASS = "另一个口令 another passphrase"


def add(store, name, roles=("assessor",), schemes=("mini",), passphrase=PASS):
    return store.people.add(name=name, roles=list(roles), schemes=list(schemes), passphrase=passphrase, by="tests")


def code_of(excinfo) -> str:
    return excinfo.value.problems[0].code


# -- names -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw,kind", [
    ("张\u200b三", "invisible"), ("张\u200c三", "invisible"), ("张\u200d三", "invisible"),
    ("张\u2060三", "invisible"), ("\ufeff张三", "invisible"), ("张\u00ad三", "invisible"),
    ("张\u034f三", "invisible"), ("张\u3164三", "invisible"), ("张三\ufe0f", "invisible"),
    ("张\U000e0041三", "invisible"), ("张\u180e三", "invisible"),
    ("张\u202e三", "bidi"), ("\u2067张三\u2069", "bidi"), ("张\u200f三", "bidi"), ("张\u061c三", "bidi"),
    ("张\u0007三", "control"), ("张\n三", "control"), ("张\u2028三", "control"),
    ("张\ue000三", "private"), ("张\U000f0000三", "private"),
])
def test_a_name_with_a_hidden_character_is_refused(mini_store, raw, kind):
    before = counts(mini_store)
    with pytest.raises(RefusedInput) as refused:
        add(mini_store, raw)
    assert code_of(refused) == "people.hidden_character"
    assert refused.value.problems[0].params["kind"] == kind
    assert counts(mini_store) == before


def test_a_name_is_nfkc_normalised_and_its_spaces_collapsed():
    assert clean_person_name("  ＺＨＯＵ　Ｑｉ ") == "ZHOU Qi"
    assert clean_person_name("ﬁona") == "fiona"


@pytest.mark.parametrize("raw", ["12", "#12", "  7 "])
def test_a_name_that_reads_as_an_id_is_refused(raw):
    with pytest.raises(RefusedInput) as refused:
        clean_person_name(raw)
    assert code_of(refused) == "people.name_like_id"


@pytest.mark.parametrize("registered,lookalike", [
    ("刘晓东", "劉曉東"),             # traditional / simplified
    ("陈大明", "陳大明"),
    ("Zhou Qi", "ZHOU QI"),           # case
    ("Zhou Qi", "ＺＨＯＵ ＱＩ"),      # full width
    ("Zhou Qi", "ZhouQi"),            # spacing
    ("Anna Li", "Аnna Li"),           # Cyrillic А
    ("Oleg Popov", "Оleg Pорov"),     # Cyrillic О, о, р
    ("Paul", "Pau1"),                 # digit one for l
    ("Carol", "CaroI"),               # capital I for l
])
def test_a_lookalike_of_a_registered_name_is_refused_naming_that_person(mini_store, registered, lookalike):
    first = add(mini_store, registered)
    before = counts(mini_store)
    with pytest.raises(RefusedInput) as refused:
        add(mini_store, lookalike)
    assert code_of(refused) in ("people.lookalike", "people.name_taken")
    assert refused.value.problems[0].params["other_id"] == first["id"]
    assert registered in str(refused.value)
    assert counts(mini_store) == before


def test_renaming_into_a_lookalike_is_refused_but_keeping_ones_own_name_is_not(mini_store):
    add(mini_store, "张三丰")
    other = add(mini_store, "李小龙")
    with pytest.raises(RefusedInput) as refused:
        mini_store.people.edit(other["id"], name="張三豐", by="tests")
    assert code_of(refused) == "people.lookalike"
    assert mini_store.people.edit(other["id"], name="李小龍", by="tests")["name"] == "李小龍"


def test_different_names_are_not_lookalikes():
    assert lookalike_key("张三") != lookalike_key("张山")
    assert lookalike_key("Li Si") != lookalike_key("Li Xi")


# -- the register ------------------------------------------------------------------------------------

def test_a_person_is_registered_with_roles_schemes_a_key_and_an_event(mini_store):
    person = add(mini_store, "周七", roles=("decider", "assessor"), schemes=("mini",))
    assert person["roles"] == ["assessor", "decider"] and person["schemes"] == ["mini"]
    assert person["active"] and person["since"] and person["key_id"]
    [event] = mini_store.events.list("person", person["id"])
    assert event["action"] == "person.add" and event["details"]["roles"] == ["assessor", "decider"]
    sealed = mini_store.db.execute("SELECT sealed_private FROM person_keys WHERE person_id = ?",
                                   [person["id"]]).fetchone()[0]
    assert PASS not in sealed and "PRIVATE" not in sealed
    assert mini_store.people.find("周七")["id"] == mini_store.people.find(f"#{person['id']}")["id"] == person["id"]


@pytest.mark.parametrize("roles,schemes,code", [
    (["judge"], ["mini"], "people.unknown_role"), ([], ["mini"], "people.no_roles"),
    (["assessor"], ["no-such-scheme"], "people.unknown_scheme"),
])
def test_bad_roles_and_schemes_are_refused(mini_store, roles, schemes, code):
    with pytest.raises(RefusedInput) as refused:
        mini_store.people.add(name="周七", roles=roles, schemes=schemes, passphrase=PASS)
    assert code_of(refused) == code


def test_a_short_or_missing_passphrase_is_refused(mini_store):
    for passphrase, code in (("short", "people.passphrase_short"), ("", "people.passphrase_missing")):
        with pytest.raises(RefusedInput) as refused:
            add(mini_store, "周七", passphrase=passphrase)
        assert code_of(refused) == code


def test_edit_and_deactivate_are_logged_and_an_inactive_person_cannot_act(mini_store, applicant):
    person = add(mini_store, "周七", roles=("assessor",), schemes=())
    with pytest.raises(RefusedInput) as refused:
        new_certification_assessment(mini_store, applicant, "mini", assessor="周七")
    assert code_of(refused) == "people.not_competent" and "6.1.2" in str(refused.value)
    mini_store.people.edit(person["id"], schemes=["mini"], by="管理员")
    mini_store.people.deactivate(person["id"], by="管理员", reason="left")
    with pytest.raises(RefusedInput) as refused:
        new_certification_assessment(mini_store, applicant, "mini", assessor="周七")
    assert code_of(refused) == "people.inactive"
    assert [e["action"] for e in mini_store.events.list("person", person["id"])] == [
        "person.deactivate", "person.edit", "person.add"]
    assert mini_store.people.activate(person["id"])["active"]
    assert new_certification_assessment(mini_store, applicant, "mini", assessor="周七")


def test_roles_are_required_for_each_act(mini_store, applicant):
    with pytest.raises(RefusedInput) as refused:     # 李四 decides, he does not assess
        new_certification_assessment(mini_store, applicant, "mini", assessor="李四")
    assert code_of(refused) == "people.missing_role"
    assessment = new_certification_assessment(mini_store, applicant, "mini", assessor="张三")
    mini_store.assessments.answer_many(assessment, MINI_GRANT, by="张三")
    with pytest.raises(RefusedInput) as refused:     # 王五 is an assessor, not a decider
        mini_store.assessments.decide(assessment, "grant", by="王五")
    assert code_of(refused) == "people.missing_role" and refused.value.problems[0].params["role"] == "decider"
    decider = add(mini_store, "周七", roles=("decider",), schemes=())
    mini_store.people.unlock(decider["id"], PASS)
    with pytest.raises(RefusedInput) as refused:     # a decider, but not for this scheme
        mini_store.assessments.decide(assessment, "grant", by="周七")
    assert code_of(refused) == "people.not_competent"


def test_certification_actors_must_be_registered_but_self_assessments_are_self_declared(mini_store, applicant):
    with pytest.raises(RefusedInput) as refused:
        new_certification_assessment(mini_store, applicant, "mini", assessor="无名氏")
    assert code_of(refused) == "people.unknown"
    own = mini_store.assessments.new(applicant_id=applicant, scheme_id="mini", assessor="企业质量部 小王", mode="self")
    mini_store.assessments.answer_many(own, {"V1": "pass"}, by="企业质量部 小王")
    row = mini_store.assessments.get(own)
    assert row["self_declared"] and row["assessor_id"] is None and row["assessor"] == "企业质量部 小王"
    assessment = new_certification_assessment(mini_store, applicant, "mini", assessor="张三")
    with pytest.raises(RefusedInput) as refused:
        mini_store.assessments.answer(assessment, "V1", "pass", by="路人甲")
    assert code_of(refused) == "people.unknown"
    mini_store.assessments.answer(assessment, "V1", "pass", by="张三")
    assert mini_store.assessments.answers(assessment)["V1"]["answered_by_id"] == mini_store.people.find("张三")["id"]


# -- impartiality of the authoriser --------------------------------------------------------------------

def test_whoever_recorded_an_answer_cannot_authorise_the_certificate(mini_store):
    assessment = decided_assessment(mini_store, decision=None)
    mini_store.assessments.answer(assessment, "P2", 2, by="赵六")      # 赵六 records one answer
    mini_store.assessments.decide(assessment, "grant", by="李四")
    before = counts(mini_store)
    with pytest.raises(RefusedInput) as refused:
        mini_store.certificates.issue(assessment, authorised_by="赵六")
    assert code_of(refused) == "people.authoriser_took_part"
    assert "ISO/IEC 17065 7.6.2" in str(refused.value) and refused.value.problems[0].params["parts"] == "answers"
    assert counts(mini_store) == before
    cert = mini_store.certificates.issue(assessment, authorised_by="陈立")
    assert cert["authorised_by"] == "陈立" and cert["authorised_by_id"] == mini_store.people.find("陈立")["id"]


def test_the_authoriser_needs_the_authoriser_role(mini_store):
    assessment = decided_assessment(mini_store)
    with pytest.raises(RefusedInput) as refused:
        mini_store.certificates.issue(assessment, authorised_by="王五")
    assert code_of(refused) == "people.missing_role"
    with pytest.raises(RefusedInput) as refused:
        mini_store.certificates.issue(assessment, authorised_by="王\u200b五")
    assert code_of(refused) == "people.unknown"


# -- keys, passphrases, signatures ------------------------------------------------------------------

def test_the_real_kdf_cost_is_recorded_in_the_sealed_key(monkeypatch):
    monkeypatch.undo()                           # the conftest lowers the cost for speed
    assert people_keys.SCRYPT_N >= 2 ** 15
    sealed = people_keys.new_key(PASS)
    assert people_keys.sealed_parameters(sealed.sealed_private)["n"] == people_keys.SCRYPT_N
    assert people_keys.open_key(sealed.sealed_private, PASS)


def test_a_wrong_passphrase_is_refused_and_nothing_unlocks(mini_store):
    person = add(mini_store, "周七", roles=("decider",))
    for wrong in ("wrong passphrase", PASS + " ", PASS.upper()):
        with pytest.raises(RefusedInput) as refused:
            mini_store.people.unlock(person["id"], wrong)
        assert code_of(refused) == "people.wrong_passphrase"
    assert person["id"] not in mini_store.people.unlocked()
    mini_store.people.unlock(person["id"], PASS)
    assert person["id"] in mini_store.people.unlocked()


def test_deciding_needs_the_decider_signed_in(mini_store):
    assessment = decided_assessment(mini_store, decision=None)
    mini_store.people.lock()
    before = counts(mini_store)
    with pytest.raises(RefusedInput) as refused:
        mini_store.assessments.decide(assessment, "grant", by="李四")
    assert code_of(refused) == "people.not_signed_in"
    assert counts(mini_store) == before
    mini_store.people.unlock("李四", TEST_PASSPHRASE)
    assert mini_store.assessments.decide(assessment, "grant", by="李四")["decided_by"] == "李四"


def test_decision_closing_and_authorisation_are_signed_and_verify(mini_store):
    assessment = decided_assessment(mini_store, decision=None, answers={**MINI_GRANT, "C1": "minor"})
    [finding] = mini_store.assessments.findings(assessment)
    mini_store.assessments.close_finding(finding["id"], by="王五", corrective_action="补全记录", checked="复核进货检验记录", evidence="整改后的检验记录")
    mini_store.assessments.decide(assessment, "grant", by="李四")
    cert = mini_store.certificates.issue(assessment, authorised_by="赵六")
    signatures = mini_store.people.signatures()
    # The first is the acceptance of the application the assessment started from (issue 16 §1).
    assert [(s["action"], s["person_name"]) for s in signatures] == [
        ("application.decide", "李四"), ("finding.close", "王五"), ("assessment.decide", "李四"),
        ("certificate.authorise", "赵六")]
    decision = json.loads(signatures[2]["content"])
    assert decision["decision"] == "grant" and decision["decided_by"] == mini_store.people.find("李四")["id"]
    assert json.loads(signatures[3]["content"])["certificate"] == cert["number"]
    assert mini_store.people.verify_signatures() == []


def test_a_changed_record_or_signature_is_found(mini_store):
    assessment = decided_assessment(mini_store)
    mini_store.db.execute("UPDATE decisions SET note = 'edited behind the register''s back' WHERE assessment_id = ?",
                          [assessment])
    [problem] = mini_store.people.verify_signatures()
    assert problem["problem"] == "record_changed" and problem["action"] == "assessment.decide"


def test_signatures_are_append_only(mini_store):
    decided_assessment(mini_store)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        mini_store.db.execute("UPDATE signatures SET signature = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        mini_store.db.execute("DELETE FROM signatures")


def test_a_new_key_keeps_old_signatures_verifiable(mini_store):
    decided_assessment(mini_store)
    li = mini_store.people.find("李四")
    mini_store.people.new_key(li["id"], passphrase=PASS)
    assert mini_store.people.find("李四")["key_id"] != li["key_id"]
    assert mini_store.people.verify_signatures() == []
    with pytest.raises(RefusedInput):
        mini_store.people.unlock(li["id"], TEST_PASSPHRASE)
    mini_store.people.unlock(li["id"], PASS)


def test_a_passphrase_can_be_changed_with_the_old_one(mini_store):
    li = mini_store.people.find("李四")
    with pytest.raises(RefusedInput) as refused:
        mini_store.people.change_passphrase(li["id"], old="not the passphrase", new=PASS)
    assert code_of(refused) == "people.wrong_passphrase"
    mini_store.people.change_passphrase(li["id"], old=TEST_PASSPHRASE, new=PASS)
    assert mini_store.people.find("李四")["key_id"] == li["key_id"]
    mini_store.people.unlock(li["id"], PASS)


# -- the CLI ----------------------------------------------------------------------------------------

@pytest.fixture
def cli(tmp_path, capsys, monkeypatch):
    db = tmp_path / "people.db"
    monkeypatch.delenv("BRANDMARK_PASSPHRASE", raising=False)

    def run(*args):
        code = main(["--db", str(db), *map(str, args)])
        out, err = capsys.readouterr()
        return code, out, err

    run.db = db
    return run


def test_cli_add_list_show_edit_deactivate(cli, tmp_path, monkeypatch):
    secret = tmp_path / "pass.txt"
    secret.write_text(PASS + "\n", encoding="utf-8")
    code, out, err = cli("people", "add", "--name", "周七", "--roles", "assessor,decider",
                         "--schemes", "zhejiang-made", "--passphrase-file", secret, "--json")
    assert code == 0, err
    person = json.loads(out)
    assert person["roles"] == ["assessor", "decider"] and "sealed_private" not in person
    code, _, err = cli("people", "add", "--name", "週七", "--roles", "assessor", "--passphrase-file", secret)
    assert code == 2 and "周七" in err and "look" in err
    monkeypatch.setenv("BRANDMARK_PASSPHRASE", PASS)
    assert cli("people", "add", "--name", "李八", "--roles", "authoriser")[0] == 0
    code, out, _ = cli("people", "list")
    assert "周七" in out and "李八" in out
    code, out, _ = cli("people", "edit", "周七", "--roles", "assessor", "--json")
    assert code == 0 and json.loads(out)["roles"] == ["assessor"]
    assert cli("people", "deactivate", f"#{person['id']}", "--reason", "left")[0] == 0
    code, out, _ = cli("people", "list")
    assert "周七" not in out and "李八" in out
    code, out, _ = cli("people", "list", "--all")
    assert "周七" in out and "inactive" in out
    code, out, _ = cli("people", "show", person["id"])
    assert "person.deactivate" in out and "person.edit" in out


def test_cli_wrong_or_missing_passphrase_exits_2_and_writes_nothing(cli, tmp_path, monkeypatch):
    with Store(cli.db) as store:
        ensure_mini(store)
        assessment = decided_assessment(store, decision=None)
    before = counts_at(cli.db)
    code, _, err = cli("assessments", "decide", assessment, "--decision", "grant", "--by", "李四")
    assert code == 2 and "BRANDMARK_PASSPHRASE" in err
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase\n", encoding="utf-8")
    code, _, err = cli("assessments", "decide", assessment, "--decision", "grant", "--by", "李四",
                       "--passphrase-file", wrong)
    assert code == 2 and "wrong passphrase" in err and "口令错误" in err
    code, _, err = cli("assessments", "decide", assessment, "--decision", "grant", "--by", "李四",
                       "--passphrase-file", tmp_path / "missing.txt")
    assert code == 2 and "missing.txt" in err
    assert counts_at(cli.db) == before
    monkeypatch.setenv("BRANDMARK_PASSPHRASE", TEST_PASSPHRASE)
    monkeypatch.setenv("BRANDMARK_BODY_PASSPHRASE", BODY_PASSPHRASE)
    code, out, err = cli("assessments", "decide", assessment, "--decision", "grant", "--by", "李四", "--json")
    assert code == 0, err
    code, out, err = cli("certificates", "issue", assessment, "--json")     # the decider authorises
    assert code == 0 and json.loads(out)["authorised_by"] == "李四"


def test_cli_verify_reports_a_changed_record(cli, monkeypatch):
    with Store(cli.db) as store:
        ensure_mini(store)
        assessment = decided_assessment(store)
    code, out, _ = cli("people", "verify", "--json")
    # The acceptance of its application and the decision.
    assert code == 0 and json.loads(out) == {"signatures": 2, "problems": []}
    with Store(cli.db) as store:
        store.db.execute("UPDATE decisions SET decision = 'conditional' WHERE assessment_id = ?", [assessment])
        store.conn.commit()
    code, out, _ = cli("people", "verify")
    assert code == 3 and "record_changed" in out and "assessment.decide" in out


def counts_at(db) -> dict:
    with Store(db, load_bundled_packs=False) as store:
        return counts(store)


# -- the demo and the migration -----------------------------------------------------------------------

def test_the_demo_registers_its_people_and_signs(store):
    from brandmark.demo import ASSESSOR, DECIDER, DEMO_PASSPHRASE, load_demo

    created = load_demo(store)
    people = [store.people.get(i) for i in created["people"]]
    assert [p["name"] for p in people] == [ASSESSOR, DECIDER]
    assert people[1]["roles"] == ["decider", "authoriser"]
    assert {s["action"] for s in store.people.signatures()} == {"application.decide", "finding.close",
                                                                "assessment.decide"}
    assert store.people.verify_signatures() == []
    store.people.lock()
    store.people.unlock(people[1]["id"], DEMO_PASSPHRASE)


def test_migration_turns_free_text_names_into_people_flagged_for_review(tmp_path):
    from test_migrations import CORE_ROWS, connect, insert
    from brandmark.store import schema_people
    from brandmark.store.migrations import MIGRATIONS, migrate

    path = tmp_path / "before-people.db"
    conn = connect(path)
    migrate(conn, target=MIGRATIONS.index(schema_people.people_step))
    conn.execute("BEGIN")
    for table, row in CORE_ROWS:
        insert(conn, table, row)
    # A second certification assessment by "張三" (traditional) with an answer by "张\u200b三":
    # look-alikes of 张三, so the same person; a self-assessment's people stay free text.
    insert(conn, "assessments", {**dict(CORE_ROWS[3][1]), "id": 2, "assessor": "張三", "status": "open"})
    insert(conn, "answers", {**dict(CORE_ROWS[4][1]), "assessment_id": 2, "answered_by": "张\u200b三"})
    insert(conn, "assessments", {**dict(CORE_ROWS[3][1]), "id": 3, "assessor": "企业自评人", "mode": "self",
                                 "status": "open"})
    conn.execute("COMMIT")
    migrate(conn)
    conn.close()
    with Store(path, load_bundled_packs=False) as store:
        people = {p["name"]: p for p in store.people.list()}
        assert set(people) == {"张三", "李四"}
        zhang, li = people["张三"], people["李四"]
        assert zhang["review"] and li["review"] and "張三" in zhang["review_note"]
        assert zhang["roles"] == ["assessor"] and zhang["schemes"] == ["mini"]
        assert li["roles"] == ["decider"] and zhang["key_id"] is None
        assert store.assessments.get(1)["assessor_id"] == zhang["id"]
        assert store.assessments.get(2)["assessor_id"] == zhang["id"]
        assert store.assessments.answers(2)["V1"]["answered_by_id"] == zhang["id"]
        assert store.assessments.decision(1)["decided_by_id"] == li["id"]
        assert store.assessments.get(3)["assessor_id"] is None
        # A migrated person has no key: they are given one before they can sign.
        with pytest.raises(RefusedInput) as refused:
            store.people.unlock(li["id"], PASS)
        assert code_of(refused) == "people.no_key"
        store.people.new_key(li["id"], passphrase=PASS, by="管理员")
        store.people.unlock(li["id"], PASS)
        reviewed = store.people.edit(li["id"], reviewed=True, by="管理员")
        assert not reviewed["review"]
