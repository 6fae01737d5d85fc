"""The body's passphrase on the command line: ``--body-passphrase-file FILE`` or ``BRANDMARK_BODY_PASSPHRASE``.

Never an option with the passphrase itself (it would sit in the shell history and the
process list). The file's first line is the passphrase (a trailing newline is dropped).
Separate from a person's passphrase (``--passphrase-file``/``BRANDMARK_PASSPHRASE``):
issuing a certificate can need both, the authoriser's and the body's.
"""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING, Literal, overload

from brandmark.errors import RefusedInput

if TYPE_CHECKING:
    from brandmark.cli import Context

ENV = "BRANDMARK_BODY_PASSPHRASE"


def add_option(parser: argparse.ArgumentParser, *, alias: bool = False) -> None:
    """``--body-passphrase-file``; in the ``keys`` group also ``--passphrase-file`` (no other passphrase there)."""
    names = ["--body-passphrase-file"] + (["--passphrase-file"] if alias else [])
    parser.add_argument(*names, dest="body_passphrase_file", metavar="FILE",
                        help=f"a file holding the body's passphrase (else ${ENV})")


@overload
def read(args: argparse.Namespace, *, required: Literal[True] = True) -> str: ...


@overload
def read(args: argparse.Namespace, *, required: bool) -> str | None: ...


def read(args: argparse.Namespace, *, required: bool = True) -> str | None:
    """The passphrase given; without one, ``keys.no_passphrase`` when ``required`` (so a
    required read always gives text), else None."""
    path = getattr(args, "body_passphrase_file", None)
    if path:
        from brandmark.store.guard import refuse_if_register_file

        refuse_if_register_file(path)
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.readline().rstrip("\r\n")
        except (OSError, UnicodeDecodeError) as exc:
            raise RefusedInput.of("keys.passphrase_file", path=str(path),
                                  why=getattr(exc, "strerror", None) or str(exc)) from None
    else:
        text = os.environ.get(ENV, "")
    if not text and required:
        raise RefusedInput.of("keys.no_passphrase")
    return text or None


def unlock(ctx: Context) -> None:
    """Open the body's key for this command when a passphrase was given (a locked key is refused
    later, only if something needs to sign)."""
    passphrase = read(ctx.args, required=False)
    if passphrase:
        ctx.store.body_keys.unlock(passphrase)
