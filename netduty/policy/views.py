"""Thin views: any logged-in user may read every pack version."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from . import selectors
from .models import Cadence, ItemKind, PolicyPack

SECTIONS = [
    (ItemKind.GUIDING, "指导思想"),
    (ItemKind.KEY_TASK, "重点任务条款"),
    (ItemKind.LEVEL, "责任层级"),
    (ItemKind.SITUATION, "问责情形"),
    (ItemKind.METHOD, "问责方式"),
    (ItemKind.TEAM_TYPE, "“6+1”队伍类型"),
    (ItemKind.REQUIREMENT, "工作要求"),
    (ItemKind.REVIEW_CHECK, "发布审查要点"),
    (ItemKind.PRINCIPLE, "原则"),
]


@login_required
def pack_list(request: HttpRequest) -> HttpResponse:
    packs = PolicyPack.objects.defer("raw").order_by("code", "-version")
    active = selectors.active_pack()
    return render(request, "policy/pack_list.html", {"packs": packs, "active": active})


def _task_rows(pack: PolicyPack) -> list[dict]:
    """The 附件 table: tasks grouped by 项目 with rowspans, as in the document."""
    groups: list[dict] = []
    for task in pack.tasks.order_by("order"):
        if groups and groups[-1]["item"] == task.item:
            groups[-1]["tasks"].append(task)
        else:
            groups.append({"item": task.item, "tasks": [task]})
    for group in groups:
        group["span"] = len(group["tasks"])
    return groups


@login_required
def pack_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pack = get_object_or_404(PolicyPack.objects.defer("raw"), pk=pk)
    items = list(pack.items.order_by("kind", "order"))
    sections = [
        {"kind": kind, "title": title, "items": [i for i in items if i.kind == kind]} for kind, title in SECTIONS
    ]
    methods = [i for i in items if i.kind == ItemKind.METHOD]
    context = {
        "pack": pack,
        "is_active": selectors.active_pack(code=pack.code) == pack,
        "roles": pack.roles.order_by("order"),
        "task_groups": _task_rows(pack),
        "task_count": pack.tasks.count(),
        "sections": [s for s in sections if s["items"] and s["kind"] != ItemKind.METHOD],
        "org_methods": [m for m in methods if m.data.get("subject") == "organisation"],
        "leader_methods": [m for m in methods if m.data.get("subject") == "leader"],
        "other_methods": [m for m in methods if m.data.get("subject") not in ("organisation", "leader")],
        "review": pack.data.get("review", {}),
        "channels": pack.data.get("channels", {}),
        "opinion": pack.data.get("opinion", {}),
        "cadences": dict(Cadence.choices),
    }
    return render(request, "policy/pack_detail.html", context)
