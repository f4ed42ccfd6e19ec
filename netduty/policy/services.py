"""Every write to policy packs: loading a version (with its audit event)."""

from __future__ import annotations

import hashlib
from importlib import resources
from typing import Any

from django.db import transaction

from netduty.core import audit

from . import loader
from .loader import PackError, ParsedPack
from .models import PolicyItem, PolicyPack, Role, TaskItem

DEFAULT_PACK = "shaoyang-2018.yaml"
ITEM_ORDER = ("level", "guiding", "key_task", "situation", "method", "team_type", "requirement",
              "review_check", "principle")


def default_pack_text(name: str = DEFAULT_PACK) -> str:
    return resources.files("netduty.policy").joinpath("packs", name).read_text(encoding="utf-8")


def _check_permission(actor: Any) -> None:
    if actor is None:  # the system itself (make run, migrations, the CLI)
        return
    from netduty.org import permissions

    permissions.require(actor, "policy.manage", None)


def _summary(parsed: ParsedPack) -> dict[str, Any]:
    counts = {"roles": len(parsed.roles), "tasks": len(parsed.tasks)}
    for kind in ITEM_ORDER:
        counts[kind] = parsed.count(kind)
    return counts


def _refuse(filename: str, parsed: ParsedPack, message: str) -> PackError:
    return PackError.single(filename, parsed.lines.get("pack.version", 1), message)


@transaction.atomic
def pack_load(*, actor: Any, text: str, filename: str = "<pack>") -> PolicyPack:
    """Load one pack version. Byte-identical reload → the existing row, no change, no event.

    The same code+version with different content is refused; a new version must be higher than
    every loaded version of that code and may not take effect earlier than the latest one. Rows of
    older versions are never touched, so whatever references them keeps its meaning."""
    _check_permission(actor)
    parsed = loader.parse(text, filename)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    versions = PolicyPack.objects.select_for_update().filter(code=parsed.code)
    existing = versions.filter(version=parsed.version).first()
    if existing is not None:
        if existing.source_sha256 == sha:
            existing.created_now = False  # type: ignore[attr-defined]
            return existing
        raise _refuse(filename, parsed, f"制度包 {parsed.code} 第 {parsed.version} 版已于 "
                      f"{existing.loaded_at:%Y-%m-%d} 载入，内容与本文件不同；已载入的版本不能修改，"
                      f"请把 version 改为新的版本号后再载入")
    latest = versions.order_by("-version").first()
    if latest is not None:
        if parsed.version < latest.version:
            raise _refuse(filename, parsed, f"版本号 {parsed.version} 小于已载入的最新版本 {latest.version}；"
                          f"新版本号必须大于 {latest.version}")
        if parsed.effective_from < latest.effective_from:
            raise _refuse(filename, parsed, f"生效日期 {parsed.effective_from} 早于上一版本（第 {latest.version} 版）"
                          f"的生效日期 {latest.effective_from}")
    pack = PolicyPack.objects.create(
        code=parsed.code, version=parsed.version, name=parsed.name, document=parsed.document,
        institution=parsed.institution, effective_from=parsed.effective_from, source_sha256=sha,
        raw=text, data=parsed.data,
        loaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    Role.objects.bulk_create(
        Role(pack=pack, order=i, **{k: v for k, v in role.items() if k != "line"})
        for i, role in enumerate(parsed.roles, start=1)
    )
    level_names = {item["code"]: item["title"] for item in parsed.items if item["kind"] == "level"}
    TaskItem.objects.bulk_create(
        TaskItem(pack=pack, order=i, level_name=level_names.get(task["level"], task["level"]),
                 **{k: v for k, v in task.items() if k != "line"})
        for i, task in enumerate(parsed.tasks, start=1)
    )
    PolicyItem.objects.bulk_create(
        PolicyItem(pack=pack, order=i, **{k: v for k, v in item.items() if k != "line"})
        for i, item in enumerate(parsed.items, start=1)
    )
    previous = latest.version if latest is not None else None
    audit.record(
        actor=actor, action="policy.pack.load", obj=pack,
        before={"version": previous} if previous is not None else None,
        after={"code": pack.code, "version": pack.version, "effective_from": pack.effective_from,
               "sha256": sha, "filename": filename, "counts": _summary(parsed)},
    )
    pack.created_now = True  # type: ignore[attr-defined]
    return pack


def load_default_pack(actor: Any = None) -> PolicyPack:
    """Load the bundled default pack (idempotent: a second call returns the same row)."""
    return pack_load(actor=actor, text=default_pack_text(), filename=f"netduty/policy/packs/{DEFAULT_PACK}")

