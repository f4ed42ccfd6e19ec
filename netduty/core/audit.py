"""Append-only, hash-chained audit events.

`record()` must be called by a service inside its `transaction.atomic()` block, so the event
commits or rolls back with the change it describes. Appends are serialised: on PostgreSQL by a
transaction-scoped advisory lock, which every write transaction takes before its first row lock
(see writelock.py — one lock order, no deadlock); on SQLite by its single writer (IMMEDIATE
transactions).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone

from .models import AuditEvent
from .request_context import current_request_meta
from .writelock import LOCK_SQL, PG_LOCK_KEY

GENESIS = "0" * 64

HASHED_FIELDS = (
    "created_at", "actor_id", "actor_label", "action", "object_type", "object_id",
    "object_repr", "unit_id", "before", "after", "request_id", "ip",
)


def _jsonable(value: Any) -> Any:
    """Round-trip through JSON so what we hash is exactly what the database returns."""
    if value is None:
        return None
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False, sort_keys=True))


def _canonical(fields: dict[str, Any]) -> str:
    data = dict(fields)
    created = data["created_at"]
    if isinstance(created, dt.datetime):
        data["created_at"] = created.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def compute_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    return hashlib.sha256((prev_hash + _canonical(fields)).encode("utf-8")).hexdigest()


def _actor_fields(actor: Any) -> tuple[int | None, str]:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return None, "系统" if actor is None else "匿名"
    label = actor.get_full_name() if hasattr(actor, "get_full_name") else ""
    return actor.pk, (label or actor.get_username())[:150]


def record(
    *,
    actor: Any,
    action: str,
    obj: Model | None = None,
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
    unit_id: int | None = None,
    before: dict | None = None,
    after: dict | None = None,
) -> AuditEvent:
    """Append one event. Call inside the service's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.record must run inside transaction.atomic()")
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
        object_repr = object_repr or str(obj)[:300]
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute(LOCK_SQL, [PG_LOCK_KEY])
    last = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first()
    prev = last or GENESIS
    actor_id, actor_label = _actor_fields(actor)
    meta = current_request_meta()
    now = timezone.now()
    fields = {
        "created_at": now,
        "actor_id": actor_id,
        "actor_label": actor_label,
        "action": action,
        "object_type": object_type,
        "object_id": str(object_id),
        "object_repr": object_repr[:300],
        "unit_id": unit_id,
        "before": _jsonable(before),
        "after": _jsonable(after),
        "request_id": meta.get("request_id", ""),
        "ip": meta.get("ip", ""),
    }
    event = AuditEvent(prev_hash=prev, hash=compute_hash(prev, fields), **fields)
    event.save(force_insert=True)
    return event


def actions() -> list[str]:
    """The distinct action names recorded so far, sorted (the audit list's filter). One query that
    probes the action index once per name — a loose index scan — instead of reading every event,
    so its cost follows the number of names, not the ever-growing number of events."""
    qn = connection.ops.quote_name
    table, col = qn(AuditEvent._meta.db_table), qn("action")
    sql = (f"WITH RECURSIVE names(name) AS ("
           f"SELECT MIN({col}) FROM {table} UNION ALL "
           f"SELECT (SELECT MIN({col}) FROM {table} WHERE {col} > names.name) FROM names WHERE names.name IS NOT NULL) "
           f"SELECT name FROM names WHERE name IS NOT NULL ORDER BY name")
    with connection.cursor() as cur:
        cur.execute(sql)
        return [row[0] for row in cur.fetchall()]


@dataclass
class VerifyResult:
    ok: bool
    checked: int
    broken_id: int | None = None
    reason: str = ""


def verify(batch: int = 2000) -> VerifyResult:
    """Walk the chain in id order and recompute every hash."""
    prev = GENESIS
    checked = 0
    last_id = 0
    while True:
        rows = list(
            AuditEvent.objects.filter(id__gt=last_id).order_by("id").values("id", "prev_hash", "hash", *HASHED_FIELDS)[:batch]
        )
        if not rows:
            return VerifyResult(ok=True, checked=checked)
        for row in rows:
            fields = {name: row[name] for name in HASHED_FIELDS}
            if row["prev_hash"] != prev:
                return VerifyResult(False, checked, row["id"], "链接断裂：前一事件的哈希不符（事件被删除或插入）")
            if compute_hash(prev, fields) != row["hash"]:
                return VerifyResult(False, checked, row["id"], "内容被篡改：重新计算的哈希与记录不符")
            prev = row["hash"]
            checked += 1
            last_id = row["id"]


def snapshot(obj: Model, fields: list[str]) -> dict[str, Any]:
    """A JSON-able dict of the named fields (foreign keys as ids) for before/after."""
    out: dict[str, Any] = {}
    for name in fields:
        field = obj._meta.get_field(name)
        out[name] = getattr(obj, getattr(field, "attname", name))
    return _jsonable(out)
