from .actions import capture, create, decide, edit, livecheck, publish, withdraw
from .pages import attachment, check, detail, diff, evidence, index, live

__all__ = ["attachment", "capture", "check", "create", "decide", "detail", "diff", "edit", "evidence", "index", "live", "livecheck", "publish",
           "withdraw"]
