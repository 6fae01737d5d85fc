"""``people add|list|show|edit|deactivate|activate|passphrase|new-key|verify|export-card|import-card|update-card``: the personnel register.

A person is named on the command line by id (``3`` or ``#3``) or exact registered name.
Passphrases are read from ``--passphrase-file FILE`` (its first line) or, without it,
from the environment variable ``BRANDMARK_PASSPHRASE``; never from the command line,
where other users of the machine could read them.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from brandmark.errors import RefusedInput
from brandmark.store.people import ROLES

if TYPE_CHECKING:
    import argparse

    from brandmark.cli import Context, Subcommands
    from brandmark.store.people import PersonRef

PASSPHRASE_ENV = "BRANDMARK_PASSPHRASE"


def add_passphrase_option(parser: argparse.ArgumentParser, who: str = "the person who signs") -> None:
    parser.add_argument("--passphrase-file", metavar="FILE",
                        help=f"{who}'s passphrase, first line of FILE (default: ${PASSPHRASE_ENV})")


def read_passphrase(path: str | None, env: str = PASSPHRASE_ENV) -> str:
    """The passphrase from ``path`` (first line), else from ``$env``; refused when neither."""
    if path:
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.readline().rstrip("\r\n")
        except (OSError, UnicodeDecodeError) as exc:
            raise RefusedInput.of("people.passphrase_file", ("passphrase",), path=path,
                                  reason=getattr(exc, "strerror", None) or str(exc)) from None
    else:
        text = os.environ.get(env, "")
    if not text:
        raise RefusedInput.of("people.passphrase_missing", ("passphrase",))
    return text


def sign_in(ctx: Context, ref: PersonRef, path: str | None = None) -> dict[str, Any]:
    """Unlock ``ref``'s key for this command with their passphrase (exit 2 when wrong)."""
    return ctx.store.people.unlock(ctx.store.people.find(ref, ("by",))["id"], read_passphrase(path))


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("people", parents=[common], help="the personnel register (人员)")
    commands = group.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = commands.add_parser("add", parents=[common], help="register a person with roles and a signing key")
    p.add_argument("--name", required=True, help="the person's name as registered")
    p.add_argument("--roles", required=True, help=f"comma-separated: {', '.join(ROLES)}")
    p.add_argument("--schemes", default="", help="schemes the person is competent for, comma-separated")
    add_passphrase_option(p, "the new person")
    p.add_argument("--by", default="", metavar="PERSON", help="who registers them (event log)")
    p.set_defaults(handler=add)

    p = commands.add_parser("list", parents=[common], help="list the register")
    p.add_argument("--all", action="store_true", help="also people no longer active")
    p.add_argument("--role", choices=ROLES, help="only people with this role")
    p.set_defaults(handler=list_people)

    p = commands.add_parser("show", parents=[common], help="one person, their history and signatures")
    p.add_argument("person", metavar="PERSON", help="the person's id or exact registered name")
    p.set_defaults(handler=show)

    p = commands.add_parser("edit", parents=[common], help="change a person's name, roles or schemes")
    p.add_argument("person", metavar="PERSON", help="the person's id or exact registered name")
    p.add_argument("--name", help="the new name")
    p.add_argument("--roles", help="the new roles, comma-separated")
    p.add_argument("--schemes", help="replaces the list ('' for none)")
    p.add_argument("--reviewed", action="store_true", help="a migrated person has been checked")
    p.add_argument("--by", default="", metavar="PERSON", help="who makes the change")
    p.set_defaults(handler=edit)

    for action in ("deactivate", "activate"):
        p = commands.add_parser(action, parents=[common], help=f"{action} a person (kept in the register)")
        p.add_argument("person", metavar="PERSON", help="the person's id or exact registered name")
        p.add_argument("--reason", default="", help="why (kept in the register)")
        p.add_argument("--by", default="", metavar="PERSON", help="who makes the change")
        p.set_defaults(handler=set_active, active=action == "activate")

    p = commands.add_parser("passphrase", parents=[common], help="change a person's passphrase")
    p.add_argument("person", metavar="PERSON", help="the person's id or exact registered name")
    add_passphrase_option(p, "the current")
    p.add_argument("--new-passphrase-file", required=True, metavar="FILE", help="a file holding the new passphrase")
    p.set_defaults(handler=passphrase)

    p = commands.add_parser("verify", parents=[common],
                            help="check every stored personal signature (exit 0 all good, 3 when one fails)")
    p.set_defaults(handler=verify)

    p = commands.add_parser("export-card", parents=[common],
                            help="write a person's card (name and public key, signed with their key) for another register")
    p.add_argument("person", metavar="PERSON", help="the person's id or exact registered name")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the card file to write")
    add_passphrase_option(p, "the person")
    p.set_defaults(handler=export_card)

    p = commands.add_parser("import-card", parents=[common],
                            help="register the person of a card here, with the same key")
    p.add_argument("file", metavar="FILE", help="the card file (people export-card)")
    p.add_argument("--roles", required=True, help=f"comma-separated: {', '.join(ROLES)}")
    p.add_argument("--schemes", default="", help="schemes the person is competent for, comma-separated")
    p.add_argument("--by", required=True, metavar="ADMIN", help="the admin who registers them")
    p.set_defaults(handler=import_card)

    p = commands.add_parser("update-card", parents=[common],
                            help="take a registered person's new key from their card (signed over by their old "
                                 "key, or accepted by the admin)")
    p.add_argument("file", metavar="FILE", help="the card file (people export-card, after people new-key)")
    p.add_argument("--by", required=True, metavar="ADMIN", help="the admin who takes the new key")
    p.add_argument("--person", metavar="PERSON", help="whose key it is (default: the owner of the key the card's "
                                                      "rotation starts from, else the card's name)")
    p.add_argument("--accept-new-key", action="store_true",
                   help="accept the key without a statement by the person's current key (check the key id with "
                        "the person first)")
    p.set_defaults(handler=update_card)

    p = commands.add_parser("new-key", parents=[common],
                            help="a new signing key (migrated person, passphrase lost, or a routine change); "
                                 "old signatures stay valid")
    p.add_argument("person", metavar="PERSON", help="the person's id or exact registered name")
    add_passphrase_option(p, "the new key")
    p.add_argument("--old-passphrase-file", metavar="FILE",
                   help="the current key's passphrase: the old key then signs a statement naming the new one, "
                        "which the person's card carries to other registers")
    p.add_argument("--by", default="", metavar="PERSON", help="who makes the change")
    p.set_defaults(handler=new_key)


