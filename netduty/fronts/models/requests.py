"""备案与变更: every registration, change and closure of a channel is a request approved first by
the owning unit's head, then by the 宣传部. Approved requests apply to the channel; rejected ones
do not; all are kept."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class RequestKind(models.TextChoices):
    REGISTER = "register", _("新开备案")
    CHANGE = "change", _("变更报备")
    CLOSE = "close", _("关停注销")


class RequestState(models.TextChoices):
    UNIT = "unit", _("待单位负责人审批")
    OFFICE = "office", _("待宣传部审批")
    APPROVED = "approved", _("已通过")
    REJECTED = "rejected", _("未通过")
    WITHDRAWN = "withdrawn", _("已撤回")


OPEN_STATES = [RequestState.UNIT, RequestState.OFFICE]


class Step(models.TextChoices):
    UNIT = "unit", _("单位负责人")
    OFFICE = "office", _("宣传部")


class Decision(models.TextChoices):
    APPROVE = "approve", _("同意")
    REJECT = "reject", _("不同意")


class ChannelRequest(models.Model):
    channel = models.ForeignKey("fronts.Channel", verbose_name=_("阵地"), on_delete=models.PROTECT,
                                related_name="requests")
    kind = models.CharField(_("类型"), max_length=16, choices=RequestKind.choices)
    state = models.CharField(_("状态"), max_length=16, choices=RequestState.choices, default=RequestState.UNIT)
    payload = models.JSONField(_("申请内容"), default=dict, blank=True,
                               help_text=_("拟登记或变更后的字段值；responsibles 为各职责的任职编号"))
    before = models.JSONField(_("变更前"), default=dict, blank=True)
    reason = models.TextField(_("事由"), blank=True)
    event_on = models.DateField(_("开通 / 变更日期"))
    due_on = models.DateField(_("报备期限"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("提交人"), on_delete=models.PROTECT,
                                     related_name="+")
    submitted_at = models.DateTimeField(_("提交时间"))
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("备案申请")
        verbose_name_plural = _("备案申请")
        constraints = [
            # one open request per channel: decisions never race two versions of the same channel
            models.UniqueConstraint(fields=["channel"], condition=Q(state__in=["unit", "office"]),
                                    name="fronts_request_one_open"),
        ]
        indexes = [models.Index(fields=["state", "submitted_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.channel}"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def late(self) -> bool:
        """Reported after the pack's deadline (开通后 N 天 / 变更后 M 天)."""
        from django.utils import timezone

        return timezone.localdate(self.submitted_at) > self.due_on


class RequestDecision(models.Model):
    request = models.ForeignKey(ChannelRequest, on_delete=models.CASCADE, related_name="decisions")
    step = models.CharField(_("环节"), max_length=16, choices=Step.choices)
    decision = models.CharField(_("意见"), max_length=16, choices=Decision.choices)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("审批人"), on_delete=models.PROTECT,
                                   related_name="+")
    comment = models.TextField(_("意见说明"), blank=True)
    by_submission = models.BooleanField(_("提交即签批"), default=False,
                                        help_text=_("提交人本人即单位负责人，提交即视为单位负责人同意"))
    decided_at = models.DateTimeField(_("审批时间"))

    class Meta:
        ordering = ["request", "decided_at", "id"]
        verbose_name = _("审批意见")
        verbose_name_plural = _("审批意见")
        constraints = [models.UniqueConstraint(fields=["request", "step"], name="fronts_decision_once_per_step")]

    def __str__(self) -> str:
        return f"{self.request} · {self.get_step_display()} · {self.get_decision_display()}"
