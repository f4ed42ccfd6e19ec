"""Normalisation with an offset map back to the original text.

The screening matchers run on a *compact* form of the text:

* interference characters (whitespace other than ``\\n``, ASCII punctuation, symbols, middle
  dots, control and format characters such as zero-width spaces, combining marks, emoji) are
  removed; Chinese clause/sentence punctuation (，。、；：？！“”（）《》… see ``BOUNDARY``) is
  kept as a boundary that no match crosses;
* every remaining character is folded one-to-one: NFKC compatibility forms (full-width
  letters and digits, Kangxi radicals, circled digits …), lower case, and traditional →
  simplified Chinese (OpenCC ``t2s``, character level).

``\\n`` is kept, so the compact text has exactly the same lines as the original and no match
can cross a line.  Building the compact text costs two C-level regex passes over the input
(``re.sub`` of the interference class, then a ``re.search`` for characters that need folding,
which are rare in simplified Chinese).  The mapping from compact offsets back to original
offsets is built lazily, only for the lines that contain a hit.
"""

from __future__ import annotations

import json
import os
import re
import threading
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

_LOCK = threading.Lock()


@dataclass(frozen=True)
class _Tables:
    fold: dict[int, str]  # code point -> one folded character (only characters that change)
    interference: frozenset[str]
    re_interference: re.Pattern[str]  # BMP interference runs (one fast big-charset)
    re_interference_astral: re.Pattern[str]  # interference outside the BMP (emoji …)
    re_fold_run: re.Pattern[str]
    re_fold_run_astral: re.Pattern[str]
    re_change_run: re.Pattern[str]  # interference or folding (BMP): one pass builds the compact text
    re_change_run_astral: re.Pattern[str]
    compact_table: dict[int, str | None]  # interference -> None, folding -> target


_TABLES: _Tables | None = None

# Ranges scanned when building the tables: the BMP, the supplementary symbol/emoji planes and
# the tag characters.  CJK extension planes (U+20000+) are letters and never fold.
_SCAN = (range(0x0000, 0x10000), range(0x10000, 0x20000), range(0xE0000, 0xE1000))


# Clause and sentence punctuation of Chinese text is a *boundary*, not interference: it is kept
# in the compact text (so no term, name or title is matched across it) and folded to one form.
# Everything else that is not a letter or digit — spaces, ASCII punctuation, symbols, middle
# dots, zero-width and other format characters, combining marks, emoji — is interference.
BOUNDARY = "，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—"
_BOUNDARY_FOLD = {"﹐": "，", "﹒": "。", "﹑": "、", "﹔": "；", "﹕": "：", "﹖": "？", "﹗": "！", "︰": "：",
                  "︐": "，", "︒": "。", "︑": "、", "︔": "；", "︓": "：", "︕": "！", "︖": "？",
                  "﹙": "（", "﹚": "）", "︵": "（", "︶": "）", "〝": "“", "〞": "”", "―": "—"}


def _is_interference_category(cat: str) -> bool:
    return cat[0] in "PSZ" or cat in ("Cc", "Cf", "Mn", "Me", "Cs", "Co")


def _char_class(chars: list[str]) -> str:
    """A compact regex character class for a sorted list of characters."""
    cps = sorted({ord(c) for c in chars})
    parts: list[str] = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        a, b = chr(cps[i]), chr(cps[j])
        parts.append(re.escape(a) if i == j else f"{re.escape(a)}-{re.escape(b)}")
        i = j + 1
    return "[" + "".join(parts) + "]"


_CACHE_VERSION = 1


def _cache_path() -> Path | None:
    """Where the folding tables are cached between processes (JSON, ~0.6 s to rebuild):
    ``$NETDUTY_CACHE_DIR`` or ``$XDG_CACHE_HOME/netduty`` or ``~/.cache/netduty``; keyed by the
    OpenCC and Unicode data versions.  ``NETDUTY_CACHE_DIR=`` (empty) disables the cache."""
    base = os.environ.get("NETDUTY_CACHE_DIR")
    if base == "":
        return None
    if base is None:
        xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = os.path.join(xdg, "netduty")
    try:
        from importlib.metadata import version

        occ = version("opencc")
    except Exception:
        occ = "unknown"
    return Path(base) / f"screening-tables-v{_CACHE_VERSION}-opencc{occ}-unicode{unicodedata.unidata_version}.json"


