"""The one registry through which apps contribute to the platform, from their AppConfig.ready():

    from netduty.core import registry
    registry.nav_section("duties", _("重点任务"), order=20)
    registry.nav_page("duties", "duties:board", _("总览看板"), allowed=lambda user: ...)
    registry.todo(selectors.todo_for)                 # (user, day) -> [{"label", "url", "note"}]
    registry.job("duties.reminders", send_reminders, dt.time(8, 0))
    registry.counter("meeting.", count_meetings)      # qualifying records for counted key tasks
    registry.api(api.register)                        # register(router) adds the app's viewsets

The web shell (netduty.web) and the API (netduty.api) read it; core imports no app. Registering
twice (ready() may run again in tests) changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from . import jobs

Predicate = Callable[[Any], bool]
Todo = dict[str, str]
TodoProvider = Callable[[Any, dt.date], list[Todo]]
Row = tuple[int, dt.date, dt.datetime]  # unit_id, record date, entered at
Counter = Callable[[str, dt.date, dt.date, list[int] | None], Iterable[Row]]


@dataclass(frozen=True)
class NavPage:
    url_name: str
    label: Any
    allowed: Predicate | None = None  # None: every signed-in user
    order: int = 0  # within the section; the first page shown is the section's landing page

    def shows_for(self, user: Any) -> bool:
        return self.allowed is None or bool(self.allowed(user))


@dataclass
class NavSection:
    code: str
    label: Any
    order: int
    pages: list[NavPage] = field(default_factory=list)


NAV: dict[str, NavSection] = {}
TODOS: list[TodoProvider] = []
COUNTERS: dict[str, Counter] = {}
API: list[Callable[[Any], None]] = []


def nav_section(code: str, label: Any, order: int) -> None:
    if code not in NAV:
        NAV[code] = NavSection(code, label, order)


def nav_page(section: str, url_name: str, label: Any, allowed: Predicate | None = None, order: int = 0) -> None:
    """Add a page to a section (declared by `nav_section`, by this app or one installed before it)."""
    pages = NAV[section].pages
    if not any(p.url_name == url_name for p in pages):
        pages.append(NavPage(url_name, label, allowed, order))
        pages.sort(key=lambda p: p.order)


def nav() -> list[NavSection]:
    return sorted(NAV.values(), key=lambda s: (s.order, s.code))


def todo(provider: TodoProvider) -> None:
    if provider not in TODOS:
        TODOS.append(provider)


def todos(user: Any, day: dt.date) -> list[Todo]:
    """Every provider's items for `user`, each (label, url) once."""
    seen: set[tuple[str, str]] = set()
    out: list[Todo] = []
    for provider in TODOS:
        for item in provider(user, day):
            key = (str(item.get("label", "")), str(item.get("url", "")))
            if key not in seen:
                seen.add(key)
                out.append(item)
    return out


def job(name: str, task: Any, at: dt.time) -> None:
    jobs.register(name, task, at)


def counter(prefix: str, fn: Counter) -> None:
    COUNTERS[prefix] = fn


def counter_for(kind: str) -> Counter | None:
    if not kind:
        return None
    for prefix, fn in COUNTERS.items():
        if kind.startswith(prefix):
            return fn
    return None


def api(register: Callable[[Any], None]) -> None:
    if register not in API:
        API.append(register)
