"""Every write of the duties app, each with its audit event (see docs/duties.md)."""

from .exports import board_export
from .generation import GenerateResult, generate_year, period_open_for_event
from .records import (
    evidence_add,
    evidence_version_add,
    meeting_create,
    meeting_update,
    meeting_void,
    records_changed,
    refresh_periods,
)
from .reminders import calendar_token_for, calendar_token_rotate, notification_read, run_reminders
from .review import can_accept, period_accept, period_return, period_submit, subtask_create, subtask_done

__all__ = [
    "GenerateResult", "board_export", "calendar_token_for", "calendar_token_rotate", "can_accept", "evidence_add",
    "evidence_version_add", "generate_year", "meeting_create", "meeting_update", "meeting_void",
    "notification_read", "period_accept", "period_open_for_event", "period_return", "period_submit",
    "records_changed", "refresh_periods", "run_reminders", "subtask_create", "subtask_done",
]