def _line(person: dict[str, Any]) -> str:
    flags = ("" if person["active"] else "  [inactive]") + ("  [review]" if person["review"] else "")
    return (f"#{person['id']:<4} {person['name']:<16} {','.join(person['roles']):<28} "
            f"{','.join(person['schemes']) or '-'}{flags}")


def add(ctx: Context) -> None:
    a = ctx.args
    person = ctx.store.people.add(name=a.name, roles=a.roles, schemes=a.schemes,
                                  passphrase=read_passphrase(a.passphrase_file), by=a.by)
    ctx.emit(person, f"registered #{person['id']} {person['name']} ({', '.join(person['roles'])}), "
                     f"key {person['key_id']}")


def list_people(ctx: Context) -> None:
    rows = ctx.store.people.list(active=None if ctx.args.all else True, role=ctx.args.role)
    ctx.emit(rows, lambda: "\n".join(_line(p) for p in rows) or "(none)")


def show(ctx: Context) -> None:
    store = ctx.store
    person = store.people.find(ctx.args.person)
    person["history"] = store.events.list("person", person["id"])
    person["keys"] = [{"key_id": k["key_id"], "created_at": k["created_at"], "retired_at": k["retired_at"],
                       "vouched": (k["vouched"] or {}).get("how")} for k in store.people.keys(person["id"])]
    person["signatures"] = [{k: s[k] for k in ("id", "action", "entity", "entity_id", "key_id", "signed_at")}
                            for s in store.people.signatures() if s["person_id"] == person["id"]]
    ctx.emit(person, lambda: "\n".join(
        [_line(person), f"  active since {person['since']}; key {person['key_id'] or '(none)'}"]
        + ([f"  review: {person['review_note']}"] if person["review"] else [])
        + [f"  key {k['key_id']} from {k['created_at']}" + (f" to {k['retired_at']}" if k["retired_at"] else "")
           + (f" ({k['vouched']})" if k["vouched"] else "") for k in person["keys"]]
        + [f"  {e['at']} {e['action']} by {e['actor'] or '-'}" for e in person["history"]]
        + [f"  signed {s['action']} {s['entity']} {s['entity_id']} at {s['signed_at']}"
           for s in person["signatures"]]))


