"""Scoped reads of the channel registry (the review app reads channels only through here)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from netduty.org import permissions
from netduty.org.models import Appointment, Unit
from netduty.policy import selectors as policy

from . import conf
from .models import (
    AnnualReview,
    Channel,
    ChannelRequest,
    ChannelResponsible,
    ChannelStage,
    ChannelStatus,
    RequestKind,
    RequestState,
    SecurityMeasures,
    ZeroReport,
)

MANAGE = "fronts.manage"


def channels_for(user: Any, action: str = permissions.VIEW) -> QuerySet[Channel]:
    return permissions.restrict(Channel.objects.select_related("unit"), user, action)


def channel_for(user: Any, pk: int, action: str | None = None) -> Channel:
    return permissions.get_for_user_or_404(Channel.objects.select_related("unit"), user, action=action, pk=pk)


def stages(channel: Channel) -> list[ChannelStage]:
    return list(channel.stages.order_by("order"))


def stage_rows(channel: Channel) -> list[tuple[ChannelStage, list[str]]]:
    """Stages with the names of their roles (from the pack in force)."""
    names = dict(policy.roles().values_list("code", "name"))
    return [(s, [names.get(r, r) for r in s.roles]) for s in stages(channel)]


# ---- registry list ----------------------------------------------------------------------------

def registry(user: Any, *, unit: str = "", platform: str = "", tier: str = "", status: str = "",
             q: str = "") -> QuerySet[Channel]:
    """The registry as `user` may see it, filtered (unit includes its subtree)."""
    qs = channels_for(user).prefetch_related(
        Prefetch("responsibles", queryset=ChannelResponsible.objects.select_related(
            "appointment__person", "appointment__role").order_by("pk")),
        Prefetch("stages", queryset=ChannelStage.objects.order_by("order")),
    ).select_related("security__password_holder__person")
    if unit.isdigit():
        u = Unit.objects.filter(pk=int(unit)).first()
        qs = qs.filter(unit__path__startswith=u.path) if u else qs.none()
    if platform:
        qs = qs.filter(platform=platform)
    if tier:
        qs = qs.filter(tier=tier)
    if status:
        qs = qs.filter(status=status)
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(account_id__icontains=q) | Q(url__icontains=q))
    open_request = ChannelRequest.objects.filter(channel=OuterRef("pk"), state__in=[RequestState.UNIT,
                                                                                    RequestState.OFFICE])
    return qs.annotate(has_open_request=Exists(open_request)).order_by("unit__path", "tier", "platform", "name")


# ---- requests ---------------------------------------------------------------------------------

def _requests() -> QuerySet[ChannelRequest]:
    return ChannelRequest.objects.select_related("channel__unit", "submitted_by__person")


def requests_for(user: Any) -> QuerySet[ChannelRequest]:
    return permissions.restrict(_requests(), user, permissions.VIEW, unit_field="channel__unit")


def request_for(user: Any, pk: int) -> ChannelRequest:
    return permissions.get_for_user_or_404(_requests(), user, unit_field="channel__unit", pk=pk)


def head_scope_q(user: Any, day: dt.date, prefix: str = "channel__unit__") -> Q:
    """Units where `user` is 单位负责人 (the pack's `functions.unit_head` roles, as they reach)."""
    if getattr(user, "is_superuser", False):
        return Q()
    return permissions.role_scope(user, policy.function_roles("unit_head", day), day).unit_q(prefix)


def approval_queue(user: Any, day: dt.date) -> QuerySet[ChannelRequest]:
    """Requests waiting for `user`'s decision (never their own, never a second step of theirs)."""
    if not getattr(user, "is_authenticated", False):
        return ChannelRequest.objects.none()
    manageable = permissions.restrict(_requests(), user, MANAGE, unit_field="channel__unit")
    q = Q(state=RequestState.UNIT) & head_scope_q(user, day)
    if permissions.can(user, MANAGE, None):
        q |= Q(state=RequestState.OFFICE)
    return (manageable.filter(q).exclude(submitted_by=user).exclude(decisions__decided_by=user)
            .order_by("submitted_at", "pk"))


# ---- flags ------------------------------------------------------------------------------------

def password_max_age(day: dt.date | None = None) -> int:
    return conf.password_max_age(day)


@dataclass
class SecurityStatus:
    measures: SecurityMeasures | None
    stale: bool
    age_days: int | None
    max_age: int
    holder_ended: bool
    problems: list[str] = field(default_factory=list)


def security_status(channel: Channel, day: dt.date) -> SecurityStatus:
    measures = SecurityMeasures.objects.filter(channel=channel).select_related(
        "password_holder__person", "password_holder__role", "password_holder__unit", "updated_by").first()
    max_age = password_max_age(day)
    changed = measures.password_changed_on if measures else None
    age = (day - changed).days if changed else None
    stale = age is None or age > max_age
    holder = measures.password_holder if measures else None
    ended = bool(holder and not holder.is_valid_on(day))
    problems = []
    if measures is None or measures.updated_at is None:
        problems.append(_("尚未填报安全防护情况"))
    else:
        if holder is None:
            problems.append(_("未指定管理密码保管人"))
        if ended:
            problems.append(_("密码保管人任职已结束"))
        if not measures.second_factor:
            problems.append(_("未开启二次验证"))
        if stale:
            problems.append(_("密码超过 %(n)s 天未修改") % {"n": max_age} if changed else _("未登记修改密码日期"))
    return SecurityStatus(measures, stale, age, max_age, ended, problems)


@dataclass
class ChangeDue:
    appointment: Appointment
    duty: str
    due_on: dt.date
    overdue: bool


def changes_due(channel: Channel, day: dt.date) -> list[ChangeDue]:
    """Linked responsibles whose appointment has ended: a change must be reported within the
    pack's `report_change_within_days` of the end. (An approved change re-validates the people,
    so a link to an ended appointment means no change has replaced it; an open change request
    that names new people counts as reported.)"""
    if channel.status != ChannelStatus.ACTIVE:
        return []
    if channel.requests.filter(kind=RequestKind.CHANGE, state__in=[RequestState.UNIT, RequestState.OFFICE],
                               payload__has_key="responsibles").exists():
        return []
    days = conf.change_within_days(day)
    out = []
    for r in channel.responsibles.select_related("appointment__person", "appointment__role"):
        end = r.appointment.valid_to
        if end is None or end >= day:
            continue
        due = end + dt.timedelta(days=days)
        out.append(ChangeDue(r.appointment, r.get_duty_display(), due, day > due))
    return out


def history(channel: Channel) -> list[ChannelRequest]:
    return list(channel.requests.select_related("submitted_by__person").prefetch_related(
        "decisions__decided_by__person").order_by("-submitted_at", "-pk"))


def annual_reviews(channel: Channel) -> list[AnnualReview]:
    return list(channel.annual_reviews.select_related("filed_by__person", "concluded_by__person").order_by("-year"))


def annual_review_for(user: Any, pk: int) -> AnnualReview:
    return permissions.get_for_user_or_404(AnnualReview.objects.select_related("channel__unit"), user,
                                           unit_field="channel__unit", pk=pk)


# ---- annual overview --------------------------------------------------------------------------

@dataclass
class UnitYear:
    unit: Unit
    channels: list[Channel] = field(default_factory=list)
    reviews: dict[int, AnnualReview] = field(default_factory=dict)
    zero: ZeroReport | None = None

    @property
    def entries(self) -> list[tuple[Channel, AnnualReview | None]]:
        return [(c, self.reviews.get(c.pk)) for c in self.channels]

    @property
    def reviewed(self) -> int:
        return sum(1 for c in self.channels if c.pk in self.reviews)

    @property
    def done(self) -> bool:
        return (self.zero is not None) if not self.channels else self.reviewed == len(self.channels)


def year_channels_q(year: int) -> Q:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return (Q(status__in=[ChannelStatus.ACTIVE, ChannelStatus.CLOSED])
            & (Q(opened_on__isnull=True) | Q(opened_on__lte=end))
            & (Q(closed_on__isnull=True) | Q(closed_on__gte=start)))


def annual_overview(user: Any, year: int, unit_id: int | None = None) -> list[UnitYear]:
    """Per unit in view scope: its registered channels of `year`, their 年审 and its 零报告."""
    units = permissions.units_for(user).order_by("path")
    if unit_id:
        units = units.filter(pk=unit_id)
    rows = {u.pk: UnitYear(unit=u) for u in units}
    for c in channels_for(user).filter(year_channels_q(year), unit_id__in=list(rows)).order_by("tier", "name"):
        rows[c.unit_id].channels.append(c)
    for r in AnnualReview.objects.filter(year=year, channel__unit_id__in=list(rows)).select_related("channel"):
        rows[r.channel.unit_id].reviews[r.channel_id] = r
    for z in ZeroReport.objects.filter(year=year, unit_id__in=list(rows)).select_related("filed_by__person"):
        rows[z.unit_id].zero = z
    return list(rows.values())


def annual_pending_count(user: Any, year: int) -> int:
    """How many units in view scope have not finished `year`'s 年审 or 零报告 (`UnitYear.done` of
    `annual_overview`), counted in the database: a unit with channels that year and one of them
    without its 年审, or a unit with none and no 零报告."""
    year_channels = Channel.objects.filter(year_channels_q(year), unit=OuterRef("pk"))
    unreviewed = year_channels.exclude(annual_reviews__year=year)
    zero = ZeroReport.objects.filter(year=year, unit=OuterRef("pk"))
    return permissions.units_for(user).filter(Exists(unreviewed) | (~Exists(year_channels) & ~Exists(zero))).count()


def reviews_awaiting_conclusion(user: Any) -> QuerySet[AnnualReview]:
    if not permissions.can(user, MANAGE, None):
        return AnnualReview.objects.none()
    return (AnnualReview.objects.filter(result="").exclude(filed_by=user)
            .select_related("channel__unit", "filed_by__person").order_by("filed_at"))


# ---- 年审 and 零报告 lists (API) -----------------------------------------------------------------

def annual_reviews_for(user: Any) -> QuerySet[AnnualReview]:
    return permissions.restrict(
        AnnualReview.objects.select_related("channel__unit", "filed_by__person", "concluded_by__person"),
        user, permissions.VIEW, unit_field="channel__unit")


def zero_reports_for(user: Any) -> QuerySet[ZeroReport]:
    return permissions.restrict(ZeroReport.objects.select_related("unit", "filed_by__person"), user)
