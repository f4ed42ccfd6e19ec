"""Submitting, revising and withdrawing. Every write locks the submission row, bumps its
`version`, and records its audit event in the same transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netduty.core import audit
from netduty.fronts import selectors as fronts
from netduty.org import permissions
from netduty.policy import selectors as policy

from ..models import Attachment, Finding, Part, Revision, State, Submission
from ..selectors import person_of
from . import secrecy as secrecy_policy
from .content import Prepared, Upload, prepare

SUBMIT = "review.submit"
PUBLISH = "review.publish"


def check_intended_at(value: dt.datetime | None) -> None:
    """The intended publication time may be any time today or later (local date), never earlier —
    the one rule of the form and the API."""
    if value is None:
        return
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    if timezone.localdate(value) < timezone.localdate():
        raise ValidationError(_("拟发布时间不能早于今天。"))


class Conflict(Exception):
    """Somebody else changed the submission first; the message says what to do (Chinese)."""


def _person(actor: Any):
    person = person_of(actor)
    if person is None:
        raise PermissionDenied(_("您的账号没有关联人员，不能办理发布审查。"))
    return person


def office_stage() -> dict[str, Any]:
    """The 宣传部 stage: its roles are the pack's `functions.propaganda`."""
    return {"code": "office", "name": "宣传部审核", "roles": policy.function_roles("propaganda")}


def office_stage_for_high() -> bool:
    """Whether an item flagged high by screening gets a 宣传部 stage added at the end (pack
    `review.office_stage_for_high`, else settings.NETDUTY_REVIEW_OFFICE_STAGE_FOR_HIGH; default off)."""
    value: Any = policy.setting("review.office_stage_for_high", None)
    if value is None:
        value = getattr(settings, "NETDUTY_REVIEW_OFFICE_STAGE_FOR_HIGH", False)
    return bool(value)


def channel_stages(channel, *, high: bool = False, secrecy: bool = False) -> list[dict[str, Any]]:
    """The channel's stages (fronts), else the pack's default `review.stages`; plus a 宣传部
    stage for an item flagged high when the policy asks for it and the chain has none, or for an
    item with a secrecy finding when `review.secrecy_finding` is escalate (services/secrecy.py)."""
    rows: list[dict[str, Any]] = [{"order": s.order, "code": s.code, "name": s.name, "roles": list(s.roles)}
                                  for s in fronts.stages(channel)]
    if not rows:
        default: Any = policy.setting("review.stages", []) or []
        rows = [{"order": i, "code": s["code"], "name": s["name"], "roles": list(s["roles"])}
                for i, s in enumerate(default, start=1)]
    if not rows:
        raise ValidationError(_("该阵地没有设置审核阶段，请先在阵地台账中设置。"))
    office = office_stage()
    if high and office_stage_for_high() and not any(set(office["roles"]) & set(r["roles"]) for r in rows):
        rows.append({"order": len(rows) + 1, **office})
    if secrecy and secrecy_policy.mode() == secrecy_policy.ESCALATE:
        rows = secrecy_policy.escalate_stages(rows, office)
    return rows


def stage_hours() -> int:
    value: Any = policy.setting("review.stage_hours", None)
    return int(value if value is not None else getattr(settings, "NETDUTY_REVIEW_STAGE_HOURS", 48))


def enter_stage(sub: Submission, order: int, now: dt.datetime) -> None:
    """Point the submission at stage `order` of its current revision (0 = none)."""
    stages = sub.current_revision.stages if sub.current_revision else []
    if 1 <= order <= len(stages):
        sub.stage = order
        sub.awaiting_roles = "," + ",".join(stages[order - 1]["roles"]) + ","
        sub.stage_since = now
        due = now + dt.timedelta(hours=stage_hours())
        sub.due_at = min(due, sub.intended_at) if sub.intended_at and sub.intended_at > now else due
    else:
        sub.stage, sub.awaiting_roles, sub.due_at = 0, "", None
        sub.stage_since = now


def state_snapshot(sub: Submission) -> dict[str, Any]:
    rev = sub.current_revision
    return {"state": sub.state, "stage": sub.stage, "version": sub.version,
            "revision": rev.number if rev else None, "content_hash": rev.content_hash if rev else None}


