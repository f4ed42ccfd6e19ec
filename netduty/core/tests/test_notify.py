"""The one notification service: deduplicated, e-mailed after commit, superseded by topic, read/unread."""

import pytest
from django.core import mail

from netduty.core import notify
from netduty.core.models import Notification

pytestmark = pytest.mark.django_db


def test_once_per_key_and_email_after_commit(world, django_capture_on_commit_callbacks):
    world.editor_person.email = "editor@example.com"
    world.editor_person.save()
    with django_capture_on_commit_callbacks(execute=True):
        fresh = notify.notify([world.editor_person, world.editor_person], key="k1", kind="review", title="待审核")
    assert fresh == [world.editor_person]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["editor@example.com"]
    assert Notification.objects.get(key="k1").emailed_at is not None
    with django_capture_on_commit_callbacks(execute=True):
        assert notify.notify([world.editor_person], key="k1", kind="review", title="待审核") == []
    assert len(mail.outbox) == 1 and Notification.objects.filter(key="k1").count() == 1


def test_a_newer_notice_of_the_topic_supersedes_the_unread_older(world):
    p = world.editor_person
    notify.notify([p], key="review:1:r1", kind="review", title="第1版待审", topic="review:1", email=False)
    notify.notify([p], key="other", kind="review", title="别的事", topic="review:2", email=False)
    assert notify.unread_count(p) == 2
    notify.notify([p], key="review:1:r2", kind="review", title="第2版待审", topic="review:1", email=False)
    assert [n.title for n in notify.inbox(p)] == ["第2版待审", "别的事"]
    assert notify.unread_count(p) == 2


def test_mark_read_only_by_the_recipient(world):
    from django.core.exceptions import PermissionDenied

    notify.notify([world.editor_person], key="k", kind="review", title="t", email=False)
    n = Notification.objects.get(key="k")
    with pytest.raises(PermissionDenied):
        notify.mark_read(actor=world.secretary, notification=n)
    notify.mark_read(actor=world.editor, notification=n)
    assert notify.unread_count(world.editor_person) == 0
