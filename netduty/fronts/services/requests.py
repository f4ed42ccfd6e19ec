"""备案 / 变更 / 关停 requests: submit, decide (单位负责人 → 宣传部), withdraw; approved requests
apply to the channel in the same transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netduty.core import audit
from netduty.org import permissions
from netduty.org.models import Unit
from netduty.policy import selectors as policy

from .. import conf, notify, people
from ..models import (
    Channel,
    ChannelRequest,
    ChannelResponsible,
    ChannelStatus,
    Decision,
    RequestDecision,
    RequestKind,
    RequestState,
    Step,
)
from .channels import CHANNEL_FIELDS, MANAGE, _stage_rows, create_default_stages

EDITABLE = ["name", "account_id", "url", "url_prefix", "feed_url", "tier", "verified_entity", "followers",
            "live_check", "wechat_biz"]
REQUEST_FIELDS = ["channel", "kind", "state", "payload", "before", "reason", "event_on", "due_on", "submitted_by"]


def deadline_days(kind: str, day: dt.date | None = None) -> int:
    if kind == RequestKind.REGISTER:
        return conf.register_within_days(day)
    return conf.change_within_days(day)


def is_unit_head(user: Any, unit: Unit, day: dt.date | None = None) -> bool:
    """Does `user` hold a 单位负责人 role (pack `functions.unit_head`) over `unit` (or is a superuser)?"""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return permissions.role_scope(user, policy.function_roles("unit_head", day), day).contains(unit)


def can_decide(user: Any, req: ChannelRequest) -> tuple[bool, str]:
    """May `user` decide the step `req` waits for? (False, why) otherwise."""
    if req.state not in (RequestState.UNIT, RequestState.OFFICE):
        return False, _("该申请已办结。")
    if user is None or not getattr(user, "is_authenticated", False):
        return False, _("请先登录。")
    if user.pk == req.submitted_by_id:
        return False, _("不能审批本人提交的申请。")
    if req.decisions.filter(decided_by=user).exists():
        return False, _("同一申请的两个环节不能由同一人审批。")
    if req.state == RequestState.UNIT:
        if not (permissions.can(user, MANAGE, req.channel.unit) and is_unit_head(user, req.channel.unit)):
            return False, _("须由本单位负责人（党组织书记或行政负责人）审批。")
    elif not permissions.can(user, MANAGE, None):
        return False, _("须由宣传部审批。")
    return True, ""


def _values(channel: Channel) -> dict[str, Any]:
    return audit.snapshot(channel, EDITABLE + ["opened_on"])


def _open(actor: Any, channel: Channel, kind: str, payload: dict[str, Any], before: dict[str, Any],
          event_on: dt.date, reason: str) -> ChannelRequest:
    now = timezone.now()
    if event_on > timezone.localdate(now):
        raise ValidationError(_("开通 / 变更日期不能晚于今天。"))
    req = ChannelRequest(channel=channel, kind=kind, payload=payload, before=before, reason=reason,
                         event_on=event_on, due_on=event_on + dt.timedelta(days=deadline_days(kind, event_on)),
                         submitted_by=actor, submitted_at=now)
    try:
        with transaction.atomic():
            req.save()
    except IntegrityError as exc:
        raise ValidationError(_("该阵地已有一项正在审批的申请，请待其办结后再提交。")) from exc
    signed = is_unit_head(actor, channel.unit)
    if signed:  # the head's own submission is the head's permission; the 宣传部 still decides
        RequestDecision.objects.create(request=req, step=Step.UNIT, decision=Decision.APPROVE, decided_by=actor,
                                       by_submission=True, decided_at=now, comment="提交人为单位负责人，提交即签批")
        req.state = RequestState.OFFICE
        req.save(update_fields=["state"])
    audit.record(actor=actor, action=f"fronts.request.{kind}", obj=req, unit_id=channel.unit_id, before=before or None,
                 after={**audit.snapshot(req, REQUEST_FIELDS), "late": req.late, "signed_by_submitter": signed})
    notify.request_waiting(req)
    return req


def _require_manage(actor: Any, unit: Unit) -> None:
    if actor is None or not getattr(actor, "is_authenticated", False):
        raise PermissionDenied(_("备案申请须由具体人员提交。"))
    permissions.require(actor, MANAGE, unit)


@transaction.atomic
def registration_submit(*, actor: Any, unit: Unit, platform: str, name: str, opened_on: dt.date,
                        responsibles: dict[str, list[int]], tier: str = "2", account_id: str = "", url: str = "",
                        url_prefix: str = "", feed_url: str = "", verified_entity: str = "",
                        followers: int | None = None, reason: str = "",
                        channel: Channel | None = None, live_check: str = "", wechat_biz: str = "") -> ChannelRequest:
    """备案 a new channel (or re-apply for a rejected one, `channel=`): the channel is entered as
    pending with the pack's default review stages; it becomes active when the 宣传部 approves."""
    _require_manage(actor, unit)
    chosen = people.clean_responsibles(unit, responsibles, timezone.localdate())
    fields = {"platform": platform, "name": name.strip(), "tier": tier, "account_id": account_id.strip(),
              "url": url.strip(), "url_prefix": url_prefix.strip(), "feed_url": feed_url.strip(),
              "verified_entity": verified_entity.strip(), "followers": followers, "opened_on": opened_on,
              "live_check": live_check, "wechat_biz": wechat_biz.strip()}
    if channel is not None:
        channel = Channel.objects.select_for_update().get(pk=channel.pk)
        if channel.status != ChannelStatus.REJECTED or channel.unit_id != unit.pk:
            raise ValidationError(_("只有备案未通过的阵地可以重新申请备案。"))
        for key, value in fields.items():
            setattr(channel, key, value)
        channel.status = ChannelStatus.PENDING
    else:
        channel = Channel(unit=unit, status=ChannelStatus.PENDING, **fields)
    channel.full_clean()
    channel.save()
    if not channel.stages.exists():
        create_default_stages(channel)
    payload = {**_values(channel), "platform": platform, "responsibles": chosen,
               "stages": _stage_rows(channel)}
    return _open(actor, channel, RequestKind.REGISTER, payload, {}, opened_on, reason)


