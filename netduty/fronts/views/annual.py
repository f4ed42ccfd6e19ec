"""年审 and 零报告 pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netduty.org import permissions

from .. import selectors, services
from ..forms import AnnualConcludeForm, AnnualFileForm, ZeroReportForm
from .common import message

MANAGE = selectors.MANAGE


def _year(request) -> int:
    raw = request.GET.get("year", "")
    this = timezone.localdate().year
    return int(raw) if raw.isdigit() and 2000 <= int(raw) <= this else this


@login_required
def annual(request):
    year = _year(request)
    rows = selectors.annual_overview(request.user, year)
    without = {r.unit.pk for r in rows if not r.channels and r.zero is None}
    manageable = permissions.units_for(request.user, MANAGE).filter(pk__in=without).order_by("path")
    return render(request, "fronts/annual.html", {
        "year": year, "rows": rows, "years": range(timezone.localdate().year, timezone.localdate().year - 5, -1),
        "done": sum(1 for r in rows if r.done),
        "zero_form": ZeroReportForm(units=manageable, initial={"year": year}) if manageable.exists() else None,
    })


@login_required
@require_POST
def zero_report(request):
    manageable = permissions.units_for(request.user, MANAGE)
    if not manageable.exists():
        raise PermissionDenied(_("您没有提交零报告的权限。"))
    form = ZeroReportForm(request.POST, units=manageable)
    if form.is_valid():
        try:
            services.zero_report_file(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, message(exc))
        else:
            messages.success(request, _("零报告已提交。"))
        return redirect(reverse("fronts:annual") + f"?year={form.cleaned_data['year']}")
    messages.error(request, _("请选择单位和年度。"))
    return redirect("fronts:annual")


@login_required
@require_POST
def annual_file(request, pk: int):
    channel = selectors.channel_for(request.user, pk, action=MANAGE)
    form = AnnualFileForm(request.POST)
    if form.is_valid():
        try:
            services.annual_review_file(actor=request.user, channel=channel, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, message(exc))
        else:
            messages.success(request, _("年审自查已提交，待宣传部审核。"))
    else:
        messages.error(request, _("请选择年度。"))
    return redirect(reverse("fronts:channel_detail", args=[pk]) + "#annual")


@login_required
@require_POST
def annual_conclude(request, pk: int):
    review = selectors.annual_review_for(request.user, pk)
    if not permissions.can(request.user, MANAGE, None):
        raise PermissionDenied(_("年审结论由宣传部作出。"))
    form = AnnualConcludeForm(request.POST)
    if form.is_valid():
        try:
            services.annual_review_conclude(actor=request.user, review=review, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, message(exc))
        else:
            messages.success(request, _("年审结论已保存。"))
    else:
        messages.error(request, _("请选择年审结论。"))
    return redirect(reverse("fronts:channel_detail", args=[review.channel_id]) + "#annual")
