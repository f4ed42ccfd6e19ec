import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from netduty.org import permissions
from netduty.org import selectors as org_selectors

from . import audit
from .models import AuditEvent

SECTIONS = {
    "duties": _("重点任务"),
    "fronts": _("阵地与发布审查"),
    "opinion": _("舆情"),
    "accountability": _("问责"),
    "inspection": _("检查考核"),
    "training": _("学习与队伍"),
}


@login_required
def home(request):
    today = timezone.localdate()
    context = {
        "today": today,
        "appointments": org_selectors.my_appointments(request.user, today),
        "todo": org_selectors.my_todo(request.user, today),
    }
    return render(request, "core/home.html", context)


@login_required
def section_placeholder(request, section: str):
    if section not in SECTIONS:
        raise Http404
    return render(request, "core/section.html", {"section": SECTIONS[section]})


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
    return render(request, "core/audit_list.html", {"page": page, "actions": actions, "filters": request.GET})


@login_required
def audit_detail(request, pk: int):
    permissions.require(request.user, "audit.view", None)
    event = get_object_or_404(AuditEvent, pk=pk)
    return render(request, "core/audit_detail.html", {"event": event})


@require_GET
def healthz(request):
    with connection.cursor() as cur:
        cur.execute("SELECT 1")
    return JsonResponse({"status": "ok", "database": connection.vendor})


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
