from django.contrib import admin

from .models import AuditEvent, JobClaim, Notification


class ReadOnlyAdmin(admin.ModelAdmin):
    """For rows written only by services (with their audit events): the admin may look, not touch."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """Read-only: the table is append-only at the database level too."""

    list_display = ["id", "created_at", "actor_label", "action", "object_repr"]
    list_filter = ["action"]
    search_fields = ["action", "object_repr", "actor_label"]


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["recipient", "kind", "title", "created_at", "emailed_at", "read_at", "superseded_at"]
    list_filter = ["kind"]


@admin.register(JobClaim)
class JobClaimAdmin(ReadOnlyAdmin):
    list_display = ["job", "slot", "claimed_at", "worker"]