def _write_revision(sub: Submission, number: int, prepared: Prepared, author, stages: list[dict], note: str) -> Revision:
    rev = Revision(submission=sub, number=number, title=prepared.title, body_html=prepared.body_html,
                   body_text=prepared.body_text, source_kind=prepared.source_kind, source_name=prepared.source_name,
                   author=author, stages=stages, content_hash=prepared.content_hash, text_hash=prepared.text_hash,
                   rules_fingerprint=prepared.rules_fingerprint, high_count=prepared.high_count,
                   finding_count=prepared.finding_count, note=note[:300])
    rev.save()
    rows: list[Finding] = []
    for part, found in ((Part.TITLE, prepared.title_findings), (Part.BODY, prepared.body_findings)):
        for f in found:
            rows.append(Finding(revision=rev, part=part, category=f.category, rule=f.rule[:200], severity=f.severity,
                                start=f.start, end=f.end, text=f.text[:500], message=f.message[:500],
                                suggestion=(f.suggestion or "")[:500], location=(f.location or "")[:200]))
    for pa in prepared.attachments:
        att = Attachment(revision=rev, name=pa.name, kind=pa.kind, size=pa.size, sha256=pa.sha256,
                         text_chars=pa.text_chars, error=pa.error[:300], notes=pa.notes)
        att.file.name = pa.path
        att.save()
        for d in pa.findings:
            rows.append(Finding(revision=rev, part=Part.ATTACHMENT, attachment=att, category=d["category"],
                                rule=d["rule"][:200], severity=d["severity"], start=d["start"], end=d["end"],
                                text=d["text"][:500], message=d["message"][:500],
                                suggestion=(d.get("suggestion") or "")[:500], location=(d.get("location") or "")[:200],
                                context=d.get("context", "")[:300]))
    Finding.objects.bulk_create(rows, batch_size=500)
    return rev


def _revision_audit(rev: Revision) -> dict[str, Any]:
    return {"revision": rev.number, "content_hash": rev.content_hash, "text_hash": rev.text_hash,
            "findings": rev.finding_count, "high": rev.high_count, "rules": rev.rules_fingerprint[:16],
            "attachments": [{"name": a.name, "sha256": a.sha256, "size": a.size} for a in rev.attachments.all()],
            "stages": [s["name"] for s in rev.stages]}


def submission_create(*, actor: Any, channel, title: str, body: str, source_kind: str = "original",
                      source_name: str = "", intended_at: dt.datetime | None = None,
                      uploads: list[Upload] | None = None) -> Submission:
    """An editor submits an item for a channel: content is sanitised and screened, revision 1 is
    written and the item waits at stage 1."""
    author = _person(actor)
    permissions.require(actor, SUBMIT, channel.unit)
    if channel.status != "active":
        raise ValidationError({"channel": _("该阵地尚未备案通过或已关停，不能提交稿件。")})
    channel_stages(channel)  # fails early when the channel has no chain
    prepared = prepare(title=title, body=body, source_kind=source_kind, source_name=source_name, uploads=uploads)
    stages = channel_stages(channel, high=prepared.high_count > 0, secrecy=bool(secrecy_policy.prepared_texts(prepared)))
    from .notify import after_stage_entered

    with transaction.atomic():
        now = timezone.now()
        sub = Submission.objects.create(channel=channel, unit=channel.unit, author=author, title=prepared.title,
                                        intended_at=intended_at)
        rev = _write_revision(sub, 1, prepared, author, stages, "")
        sub.current_revision = rev
        enter_stage(sub, 1, now)
        sub.save()
        audit.record(actor=actor, action="review.submission.create", obj=sub, unit_id=sub.unit_id,
                     after={"channel": channel.pk, "title": sub.title, **_revision_audit(rev),
                            "intended_at": intended_at})
        transaction.on_commit(lambda: after_stage_entered(sub.pk))
    return sub


def can_edit(user: Any, sub: Submission) -> bool:
    person = person_of(user)
    if person is None or sub.state not in {State.REVIEWING, State.RETURNED, State.APPROVED}:
        return False
    return person.pk == sub.author_id or permissions.can(user, SUBMIT, sub.unit)


