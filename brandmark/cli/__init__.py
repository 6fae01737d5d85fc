"""``brandmark-cli``: a thin shell over the core for batch work and scripts.

Each command opens the store, calls one core function and prints the result;
``--json`` prints machine-readable output. Exit codes: 0 success, 2 refused
input (one line on stderr, nothing written), 1 unexpected error.
"""

from __future__ import annotations

import argparse
import json
import math
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from brandmark import __version__
from brandmark.errors import PackError, RefusedInput
from brandmark.messages import term

if TYPE_CHECKING:
    from brandmark.store import Store

# What a command group's ``register(sub, common)`` adds its parsers to.
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

# Command groups, each a module ``brandmark.cli.NAME`` with ``register(subparsers, common)``,
# and the one-line help its parser gives. The parser is built from this table so that
# ``--help`` and a command import only the module that runs (the others pull in the store,
# numpy, reportlab); tests/test_cli_lazy.py checks the help here is the modules' own.
COMMANDS = {
    "schemes": "criteria packs (认证方案)",
    "people": "the personnel register (人员)",
    "applicants": "the applicant register (申请企业)",
    "applications": "applications for certification and their acceptance (认证申请与受理)",
    "assessments": "assessments (评审) and self-assessments",
    "deadlines": "open applications, assessments, corrective actions and surveillance visits by due date (认证时限)",
    "calendar": "the working calendar deadlines count on: the body's closure days (工作日历)",
    "audits": "audit planning: person-days, team, dates, plan PDF (审核策划)",
    "judge": "judge a measured value against a limit (GB/T 8170)",
    "demo": "load a clearly marked demo data set (【演示】)",
    "certificates": "the certificate register (证书)",
    "surveillance": "surveillance visits (获证后监督): due list, extra visits, decisions, reports",
    "keys": "the body's signing keys and trusted public keys",
    "reports": "assessment reports as PDF (评审报告)",
    "value": "brand-value estimate (relief from royalty, excess earnings; Monte Carlo)",
    "export": "a register to a spreadsheet (.xlsx or .csv)",
    "stats": "the body's statistics (统计)",
    "db": "the register's database: check, back up, restore, verify",
    "directory": "the public certificate directory, on Datasette (证书名录)",
    "exchange": "signed bundles (.bmx) between the body, assessors' laptops and enterprises",
}
COMMAND_MODULES = tuple(COMMANDS)


# Actions that only read the register. On a path where no register is they get an empty
# one in memory (and a note on stderr) instead of a new file; every other action creates
# the register it needs (and takes it back if it is refused: Store.discard_if_new).
READ_ONLY_ACTIONS = {
    "applicants": {"list", "show"},
    "applications": {"list", "show"},
    "calendar": {"list"},
    "audits": {"show", "pdf", "consultancies"},
    "assessments": {"list", "show", "history", "score", "findings", "ranking"},
    "certificates": {"list", "show", "pdf", "verify", "mark-use-list"},
    "surveillance": {"due", "show", "report"},
    "exchange": {"conflicts", "attachments"},
    "keys": {"show", "list", "export-public"},
    "reports": {"assessment", "self", "annual"},
    "schemes": {"list", "show", "validate"},
    "value": {"publish"},
}


# Whole command groups that only read the register (``export`` writes a spreadsheet, never
# the register).
READ_ONLY_COMMANDS = {"export", "stats", "deadlines"}

# Commands that read much of the register and are read while the open's check runs beside
# them (``Store(check_while_reading=True)``): at 100,000 applicants the check alone takes
# longer than the statistics. Their damage warning comes after their output.
CHECKED_WHILE_READING = {"stats"}


def reads_only(args: argparse.Namespace) -> bool:
    command = str(getattr(args, "command", None) or "")
    return command in READ_ONLY_COMMANDS or getattr(args, "action", None) in READ_ONLY_ACTIONS.get(command, ())


class Context:
    """What a command handler gets: parsed args, the store (opened on first use), output."""

    def __init__(self, args: argparse.Namespace) -> None:
        from brandmark.paths import default_db_path
        from brandmark.store import guard

        self.args = args
        self._store: Store | None = None
        self._notes: list[str] = []
        # The register this command works on is guarded from the start, before its store
        # opens: no input or output path of the command may be one of its files.
        self._guarded = default_db_path(getattr(args, "db", None), create_folder=False)
        guard.protect(self._guarded)

    @property
    def json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = self._open_store()
        return self._store

    def _open_store(self) -> Store:
        from brandmark.store import RegisterMissing, Store

        path = getattr(self.args, "db", None)
        beside = str(getattr(self.args, "command", None) or "") in CHECKED_WHILE_READING
        if reads_only(self.args):
            try:
                store = Store(path, create=False, check_while_reading=beside)
            except RegisterMissing as missing:
                # Said once the command is done: a refusal stays the one line it is.
                self._notes.append(_message("db.empty_view", **missing.problems[0].params))
                return Store(":memory:")
        else:
            store = Store(path)
        if reads_only(self.args) and not beside:
            self.warn_if_damaged(store)
        return store

    @staticmethod
    def warn_if_damaged(store: Store) -> None:
        # (A command that writes is refused with the same facts: no warning before it.)
        if store.damage:
            print(f"brandmark-cli: {store.damage_problem('db.opened_read_only')}", file=sys.stderr)

    def emit(self, data: object, text: str | Callable[[], str] | None = None) -> None:
        """Print ``data`` as JSON with ``--json``, else the human text (or JSON if none)."""
        if self.json or text is None:
            # JSON has no NaN or Infinity; a reader's parser would choke on Python's.
            print(json.dumps(finite(data), ensure_ascii=False, indent=2, default=str, allow_nan=False))
        else:
            print(text() if callable(text) else text)

    def store_path(self) -> Path | None:
        """The database path, once the store is open (for messages)."""
        return None if self._store is None else self._store.path

    def close(self, failed: bool = False) -> None:
        """Close the store; after a refused or failed command, a register the command
        created is removed again if nothing but its creation is in it."""
        from brandmark.store import guard

        if self._store is not None:
            if str(getattr(self.args, "command", None) or "") in CHECKED_WHILE_READING:
                self.warn_if_damaged(self._store)
            if failed:
                self._store.discard_if_new()
            else:
                self._store.close()
        guard.release(self._guarded)
        if not failed:
            for note in self._notes:
                print(f"brandmark-cli: {note}", file=sys.stderr)


