"""Pure text helpers: sanitising rich text, HTML → text, normalisation, hashes, diffs, highlighting.

The same `html_to_text` + `normalise` are applied to a submitted body and to a live page, so an
unchanged publication compares equal whatever whitespace the site's template adds."""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import lxml.html
import nh3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup", "h2", "h3", "h4", "ul", "ol", "li",
    "blockquote", "a", "table", "thead", "tbody", "tr", "th", "td", "hr", "span",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
BLOCK_TAGS = {
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "table", "tr",
    "section", "article", "header", "footer", "pre", "hr", "dd", "dt", "figcaption",
}
_TAG_RE = re.compile(r"<[a-zA-Z/!][^>]*>")


def sanitise(html: str) -> str:
    """Rich text as it is stored: only harmless tags and http(s)/mailto links. Plain text
    (no tags) becomes paragraphs, one per non-empty line."""
    html = (html or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not _TAG_RE.search(html):
        paras = [line.strip() for line in html.split("\n") if line.strip()]
        html = "".join(f"<p>{escape(p)}</p>" for p in paras)
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     link_rel="noopener noreferrer", strip_comments=True).strip()


def element_text(el) -> str:
    """Text of an lxml element with a line break around every block element."""
    parts: list[str] = []

    def walk(node) -> None:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag in {"", "script", "style", "noscript", "template"}:  # "" = comment / processing instruction
            if node.tail:
                parts.append(node.tail)
            return
        block = tag in BLOCK_TAGS
        if block:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if block:
            parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    tail, el.tail = el.tail, None
    try:
        walk(el)
    finally:
        el.tail = tail
    return tidy_lines("".join(parts))


