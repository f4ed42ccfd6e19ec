from .annual import annual, annual_conclude, annual_file, zero_report
from .registry import (
    change,
    channel_detail,
    close,
    export,
    index,
    reapply,
    register,
    security,
    stage_add_office,
    stages,
)
from .requests import queue, request_decide, request_detail, request_withdraw

__all__ = [
    "annual", "annual_conclude", "annual_file", "change", "channel_detail", "close", "export", "index", "queue",
    "reapply", "register", "request_decide", "request_detail", "request_withdraw", "security", "stage_add_office",
    "stages", "zero_report",
]
