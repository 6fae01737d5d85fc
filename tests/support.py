"""Constants and helpers shared by the core tests (imported as ``support``; pytest puts
``tests/`` on ``sys.path`` because it has no ``__init__.py``)."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
MINI_PACK = FIXTURES / "mini.toml"
REPO = Path(__file__).resolve().parent.parent

FIXED_NOW = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.timezone.utc)

# Answers for the mini pack that grant: everything conforms, tests pass, points at target.
MINI_GRANT = {"V1": "pass", "T1": "97.0", "T2": ["0.20", "0.21"], "C1": "conform",
              "C2": "conform", "P1": 3, "P2": 2}


def pack_text(sections: list[dict], rules: str = "", pack_id: str = "gen", version: str = "1") -> str:
    """Pack TOML from plain data: ``[{"weight": 30, "items": [{"id": "A", "kind": "veto"}, ...]}]``.

    Item dicts may carry ``weight``, ``required``, ``levels`` (a count), ``target``,
    ``limit``, ``method``, ``samples``.
    """
    lines = ["format = 1", "[pack]", f'id = "{pack_id}"', f'version = "{version}"', 'title = "生成的方案"',
             "[rules]", rules]
    for s_index, section in enumerate(sections):
        lines += ["[[sections]]", f'id = "s{s_index}"', 'stage = "audit"', f'title = "节{s_index}"',
                  f"weight = {section['weight']}"]
        for item in section["items"]:
            lines += ["[[sections.items]]", f'id = "{item["id"]}"', f'kind = "{item["kind"]}"',
                      f'title = "项{item["id"]}"']
            if "weight" in item:
                lines.append(f"weight = {item['weight']}")
            if "required" in item:
                lines.append(f"required = {'true' if item['required'] else 'false'}")
            if item["kind"] == "points":
                lines.append("levels = [" + ", ".join(f'"L{n}"' for n in range(item.get("levels", 5))) + "]")
                if item.get("target") is not None:
                    lines.append(f"target = {item['target']}")
            if item["kind"] == "test":
                lines += ['quantity = "q"', f'limit = "{item.get("limit", ">=97.0")}"',
                          f'method = "{item.get("method", "full")}"', f"samples = {item.get('samples', 1)}"]
    return "\n".join(lines) + "\n"


# The personnel every test register holds (tests/conftest.py registers them): names
# the tests use, with the roles their parts need, competent for every scheme loaded.
# All share TEST_PASSPHRASE and are signed in, so a test acts as any of them; tests of
# signing in and wrong passphrases lock them first (``store.people.lock()``).
TEST_PASSPHRASE = "test passphrase 测试口令"
STAFF = (
    ("张三", ("assessor",)), ("王五", ("assessor",)), ("王敏", ("assessor",)), ("Zhang San", ("assessor",)),
    ("李四", ("decider", "authoriser")), ("赵六", ("decider", "authoriser")), ("陈立", ("decider", "authoriser")),
    ("Li Si", ("decider", "authoriser")), ("Wang Wu", ("decider", "authoriser")),
    ("管理员", ("admin",)),
)


def register_staff(store, *, unlock: bool = True) -> dict[str, int]:
    """Register ``STAFF`` in ``store`` (or give those registered competence for every scheme
    now loaded); returns ``{name: person id}``."""
    schemes = sorted({row["id"] for row in store.schemes.list()})
    registered = {p["name"]: p for p in store.people.list()}
    ids = {}
    for name, roles in STAFF:
        if name in registered:
            person = store.people.edit(registered[name]["id"], schemes=schemes, by="tests")
        else:
            person = store.people.add(name=name, roles=list(roles), schemes=schemes, passphrase=TEST_PASSPHRASE,
                                      by="tests")
        ids[name] = person["id"]
        if unlock:
            store.people.unlock(person["id"], TEST_PASSPHRASE)
    return ids


@contextlib.contextmanager
def refused_with(code: str):
    """``pytest.raises(RefusedInput)`` that also checks the first problem's code (refusals are data)."""
    from brandmark.errors import RefusedInput
    with pytest.raises(RefusedInput) as excinfo:
        yield excinfo
    assert excinfo.value.problems[0].code == code, excinfo.value.problems


