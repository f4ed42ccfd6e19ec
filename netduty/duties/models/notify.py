"""Reminders: in-app notifications, once-per-slot job claims, and calendar feed tokens."""

from __future__ import annotations

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("即将到期")
        OVERDUE = "overdue", _("已逾期")
        ESCALATION = "escalation", _("逾期上报")
        RETURNED = "returned", _("材料被退回")
        REVIEW = "review", _("发布审查")

    recipient = models.ForeignKey("org.Person", verbose_name=_("接收人"), on_delete=models.PROTECT,
                                  related_name="duty_notifications")
    period = models.ForeignKey("duties.ObligationPeriod", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="notifications")
    kind = models.CharField(_("类型"), max_length=16, choices=Kind.choices)
    key = models.CharField(max_length=120, help_text=_("同一接收人同一 key 只提醒一次"))
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("内容"), blank=True)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    emailed_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("提醒")
        verbose_name_plural = _("提醒")
        constraints = [models.UniqueConstraint(fields=["recipient", "key"], name="duties_notification_once")]

    def __str__(self) -> str:
        return self.title


class JobClaim(models.Model):
    """A periodic job's run for one slot (e.g. reminders for 2026-11-26). The unique constraint is
    the lock: whoever inserts the row runs the slot; everyone else skips it."""

    job = models.CharField(max_length=100)
    slot = models.CharField(max_length=64)
    claimed_at = models.DateTimeField(default=timezone.now)
    worker = models.CharField(max_length=200, blank=True)
    result = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-claimed_at"]
        verbose_name = _("定时任务执行记录")
        verbose_name_plural = _("定时任务执行记录")
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="duties_jobclaim_once")]

    def __str__(self) -> str:
        return f"{self.job} @ {self.slot}"


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