def _message(code: str, **params: object) -> str:
    from brandmark.errors import Problem
    return Problem(code, (), params).message("bilingual")


def finite(value: object) -> object:
    """``value`` with every NaN or infinite number replaced by ``None``, for JSON output.

    >>> finite({"p10": float("nan"), "values": [1.5, float("inf")], "n": 3})
    {'p10': None, 'values': [1.5, None], 'n': 3}
    """
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(item) for item in value]
    return value


def refuse_nul(argv: list[str]) -> None:
    """A NUL character can reach no file name or text: refuse an argument holding one.

    A shell cannot pass one, but a script calling ``main`` (or a wrapper) can, and
    the operating system would otherwise fail on it deep inside a command.
    """
    for position, argument in enumerate(argv, start=1):
        if isinstance(argument, str) and "\x00" in argument:
            raise RefusedInput.of("cli.nul_in_argument", position=position,
                                  argument=argument.replace("\x00", "\\0")[:80])


def common_options() -> argparse.ArgumentParser:
    """``--db`` and ``--json`` work before or after the command name."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="database file (default: $BRANDMARK_DB or the user data folder)")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print machine-readable JSON")
    return common


def chosen_command(argv: list[str]) -> str | None:
    """The command group ``argv`` names (its first word that is not an option or --db's value)."""
    words = iter(argv)
    for word in words:
        if word == "--db":
            next(words, None)
        elif not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The whole parser; given ``argv``, only the group it names is built in full.

    The other groups are listed by name and help alone, so their modules are not imported.
    """
    import importlib

    common = common_options()
    parser = argparse.ArgumentParser(
        prog="brandmark-cli", parents=[common],
        description="品字标 assessment, scoring, certificates and brand-value estimates (brandmark core).")
    parser.add_argument("--version", action="version", version=f"brandmark {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    chosen = None if argv is None else chosen_command(argv)
    for name, help_text in COMMANDS.items():
        if argv is not None and name != chosen:
            sub.add_parser(name, parents=[common], help=help_text)
            continue
        try:
            module = importlib.import_module(f"brandmark.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"brandmark.cli.{name}":
                continue  # that command group is not built yet
            raise
        module.register(sub, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv == ["--version"]:
        # Answered before the command modules (the store, numpy, reportlab) are imported:
        # the first thing an IT person types after installing should not take a second.
        print(f"brandmark {__version__}")
        return 0
    try:
        refuse_nul(argv)
    except RefusedInput as exc:
        print(f"brandmark-cli: {exc}", file=sys.stderr)
        return 2
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    context = Context(args)
    failed = True
    try:
        code = args.handler(context)
        failed = False
        return 0 if code is None else code
    except PackError as exc:
        for line in exc.lines:
            print(line, file=sys.stderr)
        return 2
    except RefusedInput as exc:
        print(f"brandmark-cli: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (``| head``); nothing more to say.
        sys.stderr.close()
        failed = False
        return 0
    except sqlite3.Error as exc:
        # A read-only or full database outside a store transaction (opening, migrating).
        from brandmark.store.storage_errors import storage_refusal
        refusal = storage_refusal(exc, context.store_path() or getattr(args, "db", None))
        if refusal is None:
            print(f"brandmark-cli: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
        print(f"brandmark-cli: {refusal}", file=sys.stderr)
        return 2
    except UnicodeEncodeError as exc:
        # An argument with bytes that are not UTF-8 (a file name copied from another system,
        # a Latin-1 terminal) reaches Python as lone surrogates, which SQLite cannot take.
        if "surrogates" not in str(exc.reason):
            print(f"brandmark-cli: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
        bad = exc.object[exc.start:exc.end] if isinstance(exc.object, str) else ""
        refusal = RefusedInput.of("cli.not_utf8_argument", character=" ".join(f"U+{ord(c):04X}" for c in bad))
        print(f"brandmark-cli: {refusal}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("brandmark-cli: interrupted", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 — the last line of defence: one clean line
        print(f"brandmark-cli: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    finally:
        context.close(failed=failed)


def read_json_file(path: str, what: str = "file") -> Any:
    """Read a JSON file, refusing a missing or malformed one with a clear message (any JSON
    value, as ``json.load`` gives it: the caller checks the shape it needs)."""
    kind = term("file_kinds", what)       # "answers file" said in each language
    from brandmark.store.guard import refuse_if_register_file

    refuse_if_register_file(path)
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except OSError as exc:
        raise RefusedInput.of("file.unreadable", what=kind, path=str(path), why=str(exc.strerror or exc)) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise RefusedInput.of("file.not_json", what=kind, path=str(path), why=str(exc)) from None
    except ValueError:
        # Python refuses to read integers of more than 4300 digits (int_max_str_digits).
        raise RefusedInput.of("limits.json_number_too_long", path=str(path), limit=sys.get_int_max_str_digits()) from None
    except RecursionError:
        # json nests one Python call per bracket: "[[[[…" a few thousand deep exhausts the stack.
        raise RefusedInput.of("file.too_deep", what=kind, path=str(path)) from None


if __name__ == "__main__":
    sys.exit(main())
