"""Test settings: the same stack, fast hashing, a throwaway secret."""

import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
NETDUTY_AUDIT_ALLOW_FLUSH = True
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
if os.environ.get("TEST_TASKS_BACKEND"):
    TASKS = {"default": {"BACKEND": os.environ["TEST_TASKS_BACKEND"]}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
LANGUAGE_CODE = "zh-hans"
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # A file, not shared-cache memory: concurrency tests need SQLite's real locking (busy
    # timeout, WAL, IMMEDIATE transactions) exactly as in production.
    # One file per test process, so concurrent runs in one checkout never share a database.
    (VAR_DIR / "test-db").mkdir(parents=True, exist_ok=True)  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db" / f"netduty-{os.getpid()}.sqlite3")}  # noqa: F405
# Audit head checkpoints: one file per test process (tests that write them use tmp_path).
NETDUTY_AUDIT_CHECKPOINT_FILE = str(VAR_DIR / "test-db" / f"audit-checkpoints-{os.getpid()}.jsonl")  # noqa: F405
