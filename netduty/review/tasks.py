"""Background tasks (django.tasks). Ids in, never objects; enqueued on commit by the services."""

from __future__ import annotations

import datetime as dt
import os
import socket
from functools import partial

from django.db import transaction
from django.tasks import task

JOB_SWEEP = "review.sweep"


def _worker() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


@task()
def notify(kind: str, object_id: int) -> int:
    from .services.notify import deliver

    return deliver(kind, object_id)


@task()
def live_check(publication_id: int, user_id: int | None = None) -> str:
    from django.contrib.auth import get_user_model

    from .services import live_check_run

    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return live_check_run(publication_id=publication_id, requested_by=user).result


@task()
def sweep_one(channel_id: int, slot: str) -> dict | None:
    from netduty.fronts.models import Channel

    from .services import sweep_channel

    channel = Channel.objects.select_related("unit").get(pk=channel_id)
    sweep = sweep_channel(channel=channel, slot=slot, today=dt.date.fromisoformat(slot[:10]))
    if sweep is None:
        return None
    return {"live": sweep.live_count, "unreviewed": sweep.unreviewed_count, "broken": sweep.broken_count,
            "stale": sweep.stale}


def recheck_days() -> int:
    """Published items are re-checked daily for this many days (pack `review.recheck_days`, else
    settings.NETDUTY_REVIEW_RECHECK_DAYS, default 30)."""
    from django.conf import settings

    from netduty.policy import selectors as policy

    value = policy.setting("review.recheck_days", None)
    return int(value if isinstance(value, int) else getattr(settings, "NETDUTY_REVIEW_RECHECK_DAYS", 30))


@task()
def sweep(slot: str) -> dict | None:
    """Daily: claim the slot once (JobClaim), then one task per active channel with a feed, and a
    live check of every item published in the last `recheck_days` days."""
    from django.utils import timezone

    from netduty.core.jobs import claim_slot
    from netduty.fronts.models import Channel

    from .models import Publication

    with transaction.atomic():
        claim = claim_slot(JOB_SWEEP, slot, _worker())
        if claim is None:
            return None
        ids = list(Channel.objects.filter(status="active").exclude(feed_url="").exclude(url_prefix="")
                   .values_list("pk", flat=True))
        since = timezone.now() - dt.timedelta(days=recheck_days())
        pubs = [p.pk for p in Publication.objects.filter(published_at__gte=since).exclude(url="")
                .select_related("submission__channel") if p.submission.channel.check_kind in ("page", "wechat")]
        result = {"channels": len(ids), "rechecks": len(pubs)}
        claim.result = result
        claim.save(update_fields=["result"])
        for pk in ids:
            transaction.on_commit(partial(sweep_one.enqueue, pk, slot))
        for pk in pubs:
            transaction.on_commit(partial(live_check.enqueue, pk))
    return result

