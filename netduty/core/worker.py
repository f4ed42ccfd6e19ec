"""Task recovery and a worker that survives a busy database (issue 9 item 4).

django-tasks-db marks a task RUNNING when a worker claims it and never looks at it again: a worker
killed with SIGKILL (or the machine losing power) leaves it RUNNING for ever. Here:

* Worker ids carry `host:pid:random`. `recover()` puts a RUNNING task back in the queue when its
  worker is gone — at once for a worker of this host whose pid no longer exists, after the lease
  (`NETDUTY_TASK_LEASE_SECONDS`, default 3600) for any other — and marks it failed (`TaskLost`)
  once it has been claimed `NETDUTY_TASK_MAX_ATTEMPTS` times (default 3). Every worker runs it at
  start and every `RECOVER_EVERY` seconds; `netduty recover_tasks` runs it once.
  Tasks are therefore at-least-once: each of ours is idempotent (periodic jobs claim their slot in
  `JobClaim`; screening and live checks recompute and overwrite; a webhook may be posted twice).
* A database error while polling or recording a result (SQLite's `database is locked` during a long
  import, a PostgreSQL restart) no longer ends the worker's main loop: it is logged, connections are
  closed, and the loop resumes after an exponential back-off (0.5 s doubling to 30 s).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import secrets
import socket
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError, close_old_connections, transaction
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger("netduty.worker")
RECOVER_EVERY = 60.0
HOST = socket.gethostname()


class TaskLost(Exception):
    """The worker running this task died more often than the retry limit allows."""


def new_worker_id() -> str:
    return f"{HOST}:{os.getpid()}:{secrets.token_hex(3)}"[:64]


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _worker_gone(worker_id: str, started_at: dt.datetime | None, lease: dt.timedelta, now: dt.datetime) -> bool:
    parts = worker_id.split(":")
    if len(parts) == 3 and parts[0] == HOST and parts[1].isdecimal() and int(parts[1]) != os.getpid():
        return not _pid_alive(int(parts[1]))
    return started_at is None or now - started_at > lease


def recover() -> tuple[int, int]:
    """Requeue or fail RUNNING tasks whose worker is gone. Returns (requeued, failed)."""
    lease = dt.timedelta(seconds=int(getattr(settings, "NETDUTY_TASK_LEASE_SECONDS", 3600)))
    max_attempts = int(getattr(settings, "NETDUTY_TASK_MAX_ATTEMPTS", 3))
    now = timezone.now()
    requeued = failed = 0
    for pk in list(DBTaskResult.objects.running().values_list("pk", flat=True)):
        with transaction.atomic():
            task = DBTaskResult.objects.select_for_update().filter(pk=pk, status=TaskResultStatus.RUNNING).first()
            if task is None or not _worker_gone((task.worker_ids or [""])[-1], task.started_at, lease, now):
                continue
            if len(task.worker_ids) >= max_attempts:
                task.set_failed(TaskLost(f"工作进程在执行中退出 {len(task.worker_ids)} 次，不再重试"))
                failed += 1
                logger.error("task %s (%s) lost %d times: failed", task.pk, task.task_path, len(task.worker_ids))
            else:
                task.status = TaskResultStatus.READY
                task.started_at = None
                task.save(update_fields=["status", "started_at"])
                requeued += 1
                logger.warning("task %s (%s): worker %s gone, requeued", task.pk, task.task_path, task.worker_ids[-1])
    return requeued, failed


class ResilientWorker(Worker):
    """django-tasks-db's worker loop, restarted after database errors and recovering lost tasks."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._last_recover = 0.0

    def _maybe_recover(self) -> None:
        if time.monotonic() - self._last_recover >= RECOVER_EVERY:
            self._last_recover = time.monotonic()
            recover()

    def run(self) -> None:
        delay = 0.5
        while self.running:
            try:
                self._maybe_recover()
                super().run()
                return  # shutdown, --batch or --max-tasks: a normal end
            except (OperationalError, InterfaceError) as exc:
                logger.warning("worker %s: database error, retrying in %.1f s: %s", self.worker_id, delay, exc)
                close_old_connections()
                from django.db import connections

                for conn in connections.all(initialized_only=True):
                    conn.close()
                time.sleep(delay)
                delay = min(delay * 2, 30.0)
            else:
                delay = 0.5

    def run_task(self, db_task_result: DBTaskResult) -> None:
        super().run_task(db_task_result)
        self._maybe_recover()
