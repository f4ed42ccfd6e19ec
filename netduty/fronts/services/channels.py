"""Channels and their review stages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.translation import gettext as _

from netduty.core import audit
from netduty.org import permissions
from netduty.org.models import Unit
from netduty.policy import selectors as policy

from .. import people
from ..models import Channel, ChannelResponsible, ChannelStage, ChannelStatus

MANAGE = "fronts.manage"
CHANNEL_FIELDS = ["unit", "platform", "name", "account_id", "url", "url_prefix", "feed_url", "tier",
                  "status", "verified_entity", "opened_on", "live_check", "wechat_biz"]
STAGE_FIELDS = ["order", "code", "name", "roles"]
FALLBACK_STAGES = [
    {"code": "first", "name": "初审", "roles": ["info_officer"]},
    {"code": "second", "name": "复审", "roles": ["dept_head"]},
    {"code": "final", "name": "终审", "roles": ["unit_head", "first_responsible", "direct_responsible"]},
]  # the same as the default pack's review.stages (test_fallback_stages_match_the_default_pack)


def require_office(actor: Any) -> None:
    """宣传部-only operations: fronts.manage school-wide (the system, actor=None, may too)."""
    if actor is not None and not permissions.can(actor, MANAGE, None):
        raise PermissionDenied(_("只有宣传部可以执行此操作。"))


def default_stage_specs(day: dt.date | None = None) -> list[dict[str, Any]]:
    """The pack's `review.stages` (code, name, roles), or the 三审 fallback when no pack says."""
    specs = policy.setting("review.stages", default=None, day=day)
    if not isinstance(specs, list) or not specs:
        specs = FALLBACK_STAGES
    return [{"code": str(s["code"]), "name": str(s["name"]), "roles": [str(r) for r in s.get("roles", [])]}
            for s in specs]


def _stage_rows(channel: Channel) -> list[dict[str, Any]]:
    return [{"order": s.order, "code": s.code, "name": s.name, "roles": list(s.roles)}
            for s in channel.stages.order_by("order")]


def create_default_stages(channel: Channel) -> list[ChannelStage]:
    """Called inside the registering service's transaction (no separate audit event: the
    registration event carries the stages)."""
    return [ChannelStage.objects.create(channel=channel, order=i, **spec)
            for i, spec in enumerate(default_stage_specs(), start=1)]


