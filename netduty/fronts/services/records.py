"""年审, 零报告 and security measures."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netduty.core import audit
from netduty.org import permissions
from netduty.org.models import Appointment, Unit

from .. import people
from ..models import (
    AnnualResult,
    AnnualReview,
    Channel,
    ChannelStatus,
    Duty,
    FailGround,
    SecurityMeasures,
    ZeroReport,
)
from .channels import MANAGE, require_office

REVIEW_FIELDS = ["channel", "year", "student_admins_removed", "three_reviews", "monitoring", "self_note",
                 "result", "grounds", "conclusion", "rectify_by"]
SECURITY_FIELDS = ["password_holder", "second_factor", "password_changed_on", "notes"]


def _person_actor(actor: Any) -> None:
    if actor is None or not getattr(actor, "is_authenticated", False):
        raise PermissionDenied(_("须由具体人员填报。"))


def _check_year(year: int) -> None:
    this_year = timezone.localdate().year
    if not 2000 <= year <= this_year:
        raise ValidationError(_("年度须在 2000 至 %(year)s 之间。") % {"year": this_year})


@transaction.atomic
def annual_review_file(*, actor: Any, channel: Channel, year: int, student_admins_removed: bool,
                       three_reviews: bool, monitoring: bool, self_note: str = "") -> AnnualReview:
    """The unit's 年审 self-check for `channel` and `year` (re-filing before the 宣传部 concludes
    updates it)."""
    _person_actor(actor)
    permissions.require(actor, MANAGE, channel.unit)
    _check_year(year)
    if channel.status == ChannelStatus.PENDING or channel.status == ChannelStatus.REJECTED:
        raise ValidationError(_("尚未完成备案的阵地不参加年审。"))
    review = AnnualReview.objects.select_for_update().filter(channel=channel, year=year).first()
    before = audit.snapshot(review, REVIEW_FIELDS) if review else None
    if review is not None and review.result:
        raise ValidationError(_("该年度年审已有结论，不能再修改自查情况。"))
    values = {"student_admins_removed": student_admins_removed, "three_reviews": three_reviews,
              "monitoring": monitoring, "self_note": self_note.strip(), "filed_by": actor,
              "filed_at": timezone.now()}
    if review is None:
        try:
            with transaction.atomic():
                review = AnnualReview.objects.create(channel=channel, year=year, **values)
        except IntegrityError as exc:
            raise ValidationError(_("该年度年审已由他人填报，请刷新页面。")) from exc
    else:
        for key, value in values.items():
            setattr(review, key, value)
        review.save()
    audit.record(actor=actor, action="fronts.annual.file", obj=review, unit_id=channel.unit_id, before=before,
                 after=audit.snapshot(review, REVIEW_FIELDS))
    return review


@transaction.atomic
def annual_review_conclude(*, actor: Any, review: AnnualReview, result: str, grounds: list[str] | None = None,
                           conclusion: str = "", rectify_by: dt.date | None = None) -> AnnualReview:
    """The 宣传部's 年审 result. 合格 needs every check met and no failing ground; 不合格 needs a
    ground; 整改 needs what to rectify and by when. The filer cannot conclude their own review."""
    _person_actor(actor)
    require_office(actor)
    review = AnnualReview.objects.select_for_update().select_related("channel").get(pk=review.pk)
    if review.result:
        raise ValidationError(_("该年审已有结论（%(result)s），不能再次作出结论。")
                              % {"result": review.get_result_display()})
    if review.filed_by_id == actor.pk:
        raise PermissionDenied(_("不能审核本人填报的年审。"))
    grounds = sorted(set(grounds or []))
    unknown = [g for g in grounds if g not in FailGround.values]
    if unknown:
        raise ValidationError(_("未知的不合格情形：%(codes)s") % {"codes": "、".join(unknown)})
    if result == AnnualResult.PASS and (grounds or not review.checks_ok):
        raise ValidationError(_("三项检查均符合且无不合格情形时才能评为合格。"))
    if result == AnnualResult.FAIL and not grounds:
        raise ValidationError(_("评为不合格须选择不合格情形。"))
    if result == AnnualResult.RECTIFY and (not conclusion.strip() or rectify_by is None):
        raise ValidationError(_("评为整改须写明整改要求和整改期限。"))
    if result not in AnnualResult.values:
        raise ValidationError(_("请选择年审结论。"))
    before = audit.snapshot(review, REVIEW_FIELDS)
    review.result, review.grounds, review.conclusion = result, grounds, conclusion.strip()
    review.rectify_by = rectify_by if result == AnnualResult.RECTIFY else None
    review.concluded_by, review.concluded_at = actor, timezone.now()
    review.save()
    audit.record(actor=actor, action="fronts.annual.conclude", obj=review, unit_id=review.channel.unit_id,
                 before=before, after=audit.snapshot(review, REVIEW_FIELDS))
    return review


def unit_has_channels(unit: Unit, year: int) -> bool:
    """Did `unit` own a channel (registered or pending) at any time in `year`?"""
    from django.db.models import Q

    end = dt.date(year, 12, 31)
    start = dt.date(year, 1, 1)
    return (Channel.objects.filter(unit=unit, status__in=[ChannelStatus.ACTIVE, ChannelStatus.PENDING,
                                                          ChannelStatus.CLOSED])
            .filter(Q(opened_on__isnull=True) | Q(opened_on__lte=end))
            .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=start)).exists())


@transaction.atomic
def zero_report_file(*, actor: Any, unit: Unit, year: int, note: str = "") -> ZeroReport:
    _person_actor(actor)
    permissions.require(actor, MANAGE, unit)
    _check_year(year)
    if unit_has_channels(unit, year):
        raise ValidationError(_("本单位有阵地，应对各阵地进行年审，不能提交零报告。"))
    try:
        with transaction.atomic():
            report = ZeroReport.objects.create(unit=unit, year=year, note=note.strip(), filed_by=actor,
                                               filed_at=timezone.now())
    except IntegrityError as exc:
        raise ValidationError(_("本单位该年度已提交零报告。")) from exc
    audit.record(actor=actor, action="fronts.zero_report.file", obj=report, unit_id=unit.pk,
                 after={"unit": unit.pk, "year": year, "note": report.note})
    return report


@transaction.atomic
def security_update(*, actor: Any, channel: Channel, password_holder: Appointment | None, second_factor: bool,
                    password_changed_on: dt.date | None, notes: str = "") -> SecurityMeasures:
    """安全防护 checklist. The password holder must be someone currently appointed in the unit
    (the same candidates as 专人/管理员)."""
    _person_actor(actor)
    permissions.require(actor, MANAGE, channel.unit)
    today = timezone.localdate()
    if password_holder is not None and not people.candidates(channel.unit, Duty.ADMIN, today).filter(
            pk=password_holder.pk).exists():
        raise ValidationError(_("管理密码保管人须为本单位现任人员。"))
    if password_changed_on is not None and password_changed_on > today:
        raise ValidationError(_("修改密码日期不能晚于今天。"))
    measures, _created = SecurityMeasures.objects.select_for_update().get_or_create(channel=channel)
    before = audit.snapshot(measures, SECURITY_FIELDS) if measures.updated_at else None
    measures.password_holder, measures.second_factor = password_holder, second_factor
    measures.password_changed_on, measures.notes = password_changed_on, notes.strip()
    measures.updated_by, measures.updated_at = actor, timezone.now()
    measures.save()
    audit.record(actor=actor, action="fronts.channel.security", obj=channel, unit_id=channel.unit_id, before=before,
                 after=audit.snapshot(measures, SECURITY_FIELDS))
    return measures
