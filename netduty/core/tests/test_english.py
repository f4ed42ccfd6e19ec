"""The duties, fronts and review screens in English (language cookie "en"): headings, table headers,
labels and buttons are English; what stays Chinese is data (names of people, units, channels,
content, the policy pack's task items, roles and stage names)."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from netduty.duties.tests.factories import generate, meeting
from netduty.fronts.tests.factories import make_channel
from netduty.review.tests.factories import review_world, submit

pytestmark = pytest.mark.django_db

CJK = re.compile(r"[\u4e00-\u9fff]")
CHROME = {"title", "h1", "h2", "h3", "th", "dt", "label", "legend", "summary", "button", "nav"}
SKIP = {"option", "select", "script", "style", "textarea", "code"}


class _Chrome(HTMLParser):
    """Text inside the page chrome elements (CHROME), outside data-only elements (SKIP)."""

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.texts: list[str] = []
        self.all: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in {"br", "input", "img", "link", "meta", "hr"}:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if not data.strip() or any(t in SKIP for t in self.stack):
            return
        self.all.append(data)
        if any(t in CHROME for t in self.stack):
            self.texts.append(data)


def _data_strings() -> list[str]:
    """Chinese text that is data, not UI: longest first so that containing names go before parts."""
    from netduty.duties.models import MeetingRecord
    from netduty.fronts.models import Channel, ChannelStage
    from netduty.org.models import Person, Unit
    from netduty.policy.models import PolicyPack, Role, TaskItem
    from netduty.review.models import Submission

    out: set[str] = {"简体中文"}  # the language switcher names each language in itself
    for name, short in Unit.objects.values_list("name", "short_name"):
        out |= {name, short}
    out |= set(Person.objects.values_list("name", flat=True))
    out |= set(Channel.objects.values_list("name", flat=True))
    out |= set(MeetingRecord.objects.values_list("title", flat=True))
    out |= set(ChannelStage.objects.values_list("name", flat=True))
    out |= set(Submission.objects.values_list("title", flat=True))
    out |= set(Role.objects.values_list("name", flat=True))
    for pack_name, document in PolicyPack.objects.values_list("name", "document"):
        out |= {pack_name, document}
    for item, content in TaskItem.objects.values_list("item", "content"):
        out |= {item, content, content[:6], content[:14]}
    return sorted((s for s in out if s), key=len, reverse=True)


def chrome_leftovers(html: str) -> list[str]:
    """Chrome text that still has Chinese once the data in it is taken out."""
    parser = _Chrome()
    parser.feed(html)
    data = _data_strings()
    left = []
    for text in parser.texts:
        for s in data:
            text = text.replace(s, "")
        if CJK.search(text):
            left.append(text.strip())
    return left


def visible(html: str) -> str:
    parser = _Chrome()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.all))


@pytest.fixture
def en(client, world):
    client.force_login(world.propaganda)
    client.cookies["django_language"] = "en"
    return client


def page(client, url: str, *labels: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Language"] == "en"
    html = response.content.decode()
    text = visible(html)
    for label in labels:
        assert label in text, (url, label)
    assert chrome_leftovers(html) == [], url
    return html


def test_duties_pages_in_english(en, world):
    generate(2025)
    record = meeting(world.root, dt.date(2025, 3, 1))
    page(en, reverse("duties:index"), "Key tasks", "My units", "Task board", "My deadline calendar")
    html = page(en, reverse("duties:board") + "?slot=2025", "Key tasks board", "Completion by task",
                "Units × tasks", "By task", "By unit", "Completion", "H1 2025", "Q3 2025", "Export xlsx")
    assert "Not started" in html and "Completed late" in html  # the legend (status labels)
    html = page(en, reverse("duties:unit_detail", args=[world.root.pk]) + "?year=2025", "key tasks of 2025",
                "Coming up", "Tasks of the year", "Meeting records (ledger)", "Item", "Periods")
    period = world.root.obligations.filter(year=2025).first().periods.order_by("pk").first()
    page(en, reverse("duties:period_detail", args=[period.pk]), "Task", "Content", "Due", "Period", "Evidence",
         "Sub-task", "Responsible people", "Due by")
    page(en, reverse("duties:meeting_detail", args=[record.pk]), "Meeting type", "Chair", "Attendees", "Topics",
         "Meeting files", "Party committee meeting on ideology work")
    page(en, reverse("duties:calendar"), "My deadline calendar", "Reset the feed address")
    page(en, reverse("duties:notifications"), "Reminders", "No reminders.")
    en.force_login(world.secretary)  # the unit's own 第一责任人 records its meetings
    page(en, reverse("duties:unit_detail", args=[world.college_a.pk]) + "?year=2025", "Record a meeting")
    page(en, reverse("duties:meeting_create", args=[world.college_a.pk]), "Record a meeting", "Meeting type",
         "Meeting date", "Chair", "Attendees", "Save", "Cancel")
    page(en, reverse("duties:meeting_detail", args=[meeting(world.college_a, dt.date(2025, 4, 1)).pk]),
         "Void", "Void this record", "Reason for voiding", "Upload")


def test_fronts_pages_in_english(en, world):
    channel = make_channel(world.college_a)
    page(en, reverse("fronts:index"), "Channel registry", "Register a new channel", "Registration approval",
         "Platform", "Owning unit", "Tier", "Status", "Review stages", "WeChat official account")
    page(en, reverse("fronts:channel_detail", args=[channel.pk]), "Basics", "Platform", "Owning unit",
         "Responsible people", "Review stages", "Security", "Annual review", "Registration and change history",
         "Password holder", "Two-factor verification", "Edit review stages")
    page(en, reverse("fronts:queue"), "Registration approval", "Waiting for me", "My requests")
    page(en, reverse("fronts:annual"), "Channel annual reviews and zero reports", "Zero report", "Unit")
    page(en, reverse("fronts:register"), "Register a new channel", "Owning unit", "Opened on",
         "Submit the registration")
    page(en, reverse("fronts:security", args=[channel.pk]), "Security", "Password holder", "Save")
    page(en, reverse("fronts:stages", args=[channel.pk]), "Edit review stages", "Stage 1", "Roles that may review")


def test_review_pages_in_english(en, world):
    rw = review_world(world)
    sub = submit(rw)
    page(en, reverse("review:index"), "Pre-publication review", "Waiting for my review", "All items in my scope",
         "Title contains", "Review queue", "Live checks and sweeps")
    html = page(en, reverse("review:detail", args=[sub.pk]), "Channel", "Current version", "Version 1",
                "Review deadline", "Automatic screening", "Review record (names and content hashes)",
                "Decision / checklist", "Content hash")
    assert "In review" in html
    page(en, reverse("review:live"), "Live checks and channel sweeps", "Published items", "Last check",
         "Channel sweeps (RSS / sitemap)")


def test_permission_denied_page_in_english(en, world):
    response = en.get(reverse("review:create"))  # the 宣传部 is no 信息员
    assert response.status_code == 403
    html = response.content.decode()
    body = re.search(r'<section class="card narrow">(.*?)</section>', html, re.S).group(1)
    assert "Permission denied" in body and "Only information officers can submit" in body
    assert "Back to the dashboard" in body and not CJK.search(body)
    assert chrome_leftovers(html) == []


def test_chinese_stays_the_default(client, world):
    client.force_login(world.propaganda)
    html = client.get(reverse("fronts:index")).content.decode()
    assert "阵地台账" in html and "Channel registry" not in html
