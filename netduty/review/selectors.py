"""Scoped reads of the review workflow; who may decide which stage.

Seeing a submission follows the `view` scope of its unit (404 outside). Deciding a stage needs
an appointment, valid today, to one of the stage's roles that covers the channel's unit: on the
unit itself, on an ancestor for a role that reaches its subtree, anywhere for a school-wide role
(宣传部), or as the 分管 leader of the unit. Separation of duties comes on top: nobody decides a
submission they wrote or revised, and nobody decides two stages of the same submission."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from netduty.org import permissions
from netduty.org.models import Appointment, Person, Unit
from netduty.policy import selectors as policy

from .models import ChannelSweep, Decision, LiveCheck, Publication, Revision, State, Submission


def person_of(user: Any) -> Person | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return getattr(user, "person", None)


def submissions(user: Any, action: str = permissions.VIEW) -> QuerySet[Submission]:
    qs = Submission.objects.select_related("channel", "unit", "author", "current_revision")
    return permissions.restrict(qs, user, action)


def submission_for(user: Any, pk: int, action: str | None = None) -> Submission:
    """404 outside the user's view scope; 403 inside it without `action` on the unit."""
    qs = Submission.objects.select_related("channel", "unit", "author", "current_revision")
    return permissions.get_for_user_or_404(qs, user, action=action, pk=pk)


def revisions(submission: Submission) -> QuerySet[Revision]:
    return submission.revisions.select_related("author").prefetch_related("attachments").order_by("number")


def decisions(submission: Submission) -> QuerySet[Decision]:
    return submission.decisions.select_related("reviewer", "revision").order_by("created_at", "pk")


def all_decisions(user: Any) -> QuerySet[Decision]:
    qs = Decision.objects.select_related("reviewer", "revision")
    return permissions.restrict(qs, user, unit_field="submission__unit")


def publications(user: Any) -> QuerySet[Publication]:
    qs = Publication.objects.select_related("submission", "submission__channel", "revision", "published_by")
    return permissions.restrict(qs, user, unit_field="submission__unit")


def live_checks(user: Any) -> QuerySet[LiveCheck]:
    qs = LiveCheck.objects.select_related("publication", "publication__submission")
    return permissions.restrict(qs, user, unit_field="publication__submission__unit")


def sweeps(user: Any) -> QuerySet[ChannelSweep]:
    return permissions.restrict(ChannelSweep.objects.select_related("channel", "unit"), user)


def latest_sweeps(user: Any) -> QuerySet[ChannelSweep]:
    """The newest sweep of every channel in scope, however many sweeps there are (a correlated
    subquery: the same SQL on SQLite and PostgreSQL)."""
    newest = (ChannelSweep.objects.filter(channel_id=OuterRef("channel_id")).order_by("-created_at", "-pk")
              .values("pk")[:1])
    return sweeps(user).filter(pk=Subquery(newest)).order_by("unit__path", "channel__name", "channel_id")


def stale_after_days(day: dt.date | None = None) -> int:
    """The policy pack's `channels.stale_after_days` (no update for longer marks a channel stale)."""
    value: Any = policy.setting("channels.stale_after_days", 14, day=day)
    return int(value or 14)


# ---- stages and who may decide them ---------------------------------------------------------

def stage_of(submission: Submission, order: int | None = None) -> dict | None:
    rev = submission.current_revision
    order = submission.stage if order is None else order
    if rev is None or order < 1 or order > len(rev.stages):
        return None
    return rev.stages[order - 1]


def stage_appointments(person: Person | None, unit: Unit, roles: list[str], day: dt.date | None = None) -> list[Appointment]:
    """`person`'s appointments that may decide a stage with `roles` on `unit`."""
    if person is None:
        return []
    return list(permissions.holders(unit, roles, day).filter(person=person))


def eligible_appointments(unit: Unit, roles: list[str], day: dt.date | None = None) -> QuerySet[Appointment]:
    """Every appointment that may decide a stage with `roles` on `unit` (for notices)."""
    return permissions.holders(unit, roles, day)


@dataclass(frozen=True)
class Eligibility:
    ok: bool
    reason: str = ""
    appointment: Appointment | None = None


def authors_of(submission: Submission) -> set[int]:
    ids = set(submission.revisions.values_list("author_id", flat=True))
    ids.add(submission.author_id)
    return ids


