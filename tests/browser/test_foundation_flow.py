"""A person logs in, sees the dashboard, opens a unit and reads its responsibility chain at
two dates (the demo data changes the 文学院 secretary on 2026-07-01)."""

import re

import pytest

from tests.browser.helpers import SHOTS, login_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

def test_login_dashboard_unit_chain_at_two_dates(page, demo_org):
    SHOTS.mkdir(parents=True, exist_ok=True)
    login_demo(page, "xcb")
    assert page.locator("h1").first.inner_text().startswith("工作台")
    assert "宣传部" in page.locator("section.card").first.inner_text()
    # the stylesheet really loaded (served by the app, not a CDN)
    bg = page.evaluate("getComputedStyle(document.querySelector('.topbar')).backgroundColor")
    assert bg == "rgb(183, 28, 28)"
    page.screenshot(path=str(SHOTS / "dashboard.png"), full_page=True)

    page.click("nav.mainnav >> text=责任体系")
    page.click("text=文学院党总支")
    assert page.locator("h1").inner_text().startswith("文学院党总支")

    page.fill("#chain-date", "2026-06-30")
    page.click("#chain button[type=submit]")
    page.wait_for_url("**date=2026-06-30**")  # the reloaded page, not the one being left
    first = page.locator(".chain .level").first.locator(".first-responsible")
    assert first.all_inner_texts() == ["周建国"]
    assert "2026年6月30日" in page.locator("#chain-as-of").inner_text()

    page.fill("#chain-date", "2026-07-01")
    page.click("#chain button[type=submit]")
    page.wait_for_url("**date=2026-07-01**")
    assert page.locator(".chain .level").first.locator(".first-responsible").all_inner_texts() == ["李文华"]
    # the chain walks up to the school committee
    assert re.search("中共湘中师范学院委员会", page.locator(".chain .level").last.inner_text())
    page.screenshot(path=str(SHOTS / "unit-chain.png"), full_page=True)


def test_outsider_gets_404_for_another_units_page(page, demo_org):
    from netduty.org.models import Unit

    wxy = Unit.objects.get(code="wxy").pk
    login_demo(page, "waiyu")
    response = page.goto(page.base + f"/org/units/{wxy}/")
    assert response.status == 404
    assert "页面不存在" in page.locator("h1").inner_text()
    page.console_errors.clear()  # the 404 itself is the expected console error

def test_phone_layout_has_menu_toggle(page, demo_org):
    page.set_viewport_size({"width": 390, "height": 844})
    login_demo(page, "shuji")
    assert page.locator("nav.mainnav").is_hidden()
    page.click("label.navtoggle-label")
    assert page.locator("nav.mainnav").is_visible()
    page.screenshot(path=str(SHOTS / "phone.png"))
