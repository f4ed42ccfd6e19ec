"""Live check and channel sweep against a local HTTP server (never the internet)."""

import datetime as dt

import pytest
from django.utils import timezone

from netduty.core import audit
from netduty.review import fetch, services
from netduty.review.models import ChannelSweep, LiveCheck

from .conftest import article_page
from .factories import BODY, approve_all, published, submit

pytestmark = pytest.mark.django_db


def _publish(lw, site, path="/wxy/news/2026/a1.html", body=BODY, title="文学院举行读书分享会"):
    sub, pub = published(lw, url=site.url(path), body=body, title=title)
    return sub, pub


def test_identical_then_changed_then_gone(lw, site, django_capture_on_commit_callbacks):
    sub, pub = _publish(lw, site)
    site.page("/wxy/news/2026/a1.html", article_page(sub.title, BODY))
    check = services.live_check_run(publication_id=pub.pk)
    assert check.result == "identical", check.message
    assert check.similarity == 1.0
    altered = BODY.replace("曾主任主持", "王某主持").replace("</p><p>", "</p><p>（新增）一段未经审核的文字。</p><p>", 1)
    site.page("/wxy/news/2026/a1.html", article_page(sub.title, altered))
    with django_capture_on_commit_callbacks(execute=True):
        check = services.live_check_run(publication_id=pub.pk)
    assert check.result == "changed"
    assert "王某" in check.page_text and 0.5 < check.similarity < 1
    from netduty.core.models import Notification

    assert Notification.objects.filter(recipient=sub.author, key=f"review:live:{check.pk}").exists()
    site.pages.pop("/wxy/news/2026/a1.html")
    check = services.live_check_run(publication_id=pub.pk)
    assert check.result == "gone" and check.http_status == 404
    pub.refresh_from_db()
    assert pub.last_result == "gone"
    assert audit.verify().ok


def test_publication_triggers_a_check_on_commit(lw, site, django_capture_on_commit_callbacks):
    sub = approve_all(lw, submit(lw))
    site.page("/wxy/news/p.html", article_page(sub.title, BODY))
    with django_capture_on_commit_callbacks(execute=True):
        pub = services.publication_create(actor=lw.editor, submission=sub, url=site.url("/wxy/news/p.html"))
    assert LiveCheck.objects.get(publication=pub).result == "identical"


def test_redirects_only_within_the_prefix(lw, site):
    sub, pub = _publish(lw, site, path="/wxy/news/old.html")
    site.page("/wxy/news/old.html", "", status=302, Location="/wxy/news/new.html")
    site.page("/wxy/news/new.html", article_page(sub.title, BODY))
    assert services.live_check_run(publication_id=pub.pk).result == "identical"
    site.page("/wxy/news/old.html", "", status=302, Location="/admin/secret.html")
    site.page("/admin/secret.html", article_page(sub.title, BODY))
    check = services.live_check_run(publication_id=pub.pk)
    assert check.result == "error" and "前缀" in check.message
    assert "/admin/secret.html" not in site.hits


def test_limits_size_timeout_scheme(lw, site, settings):
    settings.NETDUTY_FETCH_MAX_BYTES = 2000
    sub, pub = _publish(lw, site, path="/wxy/news/big.html")
    site.page("/wxy/news/big.html", article_page(sub.title, BODY, extra="<p>" + "长" * 5000 + "</p>"))
    check = services.live_check_run(publication_id=pub.pk)
    assert check.result == "error" and "过大" in check.message
    settings.NETDUTY_FETCH_MAX_BYTES = 2_000_000
    settings.NETDUTY_FETCH_TIMEOUT = 0.3
    site.delay = 1.0
    check = services.live_check_run(publication_id=pub.pk)
    assert check.result == "error" and "无法访问" in check.message
    site.delay = 0
    assert not fetch.allowed("file:///etc/passwd", "file:///")
    assert not fetch.allowed("ftp://127.0.0.1/wxy/news/a", "ftp://127.0.0.1/wxy/news/")
    assert not fetch.allowed(site.url("/wxy/newsletter.html"), site.prefix)
    assert not fetch.allowed(f"http://user:pw@{site.base[7:]}/wxy/news/a", site.prefix)
    assert fetch.fetch(site.url("/etc/"), site.prefix).error.startswith("网址不在")


def test_no_prefix_means_no_fetch(world, site):
    from .factories import review_world

    w = review_world(world, prefix="")
    sub, pub = published(w, url=site.url("/wxy/news/x.html"))
    check = services.live_check_run(publication_id=pub.pk)
    assert check.result == "error" and "前缀" in check.message and site.hits == []


RSS = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>文学院新闻</title>
{items}</channel></rss>"""


def _item(url, title, day):
    return f"<item><title>{title}</title><link>{url}</link><pubDate>{email_date(day)}</pubDate></item>"


def email_date(day):
    import email.utils

    return email.utils.format_datetime(dt.datetime.combine(day, dt.time(9), tzinfo=dt.UTC))


def test_sweep_flags_unreviewed_broken_and_stale(lw, site):
    today = timezone.localdate()
    sub, pub = _publish(lw, site, path="/wxy/news/a1.html")
    other = approve_all(lw, submit(lw, title="第二篇", body="<p>第二篇经过审核的稿件正文。</p>"))
    site.page("/wxy/news/a1.html", article_page(sub.title, BODY, extra="<a href='/wxy/news/missing.html'>相关</a>"))
    site.page("/wxy/news/a2.html", article_page("第二篇", "<p>第二篇经过审核的稿件正文。</p>"))
    site.page("/wxy/news/a3.html", article_page("未经审核", "<p>这是一篇没有经过审核就发布的文章。</p>"))
    site.page("/wxy/news/", "<html><body>学院新闻</body></html>")
    items = [_item(site.url("/wxy/news/a1.html"), sub.title, today - dt.timedelta(days=20)),
             _item(site.url("/wxy/news/a2.html"), "第二篇", today - dt.timedelta(days=18)),
             _item(site.url("/wxy/news/a3.html"), "未经审核", today - dt.timedelta(days=16)),
             _item(site.url("/wxy/news/gone.html"), "已删除", today - dt.timedelta(days=30)),
             _item("http://elsewhere.example/x.html", "别处", today)]
    site.page("/wxy/rss.xml", RSS.format(items="".join(items)), **{"Content-Type": "application/rss+xml"})
    channel = lw.channel
    from netduty.fronts import services as fronts_services  # noqa: F401  (channel edits belong to fronts)

    type(channel).objects.filter(pk=channel.pk).update(feed_url=site.url("/wxy/rss.xml"))
    channel.refresh_from_db()
    sweep = services.sweep_channel(channel=channel, slot=today.isoformat(), today=today)
    rows = {r["url"].rsplit("/", 1)[-1]: r for r in sweep.items}
    assert set(rows) == {"a1.html", "a2.html", "a3.html", "gone.html"}  # elsewhere.example never fetched
    assert rows["a1.html"]["submission"] == sub.pk and rows["a1.html"]["how"] == "url"
    assert rows["a2.html"]["submission"] == other.pk and rows["a2.html"]["how"] == "text"
    assert rows["a3.html"]["submission"] is None
    assert sweep.unreviewed_count == 1
    broken = {b["url"].rsplit("/", 1)[-1] for b in sweep.broken}
    assert broken == {"gone.html", "missing.html"}
    assert sweep.last_update == today - dt.timedelta(days=16) and sweep.stale
    # once per slot
    assert services.sweep_channel(channel=channel, slot=today.isoformat(), today=today) is None
    assert ChannelSweep.objects.count() == 1
    assert audit.verify().ok


def test_sweep_task_claims_the_slot_once(lw, site, django_capture_on_commit_callbacks):
    from netduty.core.models import JobClaim
    from netduty.review import tasks

    site.page("/wxy/sitemap.xml", f"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{site.url('/wxy/news/a.html')}</loc><lastmod>{timezone.localdate().isoformat()}</lastmod></url></urlset>""",
              **{"Content-Type": "application/xml"})
    site.page("/wxy/news/a.html", article_page("新文章", "<p>新文章正文。</p>"))
    type(lw.channel).objects.filter(pk=lw.channel.pk).update(feed_url=site.url("/wxy/sitemap.xml"))
    slot = timezone.localdate().isoformat()
    sub, pub = _publish(lw, site, path="/wxy/news/a.html", title="新文章", body="<p>新文章正文。</p>")
    with django_capture_on_commit_callbacks(execute=True):
        first = tasks.sweep.call(slot)
    assert first == {"channels": 1, "rechecks": 1}
    assert tasks.sweep.call(slot) is None
    assert JobClaim.objects.filter(job="review.sweep", slot=slot).count() == 1
    sweep = ChannelSweep.objects.get(slot=slot)
    assert sweep.live_count == 1 and sweep.unreviewed_count == 0 and not sweep.stale
    assert LiveCheck.objects.get(publication=pub).result == "identical"


def test_feed_formats():
    atom = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>A</title><link href="http://x/a"/><updated>2026-11-01T08:00:00Z</updated></entry>
<entry><title>B</title><link rel="edit" href="http://x/edit"/><link rel="alternate" href="http://x/b"/></entry></feed>"""
    items = fetch.parse_feed(atom)
    assert [(i.url, i.title, i.date) for i in items] == [("http://x/a", "A", dt.date(2026, 11, 1)), ("http://x/b", "B", None)]
    with pytest.raises(ValueError):
        fetch.parse_feed(b"<html><body>not a feed</body></html>")
    evil = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><rss><channel><item>
<title>&e;</title><link>http://x/a</link></item></channel></rss>"""
    items = fetch.parse_feed(evil)
    assert "root:" not in items[0].title


def test_article_extraction_ignores_chrome():
    page = fetch.article(article_page("标题", BODY), "http://127.0.0.1/wxy/news/a.html", approved="文学院举行读书分享会。\n李书记出席并讲话，曾主任主持。", title="标题")
    assert page.text == "文学院举行读书分享会。\n李书记出席并讲话，曾主任主持。"


@pytest.mark.parametrize("url, prefix, ok", [
    ("https://news.x.edu.cn/a.html", "https://news.x.edu.cn", True),
    ("https://NEWS.x.edu.cn:443/wxy/a.html", "https://news.x.edu.cn/", True),
    ("https://news.x.edu.cn.evil/a.html", "https://news.x.edu.cn", False),
    ("https://news.x.edu.cn@evil.cn/a.html", "https://news.x.edu.cn", False),
    ("https://news.x.edu.cn:8443/a.html", "https://news.x.edu.cn", False),
    ("http://news.x.edu.cn/a.html", "https://news.x.edu.cn", False),
    ("https://x.edu.cn/wxy/news/2026/a.html", "https://x.edu.cn/wxy/news", True),
    ("https://x.edu.cn/wxy/news", "https://x.edu.cn/wxy/news", True),
    ("https://x.edu.cn/wxy/newsletter.html", "https://x.edu.cn/wxy/news", False),
    ("https://x.edu.cn/wxy/newsletter.html", "https://x.edu.cn/wxy/news/", False),
    ("https://x.edu.cn/list.php?col=3&page=2", "https://x.edu.cn/list.php?col=3", True),
    ("https://x.edu.cn/list.php?col=33", "https://x.edu.cn/list.php?col=3", False),
])
def test_url_prefix_rule_is_one_for_fetching_and_publishing(url, prefix, ok):
    from types import SimpleNamespace

    from netduty.review.services.decisions import url_allowed

    assert fetch.allowed(url, prefix) is ok
    assert url_allowed(SimpleNamespace(url_prefix=prefix), url) is ok
