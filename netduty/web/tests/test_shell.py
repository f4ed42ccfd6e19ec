import pytest
from django.urls import reverse

from netduty.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_dashboard_in_chinese_by_default(client, world):
    client.force_login(world.secretary)
    html = client.get(reverse("home")).content.decode()
    assert "工作台" in html and "第一责任人" in html and "文学院党总支" in html
    assert 'lang="zh-hans"' in html


def test_english_is_available(client, world):
    client.force_login(world.secretary)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get(reverse("home")).content.decode()
    assert "Dashboard" in html and "My responsibilities" in html


def test_security_headers(client, world):
    client.force_login(world.secretary)
    response = client.get(reverse("home"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert len(response["X-Request-ID"]) == 32


def test_no_external_resources_in_pages(client, world):
    client.force_login(world.propaganda)
    for name, kwargs in [("home", {}), ("org:unit_list", {}), ("org:unit_detail", {"pk": world.college_a.pk}),
                         ("audit_list", {}), ("policy:pack_list", {})]:
        html = client.get(reverse(name, kwargs=kwargs)).content.decode()
        assert "http://" not in html.replace("http://testserver", "") and "https://" not in html, name


def test_login_and_failed_login_are_audited(client, world):
    from netduty.org.tests.factories import PASSWORD

    client.post(reverse("login"), {"username": "secretary", "password": "wrong"})
    assert AuditEvent.objects.filter(action="auth.login_failed", object_repr="secretary").exists()
    response = client.post(reverse("login"), {"username": "secretary", "password": PASSWORD})
    assert response.status_code == 302
    event = AuditEvent.objects.filter(action="auth.login").latest("id")
    assert event.actor_id == world.secretary.pk and event.request_id


def test_user_text_is_escaped(client, world):
    from netduty.org import services

    services.unit_update(actor=world.propaganda, unit=world.college_b, name="<script>alert(1)</script>外院")
    client.force_login(world.propaganda)
    html = client.get(reverse("org:unit_list")).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_audit_page_filters(client, world):
    client.force_login(world.propaganda)
    html = client.get(reverse("audit_list"), {"action": "org.unit.create"}).content.decode()
    assert "org.unit.create" in html and "org.appointment.create</code>" not in html


def test_healthz(client):
    assert client.get("/healthz").json()["status"] == "ok"


def test_browser_language_does_not_switch_the_ui(client, world):
    client.force_login(world.secretary)
    html = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "工作台" in html


def test_api_docs_page_has_no_inline_script(client, world):
    client.force_login(world.secretary)
    response = client.get("/api/v1/docs/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>" not in html.replace(" ", "") and "googleapis" not in html
    assert "'unsafe-inline'" not in response["Content-Security-Policy"].split("script-src")[1].split(";")[0]


def test_nav_has_every_capability_and_subnav(client, world):
    client.force_login(world.propaganda)
    html = client.get(reverse("fronts:index")).content.decode()
    for label in ["责任体系", "重点任务", "阵地与发布审查", "舆情", "问责", "检查考核", "学习与队伍", "审计"]:
        assert label in html
    assert 'class="subnav"' in html and "发布审查" in html and "阵地台账" in html


def test_date_inputs_render_iso_dates_in_chinese():
    import datetime as dt

    from django.utils import translation

    from netduty.core.forms import DateInput

    with translation.override("zh-hans"):
        html = DateInput().render("d", dt.date(2026, 11, 26))
    assert 'type="date"' in html and 'value="2026-11-26"' in html


def test_audit_page_queries_do_not_grow_with_events(client, world):
    """The action filter lists every distinct action (a loose index scan, one query) and the
    events are paged: more events, and more kinds of event, cost no more queries."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from netduty.core import audit

    def count():
        with CaptureQueriesContext(connection) as ctx:
            html = client.get(reverse("audit_list")).content.decode()
        return len(ctx.captured_queries), html

    client.force_login(world.propaganda)
    small, _ = count()
    with transaction.atomic():
        for i in range(60):
            audit.record(actor=None, action=f"bench.kind{i % 7}", object_repr=f"事件{i}")
    large, html = count()
    assert large == small and "bench.kind6" in html
    expected = sorted(set(AuditEvent.objects.values_list("action", flat=True)))
    assert audit.actions() == expected


def test_login_locks_after_repeated_failures(client, world, settings):
    from netduty.org.tests.factories import PASSWORD

    settings.NETDUTY_LOGIN_MAX_FAILURES = 3
    for _ in range(3):
        html = client.post(reverse("login"), {"username": "editor", "password": "nope"}).content.decode()
        assert "用户名或密码不正确" in html
    response = client.post(reverse("login"), {"username": "editor", "password": PASSWORD})
    assert response.status_code == 200 and "暂时锁定" in response.content.decode()
    assert AuditEvent.objects.filter(action="auth.login_locked", object_repr="editor").exists()
    # other accounts are not affected
    assert client.post(reverse("login"), {"username": "secretary", "password": PASSWORD}).status_code == 302
