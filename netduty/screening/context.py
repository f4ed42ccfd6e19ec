"""Compiled rules and the per-text context shared by the detectors."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from . import matcher as m
from .normalize import Normalized, fold_text, normalize_pattern, tables
from .rules import Expression, Person, Rules, TermGroup

# A term's characters may be separated by at most this many interference characters …
MAX_GAP = 3
# … and never by a sentence end (lines are never crossed: ``\n`` is kept in the compact text).
GAP_STOP = frozenset("。！？；;!?\r\u2028\u2029\x0b\x0c")
SECRET_WORDS = ("绝密", "机密", "秘密")
NOTICE_WORDS = ("内部资料", "内部文件", "内部刊物", "注意保密", "严禁外传", "不得外传")
LINK_TRIGGERS = ("http", "www")
TERM_SPLIT_MIN = 4
# The institution-type suffix of a name and the forms it is commonly confused with
# (湘中师范学院 written 湘中师范大学).  Only for stems of 3+ characters: 邵阳大学 next to
# 邵阳学院 is too often just 邵阳 + 大学生.
SUFFIX_SWAPS = {
    "职业技术学院": ("职业学院", "职业技术大学"),
    "职业学院": ("职业技术学院",),
    "学院": ("大学",),
    "大学": ("学院",),
}


def suffix_swaps(name: str) -> list[str]:
    """Wrong forms of *name* (compact) with another institution-type suffix."""
    for suffix in sorted(SUFFIX_SWAPS, key=len, reverse=True):
        if name.endswith(suffix) and len(name) - len(suffix) >= 3:
            stem = name[: -len(suffix)]
            return [stem + other for other in SUFFIX_SWAPS[suffix]]
    return []


def is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def is_han(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x3FFFF
        or 0xF900 <= cp <= 0xFAFF or cp == 0x3007
    )


@dataclass
class Compiled:
    rules: Rules
    index: m.PatternIndex
    groups: tuple[TermGroup, ...]
    expressions: tuple[Expression, ...]
    expr_right_covers: tuple[bool, ...]
    names: tuple[str, ...]  # compact forms
    name_set: frozenset[str]
    people: tuple[Person, ...]
    person_titles: tuple[frozenset[str], ...]  # compact titles per person
    title_owners: dict[str, frozenset[int]]
    title_display: dict[str, str]
    allowed_domains: tuple[str, ...]

    @classmethod
    def build(cls, rules: Rules) -> Compiled:
        tables()
        idx = m.PatternIndex()
        for gi, g in enumerate(rules.terms):
            for w in g.words:
                c = idx.add(w, m.TERM, (gi, w))
                # Evasion with an enumeration comma inside a long term (第二十、五條): a term of
                # TERM_SPLIT_MIN+ characters may be split by one 、.  Shorter terms may not —
                # 舞台、独唱 is not 台独.
                if len(c) >= TERM_SPLIT_MIN and c.isalpha():
                    for i in range(1, len(c)):
                        idx.add(c[:i] + "、" + c[i:], m.TERM, (gi, w), normalized=True)
        covers: list[bool] = []
        for ei, e in enumerate(rules.expressions):
            wrong = idx.add(e.wrong, m.EXPR, ei)
            right = normalize_pattern(e.right)
            covers.append(bool(right) and wrong in right)
            if covers[-1]:
                idx.add(right, m.RIGHT, ei, normalized=True)
        for a in rules.allow:
            idx.add(a, m.ALLOW, None)
        names: list[str] = []
        for ni, n in enumerate(rules.names):
            c = normalize_pattern(n)
            names.append(c)
            if not c:
                continue
            idx.add(c, m.NAME, ni, normalized=True)
            if len(c) >= 4:
                h = len(c) // 2
                idx.add(c[:h], m.NAME_L, ni, normalized=True)
                idx.add(c[h:], m.NAME_R, ni, normalized=True)
        for wi, e in enumerate(rules.wrong_names):
            idx.add(e.wrong, m.NAME_WRONG, wi)
        name_set_all = set(names)
        for ni, c in enumerate(names):
            for wrong in suffix_swaps(c):
                if wrong not in name_set_all:
                    idx.add(wrong, m.NAME_SUFFIX, ni, normalized=True)
        person_titles: list[frozenset[str]] = []
        owners: dict[str, set[int]] = {}
        display: dict[str, str] = {}
        for pi, p in enumerate(rules.people):
            idx.add(p.name, m.PERSON, pi)
            ts = set()
            for t in p.titles:
                c = idx.add(t, m.TITLE, None)
                if c:
                    ts.add(c)
                    owners.setdefault(c, set()).add(pi)
                    display.setdefault(c, t)
            person_titles.append(frozenset(ts))
        for w in SECRET_WORDS:
            idx.add(w, m.SECRET, w)
        for w in NOTICE_WORDS:
            idx.add(w, m.NOTICE, w)
        for w in LINK_TRIGGERS:
            idx.add(w, m.LINK, w)
        idx.build()
        return cls(
            rules=rules,
            index=idx,
            groups=rules.terms,
            expressions=rules.expressions,
            expr_right_covers=tuple(covers),
            names=tuple(names),
            name_set=frozenset(n for n in names if n),
            people=rules.people,
            person_titles=tuple(person_titles),
            title_owners={k: frozenset(v) for k, v in owners.items()},
            title_display=display,
            allowed_domains=rules.allowed_domains,
        )


@dataclass
class Context:
    text: str
    norm: Normalized
    compiled: Compiled
    hits: dict[str, list[tuple[Any, int, int]]]
    _allow: list[tuple[int, int]] | None = None
    _line_norm: dict[int, tuple[int, str]] = field(default_factory=dict)

    @classmethod
    def make(cls, text: str, compiled: Compiled) -> Context:
        norm = Normalized(text)
        return cls(text=text, norm=norm, compiled=compiled, hits=compiled.index.find(norm.compact))

    def term_span(self, cs: int, ce: int, *, max_gap: int = MAX_GAP, word_bounds: bool = True) -> tuple[int, int] | None:
        """Original span of a compact match, or None when its gaps or word boundaries disqualify it."""
        text = self.text
        s, e = self.norm.span(cs, ce)
        if e - s != ce - cs:
            if max_gap == 0:
                return None
            pos = self.norm.positions(cs, ce)
            for a, b in zip(pos, pos[1:], strict=False):
                if b - a - 1 > max_gap:
                    return None
                if b - a > 1 and any(ch in GAP_STOP for ch in text[a + 1 : b]):
                    return None
        if word_bounds:
            compact = self.norm.compact
            if is_ascii_alnum(compact[cs]) and s > 0 and is_ascii_alnum(fold_text(text[s - 1])):
                return None
            if is_ascii_alnum(compact[ce - 1]) and e < len(text) and is_ascii_alnum(fold_text(text[e])):
                return None
        return s, e

    def allow_spans(self) -> list[tuple[int, int]]:
        if self._allow is None:
            spans = []
            for _, cs, ce in self.hits.get(m.ALLOW, ()):
                sp = self.term_span(cs, ce, word_bounds=False)
                if sp:
                    spans.append(sp)
            spans.sort()
            self._allow = spans
        return self._allow

    def allowed(self, s: int, e: int) -> bool:
        """True when [s, e) lies wholly inside an occurrence of an allow phrase."""
        spans = self.allow_spans()
        if not spans:
            return False
        i = bisect_right(spans, (s, len(self.text) + 1))
        for a, b in reversed(spans[max(0, i - 64) : i]):
            if a <= s and e <= b:
                return True
        return False

    def line_norm(self, cs: int) -> tuple[int, str]:
        """(original start, folded same-length text) of the line holding compact index *cs*."""
        k, start, end = self.norm.line_of(cs)
        got = self._line_norm.get(k)
        if got is None:
            got = (start, fold_text(self.text[start:end]))
            self._line_norm[k] = got
        return got
