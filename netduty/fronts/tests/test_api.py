"""/api/v1/fronts/: the same rules as the pages, with tokens."""

import datetime as dt

import pytest
from django.utils import timezone

from netduty.fronts.models import Channel
from netduty.fronts.tests.factories import make_channel
from netduty.org.models import Appointment
from netduty.org.tests.test_api import token_client

pytestmark = pytest.mark.django_db


def _registration(world, **kw):
    data = {"unit": world.college_a.pk, "platform": "douyin", "name": "文学院抖音", "account_id": "wxy-dy",
            "opened_on": (timezone.localdate() - dt.timedelta(days=40)).isoformat(),
            "responsibles": {"admin": [Appointment.objects.get(person=world.editor_person).pk]}}
    return {**data, **kw}


def test_channel_list_and_detail_are_scoped(world):
    mine = make_channel(world.college_a, name="文学院公众号")
    other = make_channel(world.college_b, name="外院公众号")
    client = token_client(world.editor)
    body = client.get("/api/v1/fronts/channels/").json()
    rows = body["results"] if isinstance(body, dict) else body
    assert [r["name"] for r in rows] == ["文学院公众号"]
    assert [s["code"] for s in rows[0]["stages"]] == ["first", "second", "final"]
    assert client.get(f"/api/v1/fronts/channels/{other.pk}/").status_code == 404
    assert client.get(f"/api/v1/fronts/channels/{mine.pk}/").json()["unit_name"] == "文学院党总支"
    body = token_client(world.propaganda).get("/api/v1/fronts/channels/", {"unit": world.college_b.pk}).json()
    rows = body["results"] if isinstance(body, dict) else body
    assert [r["name"] for r in rows] == ["外院公众号"]


def test_registration_and_decision_by_token(world):
    secretary = token_client(world.secretary)
    response = secretary.post("/api/v1/fronts/requests/", _registration(world), format="json")
    assert response.status_code == 201, response.content
    req = response.json()
    assert req["state"] == "office" and req["late"] is True  # opened 40 days ago, the pack allows 30
    # the submitter cannot decide; an editor cannot register
    assert secretary.post(f"/api/v1/fronts/requests/{req['id']}/decide/", {"decision": "approve"}).status_code == 403
    editor = token_client(world.editor)
    assert editor.post("/api/v1/fronts/requests/", _registration(world, account_id="x2"),
                       format="json").status_code == 403
    office = token_client(world.propaganda)
    assert office.get("/api/v1/fronts/requests/", {"waiting": "me"}).json()
    done = office.post(f"/api/v1/fronts/requests/{req['id']}/decide/", {"decision": "approve"}, format="json")
    assert done.status_code == 200 and done.json()["state"] == "approved"
    assert Channel.objects.get(pk=req["channel"]).status == "active"
    again = office.post(f"/api/v1/fronts/requests/{req['id']}/decide/", {"decision": "approve"}, format="json")
    assert again.status_code == 403


def test_registration_validation_errors(world):
    client = token_client(world.secretary)
    bad = client.post("/api/v1/fronts/requests/", _registration(world, responsibles={"admin": []}), format="json")
    assert bad.status_code == 400 and "管理员" in bad.content.decode()
    outsider = token_client(world.outsider)
    assert outsider.post("/api/v1/fronts/requests/", _registration(world), format="json").status_code == 400


def test_schema_lists_fronts_endpoints(world):
    schema = token_client(world.secretary).get("/api/v1/schema/").content.decode()
    assert "/api/v1/fronts/channels/" in schema and "/api/v1/fronts/requests/{id}/decide/" in schema
