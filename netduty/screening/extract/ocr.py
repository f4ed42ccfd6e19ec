"""Optional OCR through RapidOCR (``pip install .[ocr]``; offline, bundled models).

Without the extra, images are reported as not screened — never silently passed.
"""

from __future__ import annotations

import importlib.util
import threading
from typing import Any

from .base import Extracted, ExtractError, Limits, TextBuilder

NO_OCR = "图片未经检查：未安装 OCR 组件（pip install .[ocr]），无法识别图片中的文字"
_ENGINE: Any = None
_LOCK = threading.Lock()


def ocr_available() -> bool:
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


def _engine() -> Any:
    global _ENGINE
    with _LOCK:
        if _ENGINE is None:
            from rapidocr_onnxruntime import RapidOCR

            _ENGINE = RapidOCR()
    return _ENGINE


def ocr_bytes(data: bytes) -> str:
    result, _ = _engine()(data)
    return "\n".join(str(item[1]) for item in (result or []))


def ocr_images(images: list[tuple[str, bytes]], tb: TextBuilder, limits: Limits) -> list[str]:
    """OCR embedded images into *tb*; returns notes about what was not screened."""
    if not ocr_available():
        return [f"包含 {len(images)} 张图片，{NO_OCR}"]
    failed = 0
    for label, data in images[: limits.max_images]:
        try:
            text = ocr_bytes(data)
        except Exception:
            failed += 1
            continue
        if text.strip():
            tb.add(text, f"{label}（OCR）")
    return [f"{failed} 张图片无法识别，未经检查"] if failed else []


def image(data: bytes, limits: Limits) -> Extracted:
    if not ocr_available():
        return Extracted.failed("image", NO_OCR)
    try:
        text = ocr_bytes(data)
    except Exception as exc:
        raise ExtractError(f"图片无法识别（{type(exc).__name__}）") from exc
    tb = TextBuilder(limits)
    tb.add(text, "图片（OCR）")
    return tb.result("image")
