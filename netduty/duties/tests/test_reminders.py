"""Reminders: who gets them (appointments as of the date), once per stage, escalation up the chain
after a configurable delay, e-mail, and one run per slot even with two workers racing."""

import datetime as dt
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from netduty.core.management.commands.scheduler import tick
from netduty.core.models import JobClaim, Notification
from netduty.duties import services
from netduty.org import services as org_services
from netduty.org.tests.factories import appoint, make_person

from .factories import generate

Q1_DUE = dt.date(2025, 3, 31)


def names(kind=None, key_prefix=""):
    qs = Notification.objects.all()
    if kind:
        qs = qs.filter(kind=kind)
    if key_prefix:
        qs = qs.filter(key__startswith=key_prefix)
    return sorted(qs.values_list("recipient__name", flat=True))


def with_email(world):
    for key in ("secretary", "editor", "head"):
        person = getattr(world, f"{key}_person")
        org_services.person_update(actor=None, person=person, email=f"{key}@example.edu.cn")


def periods(**lookup):
    """The ids of the periods matching `lookup` (a duties notice carries its period's id)."""
    from netduty.duties.models import ObligationPeriod

    return list(ObligationPeriod.objects.filter(**lookup).values_list("pk", flat=True))


@pytest.mark.django_db
def test_due_soon_goes_to_the_units_recorders_once_per_stage(world, django_capture_on_commit_callbacks):
    with_email(world)
    generate(2025)
    with django_capture_on_commit_callbacks(execute=True):
        result = services.run_reminders(day=Q1_DUE - dt.timedelta(days=10))
    q1 = Notification.objects.filter(key__contains=":14", object_id__in=periods(task_code="opinion_analysis",
                                                                             unit=world.college_a))
    assert sorted(q1.values_list("recipient__name", flat=True)) == ["唐编辑", "曾主任", "李书记"]
    assert result["due_soon"] >= 3 and result["emails"] >= 3
    assert len(mail.outbox) == result["emails"]
    assert "重点任务提醒" in mail.outbox[0].subject and "舆情研判" in mail.outbox[0].body
    assert Notification.objects.filter(emailed_at__isnull=False).exists()
    # the next day: same stage, nothing new; three days before: the 3-day stage
    assert services.run_reminders(day=Q1_DUE - dt.timedelta(days=9))["due_soon"] == 0
    assert services.run_reminders(day=Q1_DUE - dt.timedelta(days=2))["due_soon"] >= 3
    # the same day again is a claimed slot
    assert services.run_reminders(day=Q1_DUE - dt.timedelta(days=2)) is None


@pytest.mark.django_db
def test_completed_periods_are_not_reminded(world):
    generate(2025)
    from .factories import at, meeting

    meeting(world.root, dt.date(2025, 6, 1), entered=at(dt.date(2025, 6, 1)))
    services.run_reminders(day=dt.date(2025, 6, 25))
    assert not Notification.objects.filter(object_id__in=periods(task_code="committee_meetings", key="2025-H1")).exists()


@pytest.mark.django_db
def test_overdue_and_escalation_to_the_holder_as_of_the_date(world):
    """The root secretary changes on 2025-04-11: an escalation on 04-08 goes to the old one, a run
    on 04-20 to the new one (the chain as of each date)."""
    old = make_person("赵老书记", world.root, username="oldsec")
    new = make_person("钱新书记", world.root, username="newsec")
    appoint(old, world.root, "first_responsible", world.pack, end=dt.date(2025, 4, 10))
    appoint(new, world.root, "first_responsible", world.pack, start=dt.date(2025, 4, 11))
    generate(2025)
    services.run_reminders(day=dt.date(2025, 4, 1))  # 1 day overdue: the unit is told, no escalation yet
    assert "李书记" in names("overdue") and names("escalation") == []
    services.run_reminders(day=dt.date(2025, 4, 8))  # 8 days ≥ 7: up one level
    esc = Notification.objects.filter(kind="escalation", object_id__in=periods(unit=world.college_a,
                                                                                task_code="opinion_analysis"))
    assert sorted(esc.values_list("recipient__name", flat=True)) == ["赵老书记"]
    services.run_reminders(day=dt.date(2025, 4, 20))
    assert sorted(esc.values_list("recipient__name", flat=True)) == ["赵老书记", "钱新书记"]
    assert esc.filter(recipient=old).count() == 1  # never twice


@pytest.mark.django_db
@override_settings(NETDUTY_DUTIES_ESCALATE_AFTER_DAYS=2)
def test_escalation_delay_is_configurable(world):
    appoint(make_person("孙书记", world.root), world.root, "first_responsible", world.pack)
    generate(2025)
    services.run_reminders(day=dt.date(2025, 4, 2))
    assert "孙书记" in names("escalation")


@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_send_once(world):
    with_email(world)
    generate(2025)
    day = Q1_DUE - dt.timedelta(days=5)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def worker(name):
        try:
            barrier.wait(timeout=10)
            results.append(services.run_reminders(day=day, worker=name))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    done = [r for r in results if r is not None]
    assert len(results) == 2 and len(done) == 1
    assert JobClaim.objects.filter(job="duties.reminders", slot=day.isoformat()).count() == 1
    assert Notification.objects.count() == done[0]["due_soon"] + done[0]["overdue"] + done[0]["escalation"]
    assert len(mail.outbox) == done[0]["emails"]
    keys = list(Notification.objects.values_list("recipient_id", "key"))
    assert len(keys) == len(set(keys))


@pytest.mark.django_db
def test_scheduler_enqueues_each_slot_once(world):
    generate(timezone.localdate().year)
    morning = timezone.make_aware(dt.datetime(2025, 3, 25, 7, 0))
    enqueued: set = set()

    def ours(done):  # other apps register periodic jobs too
        return [name for name, _ in done if name.startswith("duties.")]

    assert ours(tick(enqueued, now=morning)) == ["duties.generate"]  # 01:00 passed, 08:00 not
    later = morning + dt.timedelta(hours=2)
    assert ours(tick(enqueued, now=later)) == ["duties.reminders"]
    assert ours(tick(enqueued, now=later)) == []
    # a second scheduler process: the slot was claimed by the task that ran, so nothing is enqueued
    assert ours(tick(set(), now=later)) == []
    assert set(JobClaim.objects.filter(job__startswith="duties.").values_list("job", "slot")) == {
        ("duties.generate", "2025-03-25"), ("duties.reminders", "2025-03-25")}
    call_command("scheduler", "--once")  # with the real clock: runs without error
