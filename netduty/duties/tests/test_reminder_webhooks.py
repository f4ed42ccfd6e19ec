"""Reminders also post one short summary per unit to the group robots, after the run commits,
against a local robot on 127.0.0.1."""

import datetime as dt

import pytest
from django.test import override_settings

from netduty.core.tests.robots import RobotServer
from netduty.duties import services

from .factories import generate

pytestmark = pytest.mark.django_db
Q1_DUE = dt.date(2025, 3, 31)


@pytest.fixture
def robots(settings):
    server = RobotServer()
    settings.NETDUTY_WEBHOOKS = [{"kind": "wecom", "url": server.url("/wecom")},
                                 {"kind": "feishu", "url": server.url("/feishu"), "secret": "K"}]
    settings.NETDUTY_BASE_URL = "https://netduty.example.edu.cn"
    yield server
    server.close()


def test_one_summary_per_unit_after_commit(world, robots, django_capture_on_commit_callbacks):
    generate(2025)
    day = Q1_DUE - dt.timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        result = services.run_reminders(day=day)
        assert robots.posts == []  # nothing before the transaction commits
    assert callbacks and result["webhooks"] >= 2
    posts = robots.bodies("/wecom")
    assert len(posts) == result["webhooks"] == len(robots.bodies("/feishu"))
    texts = {p["markdown"]["content"].split("\n", 1)[0]: p["markdown"]["content"] for p in posts}
    college = texts["**【重点任务提醒】文学院党总支**"]
    assert "截至2025年3月21日：即将到期" in college and "舆情研判" in college and "还有10天" in college
    assert f"https://netduty.example.edu.cn/duties/units/{world.college_a.pk}/?year=2025" in college
    assert all("外国语学院" not in text for key, text in texts.items() if "文学院" in key)
    # the next day's run has no new stage: no robot message either
    with django_capture_on_commit_callbacks(execute=True):
        assert services.run_reminders(day=day + dt.timedelta(days=1))["webhooks"] == 0
    assert len(robots.bodies("/wecom")) == len(posts)


def test_overdue_and_escalation_are_summarised(world, robots, django_capture_on_commit_callbacks):
    from netduty.org.tests.factories import appoint, make_person

    appoint(make_person("孙书记", world.root), world.root, "first_responsible", world.pack)
    generate(2025)
    with django_capture_on_commit_callbacks(execute=True):
        services.run_reminders(day=dt.date(2025, 4, 9))
    college = next(p["markdown"]["content"] for p in robots.bodies("/wecom") if "文学院党总支" in
                   p["markdown"]["content"].split("\n", 1)[0])
    assert "【督办】" in college and "已逾期9天" in college and "其中督办" in college


@override_settings(NETDUTY_DUTIES_REMIND_WEBHOOKS=False)
def test_duties_robots_can_be_switched_off(world, robots, django_capture_on_commit_callbacks):
    generate(2025)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.run_reminders(day=Q1_DUE - dt.timedelta(days=10))["webhooks"] == 0
    assert robots.posts == []


def test_no_robots_configured_sends_nothing(world, settings, django_capture_on_commit_callbacks):
    settings.NETDUTY_WEBHOOKS = []
    generate(2025)
    with django_capture_on_commit_callbacks(execute=True):
        result = services.run_reminders(day=Q1_DUE - dt.timedelta(days=10))
    assert result["webhooks"] == 0 and result["due_soon"] > 0
