"""Notices for the registry: e-mail to whoever must act next, sent after the transaction commits.

In-app, pending approvals appear in everyone's 待办 (org TODO_PROVIDERS, see apps.py). The duties
app's Notification model belongs to key-task periods, so the registry does not write into it."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from netduty.core.webhooks import absolute
from netduty.org.models import Appointment, Person, Unit, valid_on_q

from .models import ChannelRequest, RequestState

log = logging.getLogger(__name__)


def unit_heads(unit: Unit, day: dt.date) -> list[Person]:
    """The nearest level's 单位负责人 (the unit's own, else the closest ancestor that has one)."""
    from .people import HEAD_ROLES

    appts = (Appointment.objects.filter(valid_on_q(day), unit_id__in=unit.ancestor_ids, role__code__in=HEAD_ROLES)
             .select_related("person__user", "unit"))
    by_depth: dict[int, list[Person]] = {}
    for a in appts:
        by_depth.setdefault(a.unit.depth, []).append(a.person)
    return by_depth[max(by_depth)] if by_depth else []


def office_people(day: dt.date) -> list[Person]:
    appts = Appointment.objects.filter(valid_on_q(day), role__code="propaganda_office").select_related("person__user")
    return [a.person for a in appts]


def _address(person: Person) -> str:
    return person.email or (person.user.email if person.user_id and person.user else "")


def _send(people: Iterable[Person], subject: str, body: str, exclude_user_id: int | None = None) -> int:
    addresses = sorted({a for p in people if (a := _address(p)) and p.user_id != exclude_user_id})
    if not addresses:
        return 0

    def send() -> None:
        for address in addresses:
            try:
                EmailMessage(subject, body, None, [address]).send()
            except Exception:  # a mail outage must not undo the approval
                log.exception("fronts notice to %s failed", address)

    transaction.on_commit(send)
    return len(addresses)


def request_waiting(req: ChannelRequest) -> int:
    """Tell the people of the step the request now waits for."""
    day = timezone.localdate()
    url = absolute(reverse("fronts:request_detail", args=[req.pk]))  # NETDUTY_BASE_URL, as the robots do
    who = unit_heads(req.channel.unit, day) if req.state == RequestState.UNIT else office_people(day)
    body = (f"{req.channel.unit.name}提交的“{req.channel.name}”{req.get_kind_display()}申请待您审批。\n\n"
            f"{url}\n\n（本邮件由 netduty 自动发送）")
    return _send(who, f"【阵地备案】{req.channel.name} · {req.get_kind_display()}待审批", body,
                 exclude_user_id=req.submitted_by_id)


def request_done(req: ChannelRequest) -> int:
    person = Person.objects.filter(Q(user_id=req.submitted_by_id)).first()
    if person is None:
        return 0
    body = (f"您提交的“{req.channel.name}”{req.get_kind_display()}申请：{req.get_state_display()}。\n\n"
            f"{absolute(reverse('fronts:request_detail', args=[req.pk]))}\n\n（本邮件由 netduty 自动发送）")
    return _send([person], f"【阵地备案】{req.channel.name} · {req.get_state_display()}", body)