@transaction.atomic
def change_submit(*, actor: Any, channel: Channel, changed_on: dt.date, reason: str,
                  changes: dict[str, Any] | None = None,
                  responsibles: dict[str, list[int]] | None = None) -> ChannelRequest:
    """变更报备: name, account, URLs, tier, administrators… The channel keeps its current values
    until the 宣传部 approves."""
    _require_manage(actor, channel.unit)
    channel = Channel.objects.select_for_update().get(pk=channel.pk)
    if channel.status != ChannelStatus.ACTIVE:
        raise ValidationError(_("只有在用的阵地可以报备变更。"))
    if not reason.strip():
        raise ValidationError(_("请填写变更事由。"))
    before = {**_values(channel), "responsibles": people.current_ids(channel)}
    payload: dict[str, Any] = {}
    for key, value in (changes or {}).items():
        if key not in EDITABLE:
            raise ValidationError(_("字段 %(key)s 不能通过变更报备修改。") % {"key": key})
        if isinstance(value, str):
            value = value.strip()
        if value != before.get(key):
            payload[key] = value
    if responsibles is not None:
        chosen = people.clean_responsibles(channel.unit, responsibles, timezone.localdate())
        if chosen != before["responsibles"]:
            payload["responsibles"] = chosen
    if not payload:
        raise ValidationError(_("没有需要报备的变更。"))
    probe = Channel.objects.get(pk=channel.pk)
    for key, value in payload.items():
        if key != "responsibles":
            setattr(probe, key, value)
    probe.full_clean()
    return _open(actor, channel, RequestKind.CHANGE, payload, before, changed_on, reason.strip())


@transaction.atomic
def closure_submit(*, actor: Any, channel: Channel, closed_on: dt.date, reason: str) -> ChannelRequest:
    _require_manage(actor, channel.unit)
    channel = Channel.objects.select_for_update().get(pk=channel.pk)
    if channel.status != ChannelStatus.ACTIVE:
        raise ValidationError(_("只有在用的阵地可以申请关停。"))
    if not reason.strip():
        raise ValidationError(_("请填写关停事由。"))
    return _open(actor, channel, RequestKind.CLOSE, {"status": ChannelStatus.CLOSED, "closed_on": closed_on.isoformat()},
                 {"status": channel.status}, closed_on, reason.strip())


def _set_responsibles(channel: Channel, chosen: dict[str, list[int]]) -> None:
    channel.responsibles.all().delete()
    ChannelResponsible.objects.bulk_create([
        ChannelResponsible(channel=channel, duty=duty, appointment_id=appt_id)
        for duty, ids in chosen.items() for appt_id in ids
    ])


