"""Notices for the registry through the platform's `core.notify`: whoever must act next gets an
in-app notice and an e-mail after the transaction commits; the submitter hears the outcome. Notices
about one request share a topic, so the notice of a finished step gives way to the next."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from netduty.core import notify as core_notify
from netduty.org import permissions
from netduty.org.models import Person, Unit
from netduty.policy import selectors as policy

from .models import ChannelRequest, RequestState

KIND = "fronts"


def unit_heads(unit: Unit, day: dt.date) -> list[Person]:
    """The nearest level's 单位负责人 (the unit's own, else the closest ancestor that has one)."""
    return [a.person for a in permissions.nearest_holders(unit, policy.function_roles("unit_head", day), day)]


def office_people(unit: Unit, day: dt.date) -> list[Person]:
    """The 宣传部 (the pack's `functions.propaganda` roles) over `unit`."""
    return [a.person for a in permissions.holders(unit, policy.function_roles("propaganda", day), day)]


def request_waiting(req: ChannelRequest) -> int:
    """Tell the people of the step the request now waits for (in-app, e-mail after the commit)."""
    day = timezone.localdate()
    who = unit_heads(req.channel.unit, day) if req.state == RequestState.UNIT else office_people(req.channel.unit, day)
    who = [p for p in who if p.user_id is None or p.user_id != req.submitted_by_id]
    title = f"“{req.channel.name}”{req.get_kind_display()}待审批"
    body = f"{req.channel.unit.name}提交的“{req.channel.name}”{req.get_kind_display()}申请待您审批。"
    fresh = core_notify.notify(who, key=f"fronts:{req.pk}:{req.state}", kind=KIND, title=title, body=body,
                               url=reverse("fronts:request_detail", args=[req.pk]), topic=f"fronts:{req.pk}",
                               subject=f"【阵地备案】{req.channel.name} · {req.get_kind_display()}待审批")
    return len(fresh)


def request_done(req: ChannelRequest) -> int:
    person = Person.objects.filter(user_id=req.submitted_by_id).first() if req.submitted_by_id else None
    if person is None:
        return 0
    fresh = core_notify.notify([person], key=f"fronts:{req.pk}:done", kind=KIND,
                               title=f"“{req.channel.name}”{req.get_kind_display()}申请：{req.get_state_display()}",
                               body=f"您提交的“{req.channel.name}”{req.get_kind_display()}申请：{req.get_state_display()}。",
                               url=reverse("fronts:request_detail", args=[req.pk]), topic=f"fronts:{req.pk}",
                               subject=f"【阵地备案】{req.channel.name} · {req.get_state_display()}")
    return len(fresh)
