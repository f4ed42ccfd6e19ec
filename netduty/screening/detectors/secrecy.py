"""``secrecy``: classification markings (GB/T 9704 ``密级★保密期限``) and secrecy notices.

* ``secrecy.marking`` — 绝密/机密/秘密 (optionally + 级) followed by ★ or ☆ and an optional
  period (10年, 十年, 6个月, 长期, 启用前); a line whose only content (brackets aside) is
  绝密/机密/秘密, optionally + 级 (``机密级``, ``【绝密】``, ``秘密`` under ``附件1``); a
  marking after a ``密级：`` label; and a bare marking in a sentence that classifies the text
  itself: 本/此/该/这 … 属于/属/系/为/定为/列为/标为 + marking (``本通知属于机密文件``,
  ``该材料系秘密级``).  Any other bare 机密 in a sentence is prose (``保守国家机密``,
  ``机密文件管理培训``) — the decision documented in docs/screening.md.
* ``secrecy.notice`` — 内部资料, 内部文件, 内部刊物 standing as a notice: not glued into a
  running clause (e.g. ``（内部资料，严禁外传）``, a header line ``内部资料 注意保密``), while
  prose such as ``不得将内部资料上传`` or a quoted mention (``所谓“内部文件”截图``) is not a
  notice.  The imperatives 注意保密, 严禁外传, 不得外传 are notices wherever they close a
  clause (``请各单位注意保密，会后统一收回``, ``会议材料严禁外传。``); only their right side
  must be a clause edge (``涉密文件严禁外传扩散`` stays prose).

Prose such as 国家秘密, 保守秘密 or 涉密不公开 is never a marking.
"""

from __future__ import annotations

import re

from .. import matcher as m
from ..context import Context, is_han
from ..findings import Finding

_MARK = re.compile(
    r"(?:绝密|机密|秘密)级?[ \t\u3000]*[★☆][ \t\u3000]*"
    r"(?:(?:[0-9]{1,3}|[一二三四五六七八九十两]{1,3})[ \t\u3000]*(?:年|个月)|长期|启用前)?"
)
_LINE_STRIP = " \t\u3000\r\ufeff\u200b\u200c\u200d\u2060"
_BRACKETS = "【】[]（）()〔〕<>《》"
_LEVEL_LABEL = re.compile(r"密级[ \t\u3000]*[:：][ \t\u3000]*\Z")
# The sentence classifies the text itself: 本通知属于机密文件, 该材料系秘密级.
_SELF = re.compile(r"(?:本|此|该|这)[^，。；！？,;!?：:]{0,12}?(?:属于|属|系|为|定为|列为|标为|标注为|定密为)\Z")
_IMPERATIVE = frozenset(("注意保密", "严禁外传", "不得外传"))
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
        elif line.strip(_LINE_STRIP).strip(_BRACKETS).strip(_LINE_STRIP) in (word, word + "级"):
            if line[p + len(word) : p + len(word) + 1] == "级":
                e += 1
            msg = f"单独成行的密级“{text[s:e]}”：疑似密级标志，涉密内容不得在互联网发布"
        elif _LEVEL_LABEL.search(line, 0, p):
            if line[p + len(word) : p + len(word) + 1] == "级":
                e += 1
            msg = f"密级“{text[s:e]}”：涉密内容不得在互联网发布"
        elif _SELF.search(line, 0, p):
            msg = f"文中称本材料为“{word}”：疑似涉密材料，不得在互联网发布"
        else:
            continue
        if (s, e) in seen:
            continue
        seen.add((s, e))
        out.append(Finding("secrecy", "secrecy.marking", "high", s, e, text[s:e], msg, None))
    notices = ctx.hits.get(m.NOTICE, ())
    if notices:
        spans = []
        for word, cs, ce in notices:
            sp = ctx.term_span(cs, ce, max_gap=0, word_bounds=False)
            if sp is not None:
                spans.append((sp, cs, word))
        starts = {sp[0] for sp, _, _ in spans}
        ends = {sp[1] for sp, _, _ in spans}
        for (s, e), cs, word in spans:
            line_start, line = ctx.line_norm(cs)
            p, q = s - line_start, e - line_start
            left_ok = (p == 0 or not _wordish(line[p - 1]) or line[p - 1] in _LEFT_OK or s in ends
                       or word in _IMPERATIVE)
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
