"""The 宣传部's board: every unit × every task for a period, coloured by status, with completion
rates per unit and per task. A scoped read: the asking user sees the units in their view scope.

Queries do not grow with the number of units: one aggregate over the periods (a row per unit and
task, statuses counted in SQL), one or two for the task columns, and one for the units of the
rows actually shown (`Board.rows` builds rows only for the slice a page asks for)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from django.db import connection
from django.db.models import Min, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from netduty.org import permissions
from netduty.org.models import Unit, UnitKind
from netduty.policy import selectors as policy
from netduty.policy.models import TaskItem

from .models import ObligationPeriod
from .slots import Slot
from .status import FINISHED, Status, aggregate_counts, status_counts

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
    href: str = ""  # the period's page, or the unit's year when the cell has several periods

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


_MARK = 987654321  # a stand-in id, replaced in reversed URLs
CellData = tuple[Status, int, int, int, "int | None"]  # Cell's fields; Cells are made for the rows shown


class Rows(Sequence[Row]):
    """The board's rows in unit path order, built on demand: slicing (a page) fetches the units
    of that slice in one query; iterating (the export) fetches them all in one query."""

    def __init__(self, unit_ids: list[int], cells: dict[tuple[int, str], CellData], columns: list[Column],
                 year: int):
        self._ids, self._cells, self._columns, self._year = unit_ids, cells, columns, year

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...

    def __getitem__(self, index: int | slice) -> Row | list[Row]:
        if isinstance(index, slice):
            return self._build(self._ids[index])
        return self._build([self._ids[index]])[0]

    def __iter__(self) -> Iterator[Row]:
        return iter(self._build(self._ids))

    def _build(self, ids: list[int]) -> list[Row]:
        units = Unit.objects.in_bulk(ids) if ids else {}
        # links by substitution into one reversed URL each (a reverse() per cell is most of a page)
        period_url = reverse("duties:period_detail", args=[_MARK])
        unit_url = reverse("duties:unit_detail", args=[_MARK]) + f"?year={self._year}"
        out = []
        for pk in ids:
            unit = units[pk]
            rate = Rate(unit.pk, str(unit))
            row_cells: dict[str, Cell | None] = {}
            for col in self._columns:
                data = self._cells.get((pk, col.code))
                if data is None:
                    row_cells[col.code] = None
                    continue
                cell = row_cells[col.code] = Cell(*data)
                cell.href = (period_url.replace(str(_MARK), str(cell.period_id)) if cell.period_id
                             else unit_url.replace(str(_MARK), str(pk)))
                rate.total += 1
                rate.by_status[cell.status] = rate.by_status.get(cell.status, 0) + 1
            out.append(Row(unit, row_cells, rate))
        return out


@dataclass
class Board:
    slot: Slot
    today: dt.date
    columns: list[Column]
    rows: Rows
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
    # One row per (unit, task): its periods counted by status in SQL, read as plain tuples (no
    # per-period Python, no ORM converters); the task's min_count and the unit's path come from
    # small separate reads instead of a join per period.
    groups = (qs.order_by().values("unit_id", "task_code")
              .annotate(first_id=Min("id"), count_sum=Sum("count"), required_sum=Sum("required"),
                        task_id=Min("obligation__task_id"),
                        **status_counts(today, slot.start, slot.end + dt.timedelta(days=366))))
    names = [*groups.query.values_select, *groups.query.annotation_select]
    (i_unit, i_code, i_first, i_count, i_required, i_task, i_n, i_completed, i_on_time, i_overdue,
     i_active) = (names.index(n) for n in ("unit_id", "task_code", "first_id", "count_sum", "required_sum",
                                           "task_id", "n_periods", "n_completed", "n_on_time", "n_overdue",
                                           "n_active"))
    sql, params = groups.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    min_counts = dict(TaskItem.objects.filter(pk__in={r[i_task] for r in rows}).values_list("pk", "min_count"))
    year_view = slot.kind == "year"
    cells: dict[tuple[int, str], CellData] = {}
    for r in rows:
        n = r[i_n]
        cell_status = aggregate_counts(n, r[i_on_time], r[i_completed], r[i_overdue], r[i_active])
        required = r[i_required] or 0
        min_count = min_counts.get(r[i_task])
        target = (min_count if (min_count and year_view and required) else required)
        cells[(r[i_unit], r[i_code])] = (cell_status, n, r[i_count] or 0, target, r[i_first] if n == 1 else None)
    if status:
        wanted_units = {u for (u, _), c in cells.items() if c[0].value == status}
        cells = {k: c for k, c in cells.items() if k[0] in wanted_units}
    paths = dict(permissions.units_for(user).values_list("pk", "path")) if cells else {}
    unit_ids = sorted({u for u, _ in cells}, key=lambda u: paths[u])
    columns = _columns(slot, {c for _, c in cells})
    task_rates = {c.code: Rate(c.code, c.label) for c in columns}
    totals: dict[Status, int] = defaultdict(int)
    for (code, cell_status), number in Counter((code, c[0]) for (_, code), c in cells.items()).items():
        rate = task_rates[code]
        rate.total += number
        rate.by_status[cell_status] = rate.by_status.get(cell_status, 0) + number
        totals[cell_status] += number
    return Board(slot, today, columns, Rows(unit_ids, cells, columns, slot.start.year), list(task_rates.values()),
                 dict(totals))


UNIT_KIND_CHOICES = [(k, v) for k, v in UnitKind.choices]
