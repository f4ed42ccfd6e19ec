"""Qualifying records for counted tasks (`TaskItem.count_of`), by record kind.

duties counts its own meeting records (`meeting.*`). Another app that keeps a qualifying record
(e.g. opinion's `opinion.quarterly_report`) registers a counter from its AppConfig.ready() through
the platform's registry:

    from netduty.core import registry
    registry.counter("opinion.", lambda kind, start, end, unit_ids: ...)  # (unit_id, date, created_at)

and calls `netduty.duties.services.records_changed(unit=..., kind=..., day=...)` after each write,
so the periods that count the record are refreshed in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from netduty.core import registry
from netduty.core.registry import Row

counter_for = registry.counter_for


def meetings(kind: str, start: dt.date, end: dt.date, unit_ids: list[int] | None) -> Iterable[Row]:
    from .models import MeetingRecord

    qs = MeetingRecord.objects.filter(kind=kind, date__gte=start, date__lte=end, voided_at__isnull=True)
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    return qs.values_list("unit_id", "date", "created_at")


