"""Text extraction: txt, html, docx, xlsx, pdf, and images through optional OCR.

Every extractor returns an :class:`Extracted` with the text the findings' offsets refer to and
*segments* — ``(start offset, human location)`` pairs (paragraph, sheet!cell, page).  Nothing
here raises for a bad file: the error is returned in Chinese.
"""

from __future__ import annotations

import logging
from pathlib import Path

from .base import PROBLEM_CODES, Extracted, ExtractError, Limits, Problem, Stop

__all__ = ["Extracted", "ExtractError", "Limits", "PROBLEM_CODES", "Problem", "extract", "kind_of", "SUPPORTED"]

_EXT = {
    ".txt": "txt", ".text": "txt", ".md": "txt", ".csv": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx", ".pdf": "pdf",
    ".png": "image", ".jpg": "image", ".jpeg": "image", ".bmp": "image", ".gif": "image",
    ".webp": "image", ".tif": "image", ".tiff": "image",
}
SUPPORTED = tuple(_EXT)



def kind_of(name: str | None, data: bytes) -> str:
    """File kind from the name's extension, else from the content's magic bytes."""
    if name:
        k = _EXT.get(Path(name).suffix.lower())
        if k:
            return k
    head = data[:2048]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"\x89PNG") or head.startswith(b"\xff\xd8\xff") or head[:6] in (b"GIF87a", b"GIF89a"):
        return "image"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith(b"PK\x03\x04"):
        if b"word/" in data[:65536]:
            return "docx"
        if b"xl/" in data[:65536]:
            return "xlsx"
        return "zip"
    low = head.lower().lstrip()
    if low.startswith(b"<!doctype html") or low.startswith(b"<html") or b"<body" in low:
        return "html"
    return "txt"


def extract(source: Path | bytes, filename: str | None = None, limits: Limits | None = None) -> Extracted:
    limits = limits or Limits()
    name = filename or (str(source) if isinstance(source, Path) else None)
    if isinstance(source, Path):
        try:
            size = source.stat().st_size
        except FileNotFoundError:
            return Extracted.failed("txt", "文件不存在", "unreadable")
        except OSError as exc:
            return Extracted.failed("txt", f"无法读取文件（{exc.strerror or exc}）", "unreadable")
        if source.is_dir():
            return Extracted.failed("txt", "这是一个目录，不是文件", "unreadable")
        if not source.is_file():
            return Extracted.failed("txt", "不是普通文件（设备、管道等），未检查", "unreadable")
        if size > limits.max_file_bytes:
            return Extracted.failed("txt", f"文件过大（{size / 1e6:.1f} MB，上限 {limits.max_file_bytes / 1e6:.1f} MB）", "too_large")
        try:
            data = source.read_bytes()
        except OSError as exc:
            return Extracted.failed("txt", f"无法读取文件（{exc.strerror or exc}）", "unreadable")
    else:
        data = source
        if len(data) > limits.max_file_bytes:
            return Extracted.failed(
                "txt", f"文件过大（{len(data) / 1e6:.1f} MB，上限 {limits.max_file_bytes / 1e6:.1f} MB）")
    kind = kind_of(name, data)
    try:
        if kind == "txt":
            from .text import txt

            return txt(data, limits)
        if kind == "html":
            from .text import html

            return html(data, limits)
        if kind == "docx":
            from .office import docx

            return docx(data, limits)
        if kind == "xlsx":
            from .office import xlsx

            return xlsx(data, limits)
        if kind == "pdf":
            from .pdf import pdf

            return pdf(data, limits)
        if kind == "image":
            from .ocr import image

            return image(data, limits)
        if kind == "ole":
            return Extracted.failed(kind, "不支持旧版 Office 格式（.doc/.xls/.ppt），请另存为 .docx/.xlsx 后再检查", "unsupported")
        return Extracted.failed(kind, "不支持的文件类型", "unsupported")
    except Stop as stop:
        # Budget or time limit: what was read is screened, the rest is reported as not screened.
        partial = stop.builder.result(kind)
        partial.notes.append(stop.problem.message)
        partial.problems.append(stop.problem)
        return partial
    except ExtractError as exc:
        return Extracted.failed(kind, str(exc), exc.code)
    except (MemoryError, RecursionError):
        return Extracted.failed(kind, "文件结构异常（内存或嵌套层数超限），无法读取", "zip_bomb")
    except Exception as exc:  # a hostile file must never stop the run
        logging.getLogger(__name__).debug("extract failed", exc_info=True)
        return Extracted.failed(kind, f"文件已损坏或格式无法识别（{type(exc).__name__}）")
