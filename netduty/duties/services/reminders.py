"""Reminders before a period is due and when it is overdue, escalation up the responsibility chain,
claimed once per slot (in-app, e-mail, and a summary per unit to the group robots); calendar feed
tokens; reading notifications."""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from netduty.core import audit, webhooks
from netduty.core import notify as core_notify
from netduty.core.jobs import claim_slot
from netduty.core.models import Notification
from netduty.org.models import Appointment, Person, valid_on_q
from netduty.org.selectors import responsibility_chain
from netduty.policy import selectors as policy

from ..models import CalendarToken, ObligationPeriod
from ..models.calendar import new_token

log = logging.getLogger(__name__)
JOB = "duties.reminders"
DEFAULTS = {"remind_before_days": [14, 3], "escalate_after_days": 7}


def conf(name: str, day: dt.date | None = None) -> Any:
    """A reminder setting: the pack's `data.duties.<name>`, else settings.NETDUTY_DUTIES_<NAME>, else default."""
    value = policy.setting(f"duties.{name}", None, day=day)
    if value is None:
        value = getattr(settings, f"NETDUTY_DUTIES_{name.upper()}", DEFAULTS[name])
    return value


def run_reminders(*, day: dt.date | None = None, worker: str = "") -> dict[str, int] | None:
    """The daily reminder job for `day`. Returns None when another worker already ran this slot."""
    day = day or timezone.localdate()
    with transaction.atomic():
        claim = claim_slot(JOB, day.isoformat(), worker)
        if claim is None:
            return None
        result = _remind(day)
        claim.result = result
        claim.save(update_fields=["result"])
        audit.record(actor=None, action="duties.reminders.run", obj=claim, after=result)
    return result


def _recipients_by_unit(unit_ids: set[int], day: dt.date) -> dict[int, set[int]]:
    """People who record the unit's duties on `day` (roles granting duties.record on that unit)."""
    out: dict[int, set[int]] = defaultdict(set)
    appts = Appointment.objects.filter(valid_on_q(day), unit_id__in=unit_ids).select_related("role")
    for appt in appts:
        if "duties.record" in appt.role.actions and appt.role.reach != "school":
            out[appt.unit_id].add(appt.person_id)
    return out


def _remind(day: dt.date) -> dict[str, int]:
    before = sorted(int(n) for n in conf("remind_before_days", day))
    delay = max(1, int(conf("escalate_after_days", day)))
    horizon = max(before) if before else 0
    open_qs = ObligationPeriod.objects.filter(completed_at__isnull=True).select_related("unit", "obligation__task")
    soon = list(open_qs.filter(start__lte=day, due__gte=day, due__lte=day + dt.timedelta(days=horizon)))
    late = list(open_qs.filter(due__lt=day, due__gte=day - dt.timedelta(days=400)))
    recipients = _recipients_by_unit({p.unit_id for p in soon + late}, day)
    wanted: list[tuple[int, str, ObligationPeriod, str, str]] = []  # person, key, period, kind, title

    def what(p: ObligationPeriod) -> str:
        return f"{p.unit}·{p.obligation.task.item}（{p.label}）"

    for p in soon:
        left = (p.due - day).days
        stage = min(n for n in before if left <= n)
        for person_id in recipients.get(p.unit_id, ()):
            wanted.append((person_id, f"due:{p.pk}:{stage}", p, Notification.Kind.DUE_SOON,
                           f"{what(p)}将于{p.due:%Y年%-m月%-d日}到期（还有{left}天）"))
    chains: dict[int, list] = {}
    for p in late:
        overdue = (day - p.due).days
        for person_id in recipients.get(p.unit_id, ()):
            wanted.append((person_id, f"overdue:{p.pk}", p, Notification.Kind.OVERDUE,
                           f"{what(p)}已逾期{overdue}天（截止{p.due:%Y年%-m月%-d日}）"))
        steps = overdue // delay
        if steps < 1:
            continue
        if p.unit_id not in chains:
            chains[p.unit_id] = responsibility_chain(p.unit, day)
        above = [lvl for lvl in chains[p.unit_id][1:] if lvl.first or lvl.direct]
        for level_no, level in enumerate(above[:steps], start=1):
            for appt in level.first + level.direct:
                wanted.append((appt.person_id, f"esc:{p.pk}:{level_no}", p, Notification.Kind.ESCALATION,
                               f"【督办】{what(p)}已逾期{overdue}天，请督促落实"))
    keys = {k for _, k, *_ in wanted}
    seen: set[tuple[int, str]] = set()
    key_list = sorted(keys)
    for i in range(0, len(key_list), 500):
        seen.update(Notification.objects.filter(key__in=key_list[i:i + 500]).values_list("recipient_id", "key"))
    new: list[Notification] = []
    for person_id, key, p, kind, title in wanted:
        if (person_id, key) in seen:
            continue
        seen.add((person_id, key))
        new.append(Notification(recipient_id=person_id, key=key, object_id=p.pk, topic=f"duties:{p.pk}", kind=kind, title=title,
                                body=p.obligation.task.content, url=reverse("duties:period_detail", args=[p.pk])))
    Notification.objects.bulk_create(new, batch_size=500)
    counts = {"due_soon": 0, "overdue": 0, "escalation": 0}
    for n in new:
        counts[n.kind] += 1
    by_person: dict[int, list[str]] = defaultdict(list)
    for n in new:
        by_person[n.recipient_id].append(f"· {n.title}\n  {n.url}")
    counts["emails"] = _queue_emails(by_person, day)
    counts["webhooks"] = _queue_webhooks(new, day, {p.pk: p for _, _, p, _, _ in wanted})
    return counts


