"""The findings contract: :class:`Finding` and :class:`FileResult`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a text.

    ``start``/``end`` are Python ``str`` offsets (code points) into the screened (extracted)
    text and ``text == extracted[start:end]``.  ``location`` is a human location (page,
    sheet!cell, paragraph) for files other than plain text, otherwise ``None``.
    """

    category: str
    rule: str
    severity: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str | None = None
    location: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "category": self.category,
            "rule": self.rule,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
        }
        if self.location is not None:
            d["location"] = self.location
        return d

    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.start, self.end, self.category, self.rule)


@dataclass(slots=True)
class FileResult:
    """The result of screening one file.

    ``text`` is the extracted text the offsets refer to (for highlighting); ``error`` is a
    Chinese message when the file could not be read (then ``findings`` is empty); ``notes``
    lists parts that were not screened (e.g. images without the OCR extra).
    """

    path: str
    chars: int = 0
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    text: str = ""
    notes: list[str] = field(default_factory=list)
    kind: str = "txt"
    problems: list[Any] = field(default_factory=list)  # extract.Problem: code, message, blocking

    @property
    def complete(self) -> bool:
        """True when every part of the file was screened (no blocking problem, no error)."""
        return self.error is None and not any(p.blocking for p in self.problems)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "path": self.path,
            "chars": self.chars,
            "findings": [f.to_dict() for f in self.findings],
            "error": self.error,
        }
        if self.notes:
            d["notes"] = list(self.notes)
        if self.problems:
            d["problems"] = [p.to_dict() for p in self.problems]
        return d
