"""Back up a running instance (writes going on), restore it elsewhere: the audit chain verifies and
every file's sha256 matches (issue 9 item 12). SQLite online backup API or pg_dump/pg_restore."""

import hashlib
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from netduty.core import audit
from netduty.core.models import AuditEvent

ROOT = Path(__file__).resolve().parents[3]


def _other_database(tmp_path) -> str:
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    name = f"{s['NAME']}_restored"
    with connection.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cur.execute(f'CREATE DATABASE "{name}"')
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"


def _netduty(*args, env):
    return subprocess.run([sys.executable, "-m", "netduty.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", **env})


@pytest.mark.django_db(transaction=True)
def test_backup_of_running_instance_restores_elsewhere(tmp_path, settings):
    media = tmp_path / "media"
    (media / "evidence" / "2026").mkdir(parents=True)
    originals = {}
    for i in range(20):
        path = media / "evidence" / "2026" / f"file-{i}.bin"
        path.write_bytes(os.urandom(1000 + i * 5000))
        originals[path.relative_to(media).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    settings.MEDIA_ROOT = str(media)

    stop = threading.Event()
    written = [0]

    def writer():
        try:
            while not stop.is_set():
                with transaction.atomic():
                    audit.record(actor=None, action="test.load", object_type="t", object_id=str(written[0]),
                                 after={"n": written[0], "文本": "并发写入"})
                written[0] += 1
        finally:
            connection.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while written[0] < 50:
            threading.Event().wait(0.05)
        at_start = written[0]
        call_command("backup", str(tmp_path / "backups"))
        at_end = written[0]
    finally:
        stop.set()
        thread.join(30)
    assert at_end > at_start, "writes were going on during the backup"
    (backup_dir,) = (tmp_path / "backups").iterdir()
    manifest = json.loads((backup_dir / "manifest.json").read_text())
    assert {rel: meta["sha256"] for rel, meta in manifest["media"].items()} == originals

    # the test settings put media in $NETDUTY_VAR_DIR/test-media
    env = {"DATABASE_URL": _other_database(tmp_path), "NETDUTY_VAR_DIR": str(tmp_path / "elsewhere")}
    restored = _netduty("restore", str(backup_dir), env=env)
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "审计链完整" in restored.stdout
    verified = _netduty("audit", "verify", env=env)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    checked = int(verified.stdout.split("已校验 ")[1].split(" ")[0])
    assert at_start <= checked <= AuditEvent.objects.count()
    for rel, digest in originals.items():
        assert hashlib.sha256((tmp_path / "elsewhere" / "test-media" / rel).read_bytes()).hexdigest() == digest
    again = _netduty("restore", str(backup_dir), env=env)
    assert again.returncode != 0 and "--force" in again.stderr


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_damaged_backup(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "a.txt").write_text("原件")
    call_command("backup", str(tmp_path / "b"))
    (backup_dir,) = (tmp_path / "b").iterdir()
    (backup_dir / "media" / "a.txt").write_text("被改")
    with pytest.raises(CommandError, match="校验和不符"):
        call_command("restore", str(backup_dir), "--force")
