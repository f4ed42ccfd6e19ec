"""The one place an obligation period's status is decided, from its evidence and dates.

    已完成     completed on or before the due date
    逾期完成   completed after the due date
    逾期       not completed and the due date has passed
    进行中     not completed, not overdue, with some activity (a record, a file, a submission)
    未开始     nothing yet

"Completed" is `completed_at`: for counted tasks the time the record that reached the required
count was entered; for the others the time of the submission that the next level up accepted.
Dates are compared in the local time zone (Asia/Shanghai): a period due on 6月30日 completed at
23:59 that day is on time; at 00:00 on 7月1日 it is late.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import connection, models
from django.db.models import Count, DateTimeField, F, Func, Q, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("未开始")
    IN_PROGRESS = "in_progress", _("进行中")
    DONE = "done", _("已完成")
    OVERDUE = "overdue", _("逾期")
    LATE_DONE = "late_done", _("逾期完成")


FINISHED = frozenset({Status.DONE, Status.LATE_DONE})
COLOURS = {  # CSS class suffix and xlsx fill
    Status.NOT_STARTED: "D0D5DD",
    Status.IN_PROGRESS: "F5B546",
    Status.DONE: "32A852",
    Status.OVERDUE: "D92D20",
    Status.LATE_DONE: "8E6BD1",
}


def _local_date(value: dt.datetime | dt.date) -> dt.date:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def period_status(*, due: dt.date, completed_at: dt.datetime | dt.date | None, active: bool,
                  today: dt.date) -> Status:
    if completed_at is not None:
        return Status.DONE if _local_date(completed_at) <= due else Status.LATE_DONE
    if today > due:
        return Status.OVERDUE
    return Status.IN_PROGRESS if active else Status.NOT_STARTED


def aggregate(statuses: Iterable[Status]) -> Status | None:
    """Several periods shown in one cell (e.g. four quarters in the year view)."""
    items = list(statuses)
    if not items:
        return None
    if Status.OVERDUE in items:
        return Status.OVERDUE
    if all(s in FINISHED for s in items):
        return Status.LATE_DONE if Status.LATE_DONE in items else Status.DONE
    if all(s == Status.NOT_STARTED for s in items):
        return Status.NOT_STARTED
    return Status.IN_PROGRESS


# ---- the same rules in SQL (boards and summaries over thousands of periods) -----------------------

def on_time_q(first: dt.date, last: dt.date) -> Q:
    """Completed on or before the due date, compared in the local time zone (as `period_status`).

    PostgreSQL converts in the database (AT TIME ZONE). SQLite has no time zones: Django's `__date`
    calls back into Python for every row, so where the local zone keeps one UTC offset on every
    day from `first` to `last` (Asia/Shanghai does), a period due in that window compares the
    stored UTC text with the UTC instant its local due day ends — same answer, native speed."""
    exact = Q(completed_at__date__lte=F("due"))
    if connection.vendor != "sqlite" or last < first:
        return exact
    tz = timezone.get_current_timezone()
    offsets = {tz.utcoffset(dt.datetime.combine(first + dt.timedelta(days=i), dt.time()))
               for i in range((last - first).days + 2)}
    if len(offsets) != 1:
        return exact
    offset = offsets.pop()
    if offset is None:
        return exact
    minutes = int(offset.total_seconds() // 60)
    day_end = Func(F("due"), Value("+1 day"), Value(f"{-minutes:+d} minutes"), function="datetime",
                   output_field=DateTimeField())
    window = Q(due__gte=first, due__lte=last)
    return (window & Q(completed_at__lt=day_end)) | (~window & exact)


def status_counts(today: dt.date, first: dt.date, last: dt.date) -> dict[str, Count]:
    """Annotations counting a group's periods by status (`from_counts` turns them into statuses);
    `first`..`last` bounds the due dates for the fast path of `on_time_q`."""
    open_ = Q(completed_at__isnull=True)
    return {
        "n_periods": Count("id"),
        "n_completed": Count("completed_at"),
        "n_on_time": Count("id", filter=on_time_q(first, last)),
        "n_overdue": Count("id", filter=open_ & Q(due__lt=today)),
        "n_active": Count("id", filter=open_ & Q(due__gte=today, activity_at__isnull=False)),
    }


def from_counts(row: dict) -> dict[Status, int]:
    """Periods by status from the `status_counts` annotations of one group."""
    done, late = row["n_on_time"], row["n_completed"] - row["n_on_time"]
    overdue, active = row["n_overdue"], row["n_active"]
    return {Status.DONE: done, Status.LATE_DONE: late, Status.OVERDUE: overdue, Status.IN_PROGRESS: active,
            Status.NOT_STARTED: row["n_periods"] - done - late - overdue - active}


def aggregate_counts(n: int, on_time: int, completed: int, overdue: int, active: int) -> Status:
    """`aggregate` of a group's statuses, from its counts (n > 0)."""
    if overdue:
        return Status.OVERDUE
    if completed == n:
        return Status.DONE if on_time == n else Status.LATE_DONE
    if not active and not completed:
        return Status.NOT_STARTED
    return Status.IN_PROGRESS
