"""Tasks survive a killed worker and a locked database (issue 9 item 4), with a real
`netduty db_worker` subprocess (SIGKILL) against the test database."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from netduty.core import worker

from .worker_tasks import slow_once

ROOT = Path(__file__).resolve().parents[3]
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def _database_url() -> str:
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def _worker(*args: str, **env: str) -> subprocess.Popen:
    full_env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "DATABASE_URL": _database_url(),
                "TEST_TASKS_BACKEND": "django_tasks_db.DatabaseBackend", **env}
    return subprocess.Popen([sys.executable, "-m", "netduty.cli", "db_worker", "--queue-name", "*", "--interval",
                             "0.2", "--no-startup-delay", "--no-reload", *args], cwd=ROOT, env=full_env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _wait_for(predicate, timeout=30.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def db_tasks(settings):
    settings.TASKS = DB_TASKS  # django.tasks rebuilds its backends on setting_changed


@pytest.mark.django_db(transaction=True)
def test_task_of_killed_worker_is_recovered(db_tasks, tmp_path):
    result = slow_once.using(backend="default").enqueue(str(tmp_path), 60)
    assert DBTaskResult.objects.filter(pk=result.id, status=TaskResultStatus.READY).exists()
    first = _worker()
    try:
        assert _wait_for(lambda: (tmp_path / "started-1").exists()), first.stdout
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.RUNNING  # what the killed worker left behind
    second = _worker("--batch")
    out, _ = second.communicate(timeout=60)
    assert second.returncode == 0, out
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL, out
    assert row.return_value == "run 2" and len(row.worker_ids) == 2
    assert (tmp_path / "done-2").exists() and not (tmp_path / "done-1").exists()


@pytest.mark.django_db(transaction=True)
def test_task_lost_too_often_is_failed(db_tasks, tmp_path, settings):
    settings.NETDUTY_TASK_MAX_ATTEMPTS = 2
    result = slow_once.using(backend="default").enqueue(str(tmp_path), 60)
    dead = subprocess.Popen(["true"])
    dead.wait()
    row = DBTaskResult.objects.get(pk=result.id)
    gone = f"{worker.HOST}:{dead.pid}:abc"
    DBTaskResult.objects.filter(pk=row.pk).update(status=TaskResultStatus.RUNNING, worker_ids=[gone, gone])
    assert worker.recover() == (0, 1)
    row.refresh_from_db()
    assert row.status == TaskResultStatus.FAILED and "TaskLost" in row.exception_class_path


@pytest.mark.django_db(transaction=True)
def test_worker_survives_locked_sqlite_database(db_tasks, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's write lock")
    warm = slow_once.using(backend="default").enqueue(str(tmp_path / "warm"), 0)
    (tmp_path / "warm").mkdir()
    proc = _worker("--max-tasks", "2", SQLITE_TIMEOUT="0.5")
    try:
        # the worker is up and polling once it has run a first task
        assert _wait_for(lambda: DBTaskResult.objects.get(pk=warm.id).status == TaskResultStatus.SUCCESSFUL, 60)
        holder = sqlite3.connect(connection.settings_dict["NAME"], timeout=5)
        holder.execute("BEGIN EXCLUSIVE")
        time.sleep(3)  # several polls hit "database is locked"
        holder.rollback()
        holder.close()
        assert proc.poll() is None, proc.communicate()[0]
        result = slow_once.using(backend="default").enqueue(str(tmp_path), 0)
        out, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, out
    assert "database is locked" in out
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.SUCCESSFUL
