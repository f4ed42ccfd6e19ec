import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netduty.org.models import Unit
from netduty.org.tests.factories import appoint, make_person, make_unit

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def grow(world, n):
    for i in range(n):
        unit = make_unit(f"extra{n}-{i}", f"扩展单位{n}-{i}", "branch", world.college_a)
        person = make_person(f"人员{n}-{i}", world.college_a)
        appoint(person, world.college_a, "commentator", world.pack, start=dt.date(2021, 1, 1))
        appoint(make_person(f"书记{n}-{i}", unit), unit, "first_responsible", world.pack)


@pytest.mark.parametrize("name", ["org:unit_list", "org:unit_detail", "org:person_list", "home"])
def test_query_count_does_not_grow_with_data(client, world, name):
    client.force_login(world.propaganda)
    kwargs = {"pk": world.college_a.pk} if name == "org:unit_detail" else {}
    url = reverse(name, kwargs=kwargs)
    grow(world, 2)
    small = count_queries(client, url)
    grow(world, 12)
    large = count_queries(client, url)
    assert large == small, f"{name}: {small} queries with little data, {large} with more"


def test_unit_detail_shows_chain_and_date(client, world):
    client.force_login(world.secretary)
    html = client.get(reverse("org:unit_detail", args=[world.branch_a.pk]), {"date": "2025-03-01"}).content.decode()
    assert "2025年3月1日的责任链" in html and "李书记" in html
    bad = client.get(reverse("org:unit_detail", args=[world.branch_a.pk]), {"date": "garbage"})
    assert bad.status_code == 200  # falls back to today


def test_appointment_form_refuses_overlap_in_chinese(client, world):
    client.force_login(world.propaganda)
    from netduty.policy.models import Role

    role = Role.objects.get(pack=world.pack, code="first_responsible")
    response = client.post(reverse("org:appointment_create", args=[world.college_a.pk]), {
        "person": world.editor_person.pk, "role": role.pk, "valid_from": "2025-01-01"})
    assert response.status_code == 200
    assert "同一时间只能有一人" in response.content.decode()


def test_appointment_form_choices_are_scoped(client, world):
    """A unit-level admin sees only people and units in scope in the form's choices."""
    client.force_login(world.propaganda)
    html = client.get(reverse("org:appointment_create", args=[world.college_a.pk])).content.decode()
    assert "邵书记" in html  # school-wide office sees everyone
    from netduty.org.forms import AppointmentForm
    from netduty.org.selectors import people, units

    form = AppointmentForm(people=people(world.outsider), units=units(world.outsider))
    assert {p.name for p in form.fields["person"].queryset} == {"邵书记"}
    assert {u.code for u in form.fields["oversees"].queryset} == {"wgy"}


def test_end_appointment(client, world):
    client.force_login(world.propaganda)
    appt = world.editor_person.appointments.get()
    response = client.post(reverse("org:appointment_end", args=[appt.pk]), {"valid_to": "2026-01-31"})
    assert response.status_code == 302
    appt.refresh_from_db()
    assert appt.valid_to == dt.date(2026, 1, 31)


def test_unit_list_is_paged_and_searched_in_the_database(client, world, monkeypatch):
    from netduty.org import views

    monkeypatch.setattr(views, "UNITS_PER_PAGE", 4)
    client.force_login(world.propaganda)
    grow(world, 6)
    url = reverse("org:unit_list")
    rows = lambda html: html.count('<tr><td><span class="indent-')  # noqa: E731
    total = Unit.objects.count()
    pages = -(-total // 4)
    first = client.get(url).content.decode()
    assert rows(first) == 4 and f"第 1 / {pages} 页" in first
    last = client.get(url, {"page": pages}).content.decode()
    assert rows(last) == total - 4 * (pages - 1)
    found = client.get(url, {"q": "扩展单位6-5"}).content.decode()
    assert rows(found) == 1 and "扩展单位6-5" in found
    small = count_queries(client, url)
    grow(world, 12)
    assert count_queries(client, url) == small and rows(client.get(url).content.decode()) == 4


def test_scoped_reads_of_a_subtree_use_one_unit_subquery(world):
    """A subtree scope on a related model filters the relation by a subquery on org_unit (the
    database uses the relation's index), not a join on the path; the rows are the same."""
    from netduty.org import permissions
    from netduty.org.models import Appointment

    qs = permissions.restrict(Appointment.objects.order_by("pk"), world.secretary)
    sql = str(qs.query)
    assert 'INNER JOIN "org_unit"' not in sql and "IN (SELECT" in sql
    in_subtree = {a.pk for a in Appointment.objects.select_related("unit")
                  if a.unit.path.startswith(world.college_a.path)}
    assert {a.pk for a in qs} == in_subtree and in_subtree
