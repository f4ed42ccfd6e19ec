"""The live check (is the published page the approved page?) and the channel sweep (what is live
on a channel with a feed or sitemap, and does every item match an approval?).

Fetching happens outside any transaction; the result is written with its audit event after."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from netduty.core import audit
from netduty.fronts.models import LiveCheckKind

from .. import fetch, selectors
from .. import text as t
from ..models import ChannelSweep, LiveCheck, LiveResult, Publication, Revision, State
from ..models.live import unreviewed_rows

MAX_PAGE_TEXT = 200_000
SIMILAR = 0.9
AUTOMATIC = (LiveCheckKind.PAGE, LiveCheckKind.WECHAT)  # fetched by the platform; the others are uploaded


def compare(approved: str, page_text: str, *, ocr: bool = False, status: int | None = None) -> dict[str, Any]:
    """Compare the approved text with the text found on the published item. Text from a page or a
    saved page must be the same after normalising; text read from a screenshot (OCR) counts as the
    same from NETDUTY_LIVE_OCR_SIMILAR (default 0.9) similarity, since OCR misreads characters."""
    same = t.normalise(page_text) == t.normalise(approved)
    sim = 1.0 if same else t.similarity(approved, page_text)
    tolerance = float(getattr(settings, "NETDUTY_LIVE_OCR_SIMILAR", 0.9))
    if ocr and not same and sim >= tolerance and page_text.strip():
        same = True
        message = f"截图识别出的文字与通过终审的版本一致（相似度 {sim:.0%}，OCR 识别，按 {tolerance:.0%} 判定）。"
    elif same:
        message = "页面正文与通过终审的版本一致。"
    elif not page_text.strip():
        message = "页面上找不到正文。"
    else:
        message = f"页面正文与通过终审的版本不一致（相似度 {sim:.0%}）。"
    return {"result": LiveResult.IDENTICAL if same else LiveResult.CHANGED, "http_status": status,
            "similarity": round(sim, 4), "page_text": page_text[:MAX_PAGE_TEXT],
            "page_text_hash": t.text_hash(page_text), "message": message}


def account_mismatch(channel, acc: fetch.WechatAccount) -> tuple[bool | None, str]:
    """(True, "") when the article is the channel's account, (False, why) when it is another
    account, (None, why) when the page does not say. Compared in order: the registered __biz, the
    原始ID (an account id of the form gh_…), the account name."""
    if channel.wechat_biz and acc.biz:
        ok = acc.biz == channel.wechat_biz
        return ok, "" if ok else f"文章属于另一个公众号（__biz {acc.biz}，本阵地登记的是 {channel.wechat_biz}）。"
    gh = channel.account_id if channel.account_id.startswith("gh_") else ""
    if gh and acc.user_name:
        ok = acc.user_name == gh
        return ok, "" if ok else f"文章属于另一个公众号（原始ID {acc.user_name}，本阵地登记的是 {gh}）。"
    if acc.nickname:
        ok = t.normalise(acc.nickname) == t.normalise(channel.name)
        return ok, "" if ok else f"文章属于另一个公众号（“{acc.nickname}”，本阵地是“{channel.name}”）。"
    return None, "页面上找不到公众号标识（__biz、原始ID 或名称），无法确认是本账号发布。"


def _page_result(pub: Publication, got: fetch.Fetched, *, wechat: bool) -> dict[str, Any]:
    rev = pub.revision
    html = got.text()
    note = ""
    if wechat:
        channel = pub.submission.channel
        acc = fetch.wechat_account(html, got.url)
        ok, why = account_mismatch(channel, acc)
        if ok is False:
            return {"result": LiveResult.ACCOUNT, "http_status": got.status, "message": why}
        if ok is None:
            return {"result": LiveResult.ERROR, "http_status": got.status, "message": why}
        if acc.biz and not channel.wechat_biz:
            note = f"（可在阵地台账登记本号的 __biz：{acc.biz}）"
    page = fetch.article(html, got.url, approved=rev.body_text, title=rev.title)
    outcome = compare(rev.body_text, page.text, status=got.status)
    outcome["message"] = (outcome["message"] + note)[:500]
    return outcome


def _result_for(pub: Publication) -> dict[str, Any]:
    channel = pub.submission.channel
    kind = channel.check_kind
    if kind not in AUTOMATIC:
        return {"result": LiveResult.ERROR, "message": f"本阵地的核查方式是“{channel.check_kind_label}”，不能自动抓取；"
                                                       "请在稿件页上传发布后的截图或网页存档。"}
    if not pub.url:
        return {"result": LiveResult.ERROR, "message": "未登记发布网址，无法核查。"}
    prefix = fetch.wechat_prefix() if kind == LiveCheckKind.WECHAT else channel.url_prefix
    if not prefix:
        return {"result": LiveResult.ERROR, "message": "阵地未登记网址前缀，为安全起见不抓取任何网址。"}
    got = fetch.fetch(pub.url, prefix)
    if got.status in (404, 410):
        return {"result": LiveResult.GONE, "http_status": got.status, "message": f"页面已不存在（HTTP {got.status}）。"}
    if got.error or got.status is None:
        return {"result": LiveResult.ERROR, "http_status": got.status, "message": got.error[:500]}
    if not got.ok:
        return {"result": LiveResult.ERROR, "http_status": got.status, "message": f"网站返回 HTTP {got.status}。"}
    return _page_result(pub, got, wechat=kind == LiveCheckKind.WECHAT)


def publication_url_error(channel, url: str) -> str:
    """Why `url` cannot be registered as where `channel` published ("" when it can): a WeChat
    channel's URL must be an article link (mp.weixin.qq.com/s…); any other must be under the
    channel's registered prefix (if it has one); a website must give one."""
    kind = channel.check_kind
    if not url:
        if channel.platform == "website":
            return _("网站栏目发布须登记网址，以便上线核查。")
        return ""  # no link: the publication is listed as not checked on the live page
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return _("发布网址须以 http:// 或 https:// 开头。")
    if kind == LiveCheckKind.WECHAT:
        if not fetch.allowed(url, fetch.wechat_prefix()):
            return _("公众号文章链接须为 %(prefix)s… 的文章地址（在文章页点“复制链接”），而不是其他网址。") % {
                "prefix": fetch.wechat_prefix()}
        return ""
    prefix = (channel.url_prefix or "").strip()
    if prefix and not fetch.allowed(url, prefix):
        return _("发布网址须以本阵地登记的网址前缀开头：%(prefix)s") % {"prefix": prefix}
    return ""


