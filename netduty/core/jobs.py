"""Periodic jobs declared in code (apps register them from AppConfig.ready()), run by `netduty scheduler`.

A job is a django.tasks Task taking one argument, the slot (e.g. "2026-11-26" for a daily job).
The scheduler enqueues each job once per slot per scheduler process once its time of day has
passed; the task itself claims the slot through a unique-constrained row (`JobClaim`), so two
schedulers or two workers never do the same slot twice."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    task: Any  # django.tasks.Task
    at: dt.time  # local time of day after which the day's slot is due

    def slot(self, now: dt.datetime) -> str | None:
        """The slot due at local time `now`, or None before the job's time of day."""
        if now.time() < self.at:
            return None
        return now.date().isoformat()


JOBS: list[PeriodicJob] = []


def register(name: str, task: Any, at: dt.time) -> None:
    if not any(job.name == name for job in JOBS):
        JOBS.append(PeriodicJob(name, task, at))


def claim_slot(job: str, slot: str, worker: str = "") -> Any:
    """Insert the claim row (`JobClaim`) for (job, slot) in the caller's transaction; None if it is
    taken. A competing transaction blocks on the unique index until the first commits, then fails."""
    from .models import JobClaim

    try:
        with transaction.atomic():
            return JobClaim.objects.create(job=job, slot=slot, worker=worker[:200])
    except IntegrityError:
        return None
