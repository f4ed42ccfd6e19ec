"""``link``: URLs using plain http, and URLs whose host is outside the allowed domains.

A URL is ``http://`` or ``https://`` followed by URL characters (it stops at whitespace, CJK
text and full-width punctuation; trailing ``.,;:!?`` and unbalanced closing brackets are
trimmed), or a bare ``www.`` host.  One finding per URL:

* ``link.domain`` — ``allowed_domains`` is non-empty and the host is neither an allowed domain
  nor a sub-domain of one (the domain check is off while the list is empty);
* ``link.http`` — otherwise, when the scheme is plain ``http``.
"""

from __future__ import annotations

import re

from .. import matcher as m
from ..context import Context
from ..findings import Finding

_URL = re.compile(r"(https?)://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+", re.IGNORECASE)
_WWW = re.compile(r"www\.[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+(?::[0-9]+)?(?:[/?#][A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*)?",
                  re.IGNORECASE)
_TRAIL = ".,;:!?'\"*"


def _trim(url: str) -> str:
    """Drop trailing punctuation and unbalanced closing brackets (linear time)."""
    opened = {")": url.count("("), "]": url.count("[")}
    closed = {")": url.count(")"), "]": url.count("]")}
    end = len(url)
    while end:
        ch = url[end - 1]
        if ch in _TRAIL:
            end -= 1
        elif ch in closed and opened[ch] < closed[ch]:
            closed[ch] -= 1
            end -= 1
        else:
            break
    return url[:end]


def _host(url: str) -> str:
    rest = url.split("://", 1)[1] if "://" in url else url
    hostport = re.split(r"[/?#]", rest, maxsplit=1)[0]
    hostport = hostport.rsplit("@", 1)[-1]
    if hostport.startswith("["):
        return hostport.split("]")[0] + "]"
    return hostport.split(":", 1)[0].lower().rstrip(".")


def _allowed(host: str, domains: tuple[str, ...]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def detect(ctx: Context) -> list[Finding]:
    hits = ctx.hits.get(m.LINK)
    if not hits:
        return []
    text = ctx.text
    domains = ctx.compiled.allowed_domains
    out: list[Finding] = []
    seen_end = -1
    candidates: list[tuple[int, str]] = []
    for trig, cs, ce in hits:
        sp = ctx.term_span(cs, ce, max_gap=0, word_bounds=False)
        if sp is not None:
            candidates.append((sp[0], str(trig)))
    for s, trig in sorted(candidates):
        if s < seen_end:
            continue
        if trig == "http":
            mt = _URL.match(text, s)
            if mt is None or (s > 0 and (text[s - 1].isascii() and text[s - 1].isalnum())):
                continue
            scheme = mt.group(1).lower()
        else:
            if s > 0 and (text[s - 1] in "./@-_" or (text[s - 1].isascii() and text[s - 1].isalnum())):
                continue
            mt = _WWW.match(text, s)
            if mt is None:
                continue
            scheme = ""
        url = _trim(mt.group())
        e = s + len(url)
        host = _host(url)
        if not host or "." not in host and not host.startswith("["):
            continue
        seen_end = e
        if domains and not _allowed(host, domains):
            extra = "，且使用不加密的 http 协议" if scheme == "http" else ""
            out.append(Finding("link", "link.domain", "medium", s, e, url,
                               f"链接域名“{host}”不在允许的域名列表中{extra}，请核实链接是否安全、必要", None))
        elif scheme == "http":
            out.append(Finding("link", "link.http", "low", s, e, url,
                               "链接使用不加密的 http 协议，建议改用 https",
                               "https://" + url.split("://", 1)[1]))
    return out
