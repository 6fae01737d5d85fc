"""Batch printing of certificates against a bare reportlab page with the same text and QR.

    python tests/benchmarks/bench_certificates.py [--count 1000]

Set-up (not timed): a fresh register in a temporary folder with ``count`` issued
certificates (mini pack, each from its own granted assessment). Then, in the same run:

* **brandmark**: ``store.certificates.print_pdfs(all numbers, folder)`` — reading each row,
  laying out the fields, frame, emblem, signed QR, metadata and attachment, one file each;
* **bare page**: for each certificate a reportlab canvas with the same font, every text
  field drawn with ``drawString`` (no layout), the same QR (segno + vector path), saved
  to its own file.

Both embed a font subset per file, which dominates the time. Goal: brandmark at most
1.5 times the bare page per certificate, and every file under 150 KB.
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


def bare_page(document, path: Path) -> None:
    """The same strings and QR, drawn with no layout at all."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from brandmark.certificates.qr import draw_qr
    from brandmark.fonts import register_pdf_fonts

    font = register_pdf_fonts()
    c = Canvas(str(path), pagesize=A4, pageCompression=1, initialFontName=font)
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
    draw_qr(c, document.payload, 50, 58, 113)
    c.showPage()
    c.save()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        store = build_register(folder, args.count)
        numbers = [r["number"] for r in store.certificates.list(limit=args.count)]
        documents = [store.certificates.document(n) for n in numbers]
        print(f"set-up: {len(numbers)} certificates issued in {time.perf_counter() - started:.1f} s")

        # Warm both sides up (imports, font registration, caches) before either is timed.
        warm = folder / "warm-up"
        warm.mkdir()
        bare_page(documents[0], warm / "bare.pdf")
        store.certificates.print_pdfs(numbers[:1], warm)

        bare_dir = folder / "bare"
        bare_dir.mkdir()
        started = time.perf_counter()
        for document in documents:
            bare_page(document, bare_dir / f"{document.number}.pdf")
        bare_seconds = time.perf_counter() - started

        started = time.perf_counter()
        paths = store.certificates.print_pdfs(numbers, folder / "certificates")
        brandmark_seconds = time.perf_counter() - started

        sizes = [p.stat().st_size for p in paths]
        bare_sizes = [p.stat().st_size for p in bare_dir.iterdir()]
        n = len(numbers)
        per_bare, per_brandmark = bare_seconds / n * 1000, brandmark_seconds / n * 1000
        print(f"bare reportlab page : {bare_seconds:7.2f} s  ({per_bare:6.1f} ms per certificate, "
              f"mean {statistics.mean(bare_sizes) / 1024:.1f} KB)")
        print(f"brandmark print_pdfs: {brandmark_seconds:7.2f} s  ({per_brandmark:6.1f} ms per certificate, "
              f"mean {statistics.mean(sizes) / 1024:.1f} KB, max {max(sizes) / 1024:.1f} KB)")
        ratio = brandmark_seconds / bare_seconds
        print(f"ratio brandmark / bare: {ratio:.2f}  (goal ≤ 1.5)  "
              f"{'OK' if ratio <= 1.5 else 'OVER GOAL'}; largest file {max(sizes) / 1024:.1f} KB (goal < 150 KB) "
              f"{'OK' if max(sizes) < 150 * 1024 else 'OVER GOAL'}")
        store.close()


if __name__ == "__main__":
    main()