def _build() -> _Tables:
    path = _cache_path()
    if path is not None:
        try:
            data = json.loads(path.read_text("utf-8"))
            return _assemble({int(k): v for k, v in data["fold"].items()}, list(data["interference"]))
        except (OSError, ValueError, KeyError, TypeError):
            pass
    fold, interference = _compute()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps({"fold": fold, "interference": "".join(interference)}), "utf-8")
            os.replace(tmp, path)
        except OSError:
            pass
    return _assemble(fold, interference)


def _compute() -> tuple[dict[int, str], list[str]]:
    import opencc

    fold: dict[int, str] = {}
    interference: list[str] = []
    for rng in _SCAN:
        for cp in rng:
            c = chr(cp)
            if c == "\n" or c in BOUNDARY:
                continue
            if c in _BOUNDARY_FOLD:
                fold[cp] = _BOUNDARY_FOLD[c]
                continue
            cat = unicodedata.category(c)
            if cat == "Cn":
                continue
            target = c
            nf = unicodedata.normalize("NFKC", c)
            if len(nf) == 1 and nf != c and unicodedata.category(nf)[0] in "LN":
                target = nf
            low = target.lower()
            if len(low) == 1:
                target = low
            tcat = unicodedata.category(target)
            if _is_interference_category(tcat) or (target != c and target == "\n"):
                interference.append(c)
            elif target != c:
                fold[cp] = target
    # Traditional -> simplified, one character at a time (length preserving).
    han = [chr(cp) for cp in range(0x3400, 0xA000) if unicodedata.category(chr(cp)) == "Lo"]
    han += [chr(cp) for cp in range(0xF900, 0xFB00) if chr(cp) not in interference]
    han += [chr(cp) for cp in range(0x20000, 0x2A6E0) if unicodedata.category(chr(cp)) == "Lo"]
    converter = opencc.OpenCC("t2s")
    src = [fold.get(ord(c), c) for c in han]
    out = converter.convert("\n".join(src)).split("\n")
    if len(out) == len(src):
        for orig, s, t in zip(han, src, out, strict=True):
            if len(t) == 1 and t != s:
                fold[ord(orig)] = t
            elif s != orig:
                fold[ord(orig)] = s
    # A folded character must itself be stable (so patterns and text agree).
    for cp, t in list(fold.items()):
        t2 = fold.get(ord(t))
        if t2 is not None:
            fold[cp] = t2
    return fold, interference


def _assemble(fold: dict[int, str], interference: list[str]) -> _Tables:
    # sre checks a BMP class with one table lookup but astral ranges one by one, so the
    # (rare) astral characters get their own pattern, run only when the text has any.
    bmp = [c for c in interference if ord(c) < 0x10000]
    astral = [c for c in interference if ord(c) >= 0x10000]
    fold_bmp = [chr(cp) for cp in fold if cp < 0x10000]
    fold_astral = [chr(cp) for cp in fold if cp >= 0x10000]
    return _Tables(
        fold=fold,
        interference=frozenset(interference),
        re_interference=re.compile(_char_class(bmp) + "+"),
        re_interference_astral=re.compile(_char_class(astral) + "+"),
        re_fold_run=re.compile(_char_class(fold_bmp) + "+"),
        re_fold_run_astral=re.compile(_char_class(fold_astral) + "+"),
        re_change_run=re.compile(_char_class(bmp + fold_bmp) + "+"),
        re_change_run_astral=re.compile(_char_class(astral + fold_astral) + "+"),
        compact_table={**{ord(c): None for c in interference}, **fold},
    )


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _strip_interference(t: _Tables, s: str) -> str:
    s = t.re_interference.sub("", s)
    if _ASTRAL.search(s):
        s = t.re_interference_astral.sub("", s)
    return s


