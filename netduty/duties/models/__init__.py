from .calendar import CalendarToken
from .obligations import Obligation, ObligationPeriod, PeriodKind, PeriodReview, ReviewState, SubTask
from .records import Evidence, EvidenceVersion, MeetingKind, MeetingRecord

__all__ = [
    "CalendarToken", "Evidence", "EvidenceVersion", "MeetingKind", "MeetingRecord",
    "Obligation", "ObligationPeriod", "PeriodKind", "PeriodReview", "ReviewState", "SubTask",
]
