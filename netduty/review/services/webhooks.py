"""Group-robot webhooks: WeCom (企业微信), DingTalk (钉钉) and Feishu (飞书) message formats.

Configured by `settings.NETDUTY_WEBHOOKS` (a list of {"kind", "url", "secret"}) or the
environment variable NETDUTY_WEBHOOKS: entries separated by whitespace or ";", each
`kind|url` or `kind|url|secret`, e.g.

    NETDUTY_WEBHOOKS="wecom|https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…
                      dingtalk|https://oapi.dingtalk.com/robot/send?access_token=…|SEC…"

`broadcast()` enqueues one background task; it posts to each robot the JSON with a short
timeout and logs (never raises on) a failure."""

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
from typing import Any

from django.conf import settings

log = logging.getLogger(__name__)
KINDS = ("wecom", "dingtalk", "feishu")
TIMEOUT = 5


@dataclass(frozen=True)
class Robot:
    kind: str
    url: str
    secret: str = ""


def robots() -> list[Robot]:
    configured = getattr(settings, "NETDUTY_WEBHOOKS", None)
    out: list[Robot] = []
    if configured:
        for entry in configured:
            out.append(Robot(entry["kind"], entry["url"], entry.get("secret", "")))
    else:
        for entry in re.split(r"[\s;]+", os.environ.get("NETDUTY_WEBHOOKS", "").strip()):
            if not entry:
                continue
            kind, _, rest = entry.partition("|")
            url, _, secret = rest.partition("|")
            out.append(Robot(kind.strip().lower(), url.strip(), secret.strip()))
    return [r for r in out if r.kind in KINDS and r.url.startswith(("http://", "https://"))]


def absolute(path: str) -> str:
    base = getattr(settings, "NETDUTY_BASE_URL", "") or os.environ.get("NETDUTY_BASE_URL", "")
    return base.rstrip("/") + path if base and path.startswith("/") else path


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
    Feishu signs the body (timestamp in s, sign = b64(HMAC-SHA256("ts\\nsecret", "")))."""
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


def send(robot: Robot, title: str, text: str, link: str = "") -> bool:
    url, body = signed(robot, message(robot.kind, title, text, link))
    req = urllib.request.Request(url, data=json.dumps(body, ensure_ascii=False).encode(), method="POST",
                                 headers={"Content-Type": "application/json; charset=utf-8"})
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as resp:  # noqa: S310 - configured robot URL
            answer = resp.read(65536)
    except Exception as exc:
        log.warning("webhook %s failed: %s", robot.kind, exc)
        return False
    try:
        data = json.loads(answer or b"{}")
    except ValueError:
        return True
    code = data.get("errcode", data.get("code", 0))
    if code not in (0, None):
        log.warning("webhook %s answered %s", robot.kind, data)
        return False
    return True


def broadcast(title: str, text: str, link: str = "") -> bool:
    """Enqueue one background task that posts to every configured robot (none: nothing)."""
    if not robots():
        return False
    from ..tasks import webhooks

    webhooks.enqueue(title, text, link)
    return True


def send_all(title: str, text: str, link: str = "") -> int:
    return sum(send(robot, title, text, link) for robot in robots())
