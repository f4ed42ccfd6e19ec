"""Shared steps of the browser tests."""

from pathlib import Path

from netduty.org import demo
from netduty.org.tests.factories import PASSWORD

SHOTS = Path("var/screenshots")


def login(page, username: str, password: str = PASSWORD) -> None:
    page.goto(page.base + "/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit].primary")
    page.wait_for_url(page.base + "/")


def login_demo(page, username: str) -> None:
    login(page, username, demo.DEMO_PASSWORD)


def logout(page) -> None:
    page.click("form[action='/logout/'] button")
    page.wait_for_url("**/login/**")
