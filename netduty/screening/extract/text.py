"""Plain text and HTML."""

from __future__ import annotations

import re

from .base import Extracted, ExtractError, Limits, Problem, TextBuilder


def decode(data: bytes) -> str:
    """UTF-8 (leading BOM removed, no newline translation); UTF-16 with a BOM; else GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ExtractError("文本编码错误（UTF-16 解码失败）") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:8192]:
        raise ExtractError("不是文本文件（含有二进制内容）")
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise ExtractError("无法识别文本编码（既不是 UTF-8 也不是 GB18030）") from exc


def txt(data: bytes, limits: Limits) -> Extracted:
    text = decode(data)
    if len(text) > limits.max_chars:
        raise ExtractError(f"文字过多（超过 {limits.max_chars} 字符的上限）", code="over_budget")
    return Extracted(kind="txt", text=text, segments=[(0, "")])


# Elements hidden by the hidden attribute or an inline display:none / visibility:hidden are
# not visible text; they are counted in a note instead.
_BLOCK = frozenset(
    "address article aside blockquote body br caption dd details div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot "
    "th thead title tr ul option".split()
)
_SKIP = frozenset("script style noscript template head svg math object iframe".split())
_WS = re.compile(r"[ \t\r\n\f\v]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")


def html(data: bytes, limits: Limits) -> Extracted:
    import lxml.html
    from lxml import etree

    text = None
    m = _CHARSET.search(data[:4096])
    if m:
        try:
            text = data.decode(m.group(1).decode("ascii").lower().replace("gb2312", "gb18030"))
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text = decode(data)
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        return Extracted(kind="html", text="", segments=[])
    try:
        doc = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractError("HTML 无法解析") from exc
    blocks: list[str] = []
    cur: list[str] = []

    def flush() -> None:
        s = _WS.sub(" ", "".join(cur)).strip()
        if s:
            blocks.append(s)
        cur.clear()

    title = doc.find(".//title")
    if title is not None and title.text_content().strip():
        blocks.append(_WS.sub(" ", title.text_content()).strip())

    hidden = [0]

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if tag in _SKIP or not tag:
            return
        style = (el.get("style") or "").replace(" ", "").lower()
        if el.get("hidden") is not None or "display:none" in style or "visibility:hidden" in style:
            if el.text_content().strip():
                hidden[0] += 1
            return
        block = tag in _BLOCK
        if block:
            flush()
        if el.text:
            cur.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                cur.append(child.tail)
        if block:
            flush()

    body = doc.find("body")
    walk(body if body is not None else doc)
    flush()
    tb = TextBuilder(limits)
    for i, b in enumerate(blocks, 1):
        tb.add(b, f"第{i}段")
    notes = [f"有 {hidden[0]} 处隐藏内容（display:none 等）不可见，未计入检查"] if hidden[0] else []
    problems = [Problem("hidden_text", notes[0], blocking=False)] if notes else []
    return tb.result("html", notes, problems)
