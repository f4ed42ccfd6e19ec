"""The whole review path in a browser: (a registered channel exists) the editor submits and sees
the findings highlighted; three different people approve the three stages; the editor publishes;
the live check against a local web server finds first the approved text (一致), then — after the
page was altered — a change, with the diff."""


import pytest

from netduty.review.tests.conftest import Site, article_page
from netduty.review.tests.factories import docx, review_world
from tests.browser.helpers import SHOTS, login, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
BODY = "文学院举行读书分享会，中华人民共合国成立以来的文学作品受到关注。\n李书记出席并讲话，曾主任主持。"


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()




def approve(page, title, reason=""):
    page.goto(page.base + "/review/")
    page.click(f"#queue >> text={title}")
    for q in ("secrecy",):
        page.check(f"input[name=q_{q}][value=no]")
    for q in ("suitability", "accuracy"):
        page.check(f"input[name=q_{q}][value=yes]")
    page.check("input[name=outcome][value=approve]")
    page.fill("textarea[name=comment]", "同意")
    if reason:
        page.fill("textarea[name=high_reason]", reason)
    page.click("form.rv-decide button[type=submit]")
    page.wait_for_load_state()
    assert "已记录您在" in page.locator(".messages").inner_text()


def test_submit_review_three_stages_publish_live_check(page, world, site, tmp_path):
    SHOTS.mkdir(parents=True, exist_ok=True)
    w = review_world(world, prefix=site.prefix)
    title = "文学院举行读书分享会"

    login(page, "editor")
    page.goto(page.base + "/review/")
    page.click("text=提交新稿件")
    page.select_option("select[name=channel]", str(w.channel.pk))
    page.fill("input[name=title]", title)
    page.fill("textarea[name=body]", BODY)
    attachment = tmp_path / "活动方案.docx"
    attachment.write_bytes(docx("活动方案\n联系人手机 13800138000"))
    page.set_input_files("input[name=attachments]", str(attachment))
    page.click("form.rv-form button[type=submit]")
    page.wait_for_url("**/review/*/")
    mark = page.locator("#content mark.f-high").first
    assert "中华人民共合国" in mark.inner_text()
    findings = page.locator("#findings").inner_text()
    assert "建议：中华人民共和国" in findings and "活动方案.docx" in findings
    assert "不能审核自己" in page.locator("#decide").inner_text()
    page.screenshot(path=str(SHOTS / "review-submitted.png"), full_page=True)
    logout(page)

    for username in ("checker", "head", "dean"):  # 初审 信息员 → 复审 部门负责人 → 终审 单位负责人
        login(page, username)
        approve(page, title, reason="系引用作品名中的错字示例，已与作者核实")
        logout(page)

    site.page("/wxy/news/2026/1126.html", article_page(title, "".join(f"<p>{p}</p>" for p in BODY.split("\n"))))
    login(page, "editor")
    page.goto(page.base + "/review/")
    page.click(f"#mine >> text={title}")
    assert page.locator("#state").inner_text() == "已通过终审"
    page.fill("input[name=url]", site.url("/wxy/news/2026/1126.html"))
    page.click("#publish button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("#state").inner_text() == "已发布"
    assert "一致" in page.locator("#live-result").inner_text()
    chain = page.locator("#chain").inner_text()
    for name in ("唐编辑", "邹审读", "曾主任", "黄院长"):
        assert name in chain
    page.screenshot(path=str(SHOTS / "review-published.png"), full_page=True)

    altered = BODY.replace("曾主任主持", "王某主持").replace("\n", "\n未经审核新增的一段话。\n")
    site.page("/wxy/news/2026/1126.html", article_page(title, "".join(f"<p>{p}</p>" for p in altered.split("\n"))))
    page.click("#run-check")
    page.wait_for_load_state()
    assert "已改动" in page.locator("#live-result").inner_text()
    diff = page.locator("#live .rv-diff")
    assert "未经审核新增的一段话" in diff.locator("ins").all_inner_texts()[0] or "未经审核新增的一段话" in diff.inner_text()
    assert "王某" in " ".join(diff.locator("ins").all_inner_texts())
    page.screenshot(path=str(SHOTS / "review-changed.png"), full_page=True)

    # readable on a phone: nothing wider than the screen
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 392, width
    page.screenshot(path=str(SHOTS / "review-phone.png"), full_page=True)
