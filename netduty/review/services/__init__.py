"""Every write of the review app, each with its audit event in the same transaction."""

from .capture import live_check_capture
from .decisions import (
    approved_chain_ok,
    can_publish,
    checklist,
    publication_create,
    stage_decide,
    stale_reason,
)
from .live import live_check_request, live_check_run, sweep_channel
from .submissions import (
    Conflict,
    can_edit,
    channel_stages,
    submission_create,
    submission_revise,
    submission_withdraw,
)

__all__ = [
    "Conflict", "approved_chain_ok", "can_edit", "can_publish", "channel_stages", "checklist", "live_check_capture", "live_check_request",
    "live_check_run", "publication_create", "stage_decide", "stale_reason", "submission_create", "submission_revise",
    "submission_withdraw", "sweep_channel",
]
