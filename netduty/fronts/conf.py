"""Registry settings from the policy pack (`data.channels.*`), with Django-setting fallbacks."""

from __future__ import annotations

import datetime as dt

from django.conf import settings

from netduty.policy import selectors as policy


def int_setting(path: str, default: int, day: dt.date | None = None) -> int:
    value = policy.setting(path, None, day=day)
    return int(value) if isinstance(value, int | str) else default


def register_within_days(day: dt.date | None = None) -> int:
    return int_setting("channels.register_new_within_days", 30, day)


def change_within_days(day: dt.date | None = None) -> int:
    return int_setting("channels.report_change_within_days", 7, day)


def password_max_age(day: dt.date | None = None) -> int:
    """Days after which an admin password counts as stale: the pack's
    `channels.password_max_age_days`, else settings.NETDUTY_FRONTS_PASSWORD_MAX_AGE_DAYS (180)."""
    return int_setting("channels.password_max_age_days",
                       int(getattr(settings, "NETDUTY_FRONTS_PASSWORD_MAX_AGE_DAYS", 180)), day)
