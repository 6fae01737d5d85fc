"""Verifying from a picture: the QR code of a real rendered certificate page, turned and
scaled, in PNG and JPEG, read with zxing-cpp; pictures without a certificate's code refused."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from brandmark.errors import RefusedInput
from test_certificates_support import have, issued, pdf_to_png

pytestmark = pytest.mark.skipif(not have("pdftoppm"), reason="needs poppler-utils (pdftoppm) to render the page")


@pytest.fixture
def page_png(store, tmp_path):
    """A certificate, printed to PDF and rendered to a picture as a scanner would."""
    cert = issued(store)
    pdf = store.certificates.write_pdf(cert["number"], tmp_path / "cert.pdf")
    return cert, pdf_to_png(pdf, tmp_path / "page", dpi=200)


def test_a_rendered_page_verifies_as_the_certificate(store, page_png):
    cert, png = page_png
    result = store.certificates.verify_image(png)
    assert result["genuine"] and result["status"] == "valid" and result["number"] == cert["number"]


def test_a_turned_scaled_jpeg_photo_still_verifies(store, page_png, tmp_path):
    """Like a phone photo: turned 17°, scaled to 80 %, JPEG-compressed (about 3 pixels a module:
    at 150 dpi and 60 % a quarter of the pages did not read, which is a fair limit)."""
    cert, png = page_png
    with Image.open(png) as page:
        photo = page.convert("RGB").rotate(17, expand=True, fillcolor=(200, 200, 190))
        photo = photo.resize((int(photo.width * 0.6), int(photo.height * 0.6)))
    path = tmp_path / "photo.jpg"
    photo.save(path, quality=80)
    result = store.certificates.verify_image(path)
    assert result["genuine"] and result["number"] == cert["number"]
    sideways = tmp_path / "sideways.png"
    with Image.open(png) as page:
        page.rotate(90, expand=True).save(sideways)
    assert store.certificates.verify_image(sideways)["number"] == cert["number"]


def test_a_suspended_certificate_is_reported_suspended_from_its_picture(store, page_png):
    cert, png = page_png
    store.certificates.suspend(cert["number"], reason="监督抽样不合格", by="李四")
    assert store.certificates.verify_image(png)["status"] == "suspended"


def test_a_picture_without_a_qr_code_is_refused(store, tmp_path):
    picture = Image.new("RGB", (600, 400), "white")
    ImageDraw.Draw(picture).text((40, 180), "no QR code here", fill="black")
    path = tmp_path / "blank.png"
    picture.save(path)
    with pytest.raises(RefusedInput) as refused:
        store.certificates.verify_image(path)
    assert refused.value.problems[0].code == "qr_image.no_code"


def test_a_qr_code_that_is_not_a_certificate_is_refused(store, tmp_path):
    import segno
    path = tmp_path / "url.png"
    segno.make("https://example.org/not-a-certificate", error="m").save(str(path), scale=8)
    with pytest.raises(RefusedInput) as refused:
        store.certificates.verify_image(path)
    assert refused.value.problems[0].code == "qr_image.not_a_certificate"


def test_a_file_that_is_not_a_picture_is_refused(store, tmp_path):
    path = tmp_path / "notes.png"
    path.write_text("not an image")
    with pytest.raises(RefusedInput) as refused:
        store.certificates.verify_image(path)
    assert refused.value.problems[0].code == "qr_image.unreadable"


def test_the_cli_verifies_a_picture(store, page_png, tmp_path):
    from safety_support import run_cli
    cert, png = page_png
    store.close()
    code, out, err = run_cli("--db", tmp_path / "test.db", "certificates", "verify", "--image", png)
    assert code == 0, err
    assert cert["number"] in out and "GENUINE" in out
    blank = tmp_path / "blank.png"
    Image.new("RGB", (200, 200), "white").save(blank)
    code, _, err = run_cli("--db", tmp_path / "test.db", "certificates", "verify", "--image", blank)
    assert code == 2 and ("二维码" in err or "QR code" in err)