def evidence_bytes(store, evidence_id: int) -> bytes:
    """The stored content of one evidence file, wherever the register keeps it (the database
    or its evidence folder)."""
    return b"".join(store.assessments.evidence_chunks(evidence_id))


def only_payload(path) -> str | None:
    """The one payload a certificate PDF carries, or None (none, or copies that disagree)."""
    from brandmark.certificates.pdf import payloads_in_pdf
    found = payloads_in_pdf(path)
    return found[0] if len(found) == 1 else None


APPLICATION_MATERIAL = FIXTURES / "application-material.pdf"


def accepted_application(store, applicant_id, scheme_id, *, scheme_version=None, product_id=None, product=None,
                         models="", standard=None, implementation_rule=None, factory_address="",
                         accepted_by="李四", by="前台") -> int:
    """An application as the body accepts one (issue 16 §1): recorded, every required material
    of the pack's ``[application]`` list received (``APPLICATION_MATERIAL``), accepted by
    ``accepted_by`` (registered, signed in, competent for the scheme). Returns its id."""
    applications = store.applications
    with store.atomic():
        application_id = applications.new(
            applicant_id=applicant_id, scheme_id=scheme_id, scheme_version=scheme_version, product_id=product_id,
            product=product, models=models, standard=standard, implementation_rule=implementation_rule,
            factory_address=factory_address, by=by)
        for item in applications.get(application_id)["items"]:
            if item["required"]:
                applications.receive(application_id, item["id"], APPLICATION_MATERIAL, by=by)
        applications.decide(application_id, "accept", by=accepted_by)
    return application_id


def new_certification_assessment(store, applicant_id, scheme_id, *, assessor, scheme_version=None, product_id=None,
                                 product=None, models="", standard=None, implementation_rule=None,
                                 factory_address="", by=None, accepted_by="李四", mode="certification") -> int:
    """A certification assessment started the only way the register allows: from an accepted
    application (``accepted_application``, then ``Applications.start_assessment``). Takes the
    keywords ``store.assessments.new`` took; returns the assessment's id. One transaction, so a
    refused assessment (an unknown assessor, say) leaves no application behind either.
    Another ``mode`` (``"self"``: an enterprise self-assessment, which starts from no
    application) goes to ``store.assessments.new`` as it is."""
    if mode != "certification":
        return store.assessments.new(applicant_id=applicant_id, scheme_id=scheme_id, assessor=assessor, mode=mode,
                                     scheme_version=scheme_version, product_id=product_id, product=product,
                                     models=models, standard=standard, implementation_rule=implementation_rule,
                                     factory_address=factory_address, by=by)
    with store.atomic():
        application_id = accepted_application(
            store, applicant_id, scheme_id, scheme_version=scheme_version, product_id=product_id, product=product,
            models=models, standard=standard, implementation_rule=implementation_rule,
            factory_address=factory_address, accepted_by=accepted_by)
        return store.applications.start_assessment(application_id, assessor=assessor, by=by)


def cli_certification_assessment(run_json, applicant_id, scheme_id, *, assessor, accepted_by="李四", **options):
    """The same through brandmark-cli, as its user goes: ``applications new`` (``options`` named
    like its flags: ``product="电水壶"`` is ``--product 电水壶``), ``applications receive --file``
    for each required material, ``applications accept --by``, then ``assessments new
    --application ID --assessor``. ``run_json(*args)`` runs the CLI with ``--json`` and returns
    what it printed, parsed (the acceptance signs: the passphrase must be where the CLI looks).
    Returns the new assessment as ``assessments new --json`` prints it."""
    flags = [part for name, value in options.items() for part in (f"--{name.replace('_', '-')}", value)]
    application = run_json("applications", "new", "--applicant", applicant_id, "--scheme", scheme_id, *flags)
    for item in application["items"]:
        if item["required"]:
            run_json("applications", "receive", application["id"], "--item", item["id"], "--file",
                     APPLICATION_MATERIAL)
    run_json("applications", "accept", application["id"], "--by", accepted_by)
    return run_json("assessments", "new", "--application", application["id"], "--assessor", assessor)
