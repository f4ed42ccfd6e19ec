"""Scoped reads of channels (the review app reads channels only through here)."""

from typing import Any

from django.db.models import QuerySet

from netduty.org import permissions

from .models import Channel, ChannelStage


def channels_for(user: Any, action: str = permissions.VIEW) -> QuerySet[Channel]:
    return permissions.restrict(Channel.objects.select_related("unit"), user, action)


def channel_for(user: Any, pk: int, action: str | None = None) -> Channel:
    return permissions.get_for_user_or_404(Channel.objects.select_related("unit"), user, action=action, pk=pk)


def stages(channel: Channel) -> list[ChannelStage]:
    return list(channel.stages.order_by("order"))
