"""Review fixtures on top of the org world: a website channel of 文学院 with the default stages, the
reviewers its three stages need, and helpers to drive a submission through them.

    stage 1 初审 info_officer        → w.checker (a second 信息员 of 文学院; the editor submits)
    stage 2 复审 dept_head           → w.head (曾主任)
    stage 3 终审 unit_head           → w.dean (院长 of 文学院)
"""

from __future__ import annotations

import io
from typing import Any

from netduty.org.tests.factories import appoint, make_person

from .. import services
from ..services.content import Upload

PREFIX = "http://127.0.0.1:1/wxy/news/"
BODY = "<p>文学院举行读书分享会。</p><p>李书记出席并讲话，曾主任主持。</p>"
YES = {"secrecy": False, "suitability": True, "accuracy": True}


def make_channel(unit, **kw):
    try:
        from netduty.fronts.tests.factories import make_channel as fronts_make_channel
    except ImportError:  # pragma: no cover - before the registry landed
        fronts_make_channel = None
    if fronts_make_channel is not None:
        return fronts_make_channel(unit, **kw)
    from netduty.fronts.models import Channel, ChannelStage  # pragma: no cover
    from netduty.policy import selectors as policy  # pragma: no cover

    kw.setdefault("platform", "website")  # pragma: no cover
    kw.setdefault("name", f"{unit}新闻")  # pragma: no cover
    kw.setdefault("status", "active")  # pragma: no cover
    stages = kw.pop("stages", None) or policy.setting("review.stages", [])  # pragma: no cover
    channel = Channel.objects.create(unit=unit, **kw)  # pragma: no cover
    for i, s in enumerate(stages, start=1):  # pragma: no cover
        ChannelStage.objects.create(channel=channel, order=i, code=s["code"], name=s["name"], roles=s["roles"])
    return channel  # pragma: no cover


def review_world(w, prefix: str = PREFIX):
    """Add the reviewers and a website channel to the org world `w` (idempotent on `w`)."""
    if getattr(w, "channel", None) is not None:
        return w
    w.checker_person = make_person("邹审读", w.college_a, username="checker")
    appoint(w.checker_person, w.college_a, "info_officer", w.pack)
    w.checker = w.checker_person.user
    w.dean_person = make_person("黄院长", w.college_a, username="dean")
    appoint(w.dean_person, w.college_a, "unit_head", w.pack)
    w.dean = w.dean_person.user
    w.channel = make_channel(w.college_a, platform="website", name="文学院新闻", url=prefix, url_prefix=prefix)
    w.reviewers = [w.checker, w.head, w.dean]
    return w


def png() -> bytes:
    """A tiny valid PNG (1×1)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"\x00\xff\xff\xff"
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def docx(text: str) -> bytes:
    import docx as python_docx

    doc = python_docx.Document()
    for para in text.split("\n"):
        doc.add_paragraph(para)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def submit(w, *, title: str = "文学院举行读书分享会", body: str = BODY, uploads: list[Upload] | None = None,
           actor=None, channel=None, **kw: Any):
    return services.submission_create(actor=actor or w.editor, channel=channel or w.channel, title=title, body=body,
                                      uploads=uploads, **kw)


def decide(sub, user, outcome: str = "approve", answers: dict | None = None, **kw: Any):
    sub.refresh_from_db()
    kw.setdefault("comment", "" if outcome == "approve" else "请核对数据")
    return services.stage_decide(actor=user, submission=sub, outcome=outcome, answers=answers or YES,
                                 content_hash=sub.current_revision.content_hash, expected_version=sub.version, **kw)


def approve_all(w, sub, **kw: Any):
    for user in w.reviewers:
        decide(sub, user, **kw)
    sub.refresh_from_db()
    return sub


def published(w, url: str | None = None, **kw: Any):
    sub = approve_all(w, submit(w, **kw))
    pub = services.publication_create(actor=w.editor, submission=sub, url=url or f"{PREFIX}a1.html")
    sub.refresh_from_db()
    return sub, pub
