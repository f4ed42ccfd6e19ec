"""REST endpoints for 年审 (annual reviews) and 零报告 (zero reports), under the same rules as the
annual page: lists through the scope filter, writes through the services (which check again).
Filing a channel's review is `POST channels/{id}/annual/` (netduty/fronts/api.py)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from netduty.org import permissions

from . import selectors, services
from .models import AnnualResult, AnnualReview, FailGround, ZeroReport


def drf_error(exc: DjangoValidationError) -> ValidationError:
    return ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages)


def managed_unit(user: Any, unit_id: int, denied: str):
    """The unit a request names: 400 when it is not visible to `user`, 403 without fronts.manage."""
    unit = permissions.units_for(user).filter(pk=unit_id).first()
    if unit is None:
        raise ValidationError({"unit": "单位不存在或不在您的权限范围内"})
    if not permissions.can(user, selectors.MANAGE, unit):
        raise PermissionDenied(denied)
    return unit


def _year_filter(raw: str | None) -> int | None:
    return int(raw) if raw and raw.isdigit() else None


class AnnualReviewSerializer(serializers.ModelSerializer):
    channel_name = serializers.CharField(source="channel.name", read_only=True)
    unit = serializers.IntegerField(source="channel.unit_id", read_only=True)
    unit_name = serializers.CharField(source="channel.unit.name", read_only=True)
    checks_ok = serializers.BooleanField(read_only=True)
    grounds = serializers.ListField(child=serializers.ChoiceField(choices=FailGround.choices), read_only=True)

    class Meta:
        model = AnnualReview
        fields = ["id", "channel", "channel_name", "unit", "unit_name", "year", "student_admins_removed",
                  "three_reviews", "monitoring", "checks_ok", "self_note", "filed_by", "filed_at", "result",
                  "grounds", "conclusion", "rectify_by", "concluded_by", "concluded_at"]
        read_only_fields = fields


class AnnualFileInput(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, help_text="年度（不晚于今年）")
    student_admins_removed = serializers.BooleanField(default=False, help_text="已取消学生管理员权限（或无学生管理员）")
    three_reviews = serializers.BooleanField(default=False, help_text="发布落实“三审三校”")
    monitoring = serializers.BooleanField(default=False, help_text="建立舆情监测机制")
    self_note = serializers.CharField(required=False, default="", allow_blank=True, help_text="自查情况")


class AnnualConcludeInput(serializers.Serializer):
    result = serializers.ChoiceField(choices=AnnualResult.choices, help_text="合格 / 整改 / 不合格")
    grounds = serializers.ListField(child=serializers.ChoiceField(choices=FailGround.choices), required=False,
                                    default=list, help_text="不合格情形（评为不合格时必选）")
    conclusion = serializers.CharField(required=False, default="", allow_blank=True,
                                       help_text="意见 / 整改要求（评为整改时必填）")
    rectify_by = serializers.DateField(required=False, allow_null=True, default=None,
                                       help_text="整改期限（评为整改时必填）")


REVIEW_FILTERS = [
    OpenApiParameter("year", int, required=False),
    OpenApiParameter("unit", int, required=False, description="单位（含下级单位）"),
    OpenApiParameter("channel", int, required=False),
    OpenApiParameter("waiting", str, required=False, enum=["me"],
                     description="me：待本人（宣传部）作出年审结论的，不含本人填报的"),
]


class AnnualReviewViewSet(viewsets.ReadOnlyModelViewSet):
    """年审. Filing (and re-filing before a conclusion) is `POST /fronts/channels/{id}/annual/`;
    the 宣传部 concludes with `POST /fronts/annual-reviews/{id}/conclude/`."""

    serializer_class = AnnualReviewSerializer

    def get_queryset(self):
        params = self.request.query_params
        if params.get("waiting") == "me":
            qs = selectors.reviews_awaiting_conclusion(self.request.user)
        else:
            qs = selectors.annual_reviews_for(self.request.user)
        year = _year_filter(params.get("year"))
        if year:
            qs = qs.filter(year=year)
        if (params.get("channel") or "").isdigit():
            qs = qs.filter(channel_id=int(params["channel"]))
        if (params.get("unit") or "").isdigit():
            unit = permissions.units_for(self.request.user).filter(pk=int(params["unit"])).first()
            qs = qs.filter(channel__unit__path__startswith=unit.path) if unit else qs.none()
        return qs.order_by("-year", "channel__unit__path", "channel__name", "pk")

    @extend_schema(parameters=REVIEW_FILTERS)
    def list(self, request, *args: Any, **kwargs: Any):
        return super().list(request, *args, **kwargs)

    @extend_schema(request=AnnualConcludeInput, responses=AnnualReviewSerializer)
    @action(detail=True, methods=["post"])
    def conclude(self, request, pk=None):
        """年审结论 (宣传部 only; not on a review you filed yourself)."""
        review = selectors.annual_review_for(request.user, int(pk))  # type: ignore[arg-type]
        if not permissions.can(request.user, selectors.MANAGE, None):
            raise PermissionDenied("年审结论由宣传部作出。")
        data = AnnualConcludeInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            review = services.annual_review_conclude(actor=request.user, review=review, **data.validated_data)
        except DjangoValidationError as exc:
            raise drf_error(exc) from None
        return Response(AnnualReviewSerializer(review).data)


class ZeroReportSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = ZeroReport
        fields = ["id", "unit", "unit_name", "year", "note", "filed_by", "filed_at"]
        read_only_fields = fields


class ZeroReportInput(serializers.Serializer):
    unit = serializers.IntegerField(help_text="没有阵地的单位")
    year = serializers.IntegerField(min_value=2000)
    note = serializers.CharField(required=False, default="", allow_blank=True)


class ZeroReportViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """零报告: a unit with no channel in the year files one (fronts.manage on the unit)."""

    serializer_class = ZeroReportSerializer

    def get_queryset(self):
        qs = selectors.zero_reports_for(self.request.user)
        year = _year_filter(self.request.query_params.get("year"))
        if year:
            qs = qs.filter(year=year)
        if (self.request.query_params.get("unit") or "").isdigit():
            qs = qs.filter(unit_id=int(self.request.query_params["unit"]))
        return qs.order_by("-year", "unit__path", "pk")

    @extend_schema(parameters=[OpenApiParameter("year", int, required=False),
                               OpenApiParameter("unit", int, required=False)])
    def list(self, request, *args: Any, **kwargs: Any):
        return super().list(request, *args, **kwargs)

    @extend_schema(request=ZeroReportInput, responses={201: ZeroReportSerializer})
    def create(self, request, *args: Any, **kwargs: Any):
        data = ZeroReportInput(data=request.data)
        data.is_valid(raise_exception=True)
        v = dict(data.validated_data)
        unit = managed_unit(request.user, v.pop("unit"), "您没有为该单位提交零报告的权限。")
        try:
            report = services.zero_report_file(actor=request.user, unit=unit, **v)
        except DjangoValidationError as exc:
            raise drf_error(exc) from None
        return Response(ZeroReportSerializer(report).data, status=201)


def register(router) -> None:
    router.register("fronts/annual-reviews", AnnualReviewViewSet, basename="fronts-annual-review")
    router.register("fronts/zero-reports", ZeroReportViewSet, basename="fronts-zero-report")
