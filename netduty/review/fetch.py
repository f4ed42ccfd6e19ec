"""Bounded fetching of published pages and feeds, and extracting what matters from them.

Every fetch: http/https only; only URLs under the channel's registered prefix (redirects are
followed by hand, at most three, and only while they stay under it); a timeout per request and
an overall deadline; at most NETDUTY_FETCH_MAX_BYTES read; at most NETDUTY_FETCH_CONCURRENCY
fetches at once per process. No database access here."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

import lxml.etree
import lxml.html
from django.conf import settings

from . import text as t

USER_AGENT = "netduty-livecheck/1.0 (+publication review)"
LOCAL = {"localhost", "127.0.0.1", "::1"}


def conf(name: str, default: int | float) -> int | float:
    return type(default)(getattr(settings, f"NETDUTY_FETCH_{name}", default))


_sem_lock = threading.Lock()
_sem: threading.BoundedSemaphore | None = None


def _semaphore() -> threading.BoundedSemaphore:
    global _sem
    with _sem_lock:
        if _sem is None:
            _sem = threading.BoundedSemaphore(int(conf("CONCURRENCY", 4)))
        return _sem


@dataclass
class Fetched:
    url: str
    status: int | None = None
    body: bytes = b""
    content_type: str = ""
    error: str = ""
    redirects: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.error and self.status is not None and 200 <= self.status < 300

    def text(self) -> str:
        m = re.search(r"charset=([\w\-]+)", self.content_type or "", re.I)
        if m:
            try:
                return self.body.decode(m.group(1), errors="replace")
            except LookupError:
                pass
        head = self.body[:4096].decode("ascii", errors="ignore")
        m = re.search(r"<meta[^>]+charset=[\"']?([\w\-]+)", head, re.I)
        enc = m.group(1) if m else "utf-8"
        try:
            return self.body.decode(enc, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


DEFAULT_PORTS = {"http": 80, "https": 443}


def _origin(parts: urllib.parse.SplitResult) -> tuple[str, str, int] | None:
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname or parts.username or parts.password:
        return None
    try:
        port = parts.port or DEFAULT_PORTS[scheme]
    except ValueError:
        return None
    return scheme, parts.hostname.lower().rstrip("."), port


def allowed(url: str, prefix: str) -> bool:
    """Is `url` under the channel's registered `prefix`? The scheme, host and port must be the same
    (``news.x.edu.cn.evil`` is not ``news.x.edu.cn``) and the path must continue the prefix's path at
    a segment boundary (``/wxy/news`` admits ``/wxy/news/a.html``, not ``/wxy/newsletter.html``).
    Used by the fetcher and by the publication check."""
    if not prefix:
        return False
    u, p = urllib.parse.urlsplit(url.strip()), urllib.parse.urlsplit(prefix.strip())
    origin = _origin(u)
    if origin is None or origin != _origin(p):
        return False
    path, base = u.path or "/", p.path or "/"
    if p.query:  # a prefix naming one list page (…/list.php?col=3): that page and its further parameters
        return path == base and (u.query == p.query or u.query.startswith(p.query + "&"))
    return path.startswith(base) if base.endswith("/") else (path == base or path.startswith(base + "/"))


def same_origin(url: str, prefix: str) -> bool:
    a, b = urllib.parse.urlsplit(url), urllib.parse.urlsplit(prefix)
    return a.scheme in {"http", "https"} and (a.scheme, a.netloc.lower()) == (b.scheme, b.netloc.lower())


def _canon(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D401 - urllib hook
        return None


def _opener(url: str) -> urllib.request.OpenerDirector:
    handlers: list = [_NoRedirect()]
    if urllib.parse.urlsplit(url).hostname in LOCAL:
        handlers.append(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener(*handlers)


def fetch(url: str, prefix: str, *, origin_ok: bool = False, max_bytes: int | None = None) -> Fetched:
    """GET `url` within the limits. `origin_ok` admits any URL on the prefix's origin (for a
    channel's own feed or sitemap, which often lives outside the column's path)."""
    timeout = float(conf("TIMEOUT", 10.0))
    limit = int(max_bytes or conf("MAX_BYTES", 2 * 1024 * 1024))
    deadline = time.monotonic() + timeout * 3
    result = Fetched(url=url)
    with _semaphore():
        for _hop in range(4):
            ok = allowed(url, prefix) or (origin_ok and same_origin(url, prefix) and allowed(prefix, prefix))
            if not ok:
                result.error = f"网址不在本阵地登记的网址前缀（{prefix or '未登记'}）之内，未访问：{url}"
                return result
            req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5"})
            try:
                resp = _opener(url).open(req, timeout=timeout)
            except urllib.error.HTTPError as exc:
                if exc.code in (301, 302, 303, 307, 308) and exc.headers.get("Location"):
                    url = urllib.parse.urljoin(url, exc.headers["Location"])
                    result.redirects.append(url)
                    result.url = url
                    continue
                result.status = exc.code
                return result
            except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
                reason = getattr(exc, "reason", exc)
                result.error = f"无法访问：{reason}"
                return result
            with resp:
                result.status = resp.status
                result.content_type = resp.headers.get("Content-Type", "")
                chunks, size = [], 0
                while True:
                    if time.monotonic() > deadline:
                        result.error = "读取超时"
                        return result
                    chunk = resp.read(65536)
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > limit:
                        result.error = f"页面过大（超过 {limit // 1024} KB 上限），未核查"
                        return result
                    chunks.append(chunk)
                result.body = b"".join(chunks)
            return result
        result.error = "重定向次数过多"
        return result


# ---- article extraction ------------------------------------------------------------------------

DROP = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg")
CONTENT_HINT = re.compile(r"(article|content|main|detail|text|zhengwen|正文|v_news_content|wp_articlecontent)", re.I)
NOISE_HINT = re.compile(r"(^|[\s_-])(nav|menu|footer|header|sidebar|breadcrumb|comment|share|related)([\s_-]|$)", re.I)
META_LINE = re.compile(r"^(发布时间|发布日期|时间|日期|来源|作者|编辑|审核|责任编辑|浏览|点击|阅读|供稿|撰稿|摄影)[:：\s]|"
                       r"^\d{4}[-/年]\d{1,2}[-/月]\d{1,2}")


@dataclass
class Page:
    title: str
    text: str
    links: list[str]


def parse_html(html: str, base_url: str = "") -> lxml.html.HtmlElement:
    doc = lxml.html.document_fromstring(html or "<html></html>")
    if base_url:
        doc.make_links_absolute(base_url, resolve_base_href=True, handle_failures="discard")
    return doc


def article(html: str, base_url: str = "", *, approved: str = "", title: str = "") -> Page:
    """The article text of a page: the content block most like `approved` (or the longest),
    without leading/trailing metadata lines (date, source, author, views) or a repeated title."""
    doc = parse_html(html, base_url)
    links = sorted({href for href in doc.xpath("//a/@href") if href.startswith(("http://", "https://"))})
    page_title = " ".join((doc.findtext(".//title") or "").split())
    for el in doc.xpath("|".join(f"//{tag}" for tag in DROP)):
        el.drop_tree()
    for el in doc.xpath("//*[@class or @id]"):
        hint = f"{el.get('class', '')} {el.get('id', '')}"
        if NOISE_HINT.search(hint) and not CONTENT_HINT.search(hint) and el.getparent() is not None:
            el.drop_tree()
    candidates = doc.xpath("//article|//main")
    candidates += [el for el in doc.xpath("//*[@class or @id]") if CONTENT_HINT.search(f"{el.get('class', '')} {el.get('id', '')}")]
    body = doc.find("body")
    candidates.append(body if body is not None else doc)
    texts = [_strip_meta(t.element_text(el), title) for el in candidates]
    texts = [x for x in texts if x.strip()] or [""]
    if approved:
        target = t.normalise(approved)
        best = max(texts, key=lambda x: (_quick(target, t.normalise(x)), -len(x)))
    else:
        best = max(texts, key=len)
    return Page(title=page_title, text=best, links=links)


def _quick(a: str, b: str) -> float:
    import difflib

    if a == b:
        return 2.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).quick_ratio()


def _strip_meta(text: str, title: str) -> str:
    lines = text.split("\n")
    norm_title = t.normalise(title)
    while lines and (META_LINE.search(lines[0]) or (norm_title and t.normalise(lines[0]) == norm_title)):
        lines.pop(0)
    while lines and META_LINE.search(lines[-1]):
        lines.pop()
    return "\n".join(lines)


# ---- WeChat official-account articles ------------------------------------------------------------

WECHAT_PREFIX = "https://mp.weixin.qq.com/s"
_BIZ_VAR = re.compile(r"""var\s+biz\s*=\s*["']([^"']*)["']\s*(?:\|\|\s*["']([^"']*)["'])?""")
_BIZ_PARAM = re.compile(r"__biz=([A-Za-z0-9+/_%=-]{4,80})")
_USER_NAME = re.compile(r"""var\s+user_name\s*=\s*["'](gh_[A-Za-z0-9_]+)["']""")
_NICKNAME_VAR = re.compile(r"""var\s+nickname\s*=\s*(?:htmlDecode\()?\s*["']([^"']+)["']""")


def wechat_prefix() -> str:
    """The only place WeChat articles are fetched from (settings.NETDUTY_FETCH_WECHAT_PREFIX; tests
    point it at a local server)."""
    return str(getattr(settings, "NETDUTY_FETCH_WECHAT_PREFIX", WECHAT_PREFIX))


@dataclass
class WechatAccount:
    biz: str = ""
    user_name: str = ""  # 原始ID, gh_…
    nickname: str = ""

    def __bool__(self) -> bool:
        return bool(self.biz or self.user_name or self.nickname)


def wechat_account(html: str, url: str = "") -> WechatAccount:
    """Which official account an article page (or a saved copy of one) belongs to: its `__biz`
    (the page's `var biz`, else a `__biz=` in the page or its URL), 原始ID (`var user_name`) and
    name (`var nickname`, or the profile name element)."""
    acc = WechatAccount()
    m = _BIZ_VAR.search(html)
    if m:
        acc.biz = m.group(1) or (m.group(2) or "")
    if not acc.biz:
        m = _BIZ_PARAM.search(html) or _BIZ_PARAM.search(url)
        acc.biz = urllib.parse.unquote(m.group(1)) if m else ""
    m = _USER_NAME.search(html)
    acc.user_name = m.group(1) if m else ""
    m = _NICKNAME_VAR.search(html)
    if m:
        acc.nickname = m.group(1).strip()
    else:
        doc = parse_html(html)
        found = doc.xpath('//*[@id="js_name"]|//*[contains(concat(" ", @class, " "), " profile_nickname ")]')
        acc.nickname = " ".join(found[0].text_content().split()) if found else ""
    return acc


# ---- feeds and sitemaps -------------------------------------------------------------------------

@dataclass
class FeedItem:
    url: str
    title: str = ""
    date: dt.date | None = None


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _date(value: str | None) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return None


def parse_feed(body: bytes) -> list[FeedItem]:
    """Items of an RSS 2.0 / Atom feed or a sitemap (urlset). Raises ValueError (Chinese) if it
    is none of these. External entities and network access are off."""
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = lxml.etree.fromstring(body, parser=parser)
    except lxml.etree.XMLSyntaxError as exc:
        raise ValueError(f"不是有效的 RSS/Atom/站点地图：{exc}") from None
    kind = _local(root.tag)
    items: list[FeedItem] = []
    if kind == "rss" or kind == "RDF":
        for item in root.iter():
            if _local(item.tag) != "item":
                continue
            fields = {_local(c.tag): (c.text or "").strip() for c in item}
            if fields.get("link"):
                items.append(FeedItem(fields["link"], fields.get("title", ""), _date(fields.get("pubDate") or fields.get("date"))))
    elif kind == "feed":
        for entry in root:
            if _local(entry.tag) != "entry":
                continue
            link, title, date = "", "", None
            for c in entry:
                name = _local(c.tag)
                if name == "link" and c.get("rel", "alternate") == "alternate":
                    link = c.get("href", "")
                elif name == "title":
                    title = (c.text or "").strip()
                elif name in {"updated", "published"} and date is None:
                    date = _date(c.text)
            if link:
                items.append(FeedItem(link, title, date))
    elif kind == "urlset":
        for url in root:
            fields = {_local(c.tag): (c.text or "").strip() for c in url}
            if fields.get("loc"):
                items.append(FeedItem(fields["loc"], "", _date(fields.get("lastmod"))))
    else:
        raise ValueError(f"不支持的格式（根元素 {kind}）：只支持 RSS、Atom 和站点地图 urlset")
    return items
