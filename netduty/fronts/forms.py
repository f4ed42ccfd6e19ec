"""Forms of the registry. Choices of units and appointments come from the scope and the people
module; the services validate again."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import dateformat, timezone
from django.utils.translation import gettext_lazy as _

from netduty.core.forms import DateInput
from netduty.org.models import Appointment, Unit
from netduty.policy import selectors as policy

from . import people
from .models import AnnualResult, Channel, Duty, FailGround, LiveCheckKind, Platform, Tier
from .services.requests import EDITABLE


def appointment_label(a: Appointment) -> str:
    day = str(_("Y年n月j日"))
    start = dateformat.format(a.valid_from, day)
    when = (_("%(start)s至%(end)s") % {"start": start, "end": dateformat.format(a.valid_to, day)} if a.valid_to
            else _("%(start)s起") % {"start": start})
    return _("%(person)s · %(role)s · %(unit)s（%(when)s）") % {
        "person": a.person.name, "role": a.role.name, "unit": a.unit.short_name or a.unit.name, "when": when}


class AppointmentChoices(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: Appointment) -> str:  # type: ignore[override]
        return appointment_label(obj)


class AppointmentChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Appointment) -> str:  # type: ignore[override]
        return appointment_label(obj)


DUTY_FIELDS = {Duty.LEADER: "leaders", Duty.DEPARTMENT: "departments", Duty.ADMIN: "admins"}


class ChannelFieldsForm(forms.Form):
    name = forms.CharField(label=_("名称"), max_length=200)
    account_id = forms.CharField(label=_("账号 / 标识（公众号原始ID、微博号等）"), max_length=200, required=False)
    url = forms.URLField(label=_("网址"), max_length=500, required=False, assume_scheme="https")
    url_prefix = forms.URLField(label=_("网址前缀（核查抓取限定范围）"), max_length=500, required=False,
                                assume_scheme="https")
    feed_url = forms.URLField(label=_("RSS / 站点地图"), max_length=500, required=False, assume_scheme="https")
    tier = forms.ChoiceField(label=_("层级"), choices=Tier.choices, initial=Tier.UNIT)
    live_check = forms.ChoiceField(label=_("上线核查方式"), required=False,
                                   choices=[("", _("按平台（网站抓取网页、公众号核对文章链接、其他上传截图）"))]
                                   + LiveCheckKind.choices)
    wechat_biz = forms.CharField(label=_("公众号 __biz（文章链接中 __biz= 后的一串字符）"), max_length=64, required=False)
    verified_entity = forms.CharField(label=_("认证主体"), max_length=200, required=False)
    followers = forms.IntegerField(label=_("关注数"), min_value=0, required=False)
    leaders = AppointmentChoices(queryset=Appointment.objects.none(), label=_("分管领导"), required=False)
    departments = AppointmentChoices(queryset=Appointment.objects.none(), label=_("负责部门（部门负责人）"),
                                     required=False)
    admins = AppointmentChoices(queryset=Appointment.objects.none(), label=_("专人 / 管理员"))

    def set_people(self, unit: Unit, day: dt.date) -> None:
        for duty, name in DUTY_FIELDS.items():
            self.fields[name].queryset = people.candidates(unit, duty, day)  # type: ignore[attr-defined]

    def responsibles(self) -> dict[str, list[int]]:
        return {duty: [a.pk for a in self.cleaned_data.get(name) or []] for duty, name in DUTY_FIELDS.items()}

    def channel_values(self) -> dict[str, Any]:
        return {k: self.cleaned_data[k] for k in EDITABLE}


class RegistrationForm(ChannelFieldsForm):
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("主办单位"))
    platform = forms.ChoiceField(label=_("平台"), choices=Platform.choices)
    opened_on = forms.DateField(label=_("开通日期"), widget=DateInput)
    reason = forms.CharField(label=_("说明（用途、受众等）"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    field_order = ["unit", "platform", "name", "account_id", "wechat_biz", "url", "url_prefix", "feed_url",
                   "live_check", "tier", "verified_entity", "followers", "opened_on", "leaders", "departments", "admins", "reason"]

    def __init__(self, *args: Any, units: QuerySet[Unit], unit: Unit, day: dt.date, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["unit"].initial = unit.pk
        self.fields["unit"].widget = forms.HiddenInput()
        self.set_people(unit, day)
        if not self.is_bound:
            initial = people.defaults(unit, day)
            for duty, name in DUTY_FIELDS.items():
                self.fields[name].initial = initial[duty]


class ChangeForm(ChannelFieldsForm):
    changed_on = forms.DateField(label=_("变更日期"), widget=DateInput)
    reason = forms.CharField(label=_("变更事由"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, channel: Channel, day: dt.date, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.set_people(channel.unit, day)
        if not self.is_bound:
            for key in EDITABLE:
                self.fields[key].initial = getattr(channel, key)
            current = people.current_ids(channel)
            if not any(current.values()):
                current = people.defaults(channel.unit, day)
            for duty, name in DUTY_FIELDS.items():
                self.fields[name].initial = current[duty]
            self.fields["changed_on"].initial = day


class CloseForm(forms.Form):
    closed_on = forms.DateField(label=_("关停日期"), widget=DateInput)
    reason = forms.CharField(label=_("关停事由"), widget=forms.Textarea(attrs={"rows": 2}))


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("意见"), choices=[("approve", _("同意")), ("reject", _("不同意"))],
                                 widget=forms.RadioSelect)
    comment = forms.CharField(label=_("意见说明（不同意时必填）"), widget=forms.Textarea(attrs={"rows": 2}),
                              required=False)


class SecurityForm(forms.Form):
    password_holder = AppointmentChoice(queryset=Appointment.objects.none(), label=_("管理密码保管人"), required=False)
    second_factor = forms.BooleanField(label=_("已开启二次验证（登录保护、管理员扫码确认等）"), required=False)
    password_changed_on = forms.DateField(label=_("最近修改密码日期"), widget=DateInput, required=False)
    notes = forms.CharField(label=_("其他防护措施"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args: Any, channel: Channel, day: dt.date, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["password_holder"].queryset = people.candidates(  # type: ignore[attr-defined]
            channel.unit, Duty.ADMIN, day)


class StageForm(forms.Form):
    code = forms.SlugField(label=_("代码"), max_length=32)
    name = forms.CharField(label=_("名称"), max_length=50)
    roles = forms.MultipleChoiceField(label=_("可审核角色"), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["roles"].choices = [(r.code, r.name) for r in policy.roles()]  # type: ignore[attr-defined]


StageFormSet = forms.formset_factory(StageForm, extra=1, can_delete=True)


def year_choices() -> list[tuple[int, str]]:
    this = timezone.localdate().year
    return [(y, _("%(year)s年") % {"year": y}) for y in range(this, this - 5, -1)]


class AnnualFileForm(forms.Form):
    year = forms.TypedChoiceField(label=_("年度"), coerce=int, choices=year_choices)
    student_admins_removed = forms.BooleanField(label=_("已取消学生管理员权限（或无学生管理员）"), required=False)
    three_reviews = forms.BooleanField(label=_("发布落实“三审三校”"), required=False)
    monitoring = forms.BooleanField(label=_("建立舆情监测机制"), required=False)
    self_note = forms.CharField(label=_("自查情况"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class AnnualConcludeForm(forms.Form):
    result = forms.ChoiceField(label=_("年审结论"), choices=AnnualResult.choices, widget=forms.RadioSelect)
    grounds = forms.MultipleChoiceField(label=_("不合格情形"), choices=FailGround.choices, required=False,
                                        widget=forms.CheckboxSelectMultiple)
    conclusion = forms.CharField(label=_("意见 / 整改要求"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    rectify_by = forms.DateField(label=_("整改期限"), widget=DateInput, required=False)


class ZeroReportForm(forms.Form):
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("单位"), empty_label=_("请选择单位"))
    year = forms.TypedChoiceField(label=_("年度"), coerce=int, choices=year_choices)
    note = forms.CharField(label=_("说明"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