def tidy_lines(text: str) -> str:
    lines = [re.sub(r"[ \t\u00a0\u3000]+", " ", line).strip() for line in text.replace("\r", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


def html_to_text(html: str) -> str:
    """Readable text of an HTML fragment: one line per paragraph."""
    if not html or not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return element_text(root)


def normalise(text: str) -> str:
    """For comparing and hashing: NFKC (full-width → half-width), no whitespace at all."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def content_hash(*, title: str, body_html: str, body_text: str, source_kind: str, source_name: str,
                 attachment_hashes: Iterable[str]) -> str:
    """The hash a reviewer approves: everything that would be published."""
    canonical = json.dumps({
        "title": normalise(title), "body_html": body_html, "body_text": normalise(body_text),
        "source": [source_kind, source_name.strip()], "attachments": sorted(attachment_hashes),
    }, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return sha256_text(canonical)


def text_hash(body_text: str) -> str:
    return sha256_text(normalise(body_text))


# ---- highlighting ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Span:
    start: int
    end: int
    severity: str
    index: int  # number shown next to the finding in the list
    title: str


def highlight(text: str, spans: Sequence[Span]) -> SafeString:
    """Escape `text` and wrap findings in <mark>. Overlapping findings share one mark covering
    their union, numbered with all of them and coloured by the most severe."""
    rank = {"high": 0, "medium": 1, "low": 2}
    clusters: list[list[Span]] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.end <= span.start or span.start >= len(text):
            continue
        if clusters and span.start < max(x.end for x in clusters[-1]):
            clusters[-1].append(span)
        else:
            clusters.append([span])
    out: list[str] = []
    pos = 0
    for group in clusters:
        start, end = group[0].start, min(len(text), max(x.end for x in group))
        severity = min((x.severity for x in group), key=lambda v: rank.get(v, 3))
        anchors = "".join(f'<span id="f{x.index}"></span>' for x in group[1:])
        numbers = ",".join(str(x.index) for x in group)
        title = "；".join(x.title for x in group)
        out.append(escape(text[pos:start]))
        out.append(f'<mark class="f-{escape(severity)}" id="f{group[0].index}" title="{escape(title)}">{anchors}'
                   f'{escape(text[start:end])}<sup>{numbers}</sup></mark>')
        pos = end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped


def context(text: str, start: int, end: int, width: int = 30) -> str:
    a, b = max(0, start - width), min(len(text), end + width)
    return ("…" if a else "") + text[a:b].replace("\n", " ") + ("…" if b < len(text) else "")


# ---- diff -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DiffLine:
    op: str  # equal | insert | delete | replace
    html: SafeString


def _inline(a: str, b: str) -> tuple[str, str]:
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    left: list[str] = []
    right: list[str] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            left.append(escape(a[i1:i2]))
            right.append(escape(b[j1:j2]))
        else:
            if i2 > i1:
                left.append(f"<del>{escape(a[i1:i2])}</del>")
            if j2 > j1:
                right.append(f"<ins>{escape(b[j1:j2])}</ins>")
    return "".join(left), "".join(right)


def _align(old: list[str], new: list[str], threshold: float = 0.5) -> list[tuple[str | None, str | None]]:
    """Pair the lines of a changed block by similarity (in order), so an inserted paragraph shows
    as an insertion and an edited one as an edit. Small blocks: dynamic programming; big ones:
    side by side."""
    n, m = len(old), len(new)
    if n * m > 2500:
        return [(old[k] if k < n else None, new[k] if k < m else None) for k in range(max(n, m))]
    ratio = [[difflib.SequenceMatcher(None, x, y, autojunk=False).ratio() for y in new] for x in old]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            pair = ratio[i][j] + best[i + 1][j + 1] if ratio[i][j] >= threshold else -1.0
            best[i][j] = max(pair, best[i + 1][j], best[i][j + 1])
    out: list[tuple[str | None, str | None]] = []
    i = j = 0
    while i < n and j < m:
        if ratio[i][j] >= threshold and best[i][j] == ratio[i][j] + best[i + 1][j + 1]:
            out.append((old[i], new[j]))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            out.append((old[i], None))
            i += 1
        else:
            out.append((None, new[j]))
            j += 1
    out.extend((x, None) for x in old[i:])
    out.extend((None, y) for y in new[j:])
    return out


def diff_lines(old: str, new: str, context_lines: int = 2) -> list[DiffLine]:
    """Line diff with character-level marks inside changed lines (works for CJK text, where a
    paragraph is one long line). Unchanged runs are folded to `context_lines` around changes."""
    a, b = old.split("\n") if old else [], new.split("\n") if new else []
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out: list[DiffLine] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            run = a[i1:i2]
            if len(run) > 2 * context_lines + 1:
                head = run[:context_lines] if out else []
                tail = run[-context_lines:] if i2 < len(a) or j2 < len(b) else []
                for line in head:
                    out.append(DiffLine("equal", mark_safe(escape(line))))  # noqa: S308
                out.append(DiffLine("skip", mark_safe(_("…… 相同 %(n)s 段 ……") % {"n": len(run) - len(head) - len(tail)})))  # noqa: S308
                for line in tail:
                    out.append(DiffLine("equal", mark_safe(escape(line))))  # noqa: S308
            else:
                out.extend(DiffLine("equal", mark_safe(escape(line))) for line in run)  # noqa: S308
        elif op == "replace":
            for x, y in _align(a[i1:i2], b[j1:j2]):
                if x is not None and y is not None:
                    left, right = _inline(x, y)
                    out.append(DiffLine("delete", mark_safe(left)))  # noqa: S308
                    out.append(DiffLine("insert", mark_safe(right)))  # noqa: S308
                elif x is not None:
                    out.append(DiffLine("delete", mark_safe(f"<del>{escape(x)}</del>")))  # noqa: S308
                elif y is not None:
                    out.append(DiffLine("insert", mark_safe(f"<ins>{escape(y)}</ins>")))  # noqa: S308
        elif op == "delete":
            out.extend(DiffLine("delete", mark_safe(f"<del>{escape(line)}</del>")) for line in a[i1:i2])  # noqa: S308
        else:
            out.extend(DiffLine("insert", mark_safe(f"<ins>{escape(line)}</ins>")) for line in b[j1:j2])  # noqa: S308
    return out


def similarity(a: str, b: str) -> float:
    """0..1 on the normalised texts (cheap upper bounds first)."""
    na, nb = normalise(a), normalise(b)
    if na == nb:
        return 1.0
    sm = difflib.SequenceMatcher(None, na, nb, autojunk=False)
    if sm.real_quick_ratio() < 0.5 or sm.quick_ratio() < 0.5:
        return sm.quick_ratio() * 0.5
    return sm.ratio()
