import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from netduty.core import audit
from netduty.core.models import AuditEvent
from netduty.org import selectors, services
from netduty.org.models import Unit
from netduty.org.tests.factories import appoint, make_person, make_unit

pytestmark = pytest.mark.django_db

D = dt.date


def test_unit_paths_follow_the_tree(world):
    assert world.branch_a.path == f"/{world.root.pk}/{world.college_a.pk}/{world.branch_a.pk}/"
    assert world.branch_a.depth == 2
    services.unit_update(actor=world.propaganda, unit=world.college_a, parent=world.college_b)
    world.branch_a.refresh_from_db()
    assert world.branch_a.path.startswith(f"/{world.root.pk}/{world.college_b.pk}/{world.college_a.pk}/")
    assert AuditEvent.objects.filter(action="org.unit.update", object_id=str(world.college_a.pk)).exists()


def test_unit_cannot_become_its_own_descendant(world):
    with pytest.raises(ValidationError):
        services.unit_update(actor=world.propaganda, unit=world.college_a, parent=world.branch_a)


def test_single_holder_overlap_is_refused_with_clear_message(world):
    newcomer = make_person("新书记", world.college_a)
    with pytest.raises(ValidationError) as exc:
        appoint(newcomer, world.college_a, "first_responsible", world.pack, start=D(2024, 1, 1))
    message = " ".join(exc.value.messages)
    assert "同一时间只能有一人" in message and "李书记" in message


def test_single_holder_succession_without_overlap(world):
    old = world.secretary_person.appointments.get(role__code="first_responsible")
    services.appointment_end(actor=world.propaganda, appointment=old, valid_to=D(2026, 6, 30))
    newcomer = make_person("新书记", world.college_a)
    appoint(newcomer, world.college_a, "first_responsible", world.pack, start=D(2026, 7, 1))
    before = selectors.responsibility_chain(world.college_a, D(2026, 6, 30))
    after = selectors.responsibility_chain(world.college_a, D(2026, 7, 1))
    assert [a.person.name for a in before[0].first] == ["李书记"]
    assert [a.person.name for a in after[0].first] == ["新书记"]
    # an appointment touching the boundary day overlaps
    third = make_person("第三人", world.college_a)
    with pytest.raises(ValidationError):
        appoint(third, world.college_a, "first_responsible", world.pack, start=D(2026, 6, 30), end=D(2026, 6, 30))


def test_multi_holder_roles_may_overlap(world):
    appoint(make_person("编辑二", world.college_a), world.college_a, "info_officer", world.pack)
    assert world.college_a.appointments.filter(role__code="info_officer").count() == 2


def test_end_before_start_is_refused(world):
    with pytest.raises(ValidationError):
        appoint(make_person("x", world.college_a), world.college_a, "info_officer", world.pack,
                start=D(2025, 1, 2), end=D(2025, 1, 1))


def test_chain_walks_up_to_root_with_one_post_two_duties(world):
    vp = make_person("副校长", world.root)
    appoint(vp, world.root, "team_member", world.pack, area="教学", oversees=[world.college_a])
    other_vp = make_person("另一副校长", world.root)
    appoint(other_vp, world.root, "team_member", world.pack, area="后勤", oversees=[world.college_b])
    school_sec = make_person("校党委书记", world.root)
    appoint(school_sec, world.root, "first_responsible", world.pack)
    chain = selectors.responsibility_chain(world.branch_a, D(2025, 1, 1))
    assert [lvl.unit.pk for lvl in chain] == [world.branch_a.pk, world.college_a.pk, world.root.pk]
    root_level = chain[-1]
    assert [a.person.name for a in root_level.first] == ["校党委书记"]
    assert [a.person.name for a in root_level.one_post_two_duties] == ["副校长"]
    assert [a.person.name for a in chain[1].first] == ["李书记"]


def test_services_check_permission(world):
    with pytest.raises(PermissionDenied):
        services.unit_create(actor=world.secretary, code="x", name="x", kind="branch", parent=world.college_a)
    with pytest.raises(PermissionDenied):
        appoint_as(world, world.outsider)


def appoint_as(world, actor):
    from netduty.policy.models import Role

    return services.appointment_create(actor=actor, person=world.editor_person, unit=world.college_a,
                                       role=Role.objects.get(pack=world.pack, code="commentator"),
                                       valid_from=D(2025, 1, 1))


def test_every_write_is_audited_and_chain_verifies(world):
    appt = appoint_as(world, world.propaganda)
    event = AuditEvent.objects.filter(action="org.appointment.create").order_by("-id").first()
    assert event.object_id == str(appt.pk) and event.actor_id == world.propaganda.pk
    assert event.after["valid_from"] == "2025-01-01"
    assert audit.verify().ok


def test_failed_write_leaves_no_trace(world):
    count = AuditEvent.objects.count()
    units = Unit.objects.count()
    with pytest.raises(ValidationError):
        make_unit("wxy", "重复代码", "branch", world.root)
    assert AuditEvent.objects.count() == count and Unit.objects.count() == units
