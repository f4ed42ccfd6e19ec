"""The people who answer for a channel — 分管领导, 负责部门, 专人/管理员 — as appointments.

A channel's responsibles are appointments linked by an approved request. Candidates for each duty
are the appointments valid on the day: 分管领导 and 负责部门 on the channel's unit or an ancestor,
专人/管理员 on the unit itself or below. Where nothing is linked for a duty, the unit's current
holders of the duty's default roles are shown as inferred (按任职推定)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from netduty.org.models import Appointment, Unit, valid_on_q

from .models import Channel, Duty

# roles that may hold each duty (candidates), and the default roles a duty is inferred from
DUTY_ROLES: dict[str, list[str]] = {
    Duty.LEADER: ["direct_responsible", "first_responsible", "team_member", "unit_head"],
    Duty.DEPARTMENT: ["dept_head", "unit_head"],
    Duty.ADMIN: [],  # anyone appointed in the unit
}
DUTY_DEFAULT: dict[str, list[str]] = {
    Duty.LEADER: ["direct_responsible", "first_responsible"],
    Duty.DEPARTMENT: ["dept_head"],
    Duty.ADMIN: ["info_officer"],
}


def candidates(unit: Unit, duty: str, day: dt.date) -> QuerySet[Appointment]:
    qs = Appointment.objects.filter(valid_on_q(day)).select_related("person", "unit", "role")
    if duty == Duty.ADMIN:  # the unit itself first, then the units below it
        qs = qs.filter(Q(unit=unit) | Q(unit__path__startswith=unit.path))
        return qs.order_by("unit__path", "role__order", "person__name", "pk")
    qs = qs.filter(unit_id__in=unit.ancestor_ids, role__code__in=DUTY_ROLES[duty])
    return qs.order_by("-unit__depth", "role__order", "person__name", "pk")


def defaults(unit: Unit, day: dt.date) -> dict[str, list[int]]:
    """Initial choice per duty: the unit's own holders of the default roles (the first role found)."""
    out: dict[str, list[int]] = {}
    for duty, roles in DUTY_DEFAULT.items():
        out[duty] = []
        for code in roles:
            ids = list(Appointment.objects.filter(valid_on_q(day), unit=unit, role__code=code)
                       .order_by("valid_from", "pk").values_list("pk", flat=True))
            if ids:
                out[duty] = ids
                break
    return out


def clean_responsibles(unit: Unit, value: Any, day: dt.date, require_admin: bool = True) -> dict[str, list[int]]:
    """Validate {duty: [appointment ids]}: each id a candidate for its duty on `day`."""
    if not isinstance(value, dict):
        raise ValidationError(_("责任人格式不正确。"))
    out: dict[str, list[int]] = {}
    for duty in Duty.values:
        try:
            ids = sorted({int(i) for i in value.get(duty, []) or []})
        except (TypeError, ValueError) as exc:
            raise ValidationError(_("责任人格式不正确。")) from exc
        allowed = set(candidates(unit, duty, day).filter(pk__in=ids).values_list("pk", flat=True))
        bad = [i for i in ids if i not in allowed]
        if bad:
            raise ValidationError(_("%(duty)s须从本单位现任人员中选择（任职 %(bad)s 不符合）。") % {
                "duty": Duty(duty).label, "bad": bad})
        out[duty] = ids
    unknown = set(value) - set(Duty.values)
    if unknown:
        raise ValidationError(_("未知职责：%(codes)s") % {"codes": "、".join(sorted(unknown))})
    if require_admin and not out[Duty.ADMIN]:
        raise ValidationError(_("至少指定一名专人 / 管理员。"))
    return out


def current_ids(channel: Channel) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {d: [] for d in Duty.values}
    for duty, appt_id in channel.responsibles.values_list("duty", "appointment_id").order_by("pk"):
        out[duty].append(appt_id)
    return {d: sorted(v) for d, v in out.items()}


@dataclass
class DutyHolders:
    duty: str
    label: str
    appointments: list[Appointment] = field(default_factory=list)
    inferred: bool = False
    ended: list[Appointment] = field(default_factory=list)  # linked appointments no longer valid


def holders(channel: Channel, day: dt.date) -> list[DutyHolders]:
    """The people who answer for `channel` on `day`, with their appointments' dates."""
    linked: dict[str, list[Appointment]] = {d: [] for d in Duty.values}
    for r in channel.responsibles.select_related("appointment__person", "appointment__unit",
                                                 "appointment__role").order_by("pk"):
        linked[r.duty].append(r.appointment)
    out = []
    for duty in Duty.values:
        row = DutyHolders(duty=duty, label=str(Duty(duty).label))
        if linked[duty]:
            row.appointments = linked[duty]
            row.ended = [a for a in linked[duty] if not a.is_valid_on(day)]
        else:
            ids = defaults(channel.unit, day)[duty]
            row.appointments = list(Appointment.objects.filter(pk__in=ids).select_related("person", "unit", "role"))
            row.inferred = True
        out.append(row)
    return out
