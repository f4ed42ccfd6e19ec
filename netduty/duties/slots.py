"""Which periods a cadence has in a year. Pure functions, no database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

HALF_NAMES = {1: "上半年", 2: "下半年"}
QUARTER_NAMES = {1: "第一季度", 2: "第二季度", 3: "第三季度", 4: "第四季度"}


@dataclass(frozen=True)
class Slot:
    key: str  # "2026", "2026-H1", "2026-Q3"
    kind: str  # year | half | quarter | event
    label: str
    start: dt.date
    end: dt.date

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        return self.start <= end and start <= self.end

    @property
    def display(self) -> str:
        """The label in the active language (`label` is the Chinese one stored on periods)."""
        return display_label(self.key, self.label)


def _month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def year_slot(year: int) -> Slot:
    return Slot(str(year), "year", f"{year}年度", dt.date(year, 1, 1), dt.date(year, 12, 31))


def half_slot(year: int, half: int) -> Slot:
    first = 1 + 6 * (half - 1)
    return Slot(f"{year}-H{half}", "half", f"{year}年{HALF_NAMES[half]}", dt.date(year, first, 1),
                _month_end(year, first + 5))


def quarter_slot(year: int, quarter: int) -> Slot:
    first = 1 + 3 * (quarter - 1)
    return Slot(f"{year}-Q{quarter}", "quarter", f"{year}年{QUARTER_NAMES[quarter]}", dt.date(year, first, 1),
                _month_end(year, first + 2))


def slots_for(cadence: str, year: int) -> list[Slot]:
    """The periods a task of `cadence` has in `year`. 适时上报 (on_event) has none: events open them."""
    if cadence in ("long_term", "year"):
        return [year_slot(year)]
    if cadence == "half_year":
        return [half_slot(year, 1), half_slot(year, 2)]
    if cadence == "quarter":
        return [quarter_slot(year, q) for q in range(1, 5)]
    return []


def periods_per_year(cadence: str) -> int:
    return {"half_year": 2, "quarter": 4}.get(cadence, 1)


def parse_slot(text: str) -> Slot:
    """"2026" / "2026-H2" / "2026-Q3" → Slot. Raises ValueError."""
    text = text.strip().upper()
    if text.isdigit() and len(text) == 4:
        return year_slot(int(text))
    year_text, _, part = text.partition("-")
    if not (year_text.isdigit() and len(year_text) == 4 and len(part) == 2):
        raise ValueError(text)
    year, n = int(year_text), part[1]
    if part[0] == "H" and n in "12":
        return half_slot(year, int(n))
    if part[0] == "Q" and n in "1234":
        return quarter_slot(year, int(n))
    raise ValueError(text)


def display_label(key: str, label: str) -> str:
    """A period's stored (Chinese) `label` in the active language; event periods keep theirs."""
    if (get_language() or "").startswith("zh"):
        return label
    try:
        slot = parse_slot(key)
    except ValueError:
        return label
    year = slot.start.year
    if slot.kind == "half":
        return _("%(year)s年上半年") % {"year": year} if slot.start.month == 1 else _("%(year)s年下半年") % {"year": year}
    if slot.kind == "quarter":
        return _("%(year)s年第%(n)s季度") % {"year": year, "n": (slot.start.month - 1) // 3 + 1}
    return _("%(year)s年度") % {"year": year}


def board_slots(year: int) -> list[Slot]:
    return [year_slot(year), half_slot(year, 1), half_slot(year, 2)] + [quarter_slot(year, q) for q in range(1, 5)]


def current_slot_key(day: dt.date, kind: str = "year") -> str:
    if kind == "half":
        return f"{day.year}-H{1 if day.month <= 6 else 2}"
    if kind == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return str(day.year)
