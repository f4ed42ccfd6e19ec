"""The shell shows what a person can use; to-dos from every app, each once."""

import datetime as dt

import pytest
from django.urls import reverse

from netduty.core import registry

pytestmark = pytest.mark.django_db


def nav_html(client, user):
    client.force_login(user)
    return client.get(reverse("home")).content.decode()


def test_no_audit_import_or_api_for_a_party_secretary(client, world):
    html = nav_html(client, world.secretary)
    assert reverse("audit_list") not in html
    assert reverse("api-docs") not in html
    client.force_login(world.secretary)
    html = client.get(reverse("org:unit_list")).content.decode()
    assert reverse("org:import") not in html
    assert client.get(reverse("audit_list")).status_code == 403  # what the nav hides, the page refuses


def test_the_propaganda_office_sees_audit_import_and_api(client, world):
    html = nav_html(client, world.propaganda)
    assert reverse("audit_list") in html and reverse("api-docs") in html
    html = client.get(reverse("org:unit_list")).content.decode()
    assert reverse("org:import") in html


def test_placeholders_only_for_capabilities_without_pages(client, world):
    client.force_login(world.secretary)
    assert client.get(reverse("section", args=["opinion"])).status_code == 200
    assert client.get(reverse("section", args=["duties"])).status_code == 404


def test_todos_are_listed_once(world):
    item = {"label": "队伍建设", "url": "/duties/periods/1/", "note": ""}

    def twice(user, day):
        return [item, dict(item)]

    registry.todo(twice)
    try:
        got = [t for t in registry.todos(world.secretary, dt.date(2025, 1, 1)) if t["label"] == "队伍建设"]
        assert got == [item]
    finally:
        registry.TODOS.remove(twice)
