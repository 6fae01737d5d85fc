"""A certificate's QR code read from a picture: a phone photo or a scan (PNG, JPEG, …).

zxing-cpp finds and decodes the code, turned or scaled, in a grey copy of the picture
(upright first, as the camera's EXIF orientation says). Exactly one brandmark payload
(``BM1:…``) must be in it; anything else is refused with a code of ``[qr_image]``:

* ``unreadable``: not a picture Pillow can open;
* ``no_code``: no QR code found (too small, blurred, cut off, or none at all);
* ``not_a_certificate``: QR codes, but none carries a brandmark payload;
* ``several_certificates``: two different payloads (photograph one certificate at a time).

A picture of a QR code carrying a payload (a scan at about 100 dpi):

>>> import segno, tempfile
>>> from pathlib import Path
>>> folder = tempfile.TemporaryDirectory()
>>> picture = Path(folder.name) / "scan.png"
>>> segno.make("BM1:EXAMPLE-PAYLOAD", error="m").save(picture, scale=4, border=4)
>>> read_certificate_qr(picture)
'BM1:EXAMPLE-PAYLOAD'
>>> segno.make("https://example.com").save(picture, scale=4, border=4)
>>> try:
...     read_certificate_qr(picture)
... except RefusedInput as refused:
...     print(refused.problems[0].code)
qr_image.not_a_certificate
>>> folder.cleanup()
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from brandmark.errors import RefusedInput

if TYPE_CHECKING:
    from PIL.Image import Image

PAYLOAD_PREFIX = "BM1:"
# A 100-megapixel photo decodes in a few seconds; anything larger is not a phone picture.
MAX_PIXELS = 100_000_000


def _open_grey(path: Path) -> Image:
    from PIL import Image, ImageOps

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(path) as image:
            image.load()
            upright = ImageOps.exif_transpose(image)
            return upright.convert("L")
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        why = " ".join(str(exc).split())[:200]
        raise RefusedInput.of("qr_image.unreadable", field=("image",), path=str(path), why=why) from None


def qr_texts(path: str | Path) -> list[str]:
    """The text of every QR code in the picture (in the decoder's order, repeats kept)."""
    import zxingcpp

    grey = _open_grey(Path(path))
    qr_only = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    return [code.text for code in zxingcpp.read_barcodes(grey, formats=qr_only)]


def read_certificate_qr(path: str | Path) -> str:
    """The one brandmark payload in the picture at ``path``; refused otherwise (see above)."""
    texts = qr_texts(path)
    if not texts:
        raise RefusedInput.of("qr_image.no_code", field=("image",), path=str(path))
    payloads = list(dict.fromkeys(text.strip() for text in texts if text.strip().startswith(PAYLOAD_PREFIX)))
    if not payloads:
        raise RefusedInput.of("qr_image.not_a_certificate", field=("image",), path=str(path), count=len(texts),
                              text=texts[0][:40])
    if len(payloads) > 1:
        raise RefusedInput.of("qr_image.several_certificates", field=("image",), path=str(path),
                              count=len(payloads))
    return payloads[0]
