import pytest

from netduty.review import demo
from netduty.review.models import State, Submission

pytestmark = pytest.mark.django_db


def test_demo_without_channels_creates_nothing(pack):
    assert "未创建" in demo.load_demo()
    assert not Submission.objects.exists()


def test_demo_states(pack, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from netduty.fronts import demo as fronts_demo
    from netduty.org import demo as org_demo

    org_demo.load_demo()
    fronts_demo.load_demo()
    message = demo.load_demo()
    assert "发布审查" in message
    states = sorted(Submission.objects.values_list("state", flat=True))
    assert states == sorted([State.REVIEWING, State.REVIEWING, State.REVIEWING, State.REJECTED, State.PUBLISHED])
    revised = Submission.objects.get(title__contains="教学技能竞赛")
    assert revised.current_revision.number == 2 and revised.stage == 3
    assert demo.load_demo() == ""  # idempotent
    from netduty.core import audit

    assert audit.verify().ok
