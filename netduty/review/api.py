"""REST endpoints for pre-publication review (/api/v1/review/...), under the same rules as the
screens: every read through the review selectors (404 outside scope), every write through the
services (403 without the role, 409 when someone else acted first)."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema, extend_schema_field, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, PermissionDenied, ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from netduty.fronts import selectors as fronts

from . import selectors, services
from .models import (
    Attachment,
    ChannelSweep,
    Decision,
    Finding,
    LiveCheck,
    Outcome,
    Publication,
    Revision,
    SourceKind,
    State,
    Submission,
)
from .services.content import Upload
from .services.submissions import check_intended_at


class ConflictError(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "稿件已被他人处理，请刷新后再试。"
    default_code = "conflict"


def _call(fn, **kwargs):
    try:
        return fn(**kwargs)
    except services.Conflict as exc:
        raise ConflictError(str(exc)) from None
    except DjangoValidationError as exc:
        raise ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages) from None


class ReviewFindingSerializer(serializers.ModelSerializer):
    attachment = serializers.CharField(source="attachment.name", read_only=True, default=None)

    class Meta:
        model = Finding
        fields = ["id", "part", "attachment", "category", "rule", "severity", "start", "end", "text", "message",
                  "suggestion", "location", "context"]


class ReviewAttachmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Attachment
        fields = ["id", "name", "kind", "size", "sha256", "text_chars", "error", "notes"]


class ReviewRevisionSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.name", read_only=True)
    attachments = ReviewAttachmentSerializer(many=True, read_only=True)
    findings = ReviewFindingSerializer(many=True, read_only=True)

    class Meta:
        model = Revision
        fields = ["id", "number", "title", "body_html", "body_text", "source_kind", "source_name", "author", "stages",
                  "content_hash", "text_hash", "finding_count", "high_count", "note", "created_at", "attachments",
                  "findings"]


class ReviewDecisionSerializer(serializers.ModelSerializer):
    reviewer = serializers.CharField(source="reviewer.name", read_only=True)
    revision = serializers.IntegerField(source="revision.number", read_only=True)

    class Meta:
        model = Decision
        fields = ["id", "submission", "revision", "content_hash", "stage", "stage_code", "stage_name", "reviewer",
                  "role_label", "answers", "outcome", "comment", "high_reason", "created_at"]


class ReviewPublicationSerializer(serializers.ModelSerializer):
    revision = serializers.IntegerField(source="revision.number", read_only=True)
    published_by = serializers.CharField(source="published_by.name", read_only=True)

    class Meta:
        model = Publication
        fields = ["id", "submission", "revision", "content_hash", "url", "published_at", "published_by",
                  "last_result", "last_checked_at"]


class ReviewLiveCheckSerializer(serializers.ModelSerializer):
    class Meta:
        model = LiveCheck
        fields = ["id", "publication", "url", "result", "http_status", "similarity", "message", "page_text_hash",
                  "page_text", "method", "evidence_name", "created_at"]


class ReviewSweepSerializer(serializers.ModelSerializer):
    class Meta:
        model = ChannelSweep
        fields = ["id", "channel", "unit", "slot", "feed_url", "ok", "error", "live_count", "unreviewed_count",
                  "broken_count", "last_update", "stale", "items", "broken", "created_at"]


class ReviewSubmissionSerializer(serializers.ModelSerializer):
    channel_name = serializers.CharField(source="channel.name", read_only=True)
    author = serializers.CharField(source="author.name", read_only=True)
    revision = serializers.IntegerField(source="current_revision.number", read_only=True, default=None)
    content_hash = serializers.CharField(source="current_revision.content_hash", read_only=True, default=None)
    stage_name = serializers.SerializerMethodField()

    class Meta:
        model = Submission
        fields = ["id", "channel", "channel_name", "unit", "title", "author", "state", "stage", "stage_name",
                  "version", "revision", "content_hash", "stage_since", "due_at", "intended_at", "created_at"]

    def get_stage_name(self, obj) -> str:
        return (selectors.stage_of(obj) or {}).get("name", "")


class ReviewSubmissionDetailSerializer(ReviewSubmissionSerializer):
    revisions = ReviewRevisionSerializer(many=True, read_only=True)
    decisions = ReviewDecisionSerializer(many=True, read_only=True)
    publication = serializers.SerializerMethodField()

    class Meta(ReviewSubmissionSerializer.Meta):
        fields = ReviewSubmissionSerializer.Meta.fields + ["revisions", "decisions", "publication"]

    @extend_schema_field(ReviewPublicationSerializer(allow_null=True))
    def get_publication(self, obj) -> dict | None:
        pub = getattr(obj, "publication", None) if obj.state == State.PUBLISHED else None
        return ReviewPublicationSerializer(pub).data if pub else None


class ReviewContentInput(serializers.Serializer):
    title = serializers.CharField(max_length=300)
    body = serializers.CharField(help_text="正文（HTML 或纯文本；保存前净化）")
    source_kind = serializers.ChoiceField(choices=SourceKind.choices, default=SourceKind.ORIGINAL)
    source_name = serializers.CharField(required=False, allow_blank=True, default="")
    intended_at = serializers.DateTimeField(required=False, allow_null=True, default=None,
                                            help_text="拟发布时间（不能早于今天）")
    attachments = serializers.ListField(child=serializers.FileField(), required=False, default=list)

    def validate_intended_at(self, value):
        try:
            check_intended_at(value)
        except DjangoValidationError as exc:
            raise ValidationError(exc.messages) from None
        return value


class ReviewSubmitInput(ReviewContentInput):
    channel = serializers.IntegerField()


class ReviewReviseInput(ReviewContentInput):
    keep = serializers.ListField(child=serializers.IntegerField(), required=False, default=list,
                                 help_text="保留上一版本的附件 id")
    note = serializers.CharField(required=False, allow_blank=True, default="")
    version = serializers.IntegerField(required=False, allow_null=True, default=None)


class ReviewDecideInput(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    answers = serializers.DictField(child=serializers.BooleanField(), help_text="审查要点：{secrecy: false, suitability: true, accuracy: true}")
    content_hash = serializers.CharField(help_text="所审阅版本的内容哈希")
    version = serializers.IntegerField(help_text="所审阅时稿件的版本号（version）；稿件已变化时返回 409，意见不保存")
    comment = serializers.CharField(required=False, allow_blank=True, default="")
    high_reason = serializers.CharField(required=False, allow_blank=True, default="")


class ReviewPublishInput(serializers.Serializer):
    url = serializers.URLField(required=False, allow_blank=True, default="")
    published_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    content_hash = serializers.CharField()


def _with_details(qs):
    return qs.prefetch_related("revisions__findings__attachment", "revisions__attachments", "revisions__author",
                               "decisions__reviewer", "decisions__revision")


def _uploads(files) -> list[Upload]:
    return [Upload(f.name, f.read()) for f in files]


class SubmissionViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """稿件。`?queue=mine` 只列出等待我审核的稿件；`?state=` 按状态筛选。"""

    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get_serializer_class(self):
        return ReviewSubmissionDetailSerializer if self.action == "retrieve" else ReviewSubmissionSerializer

    def get_queryset(self):
        if self.action == "list" and self.request.query_params.get("queue") == "mine":
            return selectors.queue_for(self.request.user)
        qs = selectors.submissions(self.request.user).order_by("-pk")
        if self.request.query_params.get("state") in State.values:
            qs = qs.filter(state=self.request.query_params["state"])
        return _with_details(qs) if self.action == "retrieve" else qs

    def _sub(self, pk) -> Submission:
        return selectors.submission_for(self.request.user, int(pk))

    def _detail(self, pk, code=status.HTTP_200_OK) -> Response:
        sub = _with_details(selectors.submissions(self.request.user)).get(pk=pk)
        return Response(ReviewSubmissionDetailSerializer(sub).data, status=code)

    @extend_schema(request=ReviewSubmitInput, responses={201: ReviewSubmissionDetailSerializer})
    def create(self, request, *args, **kwargs):
        data = ReviewSubmitInput(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        channel = fronts.channels_for(request.user).filter(pk=v["channel"]).first()
        if channel is None:
            raise ValidationError({"channel": "阵地不存在或不在您的权限范围内"})
        sub = _call(services.submission_create, actor=request.user, channel=channel, title=v["title"], body=v["body"],
                    source_kind=v["source_kind"], source_name=v["source_name"], intended_at=v["intended_at"],
                    uploads=_uploads(v["attachments"]))
        return self._detail(sub.pk, status.HTTP_201_CREATED)

    @extend_schema(request=ReviewReviseInput, responses={201: ReviewSubmissionDetailSerializer})
    @action(detail=True, methods=["post"])
    def revise(self, request, pk=None):
        sub = self._sub(pk)
        data = ReviewReviseInput(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        _call(services.submission_revise, actor=request.user, submission=sub, title=v["title"], body=v["body"],
              source_kind=v["source_kind"], source_name=v["source_name"], intended_at=v["intended_at"],
              uploads=_uploads(v["attachments"]), keep=v["keep"], note=v["note"], expected_version=v["version"])
        return self._detail(sub.pk, status.HTTP_201_CREATED)

    @extend_schema(request=ReviewDecideInput, responses={201: ReviewDecisionSerializer})
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        sub = self._sub(pk)
        seen = str(request.data.get("version", ""))  # the version the caller saw
        stale = services.stale_reason(sub, int(seen)) if seen.isdigit() else ""
        if stale:  # the item moved on since: 409 saying who decided, not a 403 for the next stage
            raise ConflictError(stale)
        verdict = selectors.eligibility(request.user, sub)
        if not verdict.ok and sub.state == State.REVIEWING:
            raise PermissionDenied(verdict.reason)
        data = ReviewDecideInput(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        decision = _call(services.stage_decide, actor=request.user, submission=sub, outcome=v["outcome"],
                         answers=v["answers"], content_hash=v["content_hash"], expected_version=v["version"],
                         comment=v["comment"], high_reason=v["high_reason"])
        return Response(ReviewDecisionSerializer(decision).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=ReviewPublishInput, responses={201: ReviewPublicationSerializer})
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        sub = self._sub(pk)
        if not services.can_publish(request.user, sub):
            raise PermissionDenied("只有提交人或本单位负责人可以登记发布。")
        data = ReviewPublishInput(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        pub = _call(services.publication_create, actor=request.user, submission=sub, url=v["url"],
                    published_at=v["published_at"], content_hash=v["content_hash"])
        return Response(ReviewPublicationSerializer(pub).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=inline_serializer("ReviewWithdrawInput", {"reason": serializers.CharField(required=False)}),
                   responses=ReviewSubmissionSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        sub = self._sub(pk)
        sub = _call(services.submission_withdraw, actor=request.user, submission=sub,
                    reason=str(request.data.get("reason", "")))
        return Response(ReviewSubmissionSerializer(sub).data)

    @extend_schema(request=None, responses={202: inline_serializer("ReviewLiveCheckQueued", {"detail": serializers.CharField()})})
    @action(detail=True, methods=["post"], url_path="live-check", url_name="live-check")
    def live_check(self, request, pk=None):
        sub = self._sub(pk)
        pub = getattr(sub, "publication", None) if sub.state == State.PUBLISHED else None
        if pub is None:
            raise ValidationError("稿件尚未登记发布，无法核查。")
        _call(services.live_check_request, actor=request.user, publication=pub)
        return Response({"detail": "已安排上线核查"}, status=status.HTTP_202_ACCEPTED)


class DecisionViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ReviewDecisionSerializer

    def get_queryset(self):
        return selectors.all_decisions(self.request.user).order_by("-pk")


class PublicationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ReviewPublicationSerializer

    def get_queryset(self):
        return selectors.publications(self.request.user).order_by("-pk")


class LiveCheckViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ReviewLiveCheckSerializer

    def get_queryset(self):
        return selectors.live_checks(self.request.user).order_by("-pk")


class SweepViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ReviewSweepSerializer

    def get_queryset(self):
        return selectors.sweeps(self.request.user).order_by("-pk")


def register(router) -> None:
    router.register("review/submissions", SubmissionViewSet, basename="review-submission")
    router.register("review/decisions", DecisionViewSet, basename="review-decision")
    router.register("review/publications", PublicationViewSet, basename="review-publication")
    router.register("review/live-checks", LiveCheckViewSet, basename="review-live-check")
    router.register("review/sweeps", SweepViewSet, basename="review-sweep")
