"""Admin for administrators: read-only views of the registry. Every write goes through the
services (and their audit events), so the admin does not add, change or delete."""

from django.contrib import admin

from netduty.core.admin import ReadOnlyAdmin

from .models import (
    AnnualReview,
    Channel,
    ChannelRequest,
    ChannelResponsible,
    ChannelStage,
    RequestDecision,
    SecurityMeasures,
    ZeroReport,
)


class StageInline(admin.TabularInline):
    model = ChannelStage
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ResponsibleInline(StageInline):
    model = ChannelResponsible  # type: ignore[assignment]


@admin.register(Channel)
class ChannelAdmin(ReadOnlyAdmin):
    list_display = ["name", "platform", "unit", "tier", "status", "account_id", "registered_on"]
    list_filter = ["platform", "tier", "status"]
    search_fields = ["name", "account_id", "url", "unit__name"]
    list_select_related = ["unit"]
    inlines = [StageInline, ResponsibleInline]


class DecisionInline(StageInline):
    model = RequestDecision  # type: ignore[assignment]


@admin.register(ChannelRequest)
class ChannelRequestAdmin(ReadOnlyAdmin):
    list_display = ["channel", "kind", "state", "submitted_by", "submitted_at", "due_on"]
    list_filter = ["kind", "state"]
    search_fields = ["channel__name"]
    list_select_related = ["channel", "submitted_by"]
    inlines = [DecisionInline]


@admin.register(AnnualReview)
class AnnualReviewAdmin(ReadOnlyAdmin):
    list_display = ["channel", "year", "result", "filed_by", "concluded_by"]
    list_filter = ["year", "result"]
    search_fields = ["channel__name"]
    list_select_related = ["channel", "filed_by", "concluded_by"]


@admin.register(ZeroReport)
class ZeroReportAdmin(ReadOnlyAdmin):
    list_display = ["unit", "year", "filed_by", "filed_at"]
    list_filter = ["year"]
    list_select_related = ["unit", "filed_by"]


@admin.register(SecurityMeasures)
class SecurityMeasuresAdmin(ReadOnlyAdmin):
    list_display = ["channel", "password_holder", "second_factor", "password_changed_on", "updated_at"]
    list_select_related = ["channel", "password_holder__person"]
