from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

# Navigation by capability. Each entry: (code, label, [(url name, sub-label), ...]); the first
# sub-page is the landing page. A section whose app is not installed yet points at a placeholder.
NAV: list[tuple[str, Any, list[tuple[str, Any]]]] = [
    ("org", _("责任体系"), [("org:unit_list", _("单位与责任链")), ("org:person_list", _("人员")),
                          ("org:import", _("Excel 导入"))]),
    ("duties", _("重点任务"), [("duties:index", _("本单位任务")), ("duties:board", _("总览看板")),
                            ("duties:calendar", _("我的日历")), ("duties:notifications", _("通知"))]),
    ("fronts", _("阵地与发布审查"), [("review:index", _("发布审查")), ("review:live", _("上线核查")),
                                  ("fronts:index", _("阵地台账")), ("fronts:queue", _("备案审批")),
                                  ("fronts:annual", _("年审与零报告"))]),
    ("opinion", _("舆情"), [("opinion:index", _("舆情"))]),
    ("accountability", _("问责"), [("accountability:index", _("问责"))]),
    ("inspection", _("检查考核"), [("inspection:index", _("检查考核"))]),
    ("training", _("学习与队伍"), [("training:index", _("学习与队伍"))]),
    ("policy", _("制度包"), [("policy:pack_list", _("制度包"))]),
    ("audit", _("审计"), [("audit_list", _("审计日志"))]),
]


def _reverse(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:  # an app not installed yet
        return None


def _prefix(url: str) -> str:
    """The section's path prefix: /review/queue/ → /review/."""
    parts = url.strip("/").split("/")
    return f"/{parts[0]}/" if parts and parts[0] else "/"


def shell(request):
    path = request.path
    items, subnav = [], []
    for code, label, pages in NAV:
        links = [(url, sub) for url, sub in ((_reverse(n), s) for n, s in pages) if url]
        url = links[0][0] if links else reverse("section", args=[code])
        active = any(path.startswith(_prefix(u)) for u, _ in links) or path == url
        items.append({"code": code, "label": label, "url": url, "active": active})
        if active and len(links) > 1:
            best = max((u for u, _ in links if path.startswith(u)), key=len, default="")
            subnav = [{"url": u, "label": s, "active": u == best} for u, s in links]
    pack = None
    unread = 0
    if request.user.is_authenticated:
        from netduty.policy import selectors as policy_selectors

        pack = policy_selectors.active_pack()
        unread = _unread(request.user)
    return {"nav_items": items, "subnav": subnav, "active_pack": pack, "unread_notifications": unread,
            "notifications_url": _reverse("duties:notifications")}


def _unread(user) -> int:
    person = getattr(user, "person", None)
    if person is None:
        return 0
    try:
        from netduty.duties.models import Notification
    except ImportError:  # pragma: no cover - duties not installed
        return 0
    return Notification.objects.filter(recipient=person, read_at__isnull=True).count()
