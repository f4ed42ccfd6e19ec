"""``title``: a listed person next to a title that belongs to someone else but not to them.

"Next to" means directly before or after the name, with at most one separator that is a
space, a tab, an ideographic space or a middle dot (· ・ •).  Where several listed titles end
(or start) at the name, the longest wins: 副校长王五 reads 副校长, never 校长.  A title after a
name that is itself directly followed by another listed person is that person's title
(党委书记张三 校长李四).  Where listed names overlap, the longest name wins.
"""

from __future__ import annotations

from .. import matcher as m
from ..context import Context
from ..findings import Finding

_SEPARATORS = frozenset(" \t\u3000·・•‧")


def detect(ctx: Context) -> list[Finding]:
    persons = ctx.hits.get(m.PERSON)
    titles = ctx.hits.get(m.TITLE)
    if not persons or not titles:
        return []
    c = ctx.compiled
    text = ctx.text
    compact = ctx.norm.compact
    # Longest-name-wins among overlapping person hits.
    plist = sorted(((s, e, pi) for pi, s, e in persons), key=lambda x: (x[0], -(x[1] - x[0])))
    kept: list[tuple[int, int, int]] = []
    for s, e, pi in plist:
        if any(a <= s and e <= b and (b - a) > (e - s) for a, b, _ in kept[-8:]):
            continue
        kept.append((s, e, pi))
    person_at: dict[int, tuple[int, int, int]] = {}
    for k in kept:
        person_at.setdefault(k[0], k)
    by_end: dict[int, tuple[int, int]] = {}
    by_start: dict[int, tuple[int, int]] = {}
    for _, s, e in titles:
        if e not in by_end or s < by_end[e][0]:
            by_end[e] = (s, e)
        if s not in by_start or e > by_start[s][1]:
            by_start[s] = (s, e)

    def orig(s: int, e: int) -> tuple[int, int] | None:
        return ctx.term_span(s, e, max_gap=0, word_bounds=False)

    def gap_ok(a: int, b: int) -> bool:
        return b - a == 0 or (b - a == 1 and text[a] in _SEPARATORS)

    out: list[Finding] = []
    for s, e, pi in kept:
        before, after = by_end.get(s), by_start.get(e)
        if before is None and after is None:
            continue
        own = c.person_titles[pi]
        person = c.people[pi]
        name_span: tuple[int, int] | None = None
        for side, t in (("before", before), ("after", after)):
            if t is None:
                continue
            title = compact[t[0] : t[1]]
            owners = c.title_owners.get(title, frozenset())
            if title in own or not (owners - {pi}):
                continue
            if name_span is None:
                name_span = orig(s, e)
                if name_span is None:
                    break
            ns, ne = name_span
            ts_te = orig(*t)
            if ts_te is None:
                continue
            ts, te = ts_te
            if side == "before" and not gap_ok(te, ns):
                continue
            if side == "after":
                if not gap_ok(ne, ts):
                    continue
                nxt = person_at.get(t[1])
                if nxt is not None and orig(nxt[0], nxt[1]) is not None:
                    continue
            fs, fe = (ts, ne) if side == "before" else (ns, te)
            if ctx.allowed(fs, fe):
                continue
            right = "、".join(person.titles) if person.titles else None
            wrong_title = text[ts:te]
            if right:
                sugg = (person.titles[0] + text[te:ns] + text[ns:ne]) if side == "before" else (
                    text[ns:ne] + text[ne:ts] + person.titles[0])
                msg = f"“{person.name}”的职务是{right}，不是“{wrong_title}”"
            else:
                sugg = None
                msg = f"“{wrong_title}”不是“{person.name}”的职务"
            out.append(Finding("title", person.name, "high", fs, fe, text[fs:fe], msg, sugg))
    return out
