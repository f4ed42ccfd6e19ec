"""阵地台账: channels, their review stages and responsible people, registration/change requests,
annual reviews, zero reports and security measures."""

from .channel import (
    Channel,
    ChannelResponsible,
    ChannelStage,
    ChannelStatus,
    Duty,
    LiveCheckKind,
    Platform,
    Tier,
)
from .records import AnnualResult, AnnualReview, FailGround, SecurityMeasures, ZeroReport
from .requests import ChannelRequest, Decision, RequestDecision, RequestKind, RequestState, Step

__all__ = [
    "AnnualResult", "AnnualReview", "Channel", "ChannelRequest", "ChannelResponsible", "ChannelStage",
    "ChannelStatus", "Decision", "Duty", "FailGround", "LiveCheckKind", "Platform", "RequestDecision", "RequestKind",
    "RequestState", "SecurityMeasures", "Step", "Tier", "ZeroReport",
]
