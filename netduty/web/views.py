"""The UI shell's pages: home/工作台 (appointments and to-dos from every app), section placeholders, audit log."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from netduty.core import audit, registry
from netduty.core.models import AuditEvent
from netduty.org import permissions
from netduty.org import selectors as org_selectors


@login_required
def home(request):
    today = timezone.localdate()
    context = {
        "today": today,
        "appointments": org_selectors.my_appointments(request.user, today),
        "todo": registry.todos(request.user, today),
    }
    return render(request, "web/home.html", context)


@login_required
def section_placeholder(request, section: str):
    entry = registry.NAV.get(section)
    if entry is None or entry.pages:  # only capabilities without pages yet have a placeholder
        raise Http404
    return render(request, "web/section.html", {"section": entry.label})


def _audit_events(request):
    permissions.require(request.user, "audit.view", None)
    qs = AuditEvent.objects.all()
    action = request.GET.get("action", "").strip()
    actor = request.GET.get("actor", "").strip()
    obj = request.GET.get("object", "").strip()
    if action:
        qs = qs.filter(action__startswith=action)
    if actor:
        qs = qs.filter(actor_label__icontains=actor)
    if obj:
        qs = qs.filter(object_repr__icontains=obj)
    for key, lookup in (("from", "created_at__date__gte"), ("to", "created_at__date__lte")):
        value = request.GET.get(key, "")
        if value:
            try:
                qs = qs.filter(**{lookup: dt.date.fromisoformat(value)})
            except ValueError:
                pass
    return qs


@login_required
def audit_list(request):
    qs = _audit_events(request)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    actions = audit.actions()
    return render(request, "web/audit_list.html", {"page": page, "actions": actions, "filters": request.GET})


@login_required
def audit_detail(request, pk: int):
    permissions.require(request.user, "audit.view", None)
    event = get_object_or_404(AuditEvent, pk=pk)
    return render(request, "web/audit_detail.html", {"event": event})
