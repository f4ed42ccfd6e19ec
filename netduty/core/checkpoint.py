"""Anchors for the head of the audit chain (issue 9 item 11).

The hash chain proves every event since the first is unchanged, but not that the *last* events are
still there: deleting the tail leaves a shorter chain that still verifies. A checkpoint records the
head — event count, last id, its hash, the time — outside the database: one JSON line appended to
`NETDUTY_AUDIT_CHECKPOINT_FILE` (default var/audit-checkpoints.jsonl, fsynced) and the same line in
the log (logger `netduty.audit.checkpoint`, ship it off the host). With
`NETDUTY_AUDIT_CHECKPOINT_KEY` set (from the environment, never the database) each line carries an
HMAC-SHA256, so someone who can write the database and the var dir still cannot forge one.

`netduty audit verify` walks the chain and then compares it with the latest checkpoint: the event
it names must exist with the same hash, and exactly `count` events must lie at or before it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from .models import AuditEvent

logger = logging.getLogger("netduty.audit.checkpoint")
_SIGNED = ("at", "count", "id", "hash")


def path() -> Path:
    return Path(settings.NETDUTY_AUDIT_CHECKPOINT_FILE)


def _key() -> bytes:
    return str(getattr(settings, "NETDUTY_AUDIT_CHECKPOINT_KEY", "") or "").encode()


def _sign(entry: dict[str, Any]) -> str:
    body = json.dumps({k: entry[k] for k in _SIGNED}, sort_keys=True, separators=(",", ":"))
    return hmac.new(_key(), body.encode(), hashlib.sha256).hexdigest()


def head() -> dict[str, Any]:
    last = AuditEvent.objects.order_by("-id").values("id", "hash").first()
    if last is None:
        return {"count": 0, "id": 0, "hash": ""}
    return {"count": AuditEvent.objects.filter(id__lte=last["id"]).count(), "id": last["id"], "hash": last["hash"]}


def latest() -> dict[str, Any] | None:
    """The last well-formed line of the checkpoint file, or None."""
    try:
        with path().open("rb") as fh:
            fh.seek(0, os.SEEK_END)
            fh.seek(max(0, fh.tell() - 64 * 1024))
            lines = fh.read().decode("utf-8", "replace").splitlines()
    except FileNotFoundError:
        return None
    for line in reversed(lines):
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and all(k in entry for k in _SIGNED):
            return entry
    return None


def write() -> dict[str, Any] | None:
    """Append a checkpoint of the current head; None when the head has not moved since the last."""
    current = head()
    previous = latest()
    if previous is not None and previous["id"] == current["id"] and previous["hash"] == current["hash"]:
        return None
    entry = {"at": timezone.now().isoformat(timespec="seconds"), **current}
    if _key():
        entry["hmac"] = _sign(entry)
    line = json.dumps(entry, sort_keys=True, separators=(",", ":"))
    target = path()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(fd, (line + "\n").encode())
        os.fsync(fd)
    finally:
        os.close(fd)
    logger.info("audit checkpoint %s", line)
    return entry


@dataclass
class CheckResult:
    ok: bool
    message: str


def check() -> CheckResult:
    """Compare the database with the latest checkpoint."""
    entry = latest()
    if entry is None:
        return CheckResult(True, f"尚无检查点（{path()}），无法判断尾部是否被截断；请定期运行 audit checkpoint。")
    if _key():
        if not hmac.compare_digest(str(entry.get("hmac", "")), _sign(entry)):
            return CheckResult(False, f"检查点签名无效：{path()} 的最后一行不是用本机密钥签发的（检查点被伪造或改动）。")
    if entry["id"] == 0:
        return CheckResult(True, "检查点记录的是空审计链。")
    row = AuditEvent.objects.filter(id=entry["id"]).values("hash").first()
    if row is None:
        gone = entry["count"] - AuditEvent.objects.filter(id__lte=entry["id"]).count()
        return CheckResult(False, f"审计链尾部被截断：{entry['at']} 的检查点记录了事件 #{entry['id']}"
                                  f"（共 {entry['count']} 个），该事件已不存在，至少缺少 {gone} 个事件。")
    if row["hash"] != entry["hash"]:
        return CheckResult(False, f"审计链被重写：事件 #{entry['id']} 的哈希与 {entry['at']} 的检查点不符。")
    count = AuditEvent.objects.filter(id__lte=entry["id"]).count()
    if count != entry["count"]:
        return CheckResult(False, f"审计链事件数与检查点不符：检查点 {entry['at']} 时共 {entry['count']} 个，"
                                  f"现在同一位置之前有 {count} 个。")
    return CheckResult(True, f"与 {entry['at']} 的检查点一致（事件 #{entry['id']}，共 {entry['count']} 个）。")
