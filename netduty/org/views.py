import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from netduty.core import audit

from . import importer, permissions, selectors, services
from .forms import AppointmentForm, EndAppointmentForm, ImportForm
from .models import Appointment

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _day(request) -> dt.date:
    try:
        return dt.date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        return timezone.localdate()


UNITS_PER_PAGE = 100


@login_required
def unit_list(request):
    units = selectors.units(request.user)
    q = request.GET.get("q", "").strip()
    if q:
        units = units.filter(Q(name__contains=q) | Q(short_name__contains=q) | Q(code__contains=q))
    page = Paginator(units, UNITS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "org/unit_list.html", {
        "units": page.object_list, "page": page, "q": q,
        "can_manage": permissions.can(request.user, "org.manage", None),
    })


@login_required
def unit_detail(request, pk: int):
    unit = selectors.unit_for(request.user, pk)
    day = _day(request)
    chain = selectors.responsibility_chain(unit, day)
    appts = selectors.appointments(request.user).filter(unit=unit).order_by("role__order", "-valid_from")
    return render(request, "org/unit_detail.html", {
        "unit": unit, "day": day, "chain": chain, "appointments": appts,
        "children": selectors.units(request.user).filter(parent=unit),
        "can_manage": permissions.can(request.user, "org.manage", unit),
        "end_form": EndAppointmentForm(initial={"valid_to": timezone.localdate()}),
    })


@login_required
def appointment_create(request, pk: int):
    unit = selectors.unit_for(request.user, pk, action="org.manage")
    form = AppointmentForm(request.POST or None, people=selectors.people(request.user).order_by("name"),
                           units=selectors.units(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.appointment_create(actor=request.user, unit=unit, **form.cleaned_data)
        except ValidationError as exc:
            for field, errs in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errs)
        else:
            messages.success(request, "任职已保存。")
            return redirect("org:unit_detail", pk=unit.pk)
    return render(request, "org/appointment_form.html", {"unit": unit, "form": form})


@login_required
@require_POST
def appointment_end(request, pk: int):
    appt = permissions.get_for_user_or_404(Appointment.objects.select_related("unit"), request.user,
                                           action="org.manage", pk=pk)
    form = EndAppointmentForm(request.POST)
    if form.is_valid():
        try:
            services.appointment_end(actor=request.user, appointment=appt, valid_to=form.cleaned_data["valid_to"])
            messages.success(request, "任职已终止。")
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
    else:
        messages.error(request, "请填写有效的截止日期。")
    return redirect("org:unit_detail", pk=appt.unit_id)


@login_required
def person_list(request):
    qs = selectors.people(request.user)
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.filter(Q(name__contains=q) | Q(staff_no__contains=q) | Q(title__contains=q))
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "org/person_list.html", {"page": page, "q": q})


@login_required
def person_detail(request, pk: int):
    person = selectors.person_for(request.user, pk)
    appts = selectors.appointments(request.user).filter(person=person).order_by("-valid_from")
    return render(request, "org/person_detail.html", {"person": person, "appointments": appts})


def _require_import(user) -> None:
    if not permissions.can(user, "org.manage", None):
        raise PermissionDenied("只有宣传部等全校管理角色可以批量导入。")


@login_required
def import_template(request):
    _require_import(request.user)
    response = HttpResponse(importer.build_template(), content_type=XLSX)
    response["Content-Disposition"] = "attachment; filename*=UTF-8''netduty-org-template.xlsx"
    return response


@login_required
def import_view(request):
    _require_import(request.user)
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        from django.conf import settings

        if upload.size > settings.NETDUTY_MAX_UPLOAD_BYTES:
            form.add_error("file", f"文件过大（上限 {settings.NETDUTY_MAX_UPLOAD_BYTES // 1024 // 1024} MB）。")
        else:
            try:
                report = importer.run_import(upload.read(), actor=request.user,
                                             dry_run=form.cleaned_data["dry_run"], filename=upload.name)
            except importer.ImportFileError as exc:
                with transaction.atomic():
                    audit.record(actor=request.user, action="org.import.rejected", object_type="org.import",
                                 object_repr=upload.name[:300], after={"error": str(exc)})
                form.add_error("file", str(exc))
            else:
                request.session["last_import_errors"] = [e.__dict__ for e in report.errors][:5000]
    if request.GET.get("errors") == "xlsx":
        stored = request.session.get("last_import_errors", [])
        rep = importer.ImportReport(errors=[importer.RowError(**e) for e in stored])
        response = HttpResponse(importer.report_xlsx(rep), content_type=XLSX)
        response["Content-Disposition"] = "attachment; filename*=UTF-8''import-errors.xlsx"
        return response
    return render(request, "org/import.html", {"form": form, "report": report})


