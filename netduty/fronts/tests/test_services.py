"""Registration, change and closure requests through the two approval steps."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from netduty.core import audit
from netduty.core.models import AuditEvent
from netduty.fronts import selectors, services
from netduty.fronts.models import ChannelRequest, ChannelStatus, Duty, RequestState
from netduty.fronts.tests.factories import make_channel, people_of, register_wechat
from netduty.org.models import Appointment
from netduty.org.tests.factories import appoint, make_person

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def test_head_registers_office_approves_channel_becomes_active(world):
    req = register_wechat(world, world.secretary)
    assert req.state == RequestState.OFFICE  # the head's submission is the unit's permission
    assert req.decisions.get().by_submission
    channel = req.channel
    assert channel.status == ChannelStatus.PENDING and len(selectors.stages(channel)) == 3
    assert not req.late and req.due_on == req.event_on + dt.timedelta(days=30)

    services.request_decide(actor=world.propaganda, request=req, decision="approve")
    channel.refresh_from_db()
    assert channel.status == ChannelStatus.ACTIVE and channel.registered_on == TODAY()
    assert people_of(channel)[Duty.ADMIN] == [world.editor_person.name]
    actions = list(AuditEvent.objects.filter(object_type__startswith="fronts").order_by("id").values_list("action", flat=True))
    assert actions == ["fronts.request.register", "fronts.request.approve", "fronts.channel.register"]
    assert audit.verify().ok


def test_non_head_request_waits_for_unit_head_then_office(world, pack):
    deputy = make_person("副书记", world.college_a, username="deputy")
    appoint(deputy, world.college_a, "direct_responsible", pack)
    req = register_wechat(world, deputy.user)
    assert req.state == RequestState.UNIT
    assert list(selectors.approval_queue(world.secretary, TODAY())) == [req]
    assert list(selectors.approval_queue(world.propaganda, TODAY())) == []
    with pytest.raises(PermissionDenied):  # the 宣传部 does not skip the unit's head
        services.request_decide(actor=world.propaganda, request=req, decision="approve")
    with pytest.raises(PermissionDenied):  # the outsider is head of another unit
        services.request_decide(actor=world.outsider, request=req, decision="approve")
    req = services.request_decide(actor=world.secretary, request=req, decision="approve")
    assert req.state == RequestState.OFFICE
    assert list(selectors.approval_queue(world.propaganda, TODAY())) == [req]
    req = services.request_decide(actor=world.propaganda, request=req, decision="approve", comment="同意备案")
    req.channel.refresh_from_db()
    assert req.state == RequestState.APPROVED and req.channel.status == ChannelStatus.ACTIVE


def test_nobody_approves_their_own_request_or_two_steps(world, pack):
    # a 宣传部 officer registers a channel of her own office: someone else must approve
    appoint(world.propaganda_person, world.xcb, "unit_head", pack)
    req = register_wechat(world, world.propaganda, unit=world.xcb)
    assert req.state == RequestState.OFFICE
    with pytest.raises(PermissionDenied, match="本人"):
        services.request_decide(actor=world.propaganda, request=req, decision="approve")
    # someone who is both the unit's head and 宣传部 may decide one step only
    both = make_person("两职", world.college_a, username="both")
    appoint(both, world.college_a, "unit_head", pack)
    appoint(both, world.xcb, "propaganda_office", pack)
    deputy = make_person("副书记", world.college_a, username="deputy")
    appoint(deputy, world.college_a, "direct_responsible", pack)
    req2 = register_wechat(world, deputy.user, name="文学院视频号", platform="channels", account_id="sph-wxy")
    req2 = services.request_decide(actor=both.user, request=req2, decision="approve")
    assert req2.state == RequestState.OFFICE
    assert req2 not in selectors.approval_queue(both.user, TODAY())
    with pytest.raises(PermissionDenied, match="同一人"):
        services.request_decide(actor=both.user, request=req2, decision="approve")


def test_reject_keeps_history_and_allows_reapplying(world):
    req = register_wechat(world, world.secretary)
    with pytest.raises(ValidationError, match="理由"):
        services.request_decide(actor=world.propaganda, request=req, decision="reject")
    services.request_decide(actor=world.propaganda, request=req, decision="reject", comment="认证主体不符")
    channel = req.channel
    channel.refresh_from_db()
    assert channel.status == ChannelStatus.REJECTED
    again = services.registration_submit(
        actor=world.secretary, unit=world.college_a, channel=channel, platform="wechat", name=channel.name,
        account_id=channel.account_id, opened_on=channel.opened_on, verified_entity="湘中师范学院",
        responsibles={"admin": [_editor_appt(world).pk]})
    assert again.channel_id == channel.pk and again.state == RequestState.OFFICE
    services.request_decide(actor=world.propaganda, request=again, decision="approve")
    assert [r.state for r in selectors.history(channel)] == ["approved", "rejected"]


def _editor_appt(world):
    return Appointment.objects.get(person=world.editor_person)


def test_change_applies_only_when_approved(world, pack):
    channel = make_channel(world.college_a, name="文学院公众号")
    other = make_person("新管理员", world.branch_a)
    new_admin = appoint(other, world.branch_a, "commentator", pack)
    req = services.change_submit(actor=world.secretary, channel=channel, changed_on=TODAY(), reason="更名并更换管理员",
                                 changes={"name": "文学院青年说", "url": ""},
                                 responsibles={"admin": [new_admin.pk]})
    assert req.payload == {"name": "文学院青年说", "responsibles": {"admin": [new_admin.pk], "department": [],
                                                                  "leader": []}}
    channel.refresh_from_db()
    assert channel.name == "文学院公众号"  # not before approval
    with pytest.raises(ValidationError, match="正在审批"):
        services.change_submit(actor=world.secretary, channel=channel, changed_on=TODAY(), reason="再改",
                               changes={"name": "又一个名字"})
    services.request_decide(actor=world.propaganda, request=req, decision="reject", comment="名称不规范")
    channel.refresh_from_db()
    assert channel.name == "文学院公众号" and not channel.responsibles.exists()
    req = services.change_submit(actor=world.secretary, channel=channel, changed_on=TODAY() - dt.timedelta(days=10),
                                 reason="更名", changes={"name": "文学院青年说"})
    assert req.late  # reported 10 days after the change, the pack allows 7
    services.request_decide(actor=world.propaganda, request=req, decision="approve")
    channel.refresh_from_db()
    assert channel.name == "文学院青年说"
    event = AuditEvent.objects.filter(action="fronts.channel.change").get()
    assert event.before["name"] == "文学院公众号" and event.after["name"] == "文学院青年说"


def test_change_validation(world):
    channel = make_channel(world.college_a)
    with pytest.raises(ValidationError, match="没有需要报备的变更"):
        services.change_submit(actor=world.secretary, channel=channel, changed_on=TODAY(), reason="x",
                               changes={"name": channel.name})
    with pytest.raises(ValidationError, match="不能通过变更报备"):
        services.change_submit(actor=world.secretary, channel=channel, changed_on=TODAY(), reason="x",
                               changes={"unit": world.college_b.pk})
    outsider_appt = Appointment.objects.get(person=world.outsider_person)
    with pytest.raises(ValidationError, match="现任人员"):
        services.change_submit(actor=world.secretary, channel=channel, changed_on=TODAY(), reason="x",
                               responsibles={"admin": [outsider_appt.pk]})
    with pytest.raises(ValidationError, match="晚于今天"):
        services.change_submit(actor=world.secretary, channel=channel, changed_on=TODAY() + dt.timedelta(days=1),
                               reason="x", changes={"name": "新名"})


def test_close_request(world):
    channel = make_channel(world.college_a)
    req = services.closure_submit(actor=world.secretary, channel=channel, closed_on=TODAY(), reason="停止运营")
    services.request_decide(actor=world.propaganda, request=req, decision="approve")
    channel.refresh_from_db()
    assert channel.status == ChannelStatus.CLOSED and channel.closed_on == TODAY()


def test_who_may_submit(world):
    channel = make_channel(world.college_a)
    for user in (world.editor, world.head, world.outsider, world.discipline):
        with pytest.raises(PermissionDenied):
            services.change_submit(actor=user, channel=channel, changed_on=TODAY(), reason="x",
                                   changes={"name": "新名"})
    with pytest.raises(PermissionDenied):
        register_wechat(world, world.outsider)


def test_second_decider_on_a_stale_copy_is_told(world):
    req = register_wechat(world, world.secretary)
    stale = ChannelRequest.objects.get(pk=req.pk)
    services.request_decide(actor=world.propaganda, request=req, decision="approve")
    with pytest.raises(ValidationError, match="他人处理"):
        services.request_decide(actor=world.admin, request=stale, decision="reject", comment="x")
    assert req.decisions.count() == 2


def test_withdraw(world):
    req = register_wechat(world, world.secretary)
    with pytest.raises(PermissionDenied):
        services.request_withdraw(actor=world.propaganda, request=req)
    services.request_withdraw(actor=world.secretary, request=req)
    req.refresh_from_db()
    assert req.state == RequestState.WITHDRAWN


def test_ended_admin_appointment_makes_a_change_due(world, pack):
    channel = make_channel(world.college_a)
    person = make_person("学生管理员", world.college_a)
    appt = appoint(person, world.college_a, "commentator", pack, start=dt.date(2024, 1, 1))
    req = services.change_submit(actor=world.secretary, channel=channel, changed_on=TODAY(), reason="指定管理员",
                                 responsibles={"admin": [appt.pk]})
    services.request_decide(actor=world.propaganda, request=req, decision="approve")
    assert selectors.changes_due(channel, TODAY()) == []
    from netduty.org import services as org_services

    ended = TODAY() - dt.timedelta(days=10)
    org_services.appointment_end(actor=None, appointment=appt, valid_to=ended)
    due = selectors.changes_due(channel, TODAY())
    assert len(due) == 1 and due[0].overdue and due[0].due_on == ended + dt.timedelta(days=7)
    from netduty.fronts.todo import fronts_todo

    labels = [i["label"] for i in fronts_todo(world.secretary, TODAY())]
    assert any("任职已结束" in label for label in labels)


def test_waiting_approvers_are_emailed(world, mailoutbox, django_capture_on_commit_callbacks, settings):
    settings.NETDUTY_BASE_URL = "https://netduty.example.edu.cn"
    world.propaganda_person.email = "xcb@example.edu.cn"
    world.propaganda_person.save(update_fields=["email"])
    world.secretary_person.email = "sj@example.edu.cn"
    world.secretary_person.save(update_fields=["email"])
    with django_capture_on_commit_callbacks(execute=True):
        req = register_wechat(world, world.secretary)
    assert [m.to for m in mailoutbox] == [["xcb@example.edu.cn"]]
    assert "待审批" in mailoutbox[0].subject
    assert f"https://netduty.example.edu.cn/fronts/requests/{req.pk}/" in mailoutbox[0].body  # absolute link
    with django_capture_on_commit_callbacks(execute=True):
        services.request_decide(actor=world.propaganda, request=req, decision="approve")
    assert mailoutbox[-1].to == ["sj@example.edu.cn"] and "已通过" in mailoutbox[-1].subject
    assert f"https://netduty.example.edu.cn/fronts/requests/{req.pk}/" in mailoutbox[-1].body


def test_fallback_stages_match_the_default_pack():
    import yaml

    from netduty.fronts.services.channels import FALLBACK_STAGES
    from netduty.policy.services import default_pack_text

    pack = yaml.safe_load(default_pack_text())
    assert FALLBACK_STAGES == pack["data"]["review"]["stages"]
