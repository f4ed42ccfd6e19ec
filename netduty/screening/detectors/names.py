"""``name``: near-misses of the institution's own proper nouns.

For a listed name of n characters (compared in the compact, folded form):

* n ≥ 4: one substituted Chinese character (邵阳学园 for 邵阳学院); at the last position only
  a homophone (pypinyin readings, tones ignored) counts, since a different character there
  usually just ends another word (邵阳学习, 党委宣传工作); at the first position a homophone,
  or — for names of 6+ characters — any character that does not make the window start with
  a place or an administrative level (湖中师范学院 for 湘中师范学院 yes; 河南科技大学,
  省委…, 贵阳学院 no);
* the configured wrong forms (``wrong_names``: 湘中师院 for 湘中师范学院) and the wrong
  institution suffix (湘中师范大学 for 湘中师范学院, see ``context.SUFFIX_SWAPS``);
* n ≥ 5: one omitted or one inserted Chinese character, not at either end (an "omission" at an
  end is just a shorter word, an "insertion" at an end contains the exact name).

Candidates come from the two halves of each name (any one-character edit leaves one half
intact), so the cost is proportional to the halves' occurrences.  A window that overlaps an
exact occurrence of the same name, equals a listed name, lies wholly inside an exact
occurrence of any listed name, or spans punctuation is not a finding; overlapping windows that explain the same misspelling are reported once
(substitution preferred over omission over insertion, then the longer name).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .. import matcher as m
from ..context import Context, is_han
from ..findings import Finding

_SUB, _OMIT, _INS = 0, 1, 2
_READINGS: dict[int, str] | None = None


@lru_cache(maxsize=8192)
def _toneless(cp: int) -> frozenset[str]:
    global _READINGS
    if _READINGS is None:
        try:
            from pypinyin.pinyin_dict import pinyin_dict
        except ImportError:  # pragma: no cover - pypinyin is a dependency
            _READINGS = {}
        else:
            _READINGS = pinyin_dict
    raw = _READINGS.get(cp)
    if not raw:
        return frozenset()
    return frozenset(
        "".join(ch for ch in unicodedata.normalize("NFD", r) if not unicodedata.combining(ch))
        for r in raw.split(",")
    )


def homophones(a: str, b: str) -> bool:
    """True when two characters share a reading (tones ignored), or readings are unknown."""
    ra, rb = _toneless(ord(a)), _toneless(ord(b))
    if not ra or not rb:
        return not _READINGS
    return bool(ra & rb)
# A first character that makes a window start with a place or an administrative level: then a
# "first-character misspelling" is usually another, real body (河南科技大学, 省委宣传部).
_PLACE_CHARS = frozenset("省市县区州镇乡村京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川蜀贵黔云滇陕秦甘陇青台蒙桂藏宁新港澳")
_PLACE_PREFIXES = frozenset(
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 "
    "云南 陕西 甘肃 青海 台湾 内蒙 广西 西藏 宁夏 新疆 香港 澳门 华中 华南 华北 华东 西南 西北 东北 中南 中国 全国".split()
)


def _first_char_ok(w: str, name: str) -> bool:
    if homophones(w[0], name[0]):
        return True
    return len(name) >= 6 and w[0] not in _PLACE_CHARS and w[:2] not in _PLACE_PREFIXES


_SPACE_OK = frozenset(" \t\u3000\u200b\u200c\u200d\u2060\ufeff")


def _edit(w: str, name: str) -> int | None:
    n = len(name)
    if len(w) == n:
        diff = [i for i in range(n) if w[i] != name[i]]
        if len(diff) == 1 and is_han(w[diff[0]]):
            i = diff[0]
            # At either end a different character often just starts or ends another word
            # (邵阳学习, 党委宣传工作, 贵阳学院): there only a homophone counts (邵阳学园).
            if 0 < i < n - 1 or (i == 0 and _first_char_ok(w, name)) or homophones(w[i], name[i]):
                return _SUB
        return None
    if n < 5:
        return None
    if len(w) == n - 1:
        i = 0
        while i < len(w) and w[i] == name[i]:
            i += 1
        # name[i] omitted; interior only
        if 1 <= i <= n - 2 and w[i:] == name[i + 1 :]:
            return _OMIT
        return None
    if len(w) == n + 1:
        i = 0
        while i < n and w[i] == name[i]:
            i += 1
        if 1 <= i <= n - 1 and w[i + 1 :] == name[i:] and is_han(w[i]):
            return _INS
    return None


def _wrong_forms(ctx: Context) -> list[Finding]:
    """Configured wrong forms (``wrong_names``) and wrong institution suffixes."""
    out: list[Finding] = []
    rules = ctx.compiled.rules
    text = ctx.text
    compact = ctx.norm.compact
    exact = [(a, b) for _, a, b in ctx.hits.get(m.NAME, ())]
    for kind in (m.NAME_WRONG, m.NAME_SUFFIX):
        for arg, cs, ce in ctx.hits.get(kind, ()):
            if any(a <= cs and ce <= b for a, b in exact):
                continue  # part of a correctly written longer name
            if kind == m.NAME_SUFFIX and compact[ce : ce + 1] == "生":
                continue  # 湘中师范大学生 … reads 大学生
            sp = ctx.term_span(cs, ce)
            if sp is None or ctx.allowed(*sp):
                continue
            s, e = sp
            if kind == m.NAME_WRONG:
                ex = rules.wrong_names[arg]
                right, sev = ex.right, ex.severity
                msg = ex.message or f"“{text[s:e]}”是本单位名称“{right}”的错误写法"
            else:
                right, sev = rules.names[arg], "medium"
                msg = f"疑似本单位名称“{right}”写错（“学院”“大学”等后缀不对）"
            out.append(Finding("name", right, sev, s, e, text[s:e], msg, right))
    return out


def detect(ctx: Context) -> list[Finding]:
    wrong = _wrong_forms(ctx)
    near = _near_misses(ctx)
    if wrong and near:
        near = [f for f in near if not any(w.start < f.end and f.start < w.end for w in wrong)]
    return wrong + near


def _near_misses(ctx: Context) -> list[Finding]:
    anchors_l = ctx.hits.get(m.NAME_L, ())
    anchors_r = ctx.hits.get(m.NAME_R, ())
    if not anchors_l and not anchors_r:
        return []
    names = ctx.compiled.names
    name_set = ctx.compiled.name_set
    compact = ctx.norm.compact
    nc = len(compact)
    # Exact occurrences: per name (a window overlapping an exact occurrence of the same name is
    # not a finding) and of any name (a window wholly inside a correctly written listed name
    # is part of it).  cover[p] = the furthest end of an occurrence covering position p.
    cover_same: dict[int, dict[int, int]] = {}
    cover_any: dict[int, int] = {}
    for ni, a, b in ctx.hits.get(m.NAME, ()):
        cov = cover_same.setdefault(ni, {})
        for p in range(a, b):
            if cov.get(p, -1) < b:
                cov[p] = b
            if cover_any.get(p, -1) < b:
                cover_any[p] = b

    cands: dict[tuple[int, int], tuple[int, int, int]] = {}
    for kind, hits in ((m.NAME_L, anchors_l), (m.NAME_R, anchors_r)):
        for ni, s, e in hits:
            same = cover_same.get(ni)
            if same is not None and same.get(s, -1) >= e:
                continue  # every window around this anchor overlaps an exact occurrence
            name = names[ni]
            n = len(name)
            for length in (n, n - 1, n + 1) if n >= 5 else (n,):
                ws = s if kind == m.NAME_L else e - length
                we = ws + length
                if ws < 0 or we > nc:
                    continue
                w = compact[ws:we]
                if "\n" in w or w in name_set:
                    continue
                ed = _edit(w, name)
                if ed is None:
                    continue
                if same is not None and any(p in same for p in range(ws, we)):
                    continue
                if cover_any.get(ws, -1) >= we:
                    continue
                key = (ws, we)
                rank = (ed, -n, ni)
                if key not in cands or rank < cands[key]:
                    cands[key] = rank
    if not cands:
        return []
    text = ctx.text
    items = []
    for (ws, we), (ed, negn, ni) in cands.items():
        pos = ctx.norm.positions(ws, we)
        if any(b - a > 2 or (b - a == 2 and text[a + 1] not in _SPACE_OK) for a, b in zip(pos, pos[1:], strict=False)):
            continue
        items.append((ws, we, ed, negn, ni, pos[0], pos[-1] + 1))
    items.sort()
    out: list[Finding] = []
    cluster: list[tuple[int, int, int, int, int, int, int]] = []
    cluster_end = -1

    def flush() -> None:
        if not cluster:
            return
        best = min(cluster, key=lambda it: (it[2], it[3], it[0]))
        _, _, ed, _, ni, s, e = best
        if ctx.allowed(s, e):
            return
        right = ctx.compiled.rules.names[ni]
        how = ("错一字", "漏一字", "多一字")[ed]
        out.append(Finding("name", right, "medium", s, e, text[s:e],
                           f"疑似本单位名称“{right}”写错（{how}）", right))

    for it in items:
        if it[0] >= cluster_end:
            flush()
            cluster = []
        cluster.append(it)
        cluster_end = max(cluster_end, it[1])
    flush()
    return out
