"""The live check (the published page is the approved page) and the channel sweep."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class LiveResult(models.TextChoices):
    IDENTICAL = "identical", _("一致")
    CHANGED = "changed", _("已改动")
    GONE = "gone", _("已删除")
    ACCOUNT = "account", _("非本账号发布")
    ERROR = "error", _("无法核查")


# A check with one of these results looked at the published item itself (an error did not).
VERIFIED = (LiveResult.IDENTICAL, LiveResult.CHANGED, LiveResult.GONE, LiveResult.ACCOUNT)


class LiveCheck(models.Model):
    publication = models.ForeignKey("review.Publication", on_delete=models.PROTECT, related_name="checks")
    url = models.URLField(max_length=500)
    result = models.CharField(_("结果"), max_length=12, choices=LiveResult.choices)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    similarity = models.FloatField(_("相似度"), null=True, blank=True)
    page_text = models.TextField(_("页面正文"), blank=True)
    page_text_hash = models.CharField(max_length=64, blank=True)
    message = models.CharField(_("说明"), max_length=500, blank=True)
    # page / wechat / capture (fronts.LiveCheckKind); a capture keeps the uploaded screenshot or saved page
    method = models.CharField(_("核查方式"), max_length=16, blank=True)
    evidence = models.FileField(_("截图或网页存档"), max_length=300, blank=True)
    evidence_name = models.CharField(_("存档文件名"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("核查时间"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("上线核查")
        verbose_name_plural = _("上线核查")

    def __str__(self) -> str:
        return f"{self.url} {self.get_result_display()}"


def unreviewed_rows(rows: list[dict]) -> list[dict]:
    """The swept items that are live (HTTP 2xx) and match no approval: published without review.
    The one rule for the sweep's count, its audit event and the list shown on /review/live/."""
    return [r for r in rows if r.get("status") is not None and 200 <= r["status"] < 300 and r.get("submission") is None]


class ChannelSweep(models.Model):
    """One periodic pass over a channel's feed or sitemap: what is live, which items match no
    approval (published without review), broken links, and whether the channel has gone stale."""

    channel = models.ForeignKey("fronts.Channel", on_delete=models.PROTECT, related_name="review_sweeps")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    slot = models.CharField(max_length=32)
    feed_url = models.URLField(max_length=500)
    ok = models.BooleanField(_("读取成功"), default=True)
    error = models.CharField(_("错误"), max_length=500, blank=True)
    items = models.JSONField(_("在线条目"), default=list)
    broken = models.JSONField(_("失效链接"), default=list)
    live_count = models.PositiveIntegerField(default=0)
    unreviewed_count = models.PositiveIntegerField(_("未经审核"), default=0)
    broken_count = models.PositiveIntegerField(_("失效链接数"), default=0)
    last_update = models.DateField(_("最近更新"), null=True, blank=True)
    stale = models.BooleanField(_("超期未更新"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("阵地巡查")
        verbose_name_plural = _("阵地巡查")
        constraints = [models.UniqueConstraint(fields=["channel", "slot"], name="review_sweep_once_per_slot")]

    def __str__(self) -> str:
        return f"{self.channel} @ {self.slot}"

    @property
    def unreviewed_items(self) -> list[dict]:
        return unreviewed_rows(self.items or [])
