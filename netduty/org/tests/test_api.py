import datetime as dt
import io
import threading

import pytest
from django.core.management import call_command
from django.db import connection
from rest_framework.test import APIClient

from netduty.core import audit
from netduty.org.models import Appointment
from netduty.org.tests.factories import appoint, make_person

D = dt.date


def token_client(user) -> APIClient:
    out = io.StringIO()
    call_command("token", "create", user.username, stdout=out)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {out.getvalue().strip()}")
    return client


@pytest.mark.django_db
def test_chain_endpoint_as_of_two_dates(world):
    appoint(make_person("前任书记", world.college_b), world.college_b, "first_responsible", world.pack,
            start=D(2010, 1, 1), end=D(2019, 12, 31))
    client = token_client(world.propaganda)
    old = client.get(f"/api/v1/units/{world.college_b.pk}/chain/", {"date": "2015-06-01"}).json()
    new = client.get(f"/api/v1/units/{world.college_b.pk}/chain/", {"date": "2025-06-01"}).json()
    assert [p["name"] for p in old["levels"][0]["first"]] == ["前任书记"]
    assert [p["name"] for p in new["levels"][0]["first"]] == ["邵书记"]
    assert old["levels"][-1]["unit_id"] == world.root.pk
    bad = client.get(f"/api/v1/units/{world.college_b.pk}/chain/", {"date": "yesterday"})
    assert bad.status_code == 400 and "YYYY-MM-DD" in bad.json()["date"]


@pytest.mark.django_db
def test_lists_are_scoped(world):
    client = token_client(world.outsider)
    codes = [u["code"] for u in client.get("/api/v1/units/").json()["results"]]
    assert codes == ["wgy"]
    assert client.get(f"/api/v1/units/{world.college_a.pk}/").status_code == 404
    appts = client.get("/api/v1/appointments/").json()["results"]
    assert {a["unit"] for a in appts} == {world.college_b.pk}


@pytest.mark.django_db
def test_token_create_is_stable_and_audited(world):
    out1, out2 = io.StringIO(), io.StringIO()
    call_command("token", "create", "editor", stdout=out1)
    call_command("token", "create", "editor", stdout=out2)
    assert out1.getvalue() == out2.getvalue() and len(out1.getvalue().strip()) == 40
    assert audit.verify().ok


@pytest.mark.django_db
def test_create_appointment_via_api_with_overlap_message(world):
    client = token_client(world.propaganda)
    body = {"person": world.editor_person.pk, "unit": world.college_a.pk, "role": "first_responsible",
            "valid_from": "2025-01-01"}
    response = client.post("/api/v1/appointments/", body, format="json")
    assert response.status_code == 400
    assert "同一时间只能有一人" in str(response.json())
    body["role"] = "commentator"
    created = client.post("/api/v1/appointments/", body, format="json")
    assert created.status_code == 201 and created.json()["role"] == "commentator"


@pytest.mark.django_db
def test_schema_lists_the_endpoints(world):
    client = token_client(world.secretary)
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    for path in ["/api/v1/units/", "/api/v1/units/{id}/chain/", "/api/v1/people/", "/api/v1/appointments/",
                 "/api/v1/policy/packs/"]:
        assert path in schema["paths"], path


@pytest.mark.django_db(transaction=True)
def test_concurrent_overlapping_first_responsible_only_one_wins(world):
    """Two administrators appoint two different secretaries for the same unit at the same time."""
    from django.core.exceptions import ValidationError

    from netduty.org import services
    from netduty.policy.models import Role

    a, b = make_person("甲", world.college_b), make_person("乙", world.college_b)
    old = Appointment.objects.get(unit=world.college_b, role__code="first_responsible")
    services.appointment_end(actor=None, appointment=old, valid_to=D(2025, 12, 31))
    role = Role.objects.get(pack=world.pack, code="first_responsible")
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def go(person):
        try:
            barrier.wait()
            services.appointment_create(actor=None, person=person, unit=world.college_b, role=role,
                                        valid_from=D(2026, 1, 1))
            outcomes.append("ok")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=go, args=(p,)) for p in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["ok", "refused"]
    assert Appointment.objects.filter(unit=world.college_b, role__code="first_responsible",
                                      valid_from=D(2026, 1, 1)).count() == 1
    assert audit.verify().ok
