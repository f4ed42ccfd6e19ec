"""/api/v1/fronts/: security measures, change and closure requests, 年审 and 零报告 by token —
an editor's token (信息员: view only) and a secretary's token (第一责任人: fronts.manage) can do what
the pages let them, not more."""

import datetime as dt

import pytest
from django.utils import timezone

from netduty.core.models import AuditEvent
from netduty.fronts.models import AnnualReview, Channel, ZeroReport
from netduty.fronts.tests.factories import make_channel, register_wechat
from netduty.org.models import Appointment
from netduty.org.tests.test_api import token_client

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def _editor_appt(world):
    return Appointment.objects.get(person=world.editor_person)


def test_security_read_by_viewers_updated_by_managers(world):
    channel = make_channel(world.college_a, name="文学院公众号")
    url = f"/api/v1/fronts/channels/{channel.pk}/security/"
    editor, secretary = token_client(world.editor), token_client(world.secretary)
    body = editor.get(url).json()
    assert body["problems"] == ["尚未填报安全防护情况"] and body["password_holder"] is None
    update = {"password_holder": _editor_appt(world).pk, "second_factor": True,
              "password_changed_on": (TODAY() - dt.timedelta(days=10)).isoformat(), "notes": "密码由专人保管"}
    assert editor.put(url, update, format="json").status_code == 403
    assert token_client(world.outsider).get(url).status_code == 404
    assert token_client(world.outsider).put(url, update, format="json").status_code == 404
    done = secretary.put(url, update, format="json")
    assert done.status_code == 200, done.content
    body = done.json()
    assert body["password_holder_name"] == "唐编辑" and body["problems"] == [] and body["age_days"] == 10
    assert AuditEvent.objects.filter(action="fronts.channel.security", actor=world.secretary).count() == 1
    outsider_appt = Appointment.objects.get(person=world.outsider_person)
    bad = secretary.put(url, {**update, "password_holder": outsider_appt.pk}, format="json")
    assert bad.status_code == 400 and "本单位现任人员" in bad.content.decode()
    future = secretary.put(url, {**update, "password_changed_on": (TODAY() + dt.timedelta(days=1)).isoformat()},
                           format="json")
    assert future.status_code == 400 and "不能晚于今天" in future.content.decode()
    assert editor.get(url).json()["notes"] == "密码由专人保管"


def test_change_then_close_through_approval(world):
    channel = make_channel(world.college_a, name="文学院公众号")
    secretary, office = token_client(world.secretary), token_client(world.propaganda)
    change = {"changed_on": TODAY().isoformat(), "reason": "更名", "name": "文学院之声",
              "responsibles": {"admin": [_editor_appt(world).pk]}}
    assert token_client(world.editor).post(f"/api/v1/fronts/channels/{channel.pk}/change/", change,
                                           format="json").status_code == 403
    assert token_client(world.outsider).post(f"/api/v1/fronts/channels/{channel.pk}/change/", change,
                                             format="json").status_code == 404
    same = secretary.post(f"/api/v1/fronts/channels/{channel.pk}/change/",
                          {"changed_on": TODAY().isoformat(), "reason": "无", "name": "文学院公众号"}, format="json")
    assert same.status_code == 400 and "没有需要报备的变更" in same.content.decode()
    response = secretary.post(f"/api/v1/fronts/channels/{channel.pk}/change/", change, format="json")
    assert response.status_code == 201, response.content
    req = response.json()
    assert req["kind"] == "change" and req["state"] == "office"  # the secretary heads the unit: signed
    assert req["payload"]["name"] == "文学院之声" and "admin" in req["payload"]["responsibles"]
    assert Channel.objects.get(pk=channel.pk).name == "文学院公众号"  # not before the 宣传部 approves
    close = {"closed_on": TODAY().isoformat(), "reason": "停止运营"}
    busy = secretary.post(f"/api/v1/fronts/channels/{channel.pk}/close/", close, format="json")
    assert busy.status_code == 400 and "正在审批" in busy.content.decode()
    assert office.post(f"/api/v1/fronts/requests/{req['id']}/decide/", {"decision": "approve"},
                       format="json").json()["state"] == "approved"
    assert Channel.objects.get(pk=channel.pk).name == "文学院之声"
    assert token_client(world.editor).post(f"/api/v1/fronts/channels/{channel.pk}/close/", close,
                                           format="json").status_code == 403
    closing = secretary.post(f"/api/v1/fronts/channels/{channel.pk}/close/", close, format="json")
    assert closing.status_code == 201 and closing.json()["kind"] == "close"
    office.post(f"/api/v1/fronts/requests/{closing.json()['id']}/decide/", {"decision": "approve"}, format="json")
    assert Channel.objects.get(pk=channel.pk).status == "closed"


def test_withdraw_only_by_the_submitter(world):
    req = register_wechat(world, world.secretary)
    url = f"/api/v1/fronts/requests/{req.pk}/withdraw/"
    assert token_client(world.editor).post(url).status_code == 403
    assert token_client(world.outsider).post(url).status_code == 404
    response = token_client(world.secretary).post(url)
    assert response.status_code == 200 and response.json()["state"] == "withdrawn"
    assert token_client(world.secretary).post(url).status_code == 400  # already closed


