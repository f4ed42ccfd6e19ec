"""Generating obligations and periods: each cadence, idempotency, unit lifetimes, pack versions,
events, and a bounded number of queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from netduty.core.models import AuditEvent
from netduty.duties import services
from netduty.duties.models import Obligation, ObligationPeriod
from netduty.org.tests.factories import make_unit

from .factories import generate, load_v2, meeting, period

pytestmark = pytest.mark.django_db


def keys(unit, code):
    return sorted(ObligationPeriod.objects.filter(unit=unit, task_code=code).values_list("key", flat=True))


def test_each_cadence_gets_its_periods(world):
    result = generate(2025)
    root, college = world.root, world.college_a
    assert keys(root, "leadership_system") == ["2025"]  # 长期: the year, with a self-check
    assert period(root, "leadership_system", "2025").self_check
    assert keys(root, "committee_meetings") == ["2025-H1", "2025-H2"]  # 半年一次
    assert keys(college, "opinion_analysis") == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]  # 每季度一次
    assert keys(college, "supervision") == ["2025"] and not period(college, "supervision", "2025").self_check
    assert keys(college, "upward_reporting") == []  # 适时上报: opened by events
    assert Obligation.objects.filter(unit=college, task_code="upward_reporting", year=2025).exists()
    q3 = period(college, "opinion_analysis", "2025-Q3")
    assert (q3.start, q3.end, q3.due) == (dt.date(2025, 7, 1), dt.date(2025, 9, 30), dt.date(2025, 9, 30))
    h1 = period(root, "committee_meetings", "2025-H1")
    assert (h1.end, h1.required) == (dt.date(2025, 6, 30), 1)  # 2 a year over two halves
    # levels: 校党委 tasks only at the root; departments and branches carry none
    assert keys(college, "committee_meetings") == []
    assert not ObligationPeriod.objects.filter(unit__in=[world.xcb, world.branch_a]).exists()
    assert result.units >= 6 and result.periods_created == ObligationPeriod.objects.count()


def test_generation_is_idempotent_and_audited(world):
    first = generate(2025)
    count = ObligationPeriod.objects.count()
    again = generate(2025)
    assert (again.obligations_created, again.periods_created) == (0, 0)
    assert ObligationPeriod.objects.count() == count
    assert AuditEvent.objects.filter(action="duties.generate").count() == 1
    assert first.periods_created == count


def test_any_year_and_units_by_lifetime(world):
    late = make_unit("late", "新设学院党总支", "general_branch", world.root)
    from netduty.org import services as org_services

    org_services.unit_update(actor=None, unit=late, active_from=dt.date(2025, 8, 1))
    generate(2025)
    assert keys(late, "opinion_analysis") == ["2025-Q3", "2025-Q4"]
    generate(2031)
    assert keys(world.college_a, "opinion_analysis")[-1] == "2031-Q4"


def test_counted_records_before_generation_are_counted(world):
    meeting(world.root, dt.date(2025, 3, 2))
    generate(2025)
    assert period(world.root, "committee_meetings", "2025-H1").count == 1


def test_new_pack_version_applies_from_its_date_without_rewriting_history(world):
    generate(2025, today=dt.date(2025, 1, 1))
    meeting(world.root, dt.date(2025, 2, 1))
    v2 = load_v2("2025-07-01", min_count=4, add_year_task=True)
    result = generate(2025, today=dt.date(2025, 5, 1))
    h1 = period(world.root, "committee_meetings", "2025-H1")
    h2 = period(world.root, "committee_meetings", "2025-H2")
    assert h1.obligation.task.pack.version == 1 and h1.required == 1  # history kept
    assert h2.obligation.task.pack_id == v2.pk and h2.required == 2  # future, untouched → rebased
    assert result.periods_rebased > 0
    # yearly periods follow the version in force on 1 January; the new task starts next year
    assert keys(world.college_a, "annual_summary") == []
    generate(2026, today=dt.date(2026, 1, 1))
    assert keys(world.college_a, "annual_summary") == ["2026"]
    assert period(world.root, "committee_meetings", "2026-H1").obligation.task.pack_id == v2.pk


def test_touched_future_period_is_not_rebased(world):
    generate(2025, today=dt.date(2025, 1, 1))
    q4 = period(world.college_a, "opinion_analysis", "2025-Q4")
    ObligationPeriod.objects.filter(pk=q4.pk).update(activity_at=dt.datetime(2025, 5, 1, tzinfo=dt.UTC))
    load_v2("2025-07-01")
    generate(2025, today=dt.date(2025, 5, 1))
    assert period(world.college_a, "opinion_analysis", "2025-Q4").obligation_id == q4.obligation_id


def test_dropped_task_gets_no_new_periods(world):
    load_v2("2025-01-01", drop="network_security")
    generate(2025)
    assert keys(world.college_a, "network_security") == []


def test_event_opens_a_period_once(world):
    p, created = services.period_open_for_event(actor=None, unit=world.college_a, task_code="upward_reporting",
                                                event_ref="YQ-7", title="某舆情事件", opened_on=dt.date(2025, 4, 2))
    again, created_again = services.period_open_for_event(actor=None, unit=world.college_a, task_code="upward_reporting",
                                                          event_ref="YQ-7", title="某舆情事件",
                                                          opened_on=dt.date(2025, 4, 2))
    assert created and not created_again and again.pk == p.pk
    assert (p.kind, p.due, p.key) == ("event", dt.date(2025, 4, 3), "2025-E-YQ-7")
    with pytest.raises(ValueError):
        services.period_open_for_event(actor=None, unit=world.xcb, task_code="upward_reporting", event_ref="x",
                                       title="x", opened_on=dt.date(2025, 4, 2))


def test_event_needs_permission(world):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.period_open_for_event(actor=world.outsider, unit=world.college_a, task_code="upward_reporting",
                                       event_ref="x", title="x", opened_on=dt.date(2025, 4, 2))
    p, _ = services.period_open_for_event(actor=world.secretary, unit=world.college_a, task_code="upward_reporting",
                                          event_ref="x", title="x", opened_on=dt.date(2025, 4, 2))
    assert p.pk


def test_generate_needs_school_wide_acceptance(world):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.generate_year(actor=world.secretary, year=2025)
    assert services.generate_year(actor=world.propaganda, year=2025).periods_created > 0


def test_query_count_does_not_grow_with_units(world):
    with CaptureQueriesContext(connection) as small:
        generate(2025)
    for i in range(30):
        make_unit(f"extra{i}", f"学院{i}党总支", "general_branch", world.root)
    with CaptureQueriesContext(connection) as large:
        generate(2026)
    assert len(large) <= len(small) + 4, [q["sql"][:80] for q in large.captured_queries]
