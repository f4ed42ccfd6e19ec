"""Admin for administrators. Writes go through the services so the audit chain sees them."""

from django.contrib import admin

from netduty.core import audit

from . import services
from .models import Appointment, Person, Unit


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "code", "parent", "active_from", "active_to"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "code"]
    readonly_fields = ["path", "depth"]

    def save_model(self, request, obj, form, change):
        data = {f: form.cleaned_data[f] for f in form.changed_data if f in services.UNIT_FIELDS}
        if change:
            services.unit_update(actor=request.user, unit=obj, **data)
        else:
            fields = {f: form.cleaned_data.get(f) for f in services.UNIT_FIELDS if f != "code"}
            fields["order"] = fields.get("order") or 0
            new = services.unit_create(actor=request.user, code=form.cleaned_data["code"], **fields)
            obj.pk = new.pk


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["staff_no", "name", "unit", "title", "user"]
    search_fields = ["staff_no", "name"]
    list_select_related = ["unit", "user"]


class AuditedAppointmentAdmin(admin.ModelAdmin):
    list_display = ["person", "unit", "role", "valid_from", "valid_to", "basis"]
    list_filter = ["role__code"]
    search_fields = ["person__name", "unit__name", "basis"]
    list_select_related = ["person", "unit", "role"]
    filter_horizontal = ["oversees"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        audit.record(actor=request.user, action="org.appointment.admin_save", obj=obj, unit_id=obj.unit_id,
                     after=audit.snapshot(obj, services.APPOINTMENT_FIELDS))

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.register(Appointment, AuditedAppointmentAdmin)
