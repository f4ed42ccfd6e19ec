"""File extraction: formats, locations, and hostile or corrupt input (per-file error, no crash)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from netduty.screening import Limits, Rules, Screener
from netduty.screening.extract.ocr import ocr_available

S = Screener(Rules.from_dict({"names": ["邵阳学院"], "people": [{"name": "张三", "titles": ["党委书记"]},
                                                            {"name": "李四", "titles": ["校长"]}]}))


def _check(result) -> None:  # type: ignore[no-untyped-def]
    assert result.error is None, result.error
    for f in result.findings:
        assert result.text[f.start : f.end] == f.text


def test_txt_bom_and_crlf_offsets(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes("\ufeff标题\r\n机密★10年\r\n手机13812345678\r\n".encode())
    r = S.screen_file(p)
    _check(r)
    assert r.text.startswith("标题\r\n")
    assert [(f.category, f.start) for f in r.findings] == [("secrecy", 4), ("pii.mobile", 14)]
    assert r.findings[0].location is None
    assert "location" not in r.findings[0].to_dict()


def test_gb18030_text() -> None:
    r = S.screen_file("手机13812345678".encode("gb18030"), filename="a.txt")
    _check(r)
    assert [f.category for f in r.findings] == ["pii.mobile"]


def test_html_visible_text_only() -> None:
    html = """<html><head><title>通知</title><script>var a="13812345678";</script>
    <style>.x{}</style></head><body><p>校长<b>张三</b>出席</p><div>手机&nbsp;13900001111</div>
    <!-- 13700001111 --></body></html>""".encode()
    r = S.screen_file(html, filename="a.html")
    _check(r)
    assert "var a" not in r.text and "13700001111" not in r.text
    assert [(f.category, f.text, f.location) for f in r.findings] == [
        ("title", "校长张三", "第2段"), ("pii.mobile", "13900001111", "第3段")]


def test_docx_all_parts(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "内部资料"
    d.sections[0].footer.paragraphs[0].text = "邵阳学园"
    d.add_paragraph("第一段正常。")
    para = d.add_paragraph("校长张三出席会议。")
    t = d.add_table(rows=2, cols=2)
    t.cell(1, 1).text = "手机13812345678"
    d.add_comment(para.runs, text="身份证430502198510154015", author="审核")
    d.add_picture(io.BytesIO(_png()))
    p = tmp_path / "a.docx"
    d.save(str(p))
    r = S.screen_file(p)
    _check(r)
    got = {(f.category, f.text, f.location) for f in r.findings}
    assert ("title", "校长张三", "正文第2段") in got
    assert ("pii.mobile", "13812345678", "正文表格1第2行第2列") in got
    assert ("secrecy", "内部资料", "页眉第1段") in got
    assert ("name", "邵阳学园", "页脚第1段") in got
    assert ("pii.id_card", "430502198510154015", "批注1第1段") in got
    if not ocr_available():
        assert any("OCR" in n for n in r.notes)
    assert "location" in r.findings[0].to_dict()


def test_xlsx_every_sheet(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "名单"
    wb.active["A1"] = "姓名"
    wb.active["B2"] = "430502198510154015"
    wb.active["C2"] = 13812345678
    ws = wb.create_sheet("备注")
    ws["D4"] = "机密★5年"
    p = tmp_path / "a.xlsx"
    wb.save(str(p))
    r = S.screen_file(p)
    _check(r)
    assert [(f.category, f.location) for f in r.findings] == [
        ("pii.id_card", "名单!B2"), ("pii.mobile", "名单!C2"), ("secrecy", "备注!D4")]


def _pdf(text: str) -> bytes:
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_pdf_text_layer() -> None:
    r = S.screen_file(_pdf("Call 13812345678 or see http://example.com/x"), filename="a.pdf")
    _check(r)
    assert [(f.category, f.location) for f in r.findings] == [("pii.mobile", "第1页"), ("link", "第1页")]


def test_pdf_broken_xref_is_recovered_or_reported() -> None:
    data = _pdf("Call 13812345678").replace(b"startxref\n", b"startxref\n99999")
    r = S.screen_file(data, filename="a.pdf")
    assert r.error is None or "PDF" in r.error


def test_encrypted_pdf() -> None:
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter()
    w.append(PdfReader(io.BytesIO(_pdf("13812345678"))))
    w.encrypt(user_password="secret", owner_password="o")
    buf = io.BytesIO()
    w.write(buf)
    r = S.screen_file(buf.getvalue(), filename="a.pdf")
    assert r.error is not None and "加密" in r.error and r.findings == []


def _png() -> bytes:
    import struct
    import zlib

    def chunk(t: bytes, d: bytes) -> bytes:
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)

    raw = b"\x00\xff\xff\xff"
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


# ---- hostile files -------------------------------------------------------------------------
def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in members.items():
            z.writestr(n, d)
    return buf.getvalue()


@pytest.mark.parametrize("name", ["a.docx", "a.xlsx"])
def test_truncated_zip(tmp_path: Path, name: str) -> None:
    import docx

    p = tmp_path / "a.docx"
    docx.Document().save(str(p))
    data = p.read_bytes()
    r = S.screen_file(data[: len(data) // 2], filename=name)
    assert r.error and "损坏" in r.error


def test_zip_bomb() -> None:
    data = _zip({"word/document.xml": b"<a/>", "word/media/bomb.bin": b"\0" * 30_000_000})
    r = S.screen_file(data, filename="a.docx")
    assert r.error and "压缩炸弹" in r.error


def test_zip_total_size_limit() -> None:
    data = _zip({"word/document.xml": b"<a/>", "x": b"abc" * 1000})
    r = Screener(Rules(), limits=Limits(max_unzipped_bytes=1000)).screen_file(data, filename="a.docx")
    assert r.error and "压缩炸弹" in r.error


def test_huge_xlsx_hits_cell_limit() -> None:
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rows = "".join(f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>x{i}</t></is></c></row>' for i in range(1, 200_001))
    sheet = f'<worksheet xmlns="{ns}"><sheetData>{rows}</sheetData></worksheet>'.encode()
    wb = (f'<workbook xmlns="{ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
          '<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>').encode()
    rels = (b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
    data = _zip({"xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels, "xl/worksheets/sheet1.xml": sheet})
    r = Screener(Rules(), limits=Limits(max_cells=100_000)).screen_file(data, filename="a.xlsx")
    assert r.error and "单元格过多" in r.error
    ok = Screener(Rules()).screen_file(data, filename="a.xlsx")
    assert ok.error is None and ok.chars > 1_000_000


def test_xml_entity_expansion_is_not_followed() -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b"<w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>")
    r = S.screen_file(_zip({"word/document.xml": bomb}), filename="a.docx")
    assert r.error is not None or "aaaa" not in r.text


@pytest.mark.parametrize("name", ["a.docx", "a.xlsx", "a.pdf", "a.html", "a.txt", "a.png"])
@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02garbage" * 100, b"PK\x03\x04" + b"\x00" * 50, b"%PDF-1.7\n%%EOF"])
def test_garbage_never_crashes(name: str, data: bytes) -> None:
    r = S.screen_file(data, filename=name)
    assert r.findings == [] or r.error is None


def test_file_too_large(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_bytes(b"a" * 2000)
    r = Screener(Rules(), limits=Limits(max_file_bytes=1000)).screen_file(p)
    assert r.error and "过大" in r.error


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert S.screen_file(tmp_path / "nope.txt").error == "文件不存在"
    assert "目录" in (S.screen_file(tmp_path).error or "")


def test_deeply_nested_html() -> None:
    data = b"<html><body>" + b"<div>" * 50_000 + "手机13812345678".encode() + b"</div>" * 50_000 + b"</body></html>"
    r = S.screen_file(data, filename="a.html")
    assert r.error is None or r.findings == []


def test_legacy_office_is_reported() -> None:
    r = S.screen_file(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, filename="old.doc")
    assert r.error and "旧版 Office" in r.error


def test_device_is_not_read() -> None:
    r = S.screen_file(Path("/dev/zero"))
    assert r.error and "普通文件" in r.error
