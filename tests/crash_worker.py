"""A real CLI process writing without pause, for ``tests/test_crash.py`` to SIGKILL.

    python tests/crash_worker.py issue DB ID [ID ...]     certificates issue, one id after another
    python tests/crash_worker.py answer DB ID FILE [FILE ...]  assessments answer, the files in turn, for ever
    python tests/crash_worker.py demo DB                   demo (one load)
    python tests/crash_worker.py backup DB OUT_FOLDER      db backup -o OUT/N.db, for ever

Each command is ``brandmark.cli.main`` exactly as ``brandmark-cli`` runs it, one after
another in this one process (so the interpreter starts once, and a kill lands in a write,
not in the start-up). ``READY`` is printed when the imports are done; after each command
that exits 0 a line ``ACK <what>`` is printed and flushed: that write was acknowledged,
and the test holds the register to it.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import sys

from brandmark.cli import build_parser, main


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(argv)
    return code, out.getvalue()


def ack(text: str) -> None:
    sys.stdout.write(f"ACK {text}\n")
    sys.stdout.flush()


def worker(kind: str, db: str, rest: list[str]) -> None:
    build_parser()          # every command module imported before READY
    print("READY", flush=True)
    if kind == "issue":
        for assessment in rest:
            code, out = run(["--db", db, "certificates", "issue", assessment, "--json"])
            if code == 0:
                ack(f"issue {assessment} {json.loads(out)['number']}")
    elif kind == "answer":
        assessment, files = rest[0], rest[1:]
        for path in itertools.cycle(files):
            code, _ = run(["--db", db, "assessments", "answer", assessment, "--file", path])
            if code == 0:
                ack(f"answer {assessment} {path}")
    elif kind == "demo":
        code, _ = run(["--db", db, "demo"])
        if code == 0:
            ack("demo")
    elif kind == "backup":
        for n in itertools.count():
            target = f"{rest[0]}/backup-{n}.db"
            code, _ = run(["--db", db, "db", "backup", "-o", target])
            if code == 0:
                ack(f"backup {target}")
    else:
        raise SystemExit(f"unknown kind {kind}")
    print("DONE", flush=True)


if __name__ == "__main__":
    worker(sys.argv[1], sys.argv[2], sys.argv[3:])
