"""Stage decisions and publications."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .submission import _immutable_save


class Outcome(models.TextChoices):
    APPROVE = "approve", _("通过")
    RETURN = "return", _("退回修改")
    REJECT = "reject", _("不予发布")


class Decision(models.Model):
    """One reviewer's decision at one stage on one revision, with the hash of what they saw.
    At most one decision per (revision, stage): the database refuses a second."""

    submission = models.ForeignKey("review.Submission", on_delete=models.PROTECT, related_name="decisions")
    revision = models.ForeignKey("review.Revision", on_delete=models.PROTECT, related_name="decisions")
    content_hash = models.CharField(_("所审版本哈希"), max_length=64)
    stage = models.PositiveSmallIntegerField(_("阶段"))
    stage_code = models.CharField(max_length=32)
    stage_name = models.CharField(_("阶段名称"), max_length=50)
    reviewer = models.ForeignKey("org.Person", verbose_name=_("审核人"), on_delete=models.PROTECT,
                                 related_name="review_decisions")
    role_code = models.CharField(_("审核身份"), max_length=64, blank=True)
    role_label = models.CharField(_("审核身份说明"), max_length=200, blank=True)
    answers = models.JSONField(_("审查要点回答"), default=dict)
    outcome = models.CharField(_("决定"), max_length=8, choices=Outcome.choices)
    comment = models.TextField(_("意见"), blank=True)
    high_reason = models.TextField(_("高风险问题放行理由"), blank=True)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)

    save = _immutable_save

    class Meta:
        ordering = ["submission", "created_at", "id"]
        verbose_name = _("审核意见")
        verbose_name_plural = _("审核意见")
        constraints = [models.UniqueConstraint(fields=["revision", "stage"], name="review_decision_once_per_stage")]

    def __str__(self) -> str:
        return f"{self.stage_name} {self.get_outcome_display()} · {self.reviewer}"


class Publication(models.Model):
    """Where and when the approved revision went live. Only the revision that passed the last
    stage can be published, and its hash is copied here."""

    submission = models.OneToOneField("review.Submission", on_delete=models.PROTECT, related_name="publication")
    revision = models.ForeignKey("review.Revision", on_delete=models.PROTECT, related_name="publications")
    content_hash = models.CharField(_("发布版本哈希"), max_length=64)
    url = models.URLField(_("发布网址"), max_length=500, blank=True)
    published_at = models.DateTimeField(_("发布时间"))
    published_by = models.ForeignKey("org.Person", verbose_name=_("登记人"), on_delete=models.PROTECT, related_name="+")
    last_result = models.CharField(_("最近核查结果"), max_length=12, blank=True)
    last_checked_at = models.DateTimeField(_("最近核查时间"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("发布记录")
        verbose_name_plural = _("发布记录")

    def __str__(self) -> str:
        return self.url or str(self.submission)
