"""The 宣传部's board and its xlsx export."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from .. import board as board_mod
from .. import charts, services, slots
from ..status import Status

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAGE = 100


def _params(request) -> tuple[slots.Slot, dict[str, str]]:
    today = timezone.localdate()
    try:
        slot = slots.parse_slot(request.GET.get("slot", "") or str(today.year))
    except ValueError:
        slot = slots.year_slot(today.year)
    filters = {name: request.GET.get(name, "").strip()[:64] for name in ("kind", "task", "status", "q")}
    return slot, filters


def _build(request):
    slot, filters = _params(request)
    data = board_mod.build(request.user, slot, unit_kind=filters["kind"], task=filters["task"],
                           status=filters["status"], q=filters["q"])
    return slot, filters, data


@login_required
def board(request):
    slot, filters, data = _build(request)
    page = Paginator(data.rows, PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query["slot"] = slot.key
    return render(request, "duties/board.html", {
        "board": data, "slot": slot, "filters": filters, "page": page, "query": query.urlencode(),
        "slots": slots.board_slots(slot.start.year), "years": range(timezone.localdate().year - 2,
                                                                  timezone.localdate().year + 2),
        "statuses": list(Status), "kinds": board_mod.UNIT_KIND_CHOICES,
        "task_chart": charts.bars(data.task_rates), "unit_chart": charts.bars([r.rate for r in page.object_list]),
    })


@login_required
def board_export(request):
    slot, filters, data = _build(request)
    content = services.board_export(actor=request.user, board=data, filters=filters)
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''netduty-duties-{slot.key}.xlsx"
    return response
