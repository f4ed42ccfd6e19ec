"""Screens: submitting, reviewing on one page, deciding, publishing; permissions per stage."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from netduty.review import services
from netduty.review.models import State, Submission

from .factories import BODY, approve_all, decide, docx, submit

pytestmark = pytest.mark.django_db


def _answers(outcome="approve", **extra):
    return {"q_secrecy": "no", "q_suitability": "yes", "q_accuracy": "yes", "outcome": outcome, **extra}


def test_submit_form_screens_and_highlights(client, rw):
    client.force_login(rw.editor)
    page = client.get(reverse("review:create"))
    assert page.status_code == 200 and "文学院新闻" in page.content.decode()
    response = client.post(reverse("review:create"), {
        "channel": rw.channel.pk, "title": "关于中国共产觉员学习的通知", "body": "<p>请<b>全体</b>中国共产觉员参加。</p>",
        "source_kind": "original", "source_name": "",
        "attachments": [SimpleUploadedFile("附件.docx", docx("身份证号 11010519491231002X"))],
    })
    sub = Submission.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("review:detail", args=[sub.pk])
    html = client.get(response["Location"]).content.decode()
    assert re.search(r'<mark class="f-high" id="f\d+"[^>]*>(<span id="f\d+"></span>)*中国共产觉员<sup>\d+,\d+</sup>', html)
    assert "建议：中国共产党" in html and "建议：共产党员" in html
    assert "附件.docx" in html
    assert "不能审核自己提交或修改的稿件" in html


def test_reviewer_sees_everything_and_decides(client, rw):
    sub = submit(rw)
    client.force_login(rw.checker)
    html = client.get(reverse("review:detail", args=[sub.pk])).content.decode()
    for text in ["是否涉密？", "目前对外发布是否适宜？", "文字、数据、图表、图像是否准确？", "读书分享会", sub.current_revision.content_hash]:
        assert text in html
    data = _answers(version=sub.version, content_hash=sub.current_revision.content_hash, comment="同意")
    response = client.post(reverse("review:decide", args=[sub.pk]), data)
    assert response.status_code == 302
    sub.refresh_from_db()
    assert sub.stage == 2
    # the same form again (stale version): a clear message, nothing recorded
    response = client.post(reverse("review:decide", args=[sub.pk]), data, follow=True)
    assert "意见未保存" in response.content.decode() or "不同的人" in response.content.decode()
    assert sub.decisions.count() == 1


def test_stale_form_of_a_reviewer_of_the_previous_stage_is_told_who_decided(client, rw):
    from netduty.org.tests.factories import appoint, make_person

    other = make_person("钱审读", rw.college_a, username="checker2")
    appoint(other, rw.college_a, "info_officer", rw.pack)  # may decide 初审, not 复审
    sub = submit(rw)
    data = _answers(version=sub.version, content_hash=sub.current_revision.content_hash, comment="同意")
    decide(sub, rw.checker)  # 邹审读 decides 初审 while 钱审读's form is open
    client.force_login(other.user)
    response = client.post(reverse("review:decide", args=[sub.pk]), data, follow=True)
    assert response.status_code == 200  # not a 403 for 复审
    html = response.content.decode()
    assert "邹审读已在“初审”作出“通过”决定" in html and "意见未保存" in html
    assert sub.decisions.count() == 1


def test_decide_permissions_per_stage(client, rw):
    sub = submit(rw)
    data = lambda: _answers(version=sub.version, content_hash=sub.current_revision.content_hash)  # noqa: E731
    for user, status in [(rw.head, 403), (rw.dean, 403), (rw.editor, 403), (rw.secretary, 403), (rw.propaganda, 403),
                         (rw.outsider, 404)]:
        client.force_login(user)
        assert client.post(reverse("review:decide", args=[sub.pk]), data()).status_code == status, user
    for user in rw.reviewers:
        client.force_login(user)
        sub.refresh_from_db()
        assert client.post(reverse("review:decide", args=[sub.pk]), data()).status_code == 302
    sub.refresh_from_db()
    assert sub.state == State.APPROVED


def test_publish_and_edit_screens(client, rw):
    sub = approve_all(rw, submit(rw))
    client.force_login(rw.head)
    assert client.post(reverse("review:publish", args=[sub.pk]), {}).status_code == 403
    client.force_login(rw.editor)
    html = client.get(reverse("review:detail", args=[sub.pk])).content.decode()
    assert "登记发布" in html
    response = client.post(reverse("review:publish", args=[sub.pk]), {
        "content_hash": sub.current_revision.content_hash, "url": "http://127.0.0.1:1/wxy/news/p.html"})
    assert response.status_code == 302
    sub.refresh_from_db()
    assert sub.state == State.PUBLISHED
    assert client.get(reverse("review:edit", args=[sub.pk])).status_code == 403


def test_edit_makes_revision_and_diff(client, rw):
    sub = submit(rw)
    decide(sub, rw.checker)
    client.force_login(rw.editor)
    assert client.get(reverse("review:edit", args=[sub.pk])).status_code == 200
    response = client.post(reverse("review:edit", args=[sub.pk]), {
        "title": sub.title, "body": BODY.replace("读书分享会", "读书报告会"), "source_kind": "original",
        "version": sub.version + 1, "note": "改名"})
    assert response.status_code == 302
    sub.refresh_from_db()
    assert sub.current_revision.number == 2 and sub.stage == 1
    html = client.get(reverse("review:diff", args=[sub.pk])).content.decode()
    assert "<del>分享</del>" in html and "<ins>报告</ins>" in html


def test_queue_and_todo(client, rw):
    sub = submit(rw)
    client.force_login(rw.checker)
    html = client.get(reverse("review:index")).content.decode()
    assert "待我审核（1）" in html and sub.title in html
    home = client.get(reverse("home")).content.decode()
    assert sub.title in home
    client.force_login(rw.head)
    assert "待我审核（0）" in client.get(reverse("review:index")).content.decode()


def test_user_html_is_escaped_outside_the_sanitised_body(client, rw):
    sub = submit(rw, title="<img src=x onerror=alert(1)>标题")
    client.force_login(rw.checker)
    html = client.get(reverse("review:detail", args=[sub.pk])).content.decode()
    assert "<img src=x" not in html and "&lt;img src=x" in html


def test_query_counts_do_not_grow_with_data(client, rw):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(url):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    first = submit(rw)
    client.force_login(rw.checker)
    small_index, small_detail = count(reverse("review:index")), count(reverse("review:detail", args=[first.pk]))
    for i in range(5):
        decide(submit(rw, title=f"稿件{i}", body=f"<p>正文{i}，联系电话 1380013800{i}。</p>"), rw.checker)
    sub = submit(rw, body="<p>中华人民共合国，再接再励。</p>")
    decide(sub, rw.checker, high_reason="引用原文，已核实")
    services.submission_revise(actor=rw.editor, submission=sub, title="新标题", body="<p>中华人民共合国。</p>", source_kind="original")
    assert count(reverse("review:index")) <= small_index
    client.force_login(rw.head)
    assert count(reverse("review:detail", args=[sub.pk])) <= small_detail + 2


def test_index_for_a_college_secretary_is_flat_and_bounded(client, rw, monkeypatch):
    """A 第一责任人 (subtree scope): the index's queries do not grow with submissions; the queue and
    "my items" are capped (everything is in the paged list below them)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from netduty.review.views import pages

    monkeypatch.setattr(pages, "LIST_LIMIT", 2)

    def get(user):
        client.force_login(user)
        with CaptureQueriesContext(connection) as ctx:
            html = client.get(reverse("review:index")).content.decode()
        return len(ctx.captured_queries), html

    def at_final_stage(i):
        sub = submit(rw, title=f"稿件{i}", body=f"<p>第{i}篇正文。</p>")
        decide(sub, rw.checker)
        decide(sub, rw.head)

    at_final_stage(0)
    small, html = get(rw.secretary)
    assert "待我审核（1）" in html
    for i in range(1, 4):
        at_final_stage(i)
    large, html = get(rw.secretary)
    assert large == small and "待我审核（2）" in html
    _, html = get(rw.editor)
    mine = html.split('id="mine"', 1)[1].split("</section>", 1)[0]
    assert mine.count("<tr") == 1 + 2  # header + the capped rows


