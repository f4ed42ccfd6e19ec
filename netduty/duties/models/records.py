"""Meeting records (台账) and evidence files with versions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class MeetingKind(models.TextChoices):
    COMMITTEE_IDEOLOGY = "meeting.committee_ideology", "党委（党组织）会议专题研究意识形态工作"
    CONVEY_STUDY = "meeting.convey_study", "传达学习上级文件、通报、讲话精神"
    CENTER_GROUP = "meeting.center_group", "理论学习中心组学习"
    OPINION_ANALYSIS = "meeting.opinion_analysis", "舆情研判会议"
    LEADERSHIP = "meeting.leadership", "班子会议分析研判"
    OTHER = "meeting.other", "其他会议"


class MeetingRecord(models.Model):
    unit = models.ForeignKey("org.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="meetings")
    kind = models.CharField("会议类型", max_length=64, choices=MeetingKind.choices)
    title = models.CharField("会议名称", max_length=200)
    date = models.DateField("会议日期", db_index=True)
    place = models.CharField("地点", max_length=200, blank=True)
    chair = models.CharField("主持人", max_length=100)
    attendees = models.TextField("出席人员", help_text="每行一人或以顿号分隔")
    absentees = models.TextField("缺席人员及原因", blank=True, help_text="每行一人：姓名（原因）")
    topics = models.TextField("议题")
    minutes = models.TextField("会议记录 / 纪要", blank=True)
    decisions = models.TextField("决定事项", blank=True)
    voided_at = models.DateTimeField("作废时间", null=True, blank=True)
    void_reason = models.CharField("作废原因", max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT,
                                   related_name="+", null=True, blank=True)
    created_at = models.DateTimeField("登记时间", default=timezone.now)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = "会议记录"
        verbose_name_plural = "会议记录"
        indexes = [models.Index(fields=["unit", "kind", "date"])]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}"


class Evidence(models.Model):
    """A piece of evidence (one document) for a period or a meeting; its files are versions."""

    unit = models.ForeignKey("org.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="evidence")
    period = models.ForeignKey("duties.ObligationPeriod", verbose_name="任务周期", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="evidence")
    meeting = models.ForeignKey(MeetingRecord, verbose_name="会议记录", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="evidence")
    title = models.CharField("材料名称", max_length=200)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "佐证材料"
        verbose_name_plural = "佐证材料"
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
    version = models.PositiveIntegerField("版本")
    file = models.FileField("文件", upload_to="duties/evidence/%Y/%m/", max_length=300)
    original_name = models.CharField("原文件名", max_length=255)
    file_type = models.CharField("类型", max_length=8)  # docx | pdf | png | jpg
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField("大小（字节）")
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    null=True, blank=True)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["evidence", "-version"]
        verbose_name = "材料文件版本"
        verbose_name_plural = "材料文件版本"
        constraints = [models.UniqueConstraint(fields=["evidence", "version"], name="duties_evidence_version")]

    def __str__(self) -> str:
        return f"{self.original_name} v{self.version}"
