"""Human-readable (table) and JSON rendering of screening results."""

from __future__ import annotations

import json
from collections.abc import Iterable

from .findings import FileResult, Finding

_SEV_LABEL = {"high": "高", "medium": "中", "low": "低"}
_SEV_COLOR = {"high": "\033[1;31m", "medium": "\033[33m", "low": "\033[36m"}
_RESET = "\033[0m"
_HL = "\033[1;7m"
_DIM = "\033[2m"


def to_json(results: Iterable[FileResult]) -> str:
    return json.dumps({"files": [r.to_dict() for r in results]}, ensure_ascii=False, indent=2)


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return line, col


def _flat(s: str) -> str:
    return s.replace("\r", "␍").replace("\n", "⏎").replace("\t", " ")


def _finding_lines(text: str, f: Finding, color: bool, context: int) -> list[str]:
    sev = _SEV_LABEL.get(f.severity, f.severity)
    line, col = _line_col(text, f.start)
    where = f.location or f"第{line}行第{col}列"
    head = f"  [{sev}] {f.category:<16} {where}  “{_flat(f.text)}”"
    if color:
        head = f"  {_SEV_COLOR.get(f.severity, '')}[{sev}]{_RESET} {f.category:<16} {where}  “{_flat(f.text)}”"
    out = [head, f"        {f.message}"]
    if f.suggestion:
        out.append(f"        建议：{f.suggestion}")
    before = _flat(text[max(0, f.start - context) : f.start])
    after = _flat(text[f.end : f.end + context])
    mid = _flat(text[f.start : f.end])
    if color:
        out.append(f"        {_DIM}…{before}{_RESET}{_HL}{mid}{_RESET}{_DIM}{after}…{_RESET}")
    else:
        out.append(f"        …{before}【{mid}】{after}…")
    return out


def to_table(results: Iterable[FileResult], *, color: bool = False, context: int = 15) -> str:
    lines: list[str] = []
    total = 0
    nfiles = 0
    for r in results:
        nfiles += 1
        total += len(r.findings)
        title = f"{r.path}（{r.chars} 字）"
        if color:
            title = f"\033[1m{title}{_RESET}"
        if r.error:
            lines.append(f"{title}  错误：{r.error}")
        elif not r.findings:
            lines.append(f"{title}  未发现问题")
        else:
            lines.append(f"{title}  {len(r.findings)} 处问题")
        for note in r.notes:
            lines.append(f"  注意：{note}")
        for f in r.findings:
            lines.extend(_finding_lines(r.text, f, color, context))
        lines.append("")
    lines.append(f"共检查 {nfiles} 个文件，发现 {total} 处问题。")
    return "\n".join(lines) + "\n"