def test_live_page_shows_the_latest_sweep_of_every_channel_however_many(client, rw, settings):
    import datetime as dt

    from netduty.review.models import ChannelSweep

    from .factories import make_channel

    quiet = make_channel(rw.college_a, platform="website", name="文学院旧网站", url_prefix="http://127.0.0.1:1/old/")
    items = [{"url": "http://127.0.0.1:1/wxy/news/ok.html", "title": "未审稿件甲", "status": 200, "submission": None},
             {"url": "http://127.0.0.1:1/wxy/news/made.html", "title": "未审稿件乙", "status": 201, "submission": None},
             {"url": "http://127.0.0.1:1/wxy/news/gone.html", "title": "已删除稿件", "status": 404, "submission": None}]
    ChannelSweep.objects.create(channel=quiet, unit=quiet.unit, slot="2020-01-01", feed_url="http://127.0.0.1:1/old/rss",
                                last_update=dt.date(2019, 12, 1), stale=True)
    day = dt.date(2021, 1, 1)
    ChannelSweep.objects.bulk_create([
        ChannelSweep(channel=rw.channel, unit=rw.channel.unit, slot=(day + dt.timedelta(days=i)).isoformat(),
                     feed_url="http://127.0.0.1:1/wxy/news/rss", items=items if i == 599 else [],
                     unreviewed_count=2 if i == 599 else 0, live_count=3) for i in range(600)])
    client.force_login(rw.propaganda)
    response = client.get(reverse("review:live"))
    sweeps = list(response.context["sweeps"])
    assert {s.channel_id for s in sweeps} == {rw.channel.pk, quiet.pk}  # the quiet channel is not crowded out
    newest = next(s for s in sweeps if s.channel_id == rw.channel.pk)
    assert newest.slot == (day + dt.timedelta(days=599)).isoformat()
    html = response.content.decode()
    # the count and the list follow one rule (live = 2xx, no approval)
    assert "未审稿件甲" in html and "未审稿件乙" in html and "已删除稿件" not in html
    assert newest.unreviewed_count == len(newest.unreviewed_items) == 2
    assert "超过14天未更新" in html and "两周" not in html


