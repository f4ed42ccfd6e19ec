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
    复审 dept_head → 终审 unit_head/direct_responsible). Keyword arguments override fields
    (platform, name, account_id, url, url_prefix, feed_url, tier, status, verified_entity,
    opened_on, stages=[{code, name, roles}, …])."""
    n = next(_seq)
    kw.setdefault("platform", Platform.WECHAT)
    kw.setdefault("name", f"{unit.short_name or unit.name}公众号{n}")
    kw.setdefault("status", ChannelStatus.ACTIVE)
    if kw["platform"] != Platform.WEBSITE:
        kw.setdefault("account_id", f"gh_test{n:06d}")
    return services.channel_create(actor=None, unit=unit, **kw)
