"""Validation of a parsed policy pack document (see loader.parse). Collects every problem."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .format import (
    ACTION_RE,
    CADENCES,
    CHAINS,
    CODE_RE,
    FORMAT_VERSION,
    FUNCTIONS,
    INSTITUTION_KEYS,
    ITEM_KINDS,
    PACK_CODE_RE,
    REACHES,
    SCREENING_KEYS,
    SECRECY_MODES,
    LineDict,
    LineList,
    PackIssue,
    ParsedPack,
)

# The platform (permission engine, org, review, …) looks these role codes up by name.
REQUIRED_ROLES = (
    "first_responsible", "direct_responsible", "team_member", "unit_head", "dept_head",
    "info_officer", "commentator", "propaganda_office", "discipline_office", "school_leader",
)
TOP_KEYS = ("format", "pack", "levels", "roles", "tasks", "items", "data")
PACK_KEYS = ("code", "version", "name", "document", "institution", "effective_from")
LEVEL_KEYS = ("code", "name", "text", "unit_kinds", "source_ref")
ROLE_KEYS = ("code", "name", "holder", "description", "reach", "single_holder", "chain", "actions", "source_ref")
TASK_KEYS = ("code", "row", "item", "content", "level", "cadence", "cadence_text", "min_count", "count_of",
             "evidence", "source_ref")
ITEM_BASE_KEYS = ("code", "title", "text", "source_ref")


def plain(value: Any) -> Any:
    """LineDict/LineList → dict/list, dates → ISO strings: what a JSONField stores."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class Validator:
    def __init__(self, filename: str):
        self.filename = filename
        self.issues: list[PackIssue] = []

    # -- helpers ---------------------------------------------------------------------------

    def err(self, line: int, message: str) -> None:
        self.issues.append(PackIssue(self.filename, line or 1, message))

    @staticmethod
    def line(mapping: Any, key: str | None = None) -> int:
        if isinstance(mapping, LineDict):
            if key is not None and key in mapping.key_lines:
                return mapping.key_lines[key]
            return mapping.line
        if isinstance(mapping, LineList):
            return mapping.line
        return 1

    def mapping(self, value: Any, line: int, what: str) -> bool:
        if not isinstance(value, dict):
            self.err(line, f"{what} 必须是映射（键: 值）")
            return False
        return True

    def seq(self, value: Any, line: int, what: str) -> bool:
        if not isinstance(value, list):
            self.err(line, f"{what} 必须是列表")
            return False
        return True

    def keys(self, m: LineDict, allowed: tuple[str, ...], required: tuple[str, ...], where: str) -> None:
        for key in m:
            if key not in allowed:
                self.err(self.line(m, key), f"{where} 中有未知的键“{key}”（可用：{'、'.join(allowed)}）")
        for key in required:
            if key not in m or m[key] is None or m[key] == "":
                self.err(m.line, f"{where} 缺少必填项“{key}”")

    def text(self, m: LineDict, key: str, where: str, required: bool = False) -> str:
        value = m.get(key)
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.err(self.line(m, key), f"{where} 的 {key} 必须是文字")
            return ""
        return str(value).strip()

    def code(self, m: LineDict, where: str, seen: dict[str, int]) -> str:
        value = m.get("code")
        if value is None:
            return ""
        value = str(value)
        line = self.line(m, "code")
        if not CODE_RE.match(value):
            self.err(line, f"{where} 的代码“{value}”不合规：只能用小写字母、数字、下划线和连字符，最长 64 个字符")
        elif value in seen:
            self.err(line, f"{where} 的代码“{value}”重复（第 {seen[value]} 行已使用）")
        else:
            seen[value] = line
        return value

    def choice(self, m: LineDict, key: str, choices: tuple[str, ...], where: str) -> str:
        value = m.get(key)
        if value is None:
            return ""
        if value not in choices:
            self.err(self.line(m, key), f"{where} 的 {key} 必须是 {'/'.join(choices)}，而不是“{value}”")
            return ""
        return str(value)

    def str_list(self, m: LineDict, key: str, where: str) -> list[str]:
        value = m.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.err(self.line(m, key), f"{where} 的 {key} 必须是非空文字组成的列表")
            return []
        return [v.strip() for v in value]

    def positive_int(self, m: LineDict, key: str, where: str) -> int | None:
        value = m.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.err(self.line(m, key), f"{where} 的 {key} 必须是正整数，而不是“{value}”")
            return None
        return value

    def entries(self, doc: LineDict, key: str, what: str) -> list[LineDict]:
        value = doc.get(key)
        line = self.line(doc, key)
        if value is None:
            return []
        if not self.seq(value, line, what):
            return []
        out = []
        for i, entry in enumerate(value):
            entry_line = value.item_lines[i] if isinstance(value, LineList) else line
            if self.mapping(entry, entry_line, f"{what} 第 {i + 1} 项"):
                out.append(entry)
        return out

    # -- sections --------------------------------------------------------------------------

    def pack(self, doc: Any) -> ParsedPack | None:
        if not isinstance(doc, LineDict):
            self.err(1, "制度包的顶层必须是映射（format、pack、roles、tasks、items……）")
            return None
        self.keys(doc, TOP_KEYS, ("pack", "roles", "tasks"), "制度包")
        fmt = doc.get("format", FORMAT_VERSION)
        if fmt != FORMAT_VERSION:
            self.err(self.line(doc, "format"), f"format 必须是 {FORMAT_VERSION}（本程序支持的格式版本），而不是“{fmt}”")
        meta = doc.get("pack")
        parsed = ParsedPack(code="", version=0, name="", effective_from=dt.date.min)
        if meta is not None and self.mapping(meta, self.line(doc, "pack"), "pack"):
            self.meta(meta, parsed)
        parsed.levels = self.levels(doc)
        level_codes = {level["code"] for level in parsed.levels}
        parsed.roles = self.roles(doc)
        parsed.tasks = self.tasks(doc, level_codes)
        parsed.items = [{**level, "kind": "level"} for level in parsed.levels] + self.items(doc)
        parsed.data = self.data(doc, parsed)
        return parsed

    def meta(self, meta: LineDict, parsed: ParsedPack) -> None:
        self.keys(meta, PACK_KEYS, ("code", "version", "name", "effective_from"), "pack")
        code = str(meta.get("code") or "")
        if code and not PACK_CODE_RE.match(code):
            self.err(self.line(meta, "code"), f"pack.code“{code}”不合规：只能用小写字母、数字、下划线和连字符")
        parsed.code = code
        parsed.version = self.positive_int(meta, "version", "pack") or 0
        parsed.name = self.text(meta, "name", "pack")[:200]
        parsed.document = self.text(meta, "document", "pack")[:100]
        parsed.institution = self.text(meta, "institution", "pack")[:200]
        eff = meta.get("effective_from")
        if isinstance(eff, str):
            try:
                eff = dt.date.fromisoformat(eff)
            except ValueError:
                eff = None
        if isinstance(eff, dt.datetime):
            eff = eff.date()
        if "effective_from" in meta and not isinstance(eff, dt.date):
            self.err(self.line(meta, "effective_from"), "pack.effective_from 必须是日期，如 2018-09-20")
        elif isinstance(eff, dt.date):
            parsed.effective_from = eff
        parsed.lines = {"pack": meta.line, "pack.version": self.line(meta, "version")}

    def levels(self, doc: LineDict) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        seen: dict[str, int] = {}
        for m in self.entries(doc, "levels", "levels"):
            self.keys(m, LEVEL_KEYS, ("code", "name", "unit_kinds", "source_ref"), "责任层级")
            out.append({
                "code": self.code(m, "责任层级", seen),
                "title": self.text(m, "name", "责任层级")[:200],
                "text": self.text(m, "text", "责任层级"),
                "source_ref": self.text(m, "source_ref", "责任层级")[:100],
                "data": {"unit_kinds": self.str_list(m, "unit_kinds", "责任层级")},
                "line": m.line,
            })
        return out

    def roles(self, doc: LineDict) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        seen: dict[str, int] = {}
        for m in self.entries(doc, "roles", "roles"):
            self.keys(m, ROLE_KEYS, ("code", "name", "reach", "chain", "actions"), "角色")
            single = m.get("single_holder", False)
            if not isinstance(single, bool):
                self.err(self.line(m, "single_holder"), f"角色的 single_holder 必须是 true 或 false，而不是“{single}”")
            actions = self.str_list(m, "actions", "角色")
            for action in actions:
                if not ACTION_RE.match(action):
                    self.err(self.line(m, "actions"), f"角色的动作“{action}”不合规（形如 view、review.decide）")
            out.append({
                "code": self.code(m, "角色", seen),
                "name": self.text(m, "name", "角色")[:100],
                "holder": self.text(m, "holder", "角色")[:200],
                "description": self.text(m, "description", "角色"),
                "reach": self.choice(m, "reach", REACHES, "角色"),
                "single_holder": bool(single) if isinstance(single, bool) else False,
                "chain": self.choice(m, "chain", CHAINS, "角色") or "none",
                "actions": actions,
                "source_ref": self.text(m, "source_ref", "角色")[:100],
                "line": m.line,
            })
        if "roles" in doc and isinstance(doc["roles"], list):
            missing = [code for code in REQUIRED_ROLES if code not in seen]
            if missing:
                self.err(self.line(doc, "roles"),
                         f"缺少平台必需的角色：{'、'.join(missing)}（权限引擎和其他功能按这些代码查找角色）")
        return out

    def tasks(self, doc: LineDict, level_codes: set[str]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        seen: dict[str, int] = {}
        for m in self.entries(doc, "tasks", "tasks"):
            self.keys(m, TASK_KEYS, ("code", "item", "content", "level", "cadence", "source_ref"), "重点任务")
            level = self.text(m, "level", "重点任务")
            if level and level not in level_codes:
                self.err(self.line(m, "level"), f"重点任务的 level“{level}”不在 levels 中（可用：{'、'.join(sorted(level_codes)) or '无'}）")
            min_count = self.positive_int(m, "min_count", "重点任务")
            count_of = self.text(m, "count_of", "重点任务")[:64]
            if min_count and not count_of:
                self.err(self.line(m, "min_count"), "重点任务写了 min_count 就必须写 count_of（计数的记录类型）")
            out.append({
                "code": self.code(m, "重点任务", seen),
                "row": self.positive_int(m, "row", "重点任务"),
                "item": self.text(m, "item", "重点任务")[:100],
                "content": self.text(m, "content", "重点任务"),
                "level": level,
                "cadence": self.choice(m, "cadence", CADENCES, "重点任务"),
                "cadence_text": self.text(m, "cadence_text", "重点任务")[:32],
                "min_count": min_count,
                "count_of": count_of,
                "evidence": self.str_list(m, "evidence", "重点任务"),
                "source_ref": self.text(m, "source_ref", "重点任务")[:100],
                "line": m.line,
            })
        return out

    def items(self, doc: LineDict) -> list[dict[str, Any]]:
        section = doc.get("items")
        if section is None or not self.mapping(section, self.line(doc, "items"), "items"):
            return []
        out: list[dict[str, Any]] = []
        for kind in section:
            if kind not in ITEM_KINDS:
                self.err(self.line(section, kind), f"items 中的类别“{kind}”未知（可用：{'/'.join(ITEM_KINDS)}）")
                continue
            seen: dict[str, int] = {}
            for m in self.entries(section, kind, f"items.{kind}"):
                for key in ("code", "title", "source_ref"):
                    if m.get(key) in (None, ""):
                        self.err(m.line, f"items.{kind} 的条目缺少必填项“{key}”")
                out.append({
                    "kind": kind,
                    "code": self.code(m, f"items.{kind}", seen),
                    "title": self.text(m, "title", f"items.{kind}")[:200],
                    "text": self.text(m, "text", f"items.{kind}"),
                    "source_ref": self.text(m, "source_ref", f"items.{kind}")[:100],
                    "data": plain({k: v for k, v in m.items() if k not in ITEM_BASE_KEYS}),
                    "line": m.line,
                })
        return out

    def data(self, doc: LineDict, parsed: ParsedPack) -> dict[str, Any]:
        data = doc.get("data")
        if data is None:
            return {}
        if not self.mapping(data, self.line(doc, "data"), "data"):
            return {}
        role_codes = {role["code"] for role in parsed.roles}
        checks = {item["code"] for item in parsed.items if item["kind"] == "review_check"}
        review = data.get("review")
        if review is not None and self.mapping(review, self.line(data, "review"), "data.review"):
            stages = review.get("stages", [])
            for i, stage in enumerate(self.entries(review, "stages", "data.review.stages") if stages else []):
                for key in ("code", "name", "roles"):
                    if key not in stage:
                        self.err(stage.line, f"审核阶段第 {i + 1} 项缺少“{key}”")
                for code in self.str_list(stage, "roles", "审核阶段"):
                    if code not in role_codes:
                        self.err(self.line(stage, "roles"), f"审核阶段引用了不存在的角色“{code}”")
            for code in self.str_list(review, "checklist", "data.review"):
                if code not in checks:
                    self.err(self.line(review, "checklist"), f"data.review.checklist 引用了不存在的审查要点“{code}”")
        functions = data.get("functions")
        if functions is not None and self.mapping(functions, self.line(data, "functions"), "data.functions"):
            for key in functions:
                if key not in FUNCTIONS:
                    self.err(self.line(functions, key), f"data.functions 中有未知的职能“{key}”（可用：{'、'.join(FUNCTIONS)}）")
                    continue
                codes = [functions[key]] if isinstance(functions[key], str) else self.str_list(
                    functions, key, "data.functions")
                if not codes:
                    self.err(self.line(functions, key), f"data.functions.{key} 至少须列出一个角色")
                for code in codes:
                    if code not in role_codes:
                        self.err(self.line(functions, key), f"data.functions.{key} 引用了不存在的角色“{code}”")
        channels = data.get("channels")
        if channels is not None and self.mapping(channels, self.line(data, "channels"), "data.channels"):
            for key in ("register_new_within_days", "report_change_within_days", "stale_after_days"):
                self.positive_int(channels, key, "data.channels")
        opinion = data.get("opinion")
        if opinion is not None and self.mapping(opinion, self.line(data, "opinion"), "data.opinion"):
            for level in self.entries(opinion, "levels", "data.opinion.levels"):
                for key in ("code", "name"):
                    if key not in level:
                        self.err(level.line, f"舆情等级缺少“{key}”")
                hours = level.get("report_within_hours")
                if hours is not None and (isinstance(hours, bool) or not isinstance(hours, int | float) or hours <= 0):
                    self.err(self.line(level, "report_within_hours"), "舆情等级的 report_within_hours 必须是正数（小时）")
            cadence = opinion.get("analysis_cadence")
            if cadence is not None and cadence not in CADENCES:
                self.err(self.line(opinion, "analysis_cadence"), f"data.opinion.analysis_cadence 必须是 {'/'.join(CADENCES)}")
        screening = data.get("screening")
        if screening is not None and self.mapping(screening, self.line(data, "screening"), "data.screening"):
            for key in screening:
                if key not in SCREENING_KEYS:
                    self.err(self.line(screening, key), f"data.screening 中有未知的键“{key}”（可用：{'、'.join(SCREENING_KEYS)}）")
                elif not isinstance(screening[key], list):
                    self.err(self.line(screening, key), f"data.screening.{key} 必须是列表")
        self.screening_policy(data)
        return plain(data)

    def screening_policy(self, data: LineDict) -> None:
        """`data.institution` (the institution's own names) and `data.review.secrecy_finding`."""
        inst = data.get("institution")
        if inst is not None and self.mapping(inst, self.line(data, "institution"), "data.institution"):
            self.keys(inst, INSTITUTION_KEYS, ("name",), "data.institution")
            name = self.text(inst, "name", "data.institution")
            if name and len(name) < 3:
                self.err(self.line(inst, "name"), f"data.institution.name“{name}”太短：请写学校全称")
            self.str_list(inst, "short_names", "data.institution")
            forms = inst.get("wrong_forms")
            if forms is not None and self.seq(forms, self.line(inst, "wrong_forms"), "data.institution.wrong_forms"):
                for i, entry in enumerate(forms):
                    line = forms.item_lines[i] if isinstance(forms, LineList) else self.line(inst, "wrong_forms")
                    ok = (isinstance(entry, str) and entry.strip()) or (
                        isinstance(entry, dict) and isinstance(entry.get("wrong"), str) and entry["wrong"].strip()
                        and set(entry) <= {"wrong", "right"} and isinstance(entry.get("right", ""), str))
                    if not ok:
                        self.err(line, f"data.institution.wrong_forms 第 {i + 1} 项必须是错误写法（文字），"
                                       "或 {wrong: 错误写法, right: 正确写法}")
        review = data.get("review")
        if isinstance(review, dict) and "secrecy_finding" in review:
            mode = review["secrecy_finding"]
            if mode not in SECRECY_MODES:
                self.err(self.line(review, "secrecy_finding"),
                         f"data.review.secrecy_finding 必须是 {'/'.join(SECRECY_MODES)}"
                         f"（block：不能通过；escalate：须经宣传部审核），而不是“{mode}”")