def live_check_run(*, publication_id: int, requested_by: Any = None) -> LiveCheck:
    """Fetch the publication's URL and compare its article text with the approved revision."""
    pub = Publication.objects.select_related("revision", "submission__channel").get(pk=publication_id)
    outcome = _result_for(pub)
    from .notify import after_live_check

    with transaction.atomic():
        check = LiveCheck.objects.create(publication=pub, url=pub.url, method=pub.submission.channel.check_kind,
                                         **outcome)
        Publication.objects.filter(pk=pub.pk).update(last_result=check.result, last_checked_at=check.created_at)
        audit.record(actor=requested_by, action="review.livecheck.run", obj=check, unit_id=pub.submission.unit_id,
                     after={"publication": pub.pk, "submission": pub.submission_id, "url": pub.url,
                            "result": check.result, "http_status": check.http_status, "similarity": check.similarity,
                            "approved_hash": pub.content_hash, "page_text_hash": check.page_text_hash})
        transaction.on_commit(lambda: after_live_check(check.pk))
    return check


def live_check_request(*, actor: Any, publication: Publication) -> None:
    """Queue a live check now (the request itself is audited; the result is audited by the task)."""
    from django.core.exceptions import ValidationError

    channel = publication.submission.channel
    if channel.check_kind not in AUTOMATIC:
        raise ValidationError(_("本阵地的核查方式是“%(kind)s”，请上传发布后的截图或网页存档。") % {
            "kind": channel.check_kind_label})
    if not publication.url:
        raise ValidationError(_("未登记发布网址，无法核查。"))
    from ..tasks import live_check

    with transaction.atomic():
        audit.record(actor=actor, action="review.livecheck.request", obj=publication,
                     unit_id=publication.submission.unit_id, after={"url": publication.url})
        user_id = getattr(actor, "pk", None)
        transaction.on_commit(lambda: live_check.enqueue(publication.pk, user_id))


# ---- sweep ---------------------------------------------------------------------------------------

def _approved_texts(channel) -> tuple[dict[str, int], dict[str, int], list[tuple[int, str]]]:
    """(text hash → submission, normalised URL → submission, [(submission, text)]) of everything
    approved or published on the channel."""
    revs = Revision.objects.filter(submission__channel=channel, submission__state__in=[State.APPROVED, State.PUBLISHED],
                                   submission__current_revision=F("pk")).values_list("submission_id", "text_hash",
                                                                                             "body_text")
    by_hash: dict[str, int] = {}
    texts: list[tuple[int, str]] = []
    for sub_id, th, body in revs:
        by_hash[th] = sub_id
        texts.append((sub_id, body))
    by_url = {fetch._canon(u): s for u, s in Publication.objects.filter(submission__channel=channel).exclude(url="")
              .values_list("url", "submission_id")}
    return by_hash, by_url, texts


