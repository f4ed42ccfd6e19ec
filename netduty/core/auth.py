"""Password login with a lock-out after repeated failures.

Failed attempts are already in the audit chain (`auth.login_failed`, see signals.py); the same
rows decide the lock-out, so it holds across processes and restarts without another store."""

import datetime as dt

from django import forms
from django.conf import settings
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


class LockoutAuthenticationForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("用户名或密码不正确，请重新输入。"),
        "locked": _("登录失败次数过多，账号已暂时锁定，请 %(minutes)s 分钟后再试。"),
    }

    def clean(self):
        username = (self.cleaned_data.get("username") or "").strip()
        if username and is_locked(username):
            with transaction.atomic():
                audit.record(actor=None, action="auth.login_locked", object_type="auth.user",
                             object_repr=username[:300])
            raise forms.ValidationError(self.error_messages["locked"], code="locked",
                                        params={"minutes": lockout_limits()[1]})
        return super().clean()
