"""The registry as xlsx (openpyxl write-only), with its audit event."""

from __future__ import annotations

import io
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from netduty.core import audit

from ..models import Channel, Duty

HEADER = ["主办单位", "平台", "名称", "账号 / 标识", "网址", "RSS / 站点地图", "层级", "状态", "认证主体", "关注数",
          "开通日期", "备案日期", "分管领导", "负责部门", "专人 / 管理员", "审核阶段", "密码保管人", "二次验证",
          "最近修改密码"]


def _people(channel: Channel, duty: str) -> str:
    return "、".join(f"{r.appointment.person.name}（{r.appointment.role.name}）"
                    for r in channel.responsibles.all() if r.duty == duty)


def _security(channel: Channel) -> list[Any]:
    m = getattr(channel, "security", None)
    if m is None:
        return ["", "", ""]
    holder = m.password_holder.person.name if m.password_holder else ""
    return [holder, "是" if m.second_factor else "否", m.password_changed_on]


@transaction.atomic
@translation.override("zh-hans")  # the exported document stays Chinese whatever the UI language
def registry_export(*, actor: Any, channels: QuerySet[Channel], filters: dict[str, str]) -> bytes:
    """`channels` comes from selectors.registry (already scoped and prefetched)."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("阵地台账")
    ws.append([f"阵地台账（导出于 {timezone.localtime():%Y年%-m月%-d日 %H:%M}）"])
    bold = Font(bold=True)
    header = []
    for title in HEADER:
        cell = WriteOnlyCell(ws, value=title)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    count = 0
    for c in channels.iterator(chunk_size=500):
        count += 1
        ws.append([c.unit.name, c.get_platform_display(), c.name, c.account_id, c.url, c.feed_url,
                   c.get_tier_display(), c.get_status_display(), c.verified_entity, c.followers, c.opened_on,
                   c.registered_on, _people(c, Duty.LEADER), _people(c, Duty.DEPARTMENT), _people(c, Duty.ADMIN),
                   " → ".join(s.name for s in c.stages.all()), *_security(c)])
    buffer = io.BytesIO()
    wb.save(buffer)
    audit.record(actor=actor, action="fronts.channel.export", object_type="fronts.registry", object_repr="阵地台账",
                 after={"filters": filters, "rows": count})
    return buffer.getvalue()
