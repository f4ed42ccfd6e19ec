"""A unit secretary registers a new WeChat account; the 宣传部 approves it; it appears active in
the registry with its review stages."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import SHOTS, login_demo, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]





def test_secretary_registers_office_approves_channel_is_active(page, demo_org):
    SHOTS.mkdir(parents=True, exist_ok=True)
    login_demo(page, "shuji")  # 文学院党总支书记
    page.click("nav.mainnav >> text=阵地与发布审查")
    page.click("nav.subnav >> text=阵地台账")
    page.click("#register-link")
    assert "文学院党总支" in page.locator("main h2").first.inner_text()
    page.select_option("select[name=platform]", "wechat")
    page.fill("input[name=name]", "文学院青年之声")
    page.fill("input[name=account_id]", "gh_wxy_youth")
    page.fill("input[name=verified_entity]", "湘中师范学院")
    page.fill("input[name=opened_on]", (dt.date.today() - dt.timedelta(days=3)).isoformat())
    admins = page.locator("#fs-admins")
    assert admins.locator("label", has_text="唐小红").locator("input").is_checked()  # 信息员, from appointments
    page.screenshot(path=str(SHOTS / "fronts-register.png"), full_page=True)
    page.click("#register-form button[type=submit]")
    assert page.locator("#channel-name").inner_text().startswith("文学院青年之声")
    assert "备案审批中" in page.locator("#channel-name").inner_text()
    assert "提交即签批" in page.locator("#history").inner_text()
    logout(page)

    login_demo(page, "xcb")  # 宣传部
    page.goto(page.base + "/fronts/requests/")
    page.click("#waiting >> text=文学院青年之声")
    page.check("input[name=decision][value=approve]")
    page.fill("textarea[name=comment]", "同意备案")
    page.click("#decide-form button[type=submit]")
    expect(page.locator("#request-state")).to_have_text("已通过")

    page.goto(page.base + "/fronts/")
    page.select_option("select[name=status]", "active")
    page.fill("#filters input[name=q]", "青年之声")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**status=active**")
    row = page.locator("#registry tbody tr", has_text="文学院青年之声")
    assert row.count() == 1
    assert "在用" in row.inner_text()
    assert row.locator(".stages li").all_inner_texts() == ["初审", "复审", "终审"]
    row.locator("a").first.click()
    assert "唐小红" in page.locator("#people").inner_text()
    assert "初审" in page.locator("#stages").inner_text()
    page.screenshot(path=str(SHOTS / "fronts-detail.png"), full_page=True)


def test_registry_on_a_phone(page, demo_org):
    from netduty.fronts.demo import load_demo

    load_demo()
    page.set_viewport_size({"width": 390, "height": 844})
    login_demo(page, "waiyu")
    page.goto(page.base + "/fronts/")
    assert page.locator(".registry-table").is_hidden()
    cards = page.locator(".cards .card")
    assert cards.count() >= 2 and "外院" in cards.first.inner_text()
    page.screenshot(path=str(SHOTS / "fronts-phone.png"), full_page=True)
    page.goto(page.base + "/fronts/annual/")
    assert "外国语学院党总支" in page.locator("#annual-table").inner_text()
    page.screenshot(path=str(SHOTS / "fronts-annual-phone.png"), full_page=True)
