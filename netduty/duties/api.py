"""REST endpoints: a unit's obligations and periods with status; meeting records and evidence files
created under the same rules as the screens (scope → 404 / 400, role → 403)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from netduty.org import permissions

from . import selectors, services
from .models import Evidence, EvidenceVersion, MeetingRecord, Obligation, ObligationPeriod
from .status import aggregate

FILTERS = [OpenApiParameter("unit", OpenApiTypes.INT, description="单位 id"),
           OpenApiParameter("year", OpenApiTypes.INT, description="年度")]


def _drf(exc: DjangoValidationError) -> ValidationError:
    return ValidationError(exc.message_dict if hasattr(exc, "message_dict") else exc.messages)


class PeriodSerializer(serializers.ModelSerializer):
    status = serializers.SerializerMethodField()
    status_display = serializers.SerializerMethodField()
    task = serializers.CharField(source="task_code", read_only=True)

    class Meta:
        model = ObligationPeriod
        fields = ["id", "obligation", "unit", "task", "key", "kind", "label", "start", "end", "due", "self_check",
                  "required", "count", "review_state", "completed_at", "status", "status_display", "event_ref",
                  "event_title"]

    def get_status(self, obj) -> str:
        return obj.status_on(self.context.get("today")).value

    def get_status_display(self, obj) -> str:
        return obj.status_on(self.context.get("today")).label


class ObligationSerializer(serializers.ModelSerializer):
    item = serializers.CharField(source="task.item", read_only=True)
    content = serializers.CharField(source="task.content", read_only=True)
    cadence = serializers.CharField(source="task.cadence", read_only=True)
    min_count = serializers.IntegerField(source="task.min_count", read_only=True, allow_null=True)
    pack_version = serializers.IntegerField(source="task.pack.version", read_only=True)
    status = serializers.SerializerMethodField()
    periods = PeriodSerializer(many=True, read_only=True)

    class Meta:
        model = Obligation
        fields = ["id", "unit", "year", "task_code", "item", "content", "cadence", "min_count", "pack_version",
                  "status", "periods"]

    def get_status(self, obj) -> str | None:
        today = self.context.get("today")
        result = aggregate(p.status_on(today) for p in obj.periods.all())
        return result.value if result else None


def _filtered(request, qs, unit_field="unit_id", year_field="year"):
    params = request.query_params
    for name, field in (("unit", unit_field), ("year", year_field)):
        if name in params:
            if not params[name].isdigit():
                raise ValidationError({name: "应为整数"})
            qs = qs.filter(**{field: int(params[name])})
    return qs


@extend_schema(parameters=FILTERS)
class ObligationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ObligationSerializer

    def get_queryset(self):
        qs = selectors.obligations(self.request.user).select_related("task__pack").prefetch_related("periods")
        return _filtered(self.request, qs).order_by("year", "unit_id", "task__order")

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "today": timezone.localdate()}


@extend_schema(parameters=[*FILTERS, OpenApiParameter("task", OpenApiTypes.STR, description="任务代码")])
class PeriodViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = PeriodSerializer

    def get_queryset(self):
        qs = _filtered(self.request, selectors.periods(self.request.user), year_field="obligation__year")
        if "task" in self.request.query_params:
            qs = qs.filter(task_code=self.request.query_params["task"])
        return qs.order_by("due", "unit_id", "task_code")

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "today": timezone.localdate()}


class MeetingSerializer(serializers.ModelSerializer):
    class Meta:
        model = MeetingRecord
        fields = ["id", "unit", "kind", "title", "date", "place", "chair", "attendees", "absentees", "topics",
                  "minutes", "decisions", "voided_at", "void_reason", "created_at"]
        read_only_fields = ["unit", "voided_at", "void_reason", "created_at"]


class MeetingCreateSerializer(MeetingSerializer):
    unit = serializers.IntegerField()


@extend_schema(parameters=FILTERS)
class MeetingViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = MeetingSerializer

    def get_queryset(self):
        return _filtered(self.request, selectors.meetings(self.request.user), year_field="date__year").order_by(
            "-date", "-id")

    @extend_schema(request=MeetingCreateSerializer, responses={201: MeetingSerializer})
    def create(self, request, *args, **kwargs):
        data = MeetingCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        unit = permissions.units_for(request.user).filter(pk=fields.pop("unit")).first()
        if unit is None:
            raise ValidationError({"unit": "单位不存在或不在您的权限范围内"})
        if not permissions.can(request.user, "duties.record", unit):
            raise PermissionDenied("您没有登记该单位会议记录的权限")
        try:
            meeting = services.meeting_create(actor=request.user, unit=unit, **fields)
        except DjangoValidationError as exc:
            raise _drf(exc) from None
        return Response(MeetingSerializer(meeting).data, status=201)


class VersionSerializer(serializers.ModelSerializer):
    class Meta:
        model = EvidenceVersion
        fields = ["id", "version", "original_name", "file_type", "size", "sha256", "uploaded_at"]


class EvidenceSerializer(serializers.ModelSerializer):
    versions = VersionSerializer(many=True, read_only=True)

    class Meta:
        model = Evidence
        fields = ["id", "unit", "period", "meeting", "title", "created_at", "versions"]


class EvidenceUploadSerializer(serializers.Serializer):
    period = serializers.IntegerField(required=False)
    meeting = serializers.IntegerField(required=False)
    title = serializers.CharField(required=False, allow_blank=True, default="")
    file = serializers.FileField()

    def validate(self, attrs):
        if ("period" in attrs) == ("meeting" in attrs):
            raise ValidationError("请指定 period 或 meeting 之一")
        return attrs


class FileSerializer(serializers.Serializer):
    file = serializers.FileField()


class EvidenceViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = EvidenceSerializer
    parser_classes = [MultiPartParser, FormParser]

    def get_queryset(self):
        qs = selectors.evidence(self.request.user)
        for name in ("period", "meeting"):
            value = self.request.query_params.get(name, "")
            if value.isdigit():
                qs = qs.filter(**{f"{name}_id": int(value)})
        return qs.order_by("-id")

    def _target(self, qs, pk):
        obj = qs.filter(pk=pk).first()
        if obj is None:
            raise ValidationError("任务周期或会议记录不存在，或不在您的权限范围内")
        if not permissions.can(self.request.user, "duties.record", obj.unit):
            raise PermissionDenied("您没有为该单位上传材料的权限")
        return obj

    @extend_schema(request={"multipart/form-data": EvidenceUploadSerializer}, responses={201: EvidenceSerializer})
    def create(self, request, *args, **kwargs):
        data = EvidenceUploadSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        target = ({"period": self._target(selectors.periods(request.user), v["period"])} if "period" in v
                  else {"meeting": self._target(selectors.meetings(request.user), v["meeting"])})
        try:
            version = services.evidence_add(actor=request.user, upload=v["file"], name=v["file"].name,
                                            title=v["title"], **target)
        except DjangoValidationError as exc:
            raise _drf(exc) from None
        return Response(EvidenceSerializer(version.evidence).data, status=201)

    @extend_schema(request={"multipart/form-data": FileSerializer}, responses={201: VersionSerializer})
    @action(detail=True, methods=["post"])
    def versions(self, request, pk=None):
        evidence = self.get_object()
        if not permissions.can(request.user, "duties.record", evidence.unit):
            raise PermissionDenied("您没有为该单位上传材料的权限")
        data = FileSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            version = services.evidence_version_add(actor=request.user, evidence=evidence,
                                                    upload=data.validated_data["file"],
                                                    name=data.validated_data["file"].name)
        except (DjangoValidationError, DjangoPermissionDenied) as exc:
            if isinstance(exc, DjangoPermissionDenied):
                raise PermissionDenied(str(exc)) from None
            raise _drf(exc) from None
        return Response(VersionSerializer(version).data, status=201)


def register(router) -> None:
    router.register("duties/obligations", ObligationViewSet, basename="duties-obligation")
    router.register("duties/periods", PeriodViewSet, basename="duties-period")
    router.register("duties/meetings", MeetingViewSet, basename="duties-meeting")
    router.register("duties/evidence", EvidenceViewSet, basename="duties-evidence")

