"""Background tasks shared by the apps (django.tasks). Arguments are plain values, never objects."""

from __future__ import annotations

from django.tasks import task


@task()
def webhooks_post(title: str, text: str, link: str = "") -> int:
    """Post one message to every configured group robot (see netduty.core.webhooks)."""
    from .webhooks import send_all

    return send_all(title, text, link)
