"""年审, 零报告, security measures, review stages, export, to-do."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError
from django.utils import timezone

from netduty.core import audit
from netduty.core.models import AuditEvent
from netduty.fronts import selectors, services
from netduty.fronts.models import AnnualResult, ChannelStage
from netduty.fronts.tests.factories import make_channel
from netduty.fronts.todo import fronts_todo
from netduty.org.models import Appointment
from netduty.org.tests.factories import appoint, make_person

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


def _file(world, channel, actor=None, **checks):
    values = {"student_admins_removed": True, "three_reviews": True, "monitoring": True, **checks}
    return services.annual_review_file(actor=actor or world.secretary, channel=channel, year=YEAR, **values)


def test_annual_review_file_and_conclude(world):
    channel = make_channel(world.college_a)
    review = _file(world, channel, monitoring=False, self_note="尚未建立监测")
    with pytest.raises(PermissionDenied):  # only the 宣传部 concludes
        services.annual_review_conclude(actor=world.secretary, review=review, result="pass")
    with pytest.raises(ValidationError, match="三项检查"):
        services.annual_review_conclude(actor=world.propaganda, review=review, result="pass")
    with pytest.raises(ValidationError, match="整改要求"):
        services.annual_review_conclude(actor=world.propaganda, review=review, result="rectify")
    review = services.annual_review_conclude(actor=world.propaganda, review=review, result="rectify",
                                             conclusion="一个月内建立舆情监测机制",
                                             rectify_by=dt.date(YEAR + 1, 1, 31))
    assert review.result == AnnualResult.RECTIFY and review.concluded_by == world.propaganda
    with pytest.raises(ValidationError, match="已有结论"):
        _file(world, channel)
    with pytest.raises(ValidationError, match="不能再次作出结论"):  # a conclusion is never overwritten
        services.annual_review_conclude(actor=world.propaganda, review=review, result="pass")
    review.refresh_from_db()
    assert review.result == AnnualResult.RECTIFY
    assert [e.action for e in AuditEvent.objects.filter(action__startswith="fronts.annual").order_by("id")] == [
        "fronts.annual.file", "fronts.annual.conclude"]


def test_annual_review_fail_needs_ground_and_filer_cannot_conclude(world):
    channel = make_channel(world.college_a)
    review = _file(world, channel, actor=world.admin)
    with pytest.raises(PermissionDenied, match="本人"):
        services.annual_review_conclude(actor=world.admin, review=review, result="pass")
    with pytest.raises(ValidationError, match="不合格情形"):
        services.annual_review_conclude(actor=world.propaganda, review=review, result="fail")
    with pytest.raises(ValidationError, match="未知"):
        services.annual_review_conclude(actor=world.propaganda, review=review, result="fail", grounds=["x"])
    review = services.annual_review_conclude(actor=world.propaganda, review=review, result="fail",
                                             grounds=["commercial", "harmful"])
    assert review.ground_labels() == ["从事商业推广", "发布有害信息"]


def test_annual_review_permissions(world):
    channel = make_channel(world.college_a)
    for user in (world.outsider, world.editor, world.head):
        with pytest.raises(PermissionDenied):
            _file(world, channel, actor=user)
    pending = make_channel(world.college_a, status="pending")
    with pytest.raises(ValidationError, match="尚未完成备案"):
        _file(world, pending)


def test_zero_report(world):
    make_channel(world.college_a)
    with pytest.raises(ValidationError, match="有阵地"):
        services.zero_report_file(actor=world.secretary, unit=world.college_a, year=YEAR)
    report = services.zero_report_file(actor=world.secretary, unit=world.branch_a, year=YEAR, note="本支部无阵地")
    assert report.unit == world.branch_a
    with pytest.raises(ValidationError, match="已提交"):
        services.zero_report_file(actor=world.secretary, unit=world.branch_a, year=YEAR)
    with pytest.raises(PermissionDenied):
        services.zero_report_file(actor=world.outsider, unit=world.branch_a, year=YEAR - 1)
    with pytest.raises(ValidationError, match="年度"):
        services.zero_report_file(actor=world.secretary, unit=world.branch_a, year=YEAR + 1)
    rows = {r.unit.pk: r for r in selectors.annual_overview(world.secretary, YEAR)}
    assert set(rows) == {world.college_a.pk, world.branch_a.pk}
    assert rows[world.branch_a.pk].done and not rows[world.college_a.pk].done


def test_security_measures_and_stale_password(world, settings):
    channel = make_channel(world.college_a)
    status = selectors.security_status(channel, timezone.localdate())
    assert status.stale and "尚未填报安全防护情况" in status.problems
    editor = Appointment.objects.get(person=world.editor_person)
    old = timezone.localdate() - dt.timedelta(days=200)
    services.security_update(actor=world.secretary, channel=channel, password_holder=editor, second_factor=True,
                             password_changed_on=old)
    status = selectors.security_status(channel, timezone.localdate())
    assert status.stale and status.age_days == 200 and status.problems == ["密码超过 180 天未修改"]
    settings.NETDUTY_FRONTS_PASSWORD_MAX_AGE_DAYS = 365  # configurable
    assert not selectors.security_status(channel, timezone.localdate()).stale
    outsider = Appointment.objects.get(person=world.outsider_person)
    with pytest.raises(ValidationError, match="现任人员"):
        services.security_update(actor=world.secretary, channel=channel, password_holder=outsider,
                                 second_factor=True, password_changed_on=old)
    with pytest.raises(PermissionDenied):
        services.security_update(actor=world.editor, channel=channel, password_holder=editor, second_factor=True,
                                 password_changed_on=old)
    event = AuditEvent.objects.filter(action="fronts.channel.security").get()
    assert event.after["password_holder"] == editor.pk and event.before is None


def test_stages_edit_by_office_only(world):
    channel = make_channel(world.college_a, tier="1")
    with pytest.raises(PermissionDenied):
        services.stage_add(actor=world.secretary, channel=channel)
    first = ChannelStage.objects.get(channel=channel, code="first")
    services.stage_add(actor=world.propaganda, channel=channel)
    assert [(s.code, s.roles) for s in selectors.stages(channel)][-1] == ("office", ["propaganda_office"])
    specs = [{"code": "final", "name": "终审", "roles": ["unit_head"]},
             {"code": "first", "name": "初审（专人）", "roles": ["info_officer"]}]
    services.stages_set(actor=world.propaganda, channel=channel, specs=specs)
    stages = selectors.stages(channel)
    assert [(s.order, s.code, s.name) for s in stages] == [(1, "final", "终审"), (2, "first", "初审（专人）")]
    assert stages[1].pk == first.pk  # rows kept by code
    with pytest.raises(ValidationError, match="未知角色"):
        services.stages_set(actor=world.propaganda, channel=channel, specs=[{"code": "a", "name": "甲",
                                                                             "roles": ["nope"]}])
    with pytest.raises(ValidationError, match="重复"):
        services.stages_set(actor=world.propaganda, channel=channel, specs=specs + specs[:1])
    with pytest.raises(ValidationError, match="至少"):
        services.stages_set(actor=world.propaganda, channel=channel, specs=[])
    event = AuditEvent.objects.filter(action="fronts.channel.stages").order_by("-id").first()
    assert [s["code"] for s in event.after["stages"]] == ["final", "first"]


def test_stage_with_records_cannot_be_removed(world, monkeypatch):
    channel = make_channel(world.college_a)

    def refuse(self, *a, **kw):
        raise ProtectedError("referenced", set())

    monkeypatch.setattr(ChannelStage, "delete", refuse)
    with pytest.raises(ValidationError, match="不能删除"):
        services.stages_set(actor=world.propaganda, channel=channel,
                            specs=[{"code": "first", "name": "初审", "roles": ["info_officer"]}])
    assert len(selectors.stages(channel)) == 3


def test_export_writes_an_audit_event(world):
    from io import BytesIO

    from openpyxl import load_workbook

    make_channel(world.college_a, name="文学院公众号")
    make_channel(world.college_b, name="外院公众号")
    data = services.registry_export(actor=world.secretary, channels=selectors.registry(world.secretary),
                                    filters={})
    ws = load_workbook(BytesIO(data)).active
    names = [row[2] for row in ws.iter_rows(min_row=3, values_only=True)]
    assert names == ["文学院公众号"]
    event = AuditEvent.objects.filter(action="fronts.channel.export").get()
    assert event.after == {"filters": {}, "rows": 1}
    assert audit.verify().ok


def test_todo_for_heads_and_office(world, pack):
    today = timezone.localdate()
    make_channel(world.college_a, name="文学院公众号")
    deputy = make_person("副书记", world.college_a, username="deputy")
    appoint(deputy, world.college_a, "direct_responsible", pack)
    from netduty.fronts.tests.factories import register_wechat

    register_wechat(world, deputy.user, name="文学院视频号", platform="channels", account_id="sph1")
    labels = [i["label"] for i in fronts_todo(world.secretary, today)]
    assert any("待审批" in label and "文学院视频号" in label for label in labels)
    assert any("年审尚未填报" in label for label in labels)
    assert any("零报告" in label and "学生党支部" in label for label in labels)
    office = [i["label"] for i in fronts_todo(world.propaganda, today)]
    assert any("个单位尚未完成年审或零报告" in label for label in office)
    assert fronts_todo(world.editor, today) == []  # no fronts.manage
