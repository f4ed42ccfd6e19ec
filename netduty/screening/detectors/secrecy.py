"""``secrecy``: classification markings (GB/T 9704 ``密级★保密期限``) and secrecy notices.

* ``secrecy.marking`` — 绝密/机密/秘密 followed by ★ or ☆ and an optional period (10年,
  6个月, 长期, 启用前); or a line whose only content is 绝密, 机密 or 秘密.
* ``secrecy.notice`` — 内部资料, 内部文件, 内部刊物, 注意保密, 严禁外传, 不得外传 standing as a
  notice: not glued into a running clause (e.g. ``（内部资料，严禁外传）``, a header line
  ``内部资料 注意保密``), while prose such as ``不得将内部资料上传`` or a quoted mention
  (``所谓“内部文件”截图``) is not a notice.

Prose such as 国家秘密, 保守秘密 or 涉密不公开 is never a marking.
"""

from __future__ import annotations

import re

from .. import matcher as m
from ..context import Context, is_han
from ..findings import Finding

_MARK = re.compile(
    r"(?:绝密|机密|秘密)[ \t\u3000]*[★☆][ \t\u3000]*"
    r"(?:(?:[0-9]{1,3}|[一二三四五六七八九十两]{1,3})[ \t\u3000]*(?:年|个月)|长期|启用前)?"
)
_LINE_STRIP = " \t\u3000\r\ufeff\u200b\u200c\u200d\u2060"
# Characters that may glue a notice to the clause around it and still leave it a notice.
_LEFT_OK = frozenset("为系属")
_RIGHT_OK = frozenset("仅请勿")
_OPEN_QUOTES = frozenset("“‘\"'「『")
_CLOSE_QUOTES = frozenset("”’\"'」』")


def _wordish(ch: str) -> bool:
    return is_han(ch) or ch.isalnum()


def detect(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    text = ctx.text
    seen: set[tuple[int, int]] = set()
    for word, cs, ce in ctx.hits.get(m.SECRET, ()):
        sp = ctx.term_span(cs, ce, max_gap=0, word_bounds=False)
        if sp is None:
            continue
        s, e = sp
        line_start, line = ctx.line_norm(cs)
        p = s - line_start
        mm = _MARK.match(line, p)
        if mm:
            s, e = line_start + mm.start(), line_start + mm.end()
            msg = f"密级标志“{text[s:e]}”：涉密内容不得在互联网发布"
        elif line.strip(_LINE_STRIP) == word:
            msg = f"单独成行的密级“{word}”：疑似密级标志，涉密内容不得在互联网发布"
        else:
            continue
        if (s, e) in seen:
            continue
        seen.add((s, e))
        out.append(Finding("secrecy", "secrecy.marking", "high", s, e, text[s:e], msg, None))
    notices = ctx.hits.get(m.NOTICE, ())
    if notices:
        spans = []
        for _word, cs, ce in notices:
            sp = ctx.term_span(cs, ce, max_gap=0, word_bounds=False)
            if sp is not None:
                spans.append((sp, cs))
        starts = {sp[0] for sp, _ in spans}
        ends = {sp[1] for sp, _ in spans}
        for (s, e), cs in spans:
            line_start, line = ctx.line_norm(cs)
            p, q = s - line_start, e - line_start
            left_ok = p == 0 or not _wordish(line[p - 1]) or line[p - 1] in _LEFT_OK or s in ends
            right_ok = q >= len(line) or not _wordish(line[q]) or line[q] in _RIGHT_OK or e in starts
            if not (left_ok and right_ok) or (s, e) in seen:
                continue
            if 0 < p and q < len(line) and line[p - 1] in _OPEN_QUOTES and line[q] in _CLOSE_QUOTES:
                continue  # a quoted mention (所谓“内部文件”截图), not a notice
            seen.add((s, e))
            out.append(
                Finding(
                    "secrecy",
                    "secrecy.notice",
                    "high",
                    s,
                    e,
                    text[s:e],
                    f"保密提示“{text[s:e]}”：标注为内部或需保密的材料不得公开发布",
                    None,
                )
            )
    return out
