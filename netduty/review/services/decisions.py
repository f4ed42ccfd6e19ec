"""Stage decisions (approve / return / reject) and publication.

A decision is taken on the exact revision the reviewer saw: the form carries the submission's
`version` and the revision's content hash, and the service compares both under a row lock
(SQLite: the IMMEDIATE transaction; PostgreSQL: SELECT … FOR UPDATE). Whoever commits first
wins; the other gets a `Conflict` with a plain Chinese message. A unique constraint on
(revision, stage) backs this up in the database."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netduty.core import audit
from netduty.org import permissions
from netduty.policy import selectors as policy

from .. import fetch, selectors
from ..models import Decision, Outcome, Publication, State, Submission
from . import secrecy as secrecy_policy
from .submissions import PUBLISH, Conflict, _person, enter_stage, state_snapshot

MIN_REASON = 5
DEFAULT_CHECKLIST = [
    {"code": "secrecy", "question": "是否涉密？", "pass_answer": False},
    {"code": "suitability", "question": "目前对外发布是否适宜？", "pass_answer": True},
    {"code": "accuracy", "question": "文字、数据、图表、图像是否准确？", "pass_answer": True},
]


def checklist() -> list[dict[str, Any]]:
    """The questions every stage answers (pack `review.checklist` → `review_check` items)."""
    codes: Any = policy.setting("review.checklist", None)
    items = {i.code: i for i in policy.items("review_check")}
    if not codes or not items:
        return DEFAULT_CHECKLIST
    out = []
    for code in codes:
        item = items.get(code)
        if item is not None:
            out.append({"code": code, "question": item.data.get("question") or item.title,
                        "pass_answer": bool(item.data.get("pass_answer", True))})
    return out or DEFAULT_CHECKLIST


def _check_answers(answers: dict[str, Any], outcome: str) -> dict[str, bool]:
    clean: dict[str, bool] = {}
    missing = []
    failing = []
    for item in checklist():
        value = answers.get(item["code"])
        if isinstance(value, str):
            value = {"yes": True, "true": True, "是": True, "1": True, "no": False, "false": False, "否": False,
                     "0": False}.get(value.strip().lower())
        if not isinstance(value, bool):
            missing.append(item["question"])
            continue
        clean[item["code"]] = value
        if value != item["pass_answer"]:
            failing.append(f"{item['question']}{_('是') if value else _('否')}")
    if missing:
        raise ValidationError({"answers": _("请逐项回答审查要点：%(items)s") % {"items": "；".join(missing)}})
    if outcome == Outcome.APPROVE and failing:
        raise ValidationError({"answers": _("审查要点未通过（%(items)s），不能通过，请退回修改或不予发布。") % {
            "items": "；".join(failing)}})
    return clean


def stale_reason(sub: Submission, expected_version: int) -> str:
    """Why a decision made on a page (or API call) rendered for `expected_version` of `sub` cannot be
    recorded because the item moved on since — "某某已…作出决定，意见未保存" — or "" when it is current.
    A stale decision is never recorded, not even on the stage the item moved on to."""
    if sub.state == State.REVIEWING and sub.current_revision_id is not None and sub.version == expected_version:
        return ""
    last = sub.decisions.select_related("reviewer").order_by("-pk").first()
    if sub.state != State.REVIEWING or sub.current_revision_id is None:
        who = _("（%(name)s已于%(time)s作出“%(outcome)s”决定）") % {
            "name": last.reviewer.name, "time": f"{timezone.localtime(last.created_at):%H:%M}",
            "outcome": last.get_outcome_display()} if last else ""
        return _("稿件已不在审核中%(who)s，您的意见未保存。") % {"who": who}
    if last is None:
        return _("稿件刚被修改，您看到的已不是最新状态，意见未保存。请刷新页面后再审。")
    return _("%(name)s已在“%(stage)s”作出“%(outcome)s”决定，您看到的已不是最新状态，意见未保存。请刷新页面后再审。") % {
        "name": last.reviewer.name, "stage": last.stage_name, "outcome": last.get_outcome_display()}


def stage_decide(*, actor: Any, submission: Submission, outcome: str, answers: dict[str, Any],
                 content_hash: str, expected_version: int, comment: str = "",
                 high_reason: str = "") -> Decision:
    """Record one stage decision on the revision `content_hash` of `submission` as it was at
    `expected_version` (the version the reviewer's page or call saw; required)."""
    reviewer = _person(actor)
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("决定只能是通过、退回修改或不予发布。")})
    comment, high_reason = (comment or "").strip(), (high_reason or "").strip()
    if outcome != Outcome.APPROVE and not comment:
        raise ValidationError({"comment": _("退回或不予发布时须写明意见。")})
    clean = _check_answers(answers or {}, outcome)
    from .notify import after_decision

    try:
        with transaction.atomic():
            sub = Submission.objects.select_for_update(of=("self",)).select_related("current_revision", "unit", "channel").get(
                pk=submission.pk)
            rev = sub.current_revision
            stale = stale_reason(sub, expected_version)
            if stale or rev is None:
                raise Conflict(stale)
            if content_hash != rev.content_hash:
                raise Conflict(_("稿件内容已更新为新版本，您审阅的版本已失效，请刷新后审阅最新版本。"))
            verdict = selectors.eligibility(actor, sub)
            if not verdict.ok:
                raise PermissionDenied(verdict.reason)
            if outcome == Outcome.APPROVE:
                secrecy_policy.check_approval(rev, sub.stage)
            if outcome == Outcome.APPROVE and rev.high_count and len(high_reason) < MIN_REASON:
                raise ValidationError({"high_reason": _("本稿有 %(n)s 个高风险问题，通过须写明理由（至少 %(min)s 字）。") % {
                    "n": rev.high_count, "min": MIN_REASON}})
            stage = selectors.stage_of(sub) or {}
            appt = verdict.appointment
            before = state_snapshot(sub)
            decision = Decision(submission=sub, revision=rev, content_hash=rev.content_hash, stage=sub.stage,
                                stage_code=stage.get("code", ""), stage_name=stage.get("name", ""), reviewer=reviewer,
                                role_code=appt.role.code if appt else "",
                                role_label=f"{appt.unit}·{appt.role.name}" if appt else "", answers=clean,
                                outcome=outcome, comment=comment, high_reason=high_reason if rev.high_count else "")
            decision.save()
            now = timezone.now()
            if outcome == Outcome.APPROVE:
                if sub.stage < len(rev.stages):
                    enter_stage(sub, sub.stage + 1, now)
                else:
                    sub.state = State.APPROVED
                    enter_stage(sub, 0, now)
            else:
                sub.state = State.RETURNED if outcome == Outcome.RETURN else State.REJECTED
                enter_stage(sub, 0, now)
            sub.version += 1
            sub.save()
            audit.record(actor=actor, action=f"review.stage.{outcome}", obj=decision, unit_id=sub.unit_id,
                         before=before, after={**state_snapshot(sub), "stage": decision.stage,
                                               "stage_name": decision.stage_name, "reviewer": reviewer.name,
                                               "role": decision.role_label, "answers": clean,
                                               "content_hash": decision.content_hash, "comment": comment,
                                               "high_reason": decision.high_reason, "submission": sub.pk})
            transaction.on_commit(lambda: after_decision(decision.pk))
    except IntegrityError:
        raise Conflict(_("该阶段已由他人作出决定，您的意见未保存。请刷新页面查看。")) from None
    return decision


