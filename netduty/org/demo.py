"""Demo data: 湘中师范学院, a fictional university (~30 units, ~150 people, their appointments).

Includes a change of the 文学院 party secretary on 2026-07-01, so the responsibility chain
differs before and after that date. Loading is idempotent: a second run changes nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from netduty.policy.models import Role

from . import services
from .models import Appointment, Person, Unit
from .roles import roles_on

DEMO_PASSWORD = "netduty-demo-2026"
ROOT_CODE = "xzsy"
SCHOOL = "湘中师范学院"
START = dt.date(2024, 1, 1)
CHANGE = dt.date(2026, 7, 1)

# code, name, short, kind, parent code
UNITS: list[tuple[str, str, str, str, str | None]] = [
    (ROOT_CODE, f"中共{SCHOOL}委员会", "校党委", "school_committee", None),
    ("xcb", "党委宣传部", "宣传部", "department", ROOT_CODE),
    ("jwb", "纪委办公室", "纪委", "department", ROOT_CODE),
    ("zzb", "党委组织部", "组织部", "department", ROOT_CODE),
    ("dzb", "党政办公室", "党政办", "department", ROOT_CODE),
    ("jwc", "教务处", "教务处", "department", ROOT_CODE),
    ("xgb", "党委学生工作部", "学工部", "department", ROOT_CODE),
    ("wlzx", "网络与信息中心", "网信中心", "institute", ROOT_CODE),
    ("tw", "共青团湘中师范学院委员会", "团委", "department", ROOT_CODE),
    ("tsg", "图书馆", "图书馆", "institute", ROOT_CODE),
    ("fsyy", "中共湘中师范学院附属医院委员会", "附属医院党委", "hospital_committee", ROOT_CODE),
    ("wxy", "文学院党总支", "文学院", "general_branch", ROOT_CODE),
    ("mks", "马克思主义学院党总支", "马院", "general_branch", ROOT_CODE),
    ("sxy", "数学与统计学院党总支", "数统学院", "general_branch", ROOT_CODE),
    ("xxgc", "信息工程学院党总支", "信工学院", "general_branch", ROOT_CODE),
    ("wgy", "外国语学院党总支", "外院", "general_branch", ROOT_CODE),
    ("jgxy", "经济与管理学院党总支", "经管学院", "general_branch", ROOT_CODE),
    ("yyxy", "音乐学院党总支", "音乐学院", "general_branch", ROOT_CODE),
    ("msxy", "美术学院党总支", "美术学院", "general_branch", ROOT_CODE),
    ("tyxy", "体育学院党总支", "体育学院", "general_branch", ROOT_CODE),
    ("jkxy", "教育科学学院党总支", "教科院", "general_branch", ROOT_CODE),
    ("hxxy", "化学与材料工程学院党总支", "化材学院", "general_branch", ROOT_CODE),
    ("smxy", "生命科学学院党总支", "生科院", "general_branch", ROOT_CODE),
    ("jgdy", "机关第一党支部", "机关一支部", "direct_branch", ROOT_CODE),
    ("hqzb", "后勤服务党支部", "后勤支部", "direct_branch", ROOT_CODE),
    ("ltx", "离退休党支部", "离退休支部", "direct_branch", ROOT_CODE),
    ("wxy-jg", "文学院教工党支部", "文学院教工支部", "branch", "wxy"),
    ("wxy-xs", "文学院学生党支部", "文学院学生支部", "branch", "wxy"),
    ("xxgc-jg", "信息工程学院教工党支部", "信工教工支部", "branch", "xxgc"),
    ("xxgc-xs", "信息工程学院学生党支部", "信工学生支部", "branch", "xxgc"),
]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "建国文华明军志强秀英丽娟海涛春梅晓东伟红霞国平德胜玉兰新民振华丽华金凤小红卫东建华永红宏伟子涵思远雨桐浩然欣怡俊杰婷婷嘉豪梓萱宇航"

# Named demo logins: username → (staff_no, name, home unit, title)
LOGINS = {
    "xcb": ("D0001", "王宣文", "xcb", "宣传部部长"),
    "xcb2": ("D0002", "陈舆情", "xcb", "宣传部网络舆情科科长"),
    "jiwei": ("D0003", "郑纪明", "jwb", "纪委办公室主任"),
    "xiaozhang": ("D0004", "刘振华", ROOT_CODE, "校长"),
    "shuji": ("D0005", "李文华", "wxy", "文学院党总支书记"),
    "zhoujg": ("D0006", "周建国", "wxy", "文学院原党总支书记"),
    "bianji": ("D0007", "唐小红", "wxy", "文学院信息员"),
    "fuzeren": ("D0008", "曾宏伟", "wxy", "文学院办公室主任"),
    "waiyu": ("D0009", "邵思远", "wgy", "外国语学院党总支书记"),
}


def _name(rng: random.Random, used: set[str]) -> str:
    while True:
        given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
        name = rng.choice(SURNAMES) + given
        if name not in used:
            used.add(name)
            return name


def _role(code: str) -> Role:
    role = roles_on(START).filter(code=code).first() or roles_on(None).filter(code=code).first()
    if role is None:
        raise RuntimeError(f"policy pack has no role {code}; load the default pack first")
    return role


@transaction.atomic
def load_demo(stdout: Any = None) -> dict[str, int]:
    """Create the demo university. Returns counts; does nothing if it already exists."""
    if Unit.objects.filter(code=ROOT_CODE).exists():
        return {"units": 0, "people": 0, "appointments": 0}
    rng = random.Random(20260701)
    units: dict[str, Unit] = {}
    for order, (code, name, short, kind, parent) in enumerate(UNITS):
        units[code] = services.unit_create(actor=None, code=code, name=name, short_name=short, kind=kind,
                                           parent=units[parent] if parent else None, order=order, active_from=START)
    used: set[str] = {v[1] for v in LOGINS.values()}
    people: dict[str, Person] = {}
    for username, (staff_no, name, unit_code, title) in LOGINS.items():
        people[username] = services.person_create(actor=None, staff_no=staff_no, name=name, unit=units[unit_code],
                                                  title=title, email=f"{username}@xzsy.example.edu.cn",
                                                  username=username, password=DEMO_PASSWORD)
    counter = [100]

    def person(unit_code: str, title: str) -> Person:
        counter[0] += 1
        name = _name(rng, used)
        return services.person_create(actor=None, staff_no=f"T{counter[0]:04d}", name=name, unit=units[unit_code],
                                      title=title)

    def appoint(p: Person, unit_code: str, role: str, start: dt.date = START, end: dt.date | None = None,
                basis: str = "湘中师党字〔2024〕3号", area: str = "", oversees: list[str] | None = None) -> None:
        services.appointment_create(actor=None, person=p, unit=units[unit_code], role=_role(role), valid_from=start,
                                    valid_to=end, basis=basis, area=area,
                                    oversees=[units[c] for c in oversees or []])

    # School committee and school-wide offices
    secretary = person(ROOT_CODE, "党委书记")
    appoint(secretary, ROOT_CODE, "first_responsible", area="全面工作")
    deputy = person(ROOT_CODE, "党委副书记")
    appoint(deputy, ROOT_CODE, "direct_responsible", area="党务、宣传思想工作", oversees=["xcb", "xgb", "tw"])
    appoint(people["xiaozhang"], ROOT_CODE, "team_member", area="行政全面工作", oversees=["dzb"])
    appoint(people["xiaozhang"], ROOT_CODE, "school_leader")
    vp_areas = [("教学、学科建设", ["jwc", "wxy", "sxy", "wgy", "jkxy"]), ("科研、信息化", ["wlzx", "xxgc", "hxxy", "smxy"]),
                ("后勤、医院", ["hqzb", "fsyy", "tsg"]), ("纪检监察", ["jwb"])]
    for area, oversees in vp_areas:
        vp = person(ROOT_CODE, "副校长" if area != "纪检监察" else "纪委书记")
        appoint(vp, ROOT_CODE, "team_member", area=area, oversees=oversees)
        appoint(vp, ROOT_CODE, "school_leader")
    appoint(people["xcb"], "xcb", "propaganda_office", area="宣传思想工作")
    appoint(people["xcb"], "xcb", "unit_head")
    appoint(people["xcb2"], "xcb", "propaganda_office", area="网络舆情")
    appoint(people["jiwei"], "jwb", "discipline_office")
    appoint(people["jiwei"], "jwb", "unit_head")

    # 文学院: the secretary changes on 2026-07-01
    appoint(people["zhoujg"], "wxy", "first_responsible", end=CHANGE - dt.timedelta(days=1))
    appoint(people["shuji"], "wxy", "first_responsible", start=CHANGE, basis="湘中师党字〔2026〕15号")
    appoint(people["fuzeren"], "wxy", "dept_head", area="办公室")
    appoint(people["bianji"], "wxy", "info_officer", area="网站与公众号")
    appoint(people["waiyu"], "wgy", "first_responsible")

    for code, _full, short, kind, _parent in UNITS:
        if code in {ROOT_CODE, "xcb", "jwb"}:
            continue
        party = kind in {"general_branch", "direct_branch", "hospital_committee", "branch"}
        if party and code not in {"wxy", "wgy"}:
            appoint(person(code, f"{short}书记"), code, "first_responsible")
        if kind in {"general_branch", "hospital_committee"}:
            appoint(person(code, f"{short}副书记"), code, "direct_responsible", area="党务、宣传")
            head = person(code, "院长" if kind == "general_branch" else "院长（医院）")
            appoint(head, code, "unit_head")
            appoint(head, code, "team_member", area="行政、教学")
            appoint(person(code, "副院长"), code, "team_member", area="科研、学科")
            appoint(person(code, "网络评论员"), code, "commentator")
            appoint(person(code, "网络评论员"), code, "commentator")
        elif kind in {"department", "institute"}:
            appoint(person(code, f"{short}负责人"), code, "unit_head")
            appoint(person(code, "科长"), code, "dept_head")
        if code != "wxy":
            appoint(person(code, "信息员"), code, "info_officer", area="网站与新媒体")

    User = get_user_model()
    if not User.objects.filter(username="admin").exists():
        User.objects.create_superuser("admin", "admin@xzsy.example.edu.cn", DEMO_PASSWORD)
    return {"units": Unit.objects.count(), "people": Person.objects.count(),
            "appointments": Appointment.objects.count()}
