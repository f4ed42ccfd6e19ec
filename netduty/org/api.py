"""REST endpoints for units, people, appointments and the responsibility chain."""

import datetime as dt

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from . import permissions, selectors, services
from .models import Appointment, Person, Unit
from .roles import find_role


class UnitSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = Unit
        fields = ["id", "code", "name", "short_name", "kind", "kind_display", "parent", "depth", "active_from", "active_to"]


class PersonSerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = ["id", "staff_no", "name", "unit", "title"]


class AppointmentSerializer(serializers.ModelSerializer):
    role: serializers.SlugRelatedField = serializers.SlugRelatedField(slug_field="code", read_only=True)
    role_name = serializers.CharField(source="role.name", read_only=True)
    person_name = serializers.CharField(source="person.name", read_only=True)

    class Meta:
        model = Appointment
        fields = ["id", "person", "person_name", "unit", "role", "role_name", "valid_from", "valid_to", "basis", "area", "oversees"]


class AppointmentCreateSerializer(serializers.Serializer):
    person = serializers.IntegerField()
    unit = serializers.IntegerField()
    role = serializers.CharField(help_text="角色代码，如 first_responsible")
    valid_from = serializers.DateField()
    valid_to = serializers.DateField(required=False, allow_null=True)
    basis = serializers.CharField(required=False, allow_blank=True, default="")
    area = serializers.CharField(required=False, allow_blank=True, default="")
    oversees = serializers.ListField(child=serializers.IntegerField(), required=False, default=list)


class ChainPersonSerializer(serializers.Serializer):
    person_id = serializers.IntegerField()
    name = serializers.CharField()
    role = serializers.CharField()
    role_name = serializers.CharField()
    area = serializers.CharField()
    basis = serializers.CharField()
    valid_from = serializers.DateField()
    valid_to = serializers.DateField(allow_null=True)
    appointment_id = serializers.IntegerField()


class ChainLevelSerializer(serializers.Serializer):
    unit_id = serializers.IntegerField()
    unit = serializers.CharField()
    first = ChainPersonSerializer(many=True)
    direct = ChainPersonSerializer(many=True)
    one_post_two_duties = ChainPersonSerializer(many=True)


class UnitViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = UnitSerializer

    def get_queryset(self):
        return selectors.units(self.request.user).order_by("path")

    @extend_schema(
        parameters=[OpenApiParameter("date", OpenApiTypes.DATE, description="截至日期，默认今天")],
        responses=inline_serializer("Chain", {"unit": serializers.IntegerField(), "date": serializers.DateField(),
                                              "levels": ChainLevelSerializer(many=True)}),
    )
    @action(detail=True)
    def chain(self, request, pk=None):
        unit = self.get_object()
        try:
            day = dt.date.fromisoformat(request.query_params["date"]) if "date" in request.query_params else timezone.localdate()
        except ValueError:
            raise ValidationError({"date": "日期格式应为 YYYY-MM-DD"}) from None
        levels = selectors.chain_as_dict(selectors.responsibility_chain(unit, day))
        return Response({"unit": unit.pk, "date": day, "levels": ChainLevelSerializer(levels, many=True).data})


class PersonViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = PersonSerializer

    def get_queryset(self):
        return selectors.people(self.request.user)


class AppointmentViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = AppointmentSerializer

    def get_queryset(self):
        qs = selectors.appointments(self.request.user).prefetch_related("oversees").order_by("pk")
        if "unit" in self.request.query_params:
            qs = qs.filter(unit_id=self.request.query_params["unit"])
        return qs

    @extend_schema(request=AppointmentCreateSerializer, responses=AppointmentSerializer)
    def create(self, request, *args, **kwargs):
        data = AppointmentCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        units = selectors.units(request.user)
        unit = units.filter(pk=v["unit"]).first()
        if unit is None:
            raise ValidationError({"unit": "单位不存在或不在您的权限范围内"})
        if not permissions.can(request.user, "org.manage", unit):
            raise PermissionDenied("您没有维护该单位任职的权限")
        person = selectors.people(request.user).filter(pk=v["person"]).first()
        if person is None:
            raise ValidationError({"person": "人员不存在或不在您的权限范围内"})
        role = find_role(v["role"], v["valid_from"])
        if role is None:
            raise ValidationError({"role": "角色不存在"})
        try:
            appt = services.appointment_create(
                actor=request.user, person=person, unit=unit, role=role, valid_from=v["valid_from"],
                valid_to=v.get("valid_to"), basis=v["basis"], area=v["area"],
                oversees=list(units.filter(pk__in=v["oversees"])),
            )
        except DjangoValidationError as exc:
            raise ValidationError(exc.message_dict if hasattr(exc, "message_dict") else exc.messages) from None
        return Response(AppointmentSerializer(appt).data, status=201)


def register(router) -> None:
    router.register("units", UnitViewSet, basename="unit")
    router.register("people", PersonViewSet, basename="person")
    router.register("appointments", AppointmentViewSet, basename="appointment")