def test_annual_review_filed_by_the_unit_concluded_by_the_office(world):
    channel = make_channel(world.college_a, name="文学院公众号")
    make_channel(world.college_b, name="外院公众号")
    year = TODAY().year
    file_url = f"/api/v1/fronts/channels/{channel.pk}/annual/"
    checks = {"year": year, "student_admins_removed": True, "three_reviews": True, "monitoring": False,
              "self_note": "尚未建立舆情监测"}
    editor, secretary, office = (token_client(u) for u in (world.editor, world.secretary, world.propaganda))
    assert editor.post(file_url, checks, format="json").status_code == 403
    assert secretary.post(file_url, {**checks, "year": year + 1}, format="json").status_code == 400
    filed = secretary.post(file_url, checks, format="json")
    assert filed.status_code == 200, filed.content
    review = filed.json()
    assert review["checks_ok"] is False and review["unit_name"] == "文学院党总支" and review["result"] == ""
    rows = editor.get("/api/v1/fronts/annual-reviews/", {"year": year}).json()["results"]
    assert [r["id"] for r in rows] == [review["id"]]
    assert token_client(world.outsider).get(f"/api/v1/fronts/annual-reviews/{review['id']}/").status_code == 404
    conclude = f"/api/v1/fronts/annual-reviews/{review['id']}/conclude/"
    assert secretary.post(conclude, {"result": "pass"}, format="json").status_code == 403
    assert token_client(world.outsider).post(conclude, {"result": "pass"}, format="json").status_code == 404
    waiting = office.get("/api/v1/fronts/annual-reviews/", {"waiting": "me"}).json()["results"]
    assert [r["id"] for r in waiting] == [review["id"]]
    refused = office.post(conclude, {"result": "pass"}, format="json")
    assert refused.status_code == 400 and "三项检查均符合" in refused.content.decode()
    due = (TODAY() + dt.timedelta(days=30)).isoformat()
    done = office.post(conclude, {"result": "rectify", "conclusion": "建立舆情监测机制", "rectify_by": due},
                       format="json")
    assert done.status_code == 200 and done.json()["result"] == "rectify" and done.json()["rectify_by"] == due
    again = secretary.post(file_url, checks, format="json")
    assert again.status_code == 400 and "已有结论" in again.content.decode()
    overwrite = office.post(conclude, {"result": "fail", "grounds": ["commercial"]}, format="json")
    assert overwrite.status_code == 400 and "不能再次作出结论" in overwrite.content.decode()
    assert office.get(f"/api/v1/fronts/annual-reviews/{review['id']}/").json()["result"] == "rectify"
    assert office.get("/api/v1/fronts/annual-reviews/", {"waiting": "me"}).json()["results"] == []


def test_office_cannot_conclude_its_own_filing(world):
    channel = make_channel(world.college_b, name="外院公众号")
    office = token_client(world.propaganda)
    filed = office.post(f"/api/v1/fronts/channels/{channel.pk}/annual/",
                        {"year": TODAY().year, "student_admins_removed": True, "three_reviews": True,
                         "monitoring": True}, format="json").json()
    response = office.post(f"/api/v1/fronts/annual-reviews/{filed['id']}/conclude/", {"result": "pass"},
                           format="json")
    assert response.status_code == 403 and AnnualReview.objects.get().result == ""


def test_zero_reports(world):
    make_channel(world.college_a, name="文学院公众号")
    year = TODAY().year
    secretary = token_client(world.secretary)
    assert token_client(world.editor).post("/api/v1/fronts/zero-reports/", {"unit": world.college_a.pk, "year": year},
                                           format="json").status_code == 403
    has_channel = secretary.post("/api/v1/fronts/zero-reports/", {"unit": world.college_a.pk, "year": year},
                                 format="json")
    assert has_channel.status_code == 400 and "本单位有阵地" in has_channel.content.decode()
    outside = secretary.post("/api/v1/fronts/zero-reports/", {"unit": world.college_b.pk, "year": year}, format="json")
    assert outside.status_code == 400 and "权限范围" in outside.content.decode()
    created = secretary.post("/api/v1/fronts/zero-reports/", {"unit": world.branch_a.pk, "year": year,
                                                              "note": "本支部无网络阵地"}, format="json")
    assert created.status_code == 201, created.content
    report = created.json()
    assert report["unit_name"] == "文学院学生党支部" and ZeroReport.objects.count() == 1
    twice = secretary.post("/api/v1/fronts/zero-reports/", {"unit": world.branch_a.pk, "year": year}, format="json")
    assert twice.status_code == 400 and "已提交零报告" in twice.content.decode()
    assert [r["id"] for r in secretary.get("/api/v1/fronts/zero-reports/", {"year": year}).json()["results"]] == [
        report["id"]]
    outsider = token_client(world.outsider)
    assert outsider.get("/api/v1/fronts/zero-reports/").json()["results"] == []
    assert outsider.get(f"/api/v1/fronts/zero-reports/{report['id']}/").status_code == 404
    assert token_client(world.propaganda).get(f"/api/v1/fronts/zero-reports/{report['id']}/").status_code == 200


def test_schema_lists_the_new_endpoints(world):
    schema = token_client(world.secretary).get("/api/v1/schema/").content.decode()
    for path in ("/api/v1/fronts/channels/{id}/security/", "/api/v1/fronts/channels/{id}/change/",
                 "/api/v1/fronts/channels/{id}/close/", "/api/v1/fronts/channels/{id}/annual/",
                 "/api/v1/fronts/requests/{id}/withdraw/", "/api/v1/fronts/annual-reviews/{id}/conclude/",
                 "/api/v1/fronts/zero-reports/"):
        assert path in schema, path
