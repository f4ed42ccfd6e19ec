from .notify import CalendarToken, JobClaim, Notification
from .obligations import Obligation, ObligationPeriod, PeriodKind, PeriodReview, ReviewState, SubTask
from .records import Evidence, EvidenceVersion, MeetingKind, MeetingRecord

__all__ = [
    "CalendarToken", "Evidence", "EvidenceVersion", "JobClaim", "MeetingKind", "MeetingRecord", "Notification",
    "Obligation", "ObligationPeriod", "PeriodKind", "PeriodReview", "ReviewState", "SubTask",
]
