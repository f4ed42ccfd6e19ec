"""The shell around every page: the nav (only what the person can use), the pack in force, the
unread-notice count. Sections and pages come from the apps through netduty.core.registry."""

from django.urls import NoReverseMatch, reverse

from netduty.core import registry
from netduty.core.notify import unread_count
from netduty.org import permissions
from netduty.policy import selectors as policy_selectors


def _reverse(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:  # pragma: no cover - a page registered without its URL
        return None


def _prefix(url: str) -> str:
    """The section's path prefix: /review/queue/ → /review/."""
    parts = url.strip("/").split("/")
    return f"/{parts[0]}/" if parts and parts[0] else "/"


def show_api(user) -> bool:
    """The API link is for those who manage data (org.manage anywhere) — not for every reader."""
    return permissions.can_anywhere(user, "org.manage")


def shell(request):
    path = request.path
    user = request.user
    items, subnav = [], []
    for section in registry.nav():
        pages = [p for p in section.pages if not user.is_authenticated or p.shows_for(user)]
        if section.pages and not pages:
            continue  # nothing in it this person can use
        links = [(url, p.label) for p in pages if (url := _reverse(p.url_name))]
        url = links[0][0] if links else reverse("section", args=[section.code])
        active = any(path.startswith(_prefix(u)) for u, _ in links) or path == url
        items.append({"code": section.code, "label": section.label, "url": url, "active": active})
        if active and len(links) > 1:
            best = max((u for u, _ in links if path.startswith(u)), key=len, default="")
            subnav = [{"url": u, "label": s, "active": u == best} for u, s in links]
    pack = None
    unread = 0
    if user.is_authenticated:
        pack = policy_selectors.active_pack()
        unread = unread_count(getattr(user, "person", None))
    return {"nav_items": items, "subnav": subnav, "active_pack": pack, "unread_notifications": unread,
            "notifications_url": _reverse("duties:notifications"),
            "show_api": user.is_authenticated and show_api(user)}
