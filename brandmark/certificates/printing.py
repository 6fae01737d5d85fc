"""Certificate PDFs as files: one, or a batch into a folder; each appears whole or not at all.

The register (``store.certificates.write_pdf`` / ``print_pdfs``) finds the certificate and
refuses the register's own files as a target; this module turns a register row into the
printed document and writes it (``brandmark.atomic_files``). It loads reportlab: import it
when printing, not at start-up.

The register hands over ``document_from_row(store.certificates.get(number))``; a document
made by hand (``brandmark.certificates.pdf``) is written the same way:

>>> import tempfile
>>> from pathlib import Path
>>> from brandmark.demo import example_certificate_document
>>> document = example_certificate_document()
>>> folder = tempfile.TemporaryDirectory()
>>> write_certificate(document, Path(folder.name) / "certificates" / "BM-ZJA-2026-00001.pdf").name
'BM-ZJA-2026-00001.pdf'
>>> folder.cleanup()
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from brandmark.atomic_files import atomic_write
from brandmark.certificates.pdf import CertificateDocument, render_certificate
from brandmark.errors import RefusedInput


def check_logo(path: str) -> str:
    """The logo's resolved path once reportlab can read it as an image; refused otherwise."""
    from reportlab.lib.utils import ImageReader
    resolved = Path(path).expanduser().resolve()
    try:
        ImageReader(str(resolved)).getSize()
    except Exception as exc:  # noqa: BLE001 — any unreadable image is refused the same way
        # reportlab's message spans lines; the CLI promises one line on stderr.
        why = " ".join(str(exc).split())
        raise RefusedInput.of("certificate.logo_unreadable", path=path, why=why) from None
    return str(resolved)


def document_from_row(row: Mapping[str, Any], logo_path: str | None = None) -> CertificateDocument:
    """The printable document of a certificate as the register holds it (any status)."""
    return CertificateDocument(
        number=row["number"], holder_name=row["holder_name"], holder_address=row["holder_address"],
        holder_uscc=row["holder_uscc"], product=row["product"], models=row["models"], scope=row["scope"],
        standard=row["standard"], implementation_rule=row["implementation_rule"],
        factory_address=row["factory_address"], issued_on=dt.date.fromisoformat(row["issued_on"]),
        expires_on=dt.date.fromisoformat(row["expires_on"]), issuing_body=row["issuing_body"],
        issuing_body_en=row["issuing_body_en"], body_code=row["body_code"], authorised_by=row["authorised_by"],
        payload=row["payload"], key_id=row["key_id"], replaces=row["replaces"],
        surveillance_months=row["surveillance_months"], logo_path=logo_path)


def write_certificate(document: CertificateDocument, path: str | Path) -> Path:
    """Write one certificate PDF to ``path`` (its folder made when missing)."""
    path = Path(path)
    if document.logo_path and not Path(document.logo_path).is_file():
        raise RefusedInput.of("certificate.logo_missing", path=document.logo_path)
    if path.is_dir():
        raise RefusedInput.of("certificate.output_is_folder", path=str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RefusedInput.of("files.cannot_write", path=str(path.parent), reason=exc.strerror or str(exc)) from None
    with atomic_write(path) as out:
        render_certificate(document, out)
    return path


def print_into(numbers: Iterable[str], directory: str | Path, write_one: Callable[[str, Path], Path],
               progress: Callable[[int, int, str], object] | None = None) -> list[Path]:
    """``write_one(number, directory / "NUMBER.pdf")`` for each number; ``progress(done, total, number)``."""
    numbers = list(numbers)
    directory = Path(directory)
    written = []
    for index, number in enumerate(numbers):
        written.append(write_one(number, directory / f"{number}.pdf"))
        if progress:
            progress(index + 1, len(numbers), number)
    return written
