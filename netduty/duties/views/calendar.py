"""Personal iCalendar feed at a secret URL, and in-app notifications."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from icalendar import Calendar, Event

from .. import selectors, services
from ..models import CalendarToken


def _person(request):
    person = getattr(request.user, "person", None)
    if person is None:
        raise PermissionDenied(_("您的账号没有对应的人员信息，无法订阅日历。"))
    return person


@login_required
def calendar_page(request):
    person = _person(request)
    token = services.calendar_token_for(person)
    url = request.build_absolute_uri(reverse("duties:calendar_feed", args=[token.token]))
    deadlines = selectors.calendar_periods(person, timezone.localdate())
    return render(request, "duties/calendar.html", {"url": url, "token": token, "deadlines": deadlines[:50]})


@login_required
@require_POST
def calendar_rotate(request):
    services.calendar_token_rotate(actor=request.user, person=_person(request))
    messages.success(request, _("已生成新的订阅地址，旧地址已失效。"))
    return redirect("duties:calendar")


def calendar_feed(request, token: str):
    """No login: the token is the secret. A wrong or rotated token is 404."""
    row = CalendarToken.objects.select_related("person").filter(token=token).first()
    if row is None or len(token) < 20:
        raise Http404
    today = timezone.localdate()
    cal = Calendar()
    cal.add("prodid", "-//netduty//重点任务//ZH")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{row.person.name}的重点任务")
    host = request.get_host().split(":")[0]
    stamp = timezone.now()
    for period in selectors.calendar_periods(row.person, today):
        event = Event()
        event.add("uid", f"duties-period-{period.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", period.due)
        event.add("dtend", period.due + dt.timedelta(days=1))
        event.add("summary", f"【重点任务截止】{period.unit}·{period.obligation.task.item}（{period.label}）")
        event.add("description", f"{period.obligation.task.content}\n状态：{period.status_on(today).label}")
        event.add("url", request.build_absolute_uri(reverse("duties:period_detail", args=[period.pk])))
        cal.add_component(event)
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = "inline; filename=netduty.ics"
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
def notification_list(request):
    return render(request, "duties/notifications.html",
                  {"notifications": selectors.notifications(request.user)[:200]})


@login_required
@require_POST
def notification_read(request, pk: int):
    notification = get_object_or_404(selectors.notifications(request.user), pk=pk)
    services.notification_read(actor=request.user, notification=notification)
    return redirect(notification.url or "duties:notifications")
