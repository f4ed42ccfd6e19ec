"""Telling people: the one notification service of the platform.

`notify(recipients, key=..., kind=..., title=...)` gives each person one in-app notice per `key`
(repeats are ignored: deduplicated), e-mails each newly notified person with an address once the
transaction commits, and with `robots=True` posts one message to the configured group robots
(core/webhooks.py). Notices that share a `topic` replace each other: the new notice marks the
person's older unread notices of the topic superseded (a notice about revision 1 disappears once
one about revision 2 exists). Read/unread: `mark_read`; `unread_count` / `inbox` for the shell.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from . import webhooks
from .models import Notification

log = logging.getLogger(__name__)


def address(person: Any) -> str:
    user = getattr(person, "user", None) if getattr(person, "user_id", None) else None
    return getattr(person, "email", "") or (user.email if user is not None else "")


def notify(recipients: Iterable[Any], *, key: str, kind: str, title: str, body: str = "", url: str = "",
           topic: str = "", object_id: int | None = None, email: bool = True, subject: str = "",
           robots: bool = False, robot_text: str = "", after_commit: bool = True) -> list[Any]:
    """Notify each person (org.Person) once for `key`; returns the people newly notified. E-mail and
    robots go out once the transaction commits (`after_commit=False`: at once, for a caller that
    already runs after the commit, e.g. a background task)."""
    people = list({p.pk: p for p in recipients if p is not None}.values())
    key, title = key[:120], title[:200]
    now = timezone.now()
    fresh: list[Any] = []
    with transaction.atomic():
        for person in people:
            _obj, created = Notification.objects.get_or_create(
                recipient=person, key=key,
                defaults={"kind": kind, "title": title, "body": body, "url": url, "topic": topic[:120],
                          "object_id": object_id, "created_at": now})
            if created:
                fresh.append(person)
        if topic and fresh:
            (Notification.objects.filter(recipient__in=fresh, topic=topic[:120], read_at__isnull=True,
                                         superseded_at__isnull=True).exclude(key=key).update(superseded_at=now))
    if email and fresh:
        send = partial(_email, fresh, key, subject or title, title, body, url)
        transaction.on_commit(send) if after_commit else send()
    if robots and fresh:
        (webhooks.broadcast_on_commit if after_commit else webhooks.broadcast)(title, robot_text or body, url)
    return fresh


def _email(people: list[Any], key: str, subject: str, title: str, body: str, url: str) -> None:
    for person in people:
        to = address(person)
        if not to:
            continue
        text = f"{person.name}：\n\n{title}\n{body}\n\n{webhooks.absolute(url)}\n\n（本邮件由 netduty 自动发送）"
        try:
            EmailMessage(subject[:200], text, None, [to]).send()
        except Exception:  # a mail outage must not lose the in-app notice
            log.exception("notice e-mail to person %s failed", person.pk)
            continue
        Notification.objects.filter(recipient=person, key=key).update(emailed_at=timezone.now())


def inbox(person: Any) -> QuerySet[Notification]:
    """A person's notices, newest first, without superseded ones."""
    if person is None:
        return Notification.objects.none()
    return Notification.objects.filter(recipient=person, superseded_at__isnull=True)


def unread_count(person: Any) -> int:
    return inbox(person).filter(read_at__isnull=True).count() if person is not None else 0


@transaction.atomic
def mark_read(*, actor: Any, notification: Notification) -> Notification:
    if actor is not None and getattr(actor, "person", None) != notification.recipient:
        raise PermissionDenied("只能处理发给自己的提醒。")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification
