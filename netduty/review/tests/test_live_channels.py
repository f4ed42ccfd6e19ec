"""The live check on every channel type, against pages served locally (never the internet):
WeChat articles checked against the account and the text, screenshots / saved pages uploaded
for platforms the platform cannot fetch, and publications no check has seen."""

import pytest
from django.core.exceptions import ValidationError

from netduty.core import audit
from netduty.review import services
from netduty.review.models import LiveCheck
from netduty.review.services.content import Upload

from .conftest import article_page
from .factories import BODY, approve_all, make_channel, submit

pytestmark = pytest.mark.django_db

BIZ = "MzA5NzQxMjM0NQ=="


def wechat_page(title: str, body_html: str, *, biz: str = BIZ, user_name: str = "gh_0a1b2c3d4e5f",
                nickname: str = "文学院微言") -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<div id='js_article' class='rich_media'><h1 class='rich_media_title' id='activity-name'>{title}</h1>"
            f"<div class='rich_media_meta_list'><span id='profileBt'><a id='js_name'>{nickname}</a></span></div>"
            f"<div class='rich_media_content' id='js_content'>{body_html}</div></div>"
            f"<script>var biz = \"\"||\"{biz}\"; var user_name = \"{user_name}\"; "
            f"var nickname = htmlDecode(\"{nickname}\");</script></body></html>")


@pytest.fixture
def wechat(lw, site, settings):
    settings.NETDUTY_FETCH_WECHAT_PREFIX = site.url("/s")
    lw.channel = make_channel(lw.college_a, platform="wechat", name="文学院微言", account_id="gh_0a1b2c3d4e5f",
                              wechat_biz=BIZ)
    return lw


def _publish(w, url, **kw):
    sub = approve_all(w, submit(w, **kw))
    pub = services.publication_create(actor=w.editor, submission=sub, url=url)
    sub.refresh_from_db()
    return sub, pub


def test_the_registry_says_which_check_applies(lw):
    from netduty.fronts.models import Channel

    kinds = {p: Channel(platform=p).check_kind for p in ("website", "wechat", "weibo", "douyin", "escreen")}
    assert kinds == {"website": "page", "wechat": "wechat", "weibo": "capture", "douyin": "capture",
                     "escreen": "capture"}
    assert Channel(platform="wechat", live_check="capture").check_kind == "capture"  # overridable


def test_wechat_article_identical_then_changed_then_other_account(wechat, site):
    path = f"/s?__biz={BIZ}&mid=2650000001&idx=1&sn=abc"
    sub, pub = _publish(wechat, site.url(path))
    site.page(path, wechat_page(sub.title, BODY))
    check = services.live_check_run(publication_id=pub.pk)
    assert (check.result, check.method) == ("identical", "wechat"), check.message
    site.page(path, wechat_page(sub.title, BODY.replace("曾主任主持", "王某主持")))
    assert services.live_check_run(publication_id=pub.pk).result == "changed"
    site.page(path, wechat_page(sub.title, BODY, biz="MzI0OTk5OTk5OQ==", nickname="别的号"))
    check = services.live_check_run(publication_id=pub.pk)
    assert check.result == "account" and "MzI0OTk5OTk5OQ==" in check.message
    assert audit.verify().ok


def test_wechat_without_biz_is_matched_by_original_id_or_name(wechat, site):
    wechat.channel.wechat_biz = ""
    wechat.channel.save()
    path = "/s/AbCdEf123"
    sub, pub = _publish(wechat, site.url(path))
    site.page(path, wechat_page(sub.title, BODY))
    check = services.live_check_run(publication_id=pub.pk)
    assert check.result == "identical" and BIZ in check.message  # suggests registering the __biz
    site.page(path, wechat_page(sub.title, BODY, user_name="gh_ffffffffffff"))
    assert services.live_check_run(publication_id=pub.pk).result == "account"
    site.page(path, "<html><body><div id='js_content'>" + BODY + "</div></body></html>")
    check = services.live_check_run(publication_id=pub.pk)
    assert check.result == "error" and "找不到公众号标识" in check.message


def test_a_wechat_channel_accepts_only_article_links(wechat, site):
    sub = approve_all(wechat, submit(wechat))
    for url in ("https://weibo.com/u/123", site.url("/wxy/news/a.html"), "http://mp.weixin.qq.com.evil/s?x=1"):
        with pytest.raises(ValidationError, match="公众号文章链接"):
            services.publication_create(actor=wechat.editor, submission=sub, url=url)
    pub = services.publication_create(actor=wechat.editor, submission=sub, url=site.url("/s/xyz"))
    assert pub.url.endswith("/s/xyz")


