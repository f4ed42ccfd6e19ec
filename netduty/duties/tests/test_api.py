"""/api/v1/duties/: obligations and periods with status, meetings and evidence under the screens' rules."""

import datetime as dt

import pytest
from rest_framework.test import APIClient

from netduty.duties.models import EvidenceVersion, MeetingRecord

from .factories import PNG, generate, period, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def test_obligations_and_periods_with_status(api, world):
    generate(2025)
    api.force_authenticate(world.secretary)
    data = api.get("/api/v1/duties/obligations/", {"unit": world.college_a.pk, "year": 2025}).json()
    by_code = {o["task_code"]: o for o in data["results"]}
    assert by_code["opinion_analysis"]["status"] == "overdue"
    assert [p["key"] for p in by_code["opinion_analysis"]["periods"]] == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
    assert by_code["opinion_analysis"]["periods"][0]["status_display"] == "逾期"
    periods = api.get("/api/v1/duties/periods/", {"unit": world.college_a.pk, "task": "supervision"}).json()
    assert periods["count"] == 1 and periods["results"][0]["status"] == "overdue"
    # scope: the sibling college's obligations are not listed
    other = api.get("/api/v1/duties/obligations/", {"unit": world.college_b.pk}).json()
    assert other["count"] == 0
    assert api.get("/api/v1/duties/obligations/", {"year": "x"}).status_code == 400


def test_meeting_create_counts(api, world):
    generate(2025)
    api.force_authenticate(world.editor)
    payload = {"unit": world.college_a.pk, "kind": "meeting.leadership", "title": "班子会研判", "date": "2025-05-08",
               "chair": "李书记", "attendees": "全体班子成员", "topics": "研判"}
    response = api.post("/api/v1/duties/meetings/", payload, format="json")
    assert response.status_code == 201, response.content
    assert MeetingRecord.objects.get().created_by == world.editor
    bad = api.post("/api/v1/duties/meetings/", {**payload, "date": "2999-01-01"}, format="json")
    assert bad.status_code == 400 and "会议日期" in bad.content.decode()
    api.force_authenticate(world.propaganda)
    assert api.post("/api/v1/duties/meetings/", payload, format="json").status_code == 403


def test_evidence_upload_and_versions(api, world):
    generate(2025)
    p = period(world.college_a, "supervision", "2025")
    api.force_authenticate(world.editor)
    response = api.post("/api/v1/duties/evidence/", {"period": p.pk, "title": "督查记录", "file": upload()},
                        format="multipart")
    assert response.status_code == 201, response.content
    evidence_id = response.json()["id"]
    assert response.json()["versions"][0]["sha256"] == EvidenceVersion.objects.get().sha256
    bad = api.post("/api/v1/duties/evidence/", {"period": p.pk, "file": upload("x.pdf", b"junk")},
                   format="multipart")
    assert bad.status_code == 400 and "不是有效的" in bad.content.decode()
    v2 = api.post(f"/api/v1/duties/evidence/{evidence_id}/versions/", {"file": upload("照片.png", PNG)},
                  format="multipart")
    assert v2.status_code == 201 and v2.json()["version"] == 2
    assert EvidenceVersion.objects.count() == 2
    api.force_authenticate(world.outsider)
    assert api.post("/api/v1/duties/evidence/", {"period": p.pk, "file": upload()},
                    format="multipart").status_code == 400
    assert api.get(f"/api/v1/duties/evidence/{evidence_id}/").status_code == 404
    api.force_authenticate(world.propaganda)
    assert api.post("/api/v1/duties/evidence/", {"period": p.pk, "file": upload()},
                    format="multipart").status_code == 403


def test_schema_lists_the_endpoints(api, world):
    api.force_authenticate(world.secretary)
    schema = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").content.decode()
    for path in ("/api/v1/duties/obligations/", "/api/v1/duties/periods/", "/api/v1/duties/meetings/",
                 "/api/v1/duties/evidence/{id}/versions/"):
        assert path in schema
    assert dt.date.today()
