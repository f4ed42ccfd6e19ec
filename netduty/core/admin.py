from django.contrib import admin

from .models import AuditEvent


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
