"""REST endpoints for the channel registry (/api/v1/fronts/...), under the same rules as the pages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from netduty.org import permissions

from . import selectors, services
from .models import Channel, ChannelRequest, ChannelStage, Decision, Platform, RequestDecision, Tier


def _drf(exc: DjangoValidationError) -> ValidationError:
    return ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages)


class StageSerializer(serializers.ModelSerializer):
    class Meta:
        model = ChannelStage
        fields = ["order", "code", "name", "roles"]


class ResponsibleSerializer(serializers.Serializer):
    duty = serializers.CharField()
    appointment = serializers.IntegerField(source="appointment_id")
    person = serializers.CharField(source="appointment.person.name")
    role = serializers.CharField(source="appointment.role.code")
    valid_from = serializers.DateField(source="appointment.valid_from")
    valid_to = serializers.DateField(source="appointment.valid_to", allow_null=True)


class ChannelSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    stages = StageSerializer(many=True, read_only=True)
    responsibles = ResponsibleSerializer(many=True, read_only=True)

    class Meta:
        model = Channel
        fields = ["id", "unit", "unit_name", "platform", "name", "account_id", "url", "url_prefix", "feed_url",
                  "tier", "status", "verified_entity", "followers", "opened_on", "registered_on", "closed_on",
                  "stages", "responsibles"]


class DecisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = RequestDecision
        fields = ["step", "decision", "decided_by", "comment", "by_submission", "decided_at"]


class RequestSerializer(serializers.ModelSerializer):
    decisions = DecisionSerializer(many=True, read_only=True)
    late = serializers.BooleanField(read_only=True)

    class Meta:
        model = ChannelRequest
        fields = ["id", "channel", "kind", "state", "payload", "before", "reason", "event_on", "due_on", "late",
                  "submitted_by", "submitted_at", "closed_at", "decisions"]


class ResponsiblesInput(serializers.Serializer):
    leader = serializers.ListField(child=serializers.IntegerField(), required=False, default=list)
    department = serializers.ListField(child=serializers.IntegerField(), required=False, default=list)
    admin = serializers.ListField(child=serializers.IntegerField(), help_text="专人/管理员的任职编号")


class RegistrationInput(serializers.Serializer):
    unit = serializers.IntegerField()
    platform = serializers.ChoiceField(choices=Platform.choices)
    name = serializers.CharField(max_length=200)
    opened_on = serializers.DateField()
    tier = serializers.ChoiceField(choices=Tier.choices, default=Tier.UNIT)
    account_id = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    url = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)
    url_prefix = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)
    feed_url = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)
    verified_entity = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    followers = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=0)
    reason = serializers.CharField(required=False, default="", allow_blank=True)
    responsibles = ResponsiblesInput()


class DecisionInput(serializers.Serializer):
    decision = serializers.ChoiceField(choices=Decision.choices)
    comment = serializers.CharField(required=False, default="", allow_blank=True)


FILTERS = [OpenApiParameter(name, str, required=False) for name in ("unit", "platform", "tier", "status", "q")]


class ChannelViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ChannelSerializer

    def get_queryset(self):
        params = self.request.query_params
        return selectors.registry(self.request.user, **{k: params.get(k, "") for k in
                                                        ("unit", "platform", "tier", "status", "q")})

    @extend_schema(parameters=FILTERS)
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)


class ChannelRequestViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """备案申请. POST creates a registration request (新开备案) for a unit you manage."""

    serializer_class = RequestSerializer

    def get_queryset(self):
        qs = selectors.requests_for(self.request.user).prefetch_related("decisions")
        if self.request.query_params.get("waiting") == "me":
            qs = selectors.approval_queue(self.request.user, timezone.localdate()).prefetch_related("decisions")
        return qs.order_by("-submitted_at", "-pk")

    @extend_schema(request=RegistrationInput, responses={201: RequestSerializer})
    def create(self, request, *args: Any, **kwargs: Any):
        data = RegistrationInput(data=request.data)
        data.is_valid(raise_exception=True)
        v = dict(data.validated_data)
        unit = permissions.units_for(request.user).filter(pk=v.pop("unit")).first()
        if unit is None:
            raise ValidationError({"unit": "单位不存在或不在您的权限范围内"})
        if not permissions.can(request.user, selectors.MANAGE, unit):
            raise PermissionDenied("您没有为该单位登记阵地的权限")
        try:
            req = services.registration_submit(actor=request.user, unit=unit, **v)
        except DjangoValidationError as exc:
            raise _drf(exc) from None
        return Response(RequestSerializer(req).data, status=201)

    @extend_schema(request=DecisionInput, responses=RequestSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        req = selectors.request_for(request.user, int(pk))  # type: ignore[arg-type]
        data = DecisionInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            req = services.request_decide(actor=request.user, request=req, **data.validated_data)
        except DjangoValidationError as exc:
            raise _drf(exc) from None
        return Response(RequestSerializer(req).data)


def register(router) -> None:
    router.register("fronts/channels", ChannelViewSet, basename="fronts-channel")
    router.register("fronts/requests", ChannelRequestViewSet, basename="fronts-request")