def edit(ctx: Context) -> None:
    a = ctx.args
    person = ctx.store.people.edit(a.person, by=a.by, name=a.name, roles=a.roles, schemes=a.schemes,
                                   reviewed=True if a.reviewed else None)
    ctx.emit(person, _line(person))


def set_active(ctx: Context) -> None:
    a = ctx.args
    person = ctx.store.people.set_active(a.person, a.active, by=a.by, reason=a.reason)
    ctx.emit(person, _line(person))


def passphrase(ctx: Context) -> None:
    a = ctx.args
    person = ctx.store.people.change_passphrase(a.person, old=read_passphrase(a.passphrase_file),
                                                new=read_passphrase(a.new_passphrase_file))
    ctx.emit(person, f"passphrase changed for #{person['id']} {person['name']}")


def new_key(ctx: Context) -> None:
    a = ctx.args
    old = read_passphrase(a.old_passphrase_file) if a.old_passphrase_file else None
    person = ctx.store.people.new_key(a.person, passphrase=read_passphrase(a.passphrase_file), by=a.by,
                                      old_passphrase=old)
    ctx.emit(person, f"new key {person['key_id']} for #{person['id']} {person['name']}"
                     + ("; the old key signed over to it" if old else ""))


def export_card(ctx: Context) -> None:
    from brandmark.exchange import export_card as write_card

    a = ctx.args
    sign_in(ctx, a.person, a.passphrase_file)
    data = write_card(ctx.store, a.person, a.output)
    ctx.emit(data, f"wrote the card of {data['name']} (key {data['key_id']}) to {data['file']}")


def import_card(ctx: Context) -> None:
    from brandmark.exchange import import_card as take_card

    a = ctx.args
    person = take_card(ctx.store, a.file, roles=a.roles, schemes=a.schemes, by=a.by)
    ctx.emit(person, f"registered #{person['id']} {person['name']} ({', '.join(person['roles'])}) with the key of "
                     f"the card, {person['key_id']}: they sign on their own machine")


def update_card(ctx: Context) -> None:
    from brandmark.exchange import update_card as take_new_key

    a = ctx.args
    person = take_new_key(ctx.store, a.file, by=a.by, person=a.person, accept_new_key=a.accept_new_key)
    if person["unchanged"]:
        text = f"#{person['id']} {person['name']} already has the card's key {person['key_id']}: nothing changed"
    else:
        how = "on their old key's word" if person["how"] == "rotation" else f"accepted by {a.by}"
        text = f"#{person['id']} {person['name']} now signs with key {person['key_id']} ({how}); the old key is kept"
    ctx.emit(person, text)


SIGNATURE_FAILED_EXIT = 3


def verify(ctx: Context) -> int:
    problems = ctx.store.people.verify_signatures()
    count = len(ctx.store.people.signatures())
    ctx.emit({"signatures": count, "problems": problems}, lambda: "\n".join(
        [f"{count} signatures, {len(problems)} failing"]
        + [f"  signature #{p['signature']} {p['action']} {p['entity']} {p['entity_id']}: {p['problem']}"
           for p in problems]))
    return SIGNATURE_FAILED_EXIT if problems else 0
