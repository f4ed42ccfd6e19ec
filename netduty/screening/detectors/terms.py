"""``term.<category>`` (configured terms) and ``expression`` (known wrong expressions)."""

from __future__ import annotations

from .. import matcher as m
from ..context import Context
from ..findings import Finding


def detect_terms(ctx: Context) -> list[Finding]:
    hits = ctx.hits.get(m.TERM)
    if not hits:
        return []
    groups = ctx.compiled.groups
    text = ctx.text
    out: list[Finding] = []
    seen: set[tuple[str, int, int]] = set()
    spans: dict[tuple[int, int], tuple[int, int] | None] = {}
    for arg, cs, ce in hits:
        gi, word = arg
        g = groups[gi]
        key = (cs, ce)
        if key not in spans:
            spans[key] = ctx.term_span(cs, ce)
        sp = spans[key]
        if sp is None:
            continue
        s, e = sp
        category = f"term.{g.category}"
        if (category, s, e) in seen or ctx.allowed(s, e):
            continue
        seen.add((category, s, e))
        out.append(
            Finding(
                category=category,
                rule=word,
                severity=g.severity,
                start=s,
                end=e,
                text=text[s:e],
                message=g.message or f"命中“{g.category}”类词语“{word}”",
                suggestion=g.suggestion,
            )
        )
    return out


def detect_expressions(ctx: Context) -> list[Finding]:
    hits = ctx.hits.get(m.EXPR)
    if not hits:
        return []
    exprs = ctx.compiled.expressions
    text = ctx.text
    rights: dict[int, list[tuple[int, int]]] = {}
    for ei, cs, ce in ctx.hits.get(m.RIGHT, ()):
        sp = ctx.term_span(cs, ce, word_bounds=False)
        if sp:
            rights.setdefault(ei, []).append(sp)
    out: list[Finding] = []
    seen: set[tuple[int, int]] = set()
    for ei, cs, ce in hits:
        e_ = exprs[ei]
        sp = ctx.term_span(cs, ce)
        if sp is None or sp in seen:
            continue
        s, e = sp
        if ctx.allowed(s, e) or any(a <= s and e <= b for a, b in rights.get(ei, ())):
            continue
        seen.add(sp)
        out.append(
            Finding(
                category="expression",
                rule=e_.wrong,
                severity=e_.severity,
                start=s,
                end=e,
                text=text[s:e],
                message=e_.message or f"疑似错误表述“{e_.wrong}”，应为“{e_.right}”",
                suggestion=e_.right,
            )
        )
    if len(out) > 1:
        # A wrong expression inside a longer one (人民代表大汇 in 全国人民代表大汇) is one error.
        out.sort(key=lambda f: (f.start, -f.end))
        kept: list[Finding] = []
        for f in out:
            if kept and kept[-1].start <= f.start and f.end <= kept[-1].end:
                continue
            kept.append(f)
        out = kept
    return out