def test_intended_at_today_or_later_in_the_form_and_the_api(rw):
    import datetime as dt

    from django.utils import timezone

    from netduty.review.forms import SubmissionForm

    from .test_api import BASE, client_for

    today = timezone.localdate()
    at = lambda day, hh: timezone.make_aware(dt.datetime.combine(day, dt.time(hh, 1)))  # noqa: E731
    channels = rw.channel.__class__.objects.filter(pk=rw.channel.pk)

    def form_errors(value):
        data = {"channel": rw.channel.pk, "title": "通知", "body": "<p>正文</p>", "source_kind": "original",
                "intended_at": timezone.localtime(value).strftime("%Y-%m-%dT%H:%M")}
        form = SubmissionForm(data, channels=channels)
        form.is_valid()
        return form.errors.get("intended_at")

    assert form_errors(at(today - dt.timedelta(days=1), 23)) == ["拟发布时间不能早于今天。"]  # yesterday evening
    assert form_errors(at(today, 0)) is None  # earlier today is still today
    editor = client_for(rw.editor)
    for day, status in [(today - dt.timedelta(days=1), 400), (today, 201)]:
        r = editor.post(BASE, {"channel": rw.channel.pk, "title": "通知", "body": "<p>正文</p>",
                               "intended_at": at(day, 23).isoformat()}, format="json")
        assert r.status_code == status, r.content
        if status == 400:
            assert "拟发布时间不能早于今天" in r.content.decode()
