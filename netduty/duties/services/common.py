"""Helpers shared by the services."""

from __future__ import annotations

import math
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from netduty.org import permissions
from netduty.org.models import Unit
from netduty.policy.models import TaskItem

from .. import counting, slots

PERIOD_FIELDS = ["count", "required", "activity_at", "completed_at", "review_state", "submitted_at", "statement"]


def check(actor: Any, action: str, unit: Unit | None) -> None:
    """actor=None is the system itself (commands, scheduled jobs, demo loader)."""
    if actor is not None:
        permissions.require(actor, action, unit)


def check_any(actor: Any, unit: Unit, actions: list[str]) -> None:
    if actor is None:
        return
    if not any(permissions.can(actor, a, unit) for a in actions) and not permissions.can(actor, "duties.accept", None):
        raise PermissionDenied(_("您没有执行此操作的权限。"))


def required_for(task: TaskItem, cadence: str | None = None) -> int:
    """How many qualifying records one period needs; 0 = completed by accepted evidence instead."""
    if counting.counter_for(task.count_of) is None:
        return 0
    if not task.min_count:
        return 1
    return max(1, math.ceil(task.min_count / slots.periods_per_year(cadence or task.cadence)))
