"""Meeting records, evidence files, and keeping counted periods in step with them."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max, Min, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from netduty.core import audit
from netduty.org.models import Unit

from .. import counting
from ..evidence import check_upload
from ..models import Evidence, EvidenceVersion, MeetingKind, MeetingRecord, ObligationPeriod
from .common import check

MEETING_FIELDS = ["unit", "kind", "title", "date", "place", "chair", "attendees", "absentees", "topics", "minutes",
                  "decisions", "voided_at", "void_reason"]
EDITABLE = set(MEETING_FIELDS) - {"unit", "voided_at", "void_reason"}


# ---- counted periods ------------------------------------------------------------------------

def _refresh(qs: QuerySet[ObligationPeriod]) -> int:
    """Recompute count / completed_at / activity_at of the counted periods in `qs`. Returns how many
    changed. Queries: 1 for the periods, 1 per record kind, 1 for evidence times, 1 bulk update."""
    rows = list(qs.filter(required__gt=0).values(
        "id", "unit_id", "start", "end", "required", "count", "activity_at", "completed_at",
        "obligation__task__count_of"))
    if not rows:
        return 0
    first_evidence = dict(
        Evidence.objects.filter(period__in=qs).values("period_id").annotate(t=Min("created_at"))
        .values_list("period_id", "t"))
    by_kind: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        by_kind[row["obligation__task__count_of"]].append(row)
    changed: list[ObligationPeriod] = []
    for kind, periods in by_kind.items():
        counter = counting.counter_for(kind)
        records: dict[int, list[tuple[dt.date, dt.datetime]]] = defaultdict(list)
        if counter is not None:
            units = sorted({p["unit_id"] for p in periods})
            start = min(p["start"] for p in periods)
            end = max(p["end"] for p in periods)
            for unit_id, day, entered in counter(kind, start, end, units if len(units) <= 500 else None):
                records[unit_id].append((day, entered))
        for p in periods:
            times_in = sorted(t for d, t in records.get(p["unit_id"], ()) if p["start"] <= d <= p["end"])
            count = len(times_in)
            completed = times_in[p["required"] - 1] if count >= p["required"] else None
            times = [t for t in (times_in[0] if times_in else None, first_evidence.get(p["id"])) if t is not None]
            activity = min(times) if times else None
            if (count, completed, activity) != (p["count"], p["completed_at"], p["activity_at"]):
                changed.append(ObligationPeriod(pk=p["id"], count=min(count, 32767), completed_at=completed,
                                                activity_at=activity))
    if changed:
        ObligationPeriod.objects.bulk_update(changed, ["count", "completed_at", "activity_at"], batch_size=1000)
    return len(changed)


def refresh_periods(periods: QuerySet[ObligationPeriod]) -> int:
    return _refresh(periods)


def refresh_year(year: int) -> int:
    return _refresh(ObligationPeriod.objects.filter(obligation__year=year))


def records_changed(*, unit: Unit | int, kind: str, day: dt.date) -> int:
    """A qualifying record of `kind` dated `day` was added, changed or voided for `unit`: refresh
    the periods that count it. Call inside the writing service's transaction."""
    unit_id = unit if isinstance(unit, int) else unit.pk
    return _refresh(ObligationPeriod.objects.filter(
        unit_id=unit_id, obligation__task__count_of=kind, start__lte=day, end__gte=day))


# ---- meetings -------------------------------------------------------------------------------

def _validate_meeting(meeting: MeetingRecord) -> None:
    meeting.full_clean(exclude=["created_by"])
    if meeting.date > timezone.localdate():
        raise ValidationError({"date": _("会议日期不能晚于今天：请在会议召开后登记。")})


@transaction.atomic
def meeting_create(*, actor: Any, unit: Unit, kind: str, title: str, date: dt.date, chair: str, attendees: str,
                   topics: str, place: str = "", absentees: str = "", minutes: str = "",
                   decisions: str = "") -> MeetingRecord:
    check(actor, "duties.record", unit)
    meeting = MeetingRecord(unit=unit, kind=kind, title=title, date=date, place=place, chair=chair,
                            attendees=attendees, absentees=absentees, topics=topics, minutes=minutes,
                            decisions=decisions, created_by=actor if actor is not None else None)
    _validate_meeting(meeting)
    meeting.save()
    audit.record(actor=actor, action="duties.meeting.create", obj=meeting, unit_id=unit.pk,
                 after=audit.snapshot(meeting, MEETING_FIELDS))
    records_changed(unit=unit, kind=kind, day=date)
    return meeting


