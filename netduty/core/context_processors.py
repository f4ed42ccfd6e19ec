from django.urls import reverse

# Navigation by capability. Sections not built yet point at a page that says so plainly.
NAV = [
    ("org", "责任体系", "org:unit_list"),
    ("duties", "重点任务", None),
    ("fronts", "阵地与发布审查", None),
    ("opinion", "舆情", None),
    ("accountability", "问责", None),
    ("inspection", "检查考核", None),
    ("training", "学习与队伍", None),
    ("policy", "制度包", "policy:pack_list"),
    ("audit", "审计", "audit_list"),
]


def _url(code: str, name: str | None) -> str:
    if name is None:
        return reverse("section", args=[code])
    try:
        return reverse(name)
    except Exception:  # an app not installed yet
        return reverse("section", args=[code])


def shell(request):
    path = request.path
    items = []
    for code, label, name in NAV:
        url = _url(code, name)
        items.append({"code": code, "label": label, "url": url, "active": path.startswith(url) and url != "/"})
    pack = None
    if request.user.is_authenticated:
        from netduty.policy import selectors as policy_selectors

        pack = policy_selectors.active_pack()
    return {"nav_items": items, "active_pack": pack}
