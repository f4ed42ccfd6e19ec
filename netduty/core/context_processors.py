from django.urls import NoReverseMatch, reverse

# Navigation by capability. Sections not built yet point at a page that says so plainly.
# Each capability's landing page is "<app>:index"; until an app exists, a placeholder page.
NAV = [
    ("org", "责任体系", "org:unit_list"),
    ("duties", "重点任务", "duties:index"),
    ("fronts", "阵地与发布审查", "fronts:index"),
    ("opinion", "舆情", "opinion:index"),
    ("accountability", "问责", "accountability:index"),
    ("inspection", "检查考核", "inspection:index"),
    ("training", "学习与队伍", "training:index"),
    ("policy", "制度包", "policy:pack_list"),
    ("audit", "审计", "audit_list"),
]


def _url(code: str, name: str | None) -> str:
    if name is None:
        return reverse("section", args=[code])
    try:
        return reverse(name)
    except NoReverseMatch:  # an app not installed yet
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
