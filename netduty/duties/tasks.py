"""Background tasks (django.tasks). Pass ids and slots, never objects."""

from __future__ import annotations

import datetime as dt
import os
import socket

from django.db import transaction
from django.tasks import task


def _worker() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


@task()
def send_reminders(slot: str) -> dict | None:
    """Daily reminders for `slot` (an ISO date). Returns None when the slot was already done."""
    from .services import run_reminders

    return run_reminders(day=dt.date.fromisoformat(slot), worker=_worker())


@task()
def generate_obligations(slot: str) -> dict | None:
    """Daily, idempotent: this year's obligations (picks up a newly loaded pack version), and in
    December next year's too."""
    from netduty.core.jobs import claim_slot

    from .services import generate_year

    day = dt.date.fromisoformat(slot)
    with transaction.atomic():
        claim = claim_slot("duties.generate", slot, _worker())
        if claim is None:
            return None
        years = [day.year] + ([day.year + 1] if day.month == 12 else [])
        result = {str(y): generate_year(actor=None, year=y, today=day).as_dict() for y in years}
        claim.result = result
        claim.save(update_fields=["result"])
    return result

