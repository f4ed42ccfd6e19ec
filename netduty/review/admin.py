"""Read-only admin: every write goes through the services (and the audit chain)."""

from django.contrib import admin

from netduty.core.admin import ReadOnlyAdmin

from .models import Attachment, ChannelSweep, Decision, Finding, LiveCheck, Publication, Revision, Submission


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyAdmin):
    list_display = ["title", "channel", "unit", "author", "state", "stage", "created_at"]
    list_filter = ["state"]
    search_fields = ["title"]


@admin.register(Revision)
class RevisionAdmin(ReadOnlyAdmin):
    list_display = ["submission", "number", "author", "content_hash", "finding_count", "high_count", "created_at"]
    search_fields = ["title", "content_hash"]


@admin.register(Attachment)
class AttachmentAdmin(ReadOnlyAdmin):
    list_display = ["name", "revision", "kind", "size", "sha256"]


@admin.register(Finding)
class FindingAdmin(ReadOnlyAdmin):
    list_display = ["revision", "part", "severity", "category", "text", "message"]
    list_filter = ["severity", "category"]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ["submission", "stage_name", "reviewer", "outcome", "content_hash", "created_at"]
    list_filter = ["outcome"]


@admin.register(Publication)
class PublicationAdmin(ReadOnlyAdmin):
    list_display = ["submission", "url", "published_at", "published_by", "last_result", "last_checked_at"]


@admin.register(LiveCheck)
class LiveCheckAdmin(ReadOnlyAdmin):
    list_display = ["publication", "url", "result", "http_status", "similarity", "created_at"]
    list_filter = ["result"]


@admin.register(ChannelSweep)
class ChannelSweepAdmin(ReadOnlyAdmin):
    list_display = ["channel", "slot", "ok", "live_count", "unreviewed_count", "broken_count", "stale", "created_at"]