RANK: dict[str, int] = {Notification.Kind.DUE_SOON: 0, Notification.Kind.OVERDUE: 1, Notification.Kind.ESCALATION: 2}
ROBOT_LINES = 10


def _robot_line(p: ObligationPeriod, kind: str, day: dt.date) -> str:
    what = f"{p.obligation.task.item}（{p.label}）"
    if kind == Notification.Kind.DUE_SOON:
        return f"· {what}将于{p.due:%Y年%-m月%-d日}到期（还有{(p.due - day).days}天）"
    prefix = "【督办】" if kind == Notification.Kind.ESCALATION else ""
    return f"· {prefix}{what}已逾期{(day - p.due).days}天（截止{p.due:%Y年%-m月%-d日}）"


def _queue_webhooks(new: list[Notification], day: dt.date, periods: dict[int, ObligationPeriod]) -> int:
    """One short summary per unit with new reminders, posted to the group robots
    (netduty.core.webhooks) after the reminder run commits. Returns how many summaries."""
    if not getattr(settings, "NETDUTY_DUTIES_REMIND_WEBHOOKS", True) or not webhooks.robots():
        return 0
    by_unit: dict[int, dict[int, tuple[ObligationPeriod, str]]] = defaultdict(dict)
    for n in new:
        p = periods.get(n.object_id or 0)
        if p is None:
            continue
        seen = by_unit[p.unit_id].get(p.pk)
        if seen is None or RANK[n.kind] > RANK[seen[1]]:
            by_unit[p.unit_id][p.pk] = (p, n.kind)
    for unit_id, items in by_unit.items():
        rows = sorted(items.values(), key=lambda pk: (-RANK[pk[1]], pk[0].due, pk[0].pk))
        unit = rows[0][0].unit
        soon = sum(1 for _, kind in rows if kind == Notification.Kind.DUE_SOON)
        escalated = sum(1 for _, kind in rows if kind == Notification.Kind.ESCALATION)
        parts = [f"即将到期 {soon} 项"] if soon else []
        if len(rows) > soon:
            parts.append(f"逾期 {len(rows) - soon} 项" + (f"（其中督办 {escalated} 项）" if escalated else ""))
        head = f"截至{day:%Y年%-m月%-d日}：" + "，".join(parts) + "。"
        lines = [_robot_line(p, kind, day) for p, kind in rows[:ROBOT_LINES]]
        if len(rows) > ROBOT_LINES:
            lines.append(f"……等共 {len(rows)} 项")
        link = reverse("duties:unit_detail", args=[unit_id]) + f"?year={day.year}"
        webhooks.broadcast_on_commit(f"【重点任务提醒】{unit.name}", "\n".join([head, *lines]), link)
    return len(by_unit)


def _queue_emails(by_person: dict[int, list[str]], day: dt.date) -> int:
    people = Person.objects.filter(pk__in=list(by_person)).select_related("user")
    messages = []
    for person in people:
        address = person.email or (person.user.email if person.user else "")
        if address:
            body = f"{person.name}：\n\n截至{day:%Y年%-m月%-d日}，您负责的以下重点任务需要办理：\n\n" + "\n".join(
                by_person[person.pk]) + "\n\n（本邮件由 netduty 自动发送）"
            messages.append((person.pk, EmailMessage(f"【重点任务提醒】{len(by_person[person.pk])} 项待办", body,
                                                     None, [address])))

    def send() -> None:
        for person_id, message in messages:
            try:
                message.send()
            except Exception:  # a mail server outage must not lose the in-app reminders
                log.exception("reminder e-mail to person %s failed", person_id)
                continue
            Notification.objects.filter(recipient_id=person_id, emailed_at__isnull=True).update(
                emailed_at=timezone.now())

    transaction.on_commit(send)
    return len(messages)


# ---- calendar tokens and notifications -------------------------------------------------------

def calendar_token_for(person: Person) -> CalendarToken:
    token, _ = CalendarToken.objects.get_or_create(person=person)
    return token


@transaction.atomic
def calendar_token_rotate(*, actor: Any, person: Person) -> CalendarToken:
    """A new secret URL; the old one stops working at once."""
    if actor is not None and getattr(actor, "person", None) != person:
        raise PermissionDenied("只能重置自己的日历订阅地址。")
    token = CalendarToken.objects.select_for_update().filter(person=person).first()
    if token is None:
        token = CalendarToken.objects.create(person=person)
    else:
        token.token, token.created_at = new_token(), timezone.now()
        token.save(update_fields=["token", "created_at"])
    audit.record(actor=actor, action="duties.calendar.rotate", obj=token, after={"person": person.pk})
    return token


def notification_read(*, actor: Any, notification: Notification) -> Notification:
    return core_notify.mark_read(actor=actor, notification=notification)
