"""The API under the same rules as the screens: an editor's token can submit, a reviewer's token
can decide, neither can do what the person could not."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from netduty.core import audit
from netduty.org.tests.factories import appoint, make_person
from netduty.review.models import State

from .factories import YES, docx, submit

pytestmark = pytest.mark.django_db
BASE = "/api/v1/review/submissions/"


def client_for(user) -> APIClient:
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return c


def _decide(c, sub_id, data, **extra):
    return c.post(f"{BASE}{sub_id}/decide/", {"outcome": "approve", "answers": YES, **data, **extra}, format="json")


def test_token_path_submit_decide_publish(rw):
    editor = client_for(rw.editor)
    r = editor.post(BASE, {"channel": rw.channel.pk, "title": "通知", "body": "<p>中华人民共合国成立七十七周年。</p>",
                           "attachments": [SimpleUploadedFile("a.docx", docx("附件正文"))]}, format="multipart")
    assert r.status_code == 201, r.content
    sub = r.json()
    assert sub["state"] == "reviewing" and sub["stage_name"] == "初审"
    rev = sub["revisions"][0]
    assert rev["attachments"][0]["name"] == "a.docx" and len(rev["attachments"][0]["sha256"]) == 64
    assert any(f["text"] == "中华人民共合国" and f["severity"] == "high" for f in rev["findings"])
    seen = {"content_hash": sub["content_hash"], "version": sub["version"]}
    # the editor's token cannot decide (own submission), the head's not at 初审
    assert _decide(editor, sub["id"], seen).status_code == 403
    assert _decide(client_for(rw.head), sub["id"], seen).status_code == 403
    # outsiders cannot even see it
    assert client_for(rw.outsider).get(f"{BASE}{sub['id']}/").status_code == 404
    assert _decide(client_for(rw.outsider), sub["id"], seen).status_code == 404
    checker = client_for(rw.checker)
    assert [s["id"] for s in checker.get(f"{BASE}?queue=mine").json()["results"]] == [sub["id"]]
    r = _decide(checker, sub["id"], seen)
    assert r.status_code == 400 and "high_reason" in r.json()
    r = _decide(checker, sub["id"], seen, high_reason="系引用的错误示例，已核实")
    assert r.status_code == 201 and r.json()["stage_name"] == "初审"
    # the version is required: without it nothing can be recorded (on whichever stage the item is at)
    r = _decide(client_for(rw.head), sub["id"], {"content_hash": sub["content_hash"]}, high_reason="已核实无误的引用")
    assert r.status_code == 400 and "version" in r.json()
    # a stale call of someone who may decide 初审 but not 复审: 409 saying who decided, not 403
    other = make_person("钱审读", rw.college_a, username="checker2")
    appoint(other, rw.college_a, "info_officer", rw.pack)
    r = _decide(client_for(other.user), sub["id"], seen, high_reason="已核实无误的引用")
    assert r.status_code == 409 and "邹审读已在“初审”作出“通过”决定" in r.json()["detail"]
    # a stale version: 409 with a clear message
    r = _decide(client_for(rw.head), sub["id"], seen, high_reason="已核实无误的引用")
    assert r.status_code == 409 and "意见未保存" in r.json()["detail"]
    for user in (rw.head, rw.dean):
        current = checker.get(f"{BASE}{sub['id']}/").json()
        r = _decide(client_for(user), sub["id"], {"content_hash": current["content_hash"], "version": current["version"]},
                    high_reason="已核实无误的引用")
        assert r.status_code == 201, r.content
    current = editor.get(f"{BASE}{sub['id']}/").json()
    assert current["state"] == "approved"
    # the head may not publish; the editor (author) may, only the approved hash
    assert client_for(rw.head).post(f"{BASE}{sub['id']}/publish/", {"content_hash": current["content_hash"]},
                                     format="json").status_code == 403
    r = editor.post(f"{BASE}{sub['id']}/publish/", {"content_hash": "f" * 64, "url": rw.channel.url_prefix + "x.html"},
                    format="json")
    assert r.status_code == 409
    r = editor.post(f"{BASE}{sub['id']}/publish/", {"content_hash": current["content_hash"],
                                                     "url": rw.channel.url_prefix + "x.html"}, format="json")
    assert r.status_code == 201 and r.json()["content_hash"] == current["content_hash"]
    detail = editor.get(f"{BASE}{sub['id']}/").json()
    assert [d["reviewer"] for d in detail["decisions"]] == ["邹审读", "曾主任", "黄院长"]
    assert detail["publication"]["url"].endswith("x.html")
    assert editor.get("/api/v1/review/publications/").json()["count"] == 1
    assert client_for(rw.outsider).get("/api/v1/review/publications/").json()["count"] == 0
    assert client_for(rw.outsider).get("/api/v1/review/decisions/").json()["count"] == 0
    assert audit.verify().ok


def test_api_cannot_do_what_the_person_could_not(rw):
    # a reviewer's token cannot submit; the 宣传部 cannot submit for 文学院
    r = client_for(rw.head).post(BASE, {"channel": rw.channel.pk, "title": "t", "body": "b"}, format="json")
    assert r.status_code == 403
    r = client_for(rw.outsider).post(BASE, {"channel": rw.channel.pk, "title": "t", "body": "b"}, format="json")
    assert r.status_code == 400 and "channel" in r.json()
    sub = submit(rw)
    r = client_for(rw.head).post(f"{BASE}{sub.pk}/withdraw/", {}, format="json")
    assert r.status_code == 403
    r = client_for(rw.editor).post(f"{BASE}{sub.pk}/revise/", {"title": "新", "body": "<p>新正文</p>"}, format="json")
    assert r.status_code == 201 and r.json()["revision"] == 2
    r = client_for(rw.editor).post(f"{BASE}{sub.pk}/withdraw/", {}, format="json")
    assert r.status_code == 200 and r.json()["state"] == State.WITHDRAWN


def test_schema_lists_review_endpoints(client, rw):
    client.force_login(rw.secretary)
    schema = client.get("/api/v1/schema/").content.decode()
    for path in ["/api/v1/review/submissions/", "/api/v1/review/submissions/{id}/decide/",
                 "/api/v1/review/submissions/{id}/publish/", "/api/v1/review/live-checks/", "/api/v1/review/sweeps/"]:
        assert path in schema