@transaction.atomic
def meeting_update(*, actor: Any, meeting: MeetingRecord, **changes: Any) -> MeetingRecord:
    meeting = MeetingRecord.objects.select_for_update().select_related("unit").get(pk=meeting.pk)
    check(actor, "duties.record", meeting.unit)
    if meeting.voided_at:
        raise ValidationError(_("已作废的会议记录不能修改。"))
    before = audit.snapshot(meeting, MEETING_FIELDS)
    old = (meeting.kind, meeting.date)
    for name, value in changes.items():
        if name not in EDITABLE:
            raise ValueError(f"unknown meeting field {name}")
        setattr(meeting, name, value)
    _validate_meeting(meeting)
    meeting.save()
    after = audit.snapshot(meeting, MEETING_FIELDS)
    if after != before:
        audit.record(actor=actor, action="duties.meeting.update", obj=meeting, unit_id=meeting.unit_id,
                     before=before, after=after)
        records_changed(unit=meeting.unit_id, kind=old[0], day=old[1])
        records_changed(unit=meeting.unit_id, kind=meeting.kind, day=meeting.date)
    return meeting


@transaction.atomic
def meeting_void(*, actor: Any, meeting: MeetingRecord, reason: str) -> MeetingRecord:
    meeting = MeetingRecord.objects.select_for_update().select_related("unit").get(pk=meeting.pk)
    check(actor, "duties.record", meeting.unit)
    if not reason.strip():
        raise ValidationError({"void_reason": _("请填写作废原因。")})
    if meeting.voided_at is None:
        before = audit.snapshot(meeting, MEETING_FIELDS)
        meeting.voided_at, meeting.void_reason = timezone.now(), reason.strip()[:200]
        meeting.save(update_fields=["voided_at", "void_reason"])
        audit.record(actor=actor, action="duties.meeting.void", obj=meeting, unit_id=meeting.unit_id,
                     before=before, after=audit.snapshot(meeting, MEETING_FIELDS))
        records_changed(unit=meeting.unit_id, kind=meeting.kind, day=meeting.date)
    return meeting


# ---- evidence files -------------------------------------------------------------------------

def _store(evidence: Evidence, upload: IO[bytes], name: str, actor: Any, version: int) -> EvidenceVersion:
    checked = check_upload(upload, name)  # raises before anything is written
    ext = "jpg" if checked.file_type == "jpg" else checked.file_type
    path = default_storage.save(f"duties/evidence/{evidence.unit_id}/{uuid.uuid4().hex}.{ext}",
                                ContentFile(checked.data))
    try:
        return EvidenceVersion.objects.create(
            evidence=evidence, version=version, file=path, original_name=checked.name, file_type=checked.file_type,
            content_type=checked.content_type, size=checked.size, sha256=checked.sha256,
            uploaded_by=actor if actor is not None else None)
    except Exception:
        default_storage.delete(path)
        raise


def _mark_activity(period: ObligationPeriod | None) -> None:
    if period is not None and period.activity_at is None:
        ObligationPeriod.objects.filter(pk=period.pk, activity_at__isnull=True).update(activity_at=timezone.now())


@transaction.atomic
def evidence_add(*, actor: Any, upload: IO[bytes], name: str, title: str = "",
                 period: ObligationPeriod | None = None, meeting: MeetingRecord | None = None) -> EvidenceVersion:
    """A new piece of evidence (version 1) for a period or a meeting record."""
    if (period is None) == (meeting is None):
        raise ValueError("evidence belongs to exactly one period or meeting")
    target_unit = period.unit if period is not None else meeting.unit  # type: ignore[union-attr]
    check(actor, "duties.record", target_unit)
    if meeting is not None and meeting.voided_at:
        raise ValidationError(_("已作废的会议记录不能再添加材料。"))
    title = (title or name).strip()[:200] or "佐证材料"
    evidence = Evidence.objects.create(unit=target_unit, period=period, meeting=meeting, title=title,
                                       created_by=actor if actor is not None else None)
    version = _store(evidence, upload, name, actor, 1)
    _mark_activity(period)
    audit.record(actor=actor, action="duties.evidence.add", obj=evidence, unit_id=target_unit.pk,
                 after={"title": title, "period": period.pk if period else None,
                        "meeting": meeting.pk if meeting else None, "version": 1, "file": version.original_name,
                        "sha256": version.sha256, "size": version.size})
    return version


@transaction.atomic
def evidence_version_add(*, actor: Any, evidence: Evidence, upload: IO[bytes], name: str) -> EvidenceVersion:
    """Upload a new version; every earlier version stays downloadable."""
    evidence = Evidence.objects.select_for_update().select_related("unit").get(pk=evidence.pk)
    check(actor, "duties.record", evidence.unit)
    number = (evidence.versions.aggregate(n=Max("version"))["n"] or 0) + 1
    version = _store(evidence, upload, name, actor, number)
    audit.record(actor=actor, action="duties.evidence.version", obj=evidence, unit_id=evidence.unit_id,
                 after={"version": number, "file": version.original_name, "sha256": version.sha256,
                        "size": version.size})
    return version


MEETING_KIND_LABELS = dict(MeetingKind.choices)
