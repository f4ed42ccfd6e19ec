"""Shared types for extraction: limits, the result, and a text builder with a size cap."""

from __future__ import annotations

from dataclasses import dataclass, field


class ExtractError(Exception):
    """A file cannot be screened; the message (Chinese) goes into ``FileResult.error``."""


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


@dataclass
class Extracted:
    kind: str
    text: str = ""
    segments: list[tuple[int, str]] = field(default_factory=list)
    error: str | None = None
    notes: list[str] = field(default_factory=list)

    @classmethod
    def failed(cls, kind: str, error: str) -> Extracted:
        return cls(kind=kind, error=error)


class TextBuilder:
    """Collects labelled blocks joined by newlines, enforcing ``max_chars``."""

    def __init__(self, limits: Limits) -> None:
        self.parts: list[str] = []
        self.segments: list[tuple[int, str]] = []
        self.length = 0
        self.limit = limits.max_chars

    def add(self, text: str, label: str) -> None:
        if self.parts:
            self.parts.append("\n")
            self.length += 1
        self.segments.append((self.length, label))
        self.parts.append(text)
        self.length += len(text)
        if self.length > self.limit:
            raise ExtractError(f"提取的文字过多（超过 {self.limit} 字符的上限）")

    def result(self, kind: str, notes: list[str] | None = None) -> Extracted:
        return Extracted(kind=kind, text="".join(self.parts), segments=self.segments, notes=notes or [])
