"""Group robots (netduty.core.webhooks) against a local server on 127.0.0.1: formats, signing,
the background task, timeouts and refusals, nothing sent for a rolled-back transaction."""

import base64
import hashlib
import hmac
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import transaction

from netduty.core import webhooks
from netduty.core.tests.robots import RobotServer


@pytest.fixture
def robots():
    server = RobotServer()
    yield server
    server.close()


def test_every_kind_posts_its_format_with_signatures(robots, settings):
    settings.NETDUTY_WEBHOOKS = [{"kind": "wecom", "url": robots.url("/wecom?key=k")},
                                 {"kind": "DingTalk", "url": robots.url("/ding?access_token=x"), "secret": "S"},
                                 {"kind": "feishu", "url": robots.url("/feishu"), "secret": "F"}]
    settings.NETDUTY_BASE_URL = "https://netduty.example.edu.cn/"
    assert webhooks.send_all("标题", "正文", "/duties/") == 3
    wecom, = robots.bodies("/wecom")
    assert wecom["markdown"]["content"] == "**标题**\n正文\n[查看详情](https://netduty.example.edu.cn/duties/)"
    ding, = robots.bodies("/ding")
    assert ding["markdown"]["title"] == "标题"
    path = next(p for p, _ in robots.posts if p.startswith("/ding"))
    query = parse_qs(urlsplit(path).query)
    ts = query["timestamp"][0]
    assert query["sign"] == [base64.b64encode(hmac.new(b"S", f"{ts}\nS".encode(), hashlib.sha256).digest()).decode()]
    feishu, = robots.bodies("/feishu")
    assert feishu["content"]["text"].endswith("https://netduty.example.edu.cn/duties/")
    expected = base64.b64encode(hmac.new(f"{feishu['timestamp']}\nF".encode(), b"", hashlib.sha256).digest())
    assert feishu["sign"] == expected.decode()


def test_failures_are_logged_not_raised(robots, settings, caplog):
    settings.NETDUTY_WEBHOOKS_TIMEOUT = 0.3
    robots.answers["/refused"] = (200, b'{"errcode": 93000, "errmsg": "invalid webhook url"}')
    robots.answers["/broken"] = (500, b"oops")
    assert not webhooks.send(webhooks.Robot("wecom", robots.url("/refused")), "t", "x")
    assert not webhooks.send(webhooks.Robot("feishu", robots.url("/broken")), "t", "x")
    assert webhooks.send(webhooks.Robot("wecom", robots.url("/plain")), "t", "x")
    robots.delay = 1.0
    assert not webhooks.send(webhooks.Robot("dingtalk", robots.url("/slow")), "t", "x")
    robots.delay = 0
    closed = RobotServer()
    dead = closed.url("/gone")
    closed.close()
    assert not webhooks.send(webhooks.Robot("wecom", dead), "t", "x")
    assert "webhook wecom answered" in caplog.text and "webhook dingtalk failed" in caplog.text


@pytest.mark.django_db
def test_broadcast_runs_the_background_task_after_commit(robots, settings, django_capture_on_commit_callbacks):
    settings.NETDUTY_WEBHOOKS = [{"kind": "wecom", "url": robots.url("/wecom")}]
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            assert webhooks.broadcast_on_commit("提交后发送", "正文")
            assert robots.posts == []
    assert [b["markdown"]["content"] for b in robots.bodies("/wecom")] == ["**提交后发送**\n正文"]
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            webhooks.broadcast_on_commit("回滚", "不发送")
            transaction.set_rollback(True)
    assert len(robots.posts) == 1
    assert webhooks.broadcast("直接", "排队") and len(robots.posts) == 2  # immediate backend in tests


def test_configuration_from_settings_or_environment(monkeypatch, settings):
    settings.NETDUTY_WEBHOOKS = None
    monkeypatch.setenv("NETDUTY_WEBHOOKS", "wecom|https://a.example/x;\n feishu|https://c.example/z|K "
                                           "sms|https://b.example/y ftp|ftp://x")
    assert webhooks.robots() == [webhooks.Robot("wecom", "https://a.example/x"),
                                 webhooks.Robot("feishu", "https://c.example/z", "K")]
    settings.NETDUTY_WEBHOOKS = [{"kind": "dingtalk", "url": "https://d.example/"}]
    assert webhooks.robots() == [webhooks.Robot("dingtalk", "https://d.example/")]
    settings.NETDUTY_WEBHOOKS = []
    monkeypatch.delenv("NETDUTY_WEBHOOKS")
    assert webhooks.robots() == [] and webhooks.broadcast("t", "x") is False
    settings.NETDUTY_BASE_URL = ""
    monkeypatch.setenv("NETDUTY_BASE_URL", "https://e.example")
    assert webhooks.absolute("/review/1/") == "https://e.example/review/1/"
    assert webhooks.absolute("https://other/") == "https://other/"
    with pytest.raises(ValueError):
        webhooks.message("sms", "t", "x")
