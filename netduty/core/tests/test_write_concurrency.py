"""Any mix of writers completes: 4 threads creating meetings for a unit while 4 create appointments for
the same unit (issue 9 item 1 — PostgreSQL answered `deadlock detected`). Real threads, real
transactions; on SQLite it must pass too (one writer, IMMEDIATE transactions)."""

import datetime as dt
import threading

import pytest
from django.db import connection

from netduty.core import audit
from netduty.duties.models import MeetingRecord
from netduty.duties.services import records
from netduty.org import services as org_services
from netduty.org.models import Appointment
from netduty.org.tests.factories import make_person
from netduty.policy.models import Role


@pytest.mark.django_db(transaction=True)
def test_meetings_and_appointments_for_one_unit_at_once(world):
    unit = world.college_a
    role = Role.objects.filter(pack=world.pack, single_holder=False).first()
    people = [make_person(f"并发{i}", unit) for i in range(4)]
    before_meetings, before_appts = MeetingRecord.objects.count(), Appointment.objects.count()
    rounds = 6
    barrier = threading.Barrier(8)
    errors: list[BaseException] = []

    def meetings(n: int) -> None:
        try:
            barrier.wait()
            for i in range(rounds):
                records.meeting_create(actor=None, unit=unit, kind="meeting.committee_ideology",
                                       title=f"并发会议{n}-{i}", date=dt.date(2026, 1, 5), chair="李书记",
                                       attendees="全体委员", topics="意识形态工作")
        except BaseException as exc:  # noqa: BLE001 - the test reports it
            errors.append(exc)
        finally:
            connection.close()

    def appointments(n: int) -> None:
        try:
            barrier.wait()
            for i in range(rounds):
                org_services.appointment_create(actor=None, person=people[n], unit=unit, role=role,
                                                valid_from=dt.date(2010 + i, 1, 1), valid_to=dt.date(2010 + i, 6, 30))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=meetings, args=(n,)) for n in range(4)]
    threads += [threading.Thread(target=appointments, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, [repr(e) for e in errors]
    assert MeetingRecord.objects.count() == before_meetings + 4 * rounds
    assert Appointment.objects.count() == before_appts + 4 * rounds
    assert audit.verify().ok
