"""Every file brandmark writes appears whole or not at all (issue 8, section 7).

A killed process (a real SIGKILL), a full disk (a real 64 KB tmpfs where the test may mount
one, else ``fsync`` failing with ENOSPC) and an error while the content is made leave neither
a partial target nor a temporary file; an older file of the same name stays as it was.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from brandmark import atomic_files
from brandmark.atomic_files import atomic_path, atomic_write, write_bytes, write_text
from brandmark.cli import main
from brandmark.errors import RefusedInput
from brandmark.store import Store
from support import REPO
from test_certificates_support import BODY_PASSPHRASE, decided_assessment


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


@pytest.fixture(params=["anonymous", "named"])
def temp_kind(request, monkeypatch):
    """Both ways of holding the unfinished bytes: O_TMPFILE (Linux) and a hidden named file."""
    if request.param == "named":
        monkeypatch.setattr(atomic_files, "_can_link_anonymous", lambda: False)
    elif not atomic_files._can_link_anonymous():
        pytest.skip("no O_TMPFILE on this system")
    return request.param


def test_a_write_replaces_the_file_whole_with_the_users_usual_permissions(tmp_path, temp_kind):
    target = tmp_path / "status.json"
    previous = os.umask(0o022)
    try:
        write_text(target, "first")
        write_text(target, "second, longer")
    finally:
        os.umask(previous)
    assert target.read_text() == "second, longer"
    assert (target.stat().st_mode & 0o777) == 0o644
    assert names(tmp_path) == ["status.json"]


def test_a_secret_keeps_its_owner_only_mode(tmp_path, temp_kind):
    write_bytes(tmp_path / "key.pem", b"secret", mode=0o600)
    assert (tmp_path / "key.pem").stat().st_mode & 0o777 == 0o600


def test_an_error_while_writing_keeps_the_old_file_and_leaves_no_temporary(tmp_path, temp_kind):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"the old report")
    with pytest.raises(ZeroDivisionError):
        with atomic_write(target) as out:
            out.write(b"half a new rep")
            1 / 0
    assert target.read_bytes() == b"the old report"
    assert names(tmp_path) == ["report.pdf"]


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_full_disk_is_refused_and_leaves_neither_an_empty_target_nor_a_temporary(tmp_path, monkeypatch,
                                                                                   temp_kind, failing):
    def disk_full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    if failing == "replace" and temp_kind == "anonymous":
        monkeypatch.setattr(atomic_files._TempFile, "_link", lambda self, name: disk_full())
    else:
        monkeypatch.setattr(atomic_files.os, failing, disk_full)
    with pytest.raises(RefusedInput) as refused:
        write_text(tmp_path / "status.json", "x" * 10_000)
    assert refused.value.problems[0].code == "files.disk_full"
    assert names(tmp_path) == []


def test_a_named_temporary_for_sqlite_is_removed_on_failure(tmp_path):
    target = tmp_path / "copy.db"
    with pytest.raises(KeyError):
        with atomic_path(target) as temp:
            temp.write_bytes(b"partial")
            temp.with_name(temp.name + "-journal").write_bytes(b"j")
            raise KeyError("stop")
    assert names(tmp_path) == []


def test_a_folder_or_a_missing_folder_is_refused(tmp_path):
    with pytest.raises(RefusedInput) as refused:
        write_text(tmp_path, "x")
    assert refused.value.problems[0].code == "files.is_folder"
    with pytest.raises(RefusedInput) as refused:
        write_text(tmp_path / "missing" / "x.json", "x")
    assert refused.value.problems[0].code == "files.no_folder"


# -- a real process killed while it writes ------------------------------------------------
KILLED_WRITER = """
import sys, time
from brandmark import atomic_files
if sys.argv[2] == "named":
    atomic_files._can_link_anonymous = lambda: False
with atomic_files.atomic_write(sys.argv[1]) as out:
    out.write(b"%PDF-1.4 half a document")
    out.flush()
    print("writing", flush=True)
    time.sleep(60)
"""


def kill_while_writing(target: Path, kind: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(target), kind],
                              stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert writer.stdout.readline().strip() == "writing"
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL


@pytest.mark.skipif(not atomic_files._can_link_anonymous(), reason="no O_TMPFILE on this system")
def test_a_process_killed_mid_write_leaves_nothing_behind(tmp_path):
    target = tmp_path / "cert.pdf"
    target.write_bytes(b"the old certificate")
    kill_while_writing(target, "anonymous")
    assert names(tmp_path) == ["cert.pdf"]
    assert target.read_bytes() == b"the old certificate"


def test_without_o_tmpfile_a_killed_process_leaves_only_its_hidden_part_file(tmp_path):
    # The documented remainder where O_TMPFILE is missing: one hidden ".NAME.*.part" file,
    # never a partial file under the real name.
    kill_while_writing(tmp_path / "cert.pdf", "named")
    [left] = names(tmp_path)
    assert left.startswith(".cert.pdf.") and left.endswith(".part")


KILLED_PRINT = """
import os, sys, time
import brandmark.certificates.pdf as pdf
original = pdf.render_certificate
def slow_render(document, target):
    if isinstance(target, (str, os.PathLike)):
        return original(document, target)
    target.write(b"%PDF-1.4 the first bytes of a certificate")
    target.flush()
    print("writing", flush=True)
    time.sleep(60)
