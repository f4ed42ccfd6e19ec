"""Every URL the app has, for an insider, an outsider from a sibling unit, a school-wide office
and an anonymous visitor. A URL missing from MATRIX fails `test_every_url_is_in_the_matrix`, so
the matrix grows as the app does: add an entry when you add a URL.

Entry: name → (method, kwargs(world) → dict, data(world) → dict | None,
               {actor: expected status}). Actors: insider (第一责任人 of 文学院), outsider
(第一责任人 of the sibling 外国语学院), office (宣传部, school-wide), anon.
"""

from importlib import import_module
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from netduty.core.models import AuditEvent
from netduty.org.models import Appointment

LOGIN = 302
DRF_ANON = 403  # session auth first: DRF answers 403 to anonymous requests


def _appt(w):
    return Appointment.objects.filter(unit=w.college_a, role__code="info_officer").first()


def _unit(w):
    return {"pk": w.college_a.pk}


def _pack(w):
    return {"pk": w.pack.pk}


def std(insider=200, outsider=404, office=200, anon=LOGIN):
    return {"insider": insider, "outsider": outsider, "office": office, "anon": anon}


def api(insider=200, outsider=404, office=200):
    return std(insider, outsider, office, DRF_ANON)


NONE = lambda w: {}  # noqa: E731

MATRIX = {
    "home": ("get", NONE, None, std(outsider=200)),
    "login": ("get", NONE, None, std(302, 302, 302, 200)),
    "logout": ("post", NONE, {}, std(302, 302, 302, 302)),
    "set_language": ("post", NONE, {"language": "en", "next": "/"}, std(302, 302, 302, 302)),
    "healthz": ("get", NONE, None, std(200, 200, 200, 200)),
    "favicon": ("get", NONE, None, std(301, 301, 301, 301)),
    "section": ("get", lambda w: {"section": "opinion"}, None, std(outsider=200)),
    "audit_list": ("get", NONE, None, std(403, 403, 200)),
    "audit_detail": ("get", lambda w: {"pk": AuditEvent.objects.order_by("id").first().pk}, None, std(403, 403, 200)),
    "org:unit_list": ("get", NONE, None, std(outsider=200)),
    "org:unit_detail": ("get", _unit, None, std()),
    "org:appointment_create": ("get", _unit, None, std(insider=403)),
    "org:appointment_end": ("post", lambda w: {"pk": _appt(w).pk}, {"valid_to": "2030-01-01"}, std(insider=403, office=302)),
    "org:person_list": ("get", NONE, None, std(outsider=200)),
    "org:person_detail": ("get", lambda w: {"pk": w.editor_person.pk}, None, std()),
    "org:import": ("get", NONE, None, std(403, 403, 200)),
    "org:import_template": ("get", NONE, None, std(403, 403, 200)),
    "policy:pack_list": ("get", NONE, None, std(outsider=200)),
    "policy:pack_detail": ("get", _pack, None, std(outsider=200)),
    "api-root": ("get", NONE, None, api(outsider=200)),
    "api-schema": ("get", NONE, None, api(outsider=200)),
    "api-docs": ("get", NONE, None, api(outsider=200)),
    "unit-list": ("get", NONE, None, api(outsider=200)),
    "unit-detail": ("get", _unit, None, api()),
    "unit-chain": ("get", _unit, None, api()),
    "person-list": ("get", NONE, None, api(outsider=200)),
    "person-detail": ("get", lambda w: {"pk": w.editor_person.pk}, None, api()),
    "appointment-list": ("post", NONE, lambda w: {
        "person": w.editor_person.pk, "unit": w.college_a.pk, "role": "commentator", "valid_from": "2025-01-01"},
        {"insider": 403, "outsider": 400, "office": 201, "anon": DRF_ANON}),
    "appointment-detail": ("get", lambda w: {"pk": _appt(w).pk}, None, api()),
    "policy-pack-list": ("get", NONE, None, api(outsider=200)),
    "policy-pack-detail": ("get", _pack, None, api(outsider=200)),
    "policy-role-list": ("get", NONE, None, api(outsider=200)),
    "policy-role-detail": ("get", lambda w: {"pk": w.pack.roles.first().pk}, None, api(outsider=200)),
    "policy-task-list": ("get", NONE, None, api(outsider=200)),
    "policy-task-detail": ("get", lambda w: {"pk": w.pack.tasks.first().pk}, None, api(outsider=200)),
    "policy-item-list": ("get", NONE, None, api(outsider=200)),
    "policy-item-detail": ("get", lambda w: {"pk": w.pack.items.first().pk}, None, api(outsider=200)),
}
# Each app may add its own entries in netduty/<app>/tests/url_matrix.py (a dict named MATRIX,
# same format; the helpers std/api/LOGIN/DRF_ANON above can be imported from here).
for _app in sorted(p.name for p in (Path(__file__).resolve().parents[2]).iterdir() if p.is_dir()):
    if (Path(__file__).resolve().parents[2] / _app / "tests" / "url_matrix.py").exists():
        MATRIX.update(import_module(f"netduty.{_app}.tests.url_matrix").MATRIX)

# Django admin has its own staff-only permission system; covered in test_admin_requires_staff.
EXEMPT_NAMESPACES = {"admin"}


def _all_url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            ns = p.namespace or ""
            if ns in EXEMPT_NAMESPACES:
                continue
            yield from _all_url_names(p, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(p, URLPattern) and p.name and "format" not in p.pattern.regex.groupindex:
            if p.name in {"static", "serve"}:
                continue
            yield namespace + p.name


def test_every_url_is_in_the_matrix():
    missing = sorted(set(_all_url_names()) - set(MATRIX))
    assert not missing, f"URLs without a permission-matrix entry: {missing}"


ACTORS = ["insider", "outsider", "office", "anon"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_url_matrix(client, world, name):
    """One world per URL; each actor in turn (a fresh client each, and whatever the request wrote
    rolled back before the next actor), every mismatch reported."""
    from django.db import transaction
    from django.test import Client

    method, kwargs, data, expected = MATRIX[name]
    users = {"insider": world.secretary, "outsider": world.outsider, "office": world.propaganda, "anon": None}
    url = reverse(name, kwargs=kwargs(world))
    problems = []
    for actor in ACTORS:
        client = Client()
        if users[actor] is not None:
            client.force_login(users[actor])
        payload = data(world) if callable(data) else data
        extra = {"content_type": "application/json"} if method == "post" and name.endswith("-list") else {}
        with transaction.atomic():
            response = getattr(client, method)(url, payload or {}, **extra)
            transaction.set_rollback(True)
        if response.status_code != expected[actor]:
            problems.append(f"{actor}: {response.status_code}, expected {expected[actor]}")
        elif (response.status_code == 302 and expected[actor] == LOGIN and actor == "anon"
              and name not in {"logout", "set_language"} and not response["Location"].startswith(reverse("login"))):
            problems.append(f"anon redirected to {response['Location']}, not to the login page")
    assert not problems, f"{name} ({url}): " + "; ".join(problems)


@pytest.mark.django_db
def test_admin_requires_staff(client, world):
    assert client.get("/admin/").status_code == 302
    client.force_login(world.secretary)
    assert client.get("/admin/").status_code == 302
    client.force_login(world.admin)
    assert client.get("/admin/").status_code == 200
