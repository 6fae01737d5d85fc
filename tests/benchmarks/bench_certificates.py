"""Batch printing of certificates against a bare reportlab page with the same text and QR.

    python tests/benchmarks/bench_certificates.py [--count 50] [--runs 3]

Set-up (not timed): a fresh register in a temporary folder with ``count`` issued
certificates (mini pack, each from its own granted assessment), and each certificate's
QR matrix encoded once for the floor. Then, taking turns, the median of ``runs`` of:

* **brandmark**: ``store.certificates.print_pdfs(all numbers, folder)`` — reading each row,
  laying out the fields, frame, emblem, signed QR (encoded and drawn), metadata and
  attachment, one file each;
* **floor**: for each certificate a bare reportlab canvas with the same font, every text
  field drawn with ``drawString`` (no layout), and the same QR matrix, already encoded,
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


def bare_page(document, matrix: list[list[bool]], path: Path) -> None:
    """The same strings and QR matrix, drawn with no layout at all and no encoder of ours."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from brandmark.fonts import register_pdf_fonts

    font = register_pdf_fonts()
    c = Canvas(None, pagesize=A4, pageCompression=1, initialFontName=font)
    lines = ["示例认证机构", "Example Certification Body", "认 证 证 书", "CERTIFICATE OF CONFORMITY",
             f"证书编号 Certificate No. {document.number}", "持证人 Certificate holder", document.holder_name,
             "持证人地址 Holder's address", document.holder_address, "统一社会信用代码", document.holder_uscc,
             "产品名称 Product", document.product, "型号规格 Models", document.models, "认证范围 Scope",
             document.scope, "认证依据标准 Standard", document.standard, "认证实施细则 Implementation rule",
             document.implementation_rule, "生产企业地址 Factory address", document.factory_address,
             f"发证日期 {document.issued_on}", f"有效期至 {document.expires_on}", document.authorised_by,
             "经评价，上述产品符合认证依据标准和认证实施细则的要求，特发此证。",
             "The product above was evaluated and conforms to the standard and the implementation rule."]
    y = 800
    for line in lines:
        c.setFont(font, 10)
        c.drawString(60, y, line)
        y -= 18
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
