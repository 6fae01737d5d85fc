"""Issue 10 leftover: a person's new key reaches the body.

Two registers (the body and the assessor's laptop, ``exchange_support``). After ``people
new-key`` on the laptop the body still holds the old key: work signed with the new one is an
unknown signer until the body takes the new card (``people update-card``), either on the old
key's word (a rotation statement the card carries) or on an admin's explicit acceptance.
The old key stays registered, retired, so what it signed before still verifies."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from brandmark import exchange, people_keys
from brandmark.exchange.bundle import b64url, canonical_bytes
from brandmark.exchange.cards import DOMAIN, FORMAT
from brandmark.store.people import Actor
from brandmark.store.verify import verify
from exchange_support import ASSESSOR, make_world
from support import FIXED_NOW, MINI_GRANT, TEST_PASSPHRASE, refused_with

NEW_PASSPHRASE = "the assessor's new passphrase"


@pytest.fixture
def world(tmp_path):
    made = make_world(tmp_path)
    yield made
    made.close()


def later(store, minutes: int) -> None:
    moment = FIXED_NOW + dt.timedelta(minutes=minutes)
    store.clock = lambda: moment


def work_bundle(world, name: str) -> tuple[int, object]:
    """The assignment received on the laptop, answered, exported as ``name``."""
    laptop_id = world.receive(f"{name}-assignment.bmx")
    world.laptop.assessments.answer_many(laptop_id, MINI_GRANT, by=world.assessor_on_laptop)
    return laptop_id, world.export_work(laptop_id, name)


def rotate_on_laptop(world, *, with_old_key: bool = True, name: str = "new.card"):
    """``people new-key`` on the laptop (the old key signing over to the new one, or not),
    then the new card, made after signing in with the new key."""
    laptop = world.laptop
    laptop.people.new_key(world.assessor_on_laptop, passphrase=NEW_PASSPHRASE, by=ASSESSOR,
                          old_passphrase=TEST_PASSPHRASE if with_old_key else None)
    laptop.people.unlock(world.assessor_on_laptop, NEW_PASSPHRASE)
    exchange.export_card(laptop, world.assessor_on_laptop, world.path(name))
    return world.path(name)


def body_key(world) -> str:
    return world.body.people.get(world.assessor_at_body)["key_id"]


def laptop_key(world) -> str:
    return world.laptop.people.get(world.assessor_on_laptop)["key_id"]


def forged_card(path, *, name: str, links: list[dict], key=None) -> tuple:
    """A card for a key of the forger's own (``key``, else a fresh one), carrying ``links``."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    private = key or Ed25519PrivateKey.generate()
    pem = private.public_key().public_bytes(serialization.Encoding.PEM,
                                            serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")
    key_id = people_keys.key_id_of(private.public_key())
    fields = {"type": FORMAT, "name": name, "key_id": key_id, "public_key": pem,
              "made_at": FIXED_NOW.isoformat()}
    if links:
        fields["rotations"] = links
    payload = canonical_bytes(fields).decode("utf-8")
    path.write_text(json.dumps({"format": FORMAT, "version": 1, "payload": payload,
                                "signature": b64url(private.sign(DOMAIN + payload.encode("utf-8")))}),
                    encoding="utf-8")
    return path, private, pem, key_id


# -- the gap this closes --------------------------------------------------------------------

def test_before_the_update_the_body_refuses_the_new_keys_work_and_the_card(world):
    old = body_key(world)
    card = rotate_on_laptop(world)
    _, work = work_bundle(world, "work.bmx")
    with refused_with("exchange.unknown_signer"):
        exchange.import_bundle(world.body, work)
    with refused_with("people.name_taken"):
        exchange.import_card(world.body, card, roles="assessor", schemes="mini", by=world.admin)
    assert body_key(world) == old


# -- on the old key's word --------------------------------------------------------------------

def test_a_rotation_signed_by_the_current_key_updates_the_body(world):
    old = body_key(world)
    card = rotate_on_laptop(world)
    assert laptop_key(world) != old
    laptop_id, work = work_bundle(world, "work.bmx")

    updated = exchange.update_card(world.body, card, by=world.admin)

    assert updated["unchanged"] is False and updated["how"] == "rotation"
    assert body_key(world) == laptop_key(world)
    keys = world.body.people.keys(world.assessor_at_body)
    assert [k["key_id"] for k in keys] == [laptop_key(world), old]
    assert keys[1]["retired_at"] is not None and keys[0]["vouched"]["how"] == "rotation"
    assert keys[0]["vouched"]["accepted_by"] == "管理员"
    event = world.body.events.list("person", world.assessor_at_body)[0]
    assert event["action"] == "person.key_update" and event["actor"] == "管理员"
    assert event["details"]["how"] == "rotation" and event["details"]["replaces"] == old
    # New bundles verify against the new key.
    report = exchange.import_bundle(world.body, work)
    assert report["imported"]["answers"] == len(MINI_GRANT)
    assert verify(world.body.conn).intact


def test_the_same_card_again_changes_nothing(world):
    card = rotate_on_laptop(world)
    exchange.update_card(world.body, card, by=world.admin)
    events = len(world.body.events.list("person", world.assessor_at_body))
    again = exchange.update_card(world.body, card, by=world.admin)
    assert again["unchanged"] is True
    assert len(world.body.events.list("person", world.assessor_at_body)) == events


def test_two_rotations_on_the_laptop_are_followed_from_the_key_the_body_knows(world):
    old = body_key(world)
    rotate_on_laptop(world, name="second.card")
    world.laptop.people.new_key(world.assessor_on_laptop, passphrase=TEST_PASSPHRASE, by=ASSESSOR,
                                old_passphrase=NEW_PASSPHRASE)
    world.laptop.people.unlock(world.assessor_on_laptop, TEST_PASSPHRASE)
    exchange.export_card(world.laptop, world.assessor_on_laptop, world.path("third.card"))
    card = json.loads(json.loads(world.path("third.card").read_text(encoding="utf-8"))["payload"])
    assert [json.loads(link["statement"])["old_key_id"] for link in card["rotations"]][0] == old
    updated = exchange.update_card(world.body, world.path("third.card"), by=world.admin)
    assert updated["how"] == "rotation" and body_key(world) == laptop_key(world)
    assert len(world.body.people.keys(world.assessor_at_body)[0]["vouched"]["rotations"]) == 2


def test_the_body_can_pass_the_rotation_on(world, tmp_path):
    """The body keeps the chain it verified, so a card it writes later would carry it: the
    rotations of a key row are read back as the person's chain."""
    card = rotate_on_laptop(world)
    exchange.update_card(world.body, card, by=world.admin)
    chain = world.body.people.rotations(world.assessor_at_body)
    assert [json.loads(link["statement"])["new_key_id"] for link in chain] == [laptop_key(world)]


# -- on an admin's word ------------------------------------------------------------------------

def test_a_new_key_without_the_old_keys_word_needs_the_admin_to_accept_it(world):
    old = body_key(world)
    card = rotate_on_laptop(world, with_old_key=False)
    with refused_with("people.key_unconfirmed"):
        exchange.update_card(world.body, card, by=world.admin)
    assert body_key(world) == old
    with refused_with("people.missing_role"):
        exchange.update_card(world.body, card, by=world.clerk, accept_new_key=True)
    updated = exchange.update_card(world.body, card, by=world.admin, accept_new_key=True)
    assert updated["how"] == "admin" and body_key(world) == laptop_key(world)
    event = world.body.events.list("person", world.assessor_at_body)[0]
    assert (event["action"], event["details"]["how"], event["actor"]) == ("person.key_update", "admin", "管理员")


# -- the old key, for what it signed before -----------------------------------------------------

def test_work_signed_with_the_old_key_before_the_rotation_still_imports(world):
    old_work_id, old_work = work_bundle(world, "old-work.bmx")        # signed with the old key
    later(world.laptop, 10)
    card = rotate_on_laptop(world)
    exchange.update_card(world.body, card, by=world.admin)
    report = exchange.import_bundle(world.body, old_work)
    assert report["imported"]["answers"] == len(MINI_GRANT)
    imported = world.body.exchange.imports(world.assessment)[-1]
    assert imported["signer_key_id"] == world.body.people.keys(world.assessor_at_body)[1]["key_id"]


def test_a_bundle_the_old_key_signed_after_it_signed_over_is_refused(world, tmp_path):
    """Someone holding the old key after the rotation (a copy of the laptop) cannot make
    work the body believes: the old key's own statement says when it stopped."""
    laptop_id = world.receive()
    world.laptop.assessments.answer_many(laptop_id, MINI_GRANT, by=world.assessor_on_laptop)
    key_id, old_private = world.laptop.people.unlocked_key(Actor(ASSESSOR, world.assessor_on_laptop))
    card = rotate_on_laptop(world)
    exchange.update_card(world.body, card, by=world.admin)
    # Forge: the laptop's work, made later, signed with the old key.
    later(world.laptop, 30)
    world.laptop.people._unlocked[world.assessor_on_laptop] = (key_id, old_private)
    forged = world.export_work(laptop_id, "forged.bmx")
    with refused_with("exchange.key_retired"):
        exchange.import_bundle(world.body, forged)


def test_after_an_admins_acceptance_the_old_key_signs_nothing_new(world):
    _, old_work = work_bundle(world, "old-work.bmx")
    card = rotate_on_laptop(world, with_old_key=False)
    exchange.update_card(world.body, card, by=world.admin, accept_new_key=True)
    with refused_with("exchange.key_retired"):
        exchange.import_bundle(world.body, old_work)


def test_an_old_bundle_imported_before_the_update_imports_again_as_unchanged(world):
    _, old_work = work_bundle(world, "old-work.bmx")
    exchange.import_bundle(world.body, old_work)
    card = rotate_on_laptop(world, with_old_key=False)
    exchange.update_card(world.body, card, by=world.admin, accept_new_key=True)
    assert exchange.import_bundle(world.body, old_work)["unchanged"] is True


def test_signatures_made_with_the_old_key_still_verify_on_the_laptop(world):
    laptop_id = world.receive()
    grant = dict(MINI_GRANT, C1="minor")
    world.laptop.assessments.answer_many(laptop_id, grant, by=world.assessor_on_laptop)
    finding = [f for f in world.laptop.assessments.findings(laptop_id) if f["item_id"] == "C1"][0]
    world.laptop.assessments.update_finding(finding["id"], by=world.assessor_on_laptop, corrective_action="补全记录")
    world.laptop.assessments.close_finding(finding["id"], by=world.assessor_on_laptop, checked="记录已补全",
                                           evidence="记录表 2026-03")
    signed_with = world.laptop.people.signatures("finding")[0]["key_id"]
    rotate_on_laptop(world)
    assert signed_with != laptop_key(world)
    assert world.laptop.people.verify_signatures() == []
    assert verify(world.laptop.conn).intact


# -- hostile cards ---------------------------------------------------------------------------

def test_an_old_card_replayed_after_the_update_is_refused(world):
    card = rotate_on_laptop(world)
    exchange.update_card(world.body, card, by=world.admin)
    with refused_with("people.card_replayed"):
        exchange.update_card(world.body, world.path("zhang.card"), by=world.admin, accept_new_key=True)
    assert body_key(world) == laptop_key(world)


def test_a_rotation_signed_by_a_retired_key_is_refused(world, tmp_path):
    """Whoever kept the old key cannot sign it over again once the body moved on."""
    old_private = world.laptop.people.unlocked_key(Actor(ASSESSOR, world.assessor_on_laptop))[1]
    card = rotate_on_laptop(world)
    exchange.update_card(world.body, card, by=world.admin)
    current = body_key(world)
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    thief = Ed25519PrivateKey.generate()
    made = forged_card(tmp_path / "probe.card", name=ASSESSOR, links=[], key=thief)
    link = people_keys.rotation_link(old_private, name=ASSESSOR, new_key_id=made[3], new_public_pem=made[2],
                                     made_at=FIXED_NOW.isoformat())
    forged = forged_card(tmp_path / "thief.card", name=ASSESSOR, links=[link], key=thief)[0]
    for accept in (False, True):
        with refused_with("people.rotation_not_current"):
            exchange.update_card(world.body, forged, by=world.admin, accept_new_key=accept)
    assert body_key(world) == current


def test_a_rotation_not_signed_by_the_key_it_names_is_refused(world, tmp_path):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    current = body_key(world)
    thief = Ed25519PrivateKey.generate()
    probe = forged_card(tmp_path / "probe.card", name=ASSESSOR, links=[], key=thief)
    # A statement that claims the current key but is signed by the forger's own.
    link = people_keys.rotation_link(thief, name=ASSESSOR, new_key_id=probe[3], new_public_pem=probe[2],
                                     made_at=FIXED_NOW.isoformat())
    statement = json.loads(link["statement"])
    statement["old_key_id"] = current
    link["statement"] = people_keys.canonical(statement)
    forged = forged_card(tmp_path / "forged.card", name=ASSESSOR, links=[link], key=thief)[0]
    with refused_with("people.rotation_signature"):
        exchange.update_card(world.body, forged, by=world.admin, accept_new_key=True)
    assert body_key(world) == current


def test_a_changed_statement_on_a_real_card_is_refused(world):
    card = rotate_on_laptop(world)
    envelope = json.loads(card.read_text(encoding="utf-8"))
    payload = envelope["payload"].replace(FIXED_NOW.isoformat()[:4], "2031", 1)
    assert payload != envelope["payload"]
    envelope["payload"] = payload
    card.write_text(json.dumps(envelope), encoding="utf-8")
    with refused_with("people.card_signature"):
        exchange.update_card(world.body, card, by=world.admin)


def test_a_card_for_a_deactivated_person_is_refused(world):
    card = rotate_on_laptop(world)
    world.body.people.deactivate(world.assessor_at_body, by=world.admin, reason="left the body")
    old = body_key(world)
    for accept in (False, True):
        with refused_with("people.card_inactive"):
            exchange.update_card(world.body, card, by=world.admin, accept_new_key=accept)
    assert body_key(world) == old


def test_another_persons_key_and_an_unknown_person_are_refused(world, tmp_path):
    clerk_key = world.body.people.get(world.clerk)["key_id"]
    with refused_with("people.card_unknown_person"):
        exchange.update_card(world.body, forged_card(tmp_path / "nobody.card", name="赵六", links=[])[0],
                             by=world.admin, accept_new_key=True)
    card = rotate_on_laptop(world)
    # The assessor's rotation offered as the clerk's new key: it starts from a key not the clerk's.
    with refused_with("people.rotation_not_current"):
        exchange.update_card(world.body, card, by=world.admin, person=world.clerk, accept_new_key=True)
    assert world.body.people.get(world.clerk)["key_id"] == clerk_key
    exchange.update_card(world.body, card, by=world.admin)
    with refused_with("people.card_key_taken"):
        exchange.update_card(world.body, card, by=world.admin, person=world.clerk, accept_new_key=True)
    assert world.body.people.get(world.clerk)["key_id"] == clerk_key
