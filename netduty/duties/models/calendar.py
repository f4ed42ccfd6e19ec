"""Calendar feed tokens (notifications and job claims are the platform's: netduty.core.models)."""

from __future__ import annotations

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    person = models.OneToOneField("org.Person", on_delete=models.CASCADE, related_name="duty_calendar")
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("日历订阅令牌")
        verbose_name_plural = _("日历订阅令牌")

    def __str__(self) -> str:
        return f"{self.person} 日历"
