"""Approval queue and request pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netduty.org import permissions
from netduty.org.models import Appointment

from .. import selectors, services
from ..forms import DecisionForm
from ..models import Duty
from .common import message


@login_required
def queue(request):
    day = timezone.localdate()
    mine = selectors.requests_for(request.user).filter(submitted_by=request.user)
    recent = selectors.requests_for(request.user).order_by("-submitted_at", "-pk")
    return render(request, "fronts/queue.html", {
        "waiting": selectors.approval_queue(request.user, day), "mine": mine[:50], "recent": recent[:50],
        "reviews": selectors.reviews_awaiting_conclusion(request.user), "now": timezone.now(),
    })


def _changes(req) -> list[tuple[str, object, object]]:
    """Rows of (field label, before, proposed) for a request."""
    from ..models import Channel

    labels = {f.name: str(f.verbose_name) for f in Channel._meta.get_fields() if hasattr(f, "verbose_name")}
    rows = []
    for key, value in req.payload.items():
        if key in {"responsibles", "stages"}:
            continue
        rows.append((labels.get(key, key), req.before.get(key, ""), value))
    return rows


def _people(ids_by_duty: dict | None) -> list[tuple[str, list[Appointment]]]:
    if not ids_by_duty:
        return []
    ids = [i for v in ids_by_duty.values() for i in v]
    appts = Appointment.objects.select_related("person", "role", "unit").in_bulk(ids)
    return [(str(Duty(d).label), [appts[i] for i in ids_by_duty.get(d, []) if i in appts]) for d in Duty.values]


@login_required
def request_detail(request, pk: int):
    req = selectors.request_for(request.user, pk)
    ok, why = services.can_decide(request.user, req)
    return render(request, "fronts/request_detail.html", {
        "req": req, "channel": req.channel, "decisions": req.decisions.select_related("decided_by__person"),
        "changes": _changes(req), "people_before": _people(req.before.get("responsibles")),
        "people_after": _people(req.payload.get("responsibles")),
        "can_decide": ok, "why_not": why, "form": DecisionForm() if ok else None,
        "can_withdraw": req.is_open and req.submitted_by_id == request.user.pk,
    })


@login_required
@require_POST
def request_decide(request, pk: int):
    req = selectors.request_for(request.user, pk)
    if not permissions.can(request.user, selectors.MANAGE, req.channel.unit):
        raise PermissionDenied(_("您没有审批阵地备案的权限。"))
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请选择同意或不同意。"))
        return redirect("fronts:request_detail", pk=pk)
    try:
        services.request_decide(actor=request.user, request=req, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, message(exc))
    else:
        messages.success(request, _("审批意见已提交。"))
    return redirect("fronts:request_detail", pk=pk)


@login_required
@require_POST
def request_withdraw(request, pk: int):
    req = selectors.request_for(request.user, pk)
    try:
        services.request_withdraw(actor=request.user, request=req)
    except ValidationError as exc:
        messages.error(request, message(exc))
    else:
        messages.success(request, _("申请已撤回。"))
    return redirect("fronts:request_detail", pk=pk)
