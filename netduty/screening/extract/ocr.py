"""Optional OCR through RapidOCR (``pip install '.[ocr]'``: ``rapidocr`` + ``onnxruntime``;
offline, the models ship inside the wheel).

Each recognised line becomes one block of the extracted text, labelled with the image and the
region it was read from (``图片（OCR）第1行，区域 35,39–206,82`` — pixel box, left,top–right,bottom),
so a finding's ``location`` says where in the image it is.  Without the extra, images are
reported as not screened (``未识别图片文字``, code ``ocr_unavailable``) — never silently passed.
"""

from __future__ import annotations

import importlib.util
import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any

from .base import Extracted, ExtractError, Limits, Problem, Stop, TextBuilder

NO_OCR = "未识别图片文字：未安装 OCR 组件（pip install '.[ocr]'），图片中的文字未经检查"
_ENGINE: Any = None
_LOCK = threading.Lock()


def ocr_available() -> bool:
    return importlib.util.find_spec("rapidocr") is not None and importlib.util.find_spec("onnxruntime") is not None


def _engine() -> Any:
    global _ENGINE
    with _LOCK:
        if _ENGINE is None:
            logging.getLogger("RapidOCR").setLevel(logging.WARNING)
            from rapidocr import RapidOCR

            _ENGINE = RapidOCR()
            logging.getLogger("RapidOCR").setLevel(logging.WARNING)
    return _ENGINE


def ocr_lines(data: bytes) -> list[tuple[str, tuple[int, int, int, int]]]:
    """Recognised lines of an image: (text, (left, top, right, bottom)) in reading order."""
    out = _engine()(data)
    txts = getattr(out, "txts", None) or ()
    boxes = getattr(out, "boxes", None)
    lines = []
    for i, t in enumerate(txts):
        box = (0, 0, 0, 0)
        if boxes is not None and i < len(boxes):
            xs = [float(p[0]) for p in boxes[i]]
            ys = [float(p[1]) for p in boxes[i]]
            box = (int(min(xs)), int(min(ys)), int(max(xs)), int(max(ys)))
        lines.append((str(t), box))
    return lines


def _add_lines(tb: TextBuilder, label: str, data: bytes) -> None:
    for k, (text, (x0, y0, x1, y1)) in enumerate(ocr_lines(data), 1):
        tb.add(text, f"{label}（OCR）第{k}行，区域 {x0},{y0}–{x1},{y1}")


def ocr_images(images: Sequence[tuple[str, bytes | Callable[[], bytes]]], tb: TextBuilder, limits: Limits) -> list[Problem]:
    """OCR embedded images into *tb*; returns the problems (what was not screened)."""
    if not images:
        return []
    if not ocr_available():
        return [Problem("ocr_unavailable", f"包含 {len(images)} 张图片，{NO_OCR}")]
    failed = 0
    for label, data in images[: limits.max_images]:
        tb.check_time()
        try:
            _add_lines(tb, label, data() if callable(data) else data)
        except (ExtractError, Stop, MemoryError):
            raise
        except Exception:
            failed += 1
    problems = []
    if failed:
        problems.append(Problem("ocr_failed", f"{failed} 张图片无法识别，未经检查"))
    if len(images) > limits.max_images:
        problems.append(Problem("over_budget", f"图片超过 {limits.max_images} 张，其余未经检查"))
    return problems


def image(data: bytes, limits: Limits) -> Extracted:
    if not ocr_available():
        return Extracted.failed("image", NO_OCR, "ocr_unavailable")
    tb = TextBuilder(limits)
    try:
        _add_lines(tb, "图片", data)
    except (ExtractError, Stop):
        raise
    except Exception as exc:
        raise ExtractError(f"图片无法识别（{type(exc).__name__}）", code="ocr_failed") from exc
    return tb.result("image")
