"""Production serving (issue 9 item 13): `check --deploy` is clean with the documented environment,
/healthz answers over plain HTTP, and `make run` (config.settings.dev) shows real error pages."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings

ROOT = Path(__file__).resolve().parents[3]
ENV_FILE = ROOT / "deploy" / "netduty.env.example"


def _documented_env(tmp_path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "DEBUG"))}
    for line in ENV_FILE.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition("=")
            env[key.strip()] = value.strip()
    env["NETDUTY_VAR_DIR"] = str(tmp_path)  # writable here; the file names /var/lib/netduty
    env["MEDIA_ROOT"] = str(tmp_path / "media")
    return env


def test_check_deploy_is_clean_with_documented_environment(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
                          cwd=ROOT, env=_documented_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "no issues" in proc.stdout


def test_gunicorn_is_pinned_and_config_loads(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "gunicorn", "--check-config", "-c", "deploy/gunicorn.conf.py"],
                          cwd=ROOT, env=_documented_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert '"gunicorn==' in (ROOT / "pyproject.toml").read_text()


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True, SECURE_REDIRECT_EXEMPT=[r"^healthz$"])
def test_healthz_answers_over_plain_http():


    client = Client()
    assert client.get("/healthz").status_code == 200
    assert client.get("/login/").status_code == 301


def test_prod_settings_exempt_healthz_from_redirect(tmp_path):
    code = "from django.conf import settings; print(settings.SECURE_REDIRECT_EXEMPT, settings.DEBUG)"
    proc = subprocess.run([sys.executable, "-c", f"import django; django.setup(); {code}"], cwd=ROOT,
                          env=_documented_env(tmp_path), capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "['^healthz$'] False", proc.stderr


def test_make_run_settings_show_real_error_pages(tmp_path):
    env = _documented_env(tmp_path) | {"DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    for key in ("SECRET_KEY", "DATABASE_URL"):
        env.pop(key, None)
    code = ("import django; django.setup(); from django.conf import settings; from django.test import Client;"
            "from django.test.utils import setup_test_environment; setup_test_environment();"
            "r = Client().get('/no-such-page/'); print(settings.DEBUG, r.status_code, b'Technical' in r.content)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip().endswith("False 404 False"), proc.stdout + proc.stderr
