"""``netduty screen [--rules FILE] [--format table|json] PATH...`` (``-`` reads stdin).

Runs without Django.  Exit status: 0 when it ran (with or without findings, even if some file
could not be read — that file carries an ``error``), 2 on usage errors (bad options, a rules
file that cannot be loaded).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from .engine import Screener
from .extract import SUPPORTED, Limits
from .findings import FileResult
from .report import to_json, to_table
from .rules import Rules, RulesError


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="netduty screen",
        description="筛查文本与文件中的涉密标志、个人信息、敏感词、错误表述、本单位名称与职务错误、链接。",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="要检查的文件或目录；“-”表示从标准输入读取文本")
    p.add_argument("--rules", action="append", default=[], metavar="FILE",
                   help="规则文件（YAML），可多次指定，与默认规则合并")
    p.add_argument("--no-default-rules", action="store_true", help="不使用默认规则（常见错误表述清单）")
    p.add_argument("--format", choices=("table", "json"), default="table", help="输出格式（默认 table）")
    p.add_argument("--max-size", type=float, default=None, metavar="MB", help="单个文件大小上限（MB，默认 50）")
    p.add_argument("--context", type=int, default=15, metavar="N", help="table 格式中显示的上下文字数")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="table 格式是否着色")
    return p


def _expand(paths: list[str]) -> Iterator[str]:
    for p in paths:
        if p != "-" and os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for name in sorted(files):
                    if Path(name).suffix.lower() in SUPPORTED:
                        yield os.path.join(root, name)
        else:
            yield p


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        rulesets = [] if args.no_default_rules else [Rules.default()]
        for f in args.rules:
            if not Path(f).is_file():
                raise RulesError(f"规则文件不存在：{f}")
            rulesets.append(Rules.from_yaml(Path(f), strict=False))
        rules = Rules.merge(*rulesets)
        for w in rules.warnings:
            print(f"netduty screen: 警告：{w}", file=sys.stderr)
    except RulesError as exc:
        print(f"netduty screen: 错误：{exc}", file=sys.stderr)
        return 2
    limits = Limits()
    if args.max_size is not None:
        if args.max_size <= 0:
            parser.error("--max-size 必须大于 0")
        limits = Limits(max_file_bytes=int(args.max_size * 1_000_000))
    screener = Screener(rules, limits=limits)
    results: list[FileResult] = []
    for path in _expand(args.paths):
        if path == "-":
            data = sys.stdin.buffer.read(limits.max_file_bytes + 1)  # bounded; too much → a per-file error
            results.append(screener.screen_file(data, filename="-"))
        else:
            results.append(screener.screen_file(path))
    if args.format == "json":
        sys.stdout.write(to_json(results) + "\n")
    else:
        color = args.color == "always" or (
            args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        )
        sys.stdout.write(to_table(results, color=color, context=max(0, args.context)))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
