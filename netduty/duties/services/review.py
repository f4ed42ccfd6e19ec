"""Submitting evidence for acceptance, acceptance or return by the next level up, and sub-tasks."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from netduty.core import audit
from netduty.core import notify as core_notify
from netduty.core.models import Notification
from netduty.org import permissions
from netduty.org.models import Person

from ..models import Obligation, ObligationPeriod, PeriodReview, ReviewState, SubTask
from .common import PERIOD_FIELDS, check


def _lock(period: ObligationPeriod) -> ObligationPeriod:
    return ObligationPeriod.objects.select_for_update(of=("self",)).select_related("unit__parent", "obligation__task").get(
        pk=period.pk)


def can_accept(user: Any, period: ObligationPeriod) -> tuple[bool, str]:
    """Acceptance is for the next level up: `duties.accept` on the parent unit, or school-wide.
    Nobody accepts what they submitted themselves."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False, _("请先登录。")
    parent = period.unit.parent
    allowed = permissions.can(user, "duties.accept", None) or (
        parent is not None and permissions.can(user, "duties.accept", parent))
    if not allowed:
        return False, _("只有上级单位（或宣传部）可以验收本单位的任务材料。")
    if period.submitted_by_id is not None and period.submitted_by_id == user.pk:
        return False, _("不能验收本人提交的材料。")
    return True, ""


@transaction.atomic
def period_submit(*, actor: Any, period: ObligationPeriod, statement: str) -> ObligationPeriod:
    period = _lock(period)
    check(actor, "duties.record", period.unit)
    if period.counted:
        raise ValidationError(_("该任务按会议等记录自动计数，登记记录即可，无需提交验收。"))
    if period.review_state in (ReviewState.SUBMITTED, ReviewState.ACCEPTED):
        raise ValidationError(_("该任务已提交验收，请勿重复提交。"))
    if not statement.strip():
        raise ValidationError({"statement": _("请填写完成情况说明（长期任务填写年度自查情况）。")})
    if not period.evidence.exists():
        raise ValidationError(_("请先上传至少一份佐证材料，再提交验收。"))
    before = audit.snapshot(period, PERIOD_FIELDS)
    now = timezone.now()
    period.review_state, period.statement, period.submitted_at = ReviewState.SUBMITTED, statement.strip(), now
    period.submitted_by = actor if actor is not None else None
    period.activity_at = period.activity_at or now
    period.save(update_fields=["review_state", "statement", "submitted_at", "submitted_by", "activity_at"])
    audit.record(actor=actor, action="duties.period.submit", obj=period, unit_id=period.unit_id, before=before,
                 after=audit.snapshot(period, PERIOD_FIELDS))
    return period


def _decide(actor: Any, period: ObligationPeriod, decision: str, reason: str) -> ObligationPeriod:
    period = _lock(period)
    if actor is not None:
        if not permissions.can(actor, "view", period.unit):
            raise PermissionDenied(_("您没有执行此操作的权限。"))
        ok, why = can_accept(actor, period)
        if not ok:
            raise PermissionDenied(why)
    if period.review_state != ReviewState.SUBMITTED:
        raise ValidationError(_("该任务当前没有待验收的材料。"))
    before = audit.snapshot(period, PERIOD_FIELDS)
    if decision == PeriodReview.Decision.ACCEPT:
        period.review_state, period.completed_at = ReviewState.ACCEPTED, period.submitted_at
    else:
        period.review_state, period.completed_at = ReviewState.RETURNED, None
    period.save(update_fields=["review_state", "completed_at"])
    PeriodReview.objects.create(period=period, decision=decision, reason=reason.strip(), reviewer=actor)
    audit.record(actor=actor, action=f"duties.period.{decision}", obj=period, unit_id=period.unit_id,
                 before=before, after={**audit.snapshot(period, PERIOD_FIELDS), "reason": reason.strip()})
    return period


@transaction.atomic
def period_accept(*, actor: Any, period: ObligationPeriod, reason: str = "") -> ObligationPeriod:
    return _decide(actor, period, PeriodReview.Decision.ACCEPT, reason)


@transaction.atomic
def period_return(*, actor: Any, period: ObligationPeriod, reason: str) -> ObligationPeriod:
    if not reason.strip():
        raise ValidationError({"reason": _("退回时请填写原因。")})
    period = _decide(actor, period, PeriodReview.Decision.RETURN, reason)
    submitter = getattr(period.submitted_by, "person", None) if period.submitted_by_id else None
    if submitter is not None:
        core_notify.notify([submitter], key=f"returned:{period.pk}:{period.reviews.count()}",
                           kind=Notification.Kind.RETURNED, object_id=period.pk, topic=f"duties:{period.pk}:returned",
                           title=f"{period.unit}·{period.obligation.task.item}（{period.label}）材料被退回",
                           body=reason.strip(), url=reverse("duties:period_detail", args=[period.pk]), email=False)
    return period


@transaction.atomic
def subtask_create(*, actor: Any, obligation: Obligation, title: str, assignee: Person, due: dt.date,
                   note: str = "") -> SubTask:
    check(actor, "duties.record", obligation.unit)
    if not title.strip():
        raise ValidationError({"title": _("请填写分解任务内容。")})
    subtask = SubTask(obligation=obligation, title=title.strip(), assignee=assignee, due=due, note=note,
                      created_by=actor)
    subtask.full_clean(exclude=["created_by"])
    subtask.save()
    audit.record(actor=actor, action="duties.subtask.create", obj=subtask, unit_id=obligation.unit_id,
                 after=audit.snapshot(subtask, ["obligation", "title", "assignee", "due", "note"]))
    return subtask


@transaction.atomic
def subtask_done(*, actor: Any, subtask: SubTask) -> SubTask:
    subtask = SubTask.objects.select_for_update().select_related("obligation__unit", "assignee").get(pk=subtask.pk)
    is_assignee = actor is not None and subtask.assignee.user_id == actor.pk
    if actor is not None and not is_assignee:
        check(actor, "duties.record", subtask.obligation.unit)
    if subtask.done_at is None:
        subtask.done_at = timezone.now()
        subtask.save(update_fields=["done_at"])
        audit.record(actor=actor, action="duties.subtask.done", obj=subtask, unit_id=subtask.obligation.unit_id,
                     after={"done_at": subtask.done_at})
    return subtask
