"""REST endpoints for the channel registry (/api/v1/fronts/...), under the same rules as the pages:
channels (with security measures, change, closure and 年审 filing), registration requests and
their decisions; 年审 and 零报告 lists are in api_records.py."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from . import people, selectors, services
from .api_records import AnnualFileInput, AnnualReviewSerializer, drf_error, managed_unit
from .api_records import register as register_records
from .models import Channel, ChannelRequest, ChannelStage, Decision, Duty, Platform, RequestDecision, Tier


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
    check_kind = serializers.CharField(read_only=True, help_text="上线核查方式（live_check 留空时按平台）")

    class Meta:
        model = Channel
        fields = ["id", "unit", "unit_name", "platform", "name", "account_id", "url", "url_prefix", "feed_url",
                  "live_check", "check_kind", "wechat_biz", "tier", "status", "verified_entity", "followers", "opened_on", "registered_on", "closed_on",
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


class ChangeInput(serializers.Serializer):
    """变更报备: give only the fields that change (and/or the new responsibles)."""

    changed_on = serializers.DateField(help_text="变更日期（不晚于今天）")
    reason = serializers.CharField(help_text="变更事由")
    name = serializers.CharField(max_length=200, required=False)
    account_id = serializers.CharField(max_length=200, required=False, allow_blank=True)
    url = serializers.CharField(max_length=500, required=False, allow_blank=True)
    url_prefix = serializers.CharField(max_length=500, required=False, allow_blank=True)
    feed_url = serializers.CharField(max_length=500, required=False, allow_blank=True)
    tier = serializers.ChoiceField(choices=Tier.choices, required=False)
    verified_entity = serializers.CharField(max_length=200, required=False, allow_blank=True)
    followers = serializers.IntegerField(required=False, allow_null=True, min_value=0)
    responsibles = ResponsiblesInput(required=False, help_text="新的责任人（任职编号）；不变则省略")


class CloseInput(serializers.Serializer):
    closed_on = serializers.DateField(help_text="关停日期（不晚于今天）")
    reason = serializers.CharField(help_text="关停事由")


class SecuritySerializer(serializers.Serializer):
    """安全防护 checklist with what is wrong with it as of today."""

    password_holder = serializers.IntegerField(allow_null=True, help_text="管理密码保管人（任职编号）")
    password_holder_name = serializers.CharField()
    second_factor = serializers.BooleanField()
    password_changed_on = serializers.DateField(allow_null=True)
    notes = serializers.CharField(allow_blank=True)
    updated_by = serializers.IntegerField(allow_null=True)
    updated_at = serializers.DateTimeField(allow_null=True)
    age_days = serializers.IntegerField(allow_null=True, help_text="距最近修改密码的天数")
    max_age = serializers.IntegerField(help_text="密码最长使用天数（制度包）")
    stale = serializers.BooleanField()
    holder_ended = serializers.BooleanField(help_text="保管人任职已结束")
    problems = serializers.ListField(child=serializers.CharField())


class SecurityInput(serializers.Serializer):
    password_holder = serializers.IntegerField(required=False, allow_null=True, default=None,
                                               help_text="本单位现任人员的任职编号")
    second_factor = serializers.BooleanField(default=False)
    password_changed_on = serializers.DateField(required=False, allow_null=True, default=None)
    notes = serializers.CharField(required=False, default="", allow_blank=True)


def _security(status: selectors.SecurityStatus) -> dict[str, Any]:
    m = status.measures
    holder = m.password_holder if m else None
    return {"password_holder": holder.pk if holder else None, "password_holder_name": holder.person.name if holder else "",
            "second_factor": bool(m and m.second_factor), "password_changed_on": m.password_changed_on if m else None,
            "notes": m.notes if m else "", "updated_by": m.updated_by_id if m else None,
            "updated_at": m.updated_at if m else None, "age_days": status.age_days, "max_age": status.max_age,
            "stale": status.stale, "holder_ended": status.holder_ended, "problems": status.problems}


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

    @extend_schema(methods=["GET"], responses=SecuritySerializer)
    @extend_schema(methods=["PUT"], request=SecurityInput, responses=SecuritySerializer)
    @action(detail=True, methods=["get", "put"])
    def security(self, request, pk=None):
        """安全防护: anyone who sees the channel reads it; fronts.manage on its unit updates it."""
        write = request.method == "PUT"
        channel = selectors.channel_for(request.user, int(pk), action=selectors.MANAGE if write else None)  # type: ignore[arg-type]
        day = timezone.localdate()
        if write:
            data = SecurityInput(data=request.data)
            data.is_valid(raise_exception=True)
            v = dict(data.validated_data)
            holder = None
            if v["password_holder"] is not None:
                holder = people.candidates(channel.unit, Duty.ADMIN, day).filter(pk=v["password_holder"]).first()
                if holder is None:
                    raise ValidationError({"password_holder": "管理密码保管人须为本单位现任人员。"})
            v["password_holder"] = holder
            try:
                services.security_update(actor=request.user, channel=channel, **v)
            except DjangoValidationError as exc:
                raise drf_error(exc) from None
        return Response(SecuritySerializer(_security(selectors.security_status(channel, day))).data)

    @extend_schema(request=ChangeInput, responses={201: RequestSerializer})
    @action(detail=True, methods=["post"])
    def change(self, request, pk=None):
        """变更报备 (fronts.manage on the channel's unit); applies when the 宣传部 approves."""
        channel = selectors.channel_for(request.user, int(pk), action=selectors.MANAGE)  # type: ignore[arg-type]
        data = ChangeInput(data=request.data)
        data.is_valid(raise_exception=True)
        v = dict(data.validated_data)
        changed_on, reason = v.pop("changed_on"), v.pop("reason")
        responsibles = v.pop("responsibles", None)
        try:
            req = services.change_submit(actor=request.user, channel=channel, changed_on=changed_on, reason=reason,
                                         changes=v, responsibles=dict(responsibles) if responsibles else None)
        except DjangoValidationError as exc:
            raise drf_error(exc) from None
        return Response(RequestSerializer(req).data, status=201)

    @extend_schema(request=CloseInput, responses={201: RequestSerializer})
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        """关停注销 (fronts.manage on the channel's unit)."""
        channel = selectors.channel_for(request.user, int(pk), action=selectors.MANAGE)  # type: ignore[arg-type]
        data = CloseInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            req = services.closure_submit(actor=request.user, channel=channel, **data.validated_data)
        except DjangoValidationError as exc:
            raise drf_error(exc) from None
        return Response(RequestSerializer(req).data, status=201)

    @extend_schema(request=AnnualFileInput, responses=AnnualReviewSerializer)
    @action(detail=True, methods=["post"])
    def annual(self, request, pk=None):
        """年审自查 for a year (fronts.manage on the channel's unit); re-filing before the 宣传部
        concludes updates it."""
        channel = selectors.channel_for(request.user, int(pk), action=selectors.MANAGE)  # type: ignore[arg-type]
        data = AnnualFileInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            review = services.annual_review_file(actor=request.user, channel=channel, **data.validated_data)
        except DjangoValidationError as exc:
            raise drf_error(exc) from None
        return Response(AnnualReviewSerializer(review).data)


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
        unit = managed_unit(request.user, v.pop("unit"), "您没有为该单位登记阵地的权限")
        try:
            req = services.registration_submit(actor=request.user, unit=unit, **v)
        except DjangoValidationError as exc:
            raise drf_error(exc) from None
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
            raise drf_error(exc) from None
        return Response(RequestSerializer(req).data)

    @extend_schema(request=None, responses=RequestSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        """Withdraw an open request (its submitter only)."""
        req = selectors.request_for(request.user, int(pk))  # type: ignore[arg-type]
        try:
            req = services.request_withdraw(actor=request.user, request=req)
        except DjangoValidationError as exc:
            raise drf_error(exc) from None
        return Response(RequestSerializer(req).data)


def register(router) -> None:
    router.register("fronts/channels", ChannelViewSet, basename="fronts-channel")
    router.register("fronts/requests", ChannelRequestViewSet, basename="fronts-request")
    register_records(router)
