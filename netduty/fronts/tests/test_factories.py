from netduty.fronts import selectors
from netduty.fronts.tests.factories import make_channel


def test_make_channel_is_active_with_three_default_stages(world):
    channel = make_channel(world.college_a)
    assert channel.status == "active"
    assert [(s.order, s.code, s.name, s.roles) for s in selectors.stages(channel)] == [
        (1, "first", "初审", ["info_officer"]),
        (2, "second", "复审", ["dept_head"]),
        (3, "final", "终审", ["unit_head", "first_responsible", "direct_responsible"]),
    ]
    assert selectors.channels_for(world.secretary).filter(pk=channel.pk).exists()
    assert not selectors.channels_for(world.outsider).filter(pk=channel.pk).exists()


def test_make_channel_overrides(world):
    site = make_channel(world.college_b, platform="website", url="http://127.0.0.1:8000/news/", tier="1")
    assert site.account_id == "" and site.tier == "1" and site.unit == world.college_b
