"""Scoped reads of the org tree. Every function takes the asking user."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import dateformat
from django.utils.translation import gettext as _

from . import permissions
from .models import Appointment, Person, Unit, valid_on_q


def units(user: Any, action: str = permissions.VIEW) -> QuerySet[Unit]:
    return permissions.units_for(user, action).select_related("parent")


def unit_for(user: Any, pk: int, action: str | None = None) -> Unit:
    return permissions.get_for_user_or_404(Unit.objects.all(), user, unit_field="", action=action, pk=pk)


def people(user: Any) -> QuerySet[Person]:
    """People whose home unit is in scope, plus people holding an appointment in scope."""
    visible_units = permissions.units_for(user)
    ids = Appointment.objects.filter(unit__in=visible_units).values("person_id")
    return (Person.objects.filter(unit__in=visible_units) | Person.objects.filter(pk__in=ids)).distinct().select_related("unit")


def person_for(user: Any, pk: int) -> Person:
    return get_object_or_404(people(user), pk=pk)


def appointments(user: Any, day: dt.date | None = None) -> QuerySet[Appointment]:
    qs = permissions.restrict(Appointment.objects.all(), user).select_related("person", "unit", "role")
    if day is not None:
        qs = qs.filter(valid_on_q(day))
    return qs


def my_appointments(user: Any, day: dt.date) -> list[Appointment]:
    return list(permissions.active_appointments(user, day))


def org_todo(user: Any, day: dt.date) -> list[dict[str, str]]:
    items = []
    if permissions.can_anywhere(user, "org.manage"):
        ending = Appointment.objects.filter(valid_to__gte=day, valid_to__lte=day + dt.timedelta(days=30))
        ending = permissions.restrict(ending, user, "org.manage").select_related("person", "unit", "role")[:10]
        for appt in ending:
            items.append({
                "label": _("%(who)s 任期将于 %(date)s 届满") % {
                    "who": f"{appt.unit}·{appt.role.name} {appt.person.name}",
                    "date": dateformat.format(appt.valid_to, _("Y年n月j日")) if appt.valid_to else ""},
                "url": reverse("org:unit_detail", args=[appt.unit_id]),
                "note": _("请及时办理任免"),
            })
        for unit in _vacant_first_responsible(user, day, limit=10):
            items.append({"label": _("%(unit)s 尚无第一责任人") % {"unit": unit},
                          "url": reverse("org:unit_detail", args=[unit.pk]), "note": _("请补充任职")})
    return items


def _vacant_first_responsible(user: Any, day: dt.date, limit: int | None = None) -> list[Unit]:
    party_kinds = ["school_committee", "general_branch", "direct_branch", "hospital_committee"]
    held = Appointment.objects.filter(valid_on_q(day), role__code="first_responsible").values("unit_id")
    qs = permissions.units_for(user, "org.manage").filter(kind__in=party_kinds).exclude(pk__in=held)
    return list(qs[:limit] if limit is not None else qs)


# ---- responsibility chain -------------------------------------------------------------------

@dataclass
class ChainLevel:
    unit: Unit
    first: list[Appointment] = field(default_factory=list)
    direct: list[Appointment] = field(default_factory=list)
    one_post_two_duties: list[Appointment] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.first or self.direct or self.one_post_two_duties)


def responsibility_chain(unit: Unit, day: dt.date) -> list[ChainLevel]:
    """Who answered for `unit` on `day`: at the unit itself and at every ancestor up to the root.

    At each level: its 第一责任人 and 直接责任人; for 一岗双责, the unit's own 班子成员, and at
    higher levels only the 班子成员 who oversee a unit on the path down to `unit`."""
    path_ids = unit.ancestor_ids  # root .. unit
    units_by_id = Unit.objects.in_bulk(path_ids)
    appts = (
        Appointment.objects.filter(valid_on_q(day), unit_id__in=path_ids)
        .exclude(role__chain="none")
        .select_related("person", "role")
        .prefetch_related("oversees")
        .order_by("role__order", "valid_from", "pk")
    )
    levels = {uid: ChainLevel(unit=units_by_id[uid]) for uid in path_ids if uid in units_by_id}
    for appt in appts:
        level = levels[appt.unit_id]
        if appt.role.chain == "first":
            level.first.append(appt)
        elif appt.role.chain == "direct":
            level.direct.append(appt)
        elif appt.role.chain == "one_post_two_duties":
            if appt.unit_id == unit.pk:
                level.one_post_two_duties.append(appt)
            else:
                below = path_ids[path_ids.index(appt.unit_id) + 1:]
                if any(o.pk in below for o in appt.oversees.all()):
                    level.one_post_two_duties.append(appt)
    return [levels[uid] for uid in reversed(path_ids) if uid in levels]


def chain_as_dict(chain: list[ChainLevel]) -> list[dict[str, Any]]:
    def person(a: Appointment) -> dict[str, Any]:
        return {"person_id": a.person_id, "name": a.person.name, "role": a.role.code, "role_name": a.role.name,
                "area": a.area, "basis": a.basis, "valid_from": a.valid_from,
                "valid_to": a.valid_to, "appointment_id": a.pk}

    return [
        {"unit_id": lvl.unit.pk, "unit": lvl.unit.name, "first": [person(a) for a in lvl.first],
         "direct": [person(a) for a in lvl.direct],
         "one_post_two_duties": [person(a) for a in lvl.one_post_two_duties]}
        for lvl in chain
    ]
