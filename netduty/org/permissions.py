"""Appointments are the access model.

`scope_q(user, action)` is the one function that decides which units a user may act on: a
role grants its actions on the appointment's unit (reach "unit"), on that unit and its
descendants ("subtree"), or everywhere ("school"), while the appointment is valid; a
班子成员's overseen units are added with their subtrees. Every list, detail, form choice, API
endpoint and export filters through `restrict()` / `units_for()`.

Out of scope → 404 (`get_for_user_or_404`); visible but not allowed → 403 (`require`).

The same reach rules answer the role questions of workflows: `role_scope(user, roles, day)` —
the units where a user holds any of `roles` — and `holders(unit, roles, day)` — the appointments
holding any of `roles` over a unit. Which role is the 宣传部 or a 单位负责人 comes from the
pack (`netduty.policy.selectors.function_roles`), never from code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .models import Appointment, Unit, valid_on_q

VIEW = "view"


@dataclass(frozen=True)
class Scope:
    everywhere: bool = False
    unit_ids: frozenset[int] = field(default_factory=frozenset)  # reach "unit"
    subtree_paths: frozenset[str] = field(default_factory=frozenset)  # reach "subtree"

    @property
    def empty(self) -> bool:
        return not (self.everywhere or self.unit_ids or self.subtree_paths)

    def unit_q(self, prefix: str = "") -> Q:
        """A Q on Unit (or on a relation to Unit given `prefix`, e.g. "unit__")."""
        if self.everywhere:
            return Q()
        if prefix and self.subtree_paths:
            # The related unit among the units in scope: one subquery the database evaluates once
            # and then uses the relation's index (a join on org_unit.path instead would visit every
            # row of the related table, e.g. every submission to count a college's page).
            return Q(**{f"{prefix}in": Unit.objects.filter(self.unit_q()).values("pk")})
        q = Q(pk__in=[]) if not prefix else Q(**{f"{prefix}pk__in": []})
        if self.unit_ids:
            q |= Q(**{f"{prefix}pk__in": sorted(self.unit_ids)})
        for path in sorted(self.subtree_paths):
            q |= Q(**{f"{prefix}path__startswith": path})
        return q

    def contains(self, unit: Unit) -> bool:
        if self.everywhere or unit.pk in self.unit_ids:
            return True
        return any(unit.path.startswith(p) for p in self.subtree_paths)


def _today() -> dt.date:
    return timezone.localdate()


def active_appointments(user: Any, day: dt.date | None = None) -> QuerySet[Appointment]:
    person = getattr(user, "person", None) if getattr(user, "is_authenticated", False) else None
    if person is None:
        return Appointment.objects.none()
    return (
        Appointment.objects.filter(valid_on_q(day or _today()), person=person)
        .select_related("unit", "role")
        .prefetch_related("oversees")
    )


def get_scope(user: Any, action: str, day: dt.date | None = None) -> Scope:
    """Which units `user` may perform `action` on (cached per user object and day)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return Scope()
    day = day or _today()
    cache: dict = user.__dict__.setdefault("_netduty_scope_cache", {})
    key = (action, day)
    if key in cache:
        return cache[key]
    if user.is_superuser:
        scope = Scope(everywhere=True)
    else:
        scope = _reach(a for a in active_appointments(user, day) if action in a.role.actions)
    cache[key] = scope
    return scope


def _reach(appointments: Iterable[Appointment]) -> Scope:
    """The units the appointments reach: the unit ("unit"), the unit and its descendants
    ("subtree"), everywhere ("school"); plus each overseen unit with its subtree."""
    unit_ids: set[int] = set()
    paths: set[str] = set()
    everywhere = False
    for appt in appointments:
        reach = appt.role.reach
        if reach == "school":
            everywhere = True
        elif reach == "subtree":
            paths.add(appt.unit.path)
        else:
            unit_ids.add(appt.unit_id)
        for overseen in appt.oversees.all():
            paths.add(overseen.path)
    return Scope(everywhere=everywhere, unit_ids=frozenset(unit_ids), subtree_paths=frozenset(paths))


