"""The registry's items in everyone's 待办 (org.selectors.TODO_PROVIDERS)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import dateformat
from django.utils.translation import gettext as _

from netduty.org import permissions
from netduty.policy import selectors as policy

from . import selectors
from .models import Channel, ChannelResponsible, ChannelStatus, ZeroReport

LIMIT = 8


def fronts_todo(user: Any, day: dt.date) -> list[dict[str, str]]:
    if not permissions.can_anywhere(user, selectors.MANAGE):
        return []
    items: list[dict[str, str]] = []
    for req in selectors.approval_queue(user, day)[:LIMIT]:
        items.append({
            "label": _("阵地备案待审批：%(unit)s“%(channel)s”%(kind)s") % {
                "unit": req.channel.unit.short_name or req.channel.unit.name, "channel": req.channel.name,
                "kind": req.get_kind_display()},
            "url": reverse("fronts:request_detail", args=[req.pk]),
            "note": f"{req.get_state_display()}" + (_("（逾期报备）") if req.late else ""),
        })
    for review in selectors.reviews_awaiting_conclusion(user)[:LIMIT]:
        items.append({"label": _("年审待审核：%(channel)s（%(year)s年）") % {"channel": review.channel.name, "year": review.year},
                      "url": reverse("fronts:channel_detail", args=[review.channel_id]) + "#annual",
                      "note": _("请给出年审结论")})
    # responsibles whose appointment ended: a change must be reported (overdue after M days)
    managed = selectors.channels_for(user, selectors.MANAGE).filter(status=ChannelStatus.ACTIVE)
    ended = (ChannelResponsible.objects.filter(channel__in=managed, appointment__valid_to__lt=day)
             .values_list("channel_id", flat=True).distinct())
    for channel in Channel.objects.filter(pk__in=list(ended[:LIMIT])).select_related("unit"):
        for due in selectors.changes_due(channel, day)[:1]:
            items.append({"label": _("阵地“%(channel)s”的%(duty)s%(person)s任职已结束，须报备变更") % {
                              "channel": channel.name, "duty": due.duty, "person": due.appointment.person.name},
                          "url": reverse("fronts:change", args=[channel.pk]),
                          "note": (_("已逾期") if due.overdue else _("报备期限")) + " "
                          + dateformat.format(due.due_on, _("Y年n月j日"))})
    if policy.setting("channels.annual_review", True, day=day):
        items.extend(_annual_todo(user, day))
    return items


def _annual_todo(user: Any, day: dt.date) -> list[dict[str, str]]:
    """年审 / 零报告 of the current year for the units the user manages (宣传部: one summary line)."""
    year = day.year
    url = reverse("fronts:annual") + f"?year={year}"
    if permissions.can(user, selectors.MANAGE, None):
        pending = selectors.annual_pending_count(user, year)
        return [{"label": _("%(year)s年阵地年审：%(n)s 个单位尚未完成年审或零报告") % {"year": year, "n": pending},
                 "url": url, "note": _("年内完成")}] if pending else []
    items = []
    units = permissions.units_for(user, selectors.MANAGE).order_by("path")[:50]
    ids = [u.pk for u in units]
    zero = set(ZeroReport.objects.filter(year=year, unit_id__in=ids).values_list("unit_id", flat=True))
    have = selectors.channels_for(user, selectors.MANAGE).filter(selectors.year_channels_q(year))
    due = have.exclude(annual_reviews__year=year).select_related("unit")
    for c in due[:LIMIT]:
        items.append({"label": _("阵地“%(channel)s”%(year)s年年审尚未填报") % {"channel": c.name, "year": year},
                      "url": reverse("fronts:channel_detail", args=[c.pk]) + "#annual", "note": _("年内完成")})
    owning = set(have.values_list("unit_id", flat=True)) | set(
        selectors.channels_for(user, selectors.MANAGE).filter(status=ChannelStatus.PENDING).values_list(
            "unit_id", flat=True))
    for u in units:
        if u.pk not in owning and u.pk not in zero and len(items) < 2 * LIMIT:
            items.append({"label": _("%(unit)s无阵地，须提交%(year)s年零报告") % {"unit": u.short_name or u.name, "year": year},
                          "url": url, "note": _("年内完成")})
    return items
