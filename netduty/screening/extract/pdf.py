"""PDF text layer through pypdf (lenient parsing; broken files give an error, not a crash)."""

from __future__ import annotations

import io
import logging

from .base import Extracted, ExtractError, Limits, Problem, TextBuilder


def pdf(data: bytes, limits: Limits) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception as exc:
                raise ExtractError("PDF 已加密，无法读取", code="encrypted") from exc
            if not ok:
                raise ExtractError("PDF 已加密，无法读取", code="encrypted")
        pages = reader.pages
        n = len(pages)
    except ExtractError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise ExtractError(f"PDF 已损坏，无法读取（{type(exc).__name__}）") from exc
    if n > limits.max_pages:
        raise ExtractError(f"PDF 页数过多（{n} 页，上限 {limits.max_pages} 页）", code="over_budget")
    tb = TextBuilder(limits)
    notes: list[str] = []
    problems: list[Problem] = []
    bad: list[int] = []
    empty: list[int] = []
    images: list[tuple[str, bytes]] = []
    from .ocr import ocr_available

    want_images = ocr_available()
    for i in range(n):
        tb.check_time()
        try:
            page = pages[i]
            text = page.extract_text() or ""
        except ExtractError:
            raise
        except Exception:
            bad.append(i + 1)
            continue
        tb.add(text, f"第{i + 1}页")
        if not text.strip():
            empty.append(i + 1)
        if want_images and len(images) < limits.max_images:
            try:
                for img in page.images:
                    images.append((f"第{i + 1}页图片{len(images) + 1}", img.data))
            except Exception:
                pass
    if n and len(bad) == n:
        raise ExtractError("PDF 已损坏，无法提取任何页面的文字")
    if bad:
        problems.append(Problem("corrupt", f"第{'、'.join(map(str, bad[:20]))}页无法提取文字，未经检查"))
    if images:
        from .ocr import ocr_images

        problems += ocr_images(images, tb, limits)
    elif empty and not want_images:
        problems.append(Problem("ocr_unavailable", f"未识别图片文字：第{'、'.join(map(str, empty[:20]))}页没有文字层"
                                "（可能是扫描件），未安装 OCR 组件，未经检查"))
    notes += [pr.message for pr in problems]
    return tb.result("pdf", notes, problems)
