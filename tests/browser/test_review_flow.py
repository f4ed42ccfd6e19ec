"""The whole review path in a browser: the unit's secretary registers the website channel (its URL
on a local web server) and the 宣传部 approves the registration; the editor submits and sees the
findings highlighted; three different people approve the three stages; the editor publishes;
the live check against a local web server finds first the approved text (一致), then — after the
page was altered — a change, with the diff."""


import pytest
from playwright.sync_api import expect

from netduty.org.tests.factories import appoint, make_person
from netduty.review.tests.conftest import Site, article_page
from netduty.review.tests.factories import docx
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
    expect(page.locator(".messages")).to_contain_text("已记录您在")


def register_channel(page, prefix: str):
    """李书记 (文学院 first_responsible) registers the website — 提交即签批 — and the 宣传部 approves it."""
    import datetime as dt

    login(page, "secretary")
    page.goto(page.base + "/fronts/")
    page.click("#register-link")
    page.select_option("select[name=platform]", "website")
    page.fill("input[name=name]", "文学院新闻")
    page.fill("input[name=url]", prefix)
    page.fill("input[name=url_prefix]", prefix)
    page.fill("input[name=opened_on]", (dt.date.today() - dt.timedelta(days=3)).isoformat())
    admins = page.locator("#fs-admins")
    assert admins.locator("label", has_text="唐编辑").locator("input").is_checked()  # 信息员, from appointments
    page.click("#register-form button[type=submit]")
    assert "备案审批中" in page.locator("#channel-name").inner_text()
    logout(page)
    login(page, "propaganda")
    page.goto(page.base + "/fronts/requests/")
    page.click("#waiting >> text=文学院新闻")
    page.check("input[name=decision][value=approve]")
    page.fill("textarea[name=comment]", "同意备案")
    page.click("#decide-form button[type=submit]")
    expect(page.locator("#request-state")).to_have_text("已通过")
    logout(page)


def test_register_submit_review_three_stages_publish_live_check(page, world, site, tmp_path):
    from netduty.fronts.models import Channel, ChannelStatus

    SHOTS.mkdir(parents=True, exist_ok=True)
    # the reviewers of 初审 (a second 信息员) and 终审 (院长); 复审 is 曾主任 (dept_head) of the world
    appoint(make_person("邹审读", world.college_a, username="checker"), world.college_a, "info_officer", world.pack)
    appoint(make_person("黄院长", world.college_a, username="dean"), world.college_a, "unit_head", world.pack)
    register_channel(page, site.prefix)
    channel = Channel.objects.get(unit=world.college_a, name="文学院新闻")
    assert channel.status == ChannelStatus.ACTIVE and channel.url_prefix == site.prefix
    assert list(channel.stages.order_by("order").values_list("name", flat=True)) == ["初审", "复审", "终审"]
    title = "文学院举行读书分享会"

    login(page, "editor")
    page.goto(page.base + "/review/")
    page.click("text=提交新稿件")
    page.select_option("select[name=channel]", str(channel.pk))
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
    expect(page.locator("#state")).to_have_text("已发布")
    assert "一致" in page.locator("#live-result").inner_text()
    chain = page.locator("#chain").inner_text()
    for name in ("唐编辑", "邹审读", "曾主任", "黄院长"):
        assert name in chain
    page.screenshot(path=str(SHOTS / "review-published.png"), full_page=True)

    altered = BODY.replace("曾主任主持", "王某主持").replace("\n", "\n未经审核新增的一段话。\n")
    site.page("/wxy/news/2026/1126.html", article_page(title, "".join(f"<p>{p}</p>" for p in altered.split("\n"))))
    page.click("#run-check")
    expect(page.locator("#live-result")).to_contain_text("已改动")
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
