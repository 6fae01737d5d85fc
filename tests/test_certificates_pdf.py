"""The certificate PDF read back: text, the embedded subset font, the payload it carries, the QR."""

from __future__ import annotations

import subprocess

import pytest
from pypdf import PdfReader

from brandmark.certificates.pdf import ATTACHMENT_NAME
from brandmark.errors import RefusedInput
from test_certificates_support import STRANGE_NAME, have, issued, pdf_to_png
from support import refused_with, only_payload


def fonts_of(reader: PdfReader) -> list[dict]:
    fonts = []
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            fonts.append({"name": str(font["/BaseFont"]),
                          "embedded": bool(descriptor and "/FontFile2" in descriptor.get_object())})
    return fonts


def compact(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def certificate_pdf(store, tmp_path):
    cert = issued(store)
    return cert, store.certificates.write_pdf(cert["number"], tmp_path / "cert.pdf")


def test_text_reads_back_in_chinese_and_english(certificate_pdf):
    cert, path = certificate_pdf
    text = compact(PdfReader(path).pages[0].extract_text())
    for expected in ("认证证书", "CERTIFICATE", cert["number"], "杭州测试电器有限公司", cert["holder_uscc"],
                     "电水壶", "K-1,K-2", "2029-02-28", "李四", "示例认证机构", "ExampleCertificationBody",
                     "Authorisedby", "杭州市余杭区工厂路2号", "T/ZZB0001—2026", "ZJM-006-0001-2026"):
        assert compact(expected) in text, expected


def test_only_the_bundled_font_is_used_embedded_as_a_subset(certificate_pdf):
    _, path = certificate_pdf
    fonts = fonts_of(PdfReader(path))
    assert len(fonts) == 1
    name = fonts[0]["name"]
    assert name.split("+", 1)[1] == "/LXGWWenKai-Regular".lstrip("/") or name.endswith("LXGWWenKai-Regular")
    assert "+" in name and len(name.split("+")[0].lstrip("/")) == 6, f"{name} is not a subset tag"
    assert fonts[0]["embedded"]
    assert path.stat().st_size < 150_000


def test_the_payload_is_in_the_metadata_and_attached(certificate_pdf, store):
    cert, path = certificate_pdf
    reader = PdfReader(path)
    assert reader.metadata["/Keywords"] == cert["payload"]
    assert reader.attachments[ATTACHMENT_NAME][0].decode("ascii") == cert["payload"]
    assert only_payload(path) == cert["payload"]
    result = store.certificates.verify_pdf(path)
    assert result["genuine"] and result["number"] == cert["number"] and result["status"] == "valid"


def test_pdfs_without_a_payload_or_that_are_not_pdfs(store, tmp_path):
    (tmp_path / "plain.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    result = store.certificates.verify_pdf(tmp_path / "plain.pdf")
    assert result["genuine"] is False and "carries no" in result["reason"]
    (tmp_path / "note.txt").write_text("hello")
    with refused_with("certificate.not_pdf"):
        store.certificates.verify_pdf(tmp_path / "note.txt")
    with refused_with("certificate.pdf_unreadable"):
        store.certificates.verify_pdf(tmp_path / "missing.pdf")


def test_a_long_strange_holder_name_prints_whole_and_escaped(store, tmp_path):
    assert len(STRANGE_NAME) == 80
    cert = issued(store, name=STRANGE_NAME, product='带 "引号" 与 <尖括号> & 符号的产品')
    path = store.certificates.write_pdf(cert["number"], tmp_path / "strange.pdf")
    text = compact(PdfReader(path).pages[0].extract_text())
    assert compact(STRANGE_NAME) in text, "the name must wrap, not be cut or swallowed as markup"
    assert compact('带"引号"与<尖括号>&符号的产品') in text
    result = store.certificates.verify_pdf(path)
    assert result["genuine"] and STRANGE_NAME.startswith(result["holder"].rstrip("…"))


def test_a_character_the_main_font_lacks_prints_in_the_fallback_font(store, tmp_path):
    rare = "\u3400"      # CJK Ext-A: not in WenKai, present in Droid Sans Fallback (as in the reports)
    cert = issued(store, name=f"杭州{rare}电器有限公司")
    store.certificates.configure(by="tester", body_name=f"示例{rare}认证机构")
    reader = PdfReader(store.certificates.write_pdf(cert["number"], tmp_path / "rare.pdf"))
    fonts = fonts_of(reader)
    assert any("DroidSansFallback" in f["name"] and f["embedded"] for f in fonts), fonts
    assert f"杭州{rare}电器有限公司" in compact(reader.pages[0].extract_text())


def test_a_long_name_on_one_line_shrinks_to_its_room_then_is_cut():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from brandmark.certificates.textlayout import fit_line
    from brandmark.fonts import font_runs

    def width(text: str, size: float) -> float:
        return sum(stringWidth(run, font, size) for font, run in font_runs(text))

    assert fit_line("示例认证机构", 14, 300) == ("示例认证机构", 14)
    body = "浙江省品字标认证联盟" * 6                       # the longest body name the settings take
    line, size = fit_line(body, 14, 475)                   # the header's room
    assert line == body and 6 <= size < 14 and width(line, size) <= 475.01
    line, size = fit_line("李" * 100, 11, 300)
    assert size == 6 and line.endswith("…") and width(line, size) <= 300.01


def test_very_long_fields_still_fit_one_page(store, tmp_path):
    cert = issued(store, address="浙江省杭州市" + "很长的地址" * 90)
    store.db.execute("UPDATE products SET models = ? WHERE applicant_id = ?",
                     [", ".join(f"MODEL-{i:04d}" for i in range(80)), cert["applicant_id"]])
    new = store.certificates.reissue(cert["number"], reason="models added", by="王五")
    path = store.certificates.write_pdf(new["number"], tmp_path / "long.pdf")
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    text = compact(reader.pages[0].extract_text())
    assert "MODEL-0000" in text and new["number"] in text and "Authorisedby" in text


def test_print_many_writes_one_file_each_and_reports_progress(store, tmp_path):
    numbers = [issued(store)["number"] for _ in range(3)]
    seen = []
    paths = store.certificates.print_pdfs(numbers, tmp_path / "out", progress=lambda d, t, n: seen.append((d, t)))
    assert [p.name for p in paths] == [f"{n}.pdf" for n in numbers]
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert all(only_payload(p) for p in paths)
    with refused_with("certificate.not_found"):
        store.certificates.print_pdfs(numbers + ["NOPE-9"], tmp_path / "none")
    assert not (tmp_path / "none").exists()


def test_a_folder_as_the_target_is_refused_and_leaves_nothing(store, tmp_path):
    # It used to end in an unexpected IsADirectoryError (exit 1) from the final rename.
    number = issued(store)["number"]
    folder = tmp_path / "out"
    folder.mkdir()
    with refused_with("certificate.output_is_folder"):
        store.certificates.write_pdf(number, folder)
    assert list(folder.iterdir()) == []


def test_the_pdf_gets_the_users_usual_permissions_not_owner_only(store, tmp_path):
    # The temporary file's 0600 used to stay on the certificate, unreadable to colleagues.
    import os
    import stat
    number = issued(store)["number"]
    previous = os.umask(0o022)
    try:
        path = store.certificates.write_pdf(number, tmp_path / "cert.pdf")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_body_logo_is_printed_instead_of_the_emblem(store, tmp_path):
    from PIL import Image   # pillow comes with reportlab
    Image.new("RGB", (40, 40), (16, 96, 192)).save(tmp_path / "logo.png")
    store.certificates.configure(by="admin", logo=str(tmp_path / "logo.png"))
    cert = issued(store)
    path = store.certificates.write_pdf(cert["number"], tmp_path / "logo.pdf")
    assert "/XObject" in PdfReader(path).pages[0]["/Resources"]
    with refused_with("certificate.logo_unreadable"):
        store.certificates.configure(by="admin", logo=str(tmp_path / "missing.png"))
    (tmp_path / "logo.png").unlink()
    with refused_with("certificate.logo_missing"):
        store.certificates.write_pdf(cert["number"], tmp_path / "again.pdf")


def test_a_file_that_is_not_an_image_is_refused_in_one_line(store, tmp_path):
    (tmp_path / "logo.png").write_text("not an image")
    with refused_with("certificate.logo_unreadable") as refused:
        store.certificates.configure(by="admin", logo=str(tmp_path / "logo.png"))
    assert "\n" not in str(refused.value)    # reportlab's reason came over several lines
    assert store.certificates.body()["logo"] == ""


@pytest.mark.skipif(not (have("pdftoppm") and have("zbarimg")), reason="needs poppler-utils and zbar-tools")
def test_the_printed_qr_scans_back_to_the_payload(certificate_pdf, tmp_path):
    cert, path = certificate_pdf
    png = pdf_to_png(path, tmp_path / "page", dpi=150)
    # QR only: with every symbology on, zbar now and then also reads a stray EAN-8 out of the
    # QR's own modules ("…DJNQ930\n987630"), and the payload is random, so the test flickered.
    scanned = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(png)],
                             capture_output=True, text=True)
    assert scanned.stdout.strip() == cert["payload"]


@pytest.mark.skipif(not have("pdftoppm"), reason="needs poppler-utils")
def test_the_page_renders(certificate_pdf, tmp_path):
    _, path = certificate_pdf
    png = pdf_to_png(path, tmp_path / "page", dpi=40)
    assert png.stat().st_size > 5_000


@pytest.mark.parametrize("copy", [0, 1])
def test_changing_either_copy_of_the_payload_is_caught(certificate_pdf, store, tmp_path, copy):
    cert, path = certificate_pdf
    data = path.read_bytes()
    payload = cert["payload"].encode("ascii")
    starts = [i for i in range(len(data)) if data.startswith(payload, i)]
    assert len(starts) == 2
    position = starts[copy] + 20
    swapped = b"0" if data[position:position + 1] != b"0" else b"1"
    altered = tmp_path / "altered.pdf"
    altered.write_bytes(data[:position] + swapped + data[position + 1:])
    result = store.certificates.verify_pdf(altered)
    assert result["genuine"] is False
