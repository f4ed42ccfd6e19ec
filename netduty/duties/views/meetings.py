"""Editing a meeting record (the service recounts the periods it counts for and audits the change)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import selectors, services
from ..forms import MeetingForm
from ..models import MeetingKind


@login_required
def meeting_edit(request, pk: int):
    """Same permission as registering: duties.record on the meeting's unit (404 outside the view
    scope, 403 without the action). A voided record cannot be edited."""
    meeting = selectors.meeting_for(request.user, pk, action="duties.record")
    if meeting.voided_at:
        messages.error(request, _("已作废的会议记录不能修改。"))
        return redirect("duties:meeting_detail", pk=meeting.pk)
    fields = list(MeetingForm.Meta.fields)
    form = MeetingForm(request.POST or None, initial={name: getattr(meeting, name) for name in fields})
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in fields}
        try:
            services.meeting_update(actor=request.user, meeting=meeting, **changes)
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errs in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errs)
            else:
                form.add_error(None, exc.messages)
        else:
            messages.success(request, _("会议记录已修改，相关任务的计数已重新计算。"))
            return redirect("duties:meeting_detail", pk=meeting.pk)
    return render(request, "duties/meeting_form.html", {
        "unit": meeting.unit, "form": form, "kinds": MeetingKind, "meeting": meeting,
    })
