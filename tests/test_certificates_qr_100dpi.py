"""The certificate's QR code reads in a 100 dpi rendering of the page (issue 13): with
zxing-cpp always, and with zbar (an independent reader) where ``zbarimg`` is installed;
for a usual certificate and for the longest payload the fields allow (version 15)."""

from __future__ import annotations

import subprocess

import pytest
import zxingcpp
from PIL import Image

from brandmark.certificates.payload import MAX_HOLDER, MAX_PRODUCT
from test_certificates_support import decided_assessment, have, pdf_to_png

pytestmark = pytest.mark.skipif(not have("pdftoppm"), reason="needs poppler-utils (pdftoppm) to render the page")

LONGEST = dict(name=("浙江省杭州市西湖区超长名称测试用电器制造股份有限公司第一分公司附属工厂" * 2)[:MAX_HOLDER + 5],
               product=("家用和类似用途电器电水壶电热水瓶咖啡机豆浆机" * 2)[:MAX_PRODUCT + 5])
# (The standard is a checked T/ZZB NNNN—YYYY number, shorter than its cut, MAX_STANDARD.)


@pytest.mark.parametrize("fields", [{}, LONGEST], ids=["usual", "longest"])
def test_the_qr_code_reads_at_100_dpi(store, tmp_path, fields):
    cert = store.certificates.issue(decided_assessment(store, **fields))
    payload = store.certificates.document(cert["number"]).payload
    if fields:
        assert len(payload) > 450, len(payload)            # holder and product cut to their limits
    pdf = store.certificates.write_pdf(cert["number"], tmp_path / "cert.pdf")
    png = pdf_to_png(pdf, tmp_path / "page", dpi=100)
    with Image.open(png) as page:
        assert page.width == 827                           # A4 at 100 dpi
        read = [code.text for code in zxingcpp.read_barcodes(page, formats=zxingcpp.BarcodeFormat.QRCode)]
    assert read == [payload]
    if have("zbarimg"):
        scanned = subprocess.run(["zbarimg", "--quiet", "--raw", str(png)], capture_output=True, text=True)
        assert scanned.stdout.rstrip("\n") == payload, scanned.stderr
