"""Pages: the board (colours, filters, rates, bounded queries), export with audit, unit page,
meeting form, uploads with Chinese errors, downloads in scope, the calendar feed."""

import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar
from openpyxl import load_workbook

from netduty.core.models import AuditEvent
from netduty.duties import services
from netduty.duties.models import MeetingRecord
from netduty.org.tests.factories import make_unit

from .factories import PNG, at, generate, meeting, period, upload

pytestmark = pytest.mark.django_db


def cell(html: str, unit, code: str) -> str:
    """The status of one board cell, read from the rendered row."""
    row = html.split(f'data-unit="{unit.pk}"', 1)[1].split("</tr>", 1)[0]
    part = row.split(f'data-task="{code}"', 1)[1]
    return part.split('data-status="', 1)[1].split('"', 1)[0]


def test_board_cell_changes_colour_when_minimum_is_met(client, world):
    generate(2025)
    meeting(world.root, dt.date(2025, 3, 1), entered=at(dt.date(2025, 3, 1)))
    client.force_login(world.propaganda)
    url = reverse("duties:board") + "?slot=2025"
    html = client.get(url).content.decode()
    assert cell(html, world.root, "committee_meetings") == "overdue"  # H2 passed without a meeting
    meeting(world.root, dt.date(2025, 10, 1), entered=at(dt.date(2025, 10, 1)))
    html = client.get(url).content.decode()
    assert cell(html, world.root, "committee_meetings") == "done"
    assert "2/2" in html.split(f'data-unit="{world.root.pk}"', 1)[1].split("</tr>", 1)[0]
    html = client.get(reverse("duties:board") + "?slot=2025-Q3").content.decode()
    assert cell(html, world.college_a, "opinion_analysis") == "overdue"


def test_board_filters_and_scope(client, world):
    generate(2025)
    client.force_login(world.propaganda)
    html = client.get(reverse("duties:board"), {"slot": "2025", "kind": "school_committee"}).content.decode()
    assert f'data-unit="{world.root.pk}"' in html and f'data-unit="{world.college_a.pk}"' not in html
    html = client.get(reverse("duties:board"), {"slot": "2025", "q": "外国语"}).content.decode()
    assert f'data-unit="{world.college_b.pk}"' in html and f'data-unit="{world.college_a.pk}"' not in html
    html = client.get(reverse("duties:board"), {"slot": "2025", "task": "supervision"}).content.decode()
    assert 'data-task="opinion_analysis"' not in html
    html = client.get(reverse("duties:board"), {"slot": "2025", "status": "done"}).content.decode()
    assert "没有符合条件的单位" in html
    client.force_login(world.outsider)  # sees only their own unit
    html = client.get(reverse("duties:board"), {"slot": "2025"}).content.decode()
    assert f'data-unit="{world.college_b.pk}"' in html and f'data-unit="{world.college_a.pk}"' not in html
    assert client.get(reverse("duties:board"), {"slot": "garbage"}).status_code == 200


def test_board_rates_and_chart(client, world):
    generate(2025)
    client.force_login(world.propaganda)
    html = client.get(reverse("duties:board"), {"slot": "2025-Q1"}).content.decode()
    assert 'class="bars"' in html and "st-overdue" in html
    assert 'id="task-rates"' in html and 'id="unit-rates"' in html and "0.0%" in html


def test_board_queries_do_not_grow_with_units(client, world):
    generate(2025)
    client.force_login(world.propaganda)
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("duties:board"), {"slot": "2025"})
    for i in range(25):
        make_unit(f"more{i}", f"学院{i}党总支", "general_branch", world.root)
    generate(2025)
    with CaptureQueriesContext(connection) as large:
        response = client.get(reverse("duties:board"), {"slot": "2025"})
    assert response.content.decode().count("<tr data-unit=") == 3 + 25
    assert len(large) == len(small)


