"""Password login with a lock-out after repeated failures.

Failed attempts are already in the audit chain (`auth.login_failed`, see signals.py); the same
rows decide the lock-out, so it holds across processes and restarts without another store.

The lock-out is enforced in the authentication backend (`LockoutModelBackend`), so every path that
checks a password — /login/, /admin/login/, `Client.login`, any API login — refuses a locked
account; the two login forms check first only to show the clear "locked" message."""

import datetime as dt

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.forms import AuthenticationForm
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import audit
from .models import AuditEvent


def lockout_limits() -> tuple[int, int]:
    return (int(getattr(settings, "NETDUTY_LOGIN_MAX_FAILURES", 5)),
            int(getattr(settings, "NETDUTY_LOGIN_LOCKOUT_MINUTES", 15)))


def is_locked(username: str) -> bool:
    max_failures, minutes = lockout_limits()
    since = timezone.now() - dt.timedelta(minutes=minutes)
    recent = AuditEvent.objects.filter(action="auth.login_failed", created_at__gte=since,
                                       object_repr=username[:300])
    return recent.count() >= max_failures


def _record_locked(username: str) -> None:
    with transaction.atomic():
        audit.record(actor=None, action="auth.login_locked", object_type="auth.user", object_repr=username[:300])


class LockoutModelBackend(ModelBackend):
    """Django's password check, refused while the username is locked out (the attempt is audited
    as `auth.login_locked`; the password is not even checked)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        name = username if username is not None else kwargs.get(self._username_field(), "")
        if name and is_locked(str(name).strip()):
            _record_locked(str(name).strip())
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)

    @staticmethod
    def _username_field() -> str:
        from django.contrib.auth import get_user_model

        return get_user_model().USERNAME_FIELD


LOCKED_MESSAGE = _("登录失败次数过多，账号已暂时锁定，请 %(minutes)s 分钟后再试。")


class LockoutAuthenticationForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("用户名或密码不正确，请重新输入。"),
        "locked": LOCKED_MESSAGE,
    }

    def clean(self):
        username = (self.cleaned_data.get("username") or "").strip()
        if username and is_locked(username):
            _record_locked(username)
            raise forms.ValidationError(self.error_messages["locked"], code="locked",
                                        params={"minutes": lockout_limits()[1]})
        return super().clean()


class LockoutAdminAuthenticationForm(LockoutAuthenticationForm, AdminAuthenticationForm):
    """/admin/login/: the same lock-out message, then the admin's own staff check."""

    error_messages = {**AdminAuthenticationForm.error_messages, "locked": LOCKED_MESSAGE}
