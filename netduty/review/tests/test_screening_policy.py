"""Screening in the platform: the institution's own names, the 涉密 policy, unreadable images."""

import pytest

from netduty.org.models import Unit
from netduty.policy.models import PolicyPack
from netduty.review.services.screening import rule_data, screener

from .factories import submit

pytestmark = pytest.mark.django_db


def _set_pack(pack, **data):
    merged = {**pack.data, **data}
    PolicyPack.objects.filter(pk=pack.pk).update(data=merged)


def test_default_pack_names_the_institution(rw):
    scr, _key = screener()
    found = {f.text for f in scr.screen_text("邵阳大学和绍阳学院的通知；邵阳学院团委。")}
    assert {"邵阳大学", "绍阳学院"} <= found and "邵阳学院" not in found
    assert not [f for f in scr.screen_text("邵阳学院团委举办读书会。")]


def test_the_top_party_committee_names_the_institution(rw):
    """The X of 中共X委员会 (the root unit) is the institution's name, with no pack entry."""
    Unit.objects.filter(pk=rw.root.pk).update(name="中共湘中师范学院委员会")
    data = rule_data()
    assert data["names"][:2] == ["邵阳学院", "湘中师范学院"]
    scr, _key = screener()
    found = scr.screen_text("湘中示范学院与湘中师范大学联合举办，湘中师范学院承办。")
    texts = [f.text for f in found]
    assert "湘中示范学院" in texts and "湘中师范大学" in texts
    assert "湘中师范学院" not in texts
    assert not scr.screen_text("湘中师范学院文学院举办读书分享会。")


def test_pack_institution_names_short_names_and_wrong_forms(rw):
    _set_pack(rw.pack, institution={"name": "湘中师范学院", "short_names": ["湘中师院"],
                                    "wrong_forms": ["湘中师大", {"wrong": "湖中师范学院", "right": "湘中师范学院"}]})
    scr, _key = screener()
    texts = {f.text: f for f in scr.screen_text("湘中示范学院、湘中师范大学、湘中师大、湖中师范学院、湘中师阮。")}
    assert {"湘中示范学院", "湘中师范大学", "湘中师大", "湖中师范学院", "湘中师阮"} <= set(texts)
    assert texts["湖中师范学院"].suggestion == "湘中师范学院"
    assert not scr.screen_text("湘中师范学院（湘中师院）文学院。")


def test_a_submission_carries_the_institution_findings(rw):
    _set_pack(rw.pack, institution={"name": "湘中师范学院"})
    sub = submit(rw, title="湘中示范学院读书会", body="<p>湘中师范大学与湘中师范学院联合举办。</p>")
    rows = {(f.part, f.text) for f in sub.current_revision.findings.all()}
    assert ("title", "湘中示范学院") in rows and ("body", "湘中师范大学") in rows
    assert not any(text == "湘中师范学院" for _part, text in rows)


# ---- 涉密 policy ------------------------------------------------------------------------------

SECRET_BODY = "<p>机密★1年</p><p>文学院关于读书分享会的安排。</p>"


def test_secrecy_blocks_approval_by_default_even_with_a_reason(rw):
    from django.core.exceptions import ValidationError

    from netduty.review.models import State

    from .factories import decide

    assert submit(rw).current_revision.findings.filter(category="secrecy").count() == 0
    sub = submit(rw, body=SECRET_BODY)
    assert sub.current_revision.findings.filter(category="secrecy").exists()
    assert [s["name"] for s in sub.current_revision.stages] == ["初审", "复审", "终审"]
    with pytest.raises(ValidationError) as info:
        decide(sub, rw.checker, high_reason="已核实，这是公开的示例材料")
    assert "涉密标志" in " ".join(info.value.messages) and "机密★1年" in " ".join(info.value.messages)
    sub.refresh_from_db()
    assert sub.stage == 1 and not sub.decisions.exists()
    decide(sub, rw.checker, outcome="return", comment="删除密级标志")
    sub.refresh_from_db()
    assert sub.state == State.RETURNED


