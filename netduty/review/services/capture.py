"""The live check by evidence: for a channel the platform cannot fetch (Weibo, Douyin, 视频号, an
electronic screen, or a WeChat article the campus network cannot reach), someone uploads a
screenshot (png/jpg), a saved page (html) or a PDF of the published item; its text is extracted
(screenshots through OCR) and compared with the approved revision, like a fetched page."""

from __future__ import annotations

import hashlib
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from netduty.core import audit
from netduty.fronts.models import LiveCheckKind
from netduty.screening.extract import kind_of

from .. import fetch
from ..models import LiveCheck, LiveResult, Publication
from .content import Upload, store
from .live import account_mismatch, compare
from .screening import read_text

LABELS = {"html": "网页存档", "image": "截图", "pdf": "PDF"}
EVIDENCE = {".html": "html", ".htm": "html", ".png": "image", ".jpg": "image", ".jpeg": "image", ".pdf": "pdf"}


def _kind(upload: Upload) -> str:
    name = PurePath(upload.name or "").name
    limit = int(getattr(settings, "NETDUTY_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))
    if not upload.data:
        raise ValidationError(_("文件“%(name)s”是空文件。") % {"name": name})
    if len(upload.data) > limit:
        raise ValidationError(_("文件“%(name)s”过大（上限 %(limit).1f MB）。") % {"name": name, "limit": limit / 1e6})
    declared = EVIDENCE.get(PurePath(name).suffix.lower())
    if declared is None:
        raise ValidationError(_("只接受截图（png、jpg）、网页存档（html）或 PDF，“%(name)s”不是。") % {"name": name})
    actual = kind_of(None, upload.data)
    if declared == "html" and actual == "txt" and b"<" in upload.data[:4096]:
        actual = "html"  # a saved page may start with a comment or whitespace
    if actual != declared:
        raise ValidationError(_("文件“%(name)s”的内容与扩展名不符。") % {"name": name})
    return declared


def _outcome(pub: Publication, kind: str, upload: Upload) -> dict[str, Any]:
    rev = pub.revision
    if kind == "html":
        html = upload.data.decode("utf-8", errors="replace")
        channel = pub.submission.channel
        if channel.check_kind == LiveCheckKind.WECHAT:
            ok, why = account_mismatch(channel, fetch.wechat_account(html, pub.url))
            if ok is False:
                return {"result": LiveResult.ACCOUNT, "message": why}
        page = fetch.article(html, pub.url, approved=rev.body_text, title=rev.title)
        return compare(rev.body_text, page.text)
    text, why = read_text(upload.data, upload.name)
    if why:
        return {"result": LiveResult.ERROR, "message": why[:500]}
    return compare(rev.body_text, text, ocr=True)


def live_check_capture(*, actor: Any, publication: Publication, upload: Upload) -> LiveCheck:
    """Record a live check from an uploaded screenshot / saved page of the published item. The
    caller has checked that `actor` may request a live check of `publication`."""
    kind = _kind(upload)
    sha = hashlib.sha256(upload.data).hexdigest()
    name = PurePath(upload.name).name[:255]
    path = store(upload.data, sha, name)
    pub = Publication.objects.select_related("revision", "submission__channel").get(pk=publication.pk)
    outcome = _outcome(pub, kind, upload)
    outcome["message"] = f"（依据上传的{LABELS[kind]}《{name}》）{outcome['message']}"[:500]
    from .notify import after_live_check

    with transaction.atomic():
        check = LiveCheck(publication=pub, url=pub.url, method=LiveCheckKind.CAPTURE, evidence_name=name, **outcome)
        check.evidence.name = path
        check.save()
        Publication.objects.filter(pk=pub.pk).update(last_result=check.result, last_checked_at=check.created_at)
        audit.record(actor=actor, action="review.livecheck.capture", obj=check, unit_id=pub.submission.unit_id,
                     after={"publication": pub.pk, "submission": pub.submission_id, "evidence": name,
                            "evidence_sha256": sha, "result": check.result, "similarity": check.similarity,
                            "approved_hash": pub.content_hash, "page_text_hash": check.page_text_hash})
        transaction.on_commit(lambda: after_live_check(check.pk))
    return check
