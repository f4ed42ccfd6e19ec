"""Notices when something waits: in-app (duties Notification), e-mail, and group robots."""

import base64
import hashlib
import hmac
import json

import pytest
from django.core import mail

from netduty.core import webhooks
from netduty.core.models import Notification

from .factories import decide, submit

pytestmark = pytest.mark.django_db


def test_stage_waiters_are_notified_in_app_and_by_mail(rw, django_capture_on_commit_callbacks):
    from netduty.org import services as org_services

    org_services.person_update(actor=None, person=rw.checker_person, email="checker@example.edu.cn")
    with django_capture_on_commit_callbacks(execute=True):
        sub = submit(rw)
    notes = Notification.objects.filter(key__startswith=f"review:{sub.pk}:")
    assert {n.recipient.name for n in notes} == {"邹审读"}  # the author is not told to review himself
    note = notes.get()
    assert note.kind == "review" and "初审" in note.title and note.url == f"/review/{sub.pk}/"
    assert [m.to for m in mail.outbox] == [["checker@example.edu.cn"]]
    assert note.emailed_at is not None
    with django_capture_on_commit_callbacks(execute=True):
        decide(sub, rw.checker)
    assert Notification.objects.filter(recipient=rw.head_person, key__startswith=f"review:{sub.pk}:").exists()
    with django_capture_on_commit_callbacks(execute=True):
        decide(sub, rw.head, outcome="return", comment="请补充活动照片")
    returned = Notification.objects.get(recipient=rw.editor_person)
    assert "退回" in returned.title and "请补充活动照片" in returned.body


def test_robot_message_formats():
    wecom = webhooks.message("wecom", "待您初审：标题", "文学院新闻", "/review/1/")
    assert wecom["msgtype"] == "markdown" and "**待您初审：标题**" in wecom["markdown"]["content"]
    ding = webhooks.message("dingtalk", "待您初审：标题", "文学院新闻", "/review/1/")
    assert ding["msgtype"] == "markdown" and ding["markdown"]["title"] == "待您初审：标题"
    feishu = webhooks.message("feishu", "待您初审：标题", "文学院新闻")
    assert feishu == {"msg_type": "text", "content": {"text": "待您初审：标题\n文学院新闻"}}


def test_robot_signatures():
    url, _ = webhooks.signed(webhooks.Robot("dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=t", "SEC1"),
                             {}, now=1700000000.0)
    expected = base64.b64encode(hmac.new(b"SEC1", b"1700000000000\nSEC1", hashlib.sha256).digest()).decode()
    assert "timestamp=1700000000000" in url and "sign=" in url
    from urllib.parse import parse_qs, urlsplit

    assert parse_qs(urlsplit(url).query)["sign"] == [expected]
    _, body = webhooks.signed(webhooks.Robot("feishu", "https://open.feishu.cn/x", "K"), {"msg_type": "text"},
                              now=1700000000.0)
    assert body["timestamp"] == "1700000000"
    assert body["sign"] == base64.b64encode(hmac.new(b"1700000000\nK", b"", hashlib.sha256).digest()).decode()


def test_robots_receive_posts_from_a_background_task(rw, site, settings, django_capture_on_commit_callbacks):
    settings.NETDUTY_WEBHOOKS = [{"kind": "wecom", "url": site.url("/wecom")},
                                 {"kind": "dingtalk", "url": site.url("/ding?access_token=x"), "secret": "S"},
                                 {"kind": "feishu", "url": site.url("/feishu")}]
    settings.NETDUTY_BASE_URL = "https://netduty.example.edu.cn"
    with django_capture_on_commit_callbacks(execute=True):
        sub = submit(rw)
    paths = sorted(p.split("?")[0] for p, _ in site.posts)
    assert paths == ["/ding", "/feishu", "/wecom"]
    bodies = {p.split("?")[0]: json.loads(b) for p, b in site.posts}
    assert "待您初审" in bodies["/wecom"]["markdown"]["content"]
    assert f"https://netduty.example.edu.cn/review/{sub.pk}/" in bodies["/wecom"]["markdown"]["content"]
    assert "sign" in bodies["/feishu"] or bodies["/feishu"]["msg_type"] == "text"


def test_robots_from_environment(monkeypatch, settings):
    settings.NETDUTY_WEBHOOKS = None
    monkeypatch.setenv("NETDUTY_WEBHOOKS", "wecom|https://a.example/x; dingtalk|https://b.example/y|SEC bogus|https://c")
    assert webhooks.robots() == [webhooks.Robot("wecom", "https://a.example/x"),
                                 webhooks.Robot("dingtalk", "https://b.example/y", "SEC")]


def test_mail_links_are_absolute_with_the_base_url(rw, settings, django_capture_on_commit_callbacks):
    from netduty.org import services as org_services

    settings.NETDUTY_BASE_URL = "https://netduty.example.edu.cn/"
    org_services.person_update(actor=None, person=rw.checker_person, email="checker@example.edu.cn")
    with django_capture_on_commit_callbacks(execute=True):
        sub = submit(rw)
    assert f"https://netduty.example.edu.cn/review/{sub.pk}/" in mail.outbox[-1].body
    note = Notification.objects.get(key__startswith=f"review:{sub.pk}:")
    assert note.url == f"/review/{sub.pk}/"  # in-app links stay relative
