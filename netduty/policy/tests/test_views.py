"""Pack pages (login required, anyone logged in may read) and the read-only API."""

import pytest
from django.urls import reverse

from netduty.policy import services

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_redirected_to_login(pack, client):
    for url in (reverse("policy:pack_list"), reverse("policy:pack_detail", args=[pack.pk])):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]


def test_any_logged_in_user_reads_the_pack(world, client):
    client.force_login(world.nobody)
    response = client.get(reverse("policy:pack_list"))
    assert response.status_code == 200
    assert "中共邵阳学院委员会关于网络意识形态工作责任制实施细则" in response.text and "现行" in response.text
    response = client.get(reverse("policy:pack_detail", args=[world.pack.pk]))
    html = response.text
    assert response.status_code == 200
    for text in ("重点任务清单", "党委会议每年专题研究意识形态工作不少于2次。", "每季度一次", "适时上报",
                 "问责情形", "管辖范围内网络平台出现严重错误导向", "诫勉", "改组", "网络发言人", "做好监督检查",
                 "目前对外发布是否适宜？", "一事一审、全面审查", "第一责任人", "初审", "30 天内备案"):
        assert text in html, text
    assert 'rowspan="3"' in html  # 领导责任 spans its rows, as in the 附件 table
    assert "<script" not in html.split("</header>")[1] and "style=" not in html


def test_unknown_pack_is_404(world, client):
    client.force_login(world.nobody)
    assert client.get(reverse("policy:pack_detail", args=[999999])).status_code == 404


def test_api_lists_the_active_pack(world, client):
    client.force_login(world.editor)
    packs = client.get("/api/v1/policy/packs/").json()
    assert packs["count"] == 1 and packs["results"][0]["code"] == "shaoyang-2018"
    roles = client.get("/api/v1/policy/roles/").json()
    assert roles["count"] == 10 and roles["results"][0]["code"] == "first_responsible"
    tasks = client.get("/api/v1/policy/tasks/").json()
    assert tasks["count"] == 13 and tasks["results"][1]["min_count"] == 2
    situations = client.get("/api/v1/policy/items/?kind=situation").json()
    assert situations["count"] == 9 and situations["results"][4]["source_ref"] == "三.5"
    role_id = roles["results"][0]["id"]
    assert client.get(f"/api/v1/policy/roles/{role_id}/").json()["code"] == "first_responsible"


def test_api_keeps_old_versions_reachable(world, client):
    text = services.default_pack_text().replace("  version: 1\n", "  version: 2\n", 1)
    new = services.pack_load(actor=None, text=text.replace("effective_from: 2018-09-20", "effective_from: 2020-01-01"))
    client.force_login(world.editor)
    assert {r["pack"] for r in client.get("/api/v1/policy/roles/").json()["results"]} == {new.pk}
    assert client.get(f"/api/v1/policy/roles/?pack={world.pack.pk}").json()["count"] == 10
    assert client.get("/api/v1/policy/roles/?pack=all").json()["count"] == 20


def test_api_requires_authentication(pack, client):
    assert client.get("/api/v1/policy/packs/").status_code in (401, 403)


def test_admin_is_read_only(world, client):
    client.force_login(world.admin)
    assert client.get(reverse("admin:policy_policypack_changelist")).status_code == 200
    assert client.get(reverse("admin:policy_policypack_change", args=[world.pack.pk])).status_code == 200
    assert client.get(reverse("admin:policy_role_add")).status_code == 403