def submission_revise(*, actor: Any, submission: Submission, title: str, body: str, source_kind: str,
                      source_name: str = "", intended_at: dt.datetime | None = None,
                      uploads: list[Upload] | None = None, keep: list[int] | None = None,
                      note: str = "", expected_version: int | None = None) -> Revision:
    """Any edit makes a new revision and sends the item back to the first stage (一事一审)."""
    author = _person(actor)
    if not can_edit(actor, submission):
        if submission.state in {State.PUBLISHED, State.REJECTED, State.WITHDRAWN}:
            raise ValidationError(_("稿件%(state)s，不能再修改；如需发布新内容，请重新提交。") % {
                "state": submission.get_state_display()})
        raise PermissionDenied(_("只有提交人或本单位信息员可以修改稿件。"))
    base = submission.current_revision
    kept = list(base.attachments.filter(pk__in=keep or []).prefetch_related("findings")) if base else []
    prepared = prepare(title=title, body=body, source_kind=source_kind, source_name=source_name, uploads=uploads,
                       kept=kept)
    from .notify import after_stage_entered

    with transaction.atomic():
        sub = Submission.objects.select_for_update(of=("self",)).select_related("current_revision", "channel").get(
            pk=submission.pk)
        if expected_version is not None and sub.version != expected_version:
            raise Conflict(_("稿件已被他人修改或审核，请刷新页面查看最新版本后再修改。"))
        if not can_edit(actor, sub):
            raise Conflict(_("稿件当前状态为“%(state)s”，不能修改。") % {"state": sub.get_state_display()})
        current = sub.current_revision
        intended_changed = intended_at != sub.intended_at
        if current is not None and current.content_hash == prepared.content_hash and not intended_changed:
            raise ValidationError(_("内容没有变化，未生成新版本。"))
        before = state_snapshot(sub)
        if current is not None and current.content_hash == prepared.content_hash:
            old_intended = sub.intended_at  # only the intended time changed: not a content edit
            sub.intended_at = intended_at
            sub.version += 1
            sub.save()
            audit.record(actor=actor, action="review.submission.reschedule", obj=sub, unit_id=sub.unit_id,
                         before={"intended_at": old_intended}, after={"intended_at": intended_at})
            return current
        number = (sub.revisions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
        stages = channel_stages(sub.channel, high=prepared.high_count > 0,
                                secrecy=bool(secrecy_policy.prepared_texts(prepared)))
        rev = _write_revision(sub, number, prepared, author, stages, note)
        sub.current_revision = rev
        sub.title = rev.title
        sub.intended_at = intended_at
        sub.state = State.REVIEWING
        sub.version += 1
        enter_stage(sub, 1, timezone.now())
        sub.save()
        audit.record(actor=actor, action="review.revision.create", obj=rev, unit_id=sub.unit_id, before=before,
                     after={**state_snapshot(sub), **_revision_audit(rev), "note": note,
                            "previous_hash": current.content_hash if current else None})
        transaction.on_commit(lambda: after_stage_entered(sub.pk))
    return rev


def submission_withdraw(*, actor: Any, submission: Submission, reason: str = "") -> Submission:
    person = _person(actor)
    with transaction.atomic():
        sub = Submission.objects.select_for_update(of=("self",)).select_related("current_revision").get(pk=submission.pk)
        if person.pk != sub.author_id and not permissions.can(actor, SUBMIT, sub.unit):
            raise PermissionDenied(_("只有提交人或本单位信息员可以撤回稿件。"))
        if sub.state in {State.PUBLISHED, State.REJECTED, State.WITHDRAWN}:
            raise Conflict(_("稿件%(state)s，不能撤回。") % {"state": sub.get_state_display()})
        before = state_snapshot(sub)
        sub.state = State.WITHDRAWN
        enter_stage(sub, 0, timezone.now())
        sub.version += 1
        sub.save()
        audit.record(actor=actor, action="review.submission.withdraw", obj=sub, unit_id=sub.unit_id, before=before,
                     after={**state_snapshot(sub), "reason": reason[:300]})
    return sub