def test_a_capture_channel_is_never_fetched_and_takes_a_saved_page(lw, site):
    lw.channel = make_channel(lw.college_a, platform="weibo", name="文学院微博", url_prefix=site.prefix)
    sub, pub = _publish(lw, site.url("/wxy/news/weibo1.html"))
    assert not LiveCheck.objects.filter(publication=pub).exists()  # publishing queued no fetch
    with pytest.raises(ValidationError, match="截图或网页存档"):
        services.live_check_request(actor=lw.editor, publication=pub)
    saved = article_page(sub.title, BODY).encode()
    check = services.live_check_capture(actor=lw.editor, publication=pub, upload=Upload("微博.html", saved))
    assert (check.result, check.method, check.evidence_name) == ("identical", "capture", "微博.html")
    assert check.evidence.read() == saved
    changed = article_page(sub.title, BODY.replace("读书分享会", "游园会")).encode()
    assert services.live_check_capture(actor=lw.editor, publication=pub,
                                       upload=Upload("b.html", changed)).result == "changed"
    assert site.hits == []
    with pytest.raises(ValidationError, match="只接受"):
        services.live_check_capture(actor=lw.editor, publication=pub, upload=Upload("a.exe", b"MZ"))
    with pytest.raises(ValidationError, match="不符"):
        services.live_check_capture(actor=lw.editor, publication=pub, upload=Upload("a.png", saved))


def test_a_screenshot_without_ocr_says_so(lw, monkeypatch):
    from netduty.screening.extract import ocr

    from .factories import png

    monkeypatch.setattr(ocr, "ocr_available", lambda: False)
    lw.channel = make_channel(lw.college_a, platform="douyin", name="文学院抖音")
    sub, pub = _publish(lw, "")
    check = services.live_check_capture(actor=lw.editor, publication=pub, upload=Upload("截图.png", png()))
    assert check.result == "error" and "未识别图片文字" in check.message


def test_unchecked_publications_are_listed_and_counted(lw, site, client):
    from netduty.review import selectors

    lw.channel = make_channel(lw.college_a, platform="bilibili", name="文学院B站")
    _sub, never = _publish(lw, "", title="从未核查的稿件")
    lw.channel = make_channel(lw.college_a, platform="website", name="文学院新闻二", url_prefix=site.prefix)
    sub2, failed = _publish(lw, site.url("/wxy/news/missing-prefix.html"), title="无法核查的稿件")
    site.page("/wxy/news/missing-prefix.html", "", status=500)
    assert services.live_check_run(publication_id=failed.pk).result == "error"
    sub3, ok = _publish(lw, site.url("/wxy/news/ok.html"), title="已核查的稿件")
    site.page("/wxy/news/ok.html", article_page(sub3.title, BODY))
    assert services.live_check_run(publication_id=ok.pk).result == "identical"
    assert set(selectors.unchecked_publications(lw.secretary)) == {never, failed}
    client.force_login(lw.secretary)
    page = client.get("/review/live/").content.decode()
    section = page[page.index('id="unchecked"'):page.index("阵地巡查（RSS")]
    assert "未经核查的发布：2 篇" in section
    assert "从未核查的稿件" in section and "无法核查的稿件" in section and "已核查的稿件" not in section
    assert "上传截图或网页存档比对" in section


def test_the_page_takes_an_upload_and_serves_the_evidence(lw, site, client):
    lw.channel = make_channel(lw.college_a, platform="weibo", name="文学院微博")
    sub, pub = _publish(lw, "")
    client.force_login(lw.editor)
    detail = client.get(f"/review/{sub.pk}/").content.decode()
    assert 'id="run-capture"' in detail and 'id="run-check"' not in detail
    from django.core.files.uploadedfile import SimpleUploadedFile

    saved = article_page(sub.title, BODY).encode()
    response = client.post(f"/review/{sub.pk}/capture/",
                           {"evidence": SimpleUploadedFile("存档.html", saved, content_type="text/html")})
    assert response.status_code == 302
    check = LiveCheck.objects.get(publication=pub)
    assert check.result == "identical"
    got = client.get(f"/review/checks/{check.pk}/evidence/")
    assert got.status_code == 200 and b"".join(got.streaming_content) == saved
    assert "存档.html" in client.get(f"/review/checks/{check.pk}/").content.decode()
    api = client.get(f"/api/v1/review/live-checks/{check.pk}/")
    assert api.status_code == 200, api.content
    assert (api.json()["method"], api.json()["evidence_name"]) == ("capture", "存档.html")


def test_websites_still_need_a_url_under_the_prefix(lw):
    sub = approve_all(lw, submit(lw))
    with pytest.raises(ValidationError, match="须登记网址"):
        services.publication_create(actor=lw.editor, submission=sub, url="")
    with pytest.raises(ValidationError, match="前缀"):
        services.publication_create(actor=lw.editor, submission=sub, url="http://127.0.0.1:1/other/a.html")
    assert services.publication_create(actor=lw.editor, submission=sub, url=f"{lw.channel.url_prefix}x.html").url
