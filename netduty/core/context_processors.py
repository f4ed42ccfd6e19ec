from django.urls import NoReverseMatch, reverse

# Navigation by capability. Each entry: (code, label, [(url name, sub-label), ...]); the first
# sub-page is the landing page. A section whose app is not installed yet points at a placeholder.
NAV: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("org", "责任体系", [("org:unit_list", "单位与责任链"), ("org:person_list", "人员"), ("org:import", "Excel 导入")]),
    ("duties", "重点任务", [("duties:index", "本单位任务"), ("duties:board", "总览看板"),
                            ("duties:calendar", "我的日历"), ("duties:notifications", "通知")]),
    ("fronts", "阵地与发布审查", [("review:index", "发布审查"), ("review:live", "上线核查"),
                                  ("fronts:index", "阵地台账"), ("fronts:queue", "备案审批"),
                                  ("fronts:annual", "年审与零报告")]),
    ("opinion", "舆情", [("opinion:index", "舆情")]),
    ("accountability", "问责", [("accountability:index", "问责")]),
    ("inspection", "检查考核", [("inspection:index", "检查考核")]),
    ("training", "学习与队伍", [("training:index", "学习与队伍")]),
    ("policy", "制度包", [("policy:pack_list", "制度包")]),
    ("audit", "审计", [("audit_list", "审计日志")]),
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
