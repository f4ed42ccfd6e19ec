"""The audit chain: one append-only, hash-chained row per business event."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """Written only by `netduty.core.audit.record`, inside the caller's transaction.

    The database refuses UPDATE and DELETE on this table (triggers, see migration 0002);
    `netduty audit verify` recomputes every hash and names the first broken link.
    """

    created_at = models.DateTimeField(_("时间"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, blank=True,
        on_delete=models.DO_NOTHING, db_constraint=False, related_name="+",
    )
    actor_label = models.CharField(_("操作人姓名"), max_length=150, blank=True)
    action = models.CharField(_("事件"), max_length=100, db_index=True)
    object_type = models.CharField(_("对象类型"), max_length=100, blank=True, db_index=True)
    object_id = models.CharField(_("对象编号"), max_length=64, blank=True, db_index=True)
    object_repr = models.CharField(_("对象"), max_length=300, blank=True)
    unit_id = models.BigIntegerField(_("所属单位"), null=True, blank=True, db_index=True)
    before = models.JSONField(_("变更前"), null=True, blank=True)
    after = models.JSONField(_("变更后"), null=True, blank=True)
    request_id = models.CharField(_("请求编号"), max_length=64, blank=True)
    ip = models.CharField(_("IP"), max_length=64, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("审计事件")
        verbose_name_plural = _("审计事件")

    def __str__(self) -> str:
        return f"#{self.pk} {self.action} {self.object_repr}"


class Notification(models.Model):
    """One in-app notice to one person, written only by `netduty.core.notify.notify`.

    (recipient, key) is unique: the same notice is never given twice. Notices sharing a `topic`
    (e.g. "review:12", one submission) replace each other: a newer one marks the older unread ones
    `superseded_at`, and superseded notices are neither listed nor counted."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("即将到期")
        OVERDUE = "overdue", _("已逾期")
        ESCALATION = "escalation", _("逾期上报")
        RETURNED = "returned", _("材料被退回")
        REVIEW = "review", _("发布审查")
        FRONTS = "fronts", _("阵地备案")

    recipient = models.ForeignKey("org.Person", verbose_name=_("接收人"), on_delete=models.PROTECT,
                                  related_name="notifications")
    # the id of the record the notice is about (for duties: the ObligationPeriod); the column kept
    # its name from when the table belonged to duties
    object_id = models.BigIntegerField(null=True, blank=True, db_column="period_id", db_index=True)
    kind = models.CharField(_("类型"), max_length=16, choices=Kind.choices)
    key = models.CharField(max_length=120, help_text=_("同一接收人同一 key 只提醒一次"))
    topic = models.CharField(max_length=120, blank=True, db_index=True)
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("内容"), blank=True)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    emailed_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    superseded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("提醒")
        verbose_name_plural = _("提醒")
        constraints = [models.UniqueConstraint(fields=["recipient", "key"], name="duties_notification_once")]

    def __str__(self) -> str:
        return self.title


class JobClaim(models.Model):
    """A periodic job's run for one slot (e.g. reminders for 2026-11-26). The unique constraint is
    the lock: whoever inserts the row runs the slot; everyone else skips it (`core.jobs.claim_slot`)."""

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
