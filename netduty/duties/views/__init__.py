from .board import board, board_export
from .calendar import calendar_feed, calendar_page, calendar_rotate, notification_list, notification_read
from .meetings import meeting_edit
from .pages import (
    evidence_version,
    index,
    meeting_create,
    meeting_detail,
    meeting_evidence,
    meeting_void,
    period_accept,
    period_detail,
    period_evidence,
    period_return,
    period_submit,
    subtask_create,
    subtask_done,
    unit_detail,
    version_download,
)

__all__ = [
    "board", "board_export", "calendar_feed", "calendar_page", "calendar_rotate", "evidence_version", "index",
    "meeting_create", "meeting_detail", "meeting_edit", "meeting_evidence", "meeting_void", "notification_list",
    "notification_read", "period_accept", "period_detail", "period_evidence", "period_return", "period_submit",
    "subtask_create", "subtask_done", "unit_detail", "version_download",
]
