"""Policy packs: an institution's responsibility rules as versioned rows.

A loaded pack version is never edited: loading a new version adds new rows, and everything
made under an older version (appointments, obligations, cases) keeps pointing at its rows.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PolicyPack(models.Model):
    code = models.SlugField(_("代码"), max_length=64)
    version = models.PositiveIntegerField(_("版本"))
    name = models.CharField(_("名称"), max_length=200)
    document = models.CharField(_("文号"), max_length=100, blank=True)
    institution = models.CharField(_("机构"), max_length=200, blank=True)
    effective_from = models.DateField(_("生效日期"))
    source_sha256 = models.CharField(max_length=64)
    raw = models.TextField(_("原始 YAML"))
    data = models.JSONField(_("其余规则"), default=dict, blank=True)
    loaded_at = models.DateTimeField(_("载入时间"), auto_now_add=True)
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["code", "-version"]
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="policy_pack_code_version")]
        verbose_name = _("制度包")
        verbose_name_plural = _("制度包")

    def __str__(self) -> str:
        return f"{self.name} v{self.version}"


class Reach(models.TextChoices):
    UNIT = "unit", _("本单位")
    SUBTREE = "subtree", _("本单位及下级")
    SCHOOL = "school", _("全校")


class ChainPosition(models.TextChoices):
    FIRST = "first", _("第一责任人")
    DIRECT = "direct", _("直接责任人")
    ONE_POST_TWO_DUTIES = "one_post_two_duties", _("一岗双责")
    NONE = "none", _("不在责任链")


class Role(models.Model):
    pack = models.ForeignKey(PolicyPack, on_delete=models.PROTECT, related_name="roles")
    code = models.SlugField(_("代码"), max_length=64)
    name = models.CharField(_("名称"), max_length=100)
    holder = models.CharField(_("担任者"), max_length=200, blank=True)
    description = models.TextField(_("说明"), blank=True)
    reach = models.CharField(_("权限范围"), max_length=16, choices=Reach.choices, default=Reach.UNIT)
    single_holder = models.BooleanField(_("每单位仅一人"), default=False)
    chain = models.CharField(_("责任链位置"), max_length=32, choices=ChainPosition.choices, default=ChainPosition.NONE)
    actions = models.JSONField(_("授权动作"), default=list, blank=True)
    source_ref = models.CharField(_("条款出处"), max_length=100, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["pack", "order"]
        constraints = [models.UniqueConstraint(fields=["pack", "code"], name="policy_role_pack_code")]
        verbose_name = _("角色")
        verbose_name_plural = _("角色")

    def __str__(self) -> str:
        return self.name


class Cadence(models.TextChoices):
    LONG_TERM = "long_term", _("长期")
    HALF_YEAR = "half_year", _("半年一次")
    QUARTER = "quarter", _("每季度一次")
    YEAR = "year", _("每年开展")
    ON_EVENT = "on_event", _("适时上报")


class TaskItem(models.Model):
    """One row of the key-task checklist (附件 重点任务清单)."""

    pack = models.ForeignKey(PolicyPack, on_delete=models.PROTECT, related_name="tasks")
    code = models.SlugField(_("代码"), max_length=64)
    row = models.PositiveSmallIntegerField(_("附件行号"), null=True, blank=True)
    item = models.CharField(_("项目名称"), max_length=100)
    content = models.TextField(_("工作内容"))
    level = models.CharField(_("责任单位"), max_length=64, help_text=_("制度包 levels 中的代码"))
    level_name = models.CharField(_("责任单位名称"), max_length=100)
    cadence = models.CharField(_("时间安排"), max_length=16, choices=Cadence.choices)
    cadence_text = models.CharField(_("原表时间安排"), max_length=32, blank=True,
                                    help_text=_("原表单元格原样；空单元格沿用上一行"))
    min_count = models.PositiveIntegerField(_("每年最少次数"), null=True, blank=True)
    count_of = models.CharField(_("计数的记录类型"), max_length=64, blank=True)
    evidence = models.JSONField(_("佐证材料"), default=list, blank=True)
    source_ref = models.CharField(_("条款出处"), max_length=100, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["pack", "order"]
        constraints = [models.UniqueConstraint(fields=["pack", "code"], name="policy_task_pack_code")]
        verbose_name = _("重点任务")
        verbose_name_plural = _("重点任务")

    def __str__(self) -> str:
        return f"{self.item}：{self.content[:30]}"


class ItemKind(models.TextChoices):
    SITUATION = "situation", _("问责情形")
    METHOD = "method", _("问责方式")
    TEAM_TYPE = "team_type", _("队伍类型")
    REQUIREMENT = "requirement", _("工作要求")
    REVIEW_CHECK = "review_check", _("审查要点")
    PRINCIPLE = "principle", _("原则")
    LEVEL = "level", _("责任层级")
    GUIDING = "guiding", _("指导思想")
    KEY_TASK = "key_task", _("重点任务条款")


class PolicyItem(models.Model):
    """Every other numbered rule of a pack: situations, methods, team types, requirements…"""

    pack = models.ForeignKey(PolicyPack, on_delete=models.PROTECT, related_name="items")
    kind = models.CharField(_("类别"), max_length=32, choices=ItemKind.choices, db_index=True)
    code = models.SlugField(_("代码"), max_length=64)
    title = models.CharField(_("标题"), max_length=200)
    text = models.TextField(_("内容"), blank=True)
    data = models.JSONField(default=dict, blank=True)
    source_ref = models.CharField(_("条款出处"), max_length=100, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["pack", "kind", "order"]
        constraints = [models.UniqueConstraint(fields=["pack", "kind", "code"], name="policy_item_pack_kind_code")]
        verbose_name = _("制度条目")
        verbose_name_plural = _("制度条目")

    def __str__(self) -> str:
        return self.title
