"""The board's cells, rendered in Python: a page of the board is 100 units × a dozen tasks, and the
template language spent more on those cells than on all the rest of the page (bench/pages.py)."""

from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..board import Row

register = template.Library()


@register.simple_tag
def board_cells(row: Row) -> SafeString:
    """One <td> per task of `row`: coloured by status, linking to the period (or the unit's year).
    Every value is escaped; the per-status parts are escaped once per row."""
    status_parts: dict = {}
    parts = []
    for code, cell in row.cells.items():
        code_html = escape(code)
        if cell is None:
            parts.append(f'<td class="na" data-task="{code_html}">—</td>')
            continue
        known = status_parts.get(cell.status)
        if known is None:
            known = status_parts[cell.status] = (escape(cell.css), escape(cell.status.value),
                                                 escape(str(cell.status.label)))
        css, value, label = known
        title = f"{label} {escape(cell.progress)}" if cell.progress else label
        parts.append(f'<td class="cell {css}" data-task="{code_html}" data-status="{value}" title="{title}">'
                     f'<a href="{escape(cell.href)}">{escape(cell.short)}</a></td>')
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated value above is escaped
