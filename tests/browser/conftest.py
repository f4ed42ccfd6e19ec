"""Playwright driving Debian's chromium against the live test server, with the network cut:
every request that is not for 127.0.0.1/localhost is aborted and recorded, and a test fails if
any page tried to load something from elsewhere."""

import os
import shutil
from urllib.parse import urlparse

import pytest

CHROMIUM = os.environ.get("NETDUTY_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"chromium not found at {CHROMIUM}: run scripts/ensure-system-deps.sh")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs an event loop
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    blocked: list[str] = []

    def guard(route):
        host = urlparse(route.request.url).hostname
        if host in {"127.0.0.1", "localhost"}:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    pg = context.new_page()
    console_errors: list[str] = []
    pg.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    pg.base = live_server.url
    pg.console_errors = console_errors
    yield pg
    context.close()
    assert blocked == [], f"pages tried to reach the network: {blocked}"
    assert console_errors == [], f"browser console errors: {console_errors}"


@pytest.fixture
def demo_org(db):
    """The default pack and the demo university (湘中师范学院)."""
    from netduty.org import demo
    from netduty.policy.services import load_default_pack

    load_default_pack()
    demo.load_demo()
