"""Factories for the channel registry. `make_channel(unit, **kw)` is used by other apps' tests."""

from __future__ import annotations

import itertools
from typing import Any

from netduty.fronts import services
from netduty.fronts.models import Channel, ChannelStatus, Platform
from netduty.org.models import Unit

_seq = itertools.count(1)


def make_channel(unit: Unit, **kw: Any) -> Channel:
    """An active channel of `unit` with the pack's default three review stages (初审 info_officer →
    复审 dept_head → 终审 unit_head/first_responsible/direct_responsible). Keyword arguments override fields
    (platform, name, account_id, url, url_prefix, feed_url, tier, status, verified_entity,
    opened_on, stages=[{code, name, roles}, …])."""
    n = next(_seq)
    kw.setdefault("platform", Platform.WECHAT)
    kw.setdefault("name", f"{unit.short_name or unit.name}公众号{n}")
    kw.setdefault("status", ChannelStatus.ACTIVE)
    if kw["platform"] != Platform.WEBSITE:
        kw.setdefault("account_id", f"gh_test{n:06d}")
    return services.channel_create(actor=None, unit=unit, **kw)


def register_wechat(world: Any, actor: Any, unit: Unit | None = None, **kw: Any):
    """A registration request for a WeChat account of `unit` (default 文学院) by `actor`, with the
    unit's 信息员 as administrator."""
    import datetime as dt

    from django.utils import timezone

    from netduty.org.models import Appointment

    unit = unit or world.college_a
    admin = Appointment.objects.filter(unit=unit).order_by("pk").first()
    if unit == world.college_a:
        admin = Appointment.objects.get(person=world.editor_person)
    kw.setdefault("platform", Platform.WECHAT)
    kw.setdefault("name", f"{unit.short_name}微信公众号")
    kw.setdefault("account_id", f"gh_{unit.code}")
    kw.setdefault("opened_on", timezone.localdate() - dt.timedelta(days=3))
    kw.setdefault("responsibles", {"admin": [admin.pk]})
    return services.registration_submit(actor=actor, unit=unit, **kw)


def people_of(channel: Channel) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in channel.responsibles.select_related("appointment__person").order_by("pk"):
        out.setdefault(r.duty, []).append(r.appointment.person.name)
    return out
