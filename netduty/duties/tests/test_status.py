"""The status function at each boundary, aggregation, and slot arithmetic."""

import datetime as dt

import pytest
from django.utils import timezone

from netduty.duties import slots
from netduty.duties.status import Status, aggregate, period_status

DUE = dt.date(2025, 6, 30)


def local(y, m, d, hh=12, mm=0):
    return timezone.make_aware(dt.datetime(y, m, d, hh, mm))


@pytest.mark.parametrize(("completed", "active", "today", "expected"), [
    (None, False, dt.date(2025, 6, 29), Status.NOT_STARTED),
    (None, True, dt.date(2025, 6, 29), Status.IN_PROGRESS),
    (None, False, DUE, Status.NOT_STARTED),  # the due day itself is not overdue
    (None, True, DUE, Status.IN_PROGRESS),
    (None, False, dt.date(2025, 7, 1), Status.OVERDUE),  # the day after
    (None, True, dt.date(2025, 7, 1), Status.OVERDUE),
    (local(2025, 6, 30, 23, 59), True, dt.date(2025, 12, 1), Status.DONE),  # last minute, local time
    (local(2025, 7, 1, 0, 0), True, dt.date(2025, 12, 1), Status.LATE_DONE),  # first minute late
    (local(2025, 3, 1), True, dt.date(2025, 3, 2), Status.DONE),
    (dt.date(2025, 6, 30), True, dt.date(2026, 1, 1), Status.DONE),
])
def test_period_status_boundaries(completed, active, today, expected):
    assert period_status(due=DUE, completed_at=completed, active=active, today=today) == expected


def test_completed_at_is_judged_in_local_time():
    # 2025-06-30 16:30 UTC is 2025-07-01 00:30 in Asia/Shanghai → late
    utc = dt.datetime(2025, 6, 30, 16, 30, tzinfo=dt.UTC)
    assert period_status(due=DUE, completed_at=utc, active=True, today=DUE) == Status.LATE_DONE


@pytest.mark.parametrize(("items", "expected"), [
    ([], None),
    ([Status.DONE, Status.DONE], Status.DONE),
    ([Status.DONE, Status.LATE_DONE], Status.LATE_DONE),
    ([Status.DONE, Status.OVERDUE], Status.OVERDUE),
    ([Status.DONE, Status.NOT_STARTED], Status.IN_PROGRESS),
    ([Status.NOT_STARTED, Status.NOT_STARTED], Status.NOT_STARTED),
    ([Status.IN_PROGRESS, Status.NOT_STARTED], Status.IN_PROGRESS),
])
def test_aggregate(items, expected):
    assert aggregate(items) == expected


def test_slots():
    assert [s.key for s in slots.slots_for("quarter", 2024)] == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]
    assert slots.slots_for("quarter", 2024)[0].end == dt.date(2024, 3, 31)
    assert slots.half_slot(2024, 1).end == dt.date(2024, 6, 30)
    assert slots.slots_for("on_event", 2024) == []
    assert slots.slots_for("long_term", 2024) == slots.slots_for("year", 2024) == [slots.year_slot(2024)]
    assert slots.parse_slot("2026-h2") == slots.half_slot(2026, 2)
    assert slots.parse_slot("2026") == slots.year_slot(2026)
    for bad in ("2026-Q5", "26", "2026-X1", ""):
        with pytest.raises(ValueError):
            slots.parse_slot(bad)
    assert slots.current_slot_key(dt.date(2026, 8, 1), "quarter") == "2026-Q3"


@pytest.mark.django_db
@pytest.mark.parametrize("zone", ["Asia/Shanghai", "America/Sao_Paulo", "Europe/Berlin"])
def test_sql_status_counts_agree_with_period_status(world, settings, zone):
    """The board counts statuses in SQL (`status_counts`): the same answers as `period_status`,
    at the local-midnight boundary, in a fixed-offset zone east or west of UTC (SQLite's fast path)
    and in one with summer time (the exact path), with the due date inside or outside the window."""
    from netduty.duties.models import ObligationPeriod
    from netduty.duties.status import from_counts, status_counts

    from .factories import generate

    settings.TIME_ZONE = zone
    generate(2025)
    cases = [  # (completed_at, active)
        (None, False), (None, True), (local(2025, 6, 30, 23, 59), True), (local(2025, 7, 1, 0, 0), True),
        (local(2025, 6, 30, 0, 0), False), (local(2025, 6, 29, 23, 59), True), (local(2025, 7, 2, 8, 0), True),
    ]
    periods = list(ObligationPeriod.objects.order_by("pk")[:len(cases)])
    for p, (completed, active) in zip(periods, cases, strict=True):
        ObligationPeriod.objects.filter(pk=p.pk).update(due=DUE, completed_at=completed,
                                                       activity_at=local(2025, 6, 1) if active else None)
    for today in (dt.date(2025, 6, 29), DUE, dt.date(2025, 7, 1)):
        for first, last in ((dt.date(2025, 1, 1), dt.date(2026, 1, 1)), (dt.date(2030, 1, 1), dt.date(2030, 12, 31))):
            rows = ObligationPeriod.objects.filter(pk__in=[p.pk for p in periods]).values("pk").annotate(
                **status_counts(today, first, last))
            got = {}
            for row in rows:
                counted = {s: n for s, n in from_counts(row).items() if n}
                assert list(counted.values()) == [1], row
                got[row["pk"]] = next(iter(counted))
            for p in ObligationPeriod.objects.filter(pk__in=got):
                assert got[p.pk] == period_status(due=p.due, completed_at=p.completed_at,
                                                  active=p.activity_at is not None, today=today), (zone, today, p)
