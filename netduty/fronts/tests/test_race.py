"""Two 宣传部 officers decide the same request at the same moment: one decision, one clear message."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from netduty.core import audit
from netduty.fronts import services
from netduty.fronts.models import ChannelRequest, RequestDecision
from netduty.fronts.tests.factories import register_wechat
from netduty.org.tests.factories import appoint, make_person


@pytest.mark.django_db(transaction=True)
def test_two_officers_at_once_make_one_decision(world, pack):
    second = make_person("陈宣传", world.xcb, username="propaganda2")
    appoint(second, world.xcb, "propaganda_office", pack)
    req = register_wechat(world, world.secretary)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def go(user, decision):
        try:
            fresh = ChannelRequest.objects.get(pk=req.pk)
            barrier.wait()
            services.request_decide(actor=user, request=fresh, decision=decision, comment="意见")
            outcomes.append("ok")
        except ValidationError as exc:
            outcomes.append("；".join(exc.messages))
        finally:
            connection.close()

    threads = [threading.Thread(target=go, args=a) for a in ((world.propaganda, "approve"), (second.user, "reject"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["ok", "该申请已由他人处理，请刷新页面查看最新状态。"]
    assert RequestDecision.objects.filter(request=req, step="office").count() == 1
    assert audit.verify().ok
