"""Test helpers for duties: generated years, meetings entered at a given time, and small valid files
of each accepted type."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from netduty.duties import services
from netduty.duties.models import MeetingKind, MeetingRecord, ObligationPeriod
from netduty.policy.services import default_pack_text, pack_load

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82")
JPG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")


def docx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


def upload(name: str = "纪要.pdf", data: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def generate(year: int = 2025, today: dt.date | None = None):
    return services.generate_year(actor=None, year=year, today=today or dt.date(year, 1, 1))


def period(unit, code: str, key: str) -> ObligationPeriod:
    return ObligationPeriod.objects.select_related("obligation__task", "unit__parent").get(
        unit=unit, task_code=code, key=key)


def meeting(unit, date: dt.date, kind: str = MeetingKind.COMMITTEE_IDEOLOGY, entered: dt.datetime | None = None,
            actor=None, **kw) -> MeetingRecord:
    """A meeting record via the service; `entered` back-dates when it was entered (for lateness)."""
    fields = {"title": f"{date:%-m月}专题会议", "chair": "李书记", "attendees": "李书记、曾主任", "topics": "研究意识形态工作"}
    fields.update(kw)
    record = services.meeting_create(actor=actor, unit=unit, kind=kind, date=date, **fields)
    if entered is not None:
        MeetingRecord.objects.filter(pk=record.pk).update(created_at=entered)
        services.records_changed(unit=unit, kind=kind, day=date)
        record.refresh_from_db()
    return record


def at(day: dt.date, hour: int = 12, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime(day.year, day.month, day.day, hour, minute))


def load_v2(effective: str, *, min_count: int = 3, drop: str | None = None, add_year_task: bool = False):
    """Version 2 of the default pack: committee meetings at least `min_count` a year, optionally a task
    dropped, or a new yearly task added."""
    text = default_pack_text()
    text = text.replace("  version: 1\n", "  version: 2\n", 1)
    text = text.replace("effective_from: 2018-09-20", f"effective_from: {effective}", 1)
    text = text.replace("    min_count: 2\n", f"    min_count: {min_count}\n", 1)
    if drop:
        start = text.index(f"  - code: {drop}\n")
        end = text.index("  - code: ", start + 5)
        text = text[:start] + text[end:]
    if add_year_task:
        marker = "\ntasks:\n"
        new = ("\ntasks:\n  - code: annual_summary\n    item: 年度总结\n    content: 每年报送网络意识形态工作总结。\n"
               "    level: party_orgs\n    cadence: year\n    source_ref: 实务：年度总结\n")
        text = text.replace(marker, new, 1)
    return pack_load(actor=None, text=text, filename="v2.yaml")
