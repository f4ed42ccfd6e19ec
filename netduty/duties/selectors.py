"""Scoped reads of the duties app. Every function takes the asking user."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from netduty.core import notify as core_notify
from netduty.core.models import Notification
from netduty.org import permissions
from netduty.org.models import Appointment, Person, Unit, valid_on_q

from .models import (
    Evidence,
    EvidenceVersion,
    MeetingRecord,
    Obligation,
    ObligationPeriod,
    SubTask,
)
from .status import FINISHED, Status, aggregate, period_status


def periods(user: Any, action: str = permissions.VIEW) -> QuerySet[ObligationPeriod]:
    return permissions.restrict(ObligationPeriod.objects.all(), user, action).select_related(
        "unit", "obligation__task")


def period_for(user: Any, pk: int, action: str | None = None) -> ObligationPeriod:
    qs = ObligationPeriod.objects.select_related("unit__parent", "obligation__task", "submitted_by")
    return permissions.get_for_user_or_404(qs, user, action=action, pk=pk)


def obligations(user: Any) -> QuerySet[Obligation]:
    return permissions.restrict(Obligation.objects.all(), user).select_related("unit", "task")


def obligation_for(user: Any, pk: int, action: str | None = None) -> Obligation:
    return permissions.get_for_user_or_404(Obligation.objects.select_related("unit", "task"), user,
                                           action=action, pk=pk)


def unit_year(unit: Unit, year: int) -> list[Obligation]:
    """A unit's obligations of `year` with their periods (caller has already checked scope)."""
    period_qs = ObligationPeriod.objects.annotate(n_evidence=Count("evidence")).order_by("start", "key")
    return list(
        Obligation.objects.filter(unit=unit, year=year).select_related("task")
        .prefetch_related(Prefetch("periods", queryset=period_qs),
                          Prefetch("subtasks", queryset=SubTask.objects.select_related("assignee")))
        .order_by("task__order", "task__pack__version")
    )


def meetings(user: Any) -> QuerySet[MeetingRecord]:
    return permissions.restrict(MeetingRecord.objects.all(), user).select_related("unit", "created_by")


def meeting_for(user: Any, pk: int, action: str | None = None) -> MeetingRecord:
    return permissions.get_for_user_or_404(MeetingRecord.objects.select_related("unit"), user, action=action, pk=pk)


def evidence(user: Any) -> QuerySet[Evidence]:
    return permissions.restrict(Evidence.objects.all(), user).prefetch_related("versions")


def evidence_for(user: Any, pk: int, action: str | None = None) -> Evidence:
    return permissions.get_for_user_or_404(Evidence.objects.select_related("unit"), user, action=action, pk=pk)


def version_for(user: Any, pk: int) -> EvidenceVersion:
    return permissions.get_for_user_or_404(EvidenceVersion.objects.select_related("evidence"), user,
                                           unit_field="evidence__unit", pk=pk)


def counted_records(period: ObligationPeriod) -> QuerySet[MeetingRecord]:
    kind = period.obligation.task.count_of
    if not period.counted or not kind.startswith("meeting."):
        return MeetingRecord.objects.none()
    return MeetingRecord.objects.filter(unit_id=period.unit_id, kind=kind, date__gte=period.start,
                                        date__lte=period.end, voided_at__isnull=True).order_by("created_at")


def awaiting_acceptance(user: Any) -> QuerySet[ObligationPeriod]:
    """Submitted periods this user may accept: units whose parent is in their accept scope (or all)."""
    qs = ObligationPeriod.objects.filter(review_state="submitted").exclude(submitted_by=user)
    return qs.filter(permissions.scope_q(user, "duties.accept", unit_field="unit__parent")).select_related(
        "unit", "obligation__task")


def recorder_people(unit: Unit, day: dt.date) -> QuerySet[Person]:
    """People who may be assigned a sub-task: anyone holding an appointment in the unit on `day`."""
    ids = Appointment.objects.filter(valid_on_q(day), unit=unit).values("person_id")
    return Person.objects.filter(Q(pk__in=ids) | Q(unit=unit)).order_by("name")


def notifications(user: Any) -> QuerySet[Notification]:
    person = getattr(user, "person", None)
    if person is None:
        return Notification.objects.none()
    return core_notify.inbox(person)


def todo_for(user: Any, day: dt.date) -> list[dict[str, str]]:
    """Home dashboard items: my units' periods overdue or due within 30 days, and acceptances waiting."""
    items: list[dict[str, str]] = []
    if not permissions.can_anywhere(user, "duties.record") and not permissions.can_anywhere(user, "duties.accept"):
        return items
    mine = periods(user, "duties.record").filter(completed_at__isnull=True, start__lte=day,
                                                 due__lte=day + dt.timedelta(days=30)).order_by("due")[:15]
    for p in mine:
        status = p.status_on(day)
        late = (day - p.due).days
        note = (ngettext("已逾期 %(n)s 天", "已逾期 %(n)s 天", late) % {"n": late} if status == Status.OVERDUE
                else _("%(date)s截止") % {"date": dateformat.format(p.due, _("Y年n月j日"))})
        items.append({"label": f"{p.unit}·{p.obligation.task.item}（{p.display_label}）", "note": note,
                      "url": reverse("duties:period_detail", args=[p.pk])})
    for p in awaiting_acceptance(user).order_by("submitted_at")[:15]:
        items.append({"label": _("待验收：%(what)s") % {"what": f"{p.unit}·{p.obligation.task.item}（{p.display_label}）"},
                      "note": _("请验收或退回"),
                      "url": reverse("duties:period_detail", args=[p.pk])})
    return items


def calendar_periods(person: Person, day: dt.date) -> list[ObligationPeriod]:
    """Deadlines for a person: periods of the units where they record duties (appointments valid in
    the window), from last year to next year."""
    window_from, window_to = dt.date(day.year - 1, 1, 1), dt.date(day.year + 1, 12, 31)
    appts = Appointment.objects.filter(person=person, valid_from__lte=window_to).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=window_from)).select_related("role")
    unit_ids = {a.unit_id for a in appts if "duties.record" in a.role.actions and a.role.reach != "school"}
    return list(ObligationPeriod.objects.filter(unit_id__in=unit_ids, due__gte=window_from, due__lte=window_to)
                .select_related("unit", "obligation__task").order_by("due"))


def status_of(row: Any, today: dt.date) -> Status:
    return period_status(due=row["due"], completed_at=row["completed_at"], active=row["activity_at"] is not None,
                         today=today)


def unit_summary(unit_ids: list[int], year: int, today: dt.date) -> dict[int, dict[str, int]]:
    """Per unit: number of periods of `year` by status (one query)."""
    out: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    # obligation__unit_id repeats unit_id (a period's unit is its obligation's) so that the database
    # finds the obligations by their (year, unit) index instead of reading the whole year
    rows = ObligationPeriod.objects.filter(unit_id__in=unit_ids, obligation__year=year,
                                           obligation__unit_id__in=unit_ids).values(
        "unit_id", "due", "completed_at", "activity_at")
    for row in rows:
        out[row["unit_id"]][status_of(row, today)] += 1
    for counts in out.values():
        counts["total"] = sum(v for k, v in counts.items() if k != "total")
        counts["finished"] = sum(counts[s] for s in FINISHED)
    return out


__all__ = ["aggregate"]