def _apply(actor: Any, req: ChannelRequest, today: dt.date) -> None:
    channel = Channel.objects.select_for_update().get(pk=req.channel_id)
    before = {**audit.snapshot(channel, CHANNEL_FIELDS + ["registered_on", "closed_on", "followers"]),
              "responsibles": people.current_ids(channel)}
    payload = dict(req.payload)
    if req.kind == RequestKind.CLOSE:
        channel.status, channel.closed_on = ChannelStatus.CLOSED, dt.date.fromisoformat(str(payload["closed_on"]))
    else:
        for key in EDITABLE:
            if key in payload:
                setattr(channel, key, payload[key])
        if "responsibles" in payload:
            try:
                chosen = people.clean_responsibles(channel.unit, payload["responsibles"], today)
            except ValidationError as exc:
                raise ValidationError(_("申请中的责任人任职已变化，请退回后重新申报：") + "；".join(exc.messages)) from exc
            _set_responsibles(channel, chosen)
        if req.kind == RequestKind.REGISTER:
            channel.status, channel.registered_on = ChannelStatus.ACTIVE, today
    channel.full_clean()
    channel.save()
    after = {**audit.snapshot(channel, CHANNEL_FIELDS + ["registered_on", "closed_on", "followers"]),
             "responsibles": people.current_ids(channel)}
    audit.record(actor=actor, action={"register": "fronts.channel.register", "change": "fronts.channel.change",
                                      "close": "fronts.channel.close"}[req.kind],
                 obj=channel, unit_id=channel.unit_id, before=before, after=after)


@transaction.atomic
def request_decide(*, actor: Any, request: ChannelRequest, decision: str, comment: str = "") -> ChannelRequest:
    """Decide the step the request waits for. Two approvers acting at once: the first wins, the
    second is told the request has moved on."""
    req = ChannelRequest.objects.select_for_update().select_related("channel__unit").get(pk=request.pk)
    if req.state != request.state:
        raise ValidationError(_("该申请已由他人处理，请刷新页面查看最新状态。"))
    if decision not in Decision.values:
        raise ValidationError(_("请选择同意或不同意。"))
    if decision == Decision.REJECT and not comment.strip():
        raise ValidationError(_("不同意时须说明理由。"))
    ok, why = can_decide(actor, req)
    if not ok:
        raise PermissionDenied(why)
    now = timezone.now()
    step = Step.UNIT if req.state == RequestState.UNIT else Step.OFFICE
    before = {"state": req.state}
    RequestDecision.objects.create(request=req, step=step, decision=decision, decided_by=actor,
                                   comment=comment.strip(), decided_at=now)
    if decision == Decision.REJECT:
        req.state, req.closed_at = RequestState.REJECTED, now
        if req.kind == RequestKind.REGISTER:
            Channel.objects.filter(pk=req.channel_id).update(status=ChannelStatus.REJECTED)
    elif step == Step.UNIT:
        req.state = RequestState.OFFICE
    else:
        req.state, req.closed_at = RequestState.APPROVED, now
    req.save(update_fields=["state", "closed_at"])
    audit.record(actor=actor, action=f"fronts.request.{decision}", obj=req, unit_id=req.channel.unit_id,
                 before=before, after={"state": req.state, "step": step, "comment": comment.strip()})
    if req.state == RequestState.APPROVED:
        _apply(actor, req, timezone.localdate(now))
    if req.state == RequestState.OFFICE:
        notify.request_waiting(req)
    else:
        notify.request_done(req)
    return req


@transaction.atomic
def request_withdraw(*, actor: Any, request: ChannelRequest) -> ChannelRequest:
    req = ChannelRequest.objects.select_for_update().select_related("channel").get(pk=request.pk)
    if actor is None or req.submitted_by_id != actor.pk:
        raise PermissionDenied(_("只有提交人可以撤回申请。"))
    if not req.is_open:
        raise ValidationError(_("该申请已办结，不能撤回。"))
    before = {"state": req.state}
    req.state, req.closed_at = RequestState.WITHDRAWN, timezone.now()
    req.save(update_fields=["state", "closed_at"])
    if req.kind == RequestKind.REGISTER:
        Channel.objects.filter(pk=req.channel_id).update(status=ChannelStatus.REJECTED)
    audit.record(actor=actor, action="fronts.request.withdraw", obj=req, unit_id=req.channel.unit_id,
                 before=before, after={"state": req.state})
    return req
