"""The meeting edit page: same permission as registering (404 outside the scope, 403 without
duties.record), prefilled, through the service (audit event, counts recalculated), linked from the
meeting page, refused for a voided record."""

import datetime as dt

import pytest
from django.urls import reverse

from netduty.core.models import AuditEvent
from netduty.org.tests.factories import appoint, make_person

from .factories import generate, meeting, period

pytestmark = pytest.mark.django_db


@pytest.fixture
def root_sec(world):
    person = make_person("张书记", world.root, username="rootsec")
    appoint(person, world.root, "first_responsible", world.pack)
    return person.user


def _post(record, **changes):
    data = {"kind": record.kind, "title": record.title, "date": record.date.isoformat(), "place": record.place,
            "chair": record.chair, "attendees": record.attendees, "absentees": record.absentees,
            "topics": record.topics, "minutes": record.minutes, "decisions": record.decisions}
    return {**data, **changes}


def test_edit_moves_the_meeting_and_recounts(client, world, root_sec):
    generate(2025)
    record = meeting(world.root, dt.date(2025, 5, 1), title="五月专题会议")
    h1, h2 = period(world.root, "committee_meetings", "2025-H1"), period(world.root, "committee_meetings", "2025-H2")
    assert (h1.count, h2.count) == (1, 0)
    client.force_login(root_sec)
    detail = client.get(reverse("duties:meeting_detail", args=[record.pk])).content.decode()
    assert reverse("duties:meeting_edit", args=[record.pk]) in detail
    page = client.get(reverse("duties:meeting_edit", args=[record.pk]))
    html = page.content.decode()
    assert page.status_code == 200 and "修改会议记录" in html and 'value="五月专题会议"' in html
    assert 'value="2025-05-01"' in html and "style=" not in html and "<script" not in html
    response = client.post(reverse("duties:meeting_edit", args=[record.pk]),
                           _post(record, date="2025-09-01", title="九月专题会议"))
    assert response.status_code == 302 and response["Location"] == reverse("duties:meeting_detail", args=[record.pk])
    record.refresh_from_db()
    h1.refresh_from_db()
    h2.refresh_from_db()
    assert (record.title, record.date, h1.count, h2.count) == ("九月专题会议", dt.date(2025, 9, 1), 0, 1)
    event = AuditEvent.objects.get(action="duties.meeting.update")
    assert event.actor_id == root_sec.pk and event.before["date"] == "2025-05-01"
    assert event.after["date"] == "2025-09-01"


def test_edit_errors_stay_on_the_form(client, world, root_sec):
    record = meeting(world.root, dt.date(2025, 5, 1))
    client.force_login(root_sec)
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    response = client.post(reverse("duties:meeting_edit", args=[record.pk]), _post(record, date=future))
    assert response.status_code == 200 and "会议日期不能晚于今天" in response.content.decode()
    response = client.post(reverse("duties:meeting_edit", args=[record.pk]), _post(record, chair=""))
    assert response.status_code == 200
    record.refresh_from_db()
    assert record.date == dt.date(2025, 5, 1) and record.chair == "李书记"
    assert not AuditEvent.objects.filter(action="duties.meeting.update").exists()


def test_edit_permissions_and_voided_records(client, world):
    from netduty.duties import services

    record = meeting(world.college_a, dt.date(2025, 5, 1))
    url = reverse("duties:meeting_edit", args=[record.pk])
    client.force_login(world.outsider)
    assert client.get(url).status_code == 404
    client.force_login(world.propaganda)  # sees the unit, does not record its duties
    assert client.get(url).status_code == 403
    assert client.post(url, _post(record, title="越权")).status_code == 403
    assert "edit-meeting" not in client.get(reverse("duties:meeting_detail", args=[record.pk])).content.decode()
    client.force_login(world.editor)  # 信息员 records duties
    assert client.get(url).status_code == 200
    services.meeting_void(actor=world.editor, meeting=record, reason="重复登记")
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == reverse("duties:meeting_detail", args=[record.pk])
    assert "edit-meeting" not in client.get(reverse("duties:meeting_detail", args=[record.pk])).content.decode()
    record.refresh_from_db()
    assert record.title != "越权"
