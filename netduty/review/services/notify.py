"""Telling people that something waits for them, through the platform's one notification service
(`netduty.core.notify`: in-app notice per recipient and key, e-mail, group robots). Notices about
one submission share a topic, so the notice about an earlier revision or stage gives way to the newer one.

Services call the `after_*` hooks from `transaction.on_commit`; each enqueues a background task
with ids only, and the task does the work (`deliver_*`)."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.urls import reverse
from django.utils import timezone

from netduty.core import notify as core_notify
from netduty.org.models import Person

from .. import selectors
from ..models import Decision, LiveCheck, Outcome, Publication, Submission

log = logging.getLogger(__name__)
KIND = "review"


def after_stage_entered(submission_id: int) -> None:
    from ..tasks import notify

    notify.enqueue("stage", submission_id)


def after_decision(decision_id: int) -> None:
    from ..tasks import notify

    notify.enqueue("decision", decision_id)


def after_publication(publication_id: int) -> None:
    from ..tasks import live_check

    live_check.enqueue(publication_id)


def after_live_check(check_id: int) -> None:
    from ..tasks import notify

    notify.enqueue("live", check_id)


def post(people: Iterable[Person], key: str, title: str, body: str, url: str, topic: str = "",
         robot_text: str | None = None) -> list[Person]:
    """One in-app notice per person for `key` (repeats are ignored), e-mailed to each newly notified
    person, through the platform's `core.notify`; `robot_text` also posts to the group robots."""
    return core_notify.notify(people, key=key, kind=KIND, title=title, body=body, url=url, topic=topic,
                              subject=f"【发布审查】{title}", robots=robot_text is not None,
                              robot_text=robot_text or "", after_commit=False)


def _link(sub: Submission) -> str:
    return reverse("review:detail", args=[sub.pk])


def deliver_stage(submission_id: int) -> int:
    sub = Submission.objects.select_related("unit", "channel", "current_revision").filter(pk=submission_id).first()
    if sub is None or sub.state != "reviewing":
        return 0
    stage = selectors.stage_of(sub) or {}
    blocked = selectors.authors_of(sub)
    other = set(Decision.objects.filter(submission=sub).exclude(stage=sub.stage).values_list("reviewer_id", flat=True))
    people = [a.person for a in selectors.eligible_appointments(sub.unit, list(stage.get("roles", [])))
              if a.person_id not in blocked and a.person_id not in other]
    rev = sub.current_revision
    title = f"待您{stage.get('name', '审核')}：{sub.title}"
    due = f"，请于{timezone.localtime(sub.due_at):%Y年%-m月%-d日 %H:%M}前处理" if sub.due_at else ""
    body = f"{sub.channel}·第{rev.number if rev else 1}版{due}。"
    if rev is not None and rev.high_count:
        body += f"自动筛查发现 {rev.high_count} 个高风险问题。"
    waiting = "、".join(dict.fromkeys(p.name for p in people))
    fresh = post(people, f"review:{sub.pk}:r{rev.number if rev else 0}:s{sub.stage}", title, body, _link(sub),
                 topic=f"review:{sub.pk}", robot_text=f"{body}\n待审核人：{waiting}")
    return len(fresh)


def deliver_decision(decision_id: int) -> int:
    d = Decision.objects.select_related("submission", "submission__author", "reviewer").filter(pk=decision_id).first()
    if d is None:
        return 0
    sub = d.submission
    if d.outcome == Outcome.APPROVE and sub.state == "approved":
        title, body = f"已通过终审：{sub.title}", "请按通过终审的版本发布，并登记发布网址。"
    elif d.outcome == Outcome.RETURN:
        title, body = f"被退回修改：{sub.title}", f"{d.stage_name}（{d.reviewer.name}）意见：{d.comment}"
    elif d.outcome == Outcome.REJECT:
        title, body = f"不予发布：{sub.title}", f"{d.stage_name}（{d.reviewer.name}）意见：{d.comment}"
    else:
        return deliver_stage(sub.pk)
    return len(post([sub.author], f"review:{sub.pk}:d{d.pk}", title, body, _link(sub), topic=f"review:{sub.pk}"))


def deliver_live(check_id: int) -> int:
    check = LiveCheck.objects.select_related("publication__submission__author", "publication__submission__unit").filter(
        pk=check_id).first()
    if check is None or check.result not in {"changed", "gone", "account"}:
        return 0
    sub = check.publication.submission
    title = f"上线核查{check.get_result_display()}：{sub.title}"
    body = f"{check.url}\n{check.message}"
    people = [sub.author] + [a.person for a in selectors.eligible_appointments(sub.unit, _publish_roles())]
    fresh = post(people, f"review:live:{check.pk}", title, body, _link(sub), robot_text=body)
    return len(fresh)


def _publish_roles() -> list[str]:
    from netduty.policy import selectors as policy

    return [r.code for r in policy.roles() if "review.publish" in r.actions and r.reach != "school"]


def deliver(kind: str, object_id: int) -> int:
    return {"stage": deliver_stage, "decision": deliver_decision, "live": deliver_live}[kind](object_id)


__all__ = ["Publication", "after_decision", "after_live_check", "after_publication", "after_stage_entered",
           "deliver", "post"]
