"""Excel (xlsx) import of units, people and appointments.

Three sheets — 单位, 人员, 任职 — with the columns of `TEMPLATE`. Every row is checked; a bad
row is reported (sheet, row, column, what is wrong, in Chinese) and changes nothing; good rows
are applied through the org services (so each change has its audit event). Rows that match
what is stored change nothing, so importing the same file twice is a no-op.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill

from netduty.core import audit

from . import services
from .models import Appointment, Person, Unit, UnitKind
from .roles import find_role

TEMPLATE: dict[str, list[tuple[str, bool, str]]] = {
    # sheet: [(column header, required, help)]
    "单位": [
        ("单位代码", True, "唯一代码，如 xcb"), ("全称", True, ""), ("简称", False, ""),
        ("类型", True, "、".join(str(label) for _, label in UnitKind.choices)),
        ("上级单位代码", False, "根单位留空"), ("排序", False, "整数"),
        ("启用日期", False, "YYYY-MM-DD"), ("停用日期", False, "YYYY-MM-DD"),
    ],
    "人员": [
        ("工号", True, ""), ("姓名", True, ""), ("所在单位代码", False, ""), ("职务", False, ""),
        ("电子邮箱", False, ""), ("手机", False, ""), ("登录名", False, "填写则创建登录账号"),
    ],
    "任职": [
        ("工号", True, ""), ("单位代码", True, ""), ("角色", True, "角色名称或代码，如 第一责任人"),
        ("起始日期", True, "YYYY-MM-DD"), ("截止日期", False, "留空表示至今"), ("任职依据", False, "任职文号"),
        ("分管工作", False, ""), ("分管单位代码", False, "多个用逗号分隔"),
    ],
}
MAX_ROWS = 20000
KIND_BY_LABEL = {str(label): value for value, label in UnitKind.choices} | {v: v for v, _ in UnitKind.choices}


class ImportFileError(Exception):
    """The file as a whole cannot be read."""


@dataclass
class RowError:
    sheet: str
    row: int
    column: str
    message: str


@dataclass
class ImportReport:
    created: dict[str, int] = field(default_factory=lambda: {"单位": 0, "人员": 0, "任职": 0})
    updated: dict[str, int] = field(default_factory=lambda: {"单位": 0, "人员": 0, "任职": 0})
    unchanged: dict[str, int] = field(default_factory=lambda: {"单位": 0, "人员": 0, "任职": 0})
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False

    @property
    def changed(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values())

    def as_dict(self) -> dict[str, Any]:
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged,
                "errors": [e.__dict__ for e in self.errors], "dry_run": self.dry_run}


def build_template() -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    required_fill = PatternFill("solid", fgColor="FDECEA")
    for sheet, columns in TEMPLATE.items():
        ws = wb.create_sheet(sheet)
        for idx, (header, required, help_text) in enumerate(columns, start=1):
            cell = ws.cell(row=1, column=idx, value=header + ("*" if required else ""))
            cell.font = bold
            if required:
                cell.fill = required_fill
            ws.cell(row=2, column=idx, value=f"说明：{help_text}" if help_text else "说明：")
            ws.column_dimensions[cell.column_letter].width = max(12, len(header) * 2 + 4)
    readme = wb.create_sheet("填写说明", 0)
    for i, line in enumerate([
        "netduty 组织与任职导入模板",
        "1. 带 * 的列必须填写；第 2 行为说明行，导入时跳过。",
        "2. 先填“单位”，再填“人员”，最后填“任职”；同一文件中可引用本文件新建的单位和人员。",
        "3. 日期格式 YYYY-MM-DD；单位类型、角色请按说明填写。",
        "4. 有错误的行不会导入，并在导入报告中列出行号、列名和原因；重复导入同一文件不会产生变化。",
    ], start=1):
        readme.cell(row=i, column=1, value=line)
    readme.column_dimensions["A"].width = 90
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _open(data: bytes):
    if not data.startswith(b"PK"):
        raise ImportFileError("文件不是有效的 xlsx 工作簿，请使用下载的模板（Excel 2007 及以上格式）。")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(info.file_size for info in zf.infolist())
            if total > 200 * 1024 * 1024:
                raise ImportFileError("工作簿解压后过大，疑似异常文件，已拒绝。")
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ImportFileError:
        raise
    except Exception as exc:  # openpyxl raises many kinds
        raise ImportFileError(f"无法读取工作簿：文件已损坏或格式不正确（{type(exc).__name__}）。") from exc


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value).replace("/", "-").replace(".", "-")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"日期“{text}”格式不正确，应为 YYYY-MM-DD") from None


def _rows(wb, sheet: str, report: ImportReport):
    if sheet not in wb.sheetnames:
        return
    ws = wb[sheet]
    headers: list[str] = []
    expected = [name for name, _, _ in TEMPLATE[sheet]]
    for r_idx, row in enumerate(ws.iter_rows(values_only=True), start=1):
        if r_idx == 1:
            headers = [_text(h).rstrip("*") for h in row]
            missing = [h for h, req, _ in TEMPLATE[sheet] if req and h not in headers]
            if missing:
                report.errors.append(RowError(sheet, 1, "、".join(missing), "缺少必填列，请使用下载的模板"))
                return
            continue
        values = {headers[i]: row[i] for i in range(min(len(headers), len(row))) if headers[i] in expected}
        first = _text(next(iter(values.values()), ""))
        if first.startswith("说明："):
            continue
        if all(_text(v) == "" for v in values.values()):
            continue
        if r_idx > MAX_ROWS:
            report.errors.append(RowError(sheet, r_idx, "", f"超过 {MAX_ROWS} 行上限，其余行未处理"))
            return
        yield r_idx, values


def _required(sheet: str, row: int, values: dict, report: ImportReport) -> bool:
    ok = True
    for name, required, _ in TEMPLATE[sheet]:
        if required and _text(values.get(name)) == "":
            report.errors.append(RowError(sheet, row, name, "必填项为空"))
            ok = False
    return ok


def _err_from_validation(sheet: str, row: int, exc: ValidationError, report: ImportReport, column_for: dict) -> None:
    if hasattr(exc, "message_dict"):
        for fname, messages in exc.message_dict.items():
            report.errors.append(RowError(sheet, row, column_for.get(fname, fname), "；".join(messages)))
    else:
        report.errors.append(RowError(sheet, row, "", "；".join(exc.messages)))


UNIT_COLUMNS = {"code": "单位代码", "name": "全称", "short_name": "简称", "kind": "类型", "parent": "上级单位代码",
                "order": "排序", "active_from": "启用日期", "active_to": "停用日期"}
PERSON_COLUMNS = {"staff_no": "工号", "name": "姓名", "unit": "所在单位代码", "title": "职务", "email": "电子邮箱",
                  "mobile": "手机", "username": "登录名"}
APPT_COLUMNS = {"person": "工号", "unit": "单位代码", "role": "角色", "valid_from": "起始日期", "valid_to": "截止日期",
                "basis": "任职依据", "area": "分管工作", "oversees": "分管单位代码"}


def run_import(data: bytes, *, actor: Any, dry_run: bool = False, filename: str = "") -> ImportReport:
    wb = _open(data)
    report = ImportReport(dry_run=dry_run)
    try:
        with transaction.atomic():
            for sheet, handler in (("单位", _import_unit), ("人员", _import_person), ("任职", _import_appointment)):
                for row, values in _rows(wb, sheet, report):
                    if not _required(sheet, row, values, report):
                        continue
                    try:
                        with transaction.atomic():  # a bad row changes nothing
                            outcome = handler(values, actor)
                    except _RowProblem as problem:
                        report.errors.append(RowError(sheet, row, problem.column, problem.message))
                        continue
                    except ValidationError as exc:
                        columns = {"单位": UNIT_COLUMNS, "人员": PERSON_COLUMNS, "任职": APPT_COLUMNS}[sheet]
                        _err_from_validation(sheet, row, exc, report, columns)
                        continue
                    getattr(report, outcome)[sheet] += 1
            audit.record(actor=actor, action="org.import", object_type="org.import", object_repr=filename[:300],
                         after=report.as_dict() | {"errors": len(report.errors)})
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    finally:
        wb.close()
    return report


class _DryRun(Exception):
    pass


class _RowProblem(Exception):
    def __init__(self, column: str, message: str):
        super().__init__(message)
        self.column, self.message = column, message


def _unit_by_code(code: str, column: str) -> Unit:
    try:
        return Unit.objects.get(code=code)
    except Unit.DoesNotExist:
        raise _RowProblem(column, f"单位代码“{code}”不存在") from None


def _parse_date(values: dict, column: str) -> dt.date | None:
    try:
        return _date(values.get(column))
    except ValueError as exc:
        raise _RowProblem(column, str(exc)) from None


def _import_unit(values: dict, actor: Any) -> str:
    code = _text(values["单位代码"])
    kind_label = _text(values["类型"])
    kind = KIND_BY_LABEL.get(kind_label)
    if kind is None:
        raise _RowProblem("类型", f"单位类型“{kind_label}”无效，应为：" + "、".join(str(lbl) for _, lbl in UnitKind.choices))
    parent_code = _text(values.get("上级单位代码"))
    parent = _unit_by_code(parent_code, "上级单位代码") if parent_code else None
    order_text = _text(values.get("排序"))
    if order_text and not order_text.isdigit():
        raise _RowProblem("排序", "排序必须是非负整数")
    fields: dict[str, Any] = {"name": _text(values["全称"]), "short_name": _text(values.get("简称")), "kind": kind, "parent": parent,
              "order": int(order_text or 0), "active_to": _parse_date(values, "停用日期")}
    active_from = _parse_date(values, "启用日期")
    if active_from:
        fields["active_from"] = active_from
    existing = Unit.objects.filter(code=code).first()
    if existing is None:
        services.unit_create(actor=actor, code=code, **fields)
        return "created"
    if parent is not None and parent.pk == existing.pk:
        raise _RowProblem("上级单位代码", "上级单位不能是本单位")
    changes = {k: v for k, v in fields.items() if getattr(existing, k) != v}
    if not changes:
        return "unchanged"
    services.unit_update(actor=actor, unit=existing, **changes)
    return "updated"


def _import_person(values: dict, actor: Any) -> str:
    staff_no = _text(values["工号"])
    unit_code = _text(values.get("所在单位代码"))
    unit = _unit_by_code(unit_code, "所在单位代码") if unit_code else None
    fields: dict[str, Any] = {"name": _text(values["姓名"]), "unit": unit, "title": _text(values.get("职务")),
              "email": _text(values.get("电子邮箱")), "mobile": _text(values.get("手机"))}
    existing = Person.objects.filter(staff_no=staff_no).first()
    if existing is None:
        username = _text(values.get("登录名")) or None
        from django.contrib.auth import get_user_model

        if username and get_user_model().objects.filter(username=username).exists():
            raise _RowProblem("登录名", f"登录名“{username}”已被占用")
        services.person_create(actor=actor, staff_no=staff_no, username=username, **fields)
        return "created"
    changes = {k: v for k, v in fields.items() if getattr(existing, k) != v}
    if not changes:
        return "unchanged"
    services.person_update(actor=actor, person=existing, **changes)
    return "updated"


def _import_appointment(values: dict, actor: Any) -> str:
    staff_no = _text(values["工号"])
    person = Person.objects.filter(staff_no=staff_no).first()
    if person is None:
        raise _RowProblem("工号", f"工号“{staff_no}”的人员不存在")
    unit = _unit_by_code(_text(values["单位代码"]), "单位代码")
    role_text = _text(values["角色"])
    valid_from = _parse_date(values, "起始日期")
    valid_to = _parse_date(values, "截止日期")
    assert valid_from is not None
    role = find_role(role_text, valid_from)
    if role is None:
        raise _RowProblem("角色", f"角色“{role_text}”不在当前制度包中")
    oversee_codes = [c.strip() for c in _text(values.get("分管单位代码")).replace("，", ",").split(",") if c.strip()]
    oversees = [_unit_by_code(c, "分管单位代码") for c in oversee_codes]
    basis, area = _text(values.get("任职依据")), _text(values.get("分管工作"))
    existing = Appointment.objects.filter(person=person, unit=unit, role__code=role.code, valid_from=valid_from).first()
    if existing is None:
        services.appointment_create(actor=actor, person=person, unit=unit, role=role, valid_from=valid_from,
                                    valid_to=valid_to, basis=basis, area=area, oversees=oversees)
        return "created"
    changes: dict[str, Any] = {k: v for k, v in {"valid_to": valid_to, "basis": basis, "area": area}.items()
                               if getattr(existing, k) != v}
    if sorted(u.pk for u in oversees) != sorted(existing.oversees.values_list("pk", flat=True)):
        changes["oversees"] = oversees
    if not changes:
        return "unchanged"
    services.appointment_update(actor=actor, appointment=existing, **changes)
    return "updated"


def report_xlsx(report: ImportReport) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "导入报告"
    ws.append(["工作表", "行号", "列", "问题"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for e in report.errors:
        ws.append([e.sheet, e.row, e.column, e.message])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
