"""Admin for administrators: read-only views of the duties data. Every write goes through the
services (and their audit events), so the admin does not add, change or delete."""

from django.contrib import admin

from netduty.core.admin import ReadOnlyAdmin

from .models import (
    CalendarToken,
    Evidence,
    EvidenceVersion,
    MeetingRecord,
    Obligation,
    ObligationPeriod,
    PeriodReview,
    SubTask,
)


@admin.register(Obligation)
class ObligationAdmin(ReadOnlyAdmin):
    list_display = ["year", "unit", "task_code", "task"]
    list_filter = ["year", "task_code"]
    search_fields = ["unit__name", "task_code"]
    list_select_related = ["unit", "task"]


@admin.register(ObligationPeriod)
class ObligationPeriodAdmin(ReadOnlyAdmin):
    list_display = ["unit", "task_code", "label", "due", "required", "count", "review_state", "completed_at"]
    list_filter = ["kind", "review_state", "task_code"]
    search_fields = ["unit__name", "task_code", "key"]
    list_select_related = ["unit"]


@admin.register(MeetingRecord)
class MeetingRecordAdmin(ReadOnlyAdmin):
    list_display = ["date", "unit", "kind", "title", "chair", "voided_at"]
    list_filter = ["kind"]
    search_fields = ["title", "unit__name"]
    list_select_related = ["unit"]


class VersionInline(admin.TabularInline):
    model = EvidenceVersion
    extra = 0
    fields = ("version", "original_name", "file_type", "size", "sha256", "uploaded_at")
    readonly_fields = ("version", "original_name", "file_type", "size", "sha256", "uploaded_at")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Evidence)
class EvidenceAdmin(ReadOnlyAdmin):
    list_display = ["title", "unit", "period", "meeting", "created_at"]
    search_fields = ["title", "unit__name"]
    inlines = [VersionInline]


_EXTRA: list[tuple[type, list[str]]] = [(PeriodReview, ["period", "decision", "reviewer", "created_at"]),
                      (SubTask, ["title", "obligation", "assignee", "due", "done_at"]),
                      (CalendarToken, ["person", "created_at"])]
for model, fields in _EXTRA:
    admin.site.register(model, type(f"{model.__name__}Admin", (ReadOnlyAdmin,), {"list_display": fields}))
