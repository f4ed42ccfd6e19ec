"""Shared types for extraction: limits, the result, problems, and a bounded text builder."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

# Machine codes of extraction problems (stable; the platform maps them to findings).  The
# person reads ``Problem.message`` (Chinese), never the code.
PROBLEM_CODES = (
    "too_large",        # the file is over max_file_bytes
    "unreadable",       # missing, a directory, a device, an OS error
    "unsupported",      # a kind we do not read (.doc, a plain zip …)
    "corrupt",          # broken zip/XML/PDF, bad encoding
    "encrypted",        # password-protected
    "zip_bomb",         # total size, ratio, member count, member larger than declared
    "over_budget",      # more text/cells/pages than the limits: the rest was not screened
    "timeout",          # max_seconds elapsed: the rest was not screened
    "ocr_unavailable",  # images present but the OCR extra is not installed: 未识别图片文字
    "ocr_failed",       # an image could not be recognised
    "no_text_layer",    # PDF pages without text and no OCR
    "hidden_text",      # HTML elements hidden from readers (left out; informative)
)


@dataclass(frozen=True)
class Problem:
    """Why (part of) a file was not screened.

    ``blocking`` is True when some content of the file was *not* screened (the platform must
    not treat the file as clean: h4's review turns it into a blocking finding); False for an
    informative note.
    """

    code: str
    message: str
    blocking: bool = True

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "message": self.message, "blocking": self.blocking}


class ExtractError(Exception):
    """A file cannot be screened; the message (Chinese) goes into ``FileResult.error``."""

    def __init__(self, message: str, code: str = "corrupt") -> None:
        super().__init__(message)
        self.code = code


class Stop(Exception):
    """Extraction stopped early (budget or time); ``builder`` holds what was read so far."""

    def __init__(self, builder: TextBuilder, problem: Problem) -> None:
        super().__init__(problem.message)
        self.builder = builder
        self.problem = problem


@dataclass(frozen=True)
class Limits:
    """Resource limits for one file (all configurable)."""

    max_file_bytes: int = 50_000_000
    max_unzipped_bytes: int = 300_000_000
    max_member_ratio: int = 200  # uncompressed/compressed, for members over 1 MB
    max_zip_members: int = 20_000
    max_chars: int = 20_000_000
    max_cells: int = 2_000_000
    max_pages: int = 3_000
    max_images: int = 200
    max_seconds: float = 60.0  # per file, extraction (checked between blocks, cells, pages, images)


@dataclass
class Extracted:
    kind: str
    text: str = ""
    segments: list[tuple[int, str]] = field(default_factory=list)
    error: str | None = None
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def failed(cls, kind: str, error: str, code: str = "corrupt") -> Extracted:
        return cls(kind=kind, error=error, problems=[Problem(code, error, True)])


class TextBuilder:
    """Collects labelled blocks joined by newlines within a character budget and a deadline.

    When ``max_chars`` is reached the block is cut at the budget and :class:`Stop` is raised
    (code ``over_budget``); when ``max_seconds`` has elapsed, :class:`Stop` with ``timeout``.
    """

    def __init__(self, limits: Limits) -> None:
        self.parts: list[str] = []
        self.segments: list[tuple[int, str]] = []
        self.length = 0
        self.limit = limits.max_chars
        self.deadline = time.monotonic() + limits.max_seconds
        self.max_seconds = limits.max_seconds

    def add(self, text: str, label: str) -> None:
        if self.parts:
            self.parts.append("\n")
            self.length += 1
        self.segments.append((self.length, label))
        room = self.limit - self.length
        if len(text) > room:
            self.parts.append(text[: max(room, 0)])
            self.length += max(room, 0)
            raise Stop(self, Problem("over_budget", f"提取的文字超过 {self.limit} 字符的上限，其后的内容未经检查"))
        self.parts.append(text)
        self.length += len(text)
        self.check_time()

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise Stop(self, Problem("timeout", f"提取超过 {self.max_seconds:g} 秒的时限，其后的内容未经检查"))

    def result(self, kind: str, notes: list[str] | None = None, problems: list[Problem] | None = None) -> Extracted:
        return Extracted(kind=kind, text="".join(self.parts), segments=self.segments, notes=notes or [],
                         problems=list(problems or []))
