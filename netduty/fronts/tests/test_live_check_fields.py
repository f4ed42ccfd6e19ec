"""The registry says which live check applies to a channel, and holds a WeChat account's __biz."""

import pytest
from django.core.exceptions import ValidationError

from netduty.fronts import services

from .factories import make_channel

pytestmark = pytest.mark.django_db


def test_a_change_request_sets_the_check_method_and_the_biz(world):
    from django.utils import timezone

    channel = make_channel(world.college_a, platform="wechat", name="文学院公众号")
    assert channel.check_kind == "wechat"
    req = services.change_submit(actor=world.secretary, channel=channel, changed_on=timezone.localdate(),
                                 reason="校园网打不开公众号文章，改为上传截图",
                                 changes={"live_check": "capture", "wechat_biz": "MzA5NzQxMjM0NQ=="})
    services.request_decide(actor=world.propaganda, request=req, decision="approve")
    channel.refresh_from_db()
    assert (channel.check_kind, channel.wechat_biz) == ("capture", "MzA5NzQxMjM0NQ==")


def test_a_malformed_biz_is_refused_and_the_detail_page_shows_the_method(world, client):
    with pytest.raises(ValidationError, match="__biz"):
        services.channel_create(actor=None, unit=world.college_a, platform="wechat", name="坏号",
                                wechat_biz="不是 biz!")
    channel = make_channel(world.college_a, platform="weibo", name="文学院微博")
    client.force_login(world.secretary)
    page = client.get(f"/fronts/{channel.pk}/").content.decode()
    assert "上传截图或网页存档比对" in page and 'id="check-kind"' in page
