"""Checks an uploaded evidence file by its content (not its name or the browser's claim)."""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
EXTENSIONS = {".pdf": "pdf", ".png": "png", ".jpg": "jpg", ".jpeg": "jpg", ".docx": "docx"}
ALLOWED_TEXT = "docx、pdf、png、jpg"


@dataclass(frozen=True)
class CheckedFile:
    name: str
    file_type: str
    content_type: str
    size: int
    sha256: str
    data: bytes


def _human(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def sniff(data: bytes) -> str | None:
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        if "word/document.xml" in names and "[Content_Types].xml" in names:
            return "docx"
    return None


def check_upload(upload: IO[bytes], name: str, max_bytes: int | None = None) -> CheckedFile:
    """Read and check an upload. Raises ValidationError with a Chinese message; nothing is stored."""
    limit = max_bytes or settings.NETDUTY_MAX_UPLOAD_BYTES
    name = PurePath(name or "").name[:255]
    ext = PurePath(name).suffix.lower()
    if ext not in EXTENSIONS:
        raise ValidationError(_("不支持的文件类型“%(ext)s”：只接受 %(allowed)s 文件。") % {
            "ext": ext or _("无扩展名"), "allowed": ALLOWED_TEXT}, code="type")
    declared_size = getattr(upload, "size", None)
    if declared_size is not None and declared_size > limit:
        raise ValidationError(_("文件过大（%(size)s）：单个文件不能超过 %(limit)s。") % {
            "size": _human(declared_size), "limit": _human(limit)}, code="size")
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise ValidationError(_("文件过大：单个文件不能超过 %(limit)s。") % {"limit": _human(limit)}, code="size")
    if not data:
        raise ValidationError(_("文件是空的，请重新选择。"), code="empty")
    detected = sniff(data)
    if detected is None:
        raise ValidationError(_("文件内容不是有效的 %(allowed)s 文件（可能已损坏或被改了扩展名）。") % {"allowed": ALLOWED_TEXT},
                              code="content")
    if detected != EXTENSIONS[ext]:
        raise ValidationError(_("文件扩展名“%(ext)s”与内容（%(detected)s）不符，请检查后重新上传。") % {
            "ext": ext, "detected": detected}, code="mismatch")
    return CheckedFile(name=name, file_type=detected, content_type=TYPES[detected], size=len(data),
                       sha256=hashlib.sha256(data).hexdigest(), data=data)