def test_secrecy_escalates_to_the_propaganda_stage_when_the_pack_says_so(rw):
    from netduty.review import services
    from netduty.review.models import State

    from .factories import approve_all, decide

    _set_pack(rw.pack, review={**rw.pack.data["review"], "secrecy_finding": "escalate"})
    assert [s["name"] for s in submit(rw).current_revision.stages] == ["初审", "复审", "终审"]
    sub = submit(rw, body=SECRET_BODY)
    assert [s["name"] for s in sub.current_revision.stages] == ["初审", "复审", "终审", "宣传部审核"]
    approve_all(rw, sub, high_reason="标志为引用的示例，已核实")
    assert sub.state == State.REVIEWING and sub.stage == 4
    decide(sub, rw.propaganda, high_reason="宣传部核实：可以公开")
    sub.refresh_from_db()
    assert sub.state == State.APPROVED and services.approved_chain_ok(sub)


def test_escalate_refuses_a_chain_without_the_office_stage(rw):
    """A revision written before the pack said escalate has no 宣传部 stage: its last stage
    cannot pass a secrecy finding on a reason."""
    from django.core.exceptions import ValidationError

    from .factories import decide

    sub = submit(rw, body=SECRET_BODY)
    _set_pack(rw.pack, review={**rw.pack.data["review"], "secrecy_finding": "escalate"})
    decide(sub, rw.checker, high_reason="转宣传部核实")
    decide(sub, rw.head, high_reason="转宣传部核实")
    with pytest.raises(ValidationError, match="没有宣传部阶段"):
        decide(sub, rw.dean, high_reason="转宣传部核实")


def test_the_decision_form_says_why(rw, client):
    sub = submit(rw, body=SECRET_BODY)
    client.force_login(rw.checker)
    page = client.get(f"/review/{sub.pk}/").content.decode()
    assert 'id="secrecy-notice"' in page and "按制度不能通过" in page
    clean = submit(rw)
    assert 'id="secrecy-notice"' not in client.get(f"/review/{clean.pk}/").content.decode()


# ---- image attachments: OCR, or a visible notice ------------------------------------------------

def _no_ocr(monkeypatch):
    """The deployment without the optional OCR engine."""
    from netduty.screening.extract import ocr

    monkeypatch.setattr(ocr, "ocr_available", lambda: False)


def _scanned_pdf() -> bytes:
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def test_without_ocr_an_image_or_scanned_pdf_says_it_was_not_read(rw, monkeypatch, client):
    from netduty.review.services.content import Upload

    from .factories import docx, png

    _no_ocr(monkeypatch)
    sub = submit(rw, uploads=[Upload("海报.png", png()), Upload("扫描件.pdf", _scanned_pdf()),
                              Upload("通知.docx", docx("文学院读书分享会通知"))])
    notices = {f.attachment.name: f for f in sub.current_revision.findings.filter(category="notice")}
    assert set(notices) == {"海报.png", "扫描件.pdf"}
    assert notices["海报.png"].message.startswith("未识别图片文字") and notices["海报.png"].severity == "medium"
    assert "第1页" in notices["扫描件.pdf"].message
    client.force_login(rw.checker)
    page = client.get(f"/review/{sub.pk}/").content.decode()
    assert page.count("未识别图片文字") >= 2


def _render(lines: list[str]) -> bytes:
    import io

    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(_cjk_font(), 40)
    img = Image.new("RGB", (900, 120 + 70 * len(lines)), "white")
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((40, 50 + 70 * i), line, fill="black", font=font)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def _cjk_font() -> str:
    import glob

    for pattern in ("/usr/share/fonts/**/NotoSansCJK*.tt[cf]", "/usr/share/fonts/**/*CJK*.tt[cf]",
                    "/usr/share/fonts/**/wqy*.tt[cf]", "/usr/share/fonts/**/*.ttc"):
        found = sorted(glob.glob(pattern, recursive=True))
        if found:
            return found[0]
    pytest.skip("no CJK font installed")


def test_with_ocr_an_image_attachment_is_screened(rw):
    from netduty.review.services.content import Upload
    from netduty.review.services.screening import ocr_available

    if not ocr_available():
        pytest.skip("the optional OCR engine (pip install .[ocr]) is not installed")
    image = _render(["机密★1年", "联系电话 13812345678"])
    sub = submit(rw, uploads=[Upload("通知.png", image)])
    rows = {f.category for f in sub.current_revision.findings.all()}
    assert "secrecy" in rows
    assert any(c.startswith("pii") for c in rows), rows
    assert "notice" not in rows
