"""Who may decide a stage: the stage's role on the channel's unit, an ancestor for a subtree role,
a 分管 leader of the unit, anyone for a school-wide role — as of today."""

import datetime as dt

import pytest

from netduty.org.tests.factories import appoint, make_person
from netduty.review import selectors

from .factories import make_channel, review_world, submit

pytestmark = pytest.mark.django_db


def test_reach_of_stage_roles(world, pack):
    w = review_world(world)
    branch_channel = make_channel(w.branch_a, platform="website", name="支部网站", url_prefix="http://127.0.0.1:1/b/")
    poster = make_person("支部信息员", w.branch_a, username="poster")
    appoint(poster, w.branch_a, "info_officer", pack)
    checker = make_person("支部审读", w.branch_a, username="bchecker")
    appoint(checker, w.branch_a, "info_officer", pack)
    sub = submit(w, actor=poster.user, channel=branch_channel)
    # 初审 needs an info_officer *of the branch*: 文学院's info officer (reach unit) does not cover it
    assert not selectors.eligibility(w.checker, sub).ok
    assert selectors.eligibility(checker.user, sub).ok
    final = [{"code": "final", "name": "终审", "roles": ["unit_head", "team_member"]}]
    assert not selectors.stage_appointments(w.dean_person, w.branch_a, ["dept_head"])
    # unit_head reaches its subtree: 文学院's dean covers the branch
    assert selectors.stage_appointments(w.dean_person, w.branch_a, final[0]["roles"])
    # a 班子成员 of the school who oversees 文学院 covers the branch too; one who does not, not
    vp = make_person("分管副校长", w.root, username="vp")
    appoint(vp, w.root, "team_member", pack, oversees=[w.college_a])
    other = make_person("另一副校长", w.root, username="vp2")
    appoint(other, w.root, "team_member", pack, oversees=[w.college_b])
    assert selectors.stage_appointments(vp, w.branch_a, final[0]["roles"])
    assert not selectors.stage_appointments(other, w.branch_a, final[0]["roles"])
    # school-wide 宣传部 covers everything for a 宣传部 stage
    assert selectors.stage_appointments(w.propaganda_person, w.branch_a, ["propaganda_office"])
    eligible = {a.person.name for a in selectors.eligible_appointments(w.branch_a, ["unit_head", "team_member"])}
    assert eligible == {"黄院长", "分管副校长"}


def test_appointments_count_as_of_today(world, pack):
    w = review_world(world)
    ended = make_person("已离任信息员", w.college_a, username="gone")
    appoint(ended, w.college_a, "info_officer", pack, end=dt.date.today() - dt.timedelta(days=1))
    sub = submit(w)
    assert not selectors.eligibility(ended.user, sub).ok
    assert {a.person.name for a in selectors.eligible_appointments(w.college_a, ["info_officer"])} == {"唐编辑", "邹审读"}
