"""The CLI reference (docs/cli.md) is the parser's, and every command and option says what it does."""

from __future__ import annotations

import argparse

import pytest

from brandmark.cli.reference import REFERENCE, REGENERATE, commands, reference_markdown


def test_the_cli_reference_is_current():
    current = REFERENCE.read_text(encoding="utf-8") if REFERENCE.exists() else ""
    if current != reference_markdown():
        pytest.fail(f"docs/cli.md is stale (a command or option changed): run `.venv/bin/{REGENERATE}` "
                    "and commit docs/cli.md", pytrace=False)


def test_every_command_and_option_has_help():
    missing = []
    for prog, parser, text in commands():
        if not text.strip():
            missing.append(prog)
        for action in parser._actions:
            if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
                continue
            if not (action.help or "").strip():
                missing.append(f"{prog} {'/'.join(action.option_strings) or action.dest}")
    assert missing == [], "no help text: " + ", ".join(missing)


def test_the_reference_lists_every_command():
    text = reference_markdown()
    for prog, _parser, _text in commands():
        assert f" {prog}\n" in text, prog


def test_check_mode_says_how_to_regenerate(tmp_path, capsys):
    from brandmark.cli.reference import main

    stale = tmp_path / "cli.md"
    stale.write_text("old\n", encoding="utf-8")
    assert main(["--check", str(stale)]) == 1
    assert REGENERATE in capsys.readouterr().err
    assert main([str(stale)]) == 0 and main(["--check", str(stale)]) == 0
