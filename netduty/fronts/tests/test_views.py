"""Pages: forms go through the services, scope decides what is visible."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netduty.core.models import AuditEvent
from netduty.fronts.models import AnnualReview, Channel, ChannelRequest, SecurityMeasures, ZeroReport
from netduty.fronts.tests.factories import make_channel, register_wechat
from netduty.org.models import Appointment

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def _editor(world):
    return Appointment.objects.get(person=world.editor_person)


def test_register_form_prefills_people_and_submits(client, world):
    client.force_login(world.secretary)
    page = client.get(reverse("fronts:register"))
    html = page.content.decode()
    assert page.status_code == 200 and "唐编辑 · 信息员" in html
    assert f'value="{_editor(world).pk}"' in html and "checked" in html
    assert "style=" not in html and "<script" not in html  # CSP: no inline style or script
    response = client.post(reverse("fronts:register") + f"?unit={world.college_a.pk}", {
        "unit": world.college_a.pk, "platform": "wechat", "name": "文学院青年", "account_id": "gh_wxyqn",
        "tier": "2", "opened_on": (TODAY() - dt.timedelta(days=1)).isoformat(), "admins": [_editor(world).pk],
    })
    channel = Channel.objects.get(name="文学院青年")
    assert response.status_code == 302 and response["Location"] == reverse("fronts:channel_detail",
                                                                           args=[channel.pk])
    assert channel.status == "pending" and channel.requests.get().state == "office"


def test_register_form_errors_and_other_units(client, world):
    client.force_login(world.secretary)
    response = client.post(reverse("fronts:register"), {
        "unit": world.college_b.pk, "platform": "wechat", "name": "越权", "tier": "2",
        "opened_on": TODAY().isoformat(), "admins": [_editor(world).pk]})
    assert response.status_code == 200 and not Channel.objects.exists()  # college_b is not in the choices
    client.force_login(world.editor)  # 信息员: view only
    assert client.get(reverse("fronts:register")).status_code == 403


def test_registry_list_filters_scope_and_query_count(client, world):
    make_channel(world.college_a, name="文学院公众号")
    make_channel(world.college_a, name="文学院网站", platform="website", url="https://wxy.example.edu.cn/")
    make_channel(world.college_b, name="外院公众号")
    client.force_login(world.secretary)
    html = client.get(reverse("fronts:index")).content.decode()
    assert "文学院公众号" in html and "文学院网站" in html and "外院公众号" not in html
    html = client.get(reverse("fronts:index"), {"platform": "website"}).content.decode()
    assert "文学院网站" in html and "文学院公众号" not in html
    client.force_login(world.propaganda)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("fronts:index"))
    for i in range(5):
        make_channel(world.college_b, name=f"外院栏目{i}")
    with CaptureQueriesContext(connection) as many:
        assert "外院栏目4" in client.get(reverse("fronts:index")).content.decode()
    assert len(many) == len(few)


def test_export_is_scoped_and_audited(client, world):
    make_channel(world.college_a, name="文学院公众号")
    client.force_login(world.secretary)
    response = client.get(reverse("fronts:export"), {"platform": "wechat"})
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxml")
    event = AuditEvent.objects.get(action="fronts.channel.export")
    assert event.actor_id == world.secretary.pk and event.after["filters"]["platform"] == "wechat"


def test_detail_shows_people_stages_security_history(client, world):
    req = register_wechat(world, world.secretary)
    client.force_login(world.propaganda)
    client.post(reverse("fronts:request_decide", args=[req.pk]), {"decision": "approve"})
    html = client.get(reverse("fronts:channel_detail", args=[req.channel_id])).content.decode()
    assert "在用" in html and "唐编辑" in html and "2020年1月1日起" in html
    assert "初审" in html and "复审" in html and "终审" in html and "信息员/专人" in html
    assert "尚未填报安全防护情况" in html and "提交即签批" in html
    assert "李书记" in html  # the leader is inferred from the unit's appointments
    assert "按任职推定" in html


def test_decision_form_and_refusals(client, world):
    req = register_wechat(world, world.secretary)
    client.force_login(world.secretary)
    page = client.get(reverse("fronts:request_detail", args=[req.pk])).content.decode()
    assert "decide-form" not in page and "不能审批本人提交的申请" in page
    client.force_login(world.propaganda)
    response = client.post(reverse("fronts:request_decide", args=[req.pk]), {"decision": "reject"})
    assert response.status_code == 302
    req.refresh_from_db()
    assert req.state == "office"  # a refusal needs a reason
    client.post(reverse("fronts:request_decide", args=[req.pk]), {"decision": "reject", "comment": "账号主体不符"})
    req.refresh_from_db()
    assert req.state == "rejected"
    client.force_login(world.secretary)
    assert client.get(reverse("fronts:reapply", args=[req.channel_id])).status_code == 200


def test_change_form(client, world):
    channel = make_channel(world.college_a, name="文学院公众号")
    client.force_login(world.secretary)
    page = client.get(reverse("fronts:change", args=[channel.pk]))
    assert page.status_code == 200
    response = client.post(reverse("fronts:change", args=[channel.pk]), {
        "name": "文学院之声", "tier": "2", "admins": [_editor(world).pk], "changed_on": TODAY().isoformat(),
        "reason": "更名"})
    assert response.status_code == 302
    req = ChannelRequest.objects.get(channel=channel)
    assert req.kind == "change" and req.payload["name"] == "文学院之声"
    client.force_login(world.head)  # 部门负责人: may view, not manage
    assert client.get(reverse("fronts:change", args=[channel.pk])).status_code == 403
    client.force_login(world.outsider)
    assert client.get(reverse("fronts:change", args=[channel.pk])).status_code == 404


def test_security_annual_zero_and_stages_forms(client, world):
    channel = make_channel(world.college_a, tier="1")
    client.force_login(world.secretary)
    client.post(reverse("fronts:security", args=[channel.pk]), {
        "password_holder": _editor(world).pk, "second_factor": "on",
        "password_changed_on": (TODAY() - dt.timedelta(days=10)).isoformat()})
    assert SecurityMeasures.objects.get(channel=channel).second_factor
    client.post(reverse("fronts:annual_file", args=[channel.pk]), {
        "year": TODAY().year, "student_admins_removed": "on", "three_reviews": "on", "monitoring": "on"})
    review = AnnualReview.objects.get(channel=channel)
    client.post(reverse("fronts:zero_report"), {"unit": world.branch_a.pk, "year": TODAY().year})
    assert ZeroReport.objects.filter(unit=world.branch_a).exists()
    html = client.get(reverse("fronts:annual")).content.decode()
    assert "已提交" in html and "待审核" in html

    client.force_login(world.propaganda)
    client.post(reverse("fronts:annual_conclude", args=[review.pk]), {"result": "pass"})
    review.refresh_from_db()
    assert review.result == "pass"
    client.post(reverse("fronts:stage_add_office", args=[channel.pk]))
    assert list(channel.stages.values_list("code", flat=True)) == ["first", "second", "final", "office"]
    page = client.get(reverse("fronts:stages", args=[channel.pk]))
    assert page.status_code == 200
    data = {"stage-TOTAL_FORMS": "5", "stage-INITIAL_FORMS": "4", "stage-MIN_NUM_FORMS": "0",
            "stage-MAX_NUM_FORMS": "1000"}
    rows = [("first", "初审", ["info_officer"]), ("final", "终审", ["unit_head"]),
            ("second", "复审", ["dept_head"]), ("office", "宣传部审核", ["propaganda_office"])]
    for i, (code, name, roles) in enumerate(rows):
        data.update({f"stage-{i}-code": code, f"stage-{i}-name": name, f"stage-{i}-roles": roles})
    data["stage-2-DELETE"] = "on"
    response = client.post(reverse("fronts:stages", args=[channel.pk]), data)
    assert response.status_code == 302
    assert list(channel.stages.order_by("order").values_list("code", flat=True)) == ["first", "final", "office"]


def test_queue_shows_waiting_with_age(client, world):
    req = register_wechat(world, world.secretary)
    client.force_login(world.propaganda)
    html = client.get(reverse("fronts:queue")).content.decode()
    assert reverse("fronts:request_detail", args=[req.pk]) in html and "待宣传部审批" in html
    client.force_login(world.outsider)
    html = client.get(reverse("fronts:queue")).content.decode()
    assert reverse("fronts:request_detail", args=[req.pk]) not in html


def test_dashboard_todo_lists_pending_approval(client, world):
    register_wechat(world, world.secretary)
    client.force_login(world.propaganda)
    html = client.get(reverse("home")).content.decode()
    assert "阵地备案待审批" in html


def _queries(client, url, **params):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


def test_registry_is_paged(client, world, monkeypatch):
    from netduty.fronts.views import registry

    monkeypatch.setattr(registry, "PER_PAGE", 2)
    for i in range(5):
        make_channel(world.college_b, name=f"外院栏目{i}")
    client.force_login(world.propaganda)
    _, html = _queries(client, reverse("fronts:index"))
    assert html.count("<tr data-channel=") == 2 and "第 1 / 3 页" in html
    _, html = _queries(client, reverse("fronts:index"), unit=world.college_b.pk, page=3)
    assert html.count("<tr data-channel=") == 1 and "外院栏目4" in html
    assert f'<option value="{world.college_b.pk}" selected>' in html  # the unit filter keeps its choice


def test_dashboard_query_count_does_not_grow_with_the_registry(client, world):
    """The 宣传部's 待办 counts the units without 年审 / 零报告 in one query, whatever their number."""
    from netduty.fronts import services
    from netduty.org.tests.factories import make_unit

    make_channel(world.college_a, name="文学院公众号", opened_on=dt.date(2020, 1, 1))
    client.force_login(world.propaganda)
    small, html = _queries(client, reverse("home"))
    assert "个单位尚未完成年审或零报告" in html
    for i in range(4):
        unit = make_unit(f"grow{i}", f"新增支部{i}", "branch", world.college_b)
        if i % 2:
            services.zero_report_file(actor=world.propaganda, unit=unit, year=TODAY().year)
        channel = make_channel(world.college_b, name=f"外院栏目{i}", opened_on=dt.date(2020, 1, 1))
        services.annual_review_file(actor=world.propaganda, channel=channel, year=TODAY().year,
                                    student_admins_removed=True, three_reviews=True, monitoring=True)
    large, _ = _queries(client, reverse("home"))
    assert large == small


