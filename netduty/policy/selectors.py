"""Reads of the policy pack in force on a day.

The pack is the same for every user (any logged-in user may read it), so these selectors take
no user. Nothing is cached: one small indexed query per call, always correct after a load.

Which pack: `code` if given; else settings.NETDUTY_POLICY_PACK if set; else the code of the
most recently loaded pack (an institution that loads its own pack switches to it). Within that
code, the highest version whose effective_from <= day.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from .format import FUNCTION_DEFAULTS
from .models import PolicyItem, PolicyPack, Role, TaskItem


class NoActivePack(LookupError):
    """No policy pack is in force on the requested day."""


def _current_code() -> str | None:
    configured = getattr(settings, "NETDUTY_POLICY_PACK", "")
    if configured:
        return configured
    return PolicyPack.objects.order_by("-loaded_at", "-id").values_list("code", flat=True).first()


def active_pack(day: dt.date | None = None, code: str | None = None) -> PolicyPack | None:
    """The pack version in force on `day` (default today), or None."""
    day = day or timezone.localdate()
    code = code or _current_code()
    if not code:
        return None
    return (
        PolicyPack.objects.filter(code=code, effective_from__lte=day)
        .order_by("-version")
        .first()
    )


def require_active_pack(day: dt.date | None = None, code: str | None = None) -> PolicyPack:
    pack = active_pack(day, code)
    if pack is None:
        raise NoActivePack(f"{day or timezone.localdate()} 没有生效的制度包；请先载入制度包（netduty policy load）")
    return pack


def role(code: str, day: dt.date | None = None, pack: PolicyPack | None = None) -> Role:
    """The role `code` of the pack in force on `day`. Raises Role.DoesNotExist / NoActivePack."""
    pack = pack or require_active_pack(day)
    return Role.objects.get(pack=pack, code=code)


def roles(day: dt.date | None = None, pack: PolicyPack | None = None) -> QuerySet[Role]:
    pack = pack or active_pack(day)
    if pack is None:
        return Role.objects.none()
    return Role.objects.filter(pack=pack).order_by("order")


def tasks(day: dt.date | None = None, pack: PolicyPack | None = None) -> QuerySet[TaskItem]:
    pack = pack or active_pack(day)
    if pack is None:
        return TaskItem.objects.none()
    return TaskItem.objects.filter(pack=pack).order_by("order")


def items(kind: str, day: dt.date | None = None, pack: PolicyPack | None = None) -> QuerySet[PolicyItem]:
    pack = pack or active_pack(day)
    if pack is None:
        return PolicyItem.objects.none()
    return PolicyItem.objects.filter(pack=pack, kind=kind).order_by("order")


def level_unit_kinds(level: str, day: dt.date | None = None, pack: PolicyPack | None = None) -> list[str]:
    """The org unit kinds a responsible level (e.g. "party_orgs") applies to."""
    item = items("level", day, pack).filter(code=level).first()
    return list(item.data.get("unit_kinds", [])) if item else []


def setting(path: str, default: object = None, day: dt.date | None = None, pack: PolicyPack | None = None) -> object:
    """A value from the pack's `data`, by dotted path: setting("channels.register_new_within_days")."""
    pack = pack or active_pack(day)
    value: object = pack.data if pack else {}
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return default
        value = value[part]
    return value


def tasks_for_unit_kind(unit_kind: str, day: dt.date | None = None,
                        pack: PolicyPack | None = None) -> QuerySet[TaskItem]:
    """The key tasks a unit of `unit_kind` carries (its kind is in the task level's unit_kinds)."""
    pack = pack or active_pack(day)
    if pack is None:
        return TaskItem.objects.none()
    levels = [item.code for item in items("level", pack=pack) if unit_kind in item.data.get("unit_kinds", [])]
    return tasks(pack=pack).filter(level__in=levels)


def function_roles(function: str, day: dt.date | None = None, pack: PolicyPack | None = None) -> list[str]:
    """The role codes that play `function` ("propaganda", "discipline", "unit_head") in the pack in
    force: `data.functions.<function>`, else the format's default (`format.FUNCTION_DEFAULTS`)."""
    value = setting(f"functions.{function}", None, day=day, pack=pack)
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and value:
        return [str(v) for v in value]
    return list(FUNCTION_DEFAULTS[function])
