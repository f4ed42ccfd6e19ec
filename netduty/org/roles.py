"""Roles as the policy pack in force on a date defines them."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from netduty.policy.models import Role


def roles_on(day: dt.date | None = None) -> QuerySet[Role]:
    from netduty.policy import selectors as policy_selectors  # policy's public read API

    pack = policy_selectors.active_pack(day)
    if pack is None:
        return Role.objects.none()
    return Role.objects.filter(pack=pack).order_by("order")


def find_role(text: str, day: dt.date | None = None) -> Role | None:
    """A role of the pack in force on `day`, by code or by name."""
    text = text.strip()
    return roles_on(day).filter(Q(code=text) | Q(name=text)).first()
