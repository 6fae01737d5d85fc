"""Issue 8, section 9: fuzzed input through the real CLI exits 0 or 2 (3 where "not genuine"
is an answer), never 1, and a refusal leaves every table as it was.

Packs (TOML), answer files, valuation inputs, certificate payloads (``certificates verify``
with fuzzed QR text), status lists and the CLI's text fields (names, addresses, reasons).
``brandmark.cli.main`` runs in this process (hundreds of runs in seconds); before and
after each refused run every table of the register is dumped and compared.

Bounded for CI; ``BRANDMARK_FUZZ_EXAMPLES=2000`` runs a longer search on demand.
"""

from __future__ import annotations

import json
import os
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safety_support import dump_tables, run_cli
from support import MINI_GRANT, MINI_PACK, accepted_application

EXAMPLES = int(os.environ.get("BRANDMARK_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize="BRANDMARK_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large, HealthCheck.filter_too_much])
PASSPHRASE = "the body's test passphrase"


# -- the register every example runs on ---------------------------------------------------

@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """Made once: the demo data, the mini pack, an open and a granted assessment, one
    certificate, its payload and a signed status list."""
    from brandmark.store import Store
    from test_certificates_support import decided_assessment

    folder = tmp_path_factory.mktemp("fuzz-template")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRANDMARK_DATA_DIR", str(folder / "data"))
        patch.setenv("BRANDMARK_BODY_PASSPHRASE", PASSPHRASE)
        db = folder / "register.db"
        with Store(db) as store:
            granted = decided_assessment(store)
            open_one = decided_assessment(store, decision=None)
            application = accepted_application(store, store.assessments.get(open_one)["applicant_id"], "mini")
            certificate = store.certificates.issue(granted)
            payload = certificate["payload"]
            store.certificates.export_status_list(folder / "status.json")
        code, _, err = run_cli("--db", db, "demo")
        assert code == 0, err
    return {"db": db, "open": open_one, "application": application, "number": certificate["number"],
            "payload": payload,
            "status_list": (folder / "status.json").read_text(encoding="utf-8")}


@pytest.fixture
def register(template, tmp_path, monkeypatch):
    monkeypatch.setenv("BRANDMARK_BODY_PASSPHRASE", PASSPHRASE)
    db = tmp_path / "register.db"
    shutil.copy(template["db"], db)
    return {**template, "db": db, "tmp": tmp_path}


def check(db, *args, allowed=(0, 2)) -> tuple[int, str, str]:
    """Run the CLI on ``db``: the exit code must be allowed, and a refusal must change nothing."""
    before = dump_tables(db)
    code, out, err = run_cli("--db", db, *args)
    assert code in allowed, f"exit {code}: {err[-2000:]}"
    assert "unexpected error" not in err, err
    if code == 2:
        assert dump_tables(db) == before, f"a refusal changed the register: {err}"
    if code == 0 and "--json" in args and out.strip():
        json.loads(out, parse_constant=lambda name: pytest.fail(f"JSON output holds {name}"))
    return code, out, err


# -- values ---------------------------------------------------------------------------------

# Every Unicode category, controls, lone surrogates and bidi overrides included.
any_text = st.text(st.characters(codec=None), max_size=40) | st.sampled_from(
    ["", " ", "\x00", "\u202e", "\ud800", "a\nb", "\x1b[31m", "９" * 300, "名" * 5001, "-x", "--json"])
numbers = st.one_of(
    st.integers(), st.integers(-10**400, 10**400), st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -1, 1e308, -1e308, 5e-324, 2**63, 10**400]))
json_values = st.recursive(
    st.none() | st.booleans() | numbers | any_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(any_text, inner, max_size=4),
    max_leaves=12)


def write(folder, name: str, content) -> str:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", errors="surrogatepass")
    return str(path)


def dumps(value) -> str:
    """JSON as a user's file might hold it (NaN and Infinity included: Python reads them)."""
    return json.dumps(value, ensure_ascii=False)


# -- packs ------------------------------------------------------------------------------------

MINI_LINES = MINI_PACK.read_text(encoding="utf-8").splitlines()