def test_export_is_xlsx_and_audited(client, world):
    generate(2025)
    client.force_login(world.propaganda)
    response = client.get(reverse("duties:board_export"), {"slot": "2025-H1"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames == ["任务矩阵", "按单位", "按任务"]
    names = [row[0] for row in wb["任务矩阵"].iter_rows(min_row=3, values_only=True)]
    assert world.college_a.name in names
    event = AuditEvent.objects.get(action="duties.board.export")
    assert event.after["slot"] == "2025-H1" and event.actor_id == world.propaganda.pk


def test_unit_page_and_meeting_form(client, world):
    generate(2025)
    client.force_login(world.secretary)
    page = client.get(reverse("duties:unit_detail", args=[world.college_a.pk]), {"year": 2025}).content.decode()
    assert "舆情研判" in page and "2025年第一季度" in page
    url = reverse("duties:meeting_create", args=[world.college_a.pk])
    bad = client.post(url, {"kind": "meeting.leadership", "title": "", "date": "2999-01-01"})
    assert bad.status_code == 200 and "会议日期不能晚于今天" in bad.content.decode() or "必填" in bad.content.decode()
    ok = client.post(url, {"kind": "meeting.opinion_analysis", "title": "二季度舆情研判会", "date": "2025-05-06",
                           "chair": "李书记", "attendees": "李书记\n曾主任", "absentees": "唐编辑（出差）",
                           "topics": "研判网络舆情"})
    record = MeetingRecord.objects.get()
    assert ok.status_code == 302 and ok["Location"] == reverse("duties:meeting_detail", args=[record.pk])
    assert record.created_by == world.secretary


def test_upload_errors_are_shown_in_chinese(client, world):
    generate(2025)
    p = period(world.college_a, "supervision", "2025")
    client.force_login(world.editor)
    response = client.post(reverse("duties:period_evidence", args=[p.pk]),
                           {"file": upload("报告.png", b"not an image")}, follow=True)
    assert "不是有效的" in response.content.decode()
    response = client.post(reverse("duties:period_evidence", args=[p.pk]),
                           {"title": "督查照片", "file": upload("照片.png", PNG)}, follow=True)
    assert "督查照片" in response.content.decode()


def test_download_in_scope_only(client, world):
    generate(2025)
    p = period(world.college_a, "supervision", "2025")
    version = services.evidence_add(actor=world.editor, period=p, upload=upload("照片.png", PNG), name="照片.png")
    url = reverse("duties:version_download", args=[version.pk])
    client.force_login(world.outsider)
    assert client.get(url).status_code == 404
    client.force_login(world.propaganda)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PNG
    assert response["X-Content-SHA256"] == version.sha256 and "attachment" in response["Content-Disposition"]


def test_calendar_feed_by_token_and_rotation(client, world):
    generate(2026)
    token = services.calendar_token_for(world.secretary_person).token
    url = reverse("duties:calendar_feed", args=[token])
    response = client.get(url)  # no login needed
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    summaries = [str(e["summary"]) for e in cal.walk("VEVENT")]
    assert any("舆情研判" in s for s in summaries)
    assert client.get(reverse("duties:calendar_feed", args=["x" * 43])).status_code == 404
    client.force_login(world.secretary)
    assert client.post(reverse("duties:calendar_rotate")).status_code == 302
    client.logout()
    assert client.get(url).status_code == 404  # the old URL stopped working
    new = services.calendar_token_for(world.secretary_person).token
    assert new != token and client.get(reverse("duties:calendar_feed", args=[new])).status_code == 200
    assert AuditEvent.objects.filter(action="duties.calendar.rotate").exists()


def test_home_dashboard_provider_lists_due_and_acceptance_items(world):
    from netduty.core import registry
    from netduty.duties import selectors

    assert selectors.todo_for in registry.TODOS
    generate(2025)
    mine = selectors.todo_for(world.secretary, dt.date(2025, 3, 20))
    assert any("舆情研判" in t["label"] and "/duties/periods/" in t["url"] for t in mine)
    assert any("逾期" in t["note"] for t in selectors.todo_for(world.secretary, dt.date(2025, 4, 3)))
    assert selectors.todo_for(world.nobody, dt.date(2025, 3, 20)) == []
    p = period(world.college_a, "supervision", "2025")
    services.evidence_add(actor=world.editor, period=p, upload=upload(), name="a.pdf")
    services.period_submit(actor=world.editor, period=p, statement="完成")
    assert any(t["label"].startswith("待验收") for t in selectors.todo_for(world.propaganda, dt.date(2025, 3, 20)))
    assert not any(t["label"].startswith("待验收") for t in selectors.todo_for(world.secretary, dt.date(2025, 3, 20)))


def test_board_builds_only_the_page_and_counts_everything(client, world, monkeypatch):
    """Rows are built for the page shown (one query for its units); totals and rates still cover
    every unit; the query count does not grow with units beyond a page."""
    import importlib

    from netduty.duties import board
    from netduty.duties.slots import year_slot

    monkeypatch.setattr(importlib.import_module("netduty.duties.views.board"), "PAGE", 4)
    generate(2025)
    client.force_login(world.propaganda)
    url = reverse("duties:board") + "?slot=2025"
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for i in range(9):
        make_unit(f"page{i}", f"学院{i}党总支", "general_branch", world.root)
    generate(2025)
    with CaptureQueriesContext(connection) as large:
        html = client.get(url).content.decode()
    assert len(large) == len(small)
    data = board.build(world.propaganda, year_slot(2025))
    assert html.count("<tr data-unit=") == 4 and len(data.rows) == 3 + 9
    assert f"（{data.finished}/{data.total} 项）" in html and data.total == sum(r.rate.total for r in data.rows)
    last = client.get(url + "&page=3").content.decode()
    assert last.count("<tr data-unit=") == 4 and f'data-unit="{data.rows[-1].unit.pk}"' in last
    first = data.rows[0]  # a one-period cell links to its period, a four-quarter cell to the unit's year
    single = next(c for c in first.cells.values() if c and c.period_id)
    assert f'<a href="{reverse("duties:period_detail", args=[single.period_id])}">' in html
    assert first.cells["opinion_analysis"].periods == 4
    assert f'<a href="{reverse("duties:unit_detail", args=[first.unit.pk])}?year=2025">' in html