pdf.render_certificate = slow_render
from brandmark.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.skipif(not atomic_files._can_link_anonymous(), reason="no O_TMPFILE on this system")
def test_a_batch_print_killed_mid_pdf_leaves_no_empty_certificate_files(tmp_path, clock):
    # Killed batch prints used to leave empty ".certificate-*.pdf" files behind.
    (tmp_path / "db").mkdir()
    db = tmp_path / "db" / "register.db"
    with Store(db, clock=clock) as store:
        store.certificates.issue(decided_assessment(store))
        store.certificates.issue(decided_assessment(store))
    out = tmp_path / "out"
    out.mkdir()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    printer = subprocess.Popen([sys.executable, "-c", KILLED_PRINT, "--db", str(db), "certificates", "pdf",
                                "--all-valid", "-o", str(out)], stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert printer.stdout.readline().strip() == "writing"
    finally:
        printer.send_signal(signal.SIGKILL)
        printer.wait(timeout=30)
    assert names(out) == []


# -- a real full disk -----------------------------------------------------------------------
@pytest.fixture
def tiny_disk(tmp_path):
    """A 64 KB tmpfs (needs root and a kernel that lets us mount); skipped elsewhere."""
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root on Linux")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill(disk: Path, leave: int = 0) -> Path:
    """Fill ``disk`` with one file, then give back ``leave`` bytes of room."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    os.truncate(filler, max(filler.stat().st_size - leave, 0))
    return filler


def test_a_certificate_on_a_full_disk_exits_2_with_one_line_and_leaves_nothing(tmp_path, tiny_disk, capsys,
                                                                              clock):
    (tmp_path / "db").mkdir()
    db = tmp_path / "db" / "register.db"
    with Store(db, clock=clock) as store:
        number = store.certificates.issue(decided_assessment(store))["number"]
    (tiny_disk / "status.json").write_bytes(b"an older status list")
    fill(tiny_disk, leave=8192)      # room for a start, not for a certificate
    code = main(["--db", str(db), "certificates", "pdf", number, "-o", str(tiny_disk / "cert.pdf")])
    err = capsys.readouterr().err
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "磁盘已满" in err and "the disk is full" in err
    assert names(tiny_disk) == ["filler", "status.json"]


def test_a_status_list_on_a_full_disk_leaves_no_empty_file(tmp_path, tiny_disk, capsys, clock, monkeypatch):
    # A full disk used to leave 0-byte status lists.
    monkeypatch.setenv("BRANDMARK_BODY_PASSPHRASE", BODY_PASSPHRASE)
    (tmp_path / "db").mkdir()
    db = tmp_path / "db" / "register.db"
    with Store(db, clock=clock) as store:
        store.certificates.issue(decided_assessment(store))
    fill(tiny_disk)
    code = main(["--db", str(db), "certificates", "status-list", "-o", str(tiny_disk / "status.json")])
    err = capsys.readouterr().err
    assert code == 2 and "the disk is full" in err
    assert names(tiny_disk) == ["filler"]


def test_the_cli_reports_a_full_disk_in_one_line_without_a_tmpfs(tmp_path, capsys, clock, monkeypatch):
    (tmp_path / "db").mkdir()
    db = tmp_path / "db" / "register.db"
    with Store(db, clock=clock) as store:
        number = store.certificates.issue(decided_assessment(store))["number"]
    out = tmp_path / "out"
    out.mkdir()

    def disk_full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_files.os, "fsync", disk_full)
    code = main(["--db", str(db), "certificates", "pdf", number, "-o", str(out / "cert.pdf")])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and "the disk is full" in err
    assert names(out) == []


def test_every_writer_goes_through_the_helper():
    """No module of brandmark writes a file another way (the grep of section 7, as a test)."""
    import re

    writes = re.compile(r"""\.write_(bytes|text)\(|\bopen\([^)]*["'][wax]b?\+?["']|mkstemp\(|os\.replace\("""
                        r"""|(Canvas|SimpleDocTemplate)\(\s*(path|str\(|temp|filename)""")
    allowed = {
        "brandmark/atomic_files.py": "",                      # the helper itself
        "brandmark/store/backup.py": "os.replace(temp, db_path)",   # restore: its own swap, under a lock
        "brandmark/ui/qt_screenshots.py": "",                 # the developers' screenshot tool
        "brandmark/workbooks.py": "",     # its own temporary file and rename (to move onto atomic_path)
        "brandmark/store/opening.py": "os.replace(temp, path)",   # a new register linked or renamed into place
    }
    offenders = []
    for path in sorted((REPO / "brandmark").rglob("*.py")):
        relative = path.relative_to(REPO).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not writes.search(line) or line.lstrip().startswith((">>>", "#")):
                continue
            if relative in allowed and allowed[relative] in line:
                continue
            offenders.append(f"{relative}:{number}: {line.strip()}")
    assert offenders == []
