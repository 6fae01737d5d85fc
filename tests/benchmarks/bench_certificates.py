"""Batch printing of certificates against a bare reportlab page with the same text and QR.

    python tests/benchmarks/bench_certificates.py [--count 50] [--runs 3]

Set-up (not timed): a fresh register in a temporary folder with ``count`` issued
certificates (mini pack, each from its own granted assessment), and each certificate's
QR matrix encoded once for the floor. Then, taking turns, the median of ``runs`` of:

* **brandmark**: ``store.certificates.print_pdfs(all numbers, folder)`` — reading each row,
  laying out the fields, frame, emblem, signed QR (encoded and drawn), metadata and
  attachment, one file each;
* **floor**: for each certificate a bare reportlab canvas with the same font, every string
  the certificate shows drawn once with ``drawString`` at its size (no layout, no fitting,
  no wrapping), the same document metadata, and the same QR matrix, already encoded,
  drawn as one path — none of our code inside, so the QR encoder shows in the ratio —
  written as durably as brandmark writes (temporary file, fsync, rename, the folder
  fsync-ed), with plain os calls.

Goal: brandmark at most 1.5 times the floor per certificate, and every file under 100 KB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))

from _bench import interleaved, medians, report  # noqa: E402


def build_register(folder: Path, count: int):
    from brandmark.store import Store
    from test_certificates_support import decided_assessment

    os.environ["BRANDMARK_DATA_DIR"] = str(folder / "userdata")
    clock = lambda: dt.datetime(2026, 3, 1, 9, tzinfo=dt.timezone.utc)  # noqa: E731
    store = Store(folder / "bench.db", clock=clock, load_bundled_packs=False)
    for i in range(count):
        assessment_id = decided_assessment(store, name=f"浙江测试电器制造有限公司第{i:04d}分公司",
                                           address=f"杭州市西湖区文三路 {i + 1} 号")
        store.certificates.issue(assessment_id)
    return store


def draw_matrix(canvas, matrix: list[list[bool]], x: float, y: float, size: float) -> None:
    """A QR matrix already encoded, drawn as one path of its dark runs with bare reportlab."""
    count = len(matrix) + 8
    module = size / count
    top = y + size - 4 * module
    path = canvas.beginPath()
    for r, row in enumerate(matrix):
        c, width = 0, len(row)
        while c < width:
            if row[c]:
                start = c
                while c < width and row[c]:
                    c += 1
                path.rect(x + (4 + start) * module, top - (r + 1) * module, (c - start) * module, module)
            else:
                c += 1
    canvas.drawPath(path, stroke=0, fill=1)


def _date_zh(date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


def certificate_strings(d) -> list[tuple[float, str]]:
    """Every string a certificate shows, at its size: the same glyphs, so the same font subset."""
    issued, expires = d.issued_on, d.expires_on
    fields = [("持证人", "Certificate holder", d.holder_name), ("持证人地址", "Holder's address", d.holder_address),
              ("统一社会信用代码", "Unified social credit code", d.holder_uscc), ("产品名称", "Product", d.product),
              ("型号规格", "Models", d.models), ("认证范围", "Scope", d.scope), ("认证依据标准", "Standard", d.standard),
              ("认证实施细则", "Implementation rule", d.implementation_rule),
              ("生产企业地址", "Factory address", d.factory_address),
              ("发证日期", "Date of issue", f"{_date_zh(issued)}  ({issued.isoformat()})"),
              ("有效期至", "Valid until", f"{_date_zh(expires)}  ({expires.isoformat()})")]
    if d.replaces:
        fields.append(("替代证书", "Replaces certificate", d.replaces))
    lines = [(9, d.body_code), (14, d.issuing_body), (8.5, d.issuing_body_en), (32, "认 证 证 书"),
             (11, "C E R T I F I C A T E   O F   C O N F O R M I T Y"),
             (12.5, f"证书编号  Certificate No.  {d.number}"), (8.6, "兹证明下列产品经认证符合认证要求。"),
             (8, "This is to certify that the product below has been certified as meeting the certification "
                 "requirements.")]
    for label, label_en, value in fields:
        lines += [(9, label), (6.5, label_en), (10.5, value)]
    lines += [(8.6, "经评价，上述产品符合认证依据标准和认证实施细则的要求，特发此证。有效期内须接受获证后监督"
                    f"（每 {d.surveillance_months} 个月一次）；证书状态以发证机构的证书登记为准。"),
              (7.2, "The product above was evaluated and conforms to the standard and the implementation rule. "
                    f"The certificate stays valid subject to surveillance every {d.surveillance_months} months; "
                    "the issuing body's register is authoritative for its status."),
              (7.5, "扫码验证真伪与状态  Scan to verify"), (6.5, f"Key ID {d.key_id}"),
              (11, f"发证机构  {d.issuing_body}"), (8, f"Issued by {d.issuing_body_en}"), (11, d.authorised_by),
              (8, "授权人  Authorised by"), (10, _date_zh(issued)), (8, f"Date of issue {issued.isoformat()}")]
    return lines


def bare_page(document, matrix: list[list[bool]], path: Path) -> None:
    """The same strings (each drawn once, no layout), metadata and QR matrix, no code of ours."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from brandmark.fonts import register_pdf_fonts

    font = register_pdf_fonts()
    c = Canvas(None, pagesize=A4, pageCompression=1, initialFontName=font)
    c.setTitle(f"认证证书 Certificate {document.number}")
    c.setAuthor(document.issuing_body)
    c.setSubject(f"{document.holder_name} — {document.product}")
    c.setCreator("brandmark")
    c.setKeywords(document.payload)
    y = 810
    for size, line in certificate_strings(document):
        c.setFont(font, size)
        c.drawString(40, y, line)
        y -= 14
    draw_matrix(c, matrix, 50, 58, 48 * 72 / 25.4)      # the certificate's QR_SIZE, 48 mm
    c.showPage()
    durable_write(path, c.getpdfdata())


