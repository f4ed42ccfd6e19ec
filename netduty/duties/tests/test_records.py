"""Meeting records complete counted obligations; evidence files are checked, versioned, scoped."""

import datetime as dt
import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings

from netduty.core.models import AuditEvent
from netduty.duties import services
from netduty.duties.models import Evidence, EvidenceVersion, MeetingRecord
from netduty.duties.status import Status, aggregate

from .factories import JPG, PDF, PNG, at, docx_bytes, generate, meeting, period, upload

pytestmark = pytest.mark.django_db
LATER = dt.date(2026, 2, 1)


@pytest.fixture
def root_sec(world):
    """A 第一责任人 of the school committee with a login (the world's root has none)."""
    from netduty.org.tests.factories import appoint, make_person

    person = make_person("张书记", world.root, username="rootsec")
    appoint(person, world.root, "first_responsible", world.pack)
    return person.user


def test_two_meetings_meet_the_counted_minimum(world, root_sec):
    generate(2025)
    h1 = period(world.root, "committee_meetings", "2025-H1")
    h2 = period(world.root, "committee_meetings", "2025-H2")
    assert h1.status_on(dt.date(2025, 3, 1)) == Status.NOT_STARTED
    meeting(world.root, dt.date(2025, 3, 10), entered=at(dt.date(2025, 3, 11)), actor=root_sec)
    h1.refresh_from_db()
    assert (h1.count, h1.status_on(dt.date(2025, 12, 31))) == (1, Status.DONE)
    year = [p.status_on(dt.date(2025, 9, 1)) for p in (h1, h2)]
    assert aggregate(year) == Status.IN_PROGRESS
    # a meeting of another kind or another unit does not count
    meeting(world.root, dt.date(2025, 9, 1), kind="meeting.center_group", entered=at(dt.date(2025, 9, 1)))
    meeting(world.college_a, dt.date(2025, 9, 1), entered=at(dt.date(2025, 9, 1)))
    h2.refresh_from_db()
    assert h2.count == 0
    meeting(world.root, dt.date(2025, 11, 5), entered=at(dt.date(2025, 11, 5)))
    h2.refresh_from_db()
    assert (h2.count, h2.status_on(LATER)) == (1, Status.DONE)
    assert aggregate([h1.status_on(LATER), h2.status_on(LATER)]) == Status.DONE


def test_meeting_entered_after_due_is_late_and_void_recounts(world):
    generate(2025)
    record = meeting(world.root, dt.date(2025, 6, 20), entered=at(dt.date(2025, 7, 2)))
    h1 = period(world.root, "committee_meetings", "2025-H1")
    assert h1.status_on(LATER) == Status.LATE_DONE
    services.meeting_void(actor=None, meeting=record, reason="重复登记")
    h1.refresh_from_db()
    assert (h1.count, h1.completed_at, h1.status_on(LATER)) == (0, None, Status.OVERDUE)
    assert AuditEvent.objects.filter(action="duties.meeting.void").exists()


def test_meeting_moved_to_another_half_updates_both(world):
    generate(2025)
    record = meeting(world.root, dt.date(2025, 5, 1))
    services.meeting_update(actor=None, meeting=record, date=dt.date(2025, 8, 1))
    assert period(world.root, "committee_meetings", "2025-H1").count == 0
    assert period(world.root, "committee_meetings", "2025-H2").count == 1


def test_meeting_permissions(world):
    kw = {"kind": "meeting.leadership", "title": "班子会", "date": dt.date(2025, 5, 1), "chair": "李书记",
          "attendees": "全体", "topics": "研判"}
    assert services.meeting_create(actor=world.secretary, unit=world.college_a, **kw).pk
    assert services.meeting_create(actor=world.editor, unit=world.college_a, **kw).pk  # 信息员 records
    for actor in (world.outsider, world.propaganda, world.nobody):
        with pytest.raises(PermissionDenied):
            services.meeting_create(actor=actor, unit=world.college_a, **kw)
    with pytest.raises(ValidationError):
        services.meeting_create(actor=world.secretary, unit=world.college_a, **{**kw, "date": dt.date(2999, 1, 1)})
    assert MeetingRecord.objects.count() == 2
    assert AuditEvent.objects.filter(action="duties.meeting.create").count() == 2


