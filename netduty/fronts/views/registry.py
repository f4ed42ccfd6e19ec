"""Registry pages: list, export, detail, registration / change / closure forms, security, stages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netduty.org import permissions
from netduty.org.models import Unit

from .. import people, selectors, services
from ..forms import (
    AnnualConcludeForm,
    AnnualFileForm,
    ChangeForm,
    CloseForm,
    RegistrationForm,
    SecurityForm,
    StageFormSet,
)
from ..models import Channel, ChannelStatus, Platform, Tier
from .common import add_errors, message

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MANAGE = selectors.MANAGE
FILTERS = ["unit", "platform", "tier", "status", "q"]


def _filters(request) -> dict[str, str]:
    return {k: request.GET.get(k, "").strip() for k in FILTERS}


PER_PAGE = 50


@login_required
def index(request):
    filters = _filters(request)
    page = Paginator(selectors.registry(request.user, **filters), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "fronts/index.html", {
        "channels": page.object_list, "page": page, "filters": filters,
        "units": [(str(pk), name) for pk, name in
                  permissions.units_for(request.user).order_by("path").values_list("pk", "name")],
        "platforms": Platform.choices, "tiers": Tier.choices, "statuses": ChannelStatus.choices,
        "can_register": permissions.can_anywhere(request.user, MANAGE),
        "queue_count": selectors.approval_queue(request.user, timezone.localdate()).count(),
        "query": request.GET.urlencode(),
    })


@login_required
def export(request):
    filters = _filters(request)
    data = services.registry_export(actor=request.user, channels=selectors.registry(request.user, **filters),
                                    filters=filters)
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = (
        f"attachment; filename*=UTF-8''fronts-registry-{timezone.localdate():%Y%m%d}.xlsx")
    return response


@login_required
def channel_detail(request, pk: int):
    channel = selectors.channel_for(request.user, pk)
    day = timezone.localdate()
    history = selectors.history(channel)
    open_request = next((r for r in history if r.is_open), None)
    pending_payload = history[0].payload if channel.status == ChannelStatus.PENDING and history else None
    can_manage = permissions.can(request.user, MANAGE, channel.unit)
    is_office = permissions.can(request.user, MANAGE, None)
    return render(request, "fronts/detail.html", {
        "channel": channel, "day": day, "holders": people.holders(channel, day),
        "proposed": _proposed(pending_payload), "stages": selectors.stage_rows(channel),
        "security": selectors.security_status(channel, day), "changes_due": selectors.changes_due(channel, day),
        "history": history, "open_request": open_request, "reviews": selectors.annual_reviews(channel),
        "can_manage": can_manage, "is_office": is_office,
        "annual_form": AnnualFileForm(initial={"year": day.year}) if can_manage else None,
        "conclude_form": AnnualConcludeForm() if is_office else None,
    })


def _proposed(payload: dict | None) -> list[tuple[str, list]]:
    """Proposed responsibles of a pending registration, for display."""
    if not payload or "responsibles" not in payload:
        return []
    from netduty.org.models import Appointment

    from ..models import Duty

    ids = [i for v in payload["responsibles"].values() for i in v]
    appts = Appointment.objects.select_related("person", "role", "unit").in_bulk(ids)
    return [(str(Duty(d).label), [appts[i] for i in payload["responsibles"].get(d, []) if i in appts])
            for d in Duty.values]


def _register_unit(request) -> Unit:
    units = permissions.units_for(request.user, MANAGE)
    raw = request.POST.get("unit") or request.GET.get("unit")
    if raw and str(raw).isdigit():
        unit = units.filter(pk=int(raw)).first()
        if unit is not None:
            return unit
    person = getattr(request.user, "person", None)
    own = units.filter(appointments__person=person).order_by("depth", "path").first() if person else None
    unit = own or units.order_by("depth", "path").first()
    if unit is None:
        raise PermissionDenied(_("您没有登记阵地的权限。"))
    return unit


def _registration(request, channel: Channel | None = None):
    day = timezone.localdate()
    unit = channel.unit if channel else _register_unit(request)
    units = permissions.units_for(request.user, MANAGE).order_by("path")
    initial = {}
    if channel is not None:
        initial = {k: getattr(channel, k) for k in ["name", "account_id", "url", "url_prefix", "feed_url", "tier",
                                                    "verified_entity", "followers", "platform", "opened_on",
                                                    "live_check", "wechat_biz"]}
    form = RegistrationForm(request.POST or None, units=units, unit=unit, day=day, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            req = services.registration_submit(
                actor=request.user, unit=data["unit"], platform=data["platform"], opened_on=data["opened_on"],
                responsibles=form.responsibles(), reason=data["reason"], channel=channel, **form.channel_values())
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("已提交备案申请：%(state)s。") % {"state": req.get_state_display()})
            return redirect("fronts:channel_detail", pk=req.channel_id)
    return render(request, "fronts/register.html", {
        "form": form, "unit": unit, "units": units, "channel": channel,
        "deadline": services.deadline_days("register", day),
    })


@login_required
def register(request):
    return _registration(request)


@login_required
def reapply(request, pk: int):
    channel = selectors.channel_for(request.user, pk, action=MANAGE)
    if channel.status != ChannelStatus.REJECTED:
        messages.error(request, _("只有备案未通过的阵地可以重新申请备案。"))
        return redirect("fronts:channel_detail", pk=pk)
    return _registration(request, channel)


@login_required
def change(request, pk: int):
    channel = selectors.channel_for(request.user, pk, action=MANAGE)
    day = timezone.localdate()
    form = ChangeForm(request.POST or None, channel=channel, day=day)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_submit(actor=request.user, channel=channel, changed_on=form.cleaned_data["changed_on"],
                                   reason=form.cleaned_data["reason"], changes=form.channel_values(),
                                   responsibles=form.responsibles())
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("变更报备已提交，审批通过后生效。"))
            return redirect("fronts:channel_detail", pk=pk)
    return render(request, "fronts/change.html", {
        "form": form, "channel": channel, "deadline": services.deadline_days("change", day),
        "title": _("变更报备")})


@login_required
def close(request, pk: int):
    channel = selectors.channel_for(request.user, pk, action=MANAGE)
    form = CloseForm(request.POST or None, initial={"closed_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.closure_submit(actor=request.user, channel=channel, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("关停申请已提交。"))
            return redirect("fronts:channel_detail", pk=pk)
    return render(request, "fronts/change.html", {"form": form, "channel": channel, "title": _("关停注销"),
                                                  "deadline": services.deadline_days("close")})


@login_required
def security(request, pk: int):
    channel = selectors.channel_for(request.user, pk, action=MANAGE)
    day = timezone.localdate()
    status = selectors.security_status(channel, day)
    m = status.measures
    initial = {"password_holder": m.password_holder_id, "second_factor": m.second_factor,
               "password_changed_on": m.password_changed_on, "notes": m.notes} if m else {}
    form = SecurityForm(request.POST or None, channel=channel, day=day, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.security_update(actor=request.user, channel=channel, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("安全防护情况已保存。"))
            return redirect(reverse("fronts:channel_detail", args=[pk]) + "#security")
    return render(request, "fronts/security.html", {"form": form, "channel": channel, "status": status})


def _require_office(user) -> None:
    if not permissions.can(user, MANAGE, None):
        raise PermissionDenied(_("只有宣传部可以调整审核阶段。"))


@login_required
def stages(request, pk: int):
    channel = selectors.channel_for(request.user, pk)
    _require_office(request.user)
    initial = [{"code": s.code, "name": s.name, "roles": s.roles} for s in selectors.stages(channel)]
    formset = StageFormSet(request.POST or None, initial=initial, prefix="stage")
    if request.method == "POST" and formset.is_valid():
        specs = [f.cleaned_data for f in formset.forms
                 if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        try:
            services.stages_set(actor=request.user, channel=channel, specs=specs)
        except ValidationError as exc:
            messages.error(request, message(exc))
        else:
            messages.success(request, _("审核阶段已更新。"))
            return redirect("fronts:channel_detail", pk=pk)
    return render(request, "fronts/stages.html", {"formset": formset, "channel": channel})


@login_required
@require_POST
def stage_add_office(request, pk: int):
    channel = selectors.channel_for(request.user, pk)
    _require_office(request.user)
    if any(s.code == "office" for s in selectors.stages(channel)):
        messages.error(request, _("已有宣传部审核阶段。"))
    else:
        try:
            services.stage_add(actor=request.user, channel=channel)
            messages.success(request, _("已增加宣传部审核阶段。"))
        except ValidationError as exc:
            messages.error(request, message(exc))
    return redirect("fronts:channel_detail", pk=pk)

