"""The 宣传部's board: every unit × every task for a period, coloured by status, with completion
rates per unit and per task. A scoped read: the asking user sees the units in their view scope.

Queries do not grow with the number of units: one for the periods, one for the units, one or two
for the task columns."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from netduty.org import permissions
from netduty.org.models import Unit, UnitKind
from netduty.policy import selectors as policy
from netduty.policy.models import TaskItem

from .models import ObligationPeriod
from .slots import Slot
from .status import FINISHED, Status, aggregate, period_status

# One-character cell marks (translated: the board is read in the UI language)
SHORT = {Status.NOT_STARTED: pgettext_lazy("board cell", "未"), Status.IN_PROGRESS: pgettext_lazy("board cell", "进"),
         Status.DONE: "✓", Status.OVERDUE: pgettext_lazy("board cell", "逾"),
         Status.LATE_DONE: pgettext_lazy("board cell", "迟")}


@dataclass
class Cell:
    status: Status
    periods: int
    count: int = 0
    target: int = 0  # qualifying records needed (counted tasks), else 0
    period_id: int | None = None  # when the cell is a single period

    @property
    def css(self) -> str:
        return f"st-{self.status.value}"

    @property
    def short(self) -> str:
        return self.progress or str(SHORT[self.status])

    @property
    def progress(self) -> str:
        return f"{self.count}/{self.target}" if self.target else ""


@dataclass
class Rate:
    key: Any
    label: str
    total: int = 0
    by_status: dict[Status, int] = field(default_factory=dict)

    @property
    def finished(self) -> int:
        return sum(self.by_status.get(s, 0) for s in FINISHED)

    @property
    def counts(self) -> list[int]:
        """Numbers by status, in the order of `Status` (for templates)."""
        return [self.by_status.get(s, 0) for s in Status]

    @property
    def percent(self) -> float:
        return round(100 * self.finished / self.total, 1) if self.total else 0.0


@dataclass
class Column:
    code: str
    item: str
    content: str
    cadence: str
    min_count: int | None

    @property
    def label(self) -> str:
        """项目名称 + the start of 工作内容 (several tasks share an item, e.g. 领导责任)."""
        return f"{self.item}·{self.content[:6]}"


@dataclass
class Row:
    unit: Unit
    cells: dict[str, Cell | None]
    rate: Rate


@dataclass
class Board:
    slot: Slot
    today: dt.date
    columns: list[Column]
    rows: list[Row]
    task_rates: list[Rate]
    totals: dict[Status, int]

    @property
    def total(self) -> int:
        return sum(self.totals.values())

    @property
    def finished(self) -> int:
        return sum(self.totals.get(s, 0) for s in FINISHED)

    @property
    def percent(self) -> float:
        return round(100 * self.finished / self.total, 1) if self.total else 0.0

    @property
    def counts(self) -> list[int]:
        return [self.totals.get(s, 0) for s in Status]


def _columns(slot: Slot, codes: set[str]) -> list[Column]:
    cols: list[Column] = []
    seen: set[str] = set()
    for task in policy.tasks(slot.start):
        if task.code in codes and task.code not in seen:
            seen.add(task.code)
            cols.append(Column(task.code, task.item, task.content, task.cadence, task.min_count))
    rest = codes - seen
    if rest:  # tasks of another pack version within the slot
        for task in TaskItem.objects.filter(code__in=rest).order_by("code", "-pack__version", "order"):
            if task.code not in seen:
                seen.add(task.code)
                cols.append(Column(task.code, task.item, task.content, task.cadence, task.min_count))
    return cols


def build(user: Any, slot: Slot, *, unit_kind: str = "", task: str = "", status: str = "", q: str = "",
          today: dt.date | None = None) -> Board:
    today = today or timezone.localdate()
    qs = permissions.restrict(
        ObligationPeriod.objects.filter(obligation__year=slot.start.year, start__lte=slot.end, end__gte=slot.start),
        user)
    if unit_kind:
        qs = qs.filter(unit__kind=unit_kind)
    if q:
        qs = qs.filter(Q(unit__name__contains=q) | Q(unit__short_name__contains=q))
    if task:
        qs = qs.filter(task_code=task)
    rows = list(qs.values_list("id", "unit_id", "task_code", "due", "completed_at", "activity_at", "count",
                               "required", "obligation__task__min_count", "obligation__task__cadence"))
    grouped: dict[tuple[int, str], list[tuple]] = defaultdict(list)
    for row in rows:
        grouped[(row[1], row[2])].append(row)
    cells: dict[tuple[int, str], Cell] = {}
    for key, items in grouped.items():
        statuses = [period_status(due=r[3], completed_at=r[4], active=r[5] is not None, today=today) for r in items]
        cell_status = aggregate(statuses)
        assert cell_status is not None
        count = sum(r[6] for r in items)
        required = sum(r[7] for r in items)
        min_count = items[0][8]
        target = (min_count if (min_count and slot.kind == "year" and required) else required)
        cells[key] = Cell(cell_status, len(items), count, target, items[0][0] if len(items) == 1 else None)
    if status:
        wanted_units = {u for (u, _), c in cells.items() if c.status.value == status}
        cells = {k: c for k, c in cells.items() if k[0] in wanted_units}
    unit_ids = {u for u, _ in cells}
    units = list(Unit.objects.filter(pk__in=unit_ids).order_by("path")) if unit_ids else []
    columns = _columns(slot, {c for _, c in cells})
    task_rates = {c.code: Rate(c.code, c.label) for c in columns}
    totals: dict[Status, int] = defaultdict(int)
    out_rows = []
    for unit in units:
        rate = Rate(unit.pk, str(unit))
        row_cells: dict[str, Cell | None] = {}
        for col in columns:
            cell = cells.get((unit.pk, col.code))
            row_cells[col.code] = cell
            if cell is None:
                continue
            for r in (rate, task_rates[col.code]):
                r.total += 1
                r.by_status[cell.status] = r.by_status.get(cell.status, 0) + 1
            totals[cell.status] += 1
        out_rows.append(Row(unit, row_cells, rate))
    return Board(slot, today, columns, out_rows, list(task_rates.values()), dict(totals))


UNIT_KIND_CHOICES = [(k, v) for k, v in UnitKind.choices]
