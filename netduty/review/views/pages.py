"""Read pages: the queue, one submission with everything a reviewer needs, diffs, live checks."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from netduty.fronts import selectors as fronts
from netduty.org import permissions

from .. import selectors, services
from .. import text as t
from ..forms import DecisionForm, PublishForm, SubmissionForm
from ..models import Attachment, LiveCheck, Part, State
from ..services import secrecy as secrecy_policy

LIST_LIMIT = 100  # the queue and "my open items" on the index page; everything else is paged
STATE_TAG = {"reviewing": "amber", "returned": "", "rejected": "", "approved": "green", "published": "green",
             "withdrawn": "gray"}


def base(request) -> dict:
    return {"can_submit": permissions.can_anywhere(request.user, services.submissions.SUBMIT)}


def _rows(subs, now):
    rows = []
    for sub in subs:
        since = sub.stage_since or sub.created_at
        rows.append({"sub": sub, "stage": selectors.stage_of(sub) or {}, "age": selectors.age_label(now - since),
                     "overdue": bool(sub.due_at and sub.due_at < now and sub.state == State.REVIEWING),
                     "tag": STATE_TAG.get(sub.state, "")})
    return rows


@login_required
def index(request):
    now = timezone.now()
    person = selectors.person_of(request.user)
    state = request.GET.get("state", "")
    everything = selectors.submissions(request.user).order_by("-updated_at", "-pk")
    if state in State.values:
        everything = everything.filter(state=state)
    q = request.GET.get("q", "").strip()
    if q:
        everything = everything.filter(title__contains=q)
    page = Paginator(everything, 30).get_page(request.GET.get("page"))
    mine = selectors.submissions(request.user).filter(author=person).exclude(
        state__in=[State.PUBLISHED, State.WITHDRAWN, State.REJECTED])[:LIST_LIMIT] if person else []
    return render(request, "review/index.html", {
        "queue": _rows(selectors.queue_for(request.user)[:LIST_LIMIT], now), "mine": _rows(mine, now),
        "page": page, "rows": _rows(page.object_list, now), "state": state, "q": q, "states": State.choices,
        **base(request),
    })


def _spans(findings, numbers):
    return [t.Span(f.start, f.end, f.severity, numbers[f.pk], f"{f.message}" + (_("；建议：%(s)s") % {"s": f.suggestion} if f.suggestion else ""))
            for f in findings]


def _revision_view(rev):
    findings = list(rev.findings.select_related("attachment").order_by(
        "part", "attachment_id", "start", "pk")) if rev else []
    order = {Part.TITLE: 0, Part.BODY: 1, Part.ATTACHMENT: 2}
    findings.sort(key=lambda f: (order.get(f.part, 3), f.attachment_id or 0, f.start, f.pk))
    numbers = {f.pk: i for i, f in enumerate(findings, start=1)}
    for f in findings:
        f.number = numbers[f.pk]
    title = [f for f in findings if f.part == Part.TITLE]
    body = [f for f in findings if f.part == Part.BODY]
    return {
        "findings": findings, "title_html": t.highlight(rev.title, _spans(title, numbers)) if rev else "",
        "body_html": t.highlight(rev.body_text, _spans(body, numbers)) if rev else "",
        "high": [f for f in findings if f.severity == "high"],
    }


@login_required
def detail(request, pk: int):
    sub = selectors.submission_for(request.user, pk)
    rev = sub.current_revision
    verdict = selectors.eligibility(request.user, sub)
    checklist = services.checklist()
    decision_form = None
    if verdict.ok:
        decision_form = DecisionForm(checklist=checklist,
                                     initial={"version": sub.version, "content_hash": rev.content_hash if rev else ""})
    stages = []
    decided = {d.stage: d for d in sub.decisions.filter(revision=rev).select_related("reviewer")} if rev else {}
    for i, stage in enumerate(rev.stages if rev else [], start=1):
        stages.append({"order": i, "name": stage.get("name"), "roles": selectors.stage_roles_label(stage),
                       "decision": decided.get(i), "current": sub.state == State.REVIEWING and sub.stage == i})
    publication = getattr(sub, "publication", None) if sub.state == State.PUBLISHED else None
    checks = list(publication.checks.all()[:10]) if publication else []
    latest = checks[0] if checks else None
    return render(request, "review/detail.html", {
        "sub": sub, "rev": rev, **_revision_view(rev), "stages": stages, "verdict": verdict,
        "decision_form": decision_form, "checklist": checklist,
        "secrecy_notice": secrecy_policy.notice(rev) if decision_form else "",
        "decisions": selectors.decisions(sub), "revisions": selectors.revisions(sub),
        "can_edit": services.can_edit(request.user, sub),
        "can_publish": sub.state == State.APPROVED and services.can_publish(request.user, sub),
        "publish_form": PublishForm(initial={"content_hash": rev.content_hash if rev else ""}),
        "publication": publication, "checks": checks, "latest": latest,
        "latest_diff": t.diff_lines(publication.revision.body_text, latest.page_text)
        if publication and latest and latest.result == "changed" else None,
        "now": timezone.now(), "state_tag": STATE_TAG.get(sub.state, ""), **base(request),
    })


@login_required
def diff(request, pk: int):
    sub = selectors.submission_for(request.user, pk)
    revs = list(selectors.revisions(sub))
    if not revs:
        raise Http404
    numbers = {r.number: r for r in revs}

    def pick(name: str, default: int) -> int:
        try:
            value = int(request.GET.get(name, default))
        except ValueError:
            value = default
        return value if value in numbers else default

    b = pick("b", revs[-1].number)
    a = pick("a", max(1, b - 1) if b - 1 in numbers else revs[0].number)
    old, new = numbers[a], numbers[b]
    return render(request, "review/diff.html", {
        "sub": sub, "revisions": revs, "old": old, "new": new,
        "title_diff": t.diff_lines(old.title, new.title), "body_diff": t.diff_lines(old.body_text, new.body_text),
        "atts_old": {x.sha256: x for x in old.attachments.all()}, "atts_new": {x.sha256: x for x in new.attachments.all()},
        **base(request),
    })


@login_required
def attachment(request, pk: int):
    att = permissions.get_for_user_or_404(Attachment.objects.select_related("revision__submission"), request.user,
                                          unit_field="revision__submission__unit", pk=pk)
    return FileResponse(att.file.open("rb"), as_attachment=True, filename=att.name)


@login_required
def check(request, pk: int):
    item = permissions.get_for_user_or_404(
        LiveCheck.objects.select_related("publication__submission__channel", "publication__revision"), request.user,
        unit_field="publication__submission__unit", pk=pk)
    pub = item.publication
    return render(request, "review/check.html", {
        "check": item, "pub": pub, "sub": pub.submission,
        "diff": t.diff_lines(pub.revision.body_text, item.page_text) if item.result == "changed" else None,
        **base(request),
    })


@login_required
def evidence(request, pk: int):
    item = permissions.get_for_user_or_404(LiveCheck.objects.exclude(evidence=""), request.user,
                                           unit_field="publication__submission__unit", pk=pk)
    return FileResponse(item.evidence.open("rb"), as_attachment=True, filename=item.evidence_name or "evidence")


@login_required
def live(request):
    pubs = selectors.publications(request.user).order_by("-published_at")[:100]
    unchecked = selectors.unchecked_publications(request.user)
    return render(request, "review/live.html", {"publications": pubs, "sweeps": selectors.latest_sweeps(request.user),
                                                "unchecked": unchecked[:100], "unchecked_count": unchecked.count(),
                                                "stale_after_days": selectors.stale_after_days(),
                                                **base(request)})


def submission_form(request, *, sub=None):
    """Shared by create and edit (views/actions.py)."""
    if sub is None:
        channels = fronts.channels_for(request.user, services.submissions.SUBMIT).filter(status="active")
        return SubmissionForm(request.POST or None, request.FILES or None, channels=channels)
    rev = sub.current_revision
    kept = list(rev.attachments.all()) if rev else []
    initial = {"title": rev.title, "body": rev.body_html, "source_kind": rev.source_kind,
               "source_name": rev.source_name,
               "intended_at": timezone.localtime(sub.intended_at) if sub.intended_at else None} if rev else {}
    return SubmissionForm(request.POST or None, request.FILES or None, revising=True, kept=kept, initial=initial)


def require_submitter(user) -> None:
    if not permissions.can_anywhere(user, services.submissions.SUBMIT):
        raise PermissionDenied(_("只有信息员（专人）可以提交发布审查稿件。"))


