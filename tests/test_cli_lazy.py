"""The CLI builds its parser from a static table and imports only the command group that runs."""

from __future__ import annotations

import json
import subprocess
import sys

from brandmark.cli import COMMANDS, build_parser, chosen_command

HEAVY = ("numpy", "sqlite_utils", "reportlab", "brandmark.store")


def group_helps(parser) -> dict[str, str]:
    action = next(a for a in parser._actions if a.dest == "command")
    return {choice.dest: choice.help for choice in action._choices_actions}


def test_the_static_table_gives_each_group_its_modules_own_help():
    assert group_helps(build_parser()) == COMMANDS


def test_a_lazily_built_parser_lists_every_group_alike():
    assert group_helps(build_parser(["--help"])) == COMMANDS
    assert group_helps(build_parser(["schemes", "list"])) == COMMANDS


def test_the_command_is_the_first_word_that_is_not_an_option_or_the_db_path():
    assert chosen_command(["--db", "schemes", "applicants", "list"]) == "applicants"
    assert chosen_command(["--json", "--db=x.db", "db", "check"]) == "db"
    assert chosen_command(["--help"]) is None
    assert chosen_command(["nonsense", "schemes"]) is None


def imported_after(argv: list[str]) -> list[str]:
    code = ("import json, sys\nfrom brandmark.cli import main\ntry:\n    main(%r)\nexcept SystemExit:\n    pass\n"
            "print(json.dumps(sorted(sys.modules)))" % (argv,))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_help_imports_no_command_module_and_nothing_heavy():
    modules = imported_after(["--help"])
    assert [m for m in modules if m.startswith("brandmark.cli.") or m.split(".")[0] in HEAVY
            or m.startswith(HEAVY)] == []


def test_a_group_imports_its_own_module_only():
    modules = imported_after(["judge", "--help"])
    assert "brandmark.cli.judge" in modules
    assert [m for m in modules if m.startswith("brandmark.cli.") and m != "brandmark.cli.judge"] == []


def test_a_read_command_imports_no_sqlite_utils_nor_dataclasses(tmp_path):
    """``applicants list`` reads on plain sqlite3 (store.register_database): sqlite-utils and what
    it imports, dataclasses (with inspect) and the TOML parser are left to commands that need them."""
    from brandmark.store import Store

    db = tmp_path / "read.db"
    with Store(db) as store:
        store.applicants.add(name="杭州示例电器有限公司", uscc="91350100M000100Y43", region="hangzhou")
    modules = imported_after(["--db", str(db), "applicants", "list", "--search", "杭州"])
    assert "brandmark.store.applicants" in modules          # the command did read the register
    later = ("sqlite_utils", "click", "dateutil", "pluggy", "numpy", "dataclasses", "inspect", "tomllib")
    assert [m for m in modules if m.split(".")[0] in later] == []
