"""年审, 零报告 and each channel's security measures."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AnnualResult(models.TextChoices):
    PASS = "pass", _("合格")
    RECTIFY = "rectify", _("整改")
    FAIL = "fail", _("不合格")


class FailGround(models.TextChoices):
    UNREGISTERED = "unregistered", _("未按规定备案")
    COMMERCIAL = "commercial", _("从事商业推广")
    REPUTATION = "reputation", _("损害学校声誉")
    HARMFUL = "harmful", _("发布有害信息")
    LEAK_RUMOUR = "leak_rumour", _("泄密或传播谣言")


class AnnualReview(models.Model):
    """One channel's 年审 for one year: the unit's self-check (the three DOMAIN checks), then the
    宣传部's result with failing grounds."""

    channel = models.ForeignKey("fronts.Channel", verbose_name=_("阵地"), on_delete=models.PROTECT,
                                related_name="annual_reviews")
    year = models.PositiveSmallIntegerField(_("年度"))
    student_admins_removed = models.BooleanField(_("已取消学生管理员权限"), default=False)
    three_reviews = models.BooleanField(_("落实三审三校"), default=False)
    monitoring = models.BooleanField(_("建立舆情监测机制"), default=False)
    self_note = models.TextField(_("自查情况"), blank=True)
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("填报人"), on_delete=models.PROTECT,
                                 related_name="+")
    filed_at = models.DateTimeField(_("填报时间"))
    result = models.CharField(_("年审结论"), max_length=16, choices=AnnualResult.choices, blank=True)
    grounds = models.JSONField(_("不合格情形"), default=list, blank=True)
    conclusion = models.TextField(_("意见 / 整改要求"), blank=True)
    rectify_by = models.DateField(_("整改期限"), null=True, blank=True)
    concluded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("审核人"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    concluded_at = models.DateTimeField(_("审核时间"), null=True, blank=True)

    class Meta:
        ordering = ["-year", "channel"]
        verbose_name = _("年审")
        verbose_name_plural = _("年审")
        constraints = [models.UniqueConstraint(fields=["channel", "year"], name="fronts_annual_once")]

    def __str__(self) -> str:
        return f"{self.channel} · {self.year}年审"

    @property
    def checks_ok(self) -> bool:
        return self.student_admins_removed and self.three_reviews and self.monitoring

    def ground_labels(self) -> list[str]:
        labels = dict(FailGround.choices)
        return [str(labels.get(g, g)) for g in self.grounds]


class ZeroReport(models.Model):
    """A unit with no channel of its own files 零报告 for the year."""

    unit = models.ForeignKey("org.Unit", verbose_name=_("单位"), on_delete=models.PROTECT,
                             related_name="channel_zero_reports")
    year = models.PositiveSmallIntegerField(_("年度"))
    note = models.TextField(_("说明"), blank=True)
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("填报人"), on_delete=models.PROTECT,
                                 related_name="+")
    filed_at = models.DateTimeField(_("填报时间"))

    class Meta:
        ordering = ["-year", "unit__path"]
        verbose_name = _("零报告")
        verbose_name_plural = _("零报告")
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="fronts_zero_report_once")]

    def __str__(self) -> str:
        return f"{self.unit} · {self.year}年零报告"


class SecurityMeasures(models.Model):
    """安全防护 checklist of one channel."""

    channel = models.OneToOneField("fronts.Channel", on_delete=models.CASCADE, related_name="security")
    password_holder = models.ForeignKey("org.Appointment", verbose_name=_("管理密码保管人"), null=True,
                                        blank=True, on_delete=models.PROTECT, related_name="+")
    second_factor = models.BooleanField(_("已开启二次验证"), default=False)
    password_changed_on = models.DateField(_("最近修改密码日期"), null=True, blank=True)
    notes = models.TextField(_("其他防护措施"), blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("填报人"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(_("更新时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("安全防护")
        verbose_name_plural = _("安全防护")

    def __str__(self) -> str:
        return f"{self.channel} · 安全防护"