def eligibility(user: Any, submission: Submission, day: dt.date | None = None) -> Eligibility:
    """May `user` decide the submission's current stage now? With a Chinese reason if not."""
    if submission.state != State.REVIEWING:
        return Eligibility(False, _("该稿件当前不在审核中。"))
    stage = stage_of(submission)
    if stage is None:
        return Eligibility(False, _("该稿件没有待审核的阶段。"))
    person = person_of(user)
    if person is None:
        return Eligibility(False, _("您的账号没有关联人员，不能审核。"))
    if person.pk in authors_of(submission):
        return Eligibility(False, _("不能审核自己提交或修改的稿件。"))
    other = Decision.objects.filter(submission=submission, reviewer=person).exclude(stage=submission.stage).first()
    if other is not None:
        return Eligibility(False, _("您已在“%(stage)s”阶段审核过该稿件，同一稿件的不同阶段须由不同的人审核。") % {
            "stage": other.stage_name})
    appts = stage_appointments(person, submission.unit, list(stage.get("roles", [])), day)
    if not appts:
        return Eligibility(False, _("“%(stage)s”须由%(roles)s审核，您不在其列。") % {
            "stage": stage.get("name", ""), "roles": stage_roles_label(stage)})
    return Eligibility(True, appointment=appts[0])


def stage_roles_label(stage: dict) -> str:
    names = dict(policy.roles().values_list("code", "name"))
    return _("或").join(names.get(code, code) for code in stage.get("roles", []))


def queue_for(user: Any, day: dt.date | None = None) -> QuerySet[Submission]:
    """Submissions waiting for `user`'s decision at their current stage (separation of duties applied)."""
    person = person_of(user)
    if person is None:
        return Submission.objects.none()
    q = Q(pk__in=[])
    for code in sorted({appt.role.code for appt in permissions.active_appointments(user, day)}):
        scope = permissions.role_scope(user, [code], day)
        q |= Q(awaiting_roles__contains=f",{code},") & scope.unit_q("unit__")
    wrote = Revision.objects.filter(submission=OuterRef("pk"), author=person)
    other_stage = Decision.objects.filter(submission=OuterRef("pk"), reviewer=person).exclude(stage=OuterRef("stage"))
    return (Submission.objects.filter(state=State.REVIEWING).filter(q).exclude(author=person)
            .exclude(Exists(wrote)).exclude(Exists(other_stage))
            .select_related("channel", "unit", "author", "current_revision").order_by("stage_since", "pk"))


def todo_for(user: Any, day: dt.date) -> list[dict[str, str]]:
    """Dashboard items: what waits for this user's decision, and approved items to publish."""
    items = []
    now = timezone.now()
    for sub in queue_for(user, day)[:20]:
        stage = stage_of(sub) or {}
        waited = now - (sub.stage_since or sub.created_at)
        note = _("已等待%(age)s") % {"age": _age(waited)}
        if sub.due_at:
            note += _("，%(what)s %(when)s") % {"what": _("已超时") if sub.due_at < now else _("时限"),
                                               "when": dateformat.format(timezone.localtime(sub.due_at), _("m月d日 H:i"))}
        items.append({"label": f"【{stage.get('name', _('审核'))}】{sub.title}（{sub.channel}）",
                      "url": reverse("review:detail", args=[sub.pk]), "note": note})
    person = person_of(user)
    if person is not None:
        for sub in Submission.objects.filter(author=person, state__in=[State.RETURNED, State.APPROVED])[:10]:
            label = _("已通过终审，请发布并登记网址") if sub.state == State.APPROVED else _("被退回，请修改后重新提交")
            items.append({"label": f"{sub.title}：{label}", "url": reverse("review:detail", args=[sub.pk]), "note": ""})
    return items


def _age(delta: dt.timedelta) -> str:
    hours = int(delta.total_seconds() // 3600)
    if hours < 1:
        minutes = max(0, int(delta.total_seconds() // 60))
        return ngettext("%(n)s分钟", "%(n)s分钟", minutes) % {"n": minutes}
    if hours < 48:
        return ngettext("%(n)s小时", "%(n)s小时", hours) % {"n": hours}
    return ngettext("%(n)s天", "%(n)s天", hours // 24) % {"n": hours // 24}


age_label = _age


def unchecked_publications(user: Any) -> QuerySet[Publication]:
    """Published items in scope that no live check has verified: never checked, or only checks
    that could not look at the item (无法核查) — whatever the channel's check kind. The list and
    the count on /review/live/ use this one query."""
    from .models.live import VERIFIED

    verified = LiveCheck.objects.filter(publication_id=OuterRef("pk"), result__in=VERIFIED)
    return publications(user).filter(~Exists(verified)).order_by("-published_at")
