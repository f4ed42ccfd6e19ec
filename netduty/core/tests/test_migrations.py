"""Notification and JobClaim moved from duties to core keeping their rows (SQLite and PostgreSQL)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("duties", "0004_period_end_index"), ("core", "0002_audit_append_only")]
AFTER = [("duties", "0005_notification_jobclaim_to_core"), ("core", "0003_notification_jobclaim_from_duties")]


@pytest.mark.django_db(transaction=True)
def test_rows_survive_the_move_to_core(world):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    person = old.get_model("org", "Person").objects.get(pk=world.editor_person.pk)
    old.get_model("duties", "Notification").objects.create(recipient=person, kind="due_soon", key="kept",
                                                           title="保留的提醒")
    old.get_model("duties", "JobClaim").objects.create(job="duties.reminders", slot="2025-01-01")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    note = new.get_model("core", "Notification").objects.get(key="kept")
    assert (note.recipient_id, note.title, note.topic, note.superseded_at) == (person.pk, "保留的提醒", "", None)
    assert new.get_model("core", "JobClaim").objects.filter(slot="2025-01-01").count() == 1
    tables = connection.introspection.table_names()
    assert "core_notification" in tables and "duties_notification" not in tables
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())  # back to the latest state for other tests
