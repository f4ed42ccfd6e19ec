"""Every write to the unit tree, people and appointments, each with its audit event."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from netduty.core import audit
from netduty.policy.models import Role

from . import permissions
from .models import Appointment, Person, Unit, valid_on_q

UNIT_FIELDS = ["code", "name", "short_name", "kind", "parent", "order", "active_from", "active_to"]
PERSON_FIELDS = ["staff_no", "name", "unit", "title", "email", "mobile", "user"]
APPOINTMENT_FIELDS = ["person", "unit", "role", "valid_from", "valid_to", "basis", "area"]


def _check_manage(actor: Any, unit: Unit | None) -> None:
    if actor is not None:  # None = the system itself (demo loader, migrations)
        permissions.require(actor, "org.manage", unit)


def _set_path(unit: Unit) -> None:
    if unit.parent_id is None:
        unit.path, unit.depth = f"/{unit.pk}/", 0
    else:
        parent = Unit.objects.only("path", "depth").get(pk=unit.parent_id)
        if parent.path.startswith(f"/{unit.pk}/") or f"/{unit.pk}/" in parent.path:
            raise ValidationError({"parent": "上级单位不能是本单位或其下级单位。"})
        unit.path, unit.depth = f"{parent.path}{unit.pk}/", parent.depth + 1


@transaction.atomic
def unit_create(*, actor: Any, code: str, name: str, kind: str, parent: Unit | None = None,
                short_name: str = "", order: int = 0, active_from: dt.date | None = None,
                active_to: dt.date | None = None) -> Unit:
    _check_manage(actor, parent)
    unit = Unit(code=code, name=name, short_name=short_name, kind=kind, parent=parent, order=order,
                active_to=active_to)
    if active_from:
        unit.active_from = active_from
    unit.full_clean(exclude=["path"])
    unit.save()
    _set_path(unit)
    unit.save(update_fields=["path", "depth"])
    audit.record(actor=actor, action="org.unit.create", obj=unit, unit_id=unit.pk,
                 after=audit.snapshot(unit, UNIT_FIELDS))
    return unit


@transaction.atomic
def unit_update(*, actor: Any, unit: Unit, **changes: Any) -> Unit:
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    _check_manage(actor, unit)
    before = audit.snapshot(unit, UNIT_FIELDS)
    old_path = unit.path
    for name, value in changes.items():
        if name not in UNIT_FIELDS:
            raise ValueError(f"unknown unit field {name}")
        setattr(unit, name, value)
    if "parent" in changes:
        _check_manage(actor, unit.parent)
    unit.full_clean(exclude=["path"])
    _set_path(unit)
    unit.save()
    if unit.path != old_path:  # move the subtree
        for child in Unit.objects.filter(path__startswith=old_path).exclude(pk=unit.pk):
            child.path = unit.path + child.path[len(old_path):]
            child.depth = child.path.count("/") - 2
            child.save(update_fields=["path", "depth"])
    after = audit.snapshot(unit, UNIT_FIELDS)
    if after != before:
        audit.record(actor=actor, action="org.unit.update", obj=unit, unit_id=unit.pk, before=before, after=after)
    return unit


@transaction.atomic
def person_create(*, actor: Any, staff_no: str, name: str, unit: Unit | None = None, title: str = "",
                  email: str = "", mobile: str = "", username: str | None = None,
                  password: str | None = None) -> Person:
    _check_manage(actor, unit)
    user = None
    if username:
        User = get_user_model()
        user = User(username=username, email=email, first_name=name)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.full_clean(exclude=["password"])
        user.save()
    person = Person(staff_no=staff_no, name=name, unit=unit, title=title, email=email, mobile=mobile, user=user)
    person.full_clean()
    person.save()
    audit.record(actor=actor, action="org.person.create", obj=person, unit_id=unit.pk if unit else None,
                 after=audit.snapshot(person, PERSON_FIELDS))
    return person


@transaction.atomic
def person_update(*, actor: Any, person: Person, **changes: Any) -> Person:
    person = Person.objects.select_for_update().get(pk=person.pk)
    _check_manage(actor, person.unit)
    before = audit.snapshot(person, PERSON_FIELDS)
    for name, value in changes.items():
        if name not in PERSON_FIELDS or name == "user":
            raise ValueError(f"unknown person field {name}")
        setattr(person, name, value)
    if "unit" in changes:
        _check_manage(actor, person.unit)
    person.full_clean()
    person.save()
    after = audit.snapshot(person, PERSON_FIELDS)
    if after != before:
        audit.record(actor=actor, action="org.person.update", obj=person,
                     unit_id=person.unit_id, before=before, after=after)
    return person


def _overlapping(role: Role, unit: Unit, valid_from: dt.date, valid_to: dt.date | None, exclude_pk: int | None):
    qs = Appointment.objects.filter(unit=unit, role__code=role.code)
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    # [a, b] overlaps [c, d] when a <= d and c <= b (open ends are infinite)
    qs = qs.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=valid_from))
    if valid_to is not None:
        qs = qs.filter(valid_from__lte=valid_to)
    return qs


def _validate_appointment(appt: Appointment) -> None:
    if appt.valid_to and appt.valid_to < appt.valid_from:
        raise ValidationError({"valid_to": "截止日期不能早于起始日期。"})
    if appt.role.single_holder:
        clash = _overlapping(appt.role, appt.unit, appt.valid_from, appt.valid_to, appt.pk).select_related("person").first()
        if clash is not None:
            end = clash.valid_to.isoformat() if clash.valid_to else "至今"
            raise ValidationError(
                {"valid_from": f"{appt.unit}的“{appt.role.name}”同一时间只能有一人："
                               f"{clash.person.name}任期 {clash.valid_from.isoformat()} 至 {end} 与本任期重叠。"}
            )


@transaction.atomic
def appointment_create(*, actor: Any, person: Person, unit: Unit, role: Role, valid_from: dt.date,
                       valid_to: dt.date | None = None, basis: str = "", area: str = "",
                       oversees: list[Unit] | None = None) -> Appointment:
    _check_manage(actor, unit)
    # Serialise appointment writes per unit (PostgreSQL row lock; SQLite has one writer).
    Unit.objects.select_for_update().filter(pk=unit.pk).first()
    appt = Appointment(person=person, unit=unit, role=role, valid_from=valid_from, valid_to=valid_to,
                       basis=basis, area=area)
    _validate_appointment(appt)
    appt.full_clean()
    appt.save()
    if oversees:
        appt.oversees.set(oversees)
    after = audit.snapshot(appt, APPOINTMENT_FIELDS) | {"oversees": sorted(u.pk for u in oversees or [])}
    audit.record(actor=actor, action="org.appointment.create", obj=appt, unit_id=unit.pk, after=after)
    if person.user is not None:
        permissions.forget(person.user)
    return appt


@transaction.atomic
def appointment_update(*, actor: Any, appointment: Appointment, **changes: Any) -> Appointment:
    appt = Appointment.objects.select_related("role", "unit", "person").get(pk=appointment.pk)
    _check_manage(actor, appt.unit)
    Unit.objects.select_for_update().filter(pk=appt.unit_id).first()
    before = audit.snapshot(appt, APPOINTMENT_FIELDS) | {"oversees": sorted(appt.oversees.values_list("pk", flat=True))}
    oversees = changes.pop("oversees", None)
    for name, value in changes.items():
        if name not in {"valid_from", "valid_to", "basis", "area"}:
            raise ValueError(f"appointment field {name} cannot change; end it and make a new one")
        setattr(appt, name, value)
    _validate_appointment(appt)
    appt.full_clean()
    appt.save()
    if oversees is not None:
        appt.oversees.set(oversees)
    after = audit.snapshot(appt, APPOINTMENT_FIELDS) | {"oversees": sorted(appt.oversees.values_list("pk", flat=True))}
    if after != before:
        audit.record(actor=actor, action="org.appointment.update", obj=appt, unit_id=appt.unit_id,
                     before=before, after=after)
    return appt


def appointment_end(*, actor: Any, appointment: Appointment, valid_to: dt.date) -> Appointment:
    return appointment_update(actor=actor, appointment=appointment, valid_to=valid_to)


def current_holders(unit: Unit, role_code: str, day: dt.date):
    return Appointment.objects.filter(valid_on_q(day), unit=unit, role__code=role_code).select_related("person")
