"""The public entry point: :class:`Screener`."""

from __future__ import annotations

import os
from bisect import bisect_right
from pathlib import Path

from .context import Compiled, Context
from .detectors import links, names, pii, secrecy, terms, titles
from .extract import Limits, extract
from .findings import FileResult, Finding
from .rules import Rules

# Texts longer than this are screened in line-aligned chunks (bounded memory for the
# compact text and the match list); no finding can cross a line, so results are identical.
CHUNK_CHARS = 4_000_000


class Screener:
    """Compile a rule set once and screen many texts or files with it.

    A Screener is immutable after construction and safe to share between threads.
    """

    def __init__(self, rules: Rules | None = None, *, limits: Limits | None = None) -> None:
        self.rules = rules if rules is not None else Rules.default()
        self.limits = limits or Limits()
        self._compiled = Compiled.build(self.rules)

    def screen_text(self, text: str) -> list[Finding]:
        """All findings in *text*, sorted by position; offsets index *text* itself."""
        if len(text) <= CHUNK_CHARS:
            return self._screen(text)
        out: list[Finding] = []
        start = 0
        n = len(text)
        while start < n:
            end = min(n, start + CHUNK_CHARS)
            if end < n:
                nl = text.rfind("\n", start, end)
                if nl > start:
                    end = nl + 1
                else:
                    nl = text.find("\n", end)
                    end = n if nl == -1 else nl + 1
            for f in self._screen(text[start:end]):
                out.append(Finding(f.category, f.rule, f.severity, f.start + start, f.end + start,
                                   f.text, f.message, f.suggestion, f.location))
            start = end
        return out

    def _screen(self, text: str) -> list[Finding]:
        if not text:
            return []
        ctx = Context.make(text, self._compiled)
        found: list[Finding] = []
        found += secrecy.detect(ctx)
        found += pii.detect(ctx)
        found += links.detect(ctx)
        found += terms.detect_terms(ctx)
        name_found = names.detect(ctx)
        exprs = terms.detect_expressions(ctx)
        if name_found and exprs:
            # One misspelling, one finding: 马克思主意学院 is a misspelt unit name, not also an
            # expression error.
            exprs = [x for x in exprs if not any(n.start <= x.start and x.end <= n.end for n in name_found)]
        found += exprs
        found += name_found
        found += titles.detect(ctx)
        found.sort(key=Finding.sort_key)
        seen: set[tuple[str, int, int]] = set()
        out: list[Finding] = []
        for f in found:
            key = (f.category, f.start, f.end)
            if key not in seen:
                seen.add(key)
                out.append(f)
        return out

    def screen_file(
        self, source: str | os.PathLike[str] | bytes, filename: str | None = None
    ) -> FileResult:
        """Extract the text of a file (path or bytes) and screen it.

        Never raises for a bad file: unreadable, corrupt, encrypted or oversized input gives a
        :class:`FileResult` whose ``error`` says why (in Chinese).
        """
        if isinstance(source, bytes):
            path = filename or "<bytes>"
        else:
            path = str(source) if filename is None else filename
        ex = extract(source if isinstance(source, bytes) else Path(source), filename, self.limits)
        result = FileResult(path=path, chars=len(ex.text), text=ex.text, error=ex.error,
                            notes=list(ex.notes), kind=ex.kind, problems=list(ex.problems))
        if ex.error is not None:
            return result
        found = self.screen_text(ex.text)
        if ex.kind != "txt":
            starts = [s for s, _ in ex.segments]
            labels = [label for _, label in ex.segments]
            located = []
            for f in found:
                i = bisect_right(starts, f.start) - 1
                loc = labels[i] if i >= 0 else (labels[0] if labels else "")
                located.append(Finding(f.category, f.rule, f.severity, f.start, f.end, f.text,
                                       f.message, f.suggestion, loc))
            found = located
        result.findings = found
        return result


def screen_text(text: str, rules: Rules | None = None) -> list[Finding]:
    """Convenience wrapper: screen one text with *rules* (default rules when None)."""
    return Screener(rules).screen_text(text)