@pytest.mark.parametrize(("name", "data", "ftype"), [
    ("纪要.pdf", PDF, "pdf"), ("照片.png", PNG, "png"), ("签到.jpg", JPG, "jpg"), ("签到.JPEG", JPG, "jpg"),
    ("记录.docx", docx_bytes(), "docx"),
])
def test_evidence_accepts_each_type(world, name, data, ftype):
    generate(2025)
    p = period(world.college_a, "supervision", "2025")
    version = services.evidence_add(actor=world.editor, period=p, upload=upload(name, data), name=name)
    assert (version.file_type, version.size, version.sha256) == (ftype, len(data), hashlib.sha256(data).hexdigest())
    assert version.file.read() == data
    p.refresh_from_db()
    assert p.activity_at is not None and p.status_on(dt.date(2025, 5, 1)) == Status.IN_PROGRESS


@pytest.mark.parametrize(("name", "data", "message"), [
    ("病毒.exe", PDF, "不支持的文件类型"),
    ("无扩展名", PDF, "不支持的文件类型"),
    ("伪装.pdf", b"MZ\x90\x00 not a pdf", "不是有效的"),
    ("伪装.png", PDF, "与内容（pdf）不符"),
    ("空.pdf", b"", "文件是空的"),
    ("假.docx", b"PK\x03\x04garbage", "不是有效的"),
])
def test_bad_uploads_are_refused_with_nothing_saved(world, name, data, message):
    generate(2025)
    p = period(world.college_a, "supervision", "2025")
    with pytest.raises(ValidationError) as exc:
        services.evidence_add(actor=world.editor, period=p, upload=upload(name, data), name=name)
    assert message in exc.value.messages[0]
    assert not Evidence.objects.exists() and not EvidenceVersion.objects.exists()


@override_settings(NETDUTY_MAX_UPLOAD_BYTES=1000)
def test_upload_size_limit(world):
    generate(2025)
    p = period(world.college_a, "supervision", "2025")
    with pytest.raises(ValidationError) as exc:
        services.evidence_add(actor=world.editor, period=p, upload=upload("大.pdf", PDF + b"0" * 2000), name="大.pdf")
    assert "文件过大" in exc.value.messages[0]
    assert not Evidence.objects.exists()


def test_new_version_keeps_the_old(world):
    generate(2025)
    p = period(world.college_a, "supervision", "2025")
    v1 = services.evidence_add(actor=world.editor, period=p, upload=upload("a.pdf"), name="a.pdf", title="自查报告")
    v2 = services.evidence_version_add(actor=world.secretary, evidence=v1.evidence, upload=upload("b.png", PNG),
                                       name="b.png")
    assert (v1.version, v2.version) == (1, 2)
    assert sorted(v1.evidence.versions.values_list("version", flat=True)) == [1, 2]
    assert v1.file.read() == PDF and v2.file.read() == PNG
    with pytest.raises(PermissionDenied):
        services.evidence_version_add(actor=world.outsider, evidence=v1.evidence, upload=upload(), name="c.pdf")


def test_evidence_on_meeting(world):
    record = meeting(world.college_a, dt.date(2025, 5, 1), kind="meeting.leadership")
    version = services.evidence_add(actor=world.editor, meeting=record, upload=upload(), name="纪要.pdf")
    assert version.evidence.unit == world.college_a
    services.meeting_void(actor=world.secretary, meeting=record, reason="误登")
    record.refresh_from_db()
    with pytest.raises(ValidationError):
        services.evidence_add(actor=world.editor, meeting=record, upload=upload(), name="纪要.pdf")