def _match(page_text: str, url: str, by_hash, by_url, texts) -> tuple[int | None, str]:
    sub = by_url.get(fetch._canon(url))
    if sub is not None:
        return sub, "url"
    th = t.text_hash(page_text)
    if th in by_hash:
        return by_hash[th], "text"
    n = len(t.normalise(page_text))
    for sub_id, body in texts[:500]:
        m = len(t.normalise(body))
        if n and m and 0.8 <= m / n <= 1.25 and t.similarity(body, page_text) >= SIMILAR:
            return sub_id, "similar"
    return None, ""


def sweep_channel(*, channel, slot: str, today: dt.date | None = None) -> ChannelSweep | None:
    """One pass over the channel's feed/sitemap for `slot`; None if the slot was already swept."""
    today = today or timezone.localdate()
    if ChannelSweep.objects.filter(channel=channel, slot=slot).exists():
        return None
    prefix = channel.url_prefix
    max_items = int(fetch.conf("SWEEP_ITEMS", 30))
    data: dict[str, Any] = {"ok": True, "error": "", "items": [], "broken": []}
    got = fetch.fetch(channel.feed_url, prefix, origin_ok=True) if prefix else None
    items: list[fetch.FeedItem] = []
    if got is None:
        data.update(ok=False, error="阵地未登记网址前缀，为安全起见不抓取任何网址。")
    elif not got.ok:
        data.update(ok=False, error=got.error or f"RSS/站点地图返回 HTTP {got.status}")
    else:
        try:
            items = [i for i in fetch.parse_feed(got.body) if fetch.allowed(i.url, prefix)]
        except ValueError as exc:
            data.update(ok=False, error=str(exc)[:500])
    items.sort(key=lambda i: i.date or dt.date.min, reverse=True)
    items = items[:max_items]
    by_hash, by_url, texts = _approved_texts(channel)

    def visit(item: fetch.FeedItem) -> dict[str, Any]:
        page = fetch.fetch(item.url, prefix)
        row: dict[str, Any] = {"url": item.url, "title": item.title, "date": item.date.isoformat() if item.date else None,
                               "status": page.status, "error": page.error[:200], "submission": None, "how": "",
                               "links": []}
        if page.ok:
            art = fetch.article(page.text(), page.url, title=item.title)
            row["submission"], row["how"] = _match(art.text, item.url, by_hash, by_url, texts)
            row["title"] = row["title"] or art.title
            row["links"] = [u for u in art.links if fetch.allowed(u, prefix)][:50]
        return row

    workers = max(1, int(fetch.conf("CONCURRENCY", 4)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        rows = list(pool.map(visit, items))
    broken = [{"url": r["url"], "status": r["status"], "from": "RSS/站点地图"} for r in rows
              if r["status"] is not None and r["status"] >= 400]
    links = sorted({u for r in rows for u in r.pop("links")} - {r["url"] for r in rows})[: int(fetch.conf("SWEEP_LINKS", 100))]

    def probe(url: str) -> dict[str, Any] | None:
        res = fetch.fetch(url, prefix, max_bytes=512 * 1024)
        if res.status is not None and res.status >= 400:
            return {"url": url, "status": res.status, "from": "页面链接"}
        if res.status is None and "无法访问" in res.error:
            return {"url": url, "status": None, "from": "页面链接"}
        return None

    with ThreadPoolExecutor(max_workers=workers) as pool:
        broken += [b for b in pool.map(probe, links) if b]
    dates = [i.date for i in items if i.date]
    last = max(dates) if dates else None
    if last is None:
        pub = Publication.objects.filter(submission__channel=channel).order_by("-published_at").first()
        last = timezone.localtime(pub.published_at).date() if pub else None
    stale_days = selectors.stale_after_days(today)
    stale = bool(data["ok"] and (last is None or (today - last).days > stale_days))
    unreviewed = unreviewed_rows(rows)
    try:
        with transaction.atomic():
            sweep = ChannelSweep.objects.create(
                channel=channel, unit=channel.unit, slot=slot, feed_url=channel.feed_url, ok=data["ok"],
                error=data["error"], items=rows, broken=broken, live_count=len(rows),
                unreviewed_count=len(unreviewed), broken_count=len(broken), last_update=last, stale=stale)
            audit.record(actor=None, action="review.sweep.run", obj=sweep, unit_id=channel.unit_id,
                         after={"channel": channel.pk, "slot": slot, "ok": sweep.ok, "live": len(rows),
                                "unreviewed": [r["url"] for r in unreviewed], "broken": [b["url"] for b in broken],
                                "last_update": last, "stale": stale, "stale_after_days": stale_days})
    except IntegrityError:
        return None
    return sweep
