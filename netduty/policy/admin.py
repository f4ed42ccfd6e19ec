"""Read-only admin: pack versions are loaded by `pack_load`, never edited by hand."""

from django.contrib import admin

from netduty.core.admin import ReadOnlyAdmin

from .models import PolicyItem, PolicyPack, Role, TaskItem


class RoleInline(admin.TabularInline):
    model = Role
    fields = ("order", "code", "name", "reach", "single_holder", "chain", "actions", "source_ref")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(PolicyPack)
class PolicyPackAdmin(ReadOnlyAdmin):
    list_display = ["name", "code", "version", "document", "effective_from", "loaded_at", "loaded_by"]
    list_filter = ["code"]
    search_fields = ["name", "code", "document", "institution"]
    exclude = ["raw"]
    readonly_fields = ["code", "version", "name", "document", "institution", "effective_from", "source_sha256",
                       "data", "loaded_at", "loaded_by"]
    inlines = [RoleInline]


@admin.register(Role)
class RoleAdmin(ReadOnlyAdmin):
    list_display = ["name", "code", "pack", "reach", "single_holder", "chain", "source_ref"]
    list_filter = ["pack", "reach", "chain"]
    search_fields = ["name", "code", "holder"]


@admin.register(TaskItem)
class TaskItemAdmin(ReadOnlyAdmin):
    list_display = ["item", "code", "pack", "level_name", "cadence", "min_count", "source_ref"]
    list_filter = ["pack", "cadence", "level"]
    search_fields = ["item", "content", "code"]


@admin.register(PolicyItem)
class PolicyItemAdmin(ReadOnlyAdmin):
    list_display = ["title", "kind", "code", "pack", "source_ref"]
    list_filter = ["pack", "kind"]
    search_fields = ["title", "text", "code"]
