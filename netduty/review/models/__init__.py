from .decision import Decision, Outcome, Publication
from .live import ChannelSweep, LiveCheck, LiveResult
from .submission import Attachment, Finding, Part, Revision, SourceKind, State, Submission

__all__ = [
    "Attachment", "ChannelSweep", "Decision", "Finding", "LiveCheck", "LiveResult", "Outcome", "Part",
    "Publication", "Revision", "SourceKind", "State", "Submission",
]
