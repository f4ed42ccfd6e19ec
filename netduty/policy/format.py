"""The policy pack format: its vocabulary, YAML with line numbers, the parsed pack and its errors.
Pure Python: no database. `loader.parse` validates with `validation.Validator`, which builds on
this module (format ← validation ← loader: no cycle). The format is documented in docs/policy-pack.md.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

FORMAT_VERSION = 1
CODE_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
PACK_CODE_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")

REACHES = ("unit", "subtree", "school")
CHAINS = ("first", "direct", "one_post_two_duties", "none")
CADENCES = ("long_term", "half_year", "quarter", "year", "on_event")
ITEM_KINDS = ("guiding", "key_task", "situation", "method", "team_type", "requirement", "review_check", "principle")
ACTION_RE = re.compile(r"^[a-z_]+(\.[a-z_]+)*$")
SCREENING_KEYS = ("terms", "allow", "expressions", "names", "people", "allowed_domains")
INSTITUTION_KEYS = ("name", "short_names", "wrong_forms", "source_ref")  # data.institution
SECRECY_MODES = ("block", "escalate")  # data.review.secrecy_finding
# Which roles play a function the platform relies on (`data.functions`); the default applies to a
# pack that does not say.
FUNCTION_DEFAULTS: dict[str, tuple[str, ...]] = {
    "propaganda": ("propaganda_office",),  # 党委宣传部: registry approvals, the 宣传部 review stage
    "discipline": ("discipline_office",),  # 纪委
    "unit_head": ("first_responsible", "unit_head"),  # 单位负责人: a unit's permission (first step)
}
FUNCTIONS = tuple(FUNCTION_DEFAULTS)


@dataclass(frozen=True)
class PackIssue:
    filename: str
    line: int
    message: str

    def cli(self) -> str:
        """`FILE:LINE: message`, the form editors and CI understand."""
        return f"{self.filename}:{self.line}: {self.message}"

    def __str__(self) -> str:
        return f"第 {self.line} 行：{self.message}"


class PackError(Exception):
    """A pack could not be parsed, validated or loaded. `issues` lists every problem."""

    def __init__(self, filename: str, issues: list[PackIssue]):
        self.filename = filename
        self.issues = issues
        super().__init__("\n".join(issue.cli() for issue in issues))

    @classmethod
    def single(cls, filename: str, line: int, message: str) -> PackError:
        return cls(filename, [PackIssue(filename, line, message)])


# --- YAML with line numbers -------------------------------------------------------------


class LineDict(dict):
    """A mapping that remembers the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list):
    line: int = 0
    item_lines: list[int]


class _LineLoader(yaml.SafeLoader):
    def __init__(self, stream: str, duplicates: list[tuple[int, str]]):
        super().__init__(stream)
        self.duplicates = duplicates


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in result:
            loader.duplicates.append((key_node.start_mark.line + 1, key))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_yaml(text: str, filename: str = "<pack>") -> Any:
    duplicates: list[tuple[int, str]] = []
    loader = _LineLoader(text, duplicates)
    try:
        return_value = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise PackError.single(filename, line, f"YAML 语法错误：{exc.problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise PackError.single(filename, 1, f"YAML 语法错误：{exc}") from exc
    finally:
        loader.dispose()
    if duplicates:
        raise PackError(filename, [PackIssue(filename, line, f"键“{key}”重复") for line, key in duplicates])
    return return_value


# --- the parsed pack --------------------------------------------------------------------


@dataclass
class ParsedPack:
    code: str
    version: int
    name: str
    effective_from: dt.date
    document: str = ""
    institution: str = ""
    levels: list[dict[str, Any]] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)  # every PolicyItem incl. levels, with "kind"
    data: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # "pack.version" → line, for later messages

    def count(self, kind: str) -> int:
        return sum(1 for item in self.items if item["kind"] == kind)
