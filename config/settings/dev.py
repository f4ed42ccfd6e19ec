"""Embedded single-machine defaults used by `make run`."""

import os

from .base import *  # noqa: F403
from .base import VAR_DIR, env_bool

# DEBUG stays off by default so visitors of the demo see the real 404/403/500 pages, not Django's
# debug page; whitenoise serves static files straight from the apps (no collectstatic needed).
# DEBUG=1 turns it on for a developer.
DEBUG = env_bool("DEBUG", False)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
if not os.environ.get("SECRET_KEY"):
    # A stable per-installation key kept in var/ so sessions survive restarts.
    key_file = VAR_DIR / "secret_key"
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    if not key_file.exists():
        import secrets

        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    SECRET_KEY = key_file.read_text().strip()

# Mail written to files in var/mail/ (one per message) unless EMAIL_BACKEND says otherwise.
if not os.environ.get("EMAIL_BACKEND"):
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                           "OPTIONS": {"file_path": str(VAR_DIR / "mail")}}}
