"""Generating obligations and periods from the policy pack: idempotent, any year, in bulk."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from django.db.models import DateField, DateTimeField, Model, Q
from django.utils import timezone

from netduty.core import audit
from netduty.org.models import Unit
from netduty.policy import selectors as policy
from netduty.policy.models import PolicyPack, TaskItem

from .. import slots
from ..models import Obligation, ObligationPeriod, PeriodKind
from .common import check, check_any, required_for
from .records import refresh_year

PERIODIC = ("long_term", "year", "half_year", "quarter")
KIND_OF_SLOT = {"year": PeriodKind.YEAR, "half": PeriodKind.HALF, "quarter": PeriodKind.QUARTER}


def _insert_ignore(model: type[Model], rows: list[dict[str, Any]], batch: int = 5000) -> None:
    """INSERT … ON CONFLICT DO NOTHING in bulk (PostgreSQL: unnest of column arrays; SQLite: executemany): the ORM's bulk_create spends most of its time
    preparing values one field at a time; here date/datetime values are converted once each."""
    if not rows:
        return
    names = list(rows[0])
    fields: list[Any] = [model._meta.get_field(n) for n in names]
    converters: list[Any] = []
    for f in fields:
        if isinstance(f, DateTimeField | DateField):
            cache: dict[Any, Any] = {}

            def conv(value: Any, f: Any = f, cache: dict = cache) -> Any:
                if value not in cache:
                    cache[value] = f.get_db_prep_save(value, connection)
                return cache[value]

            converters.append(conv)
        else:
            converters.append(None)
    qn = connection.ops.quote_name
    table, columns = qn(model._meta.db_table), ", ".join(qn(f.column) for f in fields)
    values = [[c(r[n]) if c else r[n] for n, c in zip(names, converters, strict=True)] for r in rows]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # one statement per batch, one array parameter per column
            arrays = ", ".join(f"%s::{f.db_type(connection)}[]" for f in fields)
            sql = f"INSERT INTO {table} ({columns}) SELECT * FROM unnest({arrays}) ON CONFLICT DO NOTHING"
            for i in range(0, len(values), batch):
                chunk = values[i:i + batch]
                cursor.execute(sql, [[row[j] for row in chunk] for j in range(len(fields))])
        else:
            sql = (f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))}) "
                   "ON CONFLICT DO NOTHING")
            for i in range(0, len(values), batch):
                cursor.executemany(sql, values[i:i + batch])


@dataclass
class GenerateResult:
    year: int
    units: int = 0
    obligations_created: int = 0
    periods_created: int = 0
    periods_rebased: int = 0
    packs: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _grace(pack: PolicyPack) -> int:
    try:
        return int(policy.setting("duties.due_grace_days", 0, pack=pack) or 0)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


class _PackInfo:
    """A pack version's tasks, grouped by the unit kinds that carry them (2 queries)."""

    def __init__(self, pack: PolicyPack):
        self.pack = pack
        self.grace = _grace(pack)
        level_kinds = {item.code: set(item.data.get("unit_kinds", [])) for item in policy.items("level", pack=pack)}
        self.tasks = list(policy.tasks(pack=pack))
        self.by_kind: dict[str, list[TaskItem]] = {}
        for task in self.tasks:
            for kind in level_kinds.get(task.level, ()):
                self.by_kind.setdefault(kind, []).append(task)


