"""The unit tree, people and dated appointments — which are also the access model."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    SCHOOL_COMMITTEE = "school_committee", _("校党委")
    GENERAL_BRANCH = "general_branch", _("党总支")
    DIRECT_BRANCH = "direct_branch", _("直属党支部")
    HOSPITAL_COMMITTEE = "hospital_committee", _("附属医院党委")
    DEPARTMENT = "department", _("校属部门")
    INSTITUTE = "institute", _("校属单位")
    BRANCH = "branch", _("党支部")


class Unit(models.Model):
    """A node of the organisation tree. `path` is materialised ("/1/7/12/") for subtree queries."""

    code = models.SlugField(_("单位代码"), max_length=64, unique=True)
    name = models.CharField(_("全称"), max_length=200)
    short_name = models.CharField(_("简称"), max_length=100, blank=True)
    kind = models.CharField(_("类型"), max_length=32, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("上级单位"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    path = models.CharField(max_length=512, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    order = models.PositiveIntegerField(_("排序"), default=0)
    active_from = models.DateField(_("启用日期"), default=dt.date(2000, 1, 1))
    active_to = models.DateField(_("停用日期"), null=True, blank=True)

    class Meta:
        ordering = ["path"]
        verbose_name = _("单位")
        verbose_name_plural = _("单位")

    def __str__(self) -> str:
        return self.short_name or self.name

    @property
    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.strip("/").split("/") if part]

    def is_active_on(self, day: dt.date) -> bool:
        return self.active_from <= day and (self.active_to is None or day <= self.active_to)


class Person(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("登录账号"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="person",
    )
    staff_no = models.CharField(_("工号"), max_length=32, unique=True)
    name = models.CharField(_("姓名"), max_length=50)
    unit = models.ForeignKey(Unit, verbose_name=_("所在单位"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="members")
    title = models.CharField(_("职务"), max_length=100, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    mobile = models.CharField(_("手机"), max_length=20, blank=True)

    class Meta:
        ordering = ["staff_no"]
        verbose_name = _("人员")
        verbose_name_plural = _("人员")

    def __str__(self) -> str:
        return self.name


def valid_on_q(day: dt.date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}valid_from__lte": day}) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": day})
    )


class Appointment(models.Model):
    """Person P holds role R in unit U from valid_from to valid_to (inclusive; open-ended if empty)."""

    person = models.ForeignKey(Person, verbose_name=_("人员"), on_delete=models.PROTECT, related_name="appointments")
    unit = models.ForeignKey(Unit, verbose_name=_("单位"), on_delete=models.PROTECT, related_name="appointments")
    role = models.ForeignKey("policy.Role", verbose_name=_("角色"), on_delete=models.PROTECT, related_name="appointments")
    valid_from = models.DateField(_("起始日期"))
    valid_to = models.DateField(_("截止日期"), null=True, blank=True)
    basis = models.CharField(_("任职依据（文号）"), max_length=200, blank=True)
    area = models.CharField(_("分管工作"), max_length=200, blank=True)
    oversees = models.ManyToManyField(Unit, verbose_name=_("分管单位"), blank=True, related_name="overseen_by")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["unit__path", "role__order", "valid_from"]
        verbose_name = _("任职")
        verbose_name_plural = _("任职")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="org_appointment_dates_ordered",
            )
        ]
        indexes = [models.Index(fields=["unit", "valid_from"]), models.Index(fields=["person", "valid_from"])]

    def __str__(self) -> str:
        return f"{self.person} · {self.unit} · {self.role}"

    def is_valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)
