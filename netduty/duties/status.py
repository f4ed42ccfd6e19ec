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

from django.db import models
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