def test_annual_pending_count_matches_the_overview(world):
    """`annual_pending_count` (one COUNT) agrees with `annual_overview` (unit by unit) for each scope."""
    from netduty.fronts import selectors, services

    year = TODAY().year
    site = make_channel(world.college_a, platform="website", name="文学院网站", url="https://wxy.example.edu.cn/",
                        opened_on=dt.date(2020, 1, 1))
    make_channel(world.college_a, name="文学院公众号", opened_on=dt.date(2020, 1, 1))
    reviewed = make_channel(world.college_b, name="外院公众号", opened_on=dt.date(2020, 1, 1))
    make_channel(world.college_b, name="外院新号", opened_on=dt.date(year + 1, 1, 1))  # not yet that year
    services.annual_review_file(actor=world.propaganda, channel=reviewed, year=year, student_admins_removed=True,
                                three_reviews=True, monitoring=True)
    services.annual_review_file(actor=world.propaganda, channel=site, year=year - 1, student_admins_removed=True,
                                three_reviews=True, monitoring=True)  # last year's does not count
    services.zero_report_file(actor=world.secretary, unit=world.branch_a, year=year)
    for user in (world.propaganda, world.secretary, world.outsider, world.editor, world.nobody):
        for y in (year - 1, year):
            expected = sum(1 for row in selectors.annual_overview(user, y) if not row.done)
            assert selectors.annual_pending_count(user, y) == expected, (user, y)
