"""Meeting records (台账) and evidence files with versions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MeetingKind(models.TextChoices):
    COMMITTEE_IDEOLOGY = "meeting.committee_ideology", _("党委（党组织）会议专题研究意识形态工作")
    CONVEY_STUDY = "meeting.convey_study", _("传达学习上级文件、通报、讲话精神")
    CENTER_GROUP = "meeting.center_group", _("理论学习中心组学习")
    OPINION_ANALYSIS = "meeting.opinion_analysis", _("舆情研判会议")
    LEADERSHIP = "meeting.leadership", _("班子会议分析研判")
    OTHER = "meeting.other", _("其他会议")


class MeetingRecord(models.Model):
    unit = models.ForeignKey("org.Unit", verbose_name=_("单位"), on_delete=models.PROTECT, related_name="meetings")
    kind = models.CharField(_("会议类型"), max_length=64, choices=MeetingKind.choices)
    title = models.CharField(_("会议名称"), max_length=200)
    date = models.DateField(_("会议日期"), db_index=True)
    place = models.CharField(_("地点"), max_length=200, blank=True)
    chair = models.CharField(_("主持人"), max_length=100)
    attendees = models.TextField(_("出席人员"), help_text=_("每行一人或以顿号分隔"))
    absentees = models.TextField(_("缺席人员及原因"), blank=True, help_text=_("每行一人：姓名（原因）"))
    topics = models.TextField(_("议题"))
    minutes = models.TextField(_("会议记录 / 纪要"), blank=True)
    decisions = models.TextField(_("决定事项"), blank=True)
    voided_at = models.DateTimeField(_("作废时间"), null=True, blank=True)
    void_reason = models.CharField(_("作废原因"), max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("登记人"), on_delete=models.PROTECT,
                                   related_name="+", null=True, blank=True)
    created_at = models.DateTimeField(_("登记时间"), default=timezone.now)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("会议记录")
        verbose_name_plural = _("会议记录")
        indexes = [models.Index(fields=["unit", "kind", "date"])]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}"


class Evidence(models.Model):
    """A piece of evidence (one document) for a period or a meeting; its files are versions."""

    unit = models.ForeignKey("org.Unit", verbose_name=_("单位"), on_delete=models.PROTECT, related_name="evidence")
    period = models.ForeignKey("duties.ObligationPeriod", verbose_name=_("任务周期"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="evidence")
    meeting = models.ForeignKey(MeetingRecord, verbose_name=_("会议记录"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="evidence")
    title = models.CharField(_("材料名称"), max_length=200)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("佐证材料")
        verbose_name_plural = _("佐证材料")
        constraints = [models.CheckConstraint(
            condition=models.Q(period__isnull=False) | models.Q(meeting__isnull=False), name="duties_evidence_target")]

    def __str__(self) -> str:
        return self.title

    @property
    def latest(self) -> EvidenceVersion | None:
        versions = list(self.versions.all())
        return max(versions, key=lambda v: v.version) if versions else None


class EvidenceVersion(models.Model):
    """One uploaded file. Never replaced: a new upload is a new version."""

    evidence = models.ForeignKey(Evidence, on_delete=models.PROTECT, related_name="versions")
    version = models.PositiveIntegerField(_("版本"))
    file = models.FileField(_("文件"), upload_to="duties/evidence/%Y/%m/", max_length=300)
    original_name = models.CharField(_("原文件名"), max_length=255)
    file_type = models.CharField(_("类型"), max_length=8)  # docx | pdf | png | jpg
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(_("大小（字节）"))
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    null=True, blank=True)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["evidence", "-version"]
        verbose_name = _("材料文件版本")
        verbose_name_plural = _("材料文件版本")
        constraints = [models.UniqueConstraint(fields=["evidence", "version"], name="duties_evidence_version")]

    def __str__(self) -> str:
        return f"{self.original_name} v{self.version}"
