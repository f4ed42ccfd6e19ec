"""Bounded extraction (issue 9 item 3): streamed docx, character budget, time limit, and the
structured outcome the platform turns into a blocking finding."""

from __future__ import annotations

import io
import zipfile

from netduty.screening import Limits, Rules, Screener

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(paragraphs: int, text: str = "手机13812345678的通知") -> bytes:
    body = "".join(f"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{text}{i}</w:t></w:r></w:p>" for i in range(paragraphs))
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", xml)
    return buf.getvalue()


def test_over_budget_is_truncated_and_reported() -> None:
    s = Screener(Rules.default(), limits=Limits(max_chars=1000))
    r = s.screen_file(_docx(5000), filename="big.docx")
    assert r.error is None
    assert r.chars == 1000 and len(r.text) == 1000
    assert not r.complete
    assert [(p.code, p.blocking) for p in r.problems] == [("over_budget", True)]
    assert "未经检查" in r.problems[0].message and r.notes == [r.problems[0].message]
    # What was read is screened.
    assert r.findings and all(f.category == "pii.mobile" for f in r.findings)
    assert r.findings[0].location == "正文第1段"
    assert r.to_dict()["problems"] == [p.to_dict() for p in r.problems]


def test_time_limit_stops_extraction() -> None:
    s = Screener(Rules.default(), limits=Limits(max_seconds=0.0))
    r = s.screen_file(_docx(50), filename="slow.docx")
    assert r.error is None and not r.complete
    assert [p.code for p in r.problems] == ["timeout"]


def test_within_limits_is_complete() -> None:
    r = Screener(Rules.default()).screen_file(_docx(50), filename="ok.docx")
    assert r.complete and r.problems == [] and "problems" not in r.to_dict()
    assert len(r.findings) == 50


def test_corrupt_xml_and_bomb_are_structured() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w:document xmlns:w='x'><w:body><w:p>")
    r = Screener().screen_file(buf.getvalue(), filename="bad.docx")
    assert r.error and [(p.code, p.blocking) for p in r.problems] == [("corrupt", True)] and not r.complete
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<a>" + b" " * 50_000_000 + b"</a>")
    r = Screener().screen_file(buf.getvalue(), filename="bomb.docx")
    assert r.error and [p.code for p in r.problems] == ["zip_bomb"]


def test_streaming_keeps_tables_text_boxes_and_skips_deleted_text() -> None:
    body = (
        "<w:p><w:r><w:t>甲</w:t></w:r><w:r><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>A1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>B1</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:p><w:r><w:t>A2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "<w:p><w:del><w:r><w:delText>删掉</w:delText></w:r></w:del><w:r><w:instrText>HYPERLINK</w:instrText></w:r>"
        "<w:r><w:t>乙</w:t><w:tab/><w:t>丙</w:t></w:r></w:p>"
    )
    xml = f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", xml)
    from netduty.screening.extract import extract

    ex = extract(buf.getvalue(), "t.docx")
    assert ex.error is None
    assert ex.text == "甲\n框内\nA1\nB1\nA2\n乙\t丙"
    assert [label for _, label in ex.segments] == ["正文第1段", "正文第1段（文本框）", "正文表格1第1行第1列",
                                                     "正文表格1第1行第2列", "正文表格1第2行第1列", "正文第2段"]


def test_xlsx_is_streamed_within_the_budget() -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for i in range(1, 501):
        ws.cell(row=i, column=1, value=f"手机1381234{i:04d}")
    buf = io.BytesIO()
    wb.save(buf)
    r = Screener(Rules.default(), limits=Limits(max_chars=100)).screen_file(buf.getvalue(), filename="a.xlsx")
    assert r.error is None and r.chars == 100 and not r.complete
    assert [p.code for p in r.problems] == ["over_budget"]
    assert r.findings and r.findings[0].location == "Sheet!A1"
    full = Screener(Rules.default()).screen_file(buf.getvalue(), filename="a.xlsx")
    assert full.complete and len(full.findings) == 500
