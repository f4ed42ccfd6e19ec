"""Export of the board to xlsx (openpyxl write-only, bounded memory), with its audit event."""

from __future__ import annotations

import io
from typing import Any

from django.db import transaction
from django.utils import translation
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill

from netduty.core import audit

from ..board import Board
from ..status import COLOURS


@transaction.atomic
@translation.override("zh-hans")  # the exported document stays Chinese whatever the UI language
def board_export(*, actor: Any, board: Board, filters: dict[str, str]) -> bytes:
    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    fills = {status: PatternFill("solid", fgColor=colour) for status, colour in COLOURS.items()}

    def header(ws, values):
        row = []
        for value in values:
            cell = WriteOnlyCell(ws, value=value)
            cell.font = bold
            row.append(cell)
        ws.append(row)

    ws = wb.create_sheet("任务矩阵")
    ws.append([f"重点任务完成情况 · {board.slot.label}（截至{board.today:%Y年%-m月%-d日}）"])
    header(ws, ["单位", "类型"] + [f"{c.item}·{c.code}" for c in board.columns] + ["完成率%"])
    for row in board.rows:
        cells: list[Any] = [row.unit.name, row.unit.get_kind_display()]
        for col in board.columns:
            cell = row.cells.get(col.code)
            if cell is None:
                cells.append("—")
                continue
            out = WriteOnlyCell(ws, value=str(cell.status.label) + (f" {cell.progress}" if cell.progress else ""))
            out.fill = fills[cell.status]
            cells.append(out)
        cells.append(row.rate.percent)
        ws.append(cells)

    statuses = list(COLOURS)
    for title, rates in (("按单位", [r.rate for r in board.rows]), ("按任务", board.task_rates)):
        sheet = wb.create_sheet(title)
        header(sheet, [title[1:], "应完成项", *[str(s.label) for s in statuses], "完成率%"])
        for rate in rates:
            sheet.append([rate.label, rate.total, *[rate.by_status.get(s, 0) for s in statuses], rate.percent])
    buffer = io.BytesIO()
    wb.save(buffer)
    audit.record(actor=actor, action="duties.board.export", object_type="duties.board", object_id=board.slot.key,
                 object_repr=f"重点任务看板 {board.slot.label}",
                 after={"slot": board.slot.key, "filters": filters, "units": len(board.rows),
                        "tasks": len(board.columns)})
    return buffer.getvalue()
