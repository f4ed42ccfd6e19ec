"""Rule sets: loading (YAML file, dict), validation with clear errors, and merging.

The YAML keys are the ones the policy pack's ``screening:`` mapping uses::

    terms:
      - {category: sensitive, severity: high, words: [...]}
    allow: [...]
    expressions:
      - {wrong: 中华人民共合国, right: 中华人民共和国}
    names: [...]
    people:
      - {name: 张三, titles: [党委书记]}
    allowed_domains: [...]
    wrong_names:                      # known wrong forms of the institution's names
      - {wrong: 湘中师院, right: 湘中师范学院}
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

SEVERITIES = ("high", "medium", "low")
KEYS = ("terms", "allow", "expressions", "names", "people", "allowed_domains", "wrong_names")
_CATEGORY_RE = re.compile(r"^[^\s.]+$")  # any word (中文 too), no whitespace or dots
_DOMAIN_RE = re.compile(r"^(?:\*\.)?[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)*$")


class RulesError(ValueError):
    """A rules file or mapping is invalid; the message names the key path (in Chinese)."""


@dataclass(frozen=True)
class TermGroup:
    category: str
    words: tuple[str, ...]
    severity: str = "medium"
    message: str | None = None
    suggestion: str | None = None


@dataclass(frozen=True)
class Expression:
    wrong: str
    right: str
    severity: str = "medium"
    message: str | None = None


@dataclass(frozen=True)
class Person:
    name: str
    titles: tuple[str, ...]


def _dedupe(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


@dataclass(frozen=True)
class Rules:
    terms: tuple[TermGroup, ...] = ()
    allow: tuple[str, ...] = ()
    expressions: tuple[Expression, ...] = ()
    names: tuple[str, ...] = ()
    people: tuple[Person, ...] = ()
    allowed_domains: tuple[str, ...] = ()
    wrong_names: tuple[Expression, ...] = ()
    sources: tuple[str, ...] = field(default=(), compare=False)
    warnings: tuple[str, ...] = field(default=(), compare=False)

    # ---- construction -------------------------------------------------------------------
    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None, source: str = "规则", *, strict: bool = True) -> Rules:
        """Build and validate rules from a mapping using the YAML keys (all optional).

        With ``strict=False`` unknown keys (top level or inside an entry) are ignored and
        reported in ``rules.warnings`` instead of raising; every other problem still raises.
        """
        if data is None:
            return cls(sources=(source,))
        if not isinstance(data, Mapping):
            raise RulesError(f"{source}：顶层必须是映射（键：{'、'.join(KEYS)}）")
        v = _Validator(source, strict)
        for key in data:
            if key not in KEYS:
                v.unknown(str(key), "顶层", KEYS)
        return cls(
            terms=tuple(v.term_group(g, f"terms[{i}]") for i, g in enumerate(v.seq(data, "terms"))),
            allow=_dedupe(v.string(s, f"allow[{i}]") for i, s in enumerate(v.seq(data, "allow"))),
            expressions=tuple(
                v.expression(e, f"expressions[{i}]") for i, e in enumerate(v.seq(data, "expressions"))
            ),
            names=_dedupe(v.string(s, f"names[{i}]") for i, s in enumerate(v.seq(data, "names"))),
            people=_merge_people(v.person(p, f"people[{i}]") for i, p in enumerate(v.seq(data, "people"))),
            allowed_domains=_dedupe(
                v.domain(s, f"allowed_domains[{i}]") for i, s in enumerate(v.seq(data, "allowed_domains"))
            ),
            wrong_names=tuple(
                v.expression(e, f"wrong_names[{i}]") for i, e in enumerate(v.seq(data, "wrong_names"))
            ),
            sources=(source,),
            warnings=tuple(v.warnings),
        )

    @classmethod
    def from_yaml(cls, text_or_path: str | os.PathLike[str], *, strict: bool = True) -> Rules:
        """Load rules from a YAML file path, or from YAML text (a string that is not an
        existing file and contains a newline or ``:``, or starts with ``{``/``[``/``#``, or is
        empty, is treated as YAML text; any other string must name an existing file)."""
        import yaml

        source = "规则文本"
        if isinstance(text_or_path, os.PathLike) or (
            isinstance(text_or_path, str) and "\n" not in text_or_path and Path(text_or_path).is_file()
        ):
            path = Path(text_or_path)
            source = str(path)
            try:
                text = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                raise RulesError(f"{source}：无法读取规则文件（{exc}）") from exc
        elif isinstance(text_or_path, str) and not (
            "\n" in text_or_path or ":" in text_or_path or text_or_path.strip()[:1] in ("", "{", "[", "#")
        ):
            raise RulesError(f"规则文件不存在：{text_or_path}")
        else:
            text = str(text_or_path)
        try:
            # libyaml's C loader when available: a 10k-term rules file loads ~10× faster.
            data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError as exc:
            raise RulesError(f"{source}：YAML 格式错误：{exc}") from exc
        return cls.from_dict(data, source=source, strict=strict)

    @classmethod
    def default(cls) -> Rules:
        """The shipped defaults: a curated list of common official-writing errors."""
        text = resources.files("netduty.screening").joinpath("default_rules.yaml").read_text("utf-8")
        rules = cls.from_yaml(text)
        return cls(**{**rules.__dict__, "sources": ("默认规则",)})

    @classmethod
    def empty(cls) -> Rules:
        return cls()

    # ---- merging --------------------------------------------------------------------------
    @classmethod
    def merge(cls, *rulesets: Rules) -> Rules:
        """Union of several rule sets; people with the same name get the union of titles."""
        return cls(
            terms=tuple(g for r in rulesets for g in r.terms),
            allow=_dedupe(s for r in rulesets for s in r.allow),
            expressions=tuple({e.wrong: e for r in rulesets for e in r.expressions}.values()),
            names=_dedupe(s for r in rulesets for s in r.names),
            people=_merge_people(p for r in rulesets for p in r.people),
            allowed_domains=_dedupe(s for r in rulesets for s in r.allowed_domains),
            wrong_names=tuple({e.wrong: e for r in rulesets for e in r.wrong_names}.values()),
            sources=tuple(s for r in rulesets for s in r.sources),
            warnings=tuple(w for r in rulesets for w in r.warnings),
        )

    def merged(self, *others: Rules) -> Rules:
        return Rules.merge(self, *others)

    def to_dict(self) -> dict[str, Any]:
        """The YAML/dict form (round-trips through :meth:`from_dict`)."""

        def opt(d: dict[str, Any]) -> dict[str, Any]:
            return {k: v for k, v in d.items() if v is not None}

        out: dict[str, Any] = {
            "terms": [
                opt({"category": g.category, "severity": g.severity, "words": list(g.words),
                     "message": g.message, "suggestion": g.suggestion})
                for g in self.terms
            ],
            "allow": list(self.allow),
            "expressions": [
                opt({"wrong": e.wrong, "right": e.right, "severity": e.severity, "message": e.message})
                for e in self.expressions
            ],
            "names": list(self.names),
            "people": [{"name": p.name, "titles": list(p.titles)} for p in self.people],
            "allowed_domains": list(self.allowed_domains),
        }
        if self.wrong_names:
            out["wrong_names"] = [
                opt({"wrong": e.wrong, "right": e.right, "severity": e.severity, "message": e.message})
                for e in self.wrong_names
            ]
        return out


def _merge_people(people: Iterable[Person]) -> tuple[Person, ...]:
    by_name: dict[str, list[str]] = {}
    for p in people:
        by_name.setdefault(p.name, []).extend(p.titles)
    return tuple(Person(name, _dedupe(titles)) for name, titles in by_name.items())


_SEVERITY_ALIASES = {"高": "high", "中": "medium", "低": "low"}
# Annotation keys a rules author may add to any entry; they are ignored.
_NOTE_KEYS = ("note", "comment", "description", "source", "id")


class _Validator:
    def __init__(self, source: str, strict: bool = True) -> None:
        self.source = source
        self.strict = strict
        self.warnings: list[str] = []

    def unknown(self, key: str, where: str, allowed: tuple[str, ...]) -> None:
        msg = f"{self.source}：{where}：未知的键“{key}”（可用：{'、'.join(allowed)}）"
        if self.strict:
            raise RulesError(msg)
        self.warnings.append(msg + "，已忽略")

    def fail(self, where: str, what: str) -> RulesError:
        return RulesError(f"{self.source}：{where}：{what}")

    def seq(self, data: Mapping[str, Any], key: str) -> list[Any]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(key, "必须是列表")
        return value

    def string(self, value: Any, where: str, *, allow_empty: bool = False) -> str:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise self.fail(where, f"必须是字符串，实际是 {type(value).__name__}")
        value = value.strip()
        if not value and not allow_empty:
            raise self.fail(where, "不能为空")
        if "\n" in value:
            raise self.fail(where, "不能包含换行")
        return value

    def mapping(self, value: Any, where: str, allowed: tuple[str, ...], required: tuple[str, ...]) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(where, f"必须是映射（键：{'、'.join(allowed)}）")
        for key in value:
            if key not in allowed and key not in _NOTE_KEYS:
                self.unknown(str(key), where, allowed)
        for key in required:
            if value.get(key) in (None, "", []):
                raise self.fail(where, f"缺少“{key}”")
        return value

    def severity(self, value: Any, where: str, default: str) -> str:
        if value is None:
            return default
        if isinstance(value, str):
            value = _SEVERITY_ALIASES.get(value.strip(), value.strip().lower())
        if value not in SEVERITIES:
            raise self.fail(where, f"severity 必须是 {'/'.join(SEVERITIES)} 之一，实际是“{value}”")
        return str(value)

    def optional(self, value: Any, where: str) -> str | None:
        return None if value is None else self.string(value, where)

    def term_group(self, value: Any, where: str) -> TermGroup:
        g = self.mapping(value, where, ("category", "severity", "words", "message", "suggestion"), ("category",))
        category = self.string(g["category"], f"{where}.category")
        if not _CATEGORY_RE.match(category):
            raise self.fail(f"{where}.category", f"不能包含空白或“.”，实际是“{category}”")
        words_raw = g.get("words") or []
        if isinstance(words_raw, str):
            words_raw = [words_raw]
        if not isinstance(words_raw, list):
            raise self.fail(f"{where}.words", "必须是列表")
        words = _dedupe(self.string(w, f"{where}.words[{i}]") for i, w in enumerate(words_raw))
        from .normalize import normalize_pattern

        for i, w in enumerate(words):
            if not any(ch.isalnum() for ch in normalize_pattern(w)):
                raise self.fail(f"{where}.words[{i}]", f"“{w}”只由空白或标点组成，无法匹配")
        return TermGroup(
            category=category,
            words=words,
            severity=self.severity(g.get("severity"), f"{where}.severity", "medium"),
            message=self.optional(g.get("message"), f"{where}.message"),
            suggestion=self.optional(g.get("suggestion"), f"{where}.suggestion"),
        )

    def expression(self, value: Any, where: str) -> Expression:
        e = self.mapping(value, where, ("wrong", "right", "severity", "message"), ("wrong", "right"))
        wrong = self.string(e["wrong"], f"{where}.wrong")
        right = self.string(e["right"], f"{where}.right")
        from .normalize import normalize_pattern

        if normalize_pattern(wrong) == normalize_pattern(right):
            raise self.fail(where, f"wrong 与 right 规范化后相同（“{wrong}”）")
        if not any(ch.isalnum() for ch in normalize_pattern(wrong)):
            raise self.fail(f"{where}.wrong", "只由空白或标点组成，无法匹配")
        return Expression(
            wrong=wrong,
            right=right,
            severity=self.severity(e.get("severity"), f"{where}.severity", "medium"),
            message=self.optional(e.get("message"), f"{where}.message"),
        )

    def person(self, value: Any, where: str) -> Person:
        p = self.mapping(value, where, ("name", "titles", "title"), ("name",))
        titles_raw = p.get("titles") or p.get("title") or []
        if isinstance(titles_raw, str):
            titles_raw = [titles_raw]
        if not isinstance(titles_raw, list):
            raise self.fail(f"{where}.titles", "必须是列表")
        return Person(
            name=self.string(p["name"], f"{where}.name"),
            titles=_dedupe(self.string(t, f"{where}.titles[{i}]") for i, t in enumerate(titles_raw)),
        )

    def domain(self, value: Any, where: str) -> str:
        d = self.string(value, where).lower().rstrip(".")
        if d.startswith("http://") or d.startswith("https://"):
            raise self.fail(where, f"只写域名，不要写协议（“{d}”）")
        if not _DOMAIN_RE.match(d):
            raise self.fail(where, f"不是合法的域名：“{d}”")
        return d.removeprefix("*.")
