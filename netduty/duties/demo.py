"""Demo data for duties: this year's obligations for the demo university, a few meeting records,
evidence files and acceptances, so the board shows every colour. Idempotent.

The demo back-dates when things were entered (it simulates a year of work), which the services
never do; that is why it updates a few timestamps directly."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from netduty.org.models import Unit
from netduty.policy import selectors as policy

from . import services
from .models import MeetingRecord, ObligationPeriod
from .status import Status, period_status

MARK = "【演示】"
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime(day.year, day.month, day.day, hour))


def _meeting(unit: Unit, kind: str, day: dt.date, entered: dt.date, title: str) -> None:
    record = services.meeting_create(
        actor=None, unit=unit, kind=kind, title=f"{MARK}{title}", date=day, place="行政楼第一会议室",
        chair="党组织书记", attendees="班子成员全体", absentees="", topics=title,
        minutes="传达上级精神，分析研判本单位意识形态领域形势，部署下一步工作。", decisions="按分工抓好落实。")
    MeetingRecord.objects.filter(pk=record.pk).update(created_at=_at(entered))
    services.records_changed(unit=unit, kind=kind, day=day)


def _finish(period: ObligationPeriod, submitted: dt.date, reviewer, accept: bool = True) -> None:
    """Evidence, a submission dated `submitted`, and (optionally) acceptance."""
    services.evidence_add(actor=None, period=period, upload=SimpleUploadedFile("材料.pdf", PDF), name="佐证材料.pdf",
                          title=f"{period.label}佐证材料")
    period = services.period_submit(actor=None, period=period, statement="已按要求完成，材料见附件。")
    ObligationPeriod.objects.filter(pk=period.pk).update(submitted_at=_at(submitted))
    period.refresh_from_db()
    if accept:
        services.period_accept(actor=reviewer, period=period, reason="材料齐全，予以验收。")


def _past(day: dt.date, today: dt.date) -> dt.date:
    return min(day, today)


@transaction.atomic
def load_demo(today: dt.date | None = None) -> str:
    today = today or timezone.localdate()
    root = Unit.objects.filter(code="xzsy").first()
    if root is None or policy.active_pack(today) is None:
        return ""
    result = services.generate_year(actor=None, year=today.year, today=today)
    if MeetingRecord.objects.filter(unit=root, title__startswith=MARK).exists():
        return f"重点任务演示数据已存在（{today.year} 年度任务新建 {result.periods_created} 个周期）。"
    reviewer = get_user_model().objects.filter(username="xcb").first()
    year = today.year
    units = {u.code: u for u in Unit.objects.filter(code__in=["wxy", "wgy", "mks", "sxy", "xxgc", "jgxy", "fsyy"])}

    def period(code: str, task: str, key: str) -> ObligationPeriod | None:
        return ObligationPeriod.objects.filter(unit__code=code, task_code=task, key=key).first()

    # 校党委: committee meeting in the first half (on time) → 进行中 for the year until the second;
    # convey-study entered late in H1, on time in H2 → 逾期完成
    _meeting(root, "meeting.committee_ideology", _past(dt.date(year, 3, 20), today),
             _past(dt.date(year, 3, 21), today), "党委会专题研究意识形态工作（上半年）")
    _meeting(root, "meeting.convey_study", _past(dt.date(year, 6, 25), today),
             _past(dt.date(year, 7, 5), today), "传达学习上级关于意识形态工作的通报")
    if today.month > 6:
        _meeting(root, "meeting.convey_study", _past(dt.date(year, 9, 10), today),
                 _past(dt.date(year, 9, 10), today), "传达学习上级意识形态工作会议精神")
    # quarterly opinion analysis: some colleges on time, one late, one only started, others none
    done_quarters = [q for q in range(1, 5) if dt.date(year, 3 * q, 28) <= today]
    for code in ("wxy", "mks", "xxgc"):
        for q in done_quarters:
            p = period(code, "opinion_analysis", f"{year}-Q{q}")
            if p is not None and reviewer is not None:
                _finish(p, dt.date(year, 3 * q, 25), reviewer)
    for q in done_quarters:
        p = period("sxy", "opinion_analysis", f"{year}-Q{q}")
        if p is not None and reviewer is not None:
            _finish(p, dt.date(year, 3 * q, 28) + dt.timedelta(days=10), reviewer)  # late
    # long-term duties: accepted (green), submitted and waiting (amber), evidence only (amber)
    for code, task in (("wxy", "network_security"), ("wxy", "commentator_team"), ("mks", "new_media_fronts"),
                       ("xxgc", "network_security")):
        p = period(code, task, str(year))
        if p is not None and reviewer is not None:
            _finish(p, _past(dt.date(year, 10, 15), today), reviewer)
    p = period("wgy", "cadre_training", str(year))
    if p is not None:
        _finish(p, today, reviewer, accept=False)
    p = period("jgxy", "online_theory_publicity", str(year))
    if p is not None:
        services.evidence_add(actor=None, period=p, upload=SimpleUploadedFile("a.pdf", PDF), name="网上理论宣传台账.pdf")
    # a 适时上报 event for the hospital
    if "fsyy" in units:
        services.period_open_for_event(actor=None, unit=units["fsyy"], task_code="upward_reporting",
                                       event_ref="DEMO-1", title="医患纠纷网络舆情", opened_on=today)
    counts = {s: 0 for s in Status}
    for row in ObligationPeriod.objects.filter(obligation__year=year).values("due", "completed_at", "activity_at"):
        counts[period_status(due=row["due"], completed_at=row["completed_at"], active=row["activity_at"] is not None,
                             today=today)] += 1
    summary = "，".join(f"{s.label} {n}" for s, n in counts.items())
    return (f"重点任务演示数据已载入：{year} 年度 {result.obligations_created} 项任务、{result.periods_created} 个周期"
            f"（{summary}）。")
