"""A school committee secretary adds the meeting record that meets the counted minimum
(党委会议每年专题研究意识形态工作不少于2次), and the 宣传部's board cell changes colour."""

import datetime as dt

import pytest
from django.utils import timezone

from netduty.org.tests.factories import appoint, make_person
from tests.browser.helpers import SHOTS, login, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
GREEN, AMBER, GRAY = "rgb(50, 168, 82)", "rgb(245, 181, 70)", "rgb(208, 213, 221)"




def board_cell(page, slot, unit):
    page.goto(f"{page.base}/duties/board/?slot={slot}")
    cell = page.locator(f"#board tr[data-unit='{unit.pk}'] td[data-task='committee_meetings']")
    colour = cell.evaluate("el => getComputedStyle(el).backgroundColor")
    return cell.get_attribute("data-status"), colour, cell.inner_text()


def test_secretary_meeting_completes_counted_task_and_board_turns_green(page, world):
    from netduty.duties import services
    from netduty.duties.tests.factories import at, meeting

    SHOTS.mkdir(parents=True, exist_ok=True)
    today = timezone.localdate()
    secretary = make_person("张书记", world.root, username="rootsec")
    appoint(secretary, world.root, "first_responsible", world.pack)
    services.generate_year(actor=None, year=today.year)
    if today.month > 6:  # the first half already has its meeting: the year is 1/2, in progress
        meeting(world.root, dt.date(today.year, 3, 20), entered=at(dt.date(today.year, 3, 20)))
        slot, before, after = str(today.year), ("in_progress", AMBER, "1/2"), ("done", GREEN, "2/2")
    else:  # first half: the half-year period goes from nothing to done
        slot, before, after = f"{today.year}-H1", ("not_started", GRAY, "0/1"), ("done", GREEN, "1/1")

    login(page, "propaganda")
    assert board_cell(page, slot, world.root) == before
    page.screenshot(path=str(SHOTS / "duties-board-before.png"), full_page=True)
    logout(page)

    login(page, "rootsec")
    page.click("nav.mainnav >> text=重点任务")
    page.click(f"text={world.root.name}")
    page.click("#add-meeting")
    page.select_option("select[name=kind]", "meeting.committee_ideology")
    page.fill("input[name=title]", "党委会专题研究意识形态工作")
    page.fill("input[name=date]", today.isoformat())
    page.fill("input[name=place]", "行政楼第一会议室")
    page.fill("input[name=chair]", "张书记")
    page.fill("textarea[name=attendees]", "张书记、王宣传、刘校长")
    page.fill("textarea[name=absentees]", "郑纪委（出差）")
    page.fill("textarea[name=topics]", "分析研判意识形态领域形势，研究网络阵地管理")
    page.fill("textarea[name=decisions]", "加强网络评论员队伍建设")
    page.click("#meeting-form button[type=submit]")
    page.wait_for_url("**/duties/meetings/**")
    assert "会议记录已登记" in page.locator(".messages").inner_text()
    page.screenshot(path=str(SHOTS / "duties-meeting.png"), full_page=True)
    logout(page)

    login(page, "propaganda")
    assert board_cell(page, slot, world.root) == after
    assert page.locator("svg.bars").count() == 2
    page.screenshot(path=str(SHOTS / "duties-board-after.png"), full_page=True)