toml_values = st.one_of(
    st.integers(-10**30, 10**30).map(str), st.floats().map(lambda x: {"nan": "nan", "inf": "inf"}.get(
        str(x), "-inf" if str(x) == "-inf" else repr(x))),
    any_text.map(lambda s: json.dumps(s)), st.sampled_from([
        "true", "false", "[]", "{}", "[1, 2]", '["a", 1]', '{ text = 5 }', "1979-05-27", '"' + "长" * 5000 + '"',
        "[" * 200 + "]" * 200, '"""\nmulti\n"""', "'lit'", '{ conform = 2, minor = "x", major = [] }']))


@st.composite
def fuzzed_packs(draw) -> str:
    """The mini pack with lines' values replaced, lines dropped or doubled, or raw text."""
    if draw(st.integers(0, 9)) == 0:
        return draw(any_text)
    lines = list(MINI_LINES)
    for _ in range(draw(st.integers(1, 6))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["value", "value", "value", "drop", "double", "key"]))
        line = lines[index]
        if action == "value" and "=" in line:
            lines[index] = line.split("=", 1)[0] + "= " + draw(toml_values)
        elif action == "drop":
            del lines[index]
        elif action == "double":
            lines.insert(index, line)
        elif action == "key":
            lines.insert(index, f"{draw(st.sampled_from(['levels', 'limit', 'samples', 'target', 'weight', 'kind', 'national_limit', 'decimals', 'stage', 'evidence', 'method', 'max_minor_nc', 'pass_score', 'conformity_credit']))} = {draw(toml_values)}")
    return "\n".join(lines) + "\n"


@FUZZ
@given(text=fuzzed_packs())
def test_fuzzed_packs_validate_and_import(register, text):
    path = write(register["tmp"], "pack.toml", text)
    check(register["db"], "schemes", "validate", path)
    code, _, _ = check(register["db"], "schemes", "import", path, "--by", "fuzz")
    if code == 0:
        check(register["db"], "schemes", "list", "--json")


# -- answer files -------------------------------------------------------------------------------

ITEMS = sorted(MINI_GRANT) + ["nope", ""]
answers = st.dictionaries(
    st.sampled_from(ITEMS) | any_text,
    json_values | st.fixed_dictionaries({}, optional={"value": json_values, "note": json_values,
                                                      "evidence": json_values}),
    max_size=5)


@FUZZ
@given(content=st.one_of(answers.map(lambda a: {"answers": a}), json_values,
                         st.fixed_dictionaries({"answers": json_values})),
       raw=st.none() | st.binary(max_size=60))
def test_fuzzed_answer_files(register, content, raw):
    path = write(register["tmp"], "answers.json", raw if raw is not None else dumps(content))
    check(register["db"], "assessments", "answer", str(register["open"]), "--file", path, "--by", "张三")


# -- valuation inputs -----------------------------------------------------------------------------

from brandmark.scoring.valuation.inputs import KNOWN_KEYS  # noqa: E402

distributions = st.fixed_dictionaries(
    {"dist": st.sampled_from(["normal", "lognormal", "triangular", "uniform", "pert", None, 3])},
    optional={key: numbers | json_values for key in ("mean", "sd", "low", "mode", "high", "min", "max")})
quantity = numbers | distributions | json_values
valuation_inputs = st.fixed_dictionaries(
    {"method": st.sampled_from(["relief-from-royalty", "excess-earnings", "dcf", None])},
    optional={**{key: quantity for key in KNOWN_KEYS if key != "method"},
              "revenues": st.lists(quantity, max_size=4), "after_tax_profits": st.lists(quantity, max_size=4),
              "royalty_rate_range": st.fixed_dictionaries({}, optional={"low": quantity, "high": quantity}),
              "contributory_assets": st.lists(st.fixed_dictionaries(
                  {}, optional={"name": json_values, "amount": quantity, "return": quantity}), max_size=2)})


@FUZZ
@given(content=valuation_inputs | json_values, save=st.booleans())
def test_fuzzed_valuation_inputs(register, content, save):
    path = write(register["tmp"], "input.json", dumps(content))
    args = ["value", "--file", path, "--trials", "64", "--seed", "1", "--json"]
    if save:
        args += ["--applicant", "1", "--save", "--by", "估值人"]
    check(register["db"], *args)


