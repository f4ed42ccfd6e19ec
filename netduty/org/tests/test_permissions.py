import datetime as dt

import pytest

from netduty.org import permissions, selectors
from netduty.org.models import Appointment
from netduty.org.tests.factories import appoint, make_person

pytestmark = pytest.mark.django_db


def names(qs):
    return sorted(u.code for u in qs)


def test_subtree_reach_for_first_responsible(world):
    assert names(permissions.units_for(world.secretary)) == ["wxy", "wxy-xs"]


def test_unit_reach_for_info_officer(world):
    assert names(permissions.units_for(world.editor)) == ["wxy"]


def test_school_reach_for_offices(world):
    everything = names(permissions.units_for(world.admin))
    assert names(permissions.units_for(world.propaganda)) == everything
    assert names(permissions.units_for(world.discipline)) == everything


def test_no_appointment_no_scope(world):
    assert names(permissions.units_for(world.nobody)) == []


def test_action_not_granted_gives_empty_scope(world):
    assert names(permissions.units_for(world.editor, "org.manage")) == []
    assert permissions.can(world.propaganda, "org.manage", world.college_b)
    assert not permissions.can(world.discipline, "org.manage", world.college_b)


def test_expired_appointment_grants_nothing(world):
    old = make_person("旧编辑", world.college_b, username="old")
    appoint(old, world.college_b, "info_officer", world.pack, start=dt.date(2019, 1, 1), end=dt.date(2019, 12, 31))
    assert names(permissions.units_for(old.user)) == []
    assert permissions.get_scope(old.user, "view", dt.date(2019, 6, 1)).unit_ids == {world.college_b.pk}


def test_overseen_units_join_the_scope(world):
    vp = make_person("副校长", world.root, username="vp")
    appoint(vp, world.root, "team_member", world.pack, oversees=[world.college_a])
    assert names(permissions.units_for(vp.user)) == ["root", "wxy", "wxy-xs"]


def test_restrict_filters_related_models(world):
    visible = selectors.appointments(world.outsider)
    assert set(visible.values_list("unit__code", flat=True)) == {"wgy"}
    assert selectors.appointments(world.propaganda).count() == Appointment.objects.count()


def test_people_scope(world):
    names_seen = sorted(p.name for p in selectors.people(world.outsider))
    assert names_seen == ["邵书记"]


def test_role_scope_follows_each_roles_reach(world):
    heads = ["first_responsible", "unit_head"]
    assert permissions.role_scope(world.secretary, heads).contains(world.branch_a)  # subtree
    assert not permissions.role_scope(world.secretary, heads).contains(world.college_b)
    assert permissions.role_scope(world.editor, heads).empty  # holds another role only
    assert permissions.role_scope(world.propaganda, ["propaganda_office"]).everywhere
    assert permissions.role_scope(world.admin, heads).empty  # a superuser holds no role


def test_holders_of_a_role_over_a_unit(world):
    got = {a.person.name for a in permissions.holders(world.branch_a, ["first_responsible", "info_officer"])}
    assert got == {"李书记"}  # the secretary reaches the branch; the editor's reach is 文学院 only
    assert {a.person.name for a in permissions.holders(world.college_a, ["info_officer"])} == {"唐编辑"}
    vp = make_person("副校长", world.root, username="vp")
    appoint(vp, world.root, "team_member", world.pack, oversees=[world.college_a])
    assert "副校长" in {a.person.name for a in permissions.holders(world.branch_a, ["team_member"])}
    assert "副校长" not in {a.person.name for a in permissions.holders(world.college_b, ["team_member"])}
    nearest = permissions.nearest_holders(world.branch_a, ["first_responsible"])
    assert [a.person.name for a in nearest] == ["李书记"]
