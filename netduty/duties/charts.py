"""Server-rendered SVG bar charts (no JavaScript, nothing external): geometry computed here,
drawn by templates/duties/_bars.svg.html with CSS classes for the colours."""

from __future__ import annotations

from dataclasses import dataclass

from .board import Rate
from .status import Status

ORDER = [Status.DONE, Status.LATE_DONE, Status.IN_PROGRESS, Status.NOT_STARTED, Status.OVERDUE]
LABEL_W, BAR_W, ROW_H, BAR_H = 210, 420, 24, 16


@dataclass
class Segment:
    css: str
    x: float
    width: float
    title: str


@dataclass
class Bar:
    label: str
    y: int
    text_y: int
    percent: float
    segments: list[Segment]


@dataclass
class Chart:
    bars: list[Bar]
    width: int
    height: int
    label_w: int = LABEL_W
    bar_w: int = BAR_W
    bar_h: int = BAR_H


def bars(rates: list[Rate], limit: int = 60) -> Chart:
    out = []
    for i, rate in enumerate(rates[:limit]):
        x = float(LABEL_W)
        segments = []
        for status in ORDER:
            n = rate.by_status.get(status, 0)
            if not n or not rate.total:
                continue
            w = BAR_W * n / rate.total
            segments.append(Segment(f"st-{status.value}", round(x, 2), round(w, 2), f"{status.label} {n}"))
            x += w
        y = 4 + i * ROW_H
        out.append(Bar(rate.label[:14], y, y + BAR_H - 3, rate.percent, segments))
    return Chart(out, LABEL_W + BAR_W + 70, 8 + ROW_H * len(out))
