"""``directory export -o DIR`` and ``directory serve DIR [--port N]``: the public certificate directory.

The export is a folder (a read-only SQLite file, Datasette's metadata, the signed status
list and trust list) that Datasette serves or publishes as it is; see docs/directory.md.
Datasette is an optional extra: ``pip install 'brandmark[directory]'``.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from brandmark.cli import body_passphrase
from brandmark.errors import RefusedInput

if TYPE_CHECKING:
    from brandmark.cli import Context, Subcommands

DEFAULT_PORT = 8001


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("directory", parents=[common], help="the public certificate directory, on Datasette (证书名录)")
    commands = p.add_subparsers(dest="action", metavar="ACTION")
    commands.required = True

    p = commands.add_parser("export", parents=[common],
                            help="write the public directory (database, Datasette metadata, signed lists) to DIR")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="the folder to write (new, empty or an "
                                                                         "earlier directory)")
    p.add_argument("--licence", metavar="NAME", help="the data's licence (default CC BY 4.0)")
    p.add_argument("--licence-url", metavar="URL", help="the licence's address")
    p.add_argument("--by", default="", metavar="NAME", help="who publishes it (event log)")
    body_passphrase.add_option(p)
    p.set_defaults(handler=export)

    p = commands.add_parser("serve", parents=[common],
                            help="serve an exported directory with Datasette on 127.0.0.1 (Ctrl+C stops it)")
    p.add_argument("folder", metavar="DIR", help="a folder written by 'directory export'")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, metavar="N",
                   help=f"the port on 127.0.0.1 (default {DEFAULT_PORT})")
    p.set_defaults(handler=serve)


def export(ctx: Context) -> None:
    from brandmark.exports import directory

    a = ctx.args
    options = {key: value for key, value in (("licence", a.licence), ("licence_url", a.licence_url)) if value}
    data = directory.export_directory(ctx.store, a.output, body_passphrase=body_passphrase.read(a), by=a.by,
                                      **options)
    ctx.emit(data, lambda: (f"wrote the certificate directory to {data['folder']}: {data['certificates']} "
                            f"certificates as of {data['as_of']} ("
                            + (", ".join(f"{k} {v}" for k, v in sorted(data["by_status"].items())) or "none")
                            + f"), status list no. {data['status_list_sequence']}; "
                              f"serve it with: brandmark-cli directory serve {data['folder']}"))


def serve(ctx: Context) -> int:
    from brandmark.exports import directory

    a = ctx.args
    if not 1 <= a.port <= 65535:
        raise RefusedInput.of("directory.bad_port", field=("port",), port=a.port)
    arguments = directory.serve_arguments(a.folder, port=a.port)
    try:
        from datasette.cli import cli as datasette_cli
    except ImportError:
        raise RefusedInput.of("directory.no_datasette") from None
    print(f"brandmark-cli: serving {a.folder} on http://127.0.0.1:{a.port}/ (Ctrl+C stops it)", flush=True)
    try:
        datasette_cli.main(args=arguments, prog_name="datasette", standalone_mode=False)
    except KeyboardInterrupt:
        pass
    return 0
