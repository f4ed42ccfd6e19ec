"""Audit head checkpoints make tail truncation visible (issue 9 item 11); dumpdata refuses the chain."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from netduty.core import audit, checkpoint, triggers


def _events(n):
    with transaction.atomic():
        return [audit.record(actor=None, action="test.event", object_type="t", object_id=str(i)) for i in range(n)]


@pytest.fixture
def cp_file(tmp_path, settings):
    settings.NETDUTY_AUDIT_CHECKPOINT_FILE = str(tmp_path / "cp.jsonl")
    settings.NETDUTY_AUDIT_CHECKPOINT_KEY = ""
    return tmp_path / "cp.jsonl"


def _truncate(after_id):
    triggers.drop(connection)
    try:
        with connection.cursor() as cur:
            cur.execute("DELETE FROM core_auditevent WHERE id > %s", [after_id])
    finally:
        triggers.install(connection)


@pytest.mark.django_db(transaction=True)
def test_tail_truncation_is_reported(cp_file, capsys):
    events = _events(60)
    call_command("audit", "checkpoint")
    entry = json.loads(cp_file.read_text().splitlines()[-1])
    assert entry["id"] == events[-1].pk and entry["count"] == 60 and entry["hash"] == events[-1].hash
    call_command("audit", "verify")
    assert "与" in capsys.readouterr().out
    _truncate(events[9].pk)  # the last 50 events deleted, trigger dropped
    assert audit.verify().ok  # the chain alone cannot see it
    with pytest.raises(CommandError, match="尾部被截断") as exc:
        call_command("audit", "verify")
    assert exc.value.returncode == 1 and "50" in str(exc.value)


@pytest.mark.django_db(transaction=True)
def test_checkpoint_only_when_head_moves_and_new_events_pass(cp_file):
    _events(3)
    assert checkpoint.write() is not None
    assert checkpoint.write() is None
    _events(2)
    call_command("audit", "verify")  # events after the checkpoint are fine
    assert checkpoint.write()["count"] == 5
    assert len(cp_file.read_text().splitlines()) == 2


@pytest.mark.django_db(transaction=True)
def test_signed_checkpoint_cannot_be_forged(cp_file, settings):
    settings.NETDUTY_AUDIT_CHECKPOINT_KEY = "key-from-the-environment"
    events = _events(5)
    entry = checkpoint.write()
    assert entry["hmac"]
    call_command("audit", "verify")
    _truncate(events[1].pk)
    forged = {**entry, "id": events[1].pk, "count": 2, "hash": events[1].hash}
    with cp_file.open("a") as fh:
        fh.write(json.dumps(forged) + "\n")
    with pytest.raises(CommandError, match="签名无效"):
        call_command("audit", "verify")


@pytest.mark.django_db
def test_dumpdata_refuses_the_audit_chain():
    with pytest.raises(CommandError, match="backup"):
        call_command("dumpdata")
    with pytest.raises(CommandError, match="backup"):
        call_command("dumpdata", "core")
    call_command("dumpdata", "org", "--exclude", "core.auditevent", stdout=open("/dev/null", "w"))
    call_command("dumpdata", "policy.role", stdout=open("/dev/null", "w"))
