import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from netduty.core import audit, triggers
from netduty.core.models import AuditEvent


def _events(n=3):
    with transaction.atomic():
        return [audit.record(actor=None, action="test.event", object_type="t", object_id=str(i),
                             after={"i": i, "名": "值"}) for i in range(n)]


@pytest.mark.django_db
def test_chain_links_and_verifies():
    events = _events(4)
    assert events[0].prev_hash == audit.GENESIS
    assert all(b.prev_hash == a.hash for a, b in zip(events, events[1:], strict=False))
    result = audit.verify()
    assert result.ok and result.checked == 4


@pytest.mark.django_db(transaction=True)
def test_record_outside_transaction_is_refused():
    with pytest.raises(RuntimeError):
        audit.record(actor=None, action="x")


@pytest.mark.django_db(transaction=True)
def test_database_refuses_update_and_delete():
    _events(1)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.update(action="tampered")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get().action == "test.event"


def _tamper(sql, params=()):
    triggers.drop(connection)
    try:
        with connection.cursor() as cur:
            cur.execute(sql, params)
    finally:
        triggers.install(connection)


@pytest.mark.django_db(transaction=True)
def test_verify_names_altered_row(capsys):
    events = _events(3)
    _tamper("UPDATE core_auditevent SET object_repr = 'forged' WHERE id = %s", [events[1].pk])
    result = audit.verify()
    assert not result.ok and result.broken_id == events[1].pk and result.checked == 1
    with pytest.raises(CommandError, match=f"事件 #{events[1].pk}") as exc_info:
        call_command("audit", "verify")
    assert exc_info.value.returncode == 1


@pytest.mark.django_db(transaction=True)
def test_verify_names_removed_row():
    events = _events(3)
    _tamper("DELETE FROM core_auditevent WHERE id = %s", [events[1].pk])
    result = audit.verify()
    assert not result.ok and result.broken_id == events[2].pk


@pytest.mark.django_db(transaction=True)
def test_verify_names_inserted_row():
    events = _events(2)
    with connection.cursor() as cur:
        cur.execute(
            "INSERT INTO core_auditevent (created_at, actor_label, action, object_type, object_id, object_repr,"
            " request_id, ip, prev_hash, hash) VALUES (%s, '', 'forged', '', '', '', '', '', %s, %s)",
            [events[-1].created_at, events[-1].hash, "f" * 64],
        )
    result = audit.verify()
    assert not result.ok and result.broken_id > events[-1].pk


@pytest.mark.django_db
def test_verify_command_ok(capsys):
    _events(2)
    call_command("audit", "verify")
    assert "已校验 2 个事件" in capsys.readouterr().out


@pytest.mark.django_db
def test_rollback_removes_event_with_change():
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        audit.record(actor=None, action="doomed")
        1 / 0  # noqa: B018
    assert not AuditEvent.objects.filter(action="doomed").exists()
