"""Write views: thin wrappers that parse a form and call a service."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netduty.org import permissions

from .. import selectors, services
from ..forms import DecisionForm, PublishForm
from ..models import State
from ..services.content import Upload
from ..services.submissions import SUBMIT
from .pages import base, require_submitter, submission_form


def _uploads(files) -> list[Upload]:
    return [Upload(f.name, f.read()) for f in files or []]


def _errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errs in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errs)
    else:
        form.add_error(None, exc.messages)


@login_required
def create(request):
    require_submitter(request.user)
    form = submission_form(request)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            sub = services.submission_create(
                actor=request.user, channel=d["channel"], title=d["title"], body=d["body"],
                source_kind=d["source_kind"], source_name=d["source_name"], intended_at=d["intended_at"],
                uploads=_uploads(d["attachments"]))
        except ValidationError as exc:
            _errors(form, exc)
        else:
            rev = sub.current_revision
            note = (_("，自动筛查发现 %(n)s 个问题（高风险 %(high)s 个），请逐条核对") % {
                "n": rev.finding_count, "high": rev.high_count} if rev.finding_count else _("，自动筛查未发现问题"))
            messages.success(request, _("稿件已提交%(note)s。") % {"note": note})
            return redirect("review:detail", pk=sub.pk)
    return render(request, "review/form.html", {"form": form, "sub": None, **base(request)})


@login_required
def edit(request, pk: int):
    sub = selectors.submission_for(request.user, pk)
    if not services.can_edit(request.user, sub):
        raise PermissionDenied(_("只有提交人或本单位信息员可以修改审核中、被退回或待发布的稿件。"))
    form = submission_form(request, sub=sub)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.submission_revise(
                actor=request.user, submission=sub, title=d["title"], body=d["body"], source_kind=d["source_kind"],
                source_name=d["source_name"], intended_at=d["intended_at"], uploads=_uploads(d["attachments"]),
                keep=[int(x) for x in d.get("keep", [])], note=d.get("note", ""),
                expected_version=int(request.POST.get("version", sub.version)))
        except ValidationError as exc:
            _errors(form, exc)
        except services.Conflict as exc:
            messages.error(request, str(exc))
            return redirect("review:detail", pk=sub.pk)
        else:
            messages.success(request, _("已生成新版本，稿件回到第一审核阶段重新审核（一事一审）。"))
            return redirect("review:detail", pk=sub.pk)
    return render(request, "review/form.html", {"form": form, "sub": sub, **base(request)})


@login_required
@require_POST
def decide(request, pk: int):
    sub = selectors.submission_for(request.user, pk)
    seen = request.POST.get("version", "")  # the version the form was rendered for
    stale = services.stale_reason(sub, int(seen)) if seen.isdigit() else ""
    if stale:  # the item moved on since the form was loaded: say who decided, not "not your stage"
        messages.error(request, stale)
        return redirect("review:detail", pk=sub.pk)
    verdict = selectors.eligibility(request.user, sub)
    if not verdict.ok and sub.state == State.REVIEWING:
        raise PermissionDenied(verdict.reason)
    form = DecisionForm(request.POST, checklist=services.checklist())
    if not form.is_valid():
        messages.error(request, _("请逐项回答审查要点并选择决定。") + "；".join(
            str(e) for errs in form.errors.values() for e in errs))
        return redirect("review:detail", pk=sub.pk)
    d = form.cleaned_data
    try:
        decision = services.stage_decide(
            actor=request.user, submission=sub, outcome=d["outcome"], answers=form.answers(),
            content_hash=d["content_hash"], expected_version=d["version"], comment=d["comment"],
            high_reason=d["high_reason"])
    except services.Conflict as exc:
        messages.error(request, str(exc))
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("已记录您在“%(stage)s”的决定：%(outcome)s。") % {
            "stage": decision.stage_name, "outcome": decision.get_outcome_display()})
    return redirect("review:detail", pk=sub.pk)


@login_required
@require_POST
def publish(request, pk: int):
    sub = selectors.submission_for(request.user, pk)
    if not services.can_publish(request.user, sub):
        raise PermissionDenied(_("只有提交人或本单位负责人可以登记发布。"))
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, "；".join(str(e) for errs in form.errors.values() for e in errs))
        return redirect("review:detail", pk=sub.pk)
    d = form.cleaned_data
    try:
        services.publication_create(actor=request.user, submission=sub, url=d["url"], published_at=d["published_at"],
                                    content_hash=d["content_hash"])
    except (services.Conflict, ValidationError) as exc:
        messages.error(request, "；".join(exc.messages) if isinstance(exc, ValidationError) else str(exc))
    else:
        messages.success(request, _("已登记发布，系统将核查上线页面是否与通过终审的版本一致。"))
    return redirect("review:detail", pk=sub.pk)


@login_required
@require_POST
def withdraw(request, pk: int):
    sub = selectors.submission_for(request.user, pk)
    person = selectors.person_of(request.user)
    if person is None or (person.pk != sub.author_id and not permissions.can(request.user, SUBMIT, sub.unit)):
        raise PermissionDenied(_("只有提交人或本单位信息员可以撤回稿件。"))
    try:
        services.submission_withdraw(actor=request.user, submission=sub, reason=request.POST.get("reason", ""))
    except services.Conflict as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("稿件已撤回。"))
    return redirect("review:detail", pk=sub.pk)


@login_required
@require_POST
def livecheck(request, pk: int):
    sub = selectors.submission_for(request.user, pk)
    pub = getattr(sub, "publication", None) if sub.state == State.PUBLISHED else None
    if pub is None:
        messages.error(request, _("稿件尚未登记发布，无法核查。"))
        return redirect("review:detail", pk=sub.pk)
    try:
        services.live_check_request(actor=request.user, publication=pub)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("已安排上线核查，结果见下方“上线核查”。"))
    return redirect("review:detail", pk=sub.pk)


@login_required
@require_POST
def capture(request, pk: int):
    """Upload a screenshot or saved page of the published item: a live check by evidence.
    Whoever may request a live check of the item may upload one."""
    sub = selectors.submission_for(request.user, pk)
    pub = getattr(sub, "publication", None) if sub.state == State.PUBLISHED else None
    upload = request.FILES.get("evidence")
    if pub is None or upload is None:
        messages.error(request, _("请先登记发布，并选择发布后的截图或网页存档。") if upload is None else
                       _("稿件尚未登记发布，无法核查。"))
        return redirect("review:detail", pk=sub.pk)
    try:
        check = services.live_check_capture(actor=request.user, publication=pub,
                                            upload=Upload(upload.name, upload.read()))
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("已核查上传的文件：%(result)s。") % {"result": check.get_result_display()})
    return redirect("review:detail", pk=sub.pk)
