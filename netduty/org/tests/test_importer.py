import io

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from netduty.core import audit
from netduty.org import importer
from netduty.org.models import Appointment, Person, Unit

pytestmark = pytest.mark.django_db


def workbook(units=(), people=(), appointments=()) -> bytes:
    wb = load_workbook(io.BytesIO(importer.build_template()))
    for sheet, rows in (("单位", units), ("人员", people), ("任职", appointments)):
        for row in rows:
            wb[sheet].append(list(row))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


GOOD = dict(
    units=[("jky", "教育科学学院党总支", "教科院", "党总支", "root", 5, "2024-01-01", None),
           ("jky-jg", "教科院教工党支部", "", "党支部", "jky", 1, None, None)],
    people=[("J001", "谭书记", "jky", "书记", "tan@example.edu.cn", "", "tanshuji"),
            ("J002", "彭信息", "jky", "信息员", "", "", "")],
    appointments=[("J001", "jky", "第一责任人", "2024-03-01", None, "测党字〔2024〕1号", "", ""),
                  ("J002", "jky", "info_officer", "2024-03-01", "2026-12-31", "", "网站", "")],
)


def test_template_has_the_three_sheets():
    wb = load_workbook(io.BytesIO(importer.build_template()))
    assert wb.sheetnames == ["填写说明", "单位", "人员", "任职"]
    assert [c.value for c in wb["任职"][1]][:4] == ["工号*", "单位代码*", "角色*", "起始日期*"]


def test_import_creates_then_reimport_changes_nothing(world):
    data = workbook(**GOOD)
    report = importer.run_import(data, actor=world.propaganda, filename="org.xlsx")
    assert report.errors == []
    assert report.created == {"单位": 2, "人员": 2, "任职": 2}
    assert Unit.objects.get(code="jky-jg").parent.code == "jky"
    assert Person.objects.get(staff_no="J001").user.username == "tanshuji"
    appts, people = Appointment.objects.count(), Person.objects.count()
    again = importer.run_import(data, actor=world.propaganda)
    assert again.changed == 0 and again.unchanged == {"单位": 2, "人员": 2, "任职": 2}
    assert (Appointment.objects.count(), Person.objects.count()) == (appts, people)
    assert audit.verify().ok


def test_bad_rows_are_reported_and_change_nothing(world):
    data = workbook(
        units=[("bad1", "坏单位", "", "不存在的类型", "root", "", "", ""),
               ("bad2", "坏上级", "", "党总支", "nope", "", "", ""),
               ("ok1", "好单位", "", "党总支", "root", "", "", "")],
        people=[("P1", "", "ok1", "", "", "", ""), ("P2", "某人", "ok1", "", "", "", "")],
        appointments=[("P2", "ok1", "校长大人", "2024-01-01", "", "", "", ""),
                      ("P2", "ok1", "信息员/专人", "2024-13-01", "", "", "", ""),
                      ("P2", "ok1", "第一责任人", "2024-01-01", "2023-01-01", "", "", ""),
                      ("NOPE", "ok1", "第一责任人", "2024-01-01", "", "", "", "")],
    )
    report = importer.run_import(data, actor=world.propaganda)
    got = {(e.sheet, e.row, e.column) for e in report.errors}
    assert got == {("单位", 3, "类型"), ("单位", 4, "上级单位代码"), ("人员", 3, "姓名"),
                   ("任职", 3, "角色"), ("任职", 4, "起始日期"), ("任职", 5, "截止日期"), ("任职", 6, "工号")}
    assert all(e.message for e in report.errors)
    assert not Unit.objects.filter(code__in=["bad1", "bad2"]).exists()
    assert Unit.objects.filter(code="ok1").exists()
    assert Appointment.objects.filter(unit__code="ok1").count() == 0


def test_overlapping_first_responsible_row_is_refused(world):
    data = workbook(people=[("X1", "冒名书记", "wxy", "", "", "", "")],
                    appointments=[("X1", "wxy", "第一责任人", "2025-01-01", "", "", "", "")])
    report = importer.run_import(data, actor=world.propaganda)
    assert len(report.errors) == 1 and "同一时间只能有一人" in report.errors[0].message


def test_dry_run_writes_nothing(world):
    before = Unit.objects.count()
    report = importer.run_import(workbook(**GOOD), actor=world.propaganda, dry_run=True)
    assert report.created["单位"] == 2 and Unit.objects.count() == before


def test_garbage_file_is_refused_clearly(world):
    with pytest.raises(importer.ImportFileError, match="不是有效的 xlsx"):
        importer.run_import(b"hello", actor=world.propaganda)
    with pytest.raises(importer.ImportFileError, match="损坏"):
        importer.run_import(b"PK\x03\x04broken", actor=world.propaganda)


def test_missing_required_column(world):
    wb = Workbook()
    wb.active.title = "单位"
    wb.active.append(["全称"])
    out = io.BytesIO()
    wb.save(out)
    report = importer.run_import(out.getvalue(), actor=world.propaganda)
    assert report.errors[0].column.startswith("单位代码") and "缺少必填列" in report.errors[0].message


def test_import_page_end_to_end(client, world):
    client.force_login(world.propaganda)
    bad = workbook(units=[("zz", "单位", "", "火星", "root", "", "", "")])
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(reverse("org:import"), {"file": SimpleUploadedFile("u.xlsx", bad)})
    assert response.status_code == 200
    text = response.content.decode()
    assert "单位类型“火星”无效" in text and "1 处错误" in text
    report = client.get(reverse("org:import") + "?errors=xlsx")
    ws = load_workbook(io.BytesIO(report.content)).active
    assert [c.value for c in ws[2]][:3] == ["单位", 3, "类型"]
    garbage = client.post(reverse("org:import"), {"file": SimpleUploadedFile("u.xlsx", b"not excel")})
    assert "不是有效的 xlsx" in garbage.content.decode()
