"""Pages of a unit's duties: the landing page, a unit's year, a period, meetings, evidence files."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netduty.org import permissions

from .. import selectors, services
from ..forms import MeetingForm, ReviewForm, SubmitForm, SubTaskForm, UploadForm, VersionForm, VoidForm
from ..models import MeetingKind, SubTask
from ..status import Status


def _year(request) -> int:
    try:
        year = int(request.GET.get("year", ""))
        return year if 2000 <= year <= 2100 else timezone.localdate().year
    except ValueError:
        return timezone.localdate().year


def _errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


@login_required
def index(request):
    today = timezone.localdate()
    year = _year(request)
    units = list(permissions.units_for(request.user, "duties.record").order_by("path")[:50])
    summary = selectors.unit_summary([u.pk for u in units], year, today)
    return render(request, "duties/index.html", {
        "year": year, "today": today, "units": [(u, summary.get(u.pk)) for u in units],
        "todo": selectors.todo_for(request.user, today),
        "can_board": permissions.can_anywhere(request.user, "view"),
    })


@login_required
def unit_detail(request, pk: int):
    unit = permissions.get_for_user_or_404(permissions.units_for(request.user), request.user, unit_field="", pk=pk)
    today = timezone.localdate()
    year = _year(request)
    obligations = selectors.unit_year(unit, year)
    upcoming = []
    for obligation in obligations:
        for period in obligation.periods.all():
            current = period.status_on(today)
            period.current = current  # type: ignore[attr-defined]
            if current not in (Status.DONE, Status.LATE_DONE):
                upcoming.append(period)
    upcoming.sort(key=lambda p: p.due)
    return render(request, "duties/unit_detail.html", {
        "unit": unit, "year": year, "today": today, "obligations": obligations, "upcoming": upcoming[:5],
        "meetings": selectors.meetings(request.user).filter(unit=unit, date__year=year),
        "can_record": permissions.can(request.user, "duties.record", unit), "statuses": list(Status),
    })


@login_required
def period_detail(request, pk: int):
    period = selectors.period_for(request.user, pk)
    can_record = permissions.can(request.user, "duties.record", period.unit)
    can_accept, why = services.can_accept(request.user, period)
    return render(request, "duties/period_detail.html", {
        "period": period, "task": period.obligation.task, "status": period.status,
        "records": selectors.counted_records(period),
        "evidence": period.evidence.prefetch_related("versions").order_by("created_at"),
        "reviews": period.reviews.select_related("reviewer"),
        "subtasks": period.obligation.subtasks.select_related("assignee"),
        "can_record": can_record, "can_accept": can_accept, "accept_note": why,
        "upload_form": UploadForm(), "submit_form": SubmitForm(initial={"statement": period.statement}),
        "review_form": ReviewForm(),
        "subtask_form": SubTaskForm(people=selectors.recorder_people(period.unit, timezone.localdate()))
        if can_record else None,
    })


def _upload(request, **target) -> None:
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("请选择要上传的文件。"))
        return
    upload = form.cleaned_data["file"]
    try:
        services.evidence_add(actor=request.user, upload=upload, name=upload.name, title=form.cleaned_data["title"],
                              **target)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("已上传“%(name)s”。") % {"name": upload.name})


@login_required
@require_POST
def period_evidence(request, pk: int):
    period = selectors.period_for(request.user, pk, action="duties.record")
    _upload(request, period=period)
    return redirect("duties:period_detail", pk=period.pk)


@login_required
@require_POST
def period_submit(request, pk: int):
    period = selectors.period_for(request.user, pk, action="duties.record")
    form = SubmitForm(request.POST)
    try:
        services.period_submit(actor=request.user, period=period,
                               statement=form.data.get("statement", "") if form.is_bound else "")
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("已提交上级验收。"))
    return redirect("duties:period_detail", pk=period.pk)


def _review(request, pk: int, decide, done: str):
    period = selectors.period_for(request.user, pk)
    ok, why = services.can_accept(request.user, period)
    if not ok:
        raise PermissionDenied(why)
    try:
        decide(actor=request.user, period=period, reason=request.POST.get("reason", ""))
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, done)
    return redirect("duties:period_detail", pk=period.pk)


@login_required
@require_POST
def period_accept(request, pk: int):
    return _review(request, pk, services.period_accept, _("已验收通过。"))


@login_required
@require_POST
def period_return(request, pk: int):
    return _review(request, pk, services.period_return, _("已退回，并通知提交人。"))


@login_required
def meeting_create(request, pk: int):
    unit = permissions.get_for_user_or_404(permissions.units_for(request.user), request.user, unit_field="",
                                           action="duties.record", pk=pk)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(actor=request.user, unit=unit, **form.cleaned_data)
        except ValidationError as exc:
            for field, errs in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errs)
        else:
            messages.success(request, _("会议记录已登记。"))
            return redirect("duties:meeting_detail", pk=meeting.pk)
    return render(request, "duties/meeting_form.html", {"unit": unit, "form": form, "kinds": MeetingKind})


@login_required
def meeting_detail(request, pk: int):
    meeting = selectors.meeting_for(request.user, pk)
    return render(request, "duties/meeting_detail.html", {
        "meeting": meeting, "evidence": meeting.evidence.prefetch_related("versions").order_by("created_at"),
        "can_record": permissions.can(request.user, "duties.record", meeting.unit) and not meeting.voided_at,
        "upload_form": UploadForm(), "void_form": VoidForm(),
    })


@login_required
@require_POST
def meeting_evidence(request, pk: int):
    meeting = selectors.meeting_for(request.user, pk, action="duties.record")
    _upload(request, meeting=meeting)
    return redirect("duties:meeting_detail", pk=meeting.pk)


@login_required
@require_POST
def meeting_void(request, pk: int):
    meeting = selectors.meeting_for(request.user, pk, action="duties.record")
    try:
        services.meeting_void(actor=request.user, meeting=meeting, reason=request.POST.get("reason", ""))
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("会议记录已作废，相关任务计数已更新。"))
    return redirect("duties:meeting_detail", pk=meeting.pk)


@login_required
@require_POST
def evidence_version(request, pk: int):
    evidence = selectors.evidence_for(request.user, pk, action="duties.record")
    form = VersionForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("请选择要上传的文件。"))
    else:
        upload = form.cleaned_data["file"]
        try:
            version = services.evidence_version_add(actor=request.user, evidence=evidence, upload=upload,
                                                    name=upload.name)
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(request, _("已上传第 %(n)s 版，旧版本仍保留。") % {"n": version.version})
    if evidence.period_id:
        return redirect("duties:period_detail", pk=evidence.period_id)
    return redirect("duties:meeting_detail", pk=evidence.meeting_id)


@login_required
def version_download(request, pk: int):
    version = selectors.version_for(request.user, pk)
    response = FileResponse(version.file.open("rb"), as_attachment=True, filename=version.original_name,
                            content_type=version.content_type)
    response["X-Content-SHA256"] = version.sha256
    return response


@login_required
@require_POST
def subtask_create(request, pk: int):
    obligation = selectors.obligation_for(request.user, pk, action="duties.record")
    form = SubTaskForm(request.POST, people=selectors.recorder_people(obligation.unit, timezone.localdate()))
    period_id = request.POST.get("period", "")
    if form.is_valid():
        try:
            services.subtask_create(actor=request.user, obligation=obligation, **form.cleaned_data)
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(request, _("分解任务已添加。"))
    else:
        messages.error(request, _("请完整填写分解任务、责任人和完成时限。"))
    if period_id.isdigit():
        return redirect("duties:period_detail", pk=int(period_id))
    return redirect(reverse("duties:unit_detail", args=[obligation.unit_id]) + f"?year={obligation.year}")


@login_required
@require_POST
def subtask_done(request, pk: int):
    subtask = permissions.get_for_user_or_404(SubTask.objects.select_related("obligation"), request.user,
                                              unit_field="obligation__unit", pk=pk)
    services.subtask_done(actor=request.user, subtask=subtask)
    messages.success(request, _("分解任务已完成。"))
    back = request.POST.get("next", "")
    if back.startswith("/duties/"):
        return redirect(back)
    return redirect("duties:unit_detail", pk=subtask.obligation.unit_id)

