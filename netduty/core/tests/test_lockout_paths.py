"""The login lock-out covers every way in (issue 9 item 2): /login/, /admin/login/, and any code that
calls `authenticate()` (API session/basic logins, management scripts)."""

import pytest
from django.contrib.auth import authenticate
from django.test import Client
from django.urls import reverse

from netduty.core.models import AuditEvent
from netduty.org.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _fail(client: Client, url: str, username: str, times: int) -> None:
    for _ in range(times):
        response = client.post(url, {"username": username, "password": "wrong-password"})
        assert response.status_code == 200


def test_admin_login_refused_after_lockout_at_login(world, settings):
    settings.NETDUTY_LOGIN_MAX_FAILURES = 3
    _fail(Client(), reverse("login"), "admin", 3)
    response = Client().post("/admin/login/?next=/admin/", {"username": "admin", "password": PASSWORD})
    assert response.status_code == 200, "locked account logged in through /admin/login/"
    assert "暂时锁定" in response.content.decode()
    assert AuditEvent.objects.filter(action="auth.login_locked", object_repr="admin").exists()


def test_admin_login_failures_count_and_lock(world, settings):
    settings.NETDUTY_LOGIN_MAX_FAILURES = 3
    _fail(Client(), "/admin/login/", "admin", 3)
    assert AuditEvent.objects.filter(action="auth.login_failed", object_repr="admin").count() == 3
    response = Client().post(reverse("login"), {"username": "admin", "password": PASSWORD})
    assert response.status_code == 200 and "暂时锁定" in response.content.decode()
    response = Client().post("/admin/login/?next=/admin/", {"username": "admin", "password": PASSWORD})
    assert response.status_code == 200


def test_authenticate_refuses_locked_account(world, settings):
    settings.NETDUTY_LOGIN_MAX_FAILURES = 2
    assert authenticate(username="editor", password=PASSWORD) is not None
    for _ in range(2):
        assert authenticate(username="editor", password="wrong-password") is None
    assert authenticate(username="editor", password=PASSWORD) is None
    assert authenticate(username="secretary", password=PASSWORD) is not None


def test_api_basic_or_session_login_refused_when_locked(world, settings):
    settings.NETDUTY_LOGIN_MAX_FAILURES = 2
    _fail(Client(), reverse("login"), "propaganda", 2)
    client = Client()
    assert not client.login(username="propaganda", password=PASSWORD)