def role_scope(user: Any, roles: Iterable[str], day: dt.date | None = None) -> Scope:
    """The units where `user` holds any of `roles` (role codes) on `day`, reached as the role says.
    Appointments only: a superuser without appointments holds no role."""
    codes = set(roles)
    return _reach(a for a in active_appointments(user, day) if a.role.code in codes)


def covers(appointment: Appointment, unit: Unit) -> bool:
    """Does the appointment reach `unit` (its unit, its subtree for a "subtree" role, everywhere for a
    "school" role, or an overseen unit's subtree)?"""
    return _reach([appointment]).contains(unit)


def holders(unit: Unit, roles: Iterable[str], day: dt.date | None = None) -> QuerySet[Appointment]:
    """The appointments valid on `day` holding any of `roles` over `unit` (the same reach as
    `role_scope`: role_scope(a.person's user, roles, day).contains(unit) for each a returned)."""
    ancestors = unit.ancestor_ids
    reach = (Q(unit=unit) | Q(role__reach="school") | Q(role__reach="subtree", unit_id__in=ancestors)
             | Q(oversees__in=ancestors))
    ids = Appointment.objects.filter(valid_on_q(day or _today()), role__code__in=sorted(set(roles))).filter(reach)
    return (Appointment.objects.filter(pk__in=ids.values("pk"))
            .select_related("person", "person__user", "role", "unit").prefetch_related("oversees"))


def nearest_holders(unit: Unit, roles: Iterable[str], day: dt.date | None = None) -> list[Appointment]:
    """`holders` on the nearest level: the unit's own, else the closest ancestor's (school-wide
    holders only when no unit on the way up has one)."""
    by_depth: dict[int, list[Appointment]] = {}
    for appt in holders(unit, roles, day):
        depth = -1 if appt.role.reach == "school" and appt.unit_id not in unit.ancestor_ids else appt.unit.depth
        by_depth.setdefault(depth, []).append(appt)
    return by_depth[max(by_depth)] if by_depth else []


def scope_q(user: Any, action: str, unit_field: str = "unit", day: dt.date | None = None) -> Q:
    """The queryset filter for (user, action) on a model whose unit is reached by `unit_field`.

    `unit_field=""` means the model *is* Unit."""
    scope = get_scope(user, action, day)
    if scope.everywhere:
        return Q()
    if scope.empty:
        return Q(pk__in=[])
    prefix = f"{unit_field}__" if unit_field else ""
    return scope.unit_q(prefix)


def restrict[M: Model](qs: QuerySet[M], user: Any, action: str = VIEW, unit_field: str = "unit") -> QuerySet[M]:
    return qs.filter(scope_q(user, action, unit_field))


def units_for(user: Any, action: str = VIEW) -> QuerySet[Unit]:
    return restrict(Unit.objects.all(), user, action, unit_field="")


def can(user: Any, action: str, unit: Unit | None) -> bool:
    """May `user` do `action` on `unit`? (`unit=None` asks: anywhere / school-wide.)"""
    scope = get_scope(user, action)
    if unit is None:
        return scope.everywhere
    return scope.contains(unit)


def can_anywhere(user: Any, action: str) -> bool:
    return not get_scope(user, action).empty


def require(user: Any, action: str, unit: Unit | None) -> None:
    if not can(user, action, unit):
        raise PermissionDenied("您没有执行此操作的权限。")


def get_for_user_or_404[M: Model](
    qs: QuerySet[M], user: Any, unit_field: str = "unit", action: str | None = None, **lookup: Any
) -> M:
    """Fetch an object visible to `user` (else 404); if `action` is given and not granted on the
    object's unit, 403."""
    obj = get_object_or_404(restrict(qs, user, VIEW, unit_field), **lookup)
    if action is not None:
        unit = obj
        for part in [p for p in unit_field.split("__") if p]:
            unit = getattr(unit, part)
        if not isinstance(unit, Unit):  # pragma: no cover - programming error
            raise Http404
        require(user, action, unit)
    return obj


def forget(user: Any) -> None:
    """Drop the per-user cache (after appointments change in the same request)."""
    user.__dict__.pop("_netduty_scope_cache", None)
