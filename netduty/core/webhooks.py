"""Group-robot webhooks: WeCom (企业微信), DingTalk (钉钉) and Feishu (飞书) message formats, shared
by every app that tells a group chat something (review: items waiting for a stage; duties:
reminders per unit).

Configured by `settings.NETDUTY_WEBHOOKS` (a list of {"kind", "url", "secret"}) or, when that
setting is empty, the environment variable NETDUTY_WEBHOOKS: entries separated by whitespace or
";", each `kind|url` or `kind|url|secret`, e.g.

    NETDUTY_WEBHOOKS="wecom|https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…
                      dingtalk|https://oapi.dingtalk.com/robot/send?access_token=…|SEC…"

Links are made absolute with `NETDUTY_BASE_URL` (setting or environment). `broadcast()` enqueues
one background task (`netduty.core.tasks.webhooks_post`, django.tasks) that posts the JSON to
each robot with a short timeout (`NETDUTY_WEBHOOKS_TIMEOUT`, default 5 s) and logs, never
raises on, a failure; `broadcast_on_commit()` does so after the caller's transaction commits.

This module imports nothing from the apps and needs no database: payloads and signatures are
plain functions (tested without Django's test database)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import os
import re
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.conf import settings

log = logging.getLogger(__name__)
KINDS = ("wecom", "dingtalk", "feishu")
TIMEOUT = 5
MAX_ANSWER = 65536
LOCAL = {"localhost", "127.0.0.1", "::1"}


@dataclass(frozen=True)
class Robot:
    kind: str
    url: str
    secret: str = ""


def parse(text: str) -> list[Robot]:
    """Robots from the environment format (`kind|url[|secret]`, separated by whitespace or ";")."""
    out = []
    for entry in re.split(r"[\s;]+", (text or "").strip()):
        if not entry:
            continue
        kind, _, rest = entry.partition("|")
        url, _, secret = rest.partition("|")
        out.append(Robot(kind.strip().lower(), url.strip(), secret.strip()))
    return out


def robots() -> list[Robot]:
    """The configured robots (unknown kinds and non-http(s) URLs are dropped)."""
    configured = getattr(settings, "NETDUTY_WEBHOOKS", None)
    if configured:
        out = [Robot(str(e["kind"]).lower(), str(e["url"]), str(e.get("secret", "") or "")) for e in configured]
    else:
        out = parse(os.environ.get("NETDUTY_WEBHOOKS", ""))
    return [r for r in out if r.kind in KINDS and r.url.startswith(("http://", "https://"))]


def absolute(path: str) -> str:
    base = getattr(settings, "NETDUTY_BASE_URL", "") or os.environ.get("NETDUTY_BASE_URL", "")
    return base.rstrip("/") + path if base and path.startswith("/") else path


def timeout() -> float:
    return float(getattr(settings, "NETDUTY_WEBHOOKS_TIMEOUT", TIMEOUT))


def message(kind: str, title: str, text: str, link: str = "") -> dict[str, Any]:
    """The JSON body each robot expects (markdown where the platform supports it)."""
    link = absolute(link) if link else ""
    if kind == "wecom":
        content = f"**{title}**\n{text}" + (f"\n[查看详情]({link})" if link else "")
        return {"msgtype": "markdown", "markdown": {"content": content}}
    if kind == "dingtalk":
        content = f"#### {title}\n\n{text}" + (f"\n\n[查看详情]({link})" if link else "")
        return {"msgtype": "markdown", "markdown": {"title": title, "text": content}}
    if kind == "feishu":
        return {"msg_type": "text", "content": {"text": f"{title}\n{text}" + (f"\n{link}" if link else "")}}
    raise ValueError(kind)


def signed(robot: Robot, body: dict[str, Any], now: float | None = None) -> tuple[str, dict[str, Any]]:
    """DingTalk signs the URL (timestamp in ms, sign = b64(HMAC-SHA256(secret, "ts\\nsecret")));
    Feishu signs the body (timestamp in s, sign = b64(HMAC-SHA256("ts\\nsecret", ""))).
    WeCom robots have no signature (the key in the URL is the secret)."""
    if not robot.secret:
        return robot.url, body
    now = time.time() if now is None else now
    if robot.kind == "dingtalk":
        ts = str(int(now * 1000))
        digest = hmac.new(robot.secret.encode(), f"{ts}\n{robot.secret}".encode(), hashlib.sha256).digest()
        sign = urllib.parse.quote_plus(base64.b64encode(digest))
        sep = "&" if "?" in robot.url else "?"
        return f"{robot.url}{sep}timestamp={ts}&sign={sign}", body
    if robot.kind == "feishu":
        ts = str(int(now))
        digest = hmac.new(f"{ts}\n{robot.secret}".encode(), b"", hashlib.sha256).digest()
        return robot.url, {"timestamp": ts, "sign": base64.b64encode(digest).decode(), **body}
    return robot.url, body


def _opener(url: str) -> urllib.request.OpenerDirector:
    """A robot on this machine is reached directly, never through a configured proxy."""
    if urllib.parse.urlsplit(url).hostname in LOCAL:
        return urllib.request.build_opener(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener()


def send(robot: Robot, title: str, text: str, link: str = "") -> bool:
    """Post one message to one robot now. False (and a log line) on any failure."""
    url, body = signed(robot, message(robot.kind, title, text, link))
    req = urllib.request.Request(url, data=json.dumps(body, ensure_ascii=False).encode(), method="POST",
                                 headers={"Content-Type": "application/json; charset=utf-8"})
    try:
        with _opener(url).open(req, timeout=timeout()) as resp:  # noqa: S310 - configured robot URL
            answer = resp.read(MAX_ANSWER)
    except Exception as exc:
        log.warning("webhook %s failed: %s", robot.kind, exc)
        return False
    try:
        data = json.loads(answer or b"{}")
    except ValueError:
        return True
    if not isinstance(data, dict):
        return True
    code = data.get("errcode", data.get("code", 0))
    if code not in (0, None):
        log.warning("webhook %s answered %s", robot.kind, data)
        return False
    return True


def send_all(title: str, text: str, link: str = "") -> int:
    """Post to every configured robot now; returns how many accepted the message."""
    return sum(send(robot, title, text, link) for robot in robots())


def broadcast(title: str, text: str, link: str = "") -> bool:
    """Enqueue one background task that posts to every configured robot (none configured:
    nothing, False)."""
    if not robots():
        return False
    from .tasks import webhooks_post

    webhooks_post.enqueue(title, text, link)
    return True


def broadcast_on_commit(title: str, text: str, link: str = "") -> bool:
    """`broadcast` once the current transaction commits (at once outside a transaction); nothing
    is sent for a transaction that rolls back."""
    if not robots():
        return False
    from django.db import transaction

    transaction.on_commit(partial(broadcast, title, text, link))
    return True
