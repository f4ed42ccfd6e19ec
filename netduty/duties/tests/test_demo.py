import pytest

from netduty.duties import demo
from netduty.duties.board import build
from netduty.duties.slots import year_slot
from netduty.duties.status import Status
from netduty.org import demo as org_demo

pytestmark = pytest.mark.django_db


def test_demo_shows_every_colour_and_is_idempotent(pack):
    import datetime as dt

    from django.contrib.auth import get_user_model

    org_demo.load_demo()
    today = dt.date(2026, 11, 26)
    message = demo.load_demo(today=today)
    assert "演示数据已载入" in message
    assert "已存在" in demo.load_demo(today=today)
    admin = get_user_model().objects.get(username="admin")
    board = build(admin, year_slot(2026), today=today)
    seen = {cell.status for row in board.rows for cell in row.cells.values() if cell}
    assert seen == set(Status), seen
