"""`netduty scheduler`: every N seconds, enqueue the periodic jobs whose slot is due.

Run one next to the workers (`netduty db_worker`). Running two is safe: each task claims its slot
through a unique row, so a slot is done once however often it is enqueued."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from netduty.core import jobs as periodic
from netduty.core.models import JobClaim


def load_jobs() -> list[periodic.PeriodicJob]:
    """The jobs the apps registered (netduty.core.registry.job, from their AppConfig.ready())."""
    return periodic.JOBS


def tick(enqueued: set[tuple[str, str]], now=None) -> list[tuple[str, str]]:
    """Enqueue every job whose slot is due, not yet claimed, and not already enqueued by us."""
    now = timezone.localtime(now)
    done = []
    for job in load_jobs():
        slot = job.slot(now)
        if slot is None or (job.name, slot) in enqueued:
            continue
        if not JobClaim.objects.filter(job=job.name, slot=slot).exists():
            job.task.enqueue(slot)
            done.append((job.name, slot))
        enqueued.add((job.name, slot))
    return done


class Command(BaseCommand):
    help = "周期任务调度：按时把提醒、任务生成等周期任务放入队列（与 db_worker 一起运行）"

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=60, help="检查间隔（秒），默认 60")
        parser.add_argument("--once", action="store_true", help="只检查一次后退出（测试、cron 用）")

    def handle(self, *args, interval: float, once: bool, **options):
        enqueued: set[tuple[str, str]] = set()
        while True:
            for name, slot in tick(enqueued):
                self.stdout.write(f"{timezone.localtime():%Y-%m-%d %H:%M:%S} 已排队 {name} @ {slot}")
            if once:
                return
            if len(enqueued) > 1000:
                enqueued.clear()
            time.sleep(interval)
