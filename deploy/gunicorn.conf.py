"""gunicorn configuration for netduty (see docs/deploy.md). Values can be overridden by the
environment of the systemd unit (GUNICORN_BIND, GUNICORN_WORKERS, GUNICORN_THREADS)."""

import multiprocessing
import os

wsgi_app = "config.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync-thread workers: Django views are blocking; PostgreSQL serialises writes through the audit lock.
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", min(4, multiprocessing.cpu_count() * 2)))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
timeout = 60  # an upload screening a 20 MiB file stays well below
graceful_timeout = 30
max_requests = 2000  # recycle workers, bounding any slow leak
max_requests_jitter = 200
forwarded_allow_ips = "127.0.0.1"  # nginx on the same host sets X-Forwarded-Proto
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
