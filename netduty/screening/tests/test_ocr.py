"""OCR for real (issue 15): images the tests render themselves with the system CJK font.

With the ``ocr`` extra installed (rapidocr + onnxruntime) a phone number and a secrecy marking
drawn into a PNG, and into a scanned (image-only) PDF, are found with their page and region.
Without it, every image says 未识别图片文字 — tested on every machine by hiding the extra.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from netduty.screening import Rules, Screener
from netduty.screening.extract import ocr

S = Screener(Rules.default())
FONTS = [Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
         Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")]
FONT = next((f for f in FONTS if f.exists()), None)
needs_ocr = pytest.mark.skipif(not ocr.ocr_available() or FONT is None, reason="OCR extra or CJK font not installed")


def _render(lines: list[tuple[int, str]], fmt: str = "PNG") -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    assert FONT is not None
    font = ImageFont.truetype(str(FONT), 36)
    img = Image.new("RGB", (900, 420), "white")
    draw = ImageDraw.Draw(img)
    for y, text in lines:
        draw.text((40, y), text, font=font, fill="black")
    buf = io.BytesIO()
    img.save(buf, fmt)
    return buf.getvalue()


LINES = [(40, "机密★5年"), (160, "会议通知"), (280, "联系电话：13812345678")]


def _region(location: str) -> tuple[int, int, int, int]:
    box = location.rsplit("区域 ", 1)[1]
    (x0, y0), (x1, y1) = (map(int, part.split(",")) for part in box.split("–"))
    return x0, y0, x1, y1


@needs_ocr
def test_png_phone_and_marking_found_with_region() -> None:
    r = S.screen_file(_render(LINES), filename="shot.png")
    assert r.error is None and r.complete, r.problems
    got = {f.category: f for f in r.findings}
    assert got["secrecy"].text.startswith("机密★5年") or got["secrecy"].text == "机密★5年"
    assert got["pii.mobile"].text == "13812345678"
    assert r.text[got["pii.mobile"].start : got["pii.mobile"].end] == "13812345678"
    # The region is where the line was drawn (y 40 and y 280, 36 px font).
    x0, y0, x1, y1 = _region(got["secrecy"].location or "")
    assert y0 < 60 < y1 and x0 < 80
    x0, y0, x1, y1 = _region(got["pii.mobile"].location or "")
    assert y0 < 300 < y1
    assert got["pii.mobile"].location.startswith("图片（OCR）第3行")


@needs_ocr
def test_scanned_pdf_page_and_region() -> None:
    from pypdf import PdfReader, PdfWriter

    scan = _render(LINES, "PDF")
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)  # page 1: empty
    for page in PdfReader(io.BytesIO(scan)).pages:
        writer.add_page(page)  # page 2: the scan (no text layer)
    buf = io.BytesIO()
    writer.write(buf)
    r = S.screen_file(buf.getvalue(), filename="scan.pdf")
    assert r.error is None, r.error
    got = {f.category: f for f in r.findings}
    assert got["pii.mobile"].text == "13812345678"
    assert (got["pii.mobile"].location or "").startswith("第2页图片1（OCR）")
    assert (got["secrecy"].location or "").startswith("第2页图片1（OCR）第1行")


def test_without_ocr_images_say_not_recognised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "ocr_available", lambda: False)
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    r = S.screen_file(png, filename="a.png")
    assert r.error is not None and r.error.startswith("未识别图片文字")
    assert not r.complete
    assert [(p.code, p.blocking) for p in r.problems] == [("ocr_unavailable", True)]
    assert r.to_dict()["problems"][0]["code"] == "ocr_unavailable"


def test_without_ocr_docx_images_are_a_blocking_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    import docx

    monkeypatch.setattr(ocr, "ocr_available", lambda: False)
    d = docx.Document()
    d.add_paragraph("正文")
    d.add_picture(io.BytesIO(_tiny_png()))
    buf = io.BytesIO()
    d.save(buf)
    r = S.screen_file(buf.getvalue(), filename="a.docx")
    assert r.error is None
    assert not r.complete
    assert any(p.code == "ocr_unavailable" and "未识别图片文字" in p.message for p in r.problems)
    assert any("未识别图片文字" in n for n in r.notes)


def _tiny_png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))