def interference_runs(
    s: str, start: int = 0, end: int | None = None, *, astral: bool = True
) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) runs of interference characters in s[start:end]
    (*astral*: whether *s* may contain characters outside the BMP)."""
    t = tables()
    end = len(s) if end is None else end
    runs = [m.span() for m in t.re_interference.finditer(s, start, end)]
    if astral and _ASTRAL.search(s, start, end):
        runs += [m.span() for m in t.re_interference_astral.finditer(s, start, end)]
        runs.sort()
        merged: list[tuple[int, int]] = []
        for a, b in runs:
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
            else:
                merged.append((a, b))
        runs = merged
    return runs


def tables() -> _Tables:
    global _TABLES
    if _TABLES is None:
        with _LOCK:
            if _TABLES is None:
                _TABLES = _build()
    return _TABLES


def is_interference(ch: str) -> bool:
    return ch in tables().interference


def fold_text(s: str) -> str:
    """Fold every character of *s* one-to-one (no removal): same length as *s*."""
    t = tables()
    if not t.re_fold_run.search(s) and not (_ASTRAL.search(s) and t.re_fold_run_astral.search(s)):
        return s
    return s.translate(t.fold)


def normalize_pattern(s: str) -> str:
    """The compact form of a rule pattern (term, name, title …)."""
    return fold_text(_strip_interference(tables(), s.replace("\n", "")))


def _compact_pass(pattern: re.Pattern[str], table: dict[int, str | None], text: str) -> str:
    # One regex pass over the text; Python work only per run of characters that change.
    pieces: list[str] = []
    append = pieces.append
    prev = 0
    for m in pattern.finditer(text):
        a = m.start()
        if a > prev:
            append(text[prev:a])
        append(m.group().translate(table))
        prev = m.end()
    if prev == 0:
        return text
    append(text[prev:])
    return "".join(pieces)


def compact_text(text: str, astral: bool | None = None) -> str:
    """Interference removed and every character folded (see the module docstring).
    *astral*: whether *text* has characters outside the BMP (None: find out)."""
    t = tables()
    if astral is None:
        astral = _ASTRAL.search(text) is not None
    compact = _compact_pass(t.re_change_run, t.compact_table, text)
    if astral and _ASTRAL.search(compact):
        compact = _compact_pass(t.re_change_run_astral, t.compact_table, compact)
    return compact


def _newlines(s: str) -> list[int]:
    """Offsets of every ``\\n`` in *s* (C-level split and accumulate)."""
    parts = s.split("\n")
    parts.pop()
    return list(accumulate(map(len, parts), lambda a, b: a + b + 1))


class Normalized:
    """A text, its compact form, and a lazy map from compact offsets to original offsets."""

    __slots__ = ("text", "compact", "astral", "_cnl", "_onl", "_lines")

    def __init__(self, text: str) -> None:
        self.text = text
        self.astral = _ASTRAL.search(text) is not None
        self.compact = compact_text(text, self.astral)
        self._cnl: list[int] | None = None
        self._onl: list[int] | None = None
        self._lines: dict[int, tuple[int, list[int], list[int]]] = {}

    def _line_index(self) -> tuple[list[int], list[int]]:
        if self._cnl is None or self._onl is None:
            self._cnl = _newlines(self.compact)
            self._onl = _newlines(self.text)
        return self._cnl, self._onl

    def line_of(self, ci: int) -> tuple[int, int, int]:
        """(line number, original start, original end) of the line holding compact index *ci*."""
        cnl, onl = self._line_index()
        k = bisect_right(cnl, ci)
        start = onl[k - 1] + 1 if k > 0 else 0
        end = onl[k] if k < len(onl) else len(self.text)
        return k, start, end

    def _line_map(self, k: int) -> tuple[int, list[int], list[int]]:
        got = self._lines.get(k)
        if got is None:
            cnl, onl = self._line_index()
            ostart = onl[k - 1] + 1 if k > 0 else 0
            oend = onl[k] if k < len(onl) else len(self.text)
            cstart = cnl[k - 1] + 1 if k > 0 else 0
            cstarts: list[int] = []
            ostarts: list[int] = []
            c = cstart
            prev = ostart
            for a, b in interference_runs(self.text, ostart, oend, astral=self.astral) + [(oend, oend)]:
                if a > prev:
                    cstarts.append(c)
                    ostarts.append(prev)
                    c += a - prev
                prev = b
            got = (cstart, cstarts, ostarts)
            self._lines[k] = got
        return got

    def positions(self, cs: int, ce: int) -> list[int]:
        """Original offsets of the compact characters cs … ce-1 (which lie on one line)."""
        cnl, _ = self._line_index()
        k = bisect_right(cnl, cs)
        _, cstarts, ostarts = self._line_map(k)
        out: list[int] = []
        r = bisect_right(cstarts, cs) - 1
        c = cs
        nruns = len(cstarts)
        while c < ce:
            run_end = cstarts[r + 1] if r + 1 < nruns else None
            if run_end is not None and c >= run_end:
                r += 1
                continue
            out.append(ostarts[r] + (c - cstarts[r]))
            c += 1
        return out

    def to_orig(self, ci: int) -> int:
        """Original offset of compact character *ci*."""
        cnl = self._cnl if self._cnl is not None else self._line_index()[0]
        _, cstarts, ostarts = self._line_map(bisect_right(cnl, ci))
        r = bisect_right(cstarts, ci) - 1
        return ostarts[r] + (ci - cstarts[r])

    def span(self, cs: int, ce: int) -> tuple[int, int]:
        """Original [start, end) covering compact characters cs … ce-1."""
        return self.to_orig(cs), self.to_orig(ce - 1) + 1
