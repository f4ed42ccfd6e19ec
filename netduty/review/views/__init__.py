from .actions import create, decide, edit, livecheck, publish, withdraw
from .pages import attachment, check, detail, diff, index, live

__all__ = ["attachment", "check", "create", "decide", "detail", "diff", "edit", "index", "live", "livecheck", "publish",
           "withdraw"]
