"""Screening in the platform: the institution's own names, the 涉密 policy, unreadable images."""

import pytest

from netduty.org.models import Unit
from netduty.policy.models import PolicyPack
from netduty.review.services.screening import rule_data, screener

from .factories import submit

pytestmark = pytest.mark.django_db


def _set_pack(pack, **data):
    merged = {**pack.data, **data}
    PolicyPack.objects.filter(pk=pack.pk).update(data=merged)


def test_default_pack_names_the_institution(rw):
    scr, _key = screener()
    found = {f.text for f in scr.screen_text("邵阳大学和绍阳学院的通知；邵阳学院团委。")}
    assert {"邵阳大学", "绍阳学院"} <= found and "邵阳学院" not in found
    assert not [f for f in scr.screen_text("邵阳学院团委举办读书会。")]


def test_the_top_party_committee_names_the_institution(rw):
    """The X of 中共X委员会 (the root unit) is the institution's name, with no pack entry."""
    Unit.objects.filter(pk=rw.root.pk).update(name="中共湘中师范学院委员会")
    data = rule_data()
    assert data["names"][:2] == ["邵阳学院", "湘中师范学院"]
    scr, _key = screener()
    found = scr.screen_text("湘中示范学院与湘中师范大学联合举办，湘中师范学院承办。")
    texts = [f.text for f in found]
    assert "湘中示范学院" in texts and "湘中师范大学" in texts
    assert "湘中师范学院" not in texts
    assert not scr.screen_text("湘中师范学院文学院举办读书分享会。")


def test_pack_institution_names_short_names_and_wrong_forms(rw):
    _set_pack(rw.pack, institution={"name": "湘中师范学院", "short_names": ["湘中师院"],
                                    "wrong_forms": ["湘中师大", {"wrong": "湖中师范学院", "right": "湘中师范学院"}]})
    scr, _key = screener()
    texts = {f.text: f for f in scr.screen_text("湘中示范学院、湘中师范大学、湘中师大、湖中师范学院、湘中师阮。")}
    assert {"湘中示范学院", "湘中师范大学", "湘中师大", "湖中师范学院", "湘中师阮"} <= set(texts)
    assert texts["湖中师范学院"].suggestion == "湘中师范学院"
    assert not scr.screen_text("湘中师范学院（湘中师院）文学院。")


def test_a_submission_carries_the_institution_findings(rw):
    _set_pack(rw.pack, institution={"name": "湘中师范学院"})
    sub = submit(rw, title="湘中示范学院读书会", body="<p>湘中师范大学与湘中师范学院联合举办。</p>")
    rows = {(f.part, f.text) for f in sub.current_revision.findings.all()}
    assert ("title", "湘中示范学院") in rows and ("body", "湘中师范大学") in rows
    assert not any(text == "湘中师范学院" for _part, text in rows)
