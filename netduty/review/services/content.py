"""Preparing a revision's content before it is written: sanitising, checking and storing
attachments, screening title, body and attachments. Runs outside the write transaction (file
extraction can take a while); the result is a plain `Prepared` the services then persist."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _

from netduty.screening import Finding
from netduty.screening.extract import kind_of

from .. import text as t
from ..models import Attachment, SourceKind
from .screening import screen_attachment, screener

ALLOWED_KINDS = {"docx", "pdf", "xlsx", "image"}
EXT = {".docx": "docx", ".pdf": "pdf", ".xlsx": "xlsx", ".png": "image", ".jpg": "image", ".jpeg": "image",
       ".gif": "image"}
MAX_ATTACHMENTS = 20


@dataclass
class Upload:
    name: str
    data: bytes


@dataclass
class PreparedAttachment:
    name: str
    kind: str
    size: int
    sha256: str
    path: str
    text_chars: int = 0
    error: str = ""
    notes: list[str] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)  # with "context"


@dataclass
class Prepared:
    title: str
    body_html: str
    body_text: str
    source_kind: str
    source_name: str
    attachments: list[PreparedAttachment]
    title_findings: list[Finding]
    body_findings: list[Finding]
    content_hash: str
    text_hash: str
    rules_fingerprint: str

    @property
    def high_count(self) -> int:
        return sum(f.severity == "high" for f in self.title_findings + self.body_findings) + sum(
            f["severity"] == "high" for a in self.attachments for f in a.findings)

    @property
    def finding_count(self) -> int:
        return len(self.title_findings) + len(self.body_findings) + sum(len(a.findings) for a in self.attachments)


def _magic_kind(data: bytes) -> str:
    """The kind from the content alone (the name is not trusted)."""
    return kind_of(None, data)


def check_upload(upload: Upload) -> str:
    """The attachment's kind, or ValidationError: allowed extensions only, content must match,
    size at most NETDUTY_MAX_UPLOAD_BYTES."""
    limit = int(getattr(settings, "NETDUTY_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))
    name = PurePath(upload.name or "").name
    if len(upload.data) > limit:
        raise ValidationError(_("附件“%(name)s”过大（%(size).1f MB，上限 %(limit).1f MB）。") % {
            "name": name, "size": len(upload.data) / 1e6, "limit": limit / 1e6})
    if not upload.data:
        raise ValidationError(_("附件“%(name)s”是空文件。") % {"name": name})
    declared = EXT.get(PurePath(name).suffix.lower())
    if declared is None:
        raise ValidationError(_("附件“%(name)s”的类型不允许（只接受 docx、pdf、xlsx、png、jpg、gif）。") % {"name": name})
    actual = _magic_kind(upload.data)
    if actual != declared:
        raise ValidationError(_("附件“%(name)s”的内容与扩展名不符（内容像是 %(actual)s），请上传真实的 %(declared)s 文件。") % {
            "name": name, "actual": actual, "declared": declared})
    return declared


def store(data: bytes, sha: str, name: str) -> str:
    """Content-addressed: the same bytes are stored once, whatever revision carries them."""
    path = f"review/{sha[:2]}/{sha}{PurePath(name).suffix.lower()}"
    if not default_storage.exists(path):
        saved = default_storage.save(path, ContentFile(data))
        return saved
    return path


def prepare_attachment(upload: Upload) -> PreparedAttachment:
    kind = check_upload(upload)
    sha = hashlib.sha256(upload.data).hexdigest()
    name = PurePath(upload.name).name[:255]
    path = store(upload.data, sha, name)
    result = screen_attachment(upload.data, name)
    found = [f.to_dict() | {"context": t.context(result.text, f.start, f.end)} for f in result.findings]
    return PreparedAttachment(name=name, kind=kind, size=len(upload.data), sha256=sha, path=path,
                              text_chars=result.chars, error=result.error or "", notes=list(result.notes),
                              findings=found)


def carry_attachment(att: Attachment) -> PreparedAttachment:
    """An attachment kept from the previous revision: same stored file, findings copied."""
    found = [{"category": f.category, "rule": f.rule, "severity": f.severity, "start": f.start, "end": f.end,
              "text": f.text, "message": f.message, "suggestion": f.suggestion or None, "location": f.location or None,
              "context": f.context} for f in att.findings.all()]
    return PreparedAttachment(name=att.name, kind=att.kind, size=att.size, sha256=att.sha256, path=att.file.name or "",
                              text_chars=att.text_chars, error=att.error, notes=list(att.notes), findings=found)


def prepare(*, title: str, body: str, source_kind: str, source_name: str,
            uploads: list[Upload] | None = None, kept: list[Attachment] | None = None) -> Prepared:
    title = " ".join((title or "").split())
    if not title:
        raise ValidationError({"title": _("请填写标题。")})
    if len(title) > 300:
        raise ValidationError({"title": _("标题不能超过 300 字。")})
    if source_kind not in SourceKind.values:
        raise ValidationError({"source_kind": _("来源只能是原创或转载。")})
    source_name = (source_name or "").strip()[:300]
    if source_kind == SourceKind.REPOSTED and not source_name:
        raise ValidationError({"source_name": _("转载的稿件须注明来源。")})
    if source_kind == SourceKind.ORIGINAL:
        source_name = ""
    body_html = t.sanitise(body)
    body_text = t.html_to_text(body_html)
    if not body_text.strip():
        raise ValidationError({"body": _("请填写正文。")})
    uploads = uploads or []
    if len(uploads) + len(kept or []) > MAX_ATTACHMENTS:
        raise ValidationError({"attachments": _("附件最多 %(n)s 个。") % {"n": MAX_ATTACHMENTS}})
    errors = []
    prepared_atts = [carry_attachment(a) for a in kept or []]
    for upload in uploads:
        try:
            prepared_atts.append(prepare_attachment(upload))
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ValidationError({"attachments": errors})
    scr, key = screener()
    return Prepared(
        title=title, body_html=body_html, body_text=body_text, source_kind=source_kind, source_name=source_name,
        attachments=prepared_atts, title_findings=scr.screen_text(title), body_findings=scr.screen_text(body_text),
        content_hash=t.content_hash(title=title, body_html=body_html, body_text=body_text, source_kind=source_kind,
                                    source_name=source_name, attachment_hashes=[a.sha256 for a in prepared_atts]),
        text_hash=t.text_hash(body_text), rules_fingerprint=key,
    )
