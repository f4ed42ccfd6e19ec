"""Submitting evidence for acceptance; acceptance or return by the next level up only."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from netduty.core.models import AuditEvent, Notification
from netduty.duties import services
from netduty.duties.models import PeriodReview
from netduty.duties.status import Status
from netduty.org.tests.factories import appoint, make_person

from .factories import at, generate, period, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def supervision(world):
    generate(2025)
    return period(world.college_a, "supervision", "2025")


def submit(world, p, who=None):
    services.evidence_add(actor=who or world.editor, period=p, upload=upload(), name="督查报告.pdf")
    p = services.period_submit(actor=who or world.editor, period=p, statement="已开展督查")
    p.submitted_at = at(dt.date(2025, 6, 1))  # as if submitted in time
    p.save(update_fields=["submitted_at"])
    return p


def test_submit_needs_evidence_and_statement(world, supervision):
    with pytest.raises(ValidationError, match="佐证材料"):
        services.period_submit(actor=world.editor, period=supervision, statement="完成")
    services.evidence_add(actor=world.editor, period=supervision, upload=upload(), name="a.pdf")
    with pytest.raises(ValidationError):
        services.period_submit(actor=world.editor, period=supervision, statement="  ")
    with pytest.raises(PermissionDenied):
        services.period_submit(actor=world.outsider, period=supervision, statement="完成")
    p = services.period_submit(actor=world.editor, period=supervision, statement="完成")
    assert p.review_state == "submitted" and p.status_on(dt.date(2025, 6, 1)) == Status.IN_PROGRESS
    with pytest.raises(ValidationError, match="重复"):
        services.period_submit(actor=world.editor, period=p, statement="完成")


def test_counted_period_is_not_submitted(world):
    generate(2025)
    from netduty.org.tests.factories import appoint as _appoint

    _appoint(world.secretary_person, world.root, "info_officer", world.pack)
    with pytest.raises(ValidationError, match="自动计数"):
        services.period_submit(actor=world.secretary, period=period(world.root, "committee_meetings", "2025-H1"),
                               statement="x")


def test_next_level_up_accepts_and_time_is_the_submission(world, supervision):
    p = submit(world, supervision)
    # the unit's own secretary (duties.accept on its own unit only) may not accept
    with pytest.raises(PermissionDenied, match="上级"):
        services.period_accept(actor=world.secretary, period=p)
    with pytest.raises(PermissionDenied):
        services.period_accept(actor=world.outsider, period=p)
    accepted = services.period_accept(actor=world.propaganda, period=p, reason="材料齐全")
    assert accepted.review_state == "accepted" and accepted.completed_at == accepted.submitted_at
    assert accepted.status_on(dt.date(2026, 3, 1)) == Status.DONE
    assert PeriodReview.objects.get(period=p).decision == "accept"
    assert AuditEvent.objects.filter(action="duties.period.accept").count() == 1
    with pytest.raises(ValidationError):
        services.period_accept(actor=world.propaganda, period=accepted)


def test_parent_secretary_accepts_a_branch_but_not_own_submission(world, pack):
    """The 文学院 secretary (subtree) may accept for the 学生党支部 below, never what they submitted."""
    from netduty.duties.models import Obligation, ObligationPeriod
    from netduty.policy.models import TaskItem

    task = TaskItem.objects.get(pack=pack, code="supervision")
    obligation = Obligation.objects.create(unit=world.branch_a, task=task, task_code=task.code, year=2025)
    p = ObligationPeriod.objects.create(obligation=obligation, unit=world.branch_a, task_code=task.code, key="2025",
                                        kind="year", label="2025年度", start=dt.date(2025, 1, 1),
                                        end=dt.date(2025, 12, 31), due=dt.date(2025, 12, 31))
    branch_officer = make_person("支部委员", world.branch_a, username="branchofficer")
    appoint(branch_officer, world.branch_a, "info_officer", pack)
    p = submit(world, p, who=branch_officer.user)
    ok, _ = services.can_accept(world.secretary, p)
    assert ok
    # the secretary also records for the branch (subtree): if they submit, they cannot accept
    services.period_return(actor=world.secretary, period=p, reason="请补充照片")
    p.refresh_from_db()
    services.period_submit(actor=world.secretary, period=p, statement="已补充")
    with pytest.raises(PermissionDenied, match="本人"):
        services.period_accept(actor=world.secretary, period=p)
    assert services.period_accept(actor=world.propaganda, period=p).review_state == "accepted"


def test_return_needs_reason_and_notifies_submitter(world, supervision):
    p = submit(world, supervision)
    with pytest.raises(ValidationError):
        services.period_return(actor=world.propaganda, period=p, reason="")
    returned = services.period_return(actor=world.propaganda, period=p, reason="缺少督查记录")
    assert returned.review_state == "returned" and returned.completed_at is None
    note = Notification.objects.get(recipient=world.editor_person, kind="returned")
    assert "退回" in note.title and note.body == "缺少督查记录"
    # resubmitted after the due date → 逾期完成 once accepted
    p = services.period_submit(actor=world.editor, period=returned, statement="已补充")
    p.submitted_at = at(dt.date(2026, 1, 5))
    p.save(update_fields=["submitted_at"])
    p = services.period_accept(actor=world.propaganda, period=p)
    assert p.status_on(dt.date(2026, 2, 1)) == Status.LATE_DONE


def test_subtasks(world, supervision):
    obligation = supervision.obligation
    st = services.subtask_create(actor=world.secretary, obligation=obligation, title="收集督查记录",
                                 assignee=world.editor_person, due=dt.date(2025, 11, 30))
    with pytest.raises(PermissionDenied):
        services.subtask_create(actor=world.outsider, obligation=obligation, title="x", assignee=world.editor_person,
                                due=dt.date(2025, 11, 30))
    with pytest.raises(PermissionDenied):
        services.subtask_done(actor=world.propaganda, subtask=st)
    done = services.subtask_done(actor=world.editor, subtask=st)  # the assignee
    assert done.done_at is not None
    assert AuditEvent.objects.filter(action__startswith="duties.subtask").count() == 2