def approved_chain_ok(sub: Submission) -> bool:
    """Every stage of the current revision approved, in order, by distinct people, on its hash."""
    rev = sub.current_revision
    if rev is None:
        return False
    approvals = list(sub.decisions.filter(revision=rev, outcome=Outcome.APPROVE).order_by("stage"))
    if [d.stage for d in approvals] != list(range(1, len(rev.stages) + 1)):
        return False
    if any(d.content_hash != rev.content_hash for d in approvals):
        return False
    return len({d.reviewer_id for d in approvals}) == len(approvals)


def url_allowed(channel, url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return False
    prefix = (channel.url_prefix or "").strip()
    return not prefix or fetch.allowed(url, prefix)  # the fetcher's rule: same origin, path by segments


def can_publish(user: Any, sub: Submission) -> bool:
    person = selectors.person_of(user)
    return person is not None and (person.pk == sub.author_id or permissions.can(user, PUBLISH, sub.unit))


def publication_create(*, actor: Any, submission: Submission, url: str = "", published_at: dt.datetime | None = None,
                       content_hash: str | None = None) -> Publication:
    """Only the revision that passed the last stage can be marked published."""
    person = _person(actor)
    url = (url or "").strip()
    from .live import AUTOMATIC, publication_url_error

    problem = publication_url_error(submission.channel, url)
    if problem:
        raise ValidationError({"url": problem})
    from .notify import after_publication

    with transaction.atomic():
        sub = Submission.objects.select_for_update(of=("self",)).select_related("current_revision", "channel").get(
            pk=submission.pk)
        if not can_publish(actor, sub):
            raise PermissionDenied(_("只有提交人或本单位负责人可以登记发布。"))
        if sub.state == State.PUBLISHED:
            raise Conflict(_("该稿件已登记发布。"))
        if sub.state != State.APPROVED or not approved_chain_ok(sub):
            raise Conflict(_("只有通过全部审核阶段的版本才能发布。"))
        rev = sub.current_revision
        assert rev is not None  # approved_chain_ok checked it
        if content_hash and content_hash != rev.content_hash:
            raise Conflict(_("要发布的版本不是通过终审的版本，不能发布。"))
        published_at = published_at or timezone.now()
        pub = Publication.objects.create(submission=sub, revision=rev, content_hash=rev.content_hash, url=url,
                                         published_at=published_at, published_by=person)
        before = state_snapshot(sub)
        sub.state = State.PUBLISHED
        sub.version += 1
        sub.save()
        audit.record(actor=actor, action="review.publication.create", obj=pub, unit_id=sub.unit_id, before=before,
                     after={**state_snapshot(sub), "url": url, "published_at": published_at,
                            "content_hash": rev.content_hash, "submission": sub.pk,
                            "chain": [{"stage": d.stage_name, "reviewer": d.reviewer.name, "hash": d.content_hash}
                                      for d in sub.decisions.filter(revision=rev).select_related("reviewer")
                                      .order_by("stage")]})
        if pub.url and sub.channel.check_kind in AUTOMATIC:  # fetched; screenshots are uploaded by hand
            transaction.on_commit(lambda: after_publication(pub.pk))
    return pub
