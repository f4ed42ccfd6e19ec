"""A submission for publication, its immutable revisions, their attachments and screening findings."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    REVIEWING = "reviewing", _("审核中")
    RETURNED = "returned", _("退回修改")
    REJECTED = "rejected", _("不予发布")
    APPROVED = "approved", _("已通过终审")
    PUBLISHED = "published", _("已发布")
    WITHDRAWN = "withdrawn", _("已撤回")


class SourceKind(models.TextChoices):
    ORIGINAL = "original", _("原创")
    REPOSTED = "reposted", _("转载")


class Submission(models.Model):
    """One item to be published on one channel (一事一审). Its content lives in revisions;
    `current_revision` is the one under review. `version` is bumped by every state change and
    compared by each decision (compare-and-set), so two reviewers acting at once cannot both win."""

    channel = models.ForeignKey("fronts.Channel", verbose_name=_("阵地"), on_delete=models.PROTECT,
                                related_name="submissions")
    unit = models.ForeignKey("org.Unit", verbose_name=_("单位"), on_delete=models.PROTECT,
                             related_name="review_submissions")
    author = models.ForeignKey("org.Person", verbose_name=_("提交人"), on_delete=models.PROTECT,
                               related_name="review_submissions")
    title = models.CharField(_("标题"), max_length=300)
    state = models.CharField(_("状态"), max_length=16, choices=State.choices, default=State.REVIEWING)
    current_revision = models.ForeignKey("review.Revision", verbose_name=_("当前版本"), null=True, blank=True,
                                         on_delete=models.PROTECT, related_name="+")
    stage = models.PositiveSmallIntegerField(_("当前审核阶段"), default=0, help_text=_("1 起；不在审核中为 0"))
    awaiting_roles = models.CharField(max_length=300, blank=True, default="",
                                      help_text=_("当前阶段可审核的角色代码，形如 ,unit_head,direct_responsible,"))
    stage_since = models.DateTimeField(_("进入当前阶段"), null=True, blank=True)
    due_at = models.DateTimeField(_("审核时限"), null=True, blank=True)
    intended_at = models.DateTimeField(_("拟发布时间"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(_("提交时间"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("发布审查稿件")
        verbose_name_plural = _("发布审查稿件")
        indexes = [models.Index(fields=["state", "stage_since"]), models.Index(fields=["unit", "state"]),
                   # the review index lists newest activity first, 30 to a page
                   models.Index(fields=["updated_at", "id"], name="review_subm_updated_idx")]

    def __str__(self) -> str:
        return self.title


def _immutable_save(self: models.Model, *args, **kwargs) -> None:
    if self.pk is not None and not kwargs.pop("_allow_update", False):
        raise RuntimeError(f"{self._meta.label} rows are immutable")
    models.Model.save(self, *args, **kwargs)


class Revision(models.Model):
    """What a reviewer sees and approves. Never changed after creation; an edit is a new revision.

    `content_hash` = sha256 over the title, the sanitised body markup, its normalised text, the
    source and the attachments' sha256 (see services/content.py); `text_hash` covers the
    normalised body text alone and is what a live page is matched against."""

    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="revisions")
    number = models.PositiveSmallIntegerField(_("版本号"))
    title = models.CharField(_("标题"), max_length=300)
    body_html = models.TextField(_("正文（已净化）"))
    body_text = models.TextField(_("正文文本"))
    source_kind = models.CharField(_("来源"), max_length=16, choices=SourceKind.choices, default=SourceKind.ORIGINAL)
    source_name = models.CharField(_("转载来源"), max_length=300, blank=True)
    author = models.ForeignKey("org.Person", verbose_name=_("修改人"), on_delete=models.PROTECT, related_name="+")
    stages = models.JSONField(_("审核阶段"), default=list, help_text=_("本版本适用的审核阶段（提交时的快照）"))
    content_hash = models.CharField(_("内容哈希"), max_length=64, db_index=True)
    text_hash = models.CharField(_("正文文本哈希"), max_length=64, db_index=True)
    rules_fingerprint = models.CharField(_("筛查规则指纹"), max_length=64, blank=True)
    high_count = models.PositiveIntegerField(_("高风险问题数"), default=0)
    finding_count = models.PositiveIntegerField(_("问题数"), default=0)
    note = models.CharField(_("修改说明"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    save = _immutable_save

    class Meta:
        ordering = ["submission", "number"]
        verbose_name = _("稿件版本")
        verbose_name_plural = _("稿件版本")
        constraints = [models.UniqueConstraint(fields=["submission", "number"], name="review_revision_number")]

    def __str__(self) -> str:
        return f"{self.title}（第{self.number}版）"

    @property
    def short_hash(self) -> str:
        return self.content_hash[:12]


class Attachment(models.Model):
    KINDS = {"docx": "Word", "pdf": "PDF", "xlsx": "Excel", "image": _("图片")}

    revision = models.ForeignKey(Revision, on_delete=models.PROTECT, related_name="attachments")
    name = models.CharField(_("文件名"), max_length=255)
    kind = models.CharField(_("类型"), max_length=8)
    size = models.PositiveBigIntegerField(_("大小（字节）"))
    sha256 = models.CharField(max_length=64)
    file = models.FileField(_("文件"), upload_to="review/", max_length=300)
    text_chars = models.PositiveIntegerField(_("提取字数"), default=0)
    error = models.CharField(_("提取错误"), max_length=300, blank=True)
    notes = models.JSONField(default=list, blank=True)

    save = _immutable_save

    class Meta:
        ordering = ["revision", "name", "id"]
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    def __str__(self) -> str:
        return self.name

    @property
    def kind_label(self) -> str:
        return str(self.KINDS.get(self.kind, self.kind))


class Part(models.TextChoices):
    TITLE = "title", _("标题")
    BODY = "body", _("正文")
    ATTACHMENT = "attachment", _("附件")


class Finding(models.Model):
    """One screening finding of a revision. Offsets index the revision's title or body_text
    (part title/body) or the attachment's extracted text (then `context` holds the words around it)."""

    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="findings")
    part = models.CharField(_("位置"), max_length=12, choices=Part.choices)
    attachment = models.ForeignKey(Attachment, null=True, blank=True, on_delete=models.CASCADE, related_name="findings")
    category = models.CharField(_("类别"), max_length=40)
    rule = models.CharField(_("规则"), max_length=200)
    severity = models.CharField(_("严重程度"), max_length=8)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.CharField(_("原文"), max_length=500)
    message = models.CharField(_("说明"), max_length=500)
    suggestion = models.CharField(_("建议"), max_length=500, blank=True)
    location = models.CharField(_("位置说明"), max_length=200, blank=True)
    context = models.CharField(_("上下文"), max_length=300, blank=True)

    class Meta:
        ordering = ["revision", "part", "attachment", "start", "id"]
        verbose_name = _("筛查问题")
        verbose_name_plural = _("筛查问题")

    def __str__(self) -> str:
        return f"{self.text}：{self.message}"

    SEVERITY_LABELS = {"high": _("高"), "medium": _("中"), "low": _("低")}

    @property
    def severity_label(self) -> str:
        return str(self.SEVERITY_LABELS.get(self.severity, self.severity))
