import pytest

from netduty.fronts import demo
from netduty.fronts.models import AnnualReview, Channel, ChannelRequest, ZeroReport

pytestmark = pytest.mark.django_db


def test_demo_loads_once(pack):
    from netduty.core import audit
    from netduty.org import demo as org_demo

    org_demo.load_demo()
    message = demo.load_demo()
    assert "阵地台账" in message
    assert Channel.objects.filter(status="active").count() > 30
    assert ChannelRequest.objects.filter(state="office").count() == 3
    assert ChannelRequest.objects.filter(state="office", channel__name="文学院读书会").get().late
    assert AnnualReview.objects.exclude(result="").count() == 2 and ZeroReport.objects.count() == 2
    assert Channel.objects.get(name="湘中师范学院").stages.count() == 4
    assert demo.load_demo() == ""
    assert audit.verify().ok