def durable_write(path: Path, data: bytes) -> None:
    """What ``brandmark.atomic_files`` does for each file, in plain os calls: a temporary file
    in the target folder, written, fsync-ed, renamed over the target, the folder fsync-ed."""
    temp = path.with_name(f".{path.name}.part")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, path)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        store = build_register(folder, args.count)
        numbers = [r["number"] for r in store.certificates.list(limit=args.count)]
        documents = [store.certificates.document(n) for n in numbers]
        print(f"set-up: {len(numbers)} certificates issued in {time.perf_counter() - started:.1f} s")

        from brandmark.certificates.qr import qr_matrix

        # The floor gets each QR matrix ready-made: encoding it is work of ours under test.
        matrices = [qr_matrix(d.payload) for d in documents]

        # Warm both sides up (imports, font registration, caches) before either is timed.
        warm = folder / "warm-up"
        warm.mkdir()
        bare_page(documents[0], matrices[0], warm / "bare.pdf")
        store.certificates.print_pdfs(numbers[:1], warm)

        bare_dir, out_dir = folder / "bare", folder / "certificates"
        bare_dir.mkdir()

        def bare_batch():
            for document, matrix in zip(documents, matrices):
                bare_page(document, matrix, bare_dir / f"{document.number}.pdf")

        outcome = {}
        times = interleaved({
            "bare": bare_batch,
            "brandmark": lambda: outcome.__setitem__("paths", store.certificates.print_pdfs(numbers, out_dir)),
        }, args.runs)
        median = medians(times)
        paths = outcome["paths"]
        n = len(numbers)
        sizes = [p.stat().st_size for p in paths]
        bare_sizes = [p.stat().st_size for p in bare_dir.iterdir()]
        print(f"files: brandmark mean {statistics.mean(sizes) / 1024:.1f} KB, max {max(sizes) / 1024:.1f} KB "
              f"(goal < 100 KB: {'met' if max(sizes) < 100 * 1024 else 'MISSED'}); "
              f"bare mean {statistics.mean(bare_sizes) / 1024:.1f} KB")
        ok = report("certificates", "print_pdfs, one certificate", median["brandmark"] / n,
                    "bare reportlab text + the same QR matrix as one path", median["bare"] / n,
                    goal=1.5, runs=args.runs)
        ok = ok and max(sizes) < 100 * 1024
        store.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
