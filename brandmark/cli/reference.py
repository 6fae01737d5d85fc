"""The CLI reference (``docs/cli.md``), written from the parser itself.

    python -m brandmark.cli.reference            # rewrite docs/cli.md
    python -m brandmark.cli.reference --check    # exit 1 when docs/cli.md is stale

``tests/test_cli_reference.py`` fails when the file no longer matches the parser, so a new
command or option cannot ship without its entry (as sqlite-utils does for its docs).

>>> "### brandmark-cli schemes list" in reference_markdown()
True
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import cast

REFERENCE = Path(__file__).resolve().parents[2] / "docs" / "cli.md"
REGENERATE = "python -m brandmark.cli.reference"
WIDTH = 100          # usage lines are wrapped at a fixed width, whatever the terminal


def commands(parser: argparse.ArgumentParser | None = None) -> list[tuple[str, argparse.ArgumentParser, str]]:
    """Every (sub)command as ``(prog, parser, help)``, depth first in the order they are defined."""
    from brandmark.cli import build_parser

    parser = parser or build_parser()
    found = [(parser.prog, parser, parser.description or "")]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            for name, sub in action.choices.items():
                for prog, nested, text in commands(sub):
                    found.append((prog, nested, text if nested is not sub else (helps.get(name) or text)))
    return found


def _usage(parser: argparse.ArgumentParser) -> str:
    # Every parser here formats with HelpFormatter or a subclass of it, which take a width.
    formatter_class = cast("type[argparse.HelpFormatter]", parser.formatter_class)
    formatter = formatter_class(prog=parser.prog, width=WIDTH)
    formatter.add_usage(parser.usage, parser._actions, parser._mutually_exclusive_groups, prefix="")
    return formatter.format_help().strip()


def _metavar(action: argparse.Action, default: str) -> str:
    """How the reference names an argument's value: its metavar (a tuple of them joined), or ``default``."""
    if isinstance(action.metavar, tuple):
        return " ".join(action.metavar)
    return action.metavar or default


def _option_rows(parser: argparse.ArgumentParser) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for action in parser._actions:
        if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
            continue
        if action.option_strings:
            name = ", ".join(action.option_strings)
            if action.nargs != 0:
                name += " " + _metavar(action, action.dest.upper())
        else:
            name = _metavar(action, action.dest)
        text = action.help or ""
        if action.default not in (None, False, "", [], argparse.SUPPRESS) and action.option_strings \
                and "%(default)" not in text and action.nargs != 0:
            text += f" (default: {action.default})"
        rows.append((name, text % {"default": action.default, "prog": parser.prog} if "%(" in text else text))
    return rows


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def reference_markdown() -> str:
    """The whole reference as Markdown."""
    lines = ["# brandmark-cli reference", "",
             f"Written by `{REGENERATE}` from the command parser; do not edit by hand.", ""]
    for prog, parser, text in commands():
        depth = prog.count(" ")
        lines += [f"{'#' * (2 if depth <= 1 else min(depth + 1, 4))} {prog}", ""]
        if text:
            lines += [text.strip(), ""]
        lines += ["```", _usage(parser), "```", ""]
        rows = _option_rows(parser)
        if rows:
            lines += ["| Argument | Meaning |", "| --- | --- |"]
            lines += [f"| `{name}` | {_cell(help_text)} |" for name, help_text in rows]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    arguments = argparse.ArgumentParser(prog=REGENERATE, description="Write docs/cli.md from the parser.")
    arguments.add_argument("--check", action="store_true", help="only check; exit 1 when the file is stale")
    arguments.add_argument("path", nargs="?", default=str(REFERENCE), help="the file (default: docs/cli.md)")
    args = arguments.parse_args(argv)
    text = reference_markdown()
    target = Path(args.path)
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print(f"{target} is stale: run `{REGENERATE}` to regenerate it", file=sys.stderr)
            return 1
        return 0
    from brandmark.atomic_files import write_text
    write_text(target, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