def _clean_specs(specs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if not specs:
        raise ValidationError(_("至少需要一个审核阶段。"))
    known = set(policy.roles().values_list("code", flat=True))
    seen: set[str] = set()
    out = []
    for spec in specs:
        code = str(spec.get("code", "")).strip()
        name = str(spec.get("name", "")).strip()
        roles = [str(r).strip() for r in spec.get("roles", []) if str(r).strip()]
        if not code or not name or not roles:
            raise ValidationError(_("每个审核阶段须有代码、名称和至少一个角色。"))
        if code in seen:
            raise ValidationError(_("审核阶段代码重复：%(code)s") % {"code": code})
        unknown = [r for r in roles if known and r not in known]
        if unknown:
            raise ValidationError(_("未知角色代码：%(codes)s") % {"codes": "、".join(unknown)})
        seen.add(code)
        out.append({"code": code, "name": name, "roles": roles})
    return out


@transaction.atomic
def stages_set(*, actor: Any, channel: Channel, specs: list[dict[str, Any]]) -> list[ChannelStage]:
    """Replace a channel's review stages (宣传部 only). Rows are kept by code, so records that point
    at a stage (review decisions) survive renaming and reordering; a stage that has records cannot
    be removed (the database refuses and we say so)."""
    require_office(actor)
    cleaned = _clean_specs(specs)
    channel = Channel.objects.select_for_update().get(pk=channel.pk)
    before = _stage_rows(channel)
    existing = {s.code: s for s in channel.stages.all()}
    # two-phase renumbering keeps (channel, order) unique throughout
    for stage in existing.values():
        stage.order += 1000
        stage.save(update_fields=["order"])
    keep = {spec["code"] for spec in cleaned}
    for code, stage in existing.items():
        if code not in keep:
            try:
                with transaction.atomic():
                    stage.delete()
            except (ProtectedError, RestrictedError) as exc:
                raise ValidationError(_("审核阶段“%(name)s”已有审核记录，不能删除。") % {"name": stage.name}) from exc
    result = []
    for order, spec in enumerate(cleaned, start=1):
        kept = existing.get(spec["code"])
        if kept is None:
            kept = ChannelStage.objects.create(channel=channel, order=order, **spec)
        else:
            kept.order, kept.name, kept.roles = order, spec["name"], spec["roles"]
            kept.save(update_fields=["order", "name", "roles"])
        result.append(kept)
    audit.record(actor=actor, action="fronts.channel.stages", obj=channel, unit_id=channel.unit_id,
                 before={"stages": before}, after={"stages": _stage_rows(channel)})
    return result


OFFICE_STAGE_CODE, OFFICE_STAGE_NAME = "office", "宣传部审核"  # roles: the pack's functions.propaganda


def stage_add(*, actor: Any, channel: Channel, code: str = OFFICE_STAGE_CODE, name: str = OFFICE_STAGE_NAME,
              roles: list[str] | None = None, position: int | None = None) -> list[ChannelStage]:
    """Add one stage (default: a 宣传部 stage at the end, as for tier-1 channels)."""
    specs = [{"code": s.code, "name": s.name, "roles": list(s.roles)} for s in channel.stages.order_by("order")]
    new = {"code": code, "name": name, "roles": list(roles or policy.function_roles("propaganda"))}
    specs.insert(len(specs) if position is None else max(0, position - 1), new)
    return stages_set(actor=actor, channel=channel, specs=specs)


@transaction.atomic
def channel_create(*, actor: Any, unit: Unit, platform: str, name: str, status: str = ChannelStatus.ACTIVE,
                   tier: str = "2", account_id: str = "", url: str = "", url_prefix: str = "", feed_url: str = "",
                   verified_entity: str = "", opened_on: dt.date | None = None, followers: int | None = None,
                   registered_on: dt.date | None = None, responsibles: dict[str, list[int]] | None = None,
                   stages: list[dict[str, Any]] | None = None, live_check: str = "", wechat_biz: str = "") -> Channel:
    """Enter a channel straight into the registry (宣传部 taking over the existing 台账, the demo
    loader, tests). Units register new channels through `registration_submit` instead.
    `responsibles` ({duty: [appointment ids]}) must be current appointments of the unit."""
    require_office(actor)
    if status not in ChannelStatus.values:
        raise ValidationError(_("未知状态。"))
    chosen = (people.clean_responsibles(unit, responsibles, timezone.localdate(), require_admin=False)
              if responsibles else {})
    channel = Channel(unit=unit, platform=platform, name=name, status=status, tier=tier, account_id=account_id,
                      url=url, url_prefix=url_prefix, feed_url=feed_url, verified_entity=verified_entity,
                      opened_on=opened_on, followers=followers, registered_on=registered_on,
                      live_check=live_check, wechat_biz=wechat_biz)
    channel.full_clean()
    channel.save()
    ChannelResponsible.objects.bulk_create([ChannelResponsible(channel=channel, duty=duty, appointment_id=i)
                                            for duty, ids in chosen.items() for i in ids])
    if stages is None:
        create_default_stages(channel)
    else:
        for order, spec in enumerate(_clean_specs(stages), start=1):
            ChannelStage.objects.create(channel=channel, order=order, **spec)
    audit.record(actor=actor, action="fronts.channel.create", obj=channel, unit_id=unit.pk, before=None,
                 after={**audit.snapshot(channel, CHANNEL_FIELDS), "stages": _stage_rows(channel),
                        "responsibles": chosen})
    return channel
