"""Every write to the channel registry. Keyword-only, typed, atomic, permission-checked, audited."""

from .channels import channel_create, default_stage_specs, require_office, stage_add, stages_set
from .exports import registry_export
from .records import annual_review_conclude, annual_review_file, security_update, zero_report_file
from .requests import (
    can_decide,
    change_submit,
    closure_submit,
    deadline_days,
    is_unit_head,
    registration_submit,
    request_decide,
    request_withdraw,
)

__all__ = [
    "annual_review_conclude", "annual_review_file", "can_decide", "change_submit", "channel_create",
    "closure_submit", "deadline_days", "default_stage_specs", "is_unit_head", "registration_submit",
    "registry_export", "request_decide", "request_withdraw", "require_office", "security_update", "stage_add",
    "stages_set", "zero_report_file",
]