# -- certificate payloads and status lists ----------------------------------------------------------

def mutations(base: str):
    """Texts near ``base``: a slice, a character changed, inserted or deleted, or anything."""
    positions = st.integers(0, max(len(base) - 1, 0))
    return st.one_of(
        any_text,
        st.tuples(positions, positions).map(lambda p: base[min(p):max(p)]),
        st.tuples(positions, any_text).map(lambda p: base[:p[0]] + p[1] + base[p[0] + 1:]),
        st.tuples(positions, any_text).map(lambda p: base[:p[0]] + p[1] + base[p[0]:]),
        st.just(base))


@pytest.fixture
def payload(template):
    return template["payload"]


@FUZZ
@given(data=st.data())
def test_fuzzed_payloads_verify(register, payload, data):
    text = data.draw(mutations(payload))
    if text.startswith("-"):
        text = " " + text      # argparse would read it as an option
    check(register["db"], "certificates", "verify", "--payload", text, "--json", allowed=(0, 2, 3))


@FUZZ
@given(data=st.data())
def test_fuzzed_status_lists(register, payload, data):
    base = register["status_list"]
    mutated = data.draw(mutations(base) | json_values.map(dumps))
    path = write(register["tmp"], "status.json", mutated)
    check(register["db"], "certificates", "status-list", "--check", path, "--json", allowed=(0, 2, 3))
    check(register["db"], "certificates", "verify", "--payload", payload, "--status-list", path,
          allowed=(0, 2, 3))


# -- every text field of the CLI -----------------------------------------------------------------------

def text_commands(register, value: str) -> list[list[str]]:
    number = register["number"]
    return [
        ["applicants", "add", "--name", value, "--uscc", "91350100M000100Y43"],
        ["applicants", "add", "--name", "某某电器有限公司", "--uscc", value],
        ["applicants", "add", "--name", "某某电器有限公司", "--uscc", "91330100MA00000012", "--region", value,
         "--address", value, "--industry", value, "--contact", value],
        ["applicants", "list", "--search", value],
        ["applications", "new", "--applicant", "1", "--scheme", "mini", "--product", value, "--models", value,
         "--factory-address", value, "--by", value],
        ["assessments", "new", "--applicant", "1", "--scheme", value, "--assessor", "张三"],
        ["assessments", "decide", str(register["open"]), "--decision", "grant", "--by", value, "--note", value],
        ["certificates", "suspend", number, "--reason", value, "--by", value],
        ["certificates", "list", "--search", value],
        ["certificates", "show", value],
        ["certificates", "settings", "--body-name", value, "--by", value],
        ["certificates", "settings", "--body-code", value],
        ["certificates", "settings", "--number-pattern", value],
        ["schemes", "show", value],
        ["judge", "--limit", value, "--value", value],
        ["assessments", "new", "--application", str(register["application"]), "--assessor", value],
    ]


@FUZZ
@given(value=any_text, which=st.integers(0, 15))
def test_fuzzed_text_fields(register, value, which):
    args = text_commands(register, value)[which]
    check(register["db"], *args)


# -- what the fuzzer found (each fixed where it arose; these keep it fixed) -----------------------------

def test_found_a_refused_status_list_check_on_a_fresh_register_writes_nothing(register):
    """The first verification of a register recorded "no legacy trusted keys to import"
    (a setting and an event) even when it then refused the file."""
    path = write(register["tmp"], "status.json", "not json")
    check(register["db"], "certificates", "status-list", "--check", path, allowed=(2,))
    check(register["db"], "certificates", "verify", "--payload", "garbage", allowed=(3,))


@pytest.mark.parametrize("args", [
    ["applicants", "list", "--search", "a\udcff"],
    ["certificates", "list", "--search", "\ud800"],
    ["certificates", "show", "a\udcff"],
    ["schemes", "show", "a\udcff"],
])
def test_found_an_argument_that_is_not_utf8_is_refused(register, args):
    """Bytes that are not UTF-8 in an argument arrive as lone surrogates; SQLite could not
    bind them (UnicodeEncodeError, exit 1). ``$'a\\xff'`` in a shell gives ``a\\udcff``."""
    code, _, err = check(register["db"], *args, allowed=(2,))
    assert "UTF-8" in err