@transaction.atomic
def generate_year(*, actor: Any, year: int, today: dt.date | None = None) -> GenerateResult:
    """Create every unit's obligations and periods of `year` that do not exist yet.

    Each period follows the pack version in force on its first day. Existing periods are kept;
    a future period nobody has touched is moved to a newer version that now covers its slot."""
    check(actor, "duties.accept", None)
    today = today or timezone.localdate()
    result = GenerateResult(year=year)
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    all_slots = slots.board_slots(year)
    code = policy.active_pack(last)
    packs: dict[dt.date, _PackInfo] = {}
    infos: dict[int, _PackInfo] = {}
    for start in sorted({s.start for s in all_slots}):
        pack = policy.active_pack(start, code.code if code else None)
        if pack is not None:
            packs[start] = infos.setdefault(pack.pk, _PackInfo(pack))
    if not packs:
        return result
    result.packs = [f"{i.pack.code} v{i.pack.version}" for i in infos.values()]
    units = list(
        Unit.objects.filter(active_from__lte=last).filter(Q(active_to__isnull=True) | Q(active_to__gte=first))
        .values_list("id", "kind", "active_from", "active_to")
    )
    result.units = len(units)

    # desired obligations and periods
    wanted_obl: set[tuple[int, int]] = set()
    wanted_periods: dict[tuple[int, str, str], tuple[TaskItem, slots.Slot, int]] = {}
    for unit_id, kind, active_from, active_to in units:
        jan = packs.get(first)
        if jan:
            for task in jan.by_kind.get(kind, ()):
                if task.cadence == "on_event":
                    wanted_obl.add((unit_id, task.pk))
        for slot in all_slots:
            info = packs.get(slot.start)
            if info is None or slot.end < active_from or (active_to and slot.start > active_to):
                continue
            for task in info.by_kind.get(kind, ()):
                if task.cadence not in PERIODIC:
                    continue
                if slot.kind != ("year" if task.cadence in ("long_term", "year") else
                                 "half" if task.cadence == "half_year" else "quarter"):
                    continue
                wanted_obl.add((unit_id, task.pk))
                wanted_periods[(unit_id, task.code, slot.key)] = (task, slot, info.grace)

    existing_obl = {(u, t): pk for pk, u, t in Obligation.objects.filter(year=year).values_list("id", "unit_id", "task_id")}
    tasks_by_id = {t.pk: t for info in infos.values() for t in info.tasks}
    now = timezone.now()
    missing = [{"unit": u, "task": t, "task_code": tasks_by_id[t].code, "year": year, "created_at": now}
               for (u, t) in sorted(wanted_obl - existing_obl.keys())]
    if missing:
        _insert_ignore(Obligation, missing)
        result.obligations_created = len(missing)
        existing_obl = {(u, t): pk for pk, u, t in
                        Obligation.objects.filter(year=year).values_list("id", "unit_id", "task_id")}

    existing = {
        (u, c, k): (pk, pack_id, start, touched)
        for pk, u, c, k, pack_id, start, touched in ObligationPeriod.objects.filter(obligation__year=year)
        .exclude(kind=PeriodKind.EVENT)
        .values_list("id", "unit_id", "task_code", "key", "obligation__task__pack_id", "start", "activity_at")
    }
    new, rebase = [], []
    for (unit_id, code_, key), (task, slot, grace) in wanted_periods.items():
        fields = {
            "obligation_id": existing_obl[(unit_id, task.pk)], "due": slot.end + dt.timedelta(days=grace),
            "self_check": task.cadence == "long_term", "required": required_for(task),
        }
        found = existing.get((unit_id, code_, key))
        if found is None:
            new.append({"obligation": fields["obligation_id"], "unit": unit_id, "task_code": code_, "key": key,
                        "kind": KIND_OF_SLOT[slot.kind].value, "label": slot.label, "start": slot.start,
                        "end": slot.end, "due": fields["due"], "self_check": fields["self_check"],
                        "required": fields["required"], "count": 0, "review_state": "", "statement": "",
                        "event_ref": "", "event_title": "", "created_at": now})
        elif found[1] != task.pack_id and found[2] > today and found[3] is None:
            rebase.append(ObligationPeriod(pk=found[0], **fields))
    if new:
        _insert_ignore(ObligationPeriod, new)
        result.periods_created = len(new)
    if rebase:
        ObligationPeriod.objects.bulk_update(rebase, ["obligation_id", "due", "self_check", "required"],
                                             batch_size=1000)
        result.periods_rebased = len(rebase)
    if new or rebase:
        refresh_year(year)
        audit.record(actor=actor, action="duties.generate", object_type="duties.year", object_id=str(year),
                     object_repr=f"{year}年度重点任务", after=result.as_dict())
    return result


@transaction.atomic
def period_open_for_event(*, actor: Any, unit: Unit, task_code: str, event_ref: str, title: str,
                          opened_on: dt.date | None = None, due: dt.date | None = None
                          ) -> tuple[ObligationPeriod, bool]:
    """Open the 适时上报 period that an event (e.g. a major opinion incident) triggers for `unit`.
    Idempotent per (unit, task, event_ref). Returns (period, created)."""
    check_any(actor, unit, ["duties.record", "opinion.report"])
    opened_on = opened_on or timezone.localdate()
    pack = policy.require_active_pack(opened_on)
    task = TaskItem.objects.filter(pack=pack, code=task_code).first()
    if task is None:
        raise ValueError(f"现行制度包没有任务“{task_code}”")
    if unit.kind not in policy.level_unit_kinds(task.level, pack=pack):
        raise ValueError(f"{unit} 不承担任务“{task.item}”")
    if due is None:
        days = policy.setting("duties.event_due_days", 1, pack=pack)
        due = opened_on + dt.timedelta(days=int(days))  # type: ignore[call-overload]
    obligation, _ = Obligation.objects.get_or_create(unit=unit, task=task, year=opened_on.year,
                                                     defaults={"task_code": task.code})
    key = f"{opened_on.year}-E-{event_ref}"[:64]
    period, created = ObligationPeriod.objects.get_or_create(
        unit=unit, task_code=task.code, key=key,
        defaults={"obligation": obligation, "kind": PeriodKind.EVENT, "label": f"{title}（{opened_on:%Y年%-m月%-d日}）"[:100],
                  "start": opened_on, "end": max(due, opened_on), "due": due, "required": required_for(task, "on_event"),
                  "event_ref": event_ref, "event_title": title[:200]},
    )
    if created:
        audit.record(actor=actor, action="duties.period.open_event", obj=period, unit_id=unit.pk,
                     after={"task": task.code, "event_ref": event_ref, "title": title, "due": due})
    return period, created
