"""Obligations (unit × key task × year), their periods, and a unit's own sub-tasks."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..slots import display_label
from ..status import Status, period_status


class Obligation(models.Model):
    """Unit U carries key task T (a row of the policy pack version in force) in year Y."""

    unit = models.ForeignKey("org.Unit", verbose_name=_("单位"), on_delete=models.PROTECT, related_name="obligations")
    task = models.ForeignKey("policy.TaskItem", verbose_name=_("重点任务"), on_delete=models.PROTECT,
                             related_name="obligations")
    task_code = models.SlugField(_("任务代码"), max_length=64, help_text=_("跨制度包版本识别同一任务"))
    year = models.PositiveSmallIntegerField(_("年度"))
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["year", "unit__path", "task__order"]
        verbose_name = _("任务义务")
        verbose_name_plural = _("任务义务")
        constraints = [models.UniqueConstraint(fields=["unit", "task", "year"], name="duties_obligation_unique")]
        indexes = [models.Index(fields=["year", "unit"])]

    def __str__(self) -> str:
        return f"{self.year} {self.unit} · {self.task.item}（{self.task_code}）"


class PeriodKind(models.TextChoices):
    YEAR = "year", _("年度")
    HALF = "half", _("半年")
    QUARTER = "quarter", _("季度")
    EVENT = "event", _("事件")


class ReviewState(models.TextChoices):
    NONE = "", _("未提交")
    SUBMITTED = "submitted", _("待验收")
    RETURNED = "returned", _("已退回")
    ACCEPTED = "accepted", _("已验收")


class ObligationPeriod(models.Model):
    """One period of an obligation: the year (长期: with a self-check), a half-year, a quarter,
    or an event (适时上报). `count`, `completed_at` and `activity_at` are kept by the services
    from the qualifying records and the review; `status` is derived from them and the dates."""

    obligation = models.ForeignKey(Obligation, verbose_name=_("任务义务"), on_delete=models.PROTECT,
                                   related_name="periods")
    unit = models.ForeignKey("org.Unit", verbose_name=_("单位"), on_delete=models.PROTECT, related_name="+")
    task_code = models.SlugField(_("任务代码"), max_length=64)
    key = models.CharField(_("周期"), max_length=64, help_text=_("2026 / 2026-H1 / 2026-Q3 / 2026-E-事件编号"))
    kind = models.CharField(_("周期类型"), max_length=16, choices=PeriodKind.choices)
    label = models.CharField(_("名称"), max_length=100)
    start = models.DateField(_("开始日期"))
    end = models.DateField(_("结束日期"))
    due = models.DateField(pgettext_lazy("deadline", "截止日期"), db_index=True)
    self_check = models.BooleanField(_("年度自查"), default=False)
    required = models.PositiveSmallIntegerField(_("应有记录数"), default=0, help_text=_("0 表示以佐证材料验收为准"))
    count = models.PositiveSmallIntegerField(_("已有记录数"), default=0)
    activity_at = models.DateTimeField(_("首次办理时间"), null=True, blank=True)
    completed_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    review_state = models.CharField(_("验收状态"), max_length=16, choices=ReviewState.choices, default="", blank=True)
    statement = models.TextField(_("完成情况说明 / 自查情况"), blank=True)
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("提交人"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    event_ref = models.CharField(_("事件编号"), max_length=64, blank=True)
    event_title = models.CharField(_("事件"), max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["due", "unit__path", "task_code"]
        verbose_name = _("任务周期")
        verbose_name_plural = _("任务周期")
        constraints = [
            models.UniqueConstraint(fields=["unit", "task_code", "key"], name="duties_period_unique"),
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="duties_period_dates"),
        ]
        indexes = [models.Index(fields=["unit", "start"]), models.Index(fields=["start", "end"]),
                   # acceptances waiting (dashboards): the few submitted periods, oldest first
                   models.Index(fields=["review_state", "submitted_at"], name="duties_period_review_idx"),
                   # a board slot: periods ending on or after its first day (PostgreSQL otherwise
                   # reads every period of every year)
                   models.Index(fields=["end", "start"], name="duties_period_end_idx")]

    def __str__(self) -> str:
        return f"{self.unit} · {self.task_code} · {self.label}"

    @property
    def display_label(self) -> str:
        """`label` in the active language (the stored label is Chinese)."""
        return display_label(self.key, self.label)

    @property
    def counted(self) -> bool:
        return self.required > 0

    def status_on(self, today: dt.date | None = None) -> Status:
        return period_status(due=self.due, completed_at=self.completed_at, active=self.activity_at is not None,
                             today=today or timezone.localdate())

    @property
    def status(self) -> Status:
        return self.status_on()


class PeriodReview(models.Model):
    """An acceptance or a return (with the reason) by the next level up. Append-only history."""

    class Decision(models.TextChoices):
        ACCEPT = "accept", _("验收通过")
        RETURN = "return", _("退回")

    period = models.ForeignKey(ObligationPeriod, on_delete=models.PROTECT, related_name="reviews")
    decision = models.CharField(_("结论"), max_length=16, choices=Decision.choices)
    reason = models.TextField(_("意见 / 退回原因"), blank=True)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("验收人"), on_delete=models.PROTECT,
                                 related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("验收记录")
        verbose_name_plural = _("验收记录")

    def __str__(self) -> str:
        return f"{self.period} · {self.get_decision_display()}"


class SubTask(models.Model):
    """分解细化任务：a unit splits an obligation into its own items assigned to people."""

    obligation = models.ForeignKey(Obligation, verbose_name=_("任务义务"), on_delete=models.PROTECT,
                                   related_name="subtasks")
    title = models.CharField(_("分解任务"), max_length=200)
    assignee = models.ForeignKey("org.Person", verbose_name=_("责任人"), on_delete=models.PROTECT,
                                 related_name="duty_subtasks")
    due = models.DateField(_("完成时限"))
    note = models.TextField(_("说明"), blank=True)
    done_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due", "id"]
        verbose_name = _("分解任务")
        verbose_name_plural = _("分解任务")

    def __str__(self) -> str:
        return self.title
